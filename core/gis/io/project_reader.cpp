#include "gis/io/project_reader.h"

#include "gis/common/geometry_conversion.h"
#include "gis/io/layer_source.h"
#include "gis/network/road_layer_importer.h"

#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>

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
const QString kParcelsLayer = QStringLiteral( "parcels" );
const QString kControlLinesLayer = QStringLiteral( "control_lines" );
const QString kRestrictedZonesLayer = QStringLiteral( "restricted_zones" );
const QString kUserSitesLayer = QStringLiteral( "user_sites" );
const QString kOverridesTable = QStringLiteral( "landuse_overrides" );
const QString kStatusField = QStringLiteral( "status" );

//! Land-use code fields in the order they are looked for, with the code system each implies:
//! third land survey (DLBM/DLMC), the 2023 classification (YDYHFLDM/YDYHFLMC), or a generic
//! land_use_code whose system a `land_use_system` field ("dlbm"/"ydyh2023") may give.
struct LandUseFields
{
  QString code;
  QString name;
  gf::LandUseSystem system;
};
const LandUseFields kLandUseFields[] = {
  { QStringLiteral( "DLBM" ), QStringLiteral( "DLMC" ), gf::LandUseSystem::Dlbm },
  { QStringLiteral( "dlbm" ), QStringLiteral( "dlmc" ), gf::LandUseSystem::Dlbm },
  { QStringLiteral( "YDYHFLDM" ), QStringLiteral( "YDYHFLMC" ), gf::LandUseSystem::Ydyh2023 },
  { QStringLiteral( "ydyhfldm" ), QStringLiteral( "ydyhflmc" ), gf::LandUseSystem::Ydyh2023 },
  { QStringLiteral( "land_use_code" ), QStringLiteral( "land_use_name" ), gf::LandUseSystem::Dlbm },
};
const QString kLandUseSystemField = QStringLiteral( "land_use_system" );
const QString kProjectTable = QStringLiteral( "gf_project" );
const QString kSurveyDatumField = QStringLiteral( "survey_datum" );

//! The datum of the geocoded point layers as the project table declares it (None when it
//! does not).
std::variant<OffsetDatum, GisError> declaredSurveyDatum( const QString &path )
{
  if ( !LayerSource::hasLayer( path, kProjectTable ) )
    return OffsetDatum::None;
  std::variant<std::unique_ptr<LayerSource>, GisError> opened = LayerSource::open( path, kProjectTable, QgsWkbTypes::NullGeometry );
  if ( std::holds_alternative<GisError>( opened ) )
    return std::get<GisError>( opened );
  LayerSource &source = *std::get<std::unique_ptr<LayerSource>>( opened );
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  if ( !it.nextFeature( feature ) )
    return OffsetDatum::None;
  const QString id = source.text( feature, kSurveyDatumField );
  const std::optional<OffsetDatum> datum = offsetDatumFromId( id );
  if ( !datum )
  {
    GisError error = source.error( GisErrorCode::InvalidValue, kSurveyDatumField, feature.id(), id );
    error.expected = QStringLiteral( "wgs84, cgcs2000, gcj02, bd09" );
    return error;
  }
  return *datum;
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
    const std::optional<gf::PointXY> location = enginePointOf( source.targetGeometry( feature ) );
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

//! The analyst's decision on a site from its optional `status` field: candidate (empty),
//! locked (must open) or banned (must stay closed).
std::optional<GisError> readSiteStatus( const LayerSource &source, const QgsFeature &feature, gf::CandidateSite &site )
{
  const QString status = source.text( feature, kStatusField ).trimmed().toLower();
  if ( status.isEmpty() || status == QLatin1String( "candidate" ) )
    return std::nullopt;
  if ( status == QLatin1String( "locked" ) )
    site.required = true;
  else if ( status == QLatin1String( "banned" ) )
    site.banned = true;
  else
  {
    GisError error = source.error( GisErrorCode::InvalidValue, kStatusField, feature.id(), status );
    error.expected = QStringLiteral( "candidate, locked, banned" );
    return error;
  }
  return std::nullopt;
}

//! The fields every candidate site layer shares: location, name, capacity, status.
std::variant<gf::CandidateSite, GisError> readSite( const LayerSource &source, const QgsFeature &feature, gf::CandidateOrigin origin,
                                                    const QString &capacityField )
{
  const std::optional<gf::PointXY> location = enginePointOf( source.targetGeometry( feature ) );
  if ( !location )
    return source.error( GisErrorCode::InvalidValue, QString(), feature.id(), tr( "empty geometry" ) );
  gf::CandidateSite site;
  site.sourceId = feature.id();
  site.location = *location;
  site.origin = origin;
  site.name = source.text( feature, QStringLiteral( "name" ) ).toStdString();
  const std::variant<double, GisError> capacity = source.number( feature, capacityField, 0.0 );
  if ( std::holds_alternative<GisError>( capacity ) )
    return std::get<GisError>( capacity );
  site.capacityParcelsPerDay = std::get<double>( capacity );
  if ( std::optional<GisError> error = readSiteStatus( source, feature, site ) )
    return *error;
  return site;
}

//! A facility type from its id in \a field ("centre", "station", "charging").
std::variant<gf::FacilityType, GisError> readFacility( const LayerSource &source, const QgsFeature &feature, const QString &field )
{
  const QString id = source.text( feature, field ).trimmed().toLower();
  if ( const std::optional<gf::FacilityType> facility = gf::facilityTypeFromId( id.toStdString() ) )
    return *facility;
  GisError error = source.error( GisErrorCode::InvalidValue, field, feature.id(), id );
  error.expected = QStringLiteral( "centre, station, charging" );
  return error;
}

std::optional<GisError> readOutlets( LayerSource &source, ProjectData &data )
{
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    std::variant<gf::CandidateSite, GisError> site = readSite( source, feature, gf::CandidateOrigin::Outlet, QStringLiteral( "capacity_parcels_per_day" ) );
    if ( std::holds_alternative<GisError>( site ) )
      return std::get<GisError>( site );
    gf::CandidateSite &outlet = std::get<gf::CandidateSite>( site );
    outlet.kind = source.text( feature, QStringLiteral( "outlet_type" ) ).toStdString();
    data.scenario.candidates.push_back( std::move( outlet ) );
  }
  if ( data.scenario.candidates.empty() )
    return source.error( GisErrorCode::EmptyLayer );
  return std::nullopt;
}

std::optional<GisError> readUserSites( LayerSource &source, ProjectData &data )
{
  const QString facilityField = QStringLiteral( "facility" );
  const GisError missing = source.requireField( facilityField );
  if ( missing.isError() )
    return missing;
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    std::variant<gf::CandidateSite, GisError> site = readSite( source, feature, gf::CandidateOrigin::User, QStringLiteral( "capacity" ) );
    if ( std::holds_alternative<GisError>( site ) )
      return std::get<GisError>( site );
    const std::variant<gf::FacilityType, GisError> facility = readFacility( source, feature, facilityField );
    if ( std::holds_alternative<GisError>( facility ) )
      return std::get<GisError>( facility );
    gf::CandidateSite &userSite = std::get<gf::CandidateSite>( site );
    userSite.kind = "user";
    userSite.facility = std::get<gf::FacilityType>( facility );
    data.scenario.candidates.push_back( std::move( userSite ) );
  }
  return std::nullopt;
}

std::optional<GisError> readHubs( LayerSource &source, ProjectData &data )
{
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const std::optional<gf::PointXY> location = enginePointOf( source.targetGeometry( feature ) );
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

std::optional<GisError> readParcels( LayerSource &source, ProjectData &data )
{
  const auto fields = std::find_if( std::begin( kLandUseFields ), std::end( kLandUseFields ),
                                    [&source]( const LandUseFields &candidate ) { return source.hasField( candidate.code ); } );
  if ( fields == std::end( kLandUseFields ) )
  {
    GisError error = source.requireField( kLandUseFields[0].code );
    error.expected = QStringLiteral( "DLBM, YDYHFLDM, land_use_code" );
    return error;
  }
  const QString &codeField = fields->code;
  const QString nameField = source.hasField( fields->name ) ? fields->name : QString();
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const QString code = source.text( feature, codeField ).trimmed();
    if ( code.isEmpty() )
      return source.error( GisErrorCode::InvalidValue, codeField, feature.id(), tr( "empty land-use code" ) );
    gf::LandUseSystem system = fields->system;
    const QString systemId = source.text( feature, kLandUseSystemField ).trimmed().toLower();
    if ( !systemId.isEmpty() )
    {
      const std::optional<gf::LandUseSystem> declared = gf::landUseSystemFromId( systemId.toStdString() );
      if ( !declared )
      {
        GisError error = source.error( GisErrorCode::InvalidValue, kLandUseSystemField, feature.id(), systemId );
        error.expected = QStringLiteral( "dlbm, ydyh2023" );
        return error;
      }
      system = *declared;
    }
    const QgsGeometry geometry = source.targetGeometry( feature );
    // A multipart parcel becomes one engine parcel per part, each with the part's own area.
    for ( gf::Polygon &part : enginePolygonsOf( geometry ) )
    {
      gf::LandParcel parcel;
      parcel.sourceId = feature.id();
      parcel.landUseCode = code.toStdString();
      parcel.landUseSystem = system;
      parcel.landUseName = nameField.isEmpty() ? std::string() : source.text( feature, nameField ).toStdString();
      parcel.areaM2 = toQgsPolygon( part ).area();
      parcel.shape = std::move( part );
      data.scenario.parcels.push_back( std::move( parcel ) );
    }
  }
  return std::nullopt;
}

std::optional<GisError> readControlLines( LayerSource &source, ProjectData &data )
{
  const GisError missing = source.requireField( QStringLiteral( "line_type" ) );
  if ( missing.isError() )
    return missing;
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const QString typeId = source.text( feature, QStringLiteral( "line_type" ) ).trimmed().toLower();
    const gf::ControlLineType type = gf::controlLineTypeFromId( typeId.toStdString() );
    if ( type == gf::ControlLineType::Other )
    {
      GisError error = source.error( GisErrorCode::InvalidValue, QStringLiteral( "line_type" ), feature.id(), typeId );
      error.expected = QStringLiteral( "basic_farmland, ecological_redline, urban_boundary" );
      return error;
    }
    for ( gf::Polygon &part : enginePolygonsOf( source.targetGeometry( feature ) ) )
    {
      gf::ControlLine line;
      line.sourceId = feature.id();
      line.type = type;
      line.name = source.text( feature, QStringLiteral( "name" ) ).toStdString();
      line.shape = std::move( part );
      data.scenario.controlLines.push_back( std::move( line ) );
    }
  }
  return std::nullopt;
}

std::optional<GisError> readRestrictedZones( LayerSource &source, ProjectData &data )
{
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const std::variant<gf::TimeWindow, GisError> window
      = source.timeWindow( feature, QStringLiteral( "restrict_start" ), QStringLiteral( "restrict_end" ) );
    if ( std::holds_alternative<GisError>( window ) )
      return std::get<GisError>( window );
    for ( gf::Polygon &part : enginePolygonsOf( source.targetGeometry( feature ) ) )
    {
      gf::RestrictedZone zone;
      zone.sourceId = feature.id();
      zone.name = source.text( feature, QStringLiteral( "name" ) ).toStdString();
      zone.truckWindow = std::get<gf::TimeWindow>( window );
      zone.shape = std::move( part );
      data.scenario.restrictedZones.push_back( std::move( zone ) );
    }
  }
  return std::nullopt;
}

//! Rows (system, code, facility, suitability) changing the shipped suitability table.
std::optional<GisError> readSuitabilityOverrides( LayerSource &source, ProjectData &data )
{
  for ( const QString &field : { QStringLiteral( "system" ), QStringLiteral( "code" ), QStringLiteral( "facility" ), QStringLiteral( "suitability" ) } )
  {
    const GisError missing = source.requireField( field );
    if ( missing.isError() )
      return missing;
  }
  QgsFeature feature;
  QgsFeatureIterator it = source.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    gf::SuitabilityOverride entry;
    const QString system = source.text( feature, QStringLiteral( "system" ) ).trimmed().toLower();
    const std::optional<gf::LandUseSystem> parsedSystem = gf::landUseSystemFromId( system.toStdString() );
    if ( !parsedSystem )
    {
      GisError error = source.error( GisErrorCode::InvalidValue, QStringLiteral( "system" ), feature.id(), system );
      error.expected = QStringLiteral( "dlbm, ydyh2023" );
      return error;
    }
    entry.system = *parsedSystem;
    entry.code = source.text( feature, QStringLiteral( "code" ) ).trimmed().toStdString();
    if ( entry.code.empty() )
      return source.error( GisErrorCode::InvalidValue, QStringLiteral( "code" ), feature.id(), QString() );
    const std::variant<gf::FacilityType, GisError> facility = readFacility( source, feature, QStringLiteral( "facility" ) );
    if ( std::holds_alternative<GisError>( facility ) )
      return std::get<GisError>( facility );
    entry.facility = std::get<gf::FacilityType>( facility );
    const QString suitability = source.text( feature, QStringLiteral( "suitability" ) ).trimmed().toLower();
    const std::optional<gf::Suitability> parsedSuitability = gf::suitabilityFromId( suitability.toStdString() );
    if ( !parsedSuitability )
    {
      GisError error = source.error( GisErrorCode::InvalidValue, QStringLiteral( "suitability" ), feature.id(), suitability );
      error.expected = QStringLiteral( "suitable, conditional, excluded" );
      return error;
    }
    entry.suitability = *parsedSuitability;
    data.scenario.suitabilityOverrides.push_back( entry );
  }
  return std::nullopt;
}

using LayerReader = std::optional<GisError> ( * )( LayerSource &, ProjectData & );

std::optional<GisError> readLayer( const QString &path, const QString &layerName, QgsWkbTypes::GeometryType type,
                                   const QgsCoordinateReferenceSystem &target, LayerReader reader, ProjectData &data,
                                   OffsetDatum datum = OffsetDatum::None )
{
  std::variant<std::unique_ptr<LayerSource>, GisError> opened = LayerSource::open( path, layerName, type );
  if ( std::holds_alternative<GisError>( opened ) )
    return std::get<GisError>( opened );
  LayerSource &source = *std::get<std::unique_ptr<LayerSource>>( opened );
  // Web-map offsets exist only in longitude/latitude: a layer already in a projected CRS was
  // corrected (or surveyed) before, whatever the project says about its geocoded points.
  if ( source.crs().isGeographic() )
  {
    const GisError datumError = source.setOffsetDatum( datum );
    if ( datumError.isError() )
      return datumError;
  }
  source.setTargetCrs( target );
  return reader( source, data );
}

} // namespace

std::variant<ProjectData, GisError> ProjectReader::read( const QString &path, const ProjectReadOptions &options )
{
  OffsetDatum surveyDatum = OffsetDatum::None;
  if ( options.surveyDatum )
  {
    surveyDatum = *options.surveyDatum;
  }
  else
  {
    std::variant<OffsetDatum, GisError> declared = declaredSurveyDatum( path );
    if ( std::holds_alternative<GisError>( declared ) )
      return std::get<GisError>( declared );
    surveyDatum = std::get<OffsetDatum>( declared );
  }
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

  if ( std::optional<GisError> error = readLayer( path, kDemandLayer, QgsWkbTypes::PointGeometry, target, readDemand, data, surveyDatum ) )
    return *error;
  if ( std::optional<GisError> error = readLayer( path, kOutletsLayer, QgsWkbTypes::PointGeometry, target, readOutlets, data, surveyDatum ) )
    return *error;
  // Optional layers, geocoded points first (their datum may need correcting).
  const struct
  {
    const QString &name;
    QgsWkbTypes::GeometryType type;
    LayerReader reader;
  } optionalLayers[] = {
    { kHubsLayer, QgsWkbTypes::PointGeometry, readHubs },
    { kUserSitesLayer, QgsWkbTypes::PointGeometry, readUserSites },
    { kParcelsLayer, QgsWkbTypes::PolygonGeometry, readParcels },
    { kControlLinesLayer, QgsWkbTypes::PolygonGeometry, readControlLines },
    { kRestrictedZonesLayer, QgsWkbTypes::PolygonGeometry, readRestrictedZones },
    { kOverridesTable, QgsWkbTypes::NullGeometry, readSuitabilityOverrides },
  };
  for ( const auto &layer : optionalLayers )
  {
    if ( !LayerSource::hasLayer( path, layer.name ) )
      continue;
    const OffsetDatum datum = layer.type == QgsWkbTypes::PointGeometry ? surveyDatum : OffsetDatum::None;
    if ( std::optional<GisError> error = readLayer( path, layer.name, layer.type, target, layer.reader, data, datum ) )
      return *error;
  }
  return data;
}

} // namespace gf::gis
