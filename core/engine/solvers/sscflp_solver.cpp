#include "engine/solvers/sscflp_solver.h"

#include "engine/solvers/location_site_rules.h"

#include <string>

namespace gf {

namespace {

//! The model of either matrix shape, without the matrix.
template<typename Problem>
SingleSourceModel modelData( const Problem &problem, const SscflpOptions &options )
{
  SingleSourceModel model;
  model.fixedCost = problem.fixedCost;
  model.capacity = problem.capacity;
  model.demand = problem.demand;
  model.minOpen = options.minFacilities;
  model.maxOpen = options.maxFacilities;
  return model;
}

//! The checks both matrix shapes share, then the search of \a model over \a location.
template<typename Location>
Result<LocationSolution> solveOver( const Location &location, const SingleSourceModel &model, const SscflpOptions &options,
                                    ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( location );
  if ( !rules )
    return rules.error();
  const Error invalid = checkCapacitatedData( location.clientCount, location.candidateCount, *rules, &model.fixedCost, model.capacity, model.demand );
  if ( invalid.code != ErrorCode::Ok )
    return invalid;
  if ( options.maxFacilities > 0 && ( options.maxFacilities < options.minFacilities || options.maxFacilities < rules->required.size() ) )
    return makeError( ErrorCode::InvalidArgument, "maxFacilities" );
  if ( options.minFacilities > rules->eligibleCount )
    return makeError( ErrorCode::TooManyFacilities, std::to_string( options.minFacilities ) );
  SingleSourceOptions searchOptions;
  searchOptions.seed = options.seed;
  searchOptions.timeLimitS = options.timeLimitS;
  searchOptions.maxIterations = options.maxIterations;
  return solveSingleSource( model, *rules, searchOptions, progress );
}

} // namespace

SingleSourceModel sscflpModel( const SscflpProblem &problem, const SscflpOptions &options )
{
  SingleSourceModel model = modelData( problem, options );
  model.location = &problem.location;
  return model;
}

SingleSourceModel sscflpModel( const SparseSscflpProblem &problem, const SscflpOptions &options )
{
  SingleSourceModel model = modelData( problem, options );
  model.sparse = &problem.location;
  return model;
}

Result<LocationSolution> solveSscflp( const SscflpProblem &problem, const SscflpOptions &options, ProgressSink &progress )
{
  return solveOver( problem.location, sscflpModel( problem, options ), options, progress );
}

Result<LocationSolution> solveSscflp( const SparseSscflpProblem &problem, const SscflpOptions &options, ProgressSink &progress )
{
  return solveOver( problem.location, sscflpModel( problem, options ), options, progress );
}

Result<LocationSolution> solveSscflpKNearest( const SscflpProblem &problem, std::uint32_t k0, const SscflpOptions &options,
                                              ProgressSink &progress )
{
  const NearestRowsBuilder rows = [&problem]( const std::vector<std::uint32_t> &rowLength ) {
    return kNearestReduction( problem.location, rowLength );
  };
  const SingleSourceRound round = [&]( const SparseLocationProblem &sparse, double timeLimitS, ProgressSink &phase ) {
    SscflpOptions roundOptions = options;
    roundOptions.timeLimitS = timeLimitS;
    return solveSscflp( SparseSscflpProblem{ sparse, problem.fixedCost, problem.capacity, problem.demand }, roundOptions, phase );
  };
  return solveSingleSourceKNearest( problem.location.clientCount, problem.location.candidateCount, rows, k0, options.timeLimitS, round,
                                    progress );
}

} // namespace gf
