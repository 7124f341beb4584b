#include "gis/network/road_layer_importer.h"

#include "gis/io/layer_source.h"

#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <cmath>
#include <optional>

namespace gf::gis {

namespace {

QString tr( const char *text )
{
  return QCoreApplication::translate( "gf::gis::RoadLayerImporter", text );
}

//! Road classes by name: the project's own ids, Chinese urban classes and OSM highway values.
//! Names missing here (footway, path, cycleway, steps…) are not driveable.
std::optional<gf::RoadClass> parseRoadClass( const QString &value )
{
  static const QHash<QString, gf::RoadClass> classes {
    { QStringLiteral( "expressway" ), gf::RoadClass::Expressway },
    { QStringLiteral( "motorway" ), gf::RoadClass::Expressway },
    { QStringLiteral( "motorway_link" ), gf::RoadClass::Expressway },
    { QStringLiteral( "trunk" ), gf::RoadClass::Expressway },
    { QStringLiteral( "trunk_link" ), gf::RoadClass::Expressway },
    { QStringLiteral( "快速路" ), gf::RoadClass::Expressway },
    { QStringLiteral( "arterial" ), gf::RoadClass::Arterial },
    { QStringLiteral( "primary" ), gf::RoadClass::Arterial },
    { QStringLiteral( "primary_link" ), gf::RoadClass::Arterial },
    { QStringLiteral( "主干路" ), gf::RoadClass::Arterial },
    { QStringLiteral( "collector" ), gf::RoadClass::Collector },
    { QStringLiteral( "secondary" ), gf::RoadClass::Collector },
    { QStringLiteral( "secondary_link" ), gf::RoadClass::Collector },
    { QStringLiteral( "tertiary" ), gf::RoadClass::Collector },
    { QStringLiteral( "tertiary_link" ), gf::RoadClass::Collector },
    { QStringLiteral( "次干路" ), gf::RoadClass::Collector },
    { QStringLiteral( "branch" ), gf::RoadClass::Branch },
    { QStringLiteral( "residential" ), gf::RoadClass::Branch },
    { QStringLiteral( "unclassified" ), gf::RoadClass::Branch },
    { QStringLiteral( "living_street" ), gf::RoadClass::Branch },
    { QStringLiteral( "支路" ), gf::RoadClass::Branch },
    { QStringLiteral( "service" ), gf::RoadClass::Service },
    { QStringLiteral( "track" ), gf::RoadClass::Track },
  };
  const auto it = classes.constFind( value.toLower() );
  if ( it == classes.constEnd() )
    return std::nullopt;
  return *it;
}

std::optional<gf::OneWay> parseOneWay( const QString &value )
{
  const QString v = value.toLower();
  if ( v.isEmpty() || v == QLatin1String( "0" ) || v == QLatin1String( "no" ) || v == QLatin1String( "false" ) || v == QLatin1String( "b" ) )
    return gf::OneWay::Both;
  if ( v == QLatin1String( "1" ) || v == QLatin1String( "yes" ) || v == QLatin1String( "true" ) || v == QLatin1String( "ft" ) || v == QLatin1String( "f" ) )
    return gf::OneWay::Forward;
  if ( v == QLatin1String( "-1" ) || v == QLatin1String( "tf" ) || v == QLatin1String( "t" ) || v == QLatin1String( "reverse" ) )
    return gf::OneWay::Backward;
  return std::nullopt;
}

//! Level of a road: an explicit non-zero layer, else 1 for a bridge, −1 for a tunnel, else at
//! grade (OSM's convention: a bridge without a layer tag is on layer 1).
int gradeLevel( bool bridge, bool tunnel, int layer )
{
  if ( layer != 0 )
    return layer;
  return bridge ? 1 : ( tunnel ? -1 : 0 );
}

//! OSM bridge=* and tunnel=*: any value but "no" (yes, viaduct, culvert…) marks the structure.
bool osmStructure( const QHash<QString, QString> &tags, const QString &key )
{
  const QString value = tags.value( key ).toLower();
  return !value.isEmpty() && value != QLatin1String( "no" );
}

//! OGR's OSM driver packs the remaining tags as `"key"=>"value","key2"=>"value2"`.
QHash<QString, QString> parseOtherTags( const QString &otherTags )
{
  static const QRegularExpression pair( QStringLiteral( "\"((?:[^\"\\\\]|\\\\.)*)\"=>\"((?:[^\"\\\\]|\\\\.)*)\"" ) );
  QHash<QString, QString> tags;
  QRegularExpressionMatchIterator it = pair.globalMatch( otherTags );
  while ( it.hasNext() )
  {
    const QRegularExpressionMatch match = it.next();
    tags.insert( match.captured( 1 ), match.captured( 2 ) );
  }
  return tags;
}

//! "50", "50 km/h", "30 mph" → km/h; 0 when not a number.
double parseMaxSpeedKmh( const QString &value )
{
  static const QRegularExpression number( QStringLiteral( "^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(mph)?" ) );
  const QRegularExpressionMatch match = number.match( value );
  if ( !match.hasMatch() )
    return 0.0;
  const double speed = match.captured( 1 ).toDouble();
  return match.captured( 2 ).isEmpty() ? speed : speed * 1.609344;
}

bool isOsmSource( const QString &path )
{
  const QString lower = path.toLower();
  return lower.endsWith( QLatin1String( ".osm" ) ) || lower.endsWith( QLatin1String( ".pbf" ) );
}

//! Centre of the layer's extent; streamed sources such as OSM know it only after a scan.
QgsPointXY layerCentre( QgsVectorLayer &layer )
{
  QgsRectangle extent = layer.extent();
  if ( extent.isNull() || extent.isEmpty() )
  {
    extent.setMinimal();
    QgsFeature feature;
    QgsFeatureIterator it = layer.getFeatures( QgsFeatureRequest().setNoAttributes() );
    while ( it.nextFeature( feature ) )
    {
      if ( feature.hasGeometry() )
        extent.combineExtentWith( feature.geometry().boundingBox() );
    }
  }
  return extent.center();
}

gf::PointXY toPoint( const QgsPointXY &point )
{
  return gf::PointXY{ point.x(), point.y() };
}

//! Attributes of one feature, or an error naming its field.
std::variant<gf::RoadSegmentInput, GisError> readAttributes( const LayerSource &source, const QgsFeature &feature,
                                                              const RoadFieldMapping &fields, bool &driveable, bool &knownClass )
{
  gf::RoadSegmentInput segment;
  driveable = true;
  knownClass = true;
  if ( fields.isOpenStreetMap() )
  {
    const std::optional<gf::RoadClass> roadClass = parseRoadClass( source.text( feature, QStringLiteral( "highway" ) ) );
    if ( !roadClass )
    {
      driveable = false;
      return segment;
    }
    segment.roadClass = *roadClass;
    const QHash<QString, QString> tags = parseOtherTags( source.text( feature, QStringLiteral( "other_tags" ) ) );
    segment.oneWay = parseOneWay( tags.value( QStringLiteral( "oneway" ) ) ).value_or( gf::OneWay::Both );
    segment.speedKmh = parseMaxSpeedKmh( tags.value( QStringLiteral( "maxspeed" ) ) );
    const QString hgv = tags.value( QStringLiteral( "hgv" ) ).toLower();
    const QString access = tags.value( QStringLiteral( "access" ) ).toLower();
    if ( access == QLatin1String( "no" ) || access == QLatin1String( "private" ) )
      driveable = false;
    segment.truckRestricted = hgv == QLatin1String( "no" ) || hgv == QLatin1String( "destination" );
    segment.gradeLevel = gradeLevel( osmStructure( tags, QStringLiteral( "bridge" ) ), osmStructure( tags, QStringLiteral( "tunnel" ) ),
                                     tags.value( QStringLiteral( "layer" ) ).trimmed().toInt() );
    return segment;
  }

  if ( !fields.roadClass.isEmpty() )
  {
    const QString roadClass = source.text( feature, fields.roadClass );
    if ( !roadClass.isEmpty() )
    {
      if ( std::optional<gf::RoadClass> parsed = parseRoadClass( roadClass ) )
        segment.roadClass = *parsed;
      else
        knownClass = false;
    }
  }
  if ( !fields.speedKmh.isEmpty() )
  {
    const std::variant<double, GisError> speed = source.number( feature, fields.speedKmh, 0.0 );
    if ( std::holds_alternative<GisError>( speed ) )
      return std::get<GisError>( speed );
    segment.speedKmh = std::get<double>( speed );
    if ( segment.speedKmh < 0.0 || segment.speedKmh > 200.0 )
      return source.error( GisErrorCode::InvalidValue, fields.speedKmh, feature.id(), QString::number( segment.speedKmh ) );
  }
  if ( !fields.oneWay.isEmpty() )
  {
    const QString oneWay = source.text( feature, fields.oneWay );
    const std::optional<gf::OneWay> parsed = parseOneWay( oneWay );
    if ( !parsed )
      return source.error( GisErrorCode::InvalidValue, fields.oneWay, feature.id(), oneWay );
    segment.oneWay = *parsed;
  }
  if ( !fields.truckRestricted.isEmpty() )
    segment.truckRestricted = source.flag( feature, fields.truckRestricted );
  if ( segment.truckRestricted && !fields.restrictStart.isEmpty() && !fields.restrictEnd.isEmpty() )
  {
    const std::variant<gf::TimeWindow, GisError> window = source.timeWindow( feature, fields.restrictStart, fields.restrictEnd );
    if ( std::holds_alternative<GisError>( window ) )
      return std::get<GisError>( window );
    segment.truckWindow = std::get<gf::TimeWindow>( window );
  }
  int layer = 0;
  if ( !fields.layer.isEmpty() )
  {
    const std::variant<double, GisError> level = source.number( feature, fields.layer, 0.0 );
    if ( std::holds_alternative<GisError>( level ) )
      return std::get<GisError>( level );
    const double value = std::get<double>( level );
    if ( value != std::round( value ) || std::abs( value ) > 10.0 )
      return source.error( GisErrorCode::InvalidValue, fields.layer, feature.id(), QString::number( value ) );
    layer = static_cast<int>( value );
  }
  segment.gradeLevel = gradeLevel( !fields.bridge.isEmpty() && source.flag( feature, fields.bridge ),
                                   !fields.tunnel.isEmpty() && source.flag( feature, fields.tunnel ), layer );
  return segment;
}

} // namespace

RoadFieldMapping RoadFieldMapping::openStreetMap()
{
  RoadFieldMapping mapping;
  mapping.roadClass = QStringLiteral( "highway" );
  mapping.speedKmh.clear();
  mapping.oneWay.clear();
  mapping.truckRestricted.clear();
  mapping.restrictStart.clear();
  mapping.restrictEnd.clear();
  mapping.bridge.clear();
  mapping.tunnel.clear();
  mapping.layer.clear();
  mapping.mOsm = true;
  return mapping;
}

QgsCoordinateReferenceSystem RoadLayerImporter::analysisCrs( const QgsCoordinateReferenceSystem &crs, const QgsPointXY &centre )
{
  if ( !crs.isGeographic() )
    return crs;
  const QgsCoordinateTransform toGeographic( crs, QgsCoordinateReferenceSystem::fromEpsgId( 4490 ), QgsCoordinateTransformContext{} );
  const double longitude = toGeographic.transform( centre ).x();
  // CGCS2000 3-degree Gauss-Krüger zones without prefix: EPSG:4534 (CM 75°E) … EPSG:4554 (CM 135°E).
  const long zoneOffset = std::lround( ( longitude - 75.0 ) / 3.0 );
  if ( zoneOffset < 0 || zoneOffset > 20 )
    return QgsCoordinateReferenceSystem();
  return QgsCoordinateReferenceSystem::fromEpsgId( 4534 + zoneOffset );
}

std::variant<RoadImport, GisError> RoadLayerImporter::import( const QString &path, const RoadImportOptions &options )
{
  RoadImport result;
  result.buildOptions.nodeAtCrossings = options.nodeAtCrossings;
  const bool osm = isOsmSource( path );
  const RoadFieldMapping fields = osm ? RoadFieldMapping::openStreetMap() : options.fields;

  QString layerName = options.layerName;
  if ( layerName.isEmpty() )
  {
    const QStringList lineLayers = LayerSource::layerNames( path, QgsWkbTypes::LineGeometry );
    if ( osm )
      layerName = QStringLiteral( "lines" );
    else if ( lineLayers.contains( QStringLiteral( "roads" ) ) || lineLayers.isEmpty() )
      layerName = QStringLiteral( "roads" );
    else
      layerName = lineLayers.first();
  }
  result.layerName = layerName;

  std::variant<std::unique_ptr<LayerSource>, GisError> opened = LayerSource::open( path, layerName, QgsWkbTypes::LineGeometry, options.encoding );
  if ( std::holds_alternative<GisError>( opened ) )
    return std::get<GisError>( opened );
  LayerSource &source = *std::get<std::unique_ptr<LayerSource>>( opened );

  result.crs = options.targetCrs.isValid() ? options.targetCrs : analysisCrs( source.crs(), layerCentre( *source.layer() ) );
  if ( !result.crs.isValid() )
    return source.error( GisErrorCode::GeographicCrs, QString(), -1, source.crs().authid() );
  if ( result.crs != source.crs() )
    result.warnings << tr( "The road layer is in %1; the analysis runs in %2." ).arg( source.crs().authid(), result.crs.authid() );
  source.setTargetCrs( result.crs );

  int unknownClasses = 0;
  int notDriveable = 0;
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const QgsGeometry geometry = source.targetGeometry( feature );
    if ( geometry.isNull() || geometry.isEmpty() )
      continue;
    bool driveable = true;
    bool knownClass = true;
    std::variant<gf::RoadSegmentInput, GisError> attributes = readAttributes( source, feature, fields, driveable, knownClass );
    if ( std::holds_alternative<GisError>( attributes ) )
      return std::get<GisError>( attributes );
    if ( !driveable )
    {
      ++notDriveable;
      continue;
    }
    if ( !knownClass )
      ++unknownClasses;
    const gf::RoadSegmentInput &segment = std::get<gf::RoadSegmentInput>( attributes );
    const QgsMultiPolylineXY parts = geometry.isMultipart() ? geometry.asMultiPolyline() : QgsMultiPolylineXY{ geometry.asPolyline() };
    for ( const QgsPolylineXY &part : parts )
    {
      gf::RoadSegmentInput piece = segment;
      piece.points.reserve( static_cast<std::size_t>( part.size() ) );
      for ( const QgsPointXY &point : part )
        piece.points.push_back( toPoint( point ) );
      result.segments.push_back( std::move( piece ) );
      result.sourceIds.push_back( feature.id() );
    }
  }
  if ( result.segments.empty() )
    return source.error( GisErrorCode::EmptyLayer );
  if ( unknownClasses > 0 )
    result.warnings << tr( "%1 roads have an unknown road class and were treated as branch streets." ).arg( unknownClasses );
  if ( notDriveable > 0 )
    result.warnings << tr( "%1 ways that vehicles may not use (footways, paths, no access) were skipped." ).arg( notDriveable );
  return result;
}

} // namespace gf::gis
