#include "engine/graph/vehicle_profile.h"

#include <algorithm>

namespace gf {

namespace {

bool isInForce( const TimeWindow &window, int minuteOfDay )
{
  return window.isEmpty() || window.contains( minuteOfDay );
}

} // namespace

VehicleProfile vehicleProfile( VehicleKind kind )
{
  // Caps in class order Expressway, Arterial, Collector, Branch, Service, Track: loaded heavy
  // trucks run below the car speeds and stay off tracks; tricycles are banned from
  // expressways and limited to 25 km/h (GB 17761-type e-vehicles).
  VehicleProfile profile;
  profile.kind = kind;
  const double *caps = nullptr;
  static const double kTruck[kRoadClassCount] = { 70.0, 45.0, 35.0, 25.0, 15.0, 0.0 };
  static const double kVan[kRoadClassCount] = { 80.0, 50.0, 40.0, 30.0, 20.0, 10.0 };
  static const double kTricycle[kRoadClassCount] = { 0.0, 25.0, 25.0, 20.0, 15.0, 10.0 };
  switch ( kind )
  {
    case VehicleKind::HeavyDieselTruck:
      caps = kTruck;
      profile.subjectToTruckRestrictions = true;
      break;
    case VehicleKind::LightNevVan:
      caps = kVan;
      break;
    case VehicleKind::ElectricTricycle:
      caps = kTricycle;
      break;
  }
  std::copy( caps, caps + kRoadClassCount, profile.maxSpeedKmh );
  return profile;
}

EdgeWeights computeProfileWeights( const RoadGraph &graph, const VehicleProfile &profile, CostMetric metric,
                                   int minuteOfDay, const std::vector<ZoneRestriction> &zones )
{
  EdgeWeights weights( graph.edgeCount(), kUnreachable );
  const std::vector<EdgeAttributes> &attributes = graph.edgeAttributes();
  for ( std::size_t e = 0; e < weights.size(); ++e )
  {
    const EdgeAttributes &a = attributes[e];
    if ( !profile.mayUse( a.roadClass ) )
      continue;
    if ( profile.subjectToTruckRestrictions )
    {
      if ( a.truckRestricted && isInForce( a.truckWindow, minuteOfDay ) )
        continue;
      const bool inZone = std::any_of( zones.begin(), zones.end(), [e, minuteOfDay]( const ZoneRestriction &zone )
      {
        return e < zone.edgeInZone.size() && zone.edgeInZone[e] && isInForce( zone.window, minuteOfDay );
      } );
      if ( inZone )
        continue;
    }
    const double speedKmh = std::min( static_cast<double>( a.speedKmh ), profile.maxSpeedKmh[static_cast<int>( a.roadClass )] );
    weights[e] = metric == CostMetric::DistanceDm ? a.lengthDm : edgeTravelTimeDs( a.lengthDm, speedKmh );
  }
  return weights;
}

} // namespace gf
