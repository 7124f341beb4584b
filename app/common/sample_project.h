#pragma once
#include <QString>

namespace gf::app {

//! The bundled sample district, from the source tree in a build or the installed share
//! folder; empty when neither exists.
QString sampleProjectPath();

//! Sets the environment QGIS needs before QgsApplication starts: the system prefix so that
//! all data providers load, and the offscreen platform when no display is present.
void prepareQgisEnvironment( bool needsDisplay );

} // namespace gf::app
