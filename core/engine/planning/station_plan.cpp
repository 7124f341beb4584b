#include "engine/planning/station_plan.h"

#include "engine/graph/edge_snapper.h"
#include "engine/od/od_matrix.h"
#include "engine/solvers/pmedian_solver.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string>

namespace gf {

namespace {

// Phases of the overall progress bar; the OD matrix and the solver dominate.
constexpr double kGraphDone = 0.10;
constexpr double kSnapDone = 0.15;
constexpr double kOdDone = 0.55;
constexpr double kSolveDone = 0.97;

struct SnappedSet
{
  std::vector<SnappedPoint> points;
  std::vector<std::uint32_t> sourceIndex;   //!< index in the scenario list
  std::vector<std::uint32_t> unsnapped;
};

template<typename Item>
SnappedSet snapAll( const std::vector<Item> &items, const EdgeSnapper &snapper, double maxDistanceM )
{
  SnappedSet set;
  for ( std::uint32_t i = 0; i < items.size(); ++i )
  {
    std::optional<SnappedPoint> snapped = snapper.snap( items[i].location, maxDistanceM );
    if ( snapped )
    {
      set.points.push_back( *snapped );
      set.sourceIndex.push_back( i );
    }
    else
    {
      set.unsnapped.push_back( i );
    }
  }
  return set;
}

double distanceMFromCost( Cost cost )
{
  return static_cast<double>( cost ) / kCostUnitsPerBaseUnit;
}

void computeKpis( const Scenario &scenario, StationPlan &plan )
{
  StationPlanKpis &kpis = plan.kpis;
  kpis.stations = static_cast<std::uint32_t>( plan.stations.size() );
  kpis.demandPoints = static_cast<std::uint32_t>( scenario.demand.size() );
  double totalParcels = 0.0;
  double coveredParcels = 0.0;
  double weightedDistance = 0.0;
  double assignedParcels = 0.0;
  std::uint32_t coveredPoints = 0;
  for ( const DemandAssignment &assignment : plan.assignments )
  {
    const double parcels = scenario.demand[assignment.demandIndex].parcelsPerDay;
    totalParcels += parcels;
    if ( assignment.status != AssignmentStatus::Assigned )
      continue;
    ++kpis.assignedPoints;
    assignedParcels += parcels;
    weightedDistance += parcels * assignment.networkDistanceM;
    kpis.maxDistanceM = std::max( kpis.maxDistanceM, assignment.networkDistanceM );
    if ( assignment.withinServiceRadius )
    {
      ++coveredPoints;
      coveredParcels += parcels;
    }
  }
  kpis.coverageShareByPoints = kpis.demandPoints > 0 ? static_cast<double>( coveredPoints ) / kpis.demandPoints : 0.0;
  kpis.coverageShareByParcels = totalParcels > 0.0 ? coveredParcels / totalParcels : 0.0;
  kpis.meanDistanceM = assignedParcels > 0.0 ? weightedDistance / assignedParcels : 0.0;
}

} // namespace

Result<StationPlan> planStations( const Scenario &scenario, ProgressSink &progress, OdProvider *odProvider )
{
  const PlanParameters &parameters = scenario.parameters;
  if ( scenario.demand.empty() )
    return makeError( ErrorCode::NoDemand );
  if ( scenario.candidates.empty() )
    return makeError( ErrorCode::NoCandidates );
  if ( parameters.stationCount == 0 )
    return makeError( ErrorCode::InvalidArgument, "stationCount" );
  const auto openable = std::count_if( scenario.candidates.begin(), scenario.candidates.end(),
                                       []( const CandidateSite &site ) { return !site.banned; } );
  if ( parameters.stationCount > static_cast<std::size_t>( openable ) )
    return makeError( ErrorCode::TooManyFacilities, std::to_string( parameters.stationCount ) );

  StationPlan plan;
  plan.scenarioRevision = scenario.revision;

  RoadGraphBuildOptions buildOptions;
  buildOptions.snapToleranceM = parameters.networkSnapToleranceM;
  ProgressPhase graphPhase( progress, 0.0, kGraphDone );
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( scenario.roads, buildOptions, graphPhase );
  if ( !built )
    return built.error();
  const RoadGraph &graph = built->graph;
  plan.network = built->report;
  if ( progress.isCanceled() )
    return makeError( ErrorCode::Canceled );

  const EdgeSnapper snapper( graph );
  const SnappedSet demand = snapAll( scenario.demand, snapper, parameters.snapMaxDistanceM );
  const SnappedSet candidates = snapAll( scenario.candidates, snapper, parameters.snapMaxDistanceM );
  plan.unsnappedCandidates = candidates.unsnapped;
  progress.setProgress( kSnapDone );
  if ( demand.points.empty() )
    return makeError( ErrorCode::NoDemand );

  // Stations deliver to customers, so costs run station → demand on the directed network.
  const EdgeWeights weights = computeEdgeWeights( graph, CostMetric::DistanceDm );
  OdOptions odOptions;
  odOptions.threads = parameters.threads;
  ProgressPhase odPhase( progress, kSnapDone, kOdDone );
  DirectOdProvider directOd;
  OdProvider &provider = odProvider ? *odProvider : directOd;
  Result<OdMatrix> od = provider.odMatrix( graph, weights, candidates.points, demand.points, odOptions, odPhase );
  if ( !od )
    return od.error();

  LocationProblem problem;
  problem.clientCount = static_cast<std::uint32_t>( demand.points.size() );
  problem.candidateCount = static_cast<std::uint32_t>( candidates.points.size() );
  problem.cost.resize( static_cast<std::size_t>( problem.clientCount ) * problem.candidateCount );
  problem.clientWeight.resize( problem.clientCount );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    problem.clientWeight[client] = scenario.demand[demand.sourceIndex[client]].parcelsPerDay;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      const Cost cost = od->at( candidate, client );
      problem.cost[static_cast<std::size_t>( client ) * problem.candidateCount + candidate]
        = cost < kUnreachable ? distanceMFromCost( cost ) : kForbiddenAssignment;
    }
  }
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    const CandidateSite &site = scenario.candidates[candidates.sourceIndex[candidate]];
    if ( site.required )
      problem.required.push_back( candidate );
    if ( site.banned )
      problem.banned.push_back( candidate );
  }

  PMedianOptions solverOptions;
  solverOptions.p = parameters.stationCount;
  solverOptions.seed = parameters.seed;
  solverOptions.timeLimitS = parameters.timeLimitS;
  solverOptions.threads = parameters.threads == 0 ? 1 : parameters.threads;
  ProgressPhase solvePhase( progress, kOdDone, kSolveDone );
  Result<LocationSolution> solved = solvePMedian( problem, solverOptions, solvePhase );
  if ( !solved )
    return solved.error();
  const LocationSolution &solution = *solved;
  plan.canceled = solution.canceled;

  // Stations in rank order: most parcels served first, ties by candidate order.
  std::vector<std::uint32_t> stationOfCandidate( problem.candidateCount, kUnassigned );
  for ( std::uint32_t openIndex = 0; openIndex < solution.open.size(); ++openIndex )
  {
    PlannedStation station;
    station.candidateIndex = candidates.sourceIndex[solution.open[openIndex]];
    stationOfCandidate[solution.open[openIndex]] = openIndex;
    plan.stations.push_back( station );
  }

  plan.assignments.resize( scenario.demand.size() );
  for ( std::uint32_t i = 0; i < scenario.demand.size(); ++i )
  {
    plan.assignments[i].demandIndex = i;
    plan.assignments[i].status = AssignmentStatus::NotSnapped;
  }
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    DemandAssignment &assignment = plan.assignments[demand.sourceIndex[client]];
    const std::uint32_t candidate = solution.assignment[client];
    if ( candidate == kUnassigned )
    {
      assignment.status = AssignmentStatus::Unreachable;
      continue;
    }
    assignment.status = AssignmentStatus::Assigned;
    assignment.stationIndex = stationOfCandidate[candidate];
    assignment.networkDistanceM = problem.costAt( client, candidate );
    assignment.withinServiceRadius = assignment.networkDistanceM <= parameters.serviceRadiusM;
    PlannedStation &station = plan.stations[assignment.stationIndex];
    ++station.assignedDemandCount;
    station.servedParcelsPerDay += problem.weightOf( client );
    station.meanDistanceM += problem.weightOf( client ) * assignment.networkDistanceM;
  }
  for ( PlannedStation &station : plan.stations )
    station.meanDistanceM = station.servedParcelsPerDay > 0.0 ? station.meanDistanceM / station.servedParcelsPerDay : 0.0;

  std::vector<std::uint32_t> order( plan.stations.size() );
  std::iota( order.begin(), order.end(), 0u );
  std::stable_sort( order.begin(), order.end(), [&plan]( std::uint32_t a, std::uint32_t b ) {
    return plan.stations[a].servedParcelsPerDay > plan.stations[b].servedParcelsPerDay;
  } );
  std::vector<std::uint32_t> newIndex( order.size() );
  std::vector<PlannedStation> ranked;
  ranked.reserve( order.size() );
  for ( std::uint32_t position = 0; position < order.size(); ++position )
  {
    newIndex[order[position]] = position;
    ranked.push_back( plan.stations[order[position]] );
    ranked.back().rank = position + 1;
  }
  plan.stations = std::move( ranked );
  for ( DemandAssignment &assignment : plan.assignments )
  {
    if ( assignment.status == AssignmentStatus::Assigned )
      assignment.stationIndex = newIndex[assignment.stationIndex];
  }

  computeKpis( scenario, plan );
  plan.kpis.objective = solution.objective;
  plan.kpis.lowerBound = solution.lowerBound;
  plan.kpis.gap = solution.gap();
  plan.kpis.provenOptimal = solution.provenOptimal;
  progress.setProgress( 1.0 );
  return plan;
}

} // namespace gf
