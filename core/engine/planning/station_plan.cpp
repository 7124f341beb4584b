#include "engine/planning/station_plan.h"

#include "engine/planning/network_context.h"
#include "engine/solvers/mclp_solver.h"
#include "engine/solvers/pmedian_curve.h"
#include "engine/od/od_matrix.h"
#include "engine/solvers/pmedian_solver.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string>

namespace gf {

namespace {

// Phases of the progress bar of planStations; the OD matrix and the solver dominate.
constexpr double kGraphDone = 0.10;
// Phases within the station tier.
constexpr double kSnapDone = 0.05;
constexpr double kOdDone = 0.50;
constexpr double kSolveDone = 0.97;
// With a curve over the number of stations, the curve takes this share of the solve phase.
constexpr double kCurveShare = 0.5;

double distanceMFromCost( Cost cost )
{
  return static_cast<double>( cost ) / kCostUnitsPerBaseUnit;
}

void computeKpis( const Scenario &scenario, StationPlan &plan )
{
  StationPlanKpis &kpis = plan.kpis;
  kpis.stations = static_cast<std::uint32_t>( plan.stations.size() );
  double totalParcels = 0.0;
  double coveredParcels = 0.0;
  double weightedDistance = 0.0;
  double assignedParcels = 0.0;
  std::uint32_t coveredPoints = 0;
  std::uint32_t tierPoints = 0;
  for ( const DemandAssignment &assignment : plan.assignments )
  {
    if ( assignment.status == AssignmentStatus::DirectFromCentre )
      continue;
    ++tierPoints;
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
  kpis.demandPoints = tierPoints;
  kpis.coverageShareByPoints = kpis.demandPoints > 0 ? static_cast<double>( coveredPoints ) / kpis.demandPoints : 0.0;
  kpis.coverageShareByParcels = totalParcels > 0.0 ? coveredParcels / totalParcels : 0.0;
  kpis.meanDistanceM = assignedParcels > 0.0 ? weightedDistance / assignedParcels : 0.0;
}


//! Share of a tier's solve progress the heuristic gets when exact mode follows it.
constexpr double kHeuristicShareWithExact = 0.5;

//! The p-median or coverage solve of the station tier over the OD matrix sites × clients,
//! then exact mode when \a refiner is given and parameters.exactTimeLimitS is positive.
Result<LocationSolution> solveStations( const LocationProblem &problem, const PlanParameters &parameters, ExactRefiner *refiner,
                                        ProgressSink &progress )
{
  const bool exact = refiner && parameters.exactTimeLimitS > 0.0;
  ProgressPhase heuristicPhase( progress, 0.0, exact ? kHeuristicShareWithExact : 1.0 );
  ProgressPhase exactPhase( progress, kHeuristicShareWithExact, 1.0 );
  if ( parameters.programme.stations.objective == StationObjective::PMedian )
  {
    PMedianOptions options;
    options.p = parameters.stationCount;
    options.seed = parameters.seed;
    options.timeLimitS = parameters.timeLimitS;
    options.threads = parameters.threads == 0 ? 1 : parameters.threads;
    Result<LocationSolution> solved = solvePMedian( problem, options, heuristicPhase );
    if ( !solved || !exact || solved->canceled )
      return solved;
    return refiner->refinePMedian( problem, options.p, *solved, parameters.exactTimeLimitS, exactPhase );
  }
  // Coverage: maximise parcels within the radius (clients go to their nearest open site
  // afterwards, as for the p-median). Reported as a minimisation of uncovered parcels so that objective, bound
  // and gap read the same way for both objectives.
  MclpOptions options;
  options.radius = parameters.serviceRadiusM;
  options.p = parameters.stationCount;
  options.timeLimitS = parameters.timeLimitS;
  Result<CoverageSolution> covered = solveMclp( problem, options, heuristicPhase );
  if ( covered && exact && !covered->canceled )
    covered = refiner->refineMclp( problem, options, *covered, parameters.exactTimeLimitS, exactPhase );
  if ( !covered )
    return covered.error();
  LocationSolution solution;
  solution.open = covered->open;
  solution.objective = covered->totalWeight - covered->coveredWeight;
  solution.lowerBound = covered->totalWeight - covered->coveredWeightBound;
  solution.provenOptimal = covered->provenOptimal;
  solution.canceled = covered->canceled;
  return solution;
}

//! The curve over the number of stations on the tier's problem; coverage and mean distance
//! from the true network distances (the solver may see outlet distances scaled).
Result<std::vector<StationCurvePoint>> stationCurve( const LocationProblem &problem, const OdMatrix &od, const PlanParameters &parameters,
                                                     ProgressSink &progress )
{
  const StationParameters &stations = parameters.programme.stations;
  PMedianCurveOptions options;
  options.pMin = std::max<std::uint32_t>( 1, stations.curveMin );
  options.pMax = std::min( stations.curveMax, problem.candidateCount - static_cast<std::uint32_t>( problem.banned.size() ) );
  options.seed = parameters.seed;
  options.timeLimitS = parameters.timeLimitS;
  options.threads = parameters.threads == 0 ? 1 : parameters.threads;
  Result<std::vector<PMedianCurvePoint>> solved = solvePMedianCurve( problem, options, progress );
  if ( !solved )
    return solved.error();
  std::vector<StationCurvePoint> curve;
  for ( const PMedianCurvePoint &point : *solved )
  {
    StationCurvePoint row;
    row.stations = point.p;
    row.objective = point.objective;
    row.lowerBound = point.lowerBound;
    row.gap = point.gap;
    row.provenOptimal = point.provenOptimal;
    double total = 0.0;
    double covered = 0.0;
    double weightedDistance = 0.0;
    for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
    {
      Cost nearest = kUnreachable;
      for ( std::uint32_t site : point.open )
        nearest = std::min( nearest, od.at( site, client ) );
      const double weight = problem.weightOf( client );
      total += weight;
      if ( nearest >= kUnreachable )
        continue;
      const double distanceM = distanceMFromCost( nearest );
      weightedDistance += weight * distanceM;
      if ( distanceM <= parameters.serviceRadiusM )
        covered += weight;
    }
    row.coverageShareByParcels = total > 0.0 ? covered / total : 0.0;
    row.meanDistanceM = total > 0.0 ? weightedDistance / total : 0.0;
    curve.push_back( row );
  }
  return curve;
}

} // namespace

Result<StationPlan> planStationTier( const NetworkContext &network, const Scenario &scenario,
                                     const std::vector<CandidateSite> &sites, const std::vector<char> &servedByStation,
                                     ProgressSink &progress, OdProvider *odProvider, ExactRefiner *exactRefiner )
{
  const PlanParameters &parameters = scenario.parameters;
  if ( scenario.demand.empty() )
    return makeError( ErrorCode::NoDemand );
  if ( sites.empty() )
    return makeError( ErrorCode::NoCandidates );
  if ( parameters.stationCount == 0 )
    return makeError( ErrorCode::InvalidArgument, "stationCount" );
  const auto openable = std::count_if( sites.begin(), sites.end(), []( const CandidateSite &site ) { return !site.banned; } );
  if ( parameters.stationCount > static_cast<std::size_t>( openable ) )
    return makeError( ErrorCode::TooManyFacilities, std::to_string( parameters.stationCount ) );

  StationPlan plan;
  plan.scenarioRevision = scenario.revision;
  plan.network = network.report();

  const SnappedSet demand = network.snap( NetworkContext::locationsOf( scenario.demand ), servedByStation, parameters.snapMaxDistanceM );
  const SnappedSet candidates = network.snap( NetworkContext::locationsOf( sites ), parameters.snapMaxDistanceM );
  plan.unsnappedCandidates = candidates.unsnapped;
  progress.setProgress( kSnapDone );
  if ( demand.points.empty() )
    return makeError( ErrorCode::NoDemand );

  // Stations deliver to customers, so costs run station → demand on the directed network.
  OdOptions odOptions;
  odOptions.threads = parameters.threads;
  ProgressPhase odPhase( progress, kSnapDone, kOdDone );
  DirectOdProvider directOd;
  OdProvider &provider = odProvider ? *odProvider : directOd;
  Result<OdMatrix> od = provider.odMatrix( network.graph(), network.distanceWeights(), candidates.points, demand.points, odOptions, odPhase );
  if ( !od )
    return od.error();

  // Existing outlets are preferred (the plans ask for co-use): the solver sees their
  // distances scaled down; distances reported to the user are never scaled.
  const double outletScale = 1.0 - parameters.programme.stations.outletPreference;
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
      const bool outlet = sites[candidates.sourceIndex[candidate]].origin == CandidateOrigin::Outlet;
      problem.cost[static_cast<std::size_t>( client ) * problem.candidateCount + candidate]
        = cost < kUnreachable ? distanceMFromCost( cost ) * ( outlet ? outletScale : 1.0 ) : kForbiddenAssignment;
    }
  }
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    const CandidateSite &site = sites[candidates.sourceIndex[candidate]];
    if ( site.required )
      problem.required.push_back( candidate );
    if ( site.banned )
      problem.banned.push_back( candidate );
  }

  const StationParameters &stationParameters = parameters.programme.stations;
  const bool withCurve = stationParameters.curveMax > stationParameters.curveMin;
  const double solveStart = withCurve ? kOdDone + kCurveShare * ( kSolveDone - kOdDone ) : kOdDone;
  if ( withCurve )
  {
    ProgressPhase curvePhase( progress, kOdDone, solveStart );
    Result<std::vector<StationCurvePoint>> curve = stationCurve( problem, *od, parameters, curvePhase );
    if ( !curve )
      return curve.error();
    plan.curve = std::move( *curve );
  }
  ProgressPhase solvePhase( progress, solveStart, kSolveDone );
  Result<LocationSolution> solved = solveStations( problem, parameters, exactRefiner, solvePhase );
  if ( !solved )
    return solved.error();
  const LocationSolution &solution = *solved;
  plan.canceled = solution.canceled;

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
    plan.assignments[i].status = AssignmentStatus::DirectFromCentre;
  }
  for ( std::uint32_t i : demand.unsnapped )
    plan.assignments[i].status = AssignmentStatus::NotSnapped;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    DemandAssignment &assignment = plan.assignments[demand.sourceIndex[client]];
    // Customers go to their nearest open station on the network: the outlet preference and
    // the coverage objective shape where stations are, not who they serve.
    std::uint32_t candidate = kUnassigned;
    for ( std::uint32_t site : solution.open )
    {
      if ( od->at( site, client ) < kUnreachable && ( candidate == kUnassigned || od->at( site, client ) < od->at( candidate, client ) ) )
        candidate = site;
    }
    if ( candidate == kUnassigned )
    {
      assignment.status = AssignmentStatus::Unreachable;
      continue;
    }
    assignment.status = AssignmentStatus::Assigned;
    assignment.stationIndex = stationOfCandidate[candidate];
    assignment.networkDistanceM = distanceMFromCost( od->at( candidate, client ) );
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

Result<StationPlan> planStations( const Scenario &scenario, ProgressSink &progress, OdProvider *odProvider )
{
  ProgressPhase graphPhase( progress, 0.0, kGraphDone );
  Result<NetworkContext> network = NetworkContext::build( scenario, graphPhase );
  if ( !network )
    return network.error();
  if ( progress.isCanceled() )
    return makeError( ErrorCode::Canceled );
  ProgressPhase tierPhase( progress, kGraphDone, 1.0 );
  return planStationTier( *network, scenario, scenario.candidates, {}, tierPhase, odProvider );
}

} // namespace gf
