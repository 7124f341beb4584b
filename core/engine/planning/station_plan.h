#pragma once
// The first end-to-end plan: end stations chosen by p-median on network distances.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/planning/exact_refiner.h"
#include "engine/planning/network_context.h"
#include "engine/planning/od_provider.h"
#include "engine/scenario/scenario.h"

#include <cstdint>
#include <vector>

namespace gf {

struct PlannedStation
{
  std::uint32_t candidateIndex = 0;   //!< into Scenario::candidates
  std::uint32_t rank = 0;             //!< 1 = serves the most parcels per day
  std::uint32_t assignedDemandCount = 0;
  double servedParcelsPerDay = 0.0;
  double meanDistanceM = 0.0;
};

enum class AssignmentStatus : std::uint8_t
{
  Assigned,
  NotSnapped,      //!< farther than snapMaxDistanceM from any kept road
  Unreachable,     //!< no open station reaches it on the network
  DirectFromCentre,//!< not a station customer: a distribution centre delivers it directly
};

struct DemandAssignment
{
  std::uint32_t demandIndex = 0;      //!< into Scenario::demand
  AssignmentStatus status = AssignmentStatus::Assigned;
  std::uint32_t stationIndex = 0;     //!< into StationPlan::stations when Assigned
  double networkDistanceM = 0.0;      //!< station → demand, access legs included
  bool withinServiceRadius = false;
};

struct StationPlanKpis
{
  std::uint32_t stations = 0;
  std::uint32_t demandPoints = 0;
  std::uint32_t assignedPoints = 0;
  double coverageShareByPoints = 0.0;   //!< within the service radius, 0..1
  double coverageShareByParcels = 0.0;  //!< weighted by parcels per day, 0..1
  double meanDistanceM = 0.0;           //!< weighted by parcels per day
  double maxDistanceM = 0.0;
  //! Of the solved model: Σ parcels/day × distance (parcel-metres per day), outlet distances
  //! scaled by (1 − outletPreference); for the coverage objective the uncovered parcels/day.
  double objective = 0.0;
  double lowerBound = 0.0;
  double gap = 0.0;
  bool provenOptimal = false;
};

//! One point of the curve over the number of stations: how much each extra station buys.
struct StationCurvePoint
{
  std::uint32_t stations = 0;
  double objective = 0.0;               //!< as StationPlanKpis::objective (p-median model)
  double lowerBound = 0.0;
  double gap = 0.0;
  bool provenOptimal = false;
  double coverageShareByParcels = 0.0;  //!< within the service radius, nearest open station, 0..1
  double meanDistanceM = 0.0;           //!< parcel-weighted, nearest open station
};

struct StationPlan
{
  std::uint64_t scenarioRevision = 0;
  NetworkReport network;
  std::vector<PlannedStation> stations;          //!< ordered by rank
  std::vector<DemandAssignment> assignments;     //!< one per demand point, in scenario order
  std::vector<std::uint32_t> unsnappedCandidates;
  StationPlanKpis kpis;
  //! p-median solutions for programme.stations.curveMin..curveMax stations, when asked for.
  std::vector<StationCurvePoint> curve;
  bool canceled = false;                         //!< best plan found before cancel
};

//! The station tier on a network built once: picks parameters.stationCount of \a sites
//! (PlannedStation::candidateIndex indexes \a sites) for the demand points flagged in
//! \a servedByStation (empty = all; the others get DirectFromCentre), by p-median or by
//! coverage as parameters.programme.stations.objective says. \a exactRefiner (optional)
//! runs exact mode after the heuristic when parameters.exactTimeLimitS is positive.
Result<StationPlan> planStationTier( const NetworkContext &network, const Scenario &scenario,
                                     const std::vector<CandidateSite> &sites, const std::vector<char> &servedByStation,
                                     ProgressSink &progress, OdProvider *odProvider = nullptr,
                                     ExactRefiner *exactRefiner = nullptr );

//! Builds the network, snaps demand and candidates, computes network distances and picks
//! parameters.stationCount stations minimising parcel-weighted distance.
//! \a odProvider supplies the matrix (a cache); nullptr computes it directly.
Result<StationPlan> planStations( const Scenario &scenario, ProgressSink &progress, OdProvider *odProvider = nullptr );

} // namespace gf
