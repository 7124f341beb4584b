#include "gis/io/layer_source.h"

#include <qgscoordinatetransformcontext.h>
#include <qgsproviderregistry.h>
#include <qgsprovidersublayerdetails.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>

namespace gf::gis {

LayerSource::LayerSource( const QString &path, const QString &layerName, std::unique_ptr<QgsVectorLayer> layer )
  : mPath( path ), mLayerName( layerName ), mLayer( std::move( layer ) )
{
}

LayerSource::~LayerSource() = default;

bool LayerSource::hasLayer( const QString &path, const QString &layerName )
{
  for ( const QgsProviderSublayerDetails &details : QgsProviderRegistry::instance()->querySublayers( path ) )
  {
    if ( details.name() == layerName )
      return true;
  }
  return false;
}

QStringList LayerSource::layerNames( const QString &path, QgsWkbTypes::GeometryType type )
{
  QStringList names;
  for ( const QgsProviderSublayerDetails &details : QgsProviderRegistry::instance()->querySublayers( path ) )
  {
    if ( QgsWkbTypes::geometryType( details.wkbType() ) == type )
      names << details.name();
  }
  return names;
}

std::variant<std::unique_ptr<LayerSource>, GisError> LayerSource::open( const QString &path, const QString &layerName,
                                                                        QgsWkbTypes::GeometryType expectedType,
                                                                        const QString &encoding )
{
  GisError error;
  error.file = path;
  error.layer = layerName;
  if ( !QFileInfo::exists( path ) )
  {
    error.code = GisErrorCode::FileNotFound;
    error.layer.clear();
    return error;
  }
  const QList<QgsProviderSublayerDetails> subLayers = QgsProviderRegistry::instance()->querySublayers( path );
  if ( subLayers.isEmpty() )
  {
    error.code = GisErrorCode::FileUnreadable;
    error.layer.clear();
    error.value = QCoreApplication::translate( "gf::gis::LayerSource", "no GIS layer found" );
    return error;
  }
  const bool hasRequestedLayer = std::any_of( subLayers.begin(), subLayers.end(), [&layerName]( const QgsProviderSublayerDetails &details ) {
    return details.name() == layerName;
  } );
  if ( !hasRequestedLayer )
  {
    error.code = GisErrorCode::LayerMissing;
    return error;
  }
  QgsVectorLayer::LayerOptions options( QgsCoordinateTransformContext{} );
  options.loadDefaultStyle = false;
  auto layer = std::make_unique<QgsVectorLayer>( path + QStringLiteral( "|layername=" ) + layerName, layerName,
                                                 QStringLiteral( "ogr" ), options );
  if ( !encoding.isEmpty() && layer->isValid() )
    layer->setProviderEncoding( encoding );
  if ( !layer->isValid() )
  {
    error.code = GisErrorCode::LayerInvalid;
    error.value = layer->error().summary();
    return error;
  }
  if ( layer->geometryType() != expectedType )
  {
    error.code = GisErrorCode::WrongGeometryType;
    error.value = QgsWkbTypes::geometryDisplayString( layer->geometryType() );
    error.expected = QgsWkbTypes::geometryDisplayString( expectedType );
    return error;
  }
  // GeoPackage stores "no CRS" as its reserved undefined SRS (srs_id 0 / -1), which QGIS
  // reads as a valid CRS without authority id.
  const QgsCoordinateReferenceSystem crs = layer->crs();
  const bool undefinedCrs = !crs.isValid() || ( crs.authid().isEmpty() && crs.description().startsWith( QLatin1String( "Undefined" ) ) );
  if ( expectedType != QgsWkbTypes::NullGeometry && undefinedCrs )
  {
    error.code = GisErrorCode::MissingCrs;
    return error;
  }
  return std::unique_ptr<LayerSource>( new LayerSource( path, layerName, std::move( layer ) ) );
}

QgsCoordinateReferenceSystem LayerSource::crs() const
{
  return mLayer->crs();
}

void LayerSource::setTargetCrs( const QgsCoordinateReferenceSystem &target )
{
  mTransform = QgsCoordinateTransform( mLayer->crs(), target, QgsCoordinateTransformContext{} );
}

GisError LayerSource::setOffsetDatum( OffsetDatum datum )
{
  if ( datum != OffsetDatum::None && !crs().isGeographic() )
  {
    GisError result = error( GisErrorCode::InvalidValue, QString(), -1, crs().authid() );
    result.expected = QStringLiteral( "EPSG:4326 / EPSG:4490 (GCJ-02 and BD-09 are longitude/latitude)" );
    return result;
  }
  mOffsetDatum = datum;
  return GisError();
}

QgsGeometry LayerSource::targetGeometry( const QgsFeature &feature ) const
{
  QgsGeometry geometry = feature.geometry();
  removeOffset( geometry, mOffsetDatum );
  if ( mTransform.isValid() && !mTransform.isShortCircuited() )
    geometry.transform( mTransform );
  return geometry;
}

bool LayerSource::hasField( const QString &name ) const
{
  return mLayer->fields().lookupField( name ) >= 0;
}

GisError LayerSource::requireField( const QString &name ) const
{
  if ( hasField( name ) )
    return GisError{};
  return error( GisErrorCode::FieldMissing, name );
}

QString LayerSource::text( const QgsFeature &feature, const QString &field, const QString &fallback ) const
{
  const int index = mLayer->fields().lookupField( field );
  if ( index < 0 )
    return fallback;
  const QVariant value = feature.attribute( index );
  if ( value.isNull() )
    return fallback;
  return value.toString().trimmed();
}

bool LayerSource::flag( const QgsFeature &feature, const QString &field ) const
{
  const QString value = text( feature, field ).toLower();
  return value == QLatin1String( "yes" ) || value == QLatin1String( "y" ) || value == QLatin1String( "1" )
         || value == QLatin1String( "true" ) || value == QStringLiteral( "是" );
}

std::variant<double, GisError> LayerSource::number( const QgsFeature &feature, const QString &field, double fallback ) const
{
  const int index = mLayer->fields().lookupField( field );
  if ( index < 0 )
    return fallback;
  const QVariant value = feature.attribute( index );
  if ( value.isNull() )
    return fallback;
  bool ok = false;
  const double number = value.toDouble( &ok );
  if ( !ok )
    return error( GisErrorCode::InvalidValue, field, feature.id(), value.toString() );
  return number;
}

namespace {

//! "HH:MM" → minutes since midnight (24:00 allowed as the end of the day).
std::optional<int> parseClockTime( const QString &value )
{
  const QStringList parts = value.trimmed().split( QLatin1Char( ':' ) );
  if ( parts.size() != 2 )
    return std::nullopt;
  bool okHours = false;
  bool okMinutes = false;
  const int hours = parts[0].toInt( &okHours );
  const int minutes = parts[1].toInt( &okMinutes );
  if ( !okHours || !okMinutes || hours < 0 || hours > 24 || minutes < 0 || minutes > 59 || ( hours == 24 && minutes > 0 ) )
    return std::nullopt;
  return hours * 60 + minutes;
}

} // namespace

std::variant<gf::TimeWindow, GisError> LayerSource::timeWindow( const QgsFeature &feature, const QString &startField, const QString &endField ) const
{
  const QString start = text( feature, startField );
  const QString end = text( feature, endField );
  gf::TimeWindow window;
  if ( start.isEmpty() && end.isEmpty() )
    return window;
  const std::optional<int> startMin = parseClockTime( start );
  if ( !startMin )
    return error( GisErrorCode::InvalidValue, startField, feature.id(), start );
  const std::optional<int> endMin = parseClockTime( end );
  if ( !endMin )
    return error( GisErrorCode::InvalidValue, endField, feature.id(), end );
  window.startMin = static_cast<std::int16_t>( *startMin );
  window.endMin = static_cast<std::int16_t>( *endMin );
  return window;
}

GisError LayerSource::error( GisErrorCode code, const QString &field, qint64 row, const QString &value ) const
{
  GisError result;
  result.code = code;
  result.file = mPath;
  result.layer = mLayerName;
  result.field = field;
  result.row = row;
  result.value = value;
  return result;
}

} // namespace gf::gis
