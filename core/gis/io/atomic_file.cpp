#include "gis/io/atomic_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace gf::gis {

namespace {

GisError writeFailure( const QString &path, const QString &detail )
{
  GisError error;
  error.code = GisErrorCode::WriteFailed;
  error.file = path;
  error.value = detail;
  return error;
}

} // namespace

GisError AtomicFile::replace( const QString &path, const Producer &produce )
{
  const QFileInfo target( path );
  if ( !QDir().mkpath( target.absolutePath() ) )
    return writeFailure( path, QCoreApplication::translate( "gf::gis::AtomicFile", "cannot create the folder" ) );
  if ( target.exists() && !target.isWritable() )
    return writeFailure( path, QCoreApplication::translate( "gf::gis::AtomicFile", "the file is read-only" ) );

  // Same folder as the target so that the final rename is atomic and never crosses devices;
  // the suffix is kept for writers that choose their format by it.
  const QString suffix = target.suffix().isEmpty() ? QString() : QStringLiteral( "." ) + target.suffix();
  const QString temporary = target.absolutePath() + QStringLiteral( "/.%1.%2.partial%3" )
                              .arg( target.completeBaseName() ).arg( QCoreApplication::applicationPid() ).arg( suffix );
  QFile::remove( temporary );
  GisError error = produce( temporary );
  if ( !error.isError() && std::rename( QFile::encodeName( temporary ).constData(), QFile::encodeName( target.absoluteFilePath() ).constData() ) != 0 )
    error = writeFailure( path, QString::fromLocal8Bit( std::strerror( errno ) ) );
  if ( error.isError() )
  {
    QFile::remove( temporary );
    error.file = path;
  }
  return error;
}

} // namespace gf::gis
