#include "common/sample_project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

namespace gf::app {

QString sampleProjectPath()
{
  const QString fileName = QStringLiteral( "zhangdian-demo.gpkg" );
  QStringList candidates;
  if ( qEnvironmentVariableIsSet( "GF_SAMPLE_DATA_DIR" ) )
    candidates << qEnvironmentVariable( "GF_SAMPLE_DATA_DIR" ) + QLatin1Char( '/' ) + fileName;
  const QString exeDir = QCoreApplication::applicationDirPath();
  candidates << exeDir + QStringLiteral( "/../share/greenfreight/sample-data/" ) + fileName;
#ifdef GF_SOURCE_DIR
  candidates << QStringLiteral( GF_SOURCE_DIR "/sample-data/" ) + fileName;
#endif
  for ( const QString &candidate : std::as_const( candidates ) )
  {
    if ( QFileInfo::exists( candidate ) )
      return QFileInfo( candidate ).canonicalFilePath();
  }
  return QString();
}

void prepareQgisEnvironment( bool needsDisplay )
{
  if ( !qEnvironmentVariableIsSet( "QGIS_PREFIX_PATH" ) )
    qputenv( "QGIS_PREFIX_PATH", "/usr" );
  const bool hasDisplay = qEnvironmentVariableIsSet( "DISPLAY" ) || qEnvironmentVariableIsSet( "WAYLAND_DISPLAY" );
  if ( ( !needsDisplay || !hasDisplay ) && !qEnvironmentVariableIsSet( "QT_QPA_PLATFORM" ) )
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
}

} // namespace gf::app
