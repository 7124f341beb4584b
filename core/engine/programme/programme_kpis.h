#pragma once
// Status quo against plan: distance, turnover, vehicles, cost, energy, CO2 and load factor
// of all flows, each base's fleet estimated from the flows leaving it.
#include "engine/programme/fleet_estimate.h"
#include "engine/programme/flow.h"
#include "engine/scenario/programme_parameters.h"

#include <array>
#include <cstdint>
#include <vector>

namespace gf {

struct KpiTotals
{
  double vehicleKm = 0.0;
  double tonneKm = 0.0;           //!< turnover: tonnes × one-way network km, every leg
  double tonnesDelivered = 0.0;   //!< tonnes arriving at customers
  double vehicleHours = 0.0;
  std::uint32_t vehicles = 0;
  std::uint32_t nevVehicles = 0;  //!< electric vehicles of any type
  double costCny = 0.0;           //!< per km + driver hours + energy, per day
  double dieselLitres = 0.0;
  double gridKwh = 0.0;           //!< electricity drawn from the grid
  double energyKwh = 0.0;         //!< diesel at its calorific value + grid electricity
  double co2Kg = 0.0;
  double fillVehicleKm = 0.0;     //!< Σ fill × vehicle-km

  //! Energy per unit turnover, kWh per tonne-km (0 without turnover).
  double energyKwhPerTonneKm() const { return tonneKm > 0.0 ? energyKwh / tonneKm : 0.0; }
  //! Vehicle utilisation: the share of payload used at departure, weighted by vehicle-km.
  double loadFactor() const { return vehicleKm > 0.0 ? fillVehicleKm / vehicleKm : 0.0; }
};

struct ScenarioKpis
{
  KpiTotals total;
  std::array<KpiTotals, kVehicleTypeCount> byVehicle;  //!< indexed by VehicleType
};

struct ProgrammeKpis
{
  ScenarioKpis baseline;   //!< BaselineHubToCustomer flows
  ScenarioKpis plan;       //!< the three tiers
};

/**
 * KPIs per day of the baseline and the plan.
 *
 * Plan: one base per origin (hub, centre or station, by tier) and vehicle type of the tier
 * (vehicleTypeForTier), loaded to fleet.planLoadFactor; a centre's vans serve its stations and
 * large customers together. Baseline: one base per carrier and hub, loaded to
 * baseline.loadFactor; its vans are diesel or NEV in the proportion baseline.nevShare, so every
 * per-km quantity is the share-weighted mix of the two, a base's vehicles are
 * ceil( (1 − s)·diesel + s·NEV vehicles ) and NEV vehicles round( s × all baseline vehicles )
 * (today's share holds for the carriers' fleets as a whole, not per small depot).
 * Energy: grid kWh = battery kWh / chargingEfficiency, diesel at dieselKwhPerLitre.
 */
ProgrammeKpis computeProgrammeKpis( const std::vector<Flow> &flows, const ProgrammeParameters &parameters );

} // namespace gf
