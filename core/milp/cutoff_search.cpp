#include "milp/cutoff_search.h"

#include "milp/cbc_solver.h"

#include <algorithm>
#include <cmath>

namespace gf {

Result<CutoffSearch> searchBelowIncumbent( const MilpModel &model, double incumbentObjective, double ourBound,
                                           const ExactModeOptions &options, ProgressSink &progress )
{
  const double tolerance = 1e-6 * std::max( 1.0, std::fabs( incumbentObjective ) );
  CutoffSearch search;
  search.objective = incumbentObjective;
  if ( incumbentObjective - ourBound <= tolerance )
  {
    // Our own bound already proves the incumbent: nothing for CBC to do.
    search.lowerBound = std::min( incumbentObjective, ourBound );
    search.provenOptimal = true;
    return search;
  }
  MilpOptions milpOptions;
  milpOptions.timeLimitS = options.timeLimitS;
  milpOptions.threads = options.threads;
  milpOptions.cutoff = incumbentObjective + tolerance;
  const Result<MilpResult> milp = solveWithCbc( model, milpOptions, progress );
  if ( !milp && milp.error().code == ErrorCode::Canceled )
  {
    // Canceled before CBC started: the incumbent with our bound.
    search.lowerBound = ourBound;
    search.canceled = true;
    return search;
  }
  if ( !milp )
    return milp.error();

  search.canceled = progress.isCanceled();
  if ( milp->hasSolution && milp->objective < incumbentObjective - tolerance )
  {
    search.improved = true;
    search.values = milp->values;
    search.objective = milp->objective;
  }
  // Nothing at or below the cutoff: the incumbent is optimal.
  const bool cutoffProof = !milp->hasSolution && milp->provenInfeasible && !search.canceled;
  const double milpBound = cutoffProof ? search.objective : milp->bestBound;
  search.lowerBound = std::min( search.objective, std::max( ourBound, milpBound ) );
  search.provenOptimal = cutoffProof || ( milp->provenOptimal && !search.canceled )
                         || search.objective - search.lowerBound <= tolerance;
  return search;
}

} // namespace gf
