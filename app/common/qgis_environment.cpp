#include "common/qgis_environment.h"

#include <QByteArray>
#include <QtGlobal>

namespace gf::app {

void prepareQgisEnvironment( bool needsDisplay )
{
  if ( !qEnvironmentVariableIsSet( "QGIS_PREFIX_PATH" ) )
    qputenv( "QGIS_PREFIX_PATH", QByteArrayLiteral( "/usr" ) );
  const bool hasDisplay = qEnvironmentVariableIsSet( "DISPLAY" ) || qEnvironmentVariableIsSet( "WAYLAND_DISPLAY" );
  if ( ( !needsDisplay || !hasDisplay ) && !qEnvironmentVariableIsSet( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", QByteArrayLiteral( "offscreen" ) );
}

} // namespace gf::app
