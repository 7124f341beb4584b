#include "engine/programme/tour_estimate.h"

#include <algorithm>
#include <cmath>

namespace gf {

namespace {

constexpr double kMetresPerKm = 1000.0;
constexpr double kMinutesPerHour = 60.0;
// Loads a hair above a whole number of vehicles are rounding noise, not another departure.
constexpr double kRoundingSlack = 1e-9;

double vehicleLoads( double tonnes, double parcels, const VehicleSpec &vehicle )
{
  return std::max( tonnes / vehicle.payloadTonnes, parcels / vehicle.payloadParcels );
}

double departures( double loads, double loadFactor )
{
  return loads > 0.0 ? std::max( 1.0, std::ceil( loads / loadFactor - kRoundingSlack ) ) : 0.0;
}

} // namespace

TourEstimate estimateTours( const std::vector<Flow> &flows, const VehicleSpec &vehicle, double loadFactor,
                            const FleetParameters &fleet )
{
  TourEstimate estimate;
  double weightedKm = 0.0;  // Σ loads_i · d_i, for the load-weighted mean distance
  double loadSum = 0.0;
  double networkM = 0.0;
  double straightM = 0.0;
  double directKm = 0.0;
  double directTrips = 0.0;
  double farthestKm = 0.0;
  double handledParcels = 0.0;  // parcels handed over one by one: final deliveries only
  double minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0;
  for ( const Flow &flow : flows )
  {
    const double loads = vehicleLoads( flow.tonnesPerDay, flow.parcelsPerDay, vehicle );
    // Goods that change hands where they are (a centre at its hub) need no vehicle.
    if ( !( loads > 0.0 ) || !( flow.networkDistanceM > 0.0 ) )
      continue;
    if ( isFinalDelivery( flow.tier ) )
      handledParcels += flow.parcelsPerDay;
    const double km = flow.networkDistanceM / kMetresPerKm;
    if ( estimate.destinations == 0 )
    {
      minX = maxX = flow.to.x;
      minY = maxY = flow.to.y;
    }
    minX = std::min( minX, flow.to.x );
    maxX = std::max( maxX, flow.to.x );
    minY = std::min( minY, flow.to.y );
    maxY = std::max( maxY, flow.to.y );
    ++estimate.destinations;
    estimate.tonnes += flow.tonnesPerDay;
    estimate.parcels += flow.parcelsPerDay;
    estimate.tonneKm += flow.tonnesPerDay * km;
    farthestKm = std::max( farthestKm, km );
    weightedKm += loads * km;
    loadSum += loads;
    networkM += flow.networkDistanceM;
    straightM += std::hypot( flow.to.x - flow.from.x, flow.to.y - flow.from.y );
    const double trips = departures( loads, loadFactor );
    directTrips += trips;
    directKm += 2.0 * km * trips;
  }
  if ( estimate.destinations == 0 )
    return estimate;

  estimate.loads = vehicleLoads( estimate.tonnes, estimate.parcels, vehicle );
  estimate.tours = departures( estimate.loads, loadFactor );
  const double meanKm = weightedKm / loadSum;
  const double circuity = straightM > 0.0 ? networkM / straightM : fleet.defaultCircuity;
  const double areaM2 = ( maxX - minX ) * ( maxY - minY );
  const double n = static_cast<double>( estimate.destinations );
  const double localKm = fleet.tourConstant * circuity * std::sqrt( n * areaM2 ) / kMetresPerKm;
  const double tourKm = std::max( 2.0 * meanKm * estimate.tours + localKm, 2.0 * farthestKm );

  estimate.direct = directKm <= tourKm;
  estimate.vehicleKm = estimate.direct ? directKm : tourKm;
  estimate.stops = estimate.direct ? directTrips : std::max( n, estimate.tours );
  estimate.vehicleHours = estimate.vehicleKm / vehicle.operatingSpeedKmh
                          + estimate.stops * fleet.serviceMinutesPerStop / kMinutesPerHour
                          + handledParcels * fleet.handlingMinutesPerParcel / kMinutesPerHour;
  return estimate;
}

} // namespace gf
