#pragma once
// Charging piles per base (centre or station) from its NEV fleet: an M/M/c queue (Erlang C)
// over the charging window, then the programme's vehicles : piles rule and the site limit.
#include "engine/programme/fleet_estimate.h"
#include "engine/scenario/programme_parameters.h"

#include <cstdint>

namespace gf {

//! Erlang B blocking probability of `servers` servers offered `offeredLoad` erlangs, by the
//! stable recursion B(0) = 1, B(k) = a·B(k−1) / ( k + a·B(k−1) ).
double erlangB( std::uint32_t servers, double offeredLoad );

//! Erlang C probability of waiting, C = c·B / ( c − a·(1 − B) ); 1 when a >= c (unstable).
double erlangC( std::uint32_t servers, double offeredLoad );

//! Mean wait in the queue, C·s / ( c − a ), in the unit of `meanServiceTime`; infinity when
//! a >= c.
double erlangMeanWait( std::uint32_t servers, double offeredLoad, double meanServiceTime );

//! Smallest c with a < c and mean wait <= maxMeanWait (0 for no load).
std::uint32_t erlangServersFor( double offeredLoad, double meanServiceTime, double maxMeanWait );

//! What the vehicles based at a site draw from its piles per day.
struct ChargingDemand
{
  std::uint32_t vehicles = 0;
  double sessionsPerDay = 0.0;   //!< a vehicle charges once, more when a day exceeds its battery
  double gridKwhPerDay = 0.0;    //!< battery energy / charging efficiency
};

//! Demand of a fleet that charges at piles (nothing for others, see chargesAtPiles).
ChargingDemand chargingDemand( const FleetEstimate &fleet, const ProgrammeParameters &parameters );

//! Both fleets at one site (vans and, when they use piles, tricycles).
ChargingDemand combine( const ChargingDemand &first, const ChargingDemand &second );

enum class ChargingBase : std::uint8_t
{
  Centre,
  Station,
};

struct ChargingSite
{
  ChargingDemand demand;
  double primaryPileKw = 0.0;        //!< the pile type the site is sized with
  double sessionHours = 0.0;         //!< mean session at that power
  std::uint32_t queuePiles = 0;      //!< Erlang C: smallest count meeting the wait target
  std::uint32_t ratioPiles = 0;      //!< smallest count with vehicles : piles < the maximum
  std::uint32_t requiredPiles = 0;   //!< max of both, before the site limit
  double meanWaitMinutes = 0.0;      //!< Erlang C at requiredPiles of the primary type
  std::uint32_t acPiles = 0;         //!< built at the site
  std::uint32_t dcPiles = 0;
  std::uint32_t dcFastPiles = 0;
  std::uint32_t undergroundPiles = 0;  //!< of those, in the centre's underground car park
  std::uint32_t overflowPiles = 0;   //!< beyond the site limit: for public charging sites
  std::uint32_t overflowVehicles = 0;
  double overflowGridKwhPerDay = 0.0;

  std::uint32_t sitePiles() const { return acPiles + dcPiles + dcFastPiles; }
};

/**
 * Sizes a site's piles. Rule for the pile type: the slowest of AC (acPileKw), DC (dcPileKw) and
 * fast DC (dcFastPileKw) whose session, energy per session / power, fits the charging window
 * (fast DC when none does). Arrivals are Poisson over the window (λ = sessions / window); the
 * count is the smallest meeting the mean-wait target, at most one pile per vehicle (a vehicle
 * with its own pile never waits; Erlang C assumes infinitely many sources), then raised to
 * floor( vehicles / maxVehiclesPerPile ) + 1 so that vehicles : piles < maxVehiclesPerPile.
 * At an AC site floor( piles × dcTopUpShare ) of them are built as DC for daytime top-ups; a
 * faster pile only shortens waits. Piles beyond the site limit (maxPilesPerCentre / Station)
 * are overflow, with their pro-rata vehicles and energy, for public charging sites. A centre
 * reserves ceil( site piles × centreUndergroundShare ) underground.
 */
ChargingSite sizeChargingSite( const ChargingDemand &demand, ChargingBase base, const ProgrammeParameters &parameters );

} // namespace gf
