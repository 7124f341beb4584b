#include "gis/io/geopackage_layer_writer.h"

#include "gis/io/atomic_file.h"

#include <qgscoordinatetransformcontext.h>
#include <qgsvectorfilewriter.h>

#include <memory>

namespace gf::gis {

GeoPackageLayerWriter::GeoPackageLayerWriter( const QString &path, const QgsCoordinateReferenceSystem &crs )
  : mPath( path ), mCrs( crs )
{
}

GisError GeoPackageLayerWriter::writeLayer( const QString &layerName, const QgsFields &fields, QgsWkbTypes::Type type, const FeatureFiller &fill )
{
  QgsVectorFileWriter::SaveVectorOptions options;
  options.driverName = QStringLiteral( "GPKG" );
  options.layerName = layerName;
  options.fileEncoding = QStringLiteral( "UTF-8" );
  options.actionOnExistingFile = mFirstLayer ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
  std::unique_ptr<QgsVectorFileWriter> writer( QgsVectorFileWriter::create( mPath, fields, type, mCrs, QgsCoordinateTransformContext{}, options ) );
  if ( !writer || writer->hasError() != QgsVectorFileWriter::NoError )
    return failure( layerName, writer ? writer->errorMessage() : QString() );
  mFirstLayer = false;
  if ( !fill( *writer ) )
    return failure( layerName, writer->errorMessage() );
  if ( !writer->flushBuffer() )
    return failure( layerName, writer->errorMessage() );
  return GisError{};
}

GisError GeoPackageLayerWriter::failure( const QString &layerName, const QString &detail ) const
{
  GisError error;
  error.code = GisErrorCode::WriteFailed;
  error.file = mPath;
  error.layer = layerName;
  error.value = detail;
  return error;
}

GisError GeoPackageLayerWriter::writeAtomically( const QString &path, const QgsCoordinateReferenceSystem &crs, const LayersWriter &writeLayers )
{
  return AtomicFile::replace( path, [&]( const QString &temporaryPath ) {
    GeoPackageLayerWriter writer( temporaryPath, crs );
    return writeLayers( writer );
  } );
}

} // namespace gf::gis
