#pragma once
// Curbside time-limited loading bays: candidate positions every few metres along arterial and
// branch roads that are not truck-restricted during the bay window and that border commercial
// land; then the target number of bays, at least the minimum spacing apart, serving the most
// deliveries within walking distance.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/landuse/land_use_table.h"
#include "engine/scenario/programme_parameters.h"
#include "engine/scenario/scenario.h"

#include <cstdint>
#include <vector>

namespace gf {

struct LoadingBay
{
  std::uint32_t roadIndex = 0;          //!< into Scenario::roads
  double positionAlongM = 0.0;          //!< bay centre, measured along the road from its first point
  PointXY centre;
  std::vector<PointXY> line;            //!< bayLengthM along the road, centred on the position
  TimeWindow window;
  double servedDeliveries = 0.0;        //!< parcels/day of the customers it serves
  std::uint32_t servedCustomers = 0;
  std::vector<std::uint32_t> servedDemand;  //!< Scenario::demand indices, ascending
};

struct LoadingBayPlan
{
  std::vector<LoadingBay> bays;         //!< ordered by road index, then position along it
  std::uint32_t targetCount = 0;
  bool targetMet = false;               //!< false when spacing and eligibility allow fewer bays
  std::uint32_t eligiblePositions = 0;
  std::uint32_t eligibleRoads = 0;      //!< roads of an allowed class, unrestricted in the window
  bool weightedByStops = false;         //!< demand carries no parcels: every customer counts 1
  double coveredDeliveries = 0.0;       //!< objective: weight within walking distance of a bay
  double coverableDeliveries = 0.0;     //!< within walking distance of any eligible position
  double totalDeliveries = 0.0;
  //! Upper bound on the objective for this bay count: the maximal covering bound without the
  //! spacing rule when that model was solved, else the coverable weight.
  double coveredDeliveriesBound = 0.0;
};

//! Whether windows \a a and \a b share a minute; an empty window means all day.
bool timeWindowsOverlap( const TimeWindow &a, const TimeWindow &b );

//! Whether bays may be placed on \a road: class arterial or branch (collector when allowed),
//! and no truck restriction overlapping the bay window.
bool roadAllowsLoadingBays( const RoadSegmentInput &road, const LoadingBayParameters &parameters );

/**
 * Plans the bays. Positions also lie outside truck restricted zones whose window overlaps the
 * bay window and within commercialDistanceM of a parcel the table marks commercial (each parcel's code
 * in its own landUseSystem). A delivery is served by the nearest chosen bay centre within walkingDistanceM
 * (straight line). The count is targetCount; with targetCount 0, bays are added while they
 * serve new deliveries. Selection: greedy with the spacing rule, improved by swaps, also
 * started from the spacing-feasible part of the maximal covering (solveMclp) solution when
 * the problem is small enough to state densely (at most 4·10^6 client × position pairs; that
 * search is limited to 2 s). Canceled when the sink asks.
 */
Result<LoadingBayPlan> planLoadingBays( const Scenario &scenario, const LandUseTable &table, const LoadingBayParameters &parameters,
                                        ProgressSink &progress );

} // namespace gf
