#pragma once
// Vehicle-km and hours of serving a set of destinations from one origin, without solving a
// vehicle routing problem: the continuum approximation of Daganzo (1984), capped by direct
// out-and-back trips.
#include "engine/programme/flow.h"
#include "engine/scenario/programme_parameters.h"

#include <vector>

namespace gf {

struct TourEstimate
{
  std::size_t destinations = 0;  //!< flows with goods over a positive distance
  double tonnes = 0.0;
  double parcels = 0.0;
  double tonneKm = 0.0;          //!< turnover: Σ tonnes × one-way network km
  double loads = 0.0;            //!< full vehicle loads in the binding unit (tonnes or parcels)
  double tours = 0.0;            //!< departures, a whole number
  double stops = 0.0;
  double vehicleKm = 0.0;
  double vehicleHours = 0.0;     //!< driving, stops and parcel hand-over
  bool direct = false;           //!< out-and-back trips were shorter than touring
  double fill() const { return tours > 0.0 ? loads / tours : 0.0; }  //!< load factor at departure
};

/**
 * Serves `flows` (one origin: its from point is taken from the first flow) with vehicles of
 * `vehicle` loaded to at most `loadFactor` of their payload, tonnes or parcels whichever binds.
 *
 * - loads L = max( Σ tonnes / payload t, Σ parcels / payload parcels ); tours m = ceil( L / loadFactor ).
 * - Touring: 2·d̄·m + k·c·sqrt( n·A ), d̄ the load-weighted mean one-way network distance
 *   (line-haul to and from the delivery area), n the destinations, A the area of their bounding
 *   box, k = fleet.tourConstant (Daganzo: 0.57) and c the circuity Σ network / Σ straight
 *   distance of the flows (fleet.defaultCircuity when every destination is at the origin).
 *   At least 2 × the farthest destination, which a degenerate (collinear) area would miss.
 *   Stops max( n, m ).
 * - Direct: each destination its own ceil( loads_i / loadFactor ) out-and-back trips, Σ 2·d_i·m_i;
 *   always feasible, so the smaller of the two is taken (it wins for few, heavy destinations).
 * - Hours: vehicle-km / speed + stops × service minutes + parcels × hand-over minutes, the
 *   hand-over counted on final deliveries only (isFinalDelivery): depots exchange cages.
 * Flows of zero distance (a centre at its hub) need no vehicle and are skipped.
 */
TourEstimate estimateTours( const std::vector<Flow> &flows, const VehicleSpec &vehicle, double loadFactor,
                            const FleetParameters &fleet );

} // namespace gf
