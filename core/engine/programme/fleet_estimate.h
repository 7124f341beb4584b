#pragma once
// The vehicles a base (hub, centre, station, or a carrier's hub today) needs for the flows
// leaving it: tours per tier, pooled into shifts, with distance and energy per day.
#include "engine/programme/flow.h"
#include "engine/programme/tour_estimate.h"
#include "engine/scenario/programme_parameters.h"

#include <array>
#include <cstdint>
#include <vector>

namespace gf {

enum class VehicleType : std::uint8_t
{
  HeavyTruck,   //!< hub → centre
  NevVan,       //!< centre → station and large customers; NEV part of the carriers' vans today
  ETricycle,    //!< station → customer
  DieselVan,    //!< the carriers' diesel vans today
};

inline constexpr std::size_t kVehicleTypeCount = 4;

//! "heavy_truck", "nev_van", "e_tricycle", "diesel_van".
const char *vehicleTypeId( VehicleType type );

const VehicleSpec &vehicleSpec( const FleetParameters &fleet, VehicleType type );

//! The plan's vehicle of a tier. Baseline flows use diesel vans (see baseline NEV share).
VehicleType vehicleTypeForTier( FlowTier tier );

//! Whether the type's vehicles are the NEV delivery vehicles that charge at piles.
bool chargesAtPiles( VehicleType type, const ProgrammeParameters &parameters );

struct FleetEstimate
{
  VehicleType type = VehicleType::NevVan;
  std::uint32_t vehicles = 0;
  TourEstimate work;               //!< sums over the base's tour groups
  double fillVehicleKm = 0.0;      //!< Σ fill × vehicle-km, for a distance-weighted load factor
  double energyKwhAtWheel = 0.0;   //!< electric vehicles: battery energy used per day
  double dieselLitres = 0.0;       //!< diesel vehicles
};

/**
 * Fleet of one base for `flows` leaving it, all served by `type` loaded to `loadFactor`.
 * Flows form one tour group per (tier, carrier) (estimateTours); the groups' hours are pooled:
 * vehicles = max( ceil( hours / ( hours per shift × shifts ) ), ceil( km / ( range × shifts ) ) ),
 * the second term for electric vehicles with a range, which charge between shifts only.
 */
FleetEstimate estimateFleet( const std::vector<Flow> &flows, VehicleType type, double loadFactor,
                             const FleetParameters &fleet );

} // namespace gf
