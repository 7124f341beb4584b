#include "gis/io/plan_writer.h"

#include "engine/scenario/programme_parameter_registry.h"
#include "gis/common/geometry_conversion.h"
#include "gis/io/geopackage_layer_writer.h"

#include <qgsfeature.h>
#include <qgsfields.h>
#include <qgsgeometry.h>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace gf::gis {

namespace {

const char *assignmentStatusId( gf::AssignmentStatus status )
{
  switch ( status )
  {
    case gf::AssignmentStatus::Assigned:
      return "station";
    case gf::AssignmentStatus::NotSnapped:
      return "not_snapped";
    case gf::AssignmentStatus::Unreachable:
      return "unreachable";
    case gf::AssignmentStatus::DirectFromCentre:
      return "centre";
  }
  return "unreachable";
}

QString latin( const char *text )
{
  return QString::fromLatin1( text );
}

QString utf8( const std::string &text )
{
  return QString::fromStdString( text );
}

//! A finite value, or NULL (a ratio without piles is infinite: nothing to write).
QVariant finiteOrNull( double value )
{
  return std::isfinite( value ) ? QVariant( value ) : QVariant();
}

QgsFields makeFields( const QList<QPair<QString, QVariant::Type>> &definitions )
{
  QgsFields fields;
  for ( const auto &definition : definitions )
    fields.append( QgsField( definition.first, definition.second ) );
  return fields;
}

//! Writes \a count rows, row i given by \a fill (attributes and, for layers, geometry).
GisError writeRows( GeoPackageLayerWriter &writer, const QString &name, const QgsFields &fields, QgsWkbTypes::Type type,
                    std::size_t count, const std::function<void( std::size_t, QgsFeature & )> &fill )
{
  return writer.writeLayer( name, fields, type, [&]( QgsFeatureSink &sink ) {
    for ( std::size_t i = 0; i < count; ++i )
    {
      QgsFeature feature( fields );
      fill( i, feature );
      if ( !sink.addFeature( feature, QgsFeatureSink::FastInsert ) )
        return false;
    }
    return true;
  } );
}

struct IndicatorRow
{
  const char *indicator;
  double value;
  const char *unit;
};

QgsFields indicatorFields()
{
  QgsFields fields;
  fields.append( QgsField( QStringLiteral( "indicator" ), QVariant::String ) );
  fields.append( QgsField( QStringLiteral( "value" ), QVariant::Double ) );
  fields.append( QgsField( QStringLiteral( "unit" ), QVariant::String ) );
  return fields;
}

GeoPackageLayerWriter::FeatureFiller indicatorFiller( const std::vector<IndicatorRow> &rows )
{
  return [rows]( QgsFeatureSink &sink ) {
    const QgsFields fields = indicatorFields();
    for ( const IndicatorRow &row : rows )
    {
      QgsFeature feature( fields );
      feature.setAttributes( QVector<QVariant>{ QString::fromLatin1( row.indicator ), row.value, QString::fromLatin1( row.unit ) } );
      if ( !sink.addFeature( feature, QgsFeatureSink::FastInsert ) )
        return false;
    }
    return true;
  };
}

//! A station's parcels per day over its capacity (nothing when the site has no capacity).
QVariant capacityUse( const gf::PlannedStation &station, const gf::SiteCandidate &site )
{
  return site.capacity > 0.0 ? QVariant( station.servedParcelsPerDay / site.capacity ) : QVariant();
}

std::size_t stationsOverCapacity( const gf::ProgrammePlan &plan )
{
  return static_cast<std::size_t>( std::count_if( plan.stations.stations.begin(), plan.stations.stations.end(), [&plan]( const gf::PlannedStation &station ) {
    const gf::SiteCandidate &site = plan.stationCandidates[station.candidateIndex];
    return site.capacity > 0.0 && station.servedParcelsPerDay > site.capacity;
  } ) );
}

std::vector<IndicatorRow> kpiRows( const gf::ProgrammePlan &plan, const gf::Scenario &scenario )
{
  const gf::StationPlanKpis &k = plan.stations.kpis;
  const gf::KpiTotals &before = plan.kpis.baseline.total;
  const gf::KpiTotals &after = plan.kpis.plan.total;
  std::vector<IndicatorRow> rows {
    { "stations", static_cast<double>( k.stations ), "count" },
    { "centres", static_cast<double>( plan.centres.centres.size() ), "count" },
    { "loading_bays", static_cast<double>( plan.loadingBays.bays.size() ), "count" },
    { "charging_piles", static_cast<double>( plan.availablePiles ), "count" },
    { "nev_vehicles_at_piles", static_cast<double>( plan.nevVehiclesAtPiles ), "count" },
    { "station_customers", static_cast<double>( k.demandPoints ), "count" },
    { "assigned_points", static_cast<double>( k.assignedPoints ), "count" },
    { "large_customers", static_cast<double>( plan.largeCustomers.size() ), "count" },
    { "bulk_customers_outside_programme", static_cast<double>( plan.bulkCustomers.size() ), "count" },
    { "service_radius", scenario.parameters.serviceRadiusM, "m" },
    { "coverage_points", 100.0 * k.coverageShareByPoints, "%" },
    { "coverage_parcels", 100.0 * k.coverageShareByParcels, "%" },
    { "mean_distance", k.meanDistanceM, "m" },
    { "max_distance", k.maxDistanceM, "m" },
    { "objective", k.objective, "parcel*m/day" },
    { "lower_bound", k.lowerBound, "parcel*m/day" },
    { "gap", 100.0 * k.gap, "%" },
    { "proven_optimal", k.provenOptimal ? 1.0 : 0.0, "bool" },
    { "centre_objective", plan.centres.objectiveCnyPerDay, "CNY/day" },
    { "centre_lower_bound", plan.centres.lowerBoundCnyPerDay, "CNY/day" },
    { "centre_gap", 100.0 * plan.centres.gap, "%" },
    { "loading_bay_deliveries_covered", plan.loadingBays.coveredDeliveries, "parcels/day" },
    { "loading_bay_deliveries_bound", plan.loadingBays.coveredDeliveriesBound, "parcels/day" },
    { "stations_over_capacity", static_cast<double>( stationsOverCapacity( plan ) ), "count" },
    { "canceled", plan.canceled ? 1.0 : 0.0, "bool" },
    { "scenario_revision", static_cast<double>( plan.scenarioRevision ), "revision" },
  };
  const struct
  {
    const char *baselineId;
    const char *planId;
    double baseline;
    double planned;
    const char *unit;
  } compared[] = {
    { "baseline_vehicle_km", "plan_vehicle_km", before.vehicleKm, after.vehicleKm, "km/day" },
    { "baseline_tonne_km", "plan_tonne_km", before.tonneKm, after.tonneKm, "t*km/day" },
    { "baseline_cost", "plan_cost", before.costCny, after.costCny, "CNY/day" },
    { "baseline_energy", "plan_energy", before.energyKwh, after.energyKwh, "kWh/day" },
    { "baseline_energy_per_tonne_km", "plan_energy_per_tonne_km", before.energyKwhPerTonneKm(), after.energyKwhPerTonneKm(), "kWh/(t*km)" },
    { "baseline_co2", "plan_co2", before.co2Kg, after.co2Kg, "kg/day" },
    { "baseline_load_factor", "plan_load_factor", 100.0 * before.loadFactor(), 100.0 * after.loadFactor(), "%" },
    { "baseline_vehicles", "plan_vehicles", static_cast<double>( before.vehicles ), static_cast<double>( after.vehicles ), "count" },
    { "baseline_nev_vehicles", "plan_nev_vehicles", static_cast<double>( before.nevVehicles ), static_cast<double>( after.nevVehicles ), "count" },
  };
  for ( const auto &row : compared )
  {
    rows.push_back( { row.baselineId, row.baseline, row.unit } );
    rows.push_back( { row.planId, row.planned, row.unit } );
  }
  if ( plan.jointShareLargeBaseline && plan.jointShareLargePlan )
  {
    rows.push_back( { "baseline_joint_share_large", 100.0 * *plan.jointShareLargeBaseline, "%" } );
    rows.push_back( { "plan_joint_share_large", 100.0 * *plan.jointShareLargePlan, "%" } );
  }
  // Vehicle-km and vehicles by type, so that a reviewer sees where the totals come from.
  static const char *const kVehicleKmIds[2][gf::kVehicleTypeCount] = {
    { "baseline_vehicle_km_heavy_truck", "baseline_vehicle_km_nev_van", "baseline_vehicle_km_e_tricycle", "baseline_vehicle_km_diesel_van" },
    { "plan_vehicle_km_heavy_truck", "plan_vehicle_km_nev_van", "plan_vehicle_km_e_tricycle", "plan_vehicle_km_diesel_van" } };
  static const char *const kVehicleIds[2][gf::kVehicleTypeCount] = {
    { "baseline_vehicles_heavy_truck", "baseline_vehicles_nev_van", "baseline_vehicles_e_tricycle", "baseline_vehicles_diesel_van" },
    { "plan_vehicles_heavy_truck", "plan_vehicles_nev_van", "plan_vehicles_e_tricycle", "plan_vehicles_diesel_van" } };
  const gf::ScenarioKpis *scenarios[2] = { &plan.kpis.baseline, &plan.kpis.plan };
  for ( int which = 0; which < 2; ++which )
  {
    for ( std::size_t type = 0; type < gf::kVehicleTypeCount; ++type )
    {
      rows.push_back( { kVehicleKmIds[which][type], scenarios[which]->byVehicle[type].vehicleKm, "km/day" } );
      rows.push_back( { kVehicleIds[which][type], static_cast<double>( scenarios[which]->byVehicle[type].vehicles ), "count" } );
    }
  }
  return rows;
}

std::vector<IndicatorRow> networkRows( const gf::NetworkReport &report )
{
  std::vector<IndicatorRow> rows {
    { "input_segments", static_cast<double>( report.inputSegments ), "count" },
    { "invalid_segments", static_cast<double>( report.invalidSegments ), "count" },
    { "zero_length_pieces", static_cast<double>( report.zeroLengthPieces ), "count" },
    { "duplicate_pieces", static_cast<double>( report.duplicatePieces ), "count" },
    { "merged_vertices", static_cast<double>( report.mergedVertices ), "count" },
    { "nodes", static_cast<double>( report.nodes ), "count" },
    { "directed_edges", static_cast<double>( report.edges ), "count" },
    { "total_length", report.totalLengthM, "m" },
    { "components", static_cast<double>( report.components.size() ), "count" },
    { "dangling_ends", static_cast<double>( report.danglingEnds.size() ), "count" },
    { "crossings_noded", static_cast<double>( report.crossingsNoded ), "count" },
    { "crossings_grade_separated", static_cast<double>( report.crossingsSeparated ), "count" },
  };
  static const char *const kClassIds[gf::kRoadClassCount] = { "length_expressway", "length_arterial", "length_collector",
                                                              "length_branch", "length_service", "length_track" };
  for ( int c = 0; c < gf::kRoadClassCount; ++c )
    rows.push_back( { kClassIds[c], report.lengthByClassM[c], "m" } );
  return rows;
}

//! A candidate's name; a parcel is named by its feature id and land-use class, since the
//! survey gives parcels no names.
QString siteName( const gf::SiteCandidate &candidate )
{
  if ( candidate.origin != gf::CandidateOrigin::Parcel )
    return utf8( candidate.name );
  if ( candidate.name.empty() )
    return QCoreApplication::translate( "gf::gis::PlanWriter", "Parcel %1" ).arg( candidate.sourceId );
  return QCoreApplication::translate( "gf::gis::PlanWriter", "Parcel %1 (%2)" ).arg( candidate.sourceId ).arg( utf8( candidate.name ) );
}

//! The outlet type of a candidate that comes from the outlets layer, else its origin.
QString siteKind( const gf::Scenario &scenario, const gf::SiteCandidate &candidate )
{
  if ( ( candidate.origin == gf::CandidateOrigin::Outlet || candidate.origin == gf::CandidateOrigin::User ) && candidate.sourceIndex < scenario.candidates.size() )
    return utf8( scenario.candidates[candidate.sourceIndex].kind );
  return latin( gf::candidateOriginId( candidate.origin ) );
}

QVariant suitabilityValue( const std::optional<gf::Suitability> &suitability )
{
  return suitability ? QVariant( latin( gf::suitabilityId( *suitability ) ) ) : QVariant();
}

GisError writeSites( GeoPackageLayerWriter &writer, const gf::Scenario &scenario, const gf::ProgrammePlan &plan )
{
  const QgsFields centreFields = makeFields( { { QStringLiteral( "centre_id" ), QVariant::Int }, { QStringLiteral( "name" ), QVariant::String },
                                               { QStringLiteral( "site_origin" ), QVariant::String }, { QStringLiteral( "land_use_code" ), QVariant::String },
                                               { QStringLiteral( "parcel_area_m2" ), QVariant::Double }, { QStringLiteral( "capacity_t_per_day" ), QVariant::Double },
                                               { QStringLiteral( "throughput_t_per_day" ), QVariant::Double }, { QStringLiteral( "throughput_parcels_per_day" ), QVariant::Double },
                                               { QStringLiteral( "clients" ), QVariant::Int }, { QStringLiteral( "hub" ), QVariant::String },
                                               { QStringLiteral( "inbound_distance_m" ), QVariant::Double } } );
  GisError error = writeRows( writer, QStringLiteral( "centres" ), centreFields, QgsWkbTypes::Point, plan.centres.centres.size(),
                              [&]( std::size_t i, QgsFeature &feature ) {
    const gf::PlannedCentre &centre = plan.centres.centres[i];
    const gf::SiteCandidate &site = plan.centreCandidates[centre.siteIndex];
    feature.setGeometry( QgsGeometry::fromPointXY( toQgsPoint( site.location ) ) );
    const QVariant hub = centre.hubIndex == gf::PlannedCentre::kNoHub ? QVariant() : QVariant( utf8( scenario.hubs[centre.hubIndex].name ) );
    feature.setAttributes( QVector<QVariant>{ static_cast<int>( i + 1 ), siteName( site ), latin( gf::candidateOriginId( site.origin ) ), utf8( site.landUseCode ),
                             site.parcelAreaM2, site.capacity, centre.throughputTonnesPerDay, centre.throughputParcelsPerDay,
                             static_cast<int>( centre.clientCount ), hub, centre.inboundDistanceM } );
  } );
  if ( error.isError() )
    return error;

  const QgsFields stationFields = makeFields( { { QStringLiteral( "rank" ), QVariant::Int }, { QStringLiteral( "name" ), QVariant::String },
                                                { QStringLiteral( "site_kind" ), QVariant::String }, { QStringLiteral( "site_origin" ), QVariant::String },
                                                { QStringLiteral( "candidate_fid" ), QVariant::LongLong }, { QStringLiteral( "land_use_code" ), QVariant::String },
                                                { QStringLiteral( "assigned_demand" ), QVariant::Int }, { QStringLiteral( "served_parcels_per_day" ), QVariant::Double },
                                                { QStringLiteral( "capacity_parcels_per_day" ), QVariant::Double }, { QStringLiteral( "capacity_use" ), QVariant::Double },
                                                { QStringLiteral( "mean_distance_m" ), QVariant::Double },
                                                { QStringLiteral( "centre_id" ), QVariant::Int } } );
  error = writeRows( writer, QStringLiteral( "stations" ), stationFields, QgsWkbTypes::Point, plan.stations.stations.size(),
                     [&]( std::size_t i, QgsFeature &feature ) {
    const gf::PlannedStation &station = plan.stations.stations[i];
    const gf::SiteCandidate &site = plan.stationCandidates[station.candidateIndex];
    const std::uint32_t centre = i < plan.centres.clientCentre.size() ? plan.centres.clientCentre[i] : UINT32_MAX;
    feature.setGeometry( QgsGeometry::fromPointXY( toQgsPoint( site.location ) ) );
    feature.setAttributes( QVector<QVariant>{ static_cast<int>( station.rank ), siteName( site ), siteKind( scenario, site ), latin( gf::candidateOriginId( site.origin ) ),
                             static_cast<qlonglong>( site.sourceId ), utf8( site.landUseCode ), static_cast<int>( station.assignedDemandCount ),
                             station.servedParcelsPerDay, site.capacity, capacityUse( station, site ), station.meanDistanceM,
                             centre == UINT32_MAX ? QVariant() : QVariant( static_cast<int>( centre + 1 ) ) } );
  } );
  if ( error.isError() )
    return error;

  const QgsFields pileFields = makeFields( { { QStringLiteral( "site_kind" ), QVariant::String }, { QStringLiteral( "base_id" ), QVariant::Int },
                                             { QStringLiteral( "nev_vehicles" ), QVariant::Int }, { QStringLiteral( "ac_7kw" ), QVariant::Int },
                                             { QStringLiteral( "dc_60kw" ), QVariant::Int }, { QStringLiteral( "dc_120kw" ), QVariant::Int },
                                             { QStringLiteral( "piles" ), QVariant::Int }, { QStringLiteral( "underground" ), QVariant::Int },
                                             { QStringLiteral( "grid_kwh_per_day" ), QVariant::Double }, { QStringLiteral( "mean_wait_min" ), QVariant::Double },
                                             { QStringLiteral( "overflow_piles" ), QVariant::Int } } );
  // Bases whose vehicles need no pile (stations with tricycles on battery swap) are no
  // charging sites on the map.
  std::vector<std::size_t> withPiles;
  for ( std::size_t i = 0; i < plan.charging.size(); ++i )
  {
    if ( plan.charging[i].sizing.sitePiles() > 0 || plan.charging[i].sizing.overflowPiles > 0 )
      withPiles.push_back( i );
  }
  return writeRows( writer, QStringLiteral( "charging_piles" ), pileFields, QgsWkbTypes::Point, withPiles.size(),
                    [&]( std::size_t i, QgsFeature &feature ) {
    const gf::ChargingPlanSite &site = plan.charging[withPiles[i]];
    const gf::ChargingSite &sizing = site.sizing;
    feature.setGeometry( QgsGeometry::fromPointXY( toQgsPoint( site.location ) ) );
    feature.setAttributes( QVector<QVariant>{ latin( gf::chargingSiteKindId( site.kind ) ), static_cast<int>( site.baseIndex + 1 ), static_cast<int>( sizing.demand.vehicles ),
                             static_cast<int>( sizing.acPiles ), static_cast<int>( sizing.dcPiles ), static_cast<int>( sizing.dcFastPiles ),
                             static_cast<int>( sizing.sitePiles() ), static_cast<int>( sizing.undergroundPiles ), sizing.demand.gridKwhPerDay,
                             site.kind == gf::ChargingSiteKind::Public ? QVariant() : finiteOrNull( sizing.meanWaitMinutes ),
                             static_cast<int>( sizing.overflowPiles ) } );
  } );
}

GisError writeNetworkLayers( GeoPackageLayerWriter &writer, const gf::Scenario &scenario, const gf::ProgrammePlan &plan )
{
  const QgsFields bayFields = makeFields( { { QStringLiteral( "bay_id" ), QVariant::Int }, { QStringLiteral( "road_fid" ), QVariant::LongLong },
                                            { QStringLiteral( "road_name" ), QVariant::String }, { QStringLiteral( "window_start" ), QVariant::String },
                                            { QStringLiteral( "window_end" ), QVariant::String }, { QStringLiteral( "served_deliveries" ), QVariant::Double },
                                            { QStringLiteral( "served_customers" ), QVariant::Int } } );
  auto clock = []( int minutes ) { return QStringLiteral( "%1:%2" ).arg( minutes / 60, 2, 10, QLatin1Char( '0' ) ).arg( minutes % 60, 2, 10, QLatin1Char( '0' ) ); };
  GisError error = writeRows( writer, QStringLiteral( "loading_bays" ), bayFields, QgsWkbTypes::LineString, plan.loadingBays.bays.size(),
                              [&]( std::size_t i, QgsFeature &feature ) {
    const gf::LoadingBay &bay = plan.loadingBays.bays[i];
    feature.setGeometry( toQgsPolyline( bay.line ) );
    const QVariant roadId = bay.roadIndex < scenario.roadSourceIds.size() ? QVariant( static_cast<qlonglong>( scenario.roadSourceIds[bay.roadIndex] ) ) : QVariant();
    const QVariant roadName = bay.roadIndex < scenario.roadNames.size() ? QVariant( utf8( scenario.roadNames[bay.roadIndex] ) ) : QVariant();
    feature.setAttributes( QVector<QVariant>{ static_cast<int>( i + 1 ), roadId, roadName, clock( bay.window.startMin ), clock( bay.window.endMin ),
                             bay.servedDeliveries, static_cast<int>( bay.servedCustomers ) } );
  } );
  if ( error.isError() )
    return error;

  const QgsFields flowFields = makeFields( { { QStringLiteral( "tier" ), QVariant::String }, { QStringLiteral( "from_id" ), QVariant::Int },
                                             { QStringLiteral( "to_id" ), QVariant::Int }, { QStringLiteral( "tonnes_per_day" ), QVariant::Double },
                                             { QStringLiteral( "parcels_per_day" ), QVariant::Double }, { QStringLiteral( "network_distance_m" ), QVariant::Double },
                                             { QStringLiteral( "carrier" ), QVariant::Int } } );
  error = writeRows( writer, QStringLiteral( "flows" ), flowFields, QgsWkbTypes::LineString, plan.flows.size(), [&]( std::size_t i, QgsFeature &feature ) {
    const gf::Flow &flow = plan.flows[i];
    feature.setGeometry( toQgsPolyline( { flow.from, flow.to } ) );
    const bool baseline = flow.tier == gf::FlowTier::BaselineHubToCustomer;
    feature.setAttributes( QVector<QVariant>{ latin( gf::flowTierId( flow.tier ) ), static_cast<int>( flow.fromIndex + 1 ), static_cast<int>( flow.toIndex + 1 ),
                             flow.tonnesPerDay, flow.parcelsPerDay, flow.networkDistanceM,
                             baseline ? QVariant( static_cast<int>( flow.carrier + 1 ) ) : QVariant() } );
  } );
  if ( error.isError() )
    return error;

  const QgsFields assignmentFields = makeFields( { { QStringLiteral( "demand_fid" ), QVariant::LongLong }, { QStringLiteral( "name" ), QVariant::String },
                                                   { QStringLiteral( "demand_type" ), QVariant::String }, { QStringLiteral( "parcels_per_day" ), QVariant::Double },
                                                   { QStringLiteral( "tonnes_per_day" ), QVariant::Double }, { QStringLiteral( "served_by" ), QVariant::String },
                                                   { QStringLiteral( "station_rank" ), QVariant::Int }, { QStringLiteral( "centre_id" ), QVariant::Int },
                                                   { QStringLiteral( "network_distance_m" ), QVariant::Double }, { QStringLiteral( "within_radius" ), QVariant::Int } } );
  std::vector<char> bulk( scenario.demand.size(), 0 );
  for ( std::uint32_t index : plan.bulkCustomers )
    bulk[index] = 1;
  std::vector<std::uint32_t> centreOfCustomer( scenario.demand.size(), UINT32_MAX );
  std::vector<double> centreDistance( scenario.demand.size(), 0.0 );
  for ( std::size_t j = 0; j < plan.largeCustomers.size(); ++j )
  {
    const std::size_t client = plan.stations.stations.size() + j;
    if ( client < plan.centres.clientCentre.size() )
    {
      centreOfCustomer[plan.largeCustomers[j]] = plan.centres.clientCentre[client];
      centreDistance[plan.largeCustomers[j]] = plan.centres.clientDistanceM[client];
    }
  }
  error = writeRows( writer, QStringLiteral( "demand_assignment" ), assignmentFields, QgsWkbTypes::Point, plan.stations.assignments.size(),
                     [&]( std::size_t i, QgsFeature &feature ) {
    const gf::DemandAssignment &assignment = plan.stations.assignments[i];
    const gf::DemandPoint &point = scenario.demand[assignment.demandIndex];
    const bool byStation = assignment.status == gf::AssignmentStatus::Assigned;
    const std::uint32_t centre = centreOfCustomer[assignment.demandIndex];
    const bool byCentre = assignment.status == gf::AssignmentStatus::DirectFromCentre && centre != UINT32_MAX;
    feature.setGeometry( QgsGeometry::fromPointXY( toQgsPoint( point.location ) ) );
    feature.setAttributes( QVector<QVariant>{ static_cast<qlonglong>( point.sourceId ), utf8( point.name ), latin( gf::demandTypeId( point.type ) ), point.parcelsPerDay,
                             point.tonnesPerDay, bulk[assignment.demandIndex] ? QStringLiteral( "outside_programme" )
                             : assignment.status == gf::AssignmentStatus::DirectFromCentre && !byCentre ? QStringLiteral( "unserved" )
                                                                                                    : latin( assignmentStatusId( assignment.status ) ),
                             byStation ? QVariant( static_cast<int>( plan.stations.stations[assignment.stationIndex].rank ) ) : QVariant(),
                             byCentre ? QVariant( static_cast<int>( centre + 1 ) ) : QVariant(),
                             byStation ? QVariant( assignment.networkDistanceM ) : byCentre ? QVariant( centreDistance[assignment.demandIndex] ) : QVariant(),
                             byStation ? QVariant( assignment.withinServiceRadius ? 1 : 0 ) : QVariant() } );
  } );
  if ( error.isError() )
    return error;

  std::vector<std::size_t> stationAssignments;
  for ( std::size_t i = 0; i < plan.stations.assignments.size(); ++i )
  {
    if ( plan.stations.assignments[i].status == gf::AssignmentStatus::Assigned )
      stationAssignments.push_back( i );
  }
  const QgsFields lineFields = makeFields( { { QStringLiteral( "demand_fid" ), QVariant::LongLong }, { QStringLiteral( "station_rank" ), QVariant::Int },
                                             { QStringLiteral( "network_distance_m" ), QVariant::Double } } );
  return writeRows( writer, QStringLiteral( "allocation_lines" ), lineFields, QgsWkbTypes::LineString, stationAssignments.size(),
                    [&]( std::size_t i, QgsFeature &feature ) {
    const gf::DemandAssignment &assignment = plan.stations.assignments[stationAssignments[i]];
    const gf::DemandPoint &point = scenario.demand[assignment.demandIndex];
    const gf::PlannedStation &station = plan.stations.stations[assignment.stationIndex];
    feature.setGeometry( toQgsPolyline( { plan.stationCandidates[station.candidateIndex].location, point.location } ) );
    feature.setAttributes( QVector<QVariant>{ static_cast<qlonglong>( point.sourceId ), static_cast<int>( station.rank ), assignment.networkDistanceM } );
  } );
}

GisError writeCandidates( GeoPackageLayerWriter &writer, const gf::Scenario &scenario, const gf::ProgrammePlan &plan )
{
  struct Row
  {
    gf::FacilityType facility;
    const gf::SiteCandidate *candidate;
  };
  std::vector<Row> rows;
  const std::pair<gf::FacilityType, const std::vector<gf::SiteCandidate> *> lists[] = {
    { gf::FacilityType::DistributionCentre, &plan.centreCandidates },
    { gf::FacilityType::EndStation, &plan.stationCandidates },
    { gf::FacilityType::ChargingSite, &plan.chargingCandidates },
  };
  for ( const auto &[facility, list] : lists )
  {
    for ( const gf::SiteCandidate &candidate : *list )
      rows.push_back( { facility, &candidate } );
  }
  const QgsFields fields = makeFields( { { QStringLiteral( "facility" ), QVariant::String }, { QStringLiteral( "name" ), QVariant::String },
                                         { QStringLiteral( "site_kind" ), QVariant::String }, { QStringLiteral( "site_origin" ), QVariant::String },
                                         { QStringLiteral( "source_fid" ), QVariant::LongLong }, { QStringLiteral( "land_use_code" ), QVariant::String },
                                         { QStringLiteral( "suitability" ), QVariant::String }, { QStringLiteral( "parcel_area_m2" ), QVariant::Double },
                                         { QStringLiteral( "road_access_m" ), QVariant::Double }, { QStringLiteral( "capacity" ), QVariant::Double },
                                         { QStringLiteral( "accepted" ), QVariant::Int }, { QStringLiteral( "rejection" ), QVariant::String },
                                         { QStringLiteral( "control_line" ), QVariant::String } } );
  return writeRows( writer, QStringLiteral( "candidates" ), fields, QgsWkbTypes::Point, rows.size(), [&]( std::size_t i, QgsFeature &feature ) {
    const gf::SiteCandidate &candidate = *rows[i].candidate;
    feature.setGeometry( QgsGeometry::fromPointXY( toQgsPoint( candidate.location ) ) );
    const QVariant line = candidate.controlLineIndex < scenario.controlLines.size()
                            ? QVariant( utf8( scenario.controlLines[candidate.controlLineIndex].name ) ) : QVariant();
    feature.setAttributes( QVector<QVariant>{ latin( gf::facilityTypeId( rows[i].facility ) ), siteName( candidate ), siteKind( scenario, candidate ),
                             latin( gf::candidateOriginId( candidate.origin ) ), static_cast<qlonglong>( candidate.sourceId ),
                             candidate.landUseCode.empty() ? QVariant() : QVariant( utf8( candidate.landUseCode ) ), suitabilityValue( candidate.suitability ),
                             candidate.parcelAreaM2 > 0.0 ? QVariant( candidate.parcelAreaM2 ) : QVariant(),
                             candidate.roadAccessM >= 0.0 ? QVariant( candidate.roadAccessM ) : QVariant(), candidate.capacity,
                             candidate.isAccepted() ? 1 : 0, candidate.isAccepted() ? QVariant() : QVariant( latin( gf::candidateRejectionId( candidate.rejection ) ) ),
                             line } );
  } );
}

GisError writeTables( GeoPackageLayerWriter &writer, const gf::Scenario &scenario, const gf::ProgrammePlan &plan )
{
  GisError error = writer.writeLayer( QStringLiteral( "kpi" ), indicatorFields(), QgsWkbTypes::NoGeometry, indicatorFiller( kpiRows( plan, scenario ) ) );
  if ( error.isError() )
    return error;

  const QgsFields complianceFields = makeFields( { { QStringLiteral( "target_id" ), QVariant::String }, { QStringLiteral( "target" ), QVariant::Double },
                                                   { QStringLiteral( "achieved" ), QVariant::Double }, { QStringLiteral( "margin" ), QVariant::Double },
                                                   { QStringLiteral( "status" ), QVariant::String }, { QStringLiteral( "pass" ), QVariant::Int },
                                                   { QStringLiteral( "applicable" ), QVariant::Int } } );
  error = writeRows( writer, QStringLiteral( "compliance" ), complianceFields, QgsWkbTypes::NoGeometry, plan.compliance.size(),
                     [&]( std::size_t i, QgsFeature &feature ) {
    const gf::ComplianceRow &row = plan.compliance[i];
    const bool applicable = row.status != gf::ComplianceStatus::NotApplicable;
    feature.setAttributes( QVector<QVariant>{ utf8( row.id ), row.target, finiteOrNull( row.achieved ), finiteOrNull( row.margin ), latin( gf::complianceStatusId( row.status ) ),
                             row.status == gf::ComplianceStatus::Pass ? 1 : 0, applicable ? 1 : 0 } );
  } );
  if ( error.isError() )
    return error;

  const QgsFields conflictFields = makeFields( { { QStringLiteral( "facility" ), QVariant::String }, { QStringLiteral( "facility_id" ), QVariant::Int },
                                                 { QStringLiteral( "x" ), QVariant::Double }, { QStringLiteral( "y" ), QVariant::Double },
                                                 { QStringLiteral( "parcel_fid" ), QVariant::LongLong }, { QStringLiteral( "land_use_code" ), QVariant::String },
                                                 { QStringLiteral( "land_use_name" ), QVariant::String }, { QStringLiteral( "suitability" ), QVariant::String },
                                                 { QStringLiteral( "control_lines" ), QVariant::String }, { QStringLiteral( "outside_urban_boundary" ), QVariant::Int },
                                                 { QStringLiteral( "conflict" ), QVariant::Int } } );
  error = writeRows( writer, QStringLiteral( "landuse_conflicts" ), conflictFields, QgsWkbTypes::NoGeometry, plan.conflicts.size(),
                     [&]( std::size_t i, QgsFeature &feature ) {
    const gf::SiteConflict &conflict = plan.conflicts[i];
    const gf::SiteLandUse &use = conflict.landUse;
    QStringList lines;
    for ( const gf::ControlLineContact &contact : use.controlLines )
    {
      const gf::ControlLine &line = scenario.controlLines[contact.lineIndex];
      lines << QStringLiteral( "%1:%2:%3" ).arg( latin( gf::controlLineTypeId( line.type ) ), utf8( line.name ),
                                                contact.inside ? QStringLiteral( "inside" ) : QStringLiteral( "touches" ) );
    }
    // A conflict for the reviewer: land not suitable as it stands, or a control line involved.
    const bool conflicting = !use.suitability || *use.suitability != gf::Suitability::Suitable || !use.controlLines.empty() || use.outsideUrbanBoundary;
    const QVariant parcel = use.parcelIndex < scenario.parcels.size() ? QVariant( static_cast<qlonglong>( scenario.parcels[use.parcelIndex].sourceId ) ) : QVariant();
    feature.setAttributes( QVector<QVariant>{ latin( gf::facilityTypeId( conflict.facility ) ), static_cast<int>( conflict.facilityIndex + 1 ), conflict.location.x,
                             conflict.location.y, parcel, use.landUseCode.empty() ? QVariant() : QVariant( utf8( use.landUseCode ) ),
                             use.landUseNameZh.empty() ? QVariant() : QVariant( utf8( use.landUseNameZh ) ), suitabilityValue( use.suitability ),
                             lines.join( QLatin1Char( ';' ) ), use.outsideUrbanBoundary ? 1 : 0, conflicting ? 1 : 0 } );
  } );
  if ( error.isError() )
    return error;

  const QgsFields curveFields = makeFields( { { QStringLiteral( "stations" ), QVariant::Int }, { QStringLiteral( "objective" ), QVariant::Double },
                                              { QStringLiteral( "lower_bound" ), QVariant::Double }, { QStringLiteral( "gap" ), QVariant::Double },
                                              { QStringLiteral( "proven_optimal" ), QVariant::Int }, { QStringLiteral( "coverage_parcels" ), QVariant::Double },
                                              { QStringLiteral( "mean_distance_m" ), QVariant::Double } } );
  error = writeRows( writer, QStringLiteral( "station_curve" ), curveFields, QgsWkbTypes::NoGeometry, plan.stations.curve.size(),
                     [&]( std::size_t i, QgsFeature &feature ) {
    const gf::StationCurvePoint &point = plan.stations.curve[i];
    feature.setAttributes( QVector<QVariant>{ static_cast<int>( point.stations ), point.objective, point.lowerBound, 100.0 * point.gap,
                                              point.provenOptimal ? 1 : 0, 100.0 * point.coverageShareByParcels, point.meanDistanceM } );
  } );
  if ( error.isError() )
    return error;

  const std::vector<gf::ParameterEntry> &registry = gf::parameterRegistry();
  const QgsFields parameterFields = makeFields( { { QStringLiteral( "key" ), QVariant::String }, { QStringLiteral( "value" ), QVariant::String },
                                                  { QStringLiteral( "unit" ), QVariant::String }, { QStringLiteral( "default_value" ), QVariant::String },
                                                  { QStringLiteral( "source" ), QVariant::String } } );
  error = writeRows( writer, QStringLiteral( "parameters" ), parameterFields, QgsWkbTypes::NoGeometry, registry.size(),
                     [&]( std::size_t i, QgsFeature &feature ) {
    const gf::ParameterEntry &entry = registry[i];
    const gf::Result<double> value = gf::parameterValue( scenario.parameters, entry.key );
    feature.setAttributes( QVector<QVariant>{ utf8( entry.key ), value ? QVariant( utf8( gf::formatParameterValue( entry, *value ) ) ) : QVariant(), utf8( entry.unit ),
                             utf8( gf::formatParameterValue( entry, entry.defaultValue ) ), utf8( entry.source ) } );
  } );
  if ( error.isError() )
    return error;
  return writer.writeLayer( QStringLiteral( "network_report" ), indicatorFields(), QgsWkbTypes::NoGeometry, indicatorFiller( networkRows( plan.network ) ) );
}

} // namespace

GisError PlanWriter::write( const QString &path, const gf::Scenario &scenario, const gf::ProgrammePlan &plan )
{
  const QgsCoordinateReferenceSystem crs( QString::fromStdString( scenario.crsAuthId ) );
  return GeoPackageLayerWriter::writeAtomically( path, crs, [&]( GeoPackageLayerWriter &writer ) {
    for ( auto part : { writeSites, writeNetworkLayers, writeCandidates, writeTables } )
    {
      const GisError error = part( writer, scenario, plan );
      if ( error.isError() )
        return error;
    }
    return GisError();
  } );
}

} // namespace gf::gis
