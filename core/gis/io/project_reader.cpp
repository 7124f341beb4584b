#include "gis/io/project_reader.h"

#include "gis/io/layer_source.h"
#include "gis/network/road_layer_importer.h"

#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QFileInfo>

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
    point.jointDistribution = source.flag( feature, QStringLiteral( "joint_distribution" ) );
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
  RoadImportOptions roadOptions;
  roadOptions.layerName = kRoadsLayer;
  std::variant<RoadImport, GisError> roads = RoadLayerImporter::import( path, roadOptions );
  if ( std::holds_alternative<GisError>( roads ) )
    return std::get<GisError>( roads );
  RoadImport &roadImport = std::get<RoadImport>( roads );
  const QgsCoordinateReferenceSystem target = roadImport.crs;
  data.crsAuthId = target.authid();
  data.scenario.crsAuthId = data.crsAuthId.toStdString();
  data.scenario.roads = std::move( roadImport.segments );
  data.scenario.roadSourceIds.assign( roadImport.sourceIds.begin(), roadImport.sourceIds.end() );
  data.warnings << roadImport.warnings;

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
