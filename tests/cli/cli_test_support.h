#pragma once
// Shared by the CLI end-to-end tests: running greenfreight-cli and reading its output layers.
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace gf::testing {

inline const QString kCli = QStringLiteral( GF_BIN_DIR "/greenfreight-cli" );
inline const QString kSample = QStringLiteral( GF_SOURCE_DIR "/sample-data/zhangdian-demo.gpkg" );

struct CliRun
{
  int exitCode = -1;
  QString out;
  QString err;
};

inline CliRun runCli( const QStringList &arguments, const QString &workingDir )
{
  QProcess process;
  process.setWorkingDirectory( workingDir );
  process.start( kCli, arguments );
  process.waitForFinished( 300000 );
  return CliRun{ process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                 QString::fromUtf8( process.readAllStandardOutput() ), QString::fromUtf8( process.readAllStandardError() ) };
}

inline QList<QgsFeature> features( const QString &path, const QString &layerName )
{
  QgsVectorLayer layer( path + QStringLiteral( "|layername=" ) + layerName, layerName, QStringLiteral( "ogr" ) );
  QList<QgsFeature> result;
  if ( !layer.isValid() )
    return result;
  QgsFeatureIterator it = layer.getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    result << feature;
  return result;
}

} // namespace gf::testing
