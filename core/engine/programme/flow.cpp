#include "engine/programme/flow.h"

namespace gf {

const char *flowTierId( FlowTier tier )
{
  switch ( tier )
  {
    case FlowTier::HubToCentre:
      return "hub_to_centre";
    case FlowTier::CentreToStation:
      return "centre_to_station";
    case FlowTier::CentreToCustomer:
      return "centre_to_customer";
    case FlowTier::StationToCustomer:
      return "station_to_customer";
    case FlowTier::BaselineHubToCustomer:
      return "baseline_hub_to_customer";
  }
  return "station_to_customer";
}

bool isFinalDelivery( FlowTier tier )
{
  switch ( tier )
  {
    case FlowTier::HubToCentre:
    case FlowTier::CentreToStation:
      return false;
    case FlowTier::CentreToCustomer:
    case FlowTier::StationToCustomer:
    case FlowTier::BaselineHubToCustomer:
      return true;
  }
  return true;
}

} // namespace gf
