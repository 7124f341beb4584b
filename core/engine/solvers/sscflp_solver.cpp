#include "engine/solvers/sscflp_solver.h"

#include "engine/solvers/location_site_rules.h"

#include <string>

namespace gf {

SingleSourceModel sscflpModel( const SscflpProblem &problem, const SscflpOptions &options )
{
  SingleSourceModel model;
  model.location = &problem.location;
  model.fixedCost = problem.fixedCost;
  model.capacity = problem.capacity;
  model.demand = problem.demand;
  model.minOpen = options.minFacilities;
  model.maxOpen = options.maxFacilities;
  return model;
}

Result<LocationSolution> solveSscflp( const SscflpProblem &problem, const SscflpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem.location );
  if ( !rules )
    return rules.error();
  const Error invalid = checkCapacitatedData( problem.location.clientCount, problem.location.candidateCount, *rules, &problem.fixedCost, problem.capacity, problem.demand );
  if ( invalid.code != ErrorCode::Ok )
    return invalid;
  if ( options.maxFacilities > 0 && ( options.maxFacilities < options.minFacilities || options.maxFacilities < rules->required.size() ) )
    return makeError( ErrorCode::InvalidArgument, "maxFacilities" );
  if ( options.minFacilities > rules->eligibleCount )
    return makeError( ErrorCode::TooManyFacilities, std::to_string( options.minFacilities ) );
  const SingleSourceModel model = sscflpModel( problem, options );
  SingleSourceOptions searchOptions;
  searchOptions.seed = options.seed;
  searchOptions.timeLimitS = options.timeLimitS;
  searchOptions.maxIterations = options.maxIterations;
  return solveSingleSource( model, *rules, searchOptions, progress );
}

} // namespace gf
