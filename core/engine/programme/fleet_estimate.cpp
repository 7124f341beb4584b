#include "engine/programme/fleet_estimate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace gf {

namespace {

constexpr double kRoundingSlack = 1e-9;

std::uint32_t wholeVehicles( double vehicles )
{
  return vehicles > 0.0 ? static_cast<std::uint32_t>( std::ceil( vehicles - kRoundingSlack ) ) : 0u;
}

void addWork( TourEstimate &total, const TourEstimate &part )
{
  total.destinations += part.destinations;
  total.tonnes += part.tonnes;
  total.parcels += part.parcels;
  total.tonneKm += part.tonneKm;
  total.loads += part.loads;
  total.tours += part.tours;
  total.stops += part.stops;
  total.vehicleKm += part.vehicleKm;
  total.vehicleHours += part.vehicleHours;
  total.direct = total.direct || part.direct;
}

} // namespace

const char *vehicleTypeId( VehicleType type )
{
  switch ( type )
  {
    case VehicleType::HeavyTruck:
      return "heavy_truck";
    case VehicleType::NevVan:
      return "nev_van";
    case VehicleType::ETricycle:
      return "e_tricycle";
    case VehicleType::DieselVan:
      return "diesel_van";
  }
  return "nev_van";
}

const VehicleSpec &vehicleSpec( const FleetParameters &fleet, VehicleType type )
{
  switch ( type )
  {
    case VehicleType::HeavyTruck:
      return fleet.heavyTruck;
    case VehicleType::NevVan:
      return fleet.nevVan;
    case VehicleType::ETricycle:
      return fleet.eTricycle;
    case VehicleType::DieselVan:
      return fleet.dieselVan;
  }
  return fleet.nevVan;
}

VehicleType vehicleTypeForTier( FlowTier tier )
{
  switch ( tier )
  {
    case FlowTier::HubToCentre:
      return VehicleType::HeavyTruck;
    case FlowTier::CentreToStation:
    case FlowTier::CentreToCustomer:
      return VehicleType::NevVan;
    case FlowTier::StationToCustomer:
      return VehicleType::ETricycle;
    case FlowTier::BaselineHubToCustomer:
      return VehicleType::DieselVan;
  }
  return VehicleType::NevVan;
}

bool chargesAtPiles( VehicleType type, const ProgrammeParameters &parameters )
{
  if ( type == VehicleType::ETricycle )
    return parameters.charging.tricyclesUsePiles && parameters.fleet.eTricycle.electric;
  return vehicleSpec( parameters.fleet, type ).electric;
}

FleetEstimate estimateFleet( const std::vector<Flow> &flows, VehicleType type, double loadFactor,
                             const FleetParameters &fleet )
{
  // Ordered map: groups are summed in the same order on every machine.
  std::map<std::pair<FlowTier, std::uint32_t>, std::vector<Flow>> groups;
  for ( const Flow &flow : flows )
    groups[{ flow.tier, flow.carrier }].push_back( flow );

  const VehicleSpec &vehicle = vehicleSpec( fleet, type );
  FleetEstimate estimate;
  estimate.type = type;
  for ( const auto &group : groups )
  {
    const TourEstimate work = estimateTours( group.second, vehicle, loadFactor, fleet );
    addWork( estimate.work, work );
    estimate.fillVehicleKm += work.fill() * work.vehicleKm;
  }
  const double shifts = static_cast<double>( std::max<std::uint32_t>( 1, fleet.shiftsPerDay ) );
  double vehicles = estimate.work.vehicleHours / ( fleet.workingHoursPerShift * shifts );
  if ( vehicle.electric && vehicle.rangeKm > 0.0 )
    vehicles = std::max( vehicles, estimate.work.vehicleKm / ( vehicle.rangeKm * shifts ) );
  estimate.vehicles = wholeVehicles( vehicles );
  if ( vehicle.electric )
    estimate.energyKwhAtWheel = estimate.work.vehicleKm * vehicle.energyKwhPerKm;
  else
    estimate.dieselLitres = estimate.work.vehicleKm * vehicle.fuelLitresPerKm;
  return estimate;
}

} // namespace gf
