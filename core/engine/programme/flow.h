#pragma once
// Goods moving through the three-tier network (and the status quo it replaces), per day.
#include "engine/common/types.h"

#include <cstdint>
#include <vector>

namespace gf {

enum class FlowTier : std::uint8_t
{
  HubToCentre,          //!< trunk haul, heavy truck
  CentreToStation,      //!< NEV van
  CentreToCustomer,     //!< NEV van to large customers (supermarkets, chain stores)
  StationToCustomer,    //!< last mile, e-tricycle
  BaselineHubToCustomer //!< status quo: each carrier from its hub with its own vans
};

//! "hub_to_centre", "centre_to_station", "centre_to_customer", "station_to_customer",
//! "baseline_hub_to_customer".
const char *flowTierId( FlowTier tier );

//! Whether the tier hands goods to customers parcel by parcel (the last leg); the other
//! tiers move consolidated loads (cages, pallets) between depots.
bool isFinalDelivery( FlowTier tier );

//! One origin → destination flow. Indices refer to the lists of the tier's ends: hubs
//! (Scenario::hubs), centres and stations (ProgrammePlan), customers (Scenario::demand).
struct Flow
{
  FlowTier tier = FlowTier::StationToCustomer;
  std::uint32_t fromIndex = 0;
  std::uint32_t toIndex = 0;
  PointXY from;
  PointXY to;
  double tonnesPerDay = 0.0;
  double parcelsPerDay = 0.0;
  double networkDistanceM = 0.0;       //!< one way, on the road network
  std::uint32_t carrier = 0;           //!< baseline only: which carrier delivers it
};

} // namespace gf
