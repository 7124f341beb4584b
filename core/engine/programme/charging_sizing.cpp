#include "engine/programme/charging_sizing.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gf {

namespace {

constexpr double kMinutesPerHour = 60.0;
constexpr double kRoundingSlack = 1e-9;
// Far beyond any site; stops the search if a target is unreachable in floating point.
constexpr std::uint32_t kMaxServers = 1000000;

std::uint32_t wholeCount( double value )
{
  return value > 0.0 ? static_cast<std::uint32_t>( std::ceil( value - kRoundingSlack ) ) : 0u;
}

double erlangCFromB( std::uint32_t servers, double offeredLoad, double blocking )
{
  const double c = static_cast<double>( servers );
  return c * blocking / ( c - offeredLoad * ( 1.0 - blocking ) );
}

} // namespace

double erlangB( std::uint32_t servers, double offeredLoad )
{
  double blocking = 1.0;
  for ( std::uint32_t k = 1; k <= servers; ++k )
    blocking = offeredLoad * blocking / ( static_cast<double>( k ) + offeredLoad * blocking );
  return blocking;
}

double erlangC( std::uint32_t servers, double offeredLoad )
{
  if ( offeredLoad >= static_cast<double>( servers ) )
    return 1.0;
  return erlangCFromB( servers, offeredLoad, erlangB( servers, offeredLoad ) );
}

double erlangMeanWait( std::uint32_t servers, double offeredLoad, double meanServiceTime )
{
  const double c = static_cast<double>( servers );
  if ( offeredLoad >= c )
    return std::numeric_limits<double>::infinity();
  return erlangC( servers, offeredLoad ) * meanServiceTime / ( c - offeredLoad );
}

std::uint32_t erlangServersFor( double offeredLoad, double meanServiceTime, double maxMeanWait )
{
  if ( !( offeredLoad > 0.0 ) )
    return 0;
  // One recursion step per added server instead of restarting erlangB for every count.
  double blocking = 1.0;
  for ( std::uint32_t k = 1; k < kMaxServers; ++k )
  {
    blocking = offeredLoad * blocking / ( static_cast<double>( k ) + offeredLoad * blocking );
    const double c = static_cast<double>( k );
    if ( offeredLoad >= c )
      continue;
    const double wait = erlangCFromB( k, offeredLoad, blocking ) * meanServiceTime / ( c - offeredLoad );
    if ( wait <= maxMeanWait )
      return k;
  }
  return kMaxServers;
}

ChargingDemand chargingDemand( const FleetEstimate &fleet, const ProgrammeParameters &parameters )
{
  ChargingDemand demand;
  if ( !chargesAtPiles( fleet.type, parameters ) || fleet.vehicles == 0 )
    return demand;
  const VehicleSpec &vehicle = vehicleSpec( parameters.fleet, fleet.type );
  demand.vehicles = fleet.vehicles;
  const double batteryKwhPerVehicle = fleet.energyKwhAtWheel / fleet.vehicles;
  const double sessionsPerVehicle = vehicle.batteryKwh > 0.0
                                    ? std::max( 1.0, std::ceil( batteryKwhPerVehicle / vehicle.batteryKwh - kRoundingSlack ) )
                                    : 1.0;
  demand.sessionsPerDay = sessionsPerVehicle * fleet.vehicles;
  demand.gridKwhPerDay = fleet.energyKwhAtWheel / parameters.energy.chargingEfficiency;
  return demand;
}

ChargingDemand combine( const ChargingDemand &first, const ChargingDemand &second )
{
  ChargingDemand sum;
  sum.vehicles = first.vehicles + second.vehicles;
  sum.sessionsPerDay = first.sessionsPerDay + second.sessionsPerDay;
  sum.gridKwhPerDay = first.gridKwhPerDay + second.gridKwhPerDay;
  return sum;
}

ChargingSite sizeChargingSite( const ChargingDemand &demand, ChargingBase base, const ProgrammeParameters &parameters )
{
  const ChargingParameters &charging = parameters.charging;
  ChargingSite site;
  site.demand = demand;
  if ( demand.vehicles == 0 || !( demand.sessionsPerDay > 0.0 ) )
    return site;

  const double kwhPerSession = demand.gridKwhPerDay / demand.sessionsPerDay;
  const double powers[] = { charging.acPileKw, charging.dcPileKw, charging.dcFastPileKw };
  site.primaryPileKw = charging.dcFastPileKw;
  for ( const double power : powers )
  {
    if ( kwhPerSession / power <= charging.windowHours )
    {
      site.primaryPileKw = power;
      break;
    }
  }
  site.sessionHours = kwhPerSession / site.primaryPileKw;
  const double offeredLoad = demand.sessionsPerDay / charging.windowHours * site.sessionHours;
  const double maxWaitHours = charging.targetMeanWaitMinutes / kMinutesPerHour;
  site.queuePiles = std::min( erlangServersFor( offeredLoad, site.sessionHours, maxWaitHours ), demand.vehicles );
  site.ratioPiles = static_cast<std::uint32_t>( std::floor( demand.vehicles / charging.maxVehiclesPerPile ) ) + 1;
  site.requiredPiles = std::max( site.queuePiles, site.ratioPiles );
  site.meanWaitMinutes = erlangMeanWait( site.requiredPiles, offeredLoad, site.sessionHours ) * kMinutesPerHour;

  const std::uint32_t limit = base == ChargingBase::Centre ? charging.maxPilesPerCentre : charging.maxPilesPerStation;
  const std::uint32_t built = std::min( site.requiredPiles, limit );
  site.overflowPiles = site.requiredPiles - built;
  const double overflowShare = static_cast<double>( site.overflowPiles ) / site.requiredPiles;
  site.overflowVehicles = wholeCount( demand.vehicles * overflowShare );
  site.overflowGridKwhPerDay = demand.gridKwhPerDay * overflowShare;

  if ( site.primaryPileKw == charging.acPileKw )
  {
    site.dcPiles = static_cast<std::uint32_t>( std::floor( built * charging.dcTopUpShare + kRoundingSlack ) );
    site.acPiles = built - site.dcPiles;
  }
  else if ( site.primaryPileKw == charging.dcPileKw )
    site.dcPiles = built;
  else
    site.dcFastPiles = built;
  if ( base == ChargingBase::Centre )
    site.undergroundPiles = std::min( built, wholeCount( built * charging.centreUndergroundShare ) );
  return site;
}

} // namespace gf
