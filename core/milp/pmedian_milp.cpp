#include "milp/pmedian_milp.h"

#include "milp/location_milp_columns.h"

#include <algorithm>
#include <cmath>

namespace gf {

namespace {

bool allowed( double cost )
{
  return cost == cost && cost < kForbiddenAssignment;
}

} // namespace

PMedianMilp::PMedianMilp( const LocationProblem &problem, std::uint32_t p )
  : mProblem( problem )
  , mOpenColumn( problem.candidateCount, UINT32_MAX )
{
  const LocationMilpColumns open( mModel, problem, {} );
  open.addCountRow( mModel, p, p );
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    if ( open.isAllowed( candidate ) )
      mOpenColumn[candidate] = open.column( candidate );
  }
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const double weight = problem.weightOf( client );
    std::vector<std::uint32_t> columns;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      if ( !open.allows( client, candidate ) )
        continue;
      const std::uint32_t column = mModel.addColumn( 0.0, 1.0, weight * problem.costAt( client, candidate ), false );
      columns.push_back( column );
      mModel.addRow( { column, mOpenColumn[candidate] }, { 1.0, -1.0 }, -MilpModel::kInfinity, 0.0 );
    }
    // Clients nothing can serve are left out, as the heuristic leaves them unassigned.
    if ( !columns.empty() )
      mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
  }
}

std::vector<std::uint32_t> PMedianMilp::decodeOpen( const std::vector<double> &values ) const
{
  std::vector<std::uint32_t> open;
  for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
  {
    if ( mOpenColumn[candidate] != UINT32_MAX && values[mOpenColumn[candidate]] > 0.5 )
      open.push_back( candidate );
  }
  return open;
}

Result<LocationSolution> solvePMedianExact( const LocationProblem &problem, const PMedianExactOptions &options,
                                            ProgressSink &progress )
{
  ProgressPhase heuristicPhase( progress, 0.0, 0.3 );
  Result<LocationSolution> heuristic = solvePMedian( problem, options.heuristic, heuristicPhase );
  if ( !heuristic || heuristic->provenOptimal || heuristic->canceled || heuristic->unservedClients > 0 )
    return heuristic;

  const PMedianMilp milp( problem, options.heuristic.p );
  MilpOptions milpOptions;
  milpOptions.timeLimitS = options.milpTimeLimitS;
  milpOptions.threads = options.heuristic.threads;
  milpOptions.cutoff = heuristic->objective + 1e-6 * std::max( 1.0, heuristic->objective );
  ProgressPhase milpPhase( progress, 0.3, 1.0 );
  const Result<MilpResult> exact = solveWithCbc( milp.model(), milpOptions, milpPhase );
  LocationSolution solution = *heuristic;
  if ( !exact )
    return solution;
  solution.canceled = progress.isCanceled();
  if ( exact->hasSolution && exact->objective < solution.objective - 1e-9 * std::max( 1.0, solution.objective ) )
  {
    // Re-assign each client to its nearest open candidate: the MILP's x may be fractional on ties.
    solution.open = milp.decodeOpen( exact->values );
    solution.objective = 0.0;
    for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
    {
      std::uint32_t best = kUnassigned;
      for ( std::uint32_t candidate : solution.open )
      {
        const double cost = problem.costAt( client, candidate );
        if ( allowed( cost ) && ( best == kUnassigned || cost < problem.costAt( client, best ) ) )
          best = candidate;
      }
      solution.assignment[client] = best;
      if ( best != kUnassigned )
        solution.objective += problem.weightOf( client ) * problem.costAt( client, best );
    }
  }
  // Nothing below the cutoff, proven: the incumbent is optimal.
  const bool cutoffProof = !exact->hasSolution && exact->provenInfeasible;
  const double milpBound = cutoffProof ? solution.objective : exact->bestBound;
  solution.lowerBound = std::min( solution.objective, std::max( solution.lowerBound, milpBound ) );
  solution.provenOptimal = cutoffProof || exact->provenOptimal
                           || solution.objective - solution.lowerBound <= 1e-6 * std::max( 1.0, solution.objective );
  return solution;
}

} // namespace gf
