#pragma once
// Applies the bundled QML layer styles (resources/styles, compiled into the Qt resources).
#include <QString>

class QgsMapLayer;

namespace gf::app {

class LayerStyler
{
  public:
    //! True when a bundled style named \a styleName (e.g. "roads") exists.
    static bool hasStyle( const QString &styleName );

    //! Applies the style \a styleName to \a layer; false when there is none or it does not apply.
    static bool apply( QgsMapLayer *layer, const QString &styleName );
};

} // namespace gf::app
