#include "engine/solvers/pmedian_curve.h"

#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/pmedian_solver.h"

namespace gf {

namespace {

double coveredShare( const LocationProblem &problem, const LocationSolution &solution, double radius )
{
  double covered = 0.0;
  double total = 0.0;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const double weight = problem.weightOf( client );
    total += weight;
    const std::uint32_t site = solution.assignment[client];
    if ( site != kUnassigned && problem.costAt( client, site ) <= radius )
      covered += weight;
  }
  return total > 0.0 ? covered / total : 0.0;
}

} // namespace

Result<std::vector<PMedianCurvePoint>> solvePMedianCurve( const LocationProblem &problem, const PMedianCurveOptions &options,
                                                          ProgressSink &progress )
{
  if ( options.pMin == 0 || options.pMin > options.pMax )
    return makeError( ErrorCode::InvalidArgument, "pMin" );
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( Error count = checkFacilityCount( *rules, options.pMax ); count.code != ErrorCode::Ok )
    return count;
  if ( Error count = checkFacilityCount( *rules, options.pMin ); count.code != ErrorCode::Ok )
    return count;
  const std::uint32_t steps = options.pMax - options.pMin + 1;
  std::vector<PMedianCurvePoint> curve;
  std::vector<std::uint32_t> previous;
  for ( std::uint32_t p = options.pMin; p <= options.pMax; ++p )
  {
    const std::uint32_t step = p - options.pMin;
    ProgressPhase phase( progress, static_cast<double>( step ) / steps, static_cast<double>( step + 1 ) / steps );
    PMedianOptions solverOptions;
    solverOptions.p = p;
    solverOptions.seed = options.seed;
    solverOptions.threads = options.threads;
    solverOptions.timeLimitS = options.timeLimitS / steps;
    solverOptions.initialOpen = previous;
    const Result<LocationSolution> solution = solvePMedian( problem, solverOptions, phase );
    if ( !solution )
    {
      if ( solution.error().code == ErrorCode::Canceled && !curve.empty() )
        break;
      return solution.error();
    }
    PMedianCurvePoint point;
    point.p = p;
    point.open = solution->open;
    point.objective = solution->objective;
    point.lowerBound = solution->lowerBound;
    point.gap = solution->gap();
    point.provenOptimal = solution->provenOptimal;
    point.coveredWeightShare = options.coverageRadius >= 0.0 ? coveredShare( problem, *solution, options.coverageRadius ) : 0.0;
    curve.push_back( std::move( point ) );
    previous = solution->open;
    if ( solution->canceled )
      break;
  }
  return curve;
}

} // namespace gf
