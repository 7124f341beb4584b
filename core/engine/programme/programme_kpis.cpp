#include "engine/programme/programme_kpis.h"

#include <cmath>
#include <map>
#include <tuple>

namespace gf {

namespace {

constexpr double kRoundingSlack = 1e-9;

enum class Origin : std::uint8_t
{
  Hub,
  Centre,
  Station,
};

Origin originOf( FlowTier tier )
{
  switch ( tier )
  {
    case FlowTier::HubToCentre:
    case FlowTier::BaselineHubToCustomer:
      return Origin::Hub;
    case FlowTier::CentreToStation:
    case FlowTier::CentreToCustomer:
      return Origin::Centre;
    case FlowTier::StationToCustomer:
      return Origin::Station;
  }
  return Origin::Hub;
}

bool reachesCustomer( FlowTier tier )
{
  return tier == FlowTier::CentreToCustomer || tier == FlowTier::StationToCustomer
         || tier == FlowTier::BaselineHubToCustomer;
}

//! Adds `weight` × the fleet's activity (not its vehicles, which do not scale).
void addActivity( KpiTotals &totals, const FleetEstimate &fleet, double weight, const ProgrammeParameters &parameters )
{
  const VehicleSpec &vehicle = vehicleSpec( parameters.fleet, fleet.type );
  const EnergyParameters &energy = parameters.energy;
  const double vehicleKm = weight * fleet.work.vehicleKm;
  const double hours = weight * fleet.work.vehicleHours;
  const double litres = weight * fleet.dieselLitres;
  const double gridKwh = weight * fleet.energyKwhAtWheel / energy.chargingEfficiency;
  totals.vehicleKm += vehicleKm;
  totals.tonneKm += weight * fleet.work.tonneKm;
  totals.vehicleHours += hours;
  totals.dieselLitres += litres;
  totals.gridKwh += gridKwh;
  totals.energyKwh += litres * energy.dieselKwhPerLitre + gridKwh;
  totals.co2Kg += litres * energy.dieselKgCo2PerLitre + gridKwh * energy.gridKgCo2PerKwh;
  totals.costCny += vehicleKm * vehicle.costCnyPerKm + hours * vehicle.costCnyPerHour
                    + litres * energy.dieselCnyPerLitre + gridKwh * energy.electricityCnyPerKwh;
  totals.fillVehicleKm += weight * fleet.fillVehicleKm;
}

void addVehicles( ScenarioKpis &kpis, VehicleType type, std::uint32_t vehicles, const ProgrammeParameters &parameters )
{
  KpiTotals &byVehicle = kpis.byVehicle[static_cast<std::size_t>( type )];
  byVehicle.vehicles += vehicles;
  kpis.total.vehicles += vehicles;
  if ( vehicleSpec( parameters.fleet, type ).electric )
  {
    byVehicle.nevVehicles += vehicles;
    kpis.total.nevVehicles += vehicles;
  }
}

void addPlanBase( ScenarioKpis &kpis, const std::vector<Flow> &flows, VehicleType type, const ProgrammeParameters &parameters )
{
  const FleetEstimate fleet = estimateFleet( flows, type, parameters.fleet.planLoadFactor, parameters.fleet );
  addActivity( kpis.total, fleet, 1.0, parameters );
  addActivity( kpis.byVehicle[static_cast<std::size_t>( type )], fleet, 1.0, parameters );
  addVehicles( kpis, type, fleet.vehicles, parameters );
}

//! Adds a carrier's hub; returns its vehicles, NEV and diesel together.
std::uint32_t addBaselineBase( ScenarioKpis &kpis, const std::vector<Flow> &flows, const ProgrammeParameters &parameters )
{
  const double nevShare = parameters.baseline.nevShare;
  const double loadFactor = parameters.baseline.loadFactor;
  const FleetEstimate diesel = estimateFleet( flows, VehicleType::DieselVan, loadFactor, parameters.fleet );
  const FleetEstimate nev = estimateFleet( flows, VehicleType::NevVan, loadFactor, parameters.fleet );
  addActivity( kpis.total, diesel, 1.0 - nevShare, parameters );
  addActivity( kpis.total, nev, nevShare, parameters );
  addActivity( kpis.byVehicle[static_cast<std::size_t>( VehicleType::DieselVan )], diesel, 1.0 - nevShare, parameters );
  addActivity( kpis.byVehicle[static_cast<std::size_t>( VehicleType::NevVan )], nev, nevShare, parameters );
  const double vehicles = ( 1.0 - nevShare ) * diesel.vehicles + nevShare * nev.vehicles;
  return static_cast<std::uint32_t>( std::ceil( vehicles - kRoundingSlack ) );
}

} // namespace

ProgrammeKpis computeProgrammeKpis( const std::vector<Flow> &flows, const ProgrammeParameters &parameters )
{
  // Ordered maps: bases are summed in the same order on every machine.
  std::map<std::tuple<Origin, std::uint32_t, VehicleType>, std::vector<Flow>> planBases;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<Flow>> baselineBases;  // carrier, hub
  ProgrammeKpis kpis;
  for ( const Flow &flow : flows )
  {
    const bool baseline = flow.tier == FlowTier::BaselineHubToCustomer;
    if ( reachesCustomer( flow.tier ) )
      ( baseline ? kpis.baseline : kpis.plan ).total.tonnesDelivered += flow.tonnesPerDay;
    if ( baseline )
      baselineBases[{ flow.carrier, flow.fromIndex }].push_back( flow );
    else
      planBases[{ originOf( flow.tier ), flow.fromIndex, vehicleTypeForTier( flow.tier ) }].push_back( flow );
  }

  for ( const auto &base : planBases )
    addPlanBase( kpis.plan, base.second, std::get<2>( base.first ), parameters );

  std::uint32_t baselineVehicles = 0;
  for ( const auto &base : baselineBases )
    baselineVehicles += addBaselineBase( kpis.baseline, base.second, parameters );
  const auto nevVehicles = static_cast<std::uint32_t>( std::floor( parameters.baseline.nevShare * baselineVehicles + 0.5 ) );
  addVehicles( kpis.baseline, VehicleType::NevVan, nevVehicles, parameters );
  addVehicles( kpis.baseline, VehicleType::DieselVan, baselineVehicles - nevVehicles, parameters );
  return kpis;
}

} // namespace gf
