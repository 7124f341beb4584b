#include "gis/io/project_reader.h"

#include "gis/io/layer_source.h"

#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <cmath>

namespace gf::gis {

namespace {

QString tr( const char *text )
{
  return QCoreApplication::translate( "gf::gis::ProjectReader", text );
}

const QString kRoadsLayer = QStringLiteral( "roads" );
const QString kDemandLayer = QStringLiteral( "demand" );
const QString kOutletsLayer = QStringLiteral( "outlets" );
const QString kHubsLayer = QStringLiteral( "hubs" );

//! CGCS2000 3-degree Gauss-Krüger zones without zone prefix: EPSG:4534 (CM 75°E) … EPSG:4554 (CM 135°E).
QgsCoordinateReferenceSystem gaussKruger3DegreeFor( double longitude )
{
  const long zoneOffset = std::lround( ( longitude - 75.0 ) / 3.0 );
  if ( zoneOffset < 0 || zoneOffset > 20 )
    return QgsCoordinateReferenceSystem();
  return QgsCoordinateReferenceSystem::fromEpsgId( 4534 + zoneOffset );
}

std::optional<gf::RoadClass> parseRoadClass( const QString &value )
{
  static const QHash<QString, gf::RoadClass> classes {
    { QStringLiteral( "expressway" ), gf::RoadClass::Expressway },
    { QStringLiteral( "motorway" ), gf::RoadClass::Expressway },
    { QStringLiteral( "trunk" ), gf::RoadClass::Expressway },
    { QStringLiteral( "快速路" ), gf::RoadClass::Expressway },
    { QStringLiteral( "arterial" ), gf::RoadClass::Arterial },
    { QStringLiteral( "primary" ), gf::RoadClass::Arterial },
    { QStringLiteral( "主干路" ), gf::RoadClass::Arterial },
    { QStringLiteral( "collector" ), gf::RoadClass::Collector },
    { QStringLiteral( "secondary" ), gf::RoadClass::Collector },
    { QStringLiteral( "tertiary" ), gf::RoadClass::Collector },
    { QStringLiteral( "次干路" ), gf::RoadClass::Collector },
    { QStringLiteral( "branch" ), gf::RoadClass::Branch },
    { QStringLiteral( "residential" ), gf::RoadClass::Branch },
    { QStringLiteral( "unclassified" ), gf::RoadClass::Branch },
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
  if ( v == QLatin1String( "1" ) || v == QLatin1String( "yes" ) || v == QLatin1String( "true" ) || v == QLatin1String( "ft" ) )
    return gf::OneWay::Forward;
  if ( v == QLatin1String( "-1" ) || v == QLatin1String( "tf" ) || v == QLatin1String( "reverse" ) )
    return gf::OneWay::Backward;
  return std::nullopt;
}

//! "HH:MM" → minutes since midnight.
std::optional<int> parseClockTime( const QString &value )
{
  const QStringList parts = value.split( QLatin1Char( ':' ) );
  if ( parts.size() != 2 )
    return std::nullopt;
  bool okHours = false;
  bool okMinutes = false;
  const int hours = parts[0].toInt( &okHours );
  const int minutes = parts[1].toInt( &okMinutes );
  if ( !okHours || !okMinutes || hours < 0 || hours > 24 || minutes < 0 || minutes > 59 )
    return std::nullopt;
  return hours * 60 + minutes;
}

bool parseYes( const QString &value )
{
  const QString v = value.toLower();
  return v == QLatin1String( "yes" ) || v == QLatin1String( "y" ) || v == QLatin1String( "1" ) || v == QLatin1String( "true" ) || v == QStringLiteral( "是" );
}

gf::PointXY toPoint( const QgsPointXY &point )
{
  return gf::PointXY{ point.x(), point.y() };
}

//! A point feature's location; the first part of a multipoint.
std::optional<gf::PointXY> pointOf( const QgsGeometry &geometry )
{
  if ( geometry.isNull() || geometry.isEmpty() )
    return std::nullopt;
  if ( geometry.isMultipart() )
  {
    const QgsMultiPointXY points = geometry.asMultiPoint();
    if ( points.isEmpty() )
      return std::nullopt;
    return toPoint( points.first() );
  }
  return toPoint( geometry.asPoint() );
}

std::optional<GisError> readRoads( LayerSource &source, ProjectData &data )
{
  int unknownClasses = 0;
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const QgsGeometry geometry = source.targetGeometry( feature );
    if ( geometry.isNull() || geometry.isEmpty() )
      continue;

    gf::RoadSegmentInput segment;
    const QString roadClass = source.text( feature, QStringLiteral( "road_class" ) );
    if ( !roadClass.isEmpty() )
    {
      if ( std::optional<gf::RoadClass> parsed = parseRoadClass( roadClass ) )
        segment.roadClass = *parsed;
      else
        ++unknownClasses;
    }
    const std::variant<double, GisError> speed = source.number( feature, QStringLiteral( "speed_kmh" ), 0.0 );
    if ( std::holds_alternative<GisError>( speed ) )
      return std::get<GisError>( speed );
    segment.speedKmh = std::get<double>( speed );
    const QString oneWay = source.text( feature, QStringLiteral( "oneway" ) );
    const std::optional<gf::OneWay> parsedOneWay = parseOneWay( oneWay );
    if ( !parsedOneWay )
      return source.error( GisErrorCode::InvalidValue, QStringLiteral( "oneway" ), feature.id(), oneWay );
    segment.oneWay = *parsedOneWay;
    segment.truckRestricted = parseYes( source.text( feature, QStringLiteral( "truck_restricted" ) ) );
    if ( segment.truckRestricted )
    {
      const QString start = source.text( feature, QStringLiteral( "restrict_start" ) );
      const QString end = source.text( feature, QStringLiteral( "restrict_end" ) );
      if ( !start.isEmpty() || !end.isEmpty() )
      {
        const std::optional<int> startMin = parseClockTime( start );
        const std::optional<int> endMin = parseClockTime( end );
        if ( !startMin )
          return source.error( GisErrorCode::InvalidValue, QStringLiteral( "restrict_start" ), feature.id(), start );
        if ( !endMin )
          return source.error( GisErrorCode::InvalidValue, QStringLiteral( "restrict_end" ), feature.id(), end );
        segment.truckWindow.startMin = static_cast<std::int16_t>( *startMin );
        segment.truckWindow.endMin = static_cast<std::int16_t>( *endMin );
      }
    }

    const QgsMultiPolylineXY parts = geometry.isMultipart() ? geometry.asMultiPolyline() : QgsMultiPolylineXY{ geometry.asPolyline() };
    for ( const QgsPolylineXY &part : parts )
    {
      gf::RoadSegmentInput piece = segment;
      piece.points.reserve( static_cast<std::size_t>( part.size() ) );
      for ( const QgsPointXY &point : part )
        piece.points.push_back( toPoint( point ) );
      data.scenario.roads.push_back( std::move( piece ) );
      data.scenario.roadSourceIds.push_back( feature.id() );
    }
  }
  if ( data.scenario.roads.empty() )
    return source.error( GisErrorCode::EmptyLayer );
  if ( unknownClasses > 0 )
    data.warnings << tr( "%1 roads have an unknown road_class and were treated as branch streets." ).arg( unknownClasses );
  return std::nullopt;
}

std::optional<GisError> readDemand( LayerSource &source, ProjectData &data )
{
  const GisError missing = source.requireField( QStringLiteral( "parcels_per_day" ) );
  if ( missing.isError() )
    return missing;
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const std::optional<gf::PointXY> location = pointOf( source.targetGeometry( feature ) );
    if ( !location )
      return source.error( GisErrorCode::InvalidValue, QString(), feature.id(), tr( "empty geometry" ) );
    gf::DemandPoint point;
    point.sourceId = feature.id();
    point.location = *location;
    point.name = source.text( feature, QStringLiteral( "name" ) ).toStdString();
    point.type = gf::demandTypeFromId( source.text( feature, QStringLiteral( "demand_type" ) ).toLower().toStdString() );
    const std::variant<double, GisError> parcels = source.number( feature, QStringLiteral( "parcels_per_day" ), 0.0 );
    if ( std::holds_alternative<GisError>( parcels ) )
      return std::get<GisError>( parcels );
    point.parcelsPerDay = std::get<double>( parcels );
    if ( point.parcelsPerDay < 0.0 )
      return source.error( GisErrorCode::InvalidValue, QStringLiteral( "parcels_per_day" ), feature.id(), QString::number( point.parcelsPerDay ) );
    const std::variant<double, GisError> tonnes = source.number( feature, QStringLiteral( "tonnes_per_day" ), 0.0 );
    if ( std::holds_alternative<GisError>( tonnes ) )
      return std::get<GisError>( tonnes );
    point.tonnesPerDay = std::get<double>( tonnes );
    point.jointDistribution = parseYes( source.text( feature, QStringLiteral( "joint_distribution" ) ) );
    data.scenario.demand.push_back( std::move( point ) );
  }
  if ( data.scenario.demand.empty() )
    return source.error( GisErrorCode::EmptyLayer );
  return std::nullopt;
}

std::optional<GisError> readOutlets( LayerSource &source, ProjectData &data )
{
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const std::optional<gf::PointXY> location = pointOf( source.targetGeometry( feature ) );
    if ( !location )
      return source.error( GisErrorCode::InvalidValue, QString(), feature.id(), tr( "empty geometry" ) );
    gf::CandidateSite site;
    site.sourceId = feature.id();
    site.location = *location;
    site.origin = gf::CandidateOrigin::Outlet;
    site.name = source.text( feature, QStringLiteral( "name" ) ).toStdString();
    site.kind = source.text( feature, QStringLiteral( "outlet_type" ) ).toStdString();
    const std::variant<double, GisError> capacity = source.number( feature, QStringLiteral( "capacity_parcels_per_day" ), 0.0 );
    if ( std::holds_alternative<GisError>( capacity ) )
      return std::get<GisError>( capacity );
    site.capacityParcelsPerDay = std::get<double>( capacity );
    data.scenario.candidates.push_back( std::move( site ) );
  }
  if ( data.scenario.candidates.empty() )
    return source.error( GisErrorCode::EmptyLayer );
  return std::nullopt;
}

std::optional<GisError> readHubs( LayerSource &source, ProjectData &data )
{
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const std::optional<gf::PointXY> location = pointOf( source.targetGeometry( feature ) );
    if ( !location )
      continue;
    gf::FreightHub hub;
    hub.sourceId = feature.id();
    hub.location = *location;
    hub.name = source.text( feature, QStringLiteral( "name" ) ).toStdString();
    const std::variant<double, GisError> capacity = source.number( feature, QStringLiteral( "capacity_tonnes_per_day" ), 0.0 );
    if ( std::holds_alternative<GisError>( capacity ) )
      return std::get<GisError>( capacity );
    hub.capacityTonnesPerDay = std::get<double>( capacity );
    data.scenario.hubs.push_back( std::move( hub ) );
  }
  return std::nullopt;
}

using LayerReader = std::optional<GisError> ( * )( LayerSource &, ProjectData & );

std::optional<GisError> readLayer( const QString &path, const QString &layerName, QgsWkbTypes::GeometryType type,
                                   const QgsCoordinateReferenceSystem &target, LayerReader reader, ProjectData &data )
{
  std::variant<std::unique_ptr<LayerSource>, GisError> opened = LayerSource::open( path, layerName, type );
  if ( std::holds_alternative<GisError>( opened ) )
    return std::get<GisError>( opened );
  LayerSource &source = *std::get<std::unique_ptr<LayerSource>>( opened );
  source.setTargetCrs( target );
  return reader( source, data );
}

} // namespace

std::variant<ProjectData, GisError> ProjectReader::read( const QString &path )
{
  ProjectData data;
  data.scenario.name = QFileInfo( path ).completeBaseName().toStdString();

  // The roads layer decides the analysis CRS: its own when metric, else the CGCS2000
  // Gauss-Krüger zone around it.
  std::variant<std::unique_ptr<LayerSource>, GisError> opened = LayerSource::open( path, kRoadsLayer, QgsWkbTypes::LineGeometry );
  if ( std::holds_alternative<GisError>( opened ) )
    return std::get<GisError>( opened );
  LayerSource &roads = *std::get<std::unique_ptr<LayerSource>>( opened );
  QgsCoordinateReferenceSystem target = roads.crs();
  if ( target.isGeographic() )
  {
    QgsCoordinateTransform toGeographic( roads.crs(), QgsCoordinateReferenceSystem::fromEpsgId( 4490 ), QgsCoordinateTransformContext{} );
    const QgsPointXY centre = toGeographic.transform( roads.layer()->extent().center() );
    target = gaussKruger3DegreeFor( centre.x() );
    if ( !target.isValid() )
      return roads.error( GisErrorCode::GeographicCrs, QString(), -1, roads.crs().authid() );
    data.warnings << tr( "The road layer is in geographic coordinates (%1); the analysis runs in %2." ).arg( roads.crs().authid(), target.authid() );
  }
  roads.setTargetCrs( target );
  data.crsAuthId = target.authid();
  data.scenario.crsAuthId = data.crsAuthId.toStdString();
  if ( std::optional<GisError> error = readRoads( roads, data ) )
    return *error;

  if ( std::optional<GisError> error = readLayer( path, kDemandLayer, QgsWkbTypes::PointGeometry, target, readDemand, data ) )
    return *error;
  if ( std::optional<GisError> error = readLayer( path, kOutletsLayer, QgsWkbTypes::PointGeometry, target, readOutlets, data ) )
    return *error;
  if ( LayerSource::hasLayer( path, kHubsLayer ) )
  {
    if ( std::optional<GisError> error = readLayer( path, kHubsLayer, QgsWkbTypes::PointGeometry, target, readHubs, data ) )
      return *error;
  }
  return data;
}

} // namespace gf::gis
