#pragma once
// Vehicle profiles: speed caps and allowed road classes per vehicle, truck bans on roads
// (with time windows) and inside restricted zones, and the NEV exemption that district
// plans grant new-energy delivery vans.
#include "engine/graph/road_graph.h"

#include <vector>

namespace gf {

enum class VehicleKind : std::uint8_t
{
  HeavyDieselTruck,
  LightNevVan,       //!< new-energy light van: exempt from truck bans (road-right priority)
  ElectricTricycle,  //!< last-mile tricycle: no expressways, low speed
};

struct VehicleProfile
{
  VehicleKind kind = VehicleKind::LightNevVan;
  //! Speed cap per road class in km/h; 0 means the class is closed to the vehicle.
  double maxSpeedKmh[kRoadClassCount] = {};
  //! Whether truck restrictions (roads and zones) apply to this vehicle.
  bool subjectToTruckRestrictions = false;

  bool mayUse( RoadClass roadClass ) const { return maxSpeedKmh[static_cast<int>( roadClass )] > 0.0; }
};

//! The built-in profile of a vehicle kind.
VehicleProfile vehicleProfile( VehicleKind kind );

//! Edges inside a truck restricted zone and when the zone applies (empty window = all day).
struct ZoneRestriction
{
  std::vector<char> edgeInZone;  //!< one flag per directed edge, see edgesInsidePolygons()
  TimeWindow window;
};

//! Edge weights of a vehicle at a minute of the day: kUnreachable on closed classes and on
//! truck-restricted roads or zones in force for the profile; times use the lower of the
//! edge speed and the vehicle's cap.
EdgeWeights computeProfileWeights( const RoadGraph &graph, const VehicleProfile &profile, CostMetric metric,
                                   int minuteOfDay, const std::vector<ZoneRestriction> &zones = {} );

} // namespace gf
