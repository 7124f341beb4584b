#include "engine/solvers/cpmp_solver.h"

#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/single_source_search.h"

#include <type_traits>

namespace gf {

namespace {

//! VNS iterations without improvement of the uncapacitated start on small models.
constexpr std::uint32_t kSmallStartIterations = 10;

//! Either matrix shape: the checks, the uncapacitated p-median start and the search.
template<typename Problem>
Result<LocationSolution> solveOver( const Problem &problem, const CpmpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem.location );
  if ( !rules )
    return rules.error();
  const Error badCount = checkFacilityCount( *rules, options.p );
  if ( badCount.code != ErrorCode::Ok )
    return badCount;
  const Error invalid = checkCapacitatedData( problem.location.clientCount, problem.location.candidateCount, *rules, nullptr, problem.capacity, problem.demand );
  if ( invalid.code != ErrorCode::Ok )
    return invalid;
  SingleSourceModel model;
  if constexpr ( std::is_same_v<Problem, SparseCpmpProblem> )
    model.sparse = &problem.location;
  else
    model.location = &problem.location;
  model.fixedCost.assign( problem.location.candidateCount, 0.0 );
  model.capacity = problem.capacity;
  model.demand = problem.demand;
  model.minOpen = options.p;
  model.maxOpen = options.p;
  // The uncapacitated p-median over the same costs is a good first open set.
  PMedianOptions start;
  start.p = options.p;
  start.seed = options.seed;
  start.timeLimitS = 0.1 * options.timeLimitS;
  start.computeLowerBound = false;
  // Only a start for the capacitated search: the VNS alone is close enough, relinking costs seconds.
  start.pathRelinking = false;
  // Small models are solved exactly by the branch and bound afterwards: a short VNS will do.
  if ( singleSourceTreeApplies( model ) )
    start.maxIterations = kSmallStartIterations;
  ProgressPhase startPhase( progress, 0.0, 0.1 );
  const Result<LocationSolution> uncapacitated = solvePMedian( problem.location, start, startPhase );
  if ( uncapacitated )
    model.startOpen = uncapacitated->open;
  SingleSourceOptions searchOptions;
  searchOptions.seed = options.seed;
  searchOptions.timeLimitS = options.timeLimitS - start.timeLimitS;
  searchOptions.maxIterations = options.maxIterations;
  return solveSingleSource( model, *rules, searchOptions, progress );
}

} // namespace

Result<LocationSolution> solveCpmp( const CpmpProblem &problem, const CpmpOptions &options, ProgressSink &progress )
{
  return solveOver( problem, options, progress );
}

Result<LocationSolution> solveCpmp( const SparseCpmpProblem &problem, const CpmpOptions &options, ProgressSink &progress )
{
  return solveOver( problem, options, progress );
}

Result<LocationSolution> solveCpmpKNearest( const CpmpProblem &problem, std::uint32_t k0, const CpmpOptions &options,
                                            ProgressSink &progress )
{
  const NearestRowsBuilder rows = [&problem]( const std::vector<std::uint32_t> &rowLength ) {
    return kNearestReduction( problem.location, rowLength );
  };
  const SingleSourceRound round = [&]( const SparseLocationProblem &sparse, double timeLimitS, ProgressSink &phase ) {
    CpmpOptions roundOptions = options;
    roundOptions.timeLimitS = timeLimitS;
    return solveCpmp( SparseCpmpProblem{ sparse, problem.capacity, problem.demand }, roundOptions, phase );
  };
  return solveSingleSourceKNearest( problem.location.clientCount, problem.location.candidateCount, rows, k0, options.timeLimitS, round,
                                    progress );
}

} // namespace gf
