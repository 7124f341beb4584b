#include "gis/network/site_service_area.h"

#include "engine/graph/polygon_zone.h"
#include "engine/graph/road_graph_builder.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace gf::gis {

namespace {

struct VehicleId
{
  const char *id;
  gf::VehicleKind kind;
};

constexpr VehicleId kVehicles[] = {
  { "truck", gf::VehicleKind::HeavyDieselTruck },
  { "nev_van", gf::VehicleKind::LightNevVan },
  { "e_tricycle", gf::VehicleKind::ElectricTricycle },
};

} // namespace

gf::Result<SiteServiceArea> computeSiteServiceArea( const gf::Scenario &scenario, const SiteServiceAreaRequest &request,
                                                    gf::ProgressSink &progress )
{
  gf::RoadGraphBuildOptions buildOptions;
  buildOptions.snapToleranceM = scenario.parameters.networkSnapToleranceM;
  const gf::Result<gf::BuiltRoadGraph> built = gf::RoadGraphBuilder::build( scenario.roads, buildOptions, progress );
  if ( !built )
    return built.error();
  const gf::RoadGraph &graph = built->graph;

  SiteServiceArea result;
  result.site = gf::EdgeSnapper( graph ).snap( request.site, scenario.parameters.snapMaxDistanceM );
  if ( !result.site )
    return result;

  std::vector<gf::ZoneRestriction> zones;
  for ( const gf::RestrictedZone &zone : scenario.restrictedZones )
    zones.push_back( gf::ZoneRestriction{ gf::edgesInsidePolygons( graph, { zone.shape } ), zone.truckWindow } );
  const gf::EdgeWeights weights = gf::computeProfileWeights( graph, gf::vehicleProfile( request.vehicle ), gf::CostMetric::DistanceDm,
                                                             request.minuteOfDay, zones );
  const auto closed = [&weights]( gf::EdgeId e ) { return e == gf::kInvalidEdge || weights[e] >= gf::kUnreachable; };
  result.siteRoadClosed = closed( result.site->edgeAB ) && closed( result.site->edgeBA );
  gf::Result<gf::ServiceArea> area = gf::computeServiceArea( graph, weights, *result.site, request.thresholds, gf::kCostUnitsPerBaseUnit );
  if ( !area )
    return area.error();
  result.area = std::move( *area );
  return result;
}

double maxThresholdM()
{
  return static_cast<double>( gf::kUnreachable - 1 ) / gf::kCostUnitsPerBaseUnit;
}

std::optional<std::vector<gf::Cost>> distanceThresholds( const std::vector<double> &metres )
{
  const double maxM = maxThresholdM();
  if ( std::any_of( metres.begin(), metres.end(), [maxM]( double m ) { return !std::isfinite( m ) || m < 0.0 || m > maxM; } ) )
    return std::nullopt;
  std::vector<gf::Cost> thresholds;
  for ( double m : metres )
    thresholds.push_back( static_cast<gf::Cost>( std::llround( m * gf::kCostUnitsPerBaseUnit ) ) );
  std::sort( thresholds.begin(), thresholds.end() );
  thresholds.erase( std::unique( thresholds.begin(), thresholds.end() ), thresholds.end() );
  return thresholds;
}

std::optional<std::vector<gf::Cost>> distanceThresholds( const QString &metres )
{
  std::vector<double> numbers;
  for ( const QString &item : metres.split( QLatin1Char( ',' ) ) )
  {
    bool ok = false;
    numbers.push_back( item.trimmed().toDouble( &ok ) );
    if ( !ok )
      return std::nullopt;
  }
  return distanceThresholds( numbers );
}

QStringList serviceAreaVehicleIds()
{
  QStringList ids;
  for ( const VehicleId &vehicle : kVehicles )
    ids << QLatin1String( vehicle.id );
  return ids;
}

std::optional<gf::VehicleKind> serviceAreaVehicleFromId( const QString &id )
{
  const auto known = std::find_if( std::begin( kVehicles ), std::end( kVehicles ),
                                   [&id]( const VehicleId &v ) { return id.compare( QLatin1String( v.id ), Qt::CaseInsensitive ) == 0; } );
  if ( known == std::end( kVehicles ) )
    return std::nullopt;
  return known->kind;
}

} // namespace gf::gis
