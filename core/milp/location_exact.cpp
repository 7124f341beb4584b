#include "milp/location_exact.h"

#include "engine/solvers/candidate_ranking.h"
#include "milp/coverage_milp.h"
#include "milp/facility_location_milp.h"
#include "milp/location_milp_columns.h"
#include "milp/pcenter_milp.h"
#include "milp/pmedian_milp.h"
#include "milp/single_source_milp.h"

#include <algorithm>
#include <cmath>

namespace gf {

namespace {

//! \a open with every client on its nearest allowed open candidate (lowest index on ties);
//! objective = weighted cost, or with \a largestCost the largest cost of a weighted client.
LocationSolution nearestAssignment( const LocationProblem &problem, std::vector<std::uint32_t> open, bool largestCost )
{
  LocationSolution solution;
  solution.open = std::move( open );
  solution.assignment.assign( problem.clientCount, kUnassigned );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    std::uint32_t nearest = kUnassigned;
    for ( std::uint32_t candidate : solution.open )
    {
      const double cost = problem.costAt( client, candidate );
      if ( isAllowedCost( cost ) && ( nearest == kUnassigned || cost < problem.costAt( client, nearest ) ) )
        nearest = candidate;
    }
    solution.assignment[client] = nearest;
    if ( nearest == kUnassigned )
    {
      ++solution.unservedClients;
      continue;
    }
    const double weight = problem.weightOf( client );
    const double cost = problem.costAt( client, nearest );
    if ( !largestCost )
      solution.objective += weight * cost;
    else if ( weight > 0.0 )
      solution.objective = std::max( solution.objective, cost );
  }
  return solution;
}

//! Per candidate: 1 if in \a members.
std::vector<char> flagsOf( std::uint32_t candidateCount, const std::vector<std::uint32_t> &members )
{
  std::vector<char> flags( candidateCount, 0 );
  for ( std::uint32_t candidate : members )
    flags[candidate] = 1;
  return flags;
}

//! The client's cheapest open stored pair (rows are sorted by cost), or null.
const SparseCostEntry *cheapestOpen( const SparseLocationProblem &problem, std::uint32_t client, const std::vector<char> &isOpen )
{
  for ( const SparseCostEntry *entry = problem.begin( client ); entry != problem.end( client ); ++entry )
  {
    if ( isOpen[entry->candidate] && isAllowedCost( entry->cost ) )
      return entry;
  }
  return nullptr;
}

//! \a open with every client on its cheapest open stored pair; objective = weighted cost of
//! the clients so served. The others count as beyond their stored pairs or, when nothing
//! else may serve them, unserved.
LocationSolution nearestStored( const SparseLocationProblem &problem, std::vector<std::uint32_t> open )
{
  const std::vector<char> isOpen = flagsOf( problem.candidateCount, open );
  LocationSolution solution;
  solution.open = std::move( open );
  solution.assignment.assign( problem.clientCount, kUnassigned );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const SparseCostEntry *entry = cheapestOpen( problem, client, isOpen );
    if ( entry )
    {
      solution.assignment[client] = entry->candidate;
      solution.objective += problem.weightOf( client ) * entry->cost;
    }
    else if ( LocationMilpColumns::servesBeyond( problem, client ) )
      ++solution.clientsBeyondStored;
    else
      ++solution.unservedClients;
  }
  return solution;
}

//! Value of \a open in PMedianMilp's sparse model: each client at the lower of its cheapest
//! open stored pair and its beyondCost; clients the model leaves out count 0. Infinite when
//! \a open is no solution of the model (a client with stored pairs, none open, no beyondCost).
double sparseModelValue( const SparseLocationProblem &problem, const std::vector<std::uint32_t> &open )
{
  const std::vector<char> isOpen = flagsOf( problem.candidateCount, open );
  const std::vector<char> banned = flagsOf( problem.candidateCount, problem.banned );
  double value = 0.0;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const SparseCostEntry *entry = cheapestOpen( problem, client, isOpen );
    double cost = entry ? entry->cost : MilpModel::kInfinity;
    if ( LocationMilpColumns::servesBeyond( problem, client ) )
      cost = std::min( cost, problem.beyondCost[client] );
    else if ( !entry && std::none_of( problem.begin( client ), problem.end( client ), [&]( const SparseCostEntry &pair ) {
                return !banned[pair.candidate] && isAllowedCost( pair.cost );
              } ) )
      cost = 0.0;
    value += problem.weightOf( client ) * cost;
  }
  return value;
}

//! The incumbent, or the solution CBC found, with the search's bound and proof.
LocationSolution withSearch( LocationSolution solution, const CutoffSearch &search )
{
  solution.lowerBound = std::min( search.lowerBound, solution.objective );
  solution.provenOptimal = search.provenOptimal;
  solution.canceled = solution.canceled || search.canceled;
  return solution;
}

//! Shared by the open-set models: CBC below \a incumbent, a better solution re-evaluated by
//! nearest assignment plus \a fixedCost of its open candidates.
Result<LocationSolution> refineOpenSet( const LocationProblem &problem, const MilpModel &model, const LocationSolution &incumbent,
                                        const std::vector<double> &fixedCost, bool largestCost, const ExactModeOptions &options,
                                        ProgressSink &progress )
{
  const Result<CutoffSearch> search = searchBelowIncumbent( model, incumbent.objective, incumbent.lowerBound, options, progress );
  if ( !search )
    return search.error();
  if ( !search->improved )
    return withSearch( incumbent, *search );
  LocationSolution better = nearestAssignment( problem, LocationMilpColumns::decodeOpen( problem, search->values ), largestCost );
  for ( std::uint32_t candidate : better.open )
    better.objective += fixedCost.empty() ? 0.0 : fixedCost[candidate];
  return withSearch( better, *search );
}

//! Covering models: the open set of a better CBC solution, evaluated by coverageOf.
CoverageSolution coverageWithSearch( const LocationProblem &problem, double radius, const CoverageSolution &incumbent,
                                     const CutoffSearch &search )
{
  CoverageSolution solution =
    search.improved ? coverageOf( problem, LocationMilpColumns::decodeOpen( problem, search.values ), radius ) : incumbent;
  solution.mergedClients = incumbent.mergedClients;
  solution.provenOptimal = search.provenOptimal;
  solution.canceled = incumbent.canceled || search.canceled;
  return solution;
}

} // namespace

Result<LocationSolution> refinePMedian( const LocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                        const ExactModeOptions &options, ProgressSink &progress )
{
  return refineOpenSet( problem, PMedianMilp( problem, p ).model(), incumbent, {}, false, options, progress );
}

Result<LocationSolution> refinePMedian( const SparseLocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                        const ExactModeOptions &options, ProgressSink &progress )
{
  // An incumbent that is no solution of the model gives CBC no cutoff (as solvePMedianExact
  // skips incumbents with unserved clients).
  const double incumbentValue = sparseModelValue( problem, incumbent.open );
  if ( incumbentValue == MilpModel::kInfinity )
    return incumbent;
  const PMedianMilp milp( problem, p );
  const Result<CutoffSearch> search = searchBelowIncumbent( milp.model(), incumbentValue, incumbent.lowerBound, options, progress );
  if ( !search )
    return search.error();
  LocationSolution solution = search->improved ? nearestStored( problem, PMedianMilp::decodeOpen( problem, search->values ) ) : incumbent;
  solution.canceled = solution.canceled || search->canceled;
  if ( solution.clientsBeyondStored > 0 )
  {
    // The objective leaves those clients out; the bound does not.
    solution.lowerBound = search->lowerBound;
    solution.provenOptimal = false;
    return solution;
  }
  // Every client on a stored pair: the objective is exact for the full problem.
  const double tolerance = 1e-6 * std::max( 1.0, std::fabs( solution.objective ) );
  solution.lowerBound = std::min( search->lowerBound, solution.objective );
  solution.provenOptimal = solution.objective - solution.lowerBound <= tolerance;
  return solution;
}

Result<LocationSolution> refinePCenter( const LocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                        const ExactModeOptions &options, ProgressSink &progress )
{
  return refineOpenSet( problem, PCenterMilp( problem, p ).model(), incumbent, {}, true, options, progress );
}

Result<LocationSolution> refineUflp( const UflpProblem &problem, const UflpOptions &limits, const LocationSolution &incumbent,
                                     const ExactModeOptions &options, ProgressSink &progress )
{
  const FacilityLocationMilp milp( problem.location, problem.fixedCost, {}, {}, limits.minFacilities, limits.maxFacilities );
  return refineOpenSet( problem.location, milp.model(), incumbent, problem.fixedCost, false, options, progress );
}

Result<CflpSolution> refineCflp( const CflpProblem &problem, const CflpSolution &incumbent, const ExactModeOptions &options,
                                 ProgressSink &progress )
{
  const LocationProblem &location = problem.location;
  const FacilityLocationMilp milp( location, problem.fixedCost, problem.capacity, problem.demand );
  const Result<CutoffSearch> search =
    searchBelowIncumbent( milp.model(), incumbent.location.objective, incumbent.location.lowerBound, options, progress );
  if ( !search )
    return search.error();
  CflpSolution solution = incumbent;
  if ( search->improved )
  {
    LocationSolution &better = solution.location;
    better.open = LocationMilpColumns::decodeOpen( location, search->values );
    better.objective = 0.0;
    for ( std::uint32_t candidate : better.open )
      better.objective += problem.fixedCost[candidate];
    solution.share.assign( static_cast<std::size_t>( location.clientCount ) * location.candidateCount, 0.0 );
    better.assignment.assign( location.clientCount, kUnassigned );
    std::vector<double> largest( location.clientCount, 0.0 );
    for ( const AssignmentColumn &x : milp.assignmentColumns() )
    {
      const double fraction = std::clamp( search->values[x.column], 0.0, 1.0 );
      if ( fraction <= 0.0 )
        continue;
      solution.share[static_cast<std::size_t>( x.client ) * location.candidateCount + x.candidate] = fraction;
      better.objective += fraction * location.weightOf( x.client ) * location.costAt( x.client, x.candidate );
      if ( fraction > largest[x.client] )
      {
        largest[x.client] = fraction;
        better.assignment[x.client] = x.candidate;
      }
    }
    better.unservedClients = static_cast<std::uint32_t>(
      std::count( better.assignment.begin(), better.assignment.end(), kUnassigned ) );
  }
  solution.location = withSearch( solution.location, *search );
  return solution;
}

Result<LocationSolution> refineSingleSource( const SingleSourceModel &model, const LocationSolution &incumbent,
                                             const ExactModeOptions &options, ProgressSink &progress )
{
  const SingleSourceMilp milp( model );
  const Result<CutoffSearch> search = searchBelowIncumbent( milp.model(), incumbent.objective, incumbent.lowerBound, options, progress );
  if ( !search )
    return search.error();
  if ( !search->improved )
    return withSearch( incumbent, *search );
  LocationSolution better;
  better.open = SingleSourceMilp::decodeOpen( model, search->values );
  for ( std::uint32_t candidate : better.open )
    better.objective += model.fixedCost[candidate];
  better.assignment.assign( model.clientCount(), kUnassigned );
  for ( const AssignmentColumn &x : milp.assignmentColumns() )
  {
    if ( search->values[x.column] <= 0.5 )
      continue;
    better.assignment[x.client] = x.candidate;
    better.objective += milp.model().objective()[x.column];
  }
  const auto unassigned = static_cast<std::uint32_t>( std::count( better.assignment.begin(), better.assignment.end(), kUnassigned ) );
  if ( unassigned == 0 )
    return withSearch( better, *search );
  // Only a sparse model's beyond columns leave clients unassigned: CBC's solution is no plan,
  // but its bound holds for the full problem. The incumbent stays; the search's bound was
  // capped at CBC's value, which our own bound may exceed.
  LocationSolution solution = incumbent;
  solution.lowerBound = std::min( incumbent.objective, std::max( incumbent.lowerBound, search->lowerBound ) );
  solution.provenOptimal = incumbent.objective - solution.lowerBound <= 1e-6 * std::max( 1.0, std::fabs( incumbent.objective ) );
  solution.canceled = solution.canceled || search->canceled;
  return solution;
}

Result<CoverageSolution> refineMclp( const LocationProblem &problem, const MclpOptions &mclp, const CoverageSolution &incumbent,
                                     const ExactModeOptions &options, ProgressSink &progress )
{
  // The MILP minimises the uncovered part as the negated covered weight.
  const CoverageMilp milp = CoverageMilp::maximalCovering( problem, mclp.radius, mclp.p );
  const Result<CutoffSearch> search =
    searchBelowIncumbent( milp.model(), -incumbent.coveredWeight, -incumbent.coveredWeightBound, options, progress );
  if ( !search )
    return search.error();
  CoverageSolution solution = coverageWithSearch( problem, mclp.radius, incumbent, *search );
  solution.coveredWeightBound = std::max( solution.coveredWeight, -search->lowerBound );
  return solution;
}

Result<CoverageSolution> refineLscp( const LocationProblem &problem, const LscpOptions &lscp, const CoverageSolution &incumbent,
                                     const ExactModeOptions &options, ProgressSink &progress )
{
  if ( lscp.share < 1.0 )
    return incumbent;
  const CoverageMilp milp = CoverageMilp::setCovering( problem, lscp.radius );
  const Result<CutoffSearch> search = searchBelowIncumbent( milp.model(), static_cast<double>( incumbent.open.size() ),
                                                            incumbent.siteCountBound, options, progress );
  if ( !search )
    return search.error();
  CoverageSolution solution = coverageWithSearch( problem, lscp.radius, incumbent, *search );
  // Site counts are whole: a fractional bound rounds up.
  const double bound = std::ceil( search->lowerBound - 1e-6 );
  solution.siteCountBound = static_cast<std::uint32_t>( std::min<double>( bound, static_cast<double>( solution.open.size() ) ) );
  return solution;
}

Result<LocationSolution> solvePMedianExact( const LocationProblem &problem, const PMedianExactOptions &options,
                                            ProgressSink &progress )
{
  ProgressPhase heuristicPhase( progress, 0.0, 0.3 );
  Result<LocationSolution> heuristic = solvePMedian( problem, options.heuristic, heuristicPhase );
  if ( !heuristic || heuristic->provenOptimal || heuristic->canceled || heuristic->unservedClients > 0 )
    return heuristic;
  ExactModeOptions exact;
  exact.timeLimitS = options.milpTimeLimitS;
  exact.threads = options.heuristic.threads;
  ProgressPhase milpPhase( progress, 0.3, 1.0 );
  return refinePMedian( problem, options.heuristic.p, *heuristic, exact, milpPhase );
}

} // namespace gf
