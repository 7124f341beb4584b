#include "common/app_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace gf::app {

namespace {

const QString kSampleFileName = QStringLiteral( "zhangdian-demo.gpkg" );

QString sharedDataDirectory()
{
  return QDir( QCoreApplication::applicationDirPath() ).absoluteFilePath( QStringLiteral( "../share/greenfreight" ) );
}

bool isWritableDirectory( const QString &path )
{
  if ( !QDir().mkpath( path ) )
    return false;
  const QFileInfo info( path );
  return info.isDir() && info.isWritable();
}

} // namespace

QString AppPaths::sampleProject()
{
  const QStringList candidates {
    sharedDataDirectory() + QStringLiteral( "/sample-data/" ) + kSampleFileName,
    QStringLiteral( GF_BINARY_DIR "/sample-data/" ) + kSampleFileName,
    QStringLiteral( GF_SOURCE_DIR "/sample-data/" ) + kSampleFileName,
  };
  for ( const QString &candidate : candidates )
  {
    if ( QFileInfo::exists( candidate ) )
      return QFileInfo( candidate ).canonicalFilePath();
  }
  return QString();
}

QString AppPaths::translationsDirectory()
{
  return QDir::cleanPath( sharedDataDirectory() + QStringLiteral( "/translations" ) );
}

QString AppPaths::defaultOutputDirectory( const QString &projectPath )
{
  const QFileInfo project( projectPath );
  const bool isSample = !projectPath.isEmpty() && project.canonicalFilePath() == sampleProject();
  if ( !projectPath.isEmpty() && !isSample )
  {
    const QString besideProject = project.absoluteDir().absoluteFilePath( QStringLiteral( "out" ) );
    if ( isWritableDirectory( besideProject ) )
      return besideProject;
  }
  const QString appData = QStandardPaths::writableLocation( QStandardPaths::AppLocalDataLocation );
  return QDir( appData ).absoluteFilePath( QStringLiteral( "plans" ) );
}

} // namespace gf::app
