#pragma once

namespace gf::app {

//! Sets the environment QGIS needs before QgsApplication starts: the system prefix so that
//! all data providers load, and the offscreen platform when no display is present (always
//! for headless tools, which pass needsDisplay = false).
void prepareQgisEnvironment( bool needsDisplay );

} // namespace gf::app
