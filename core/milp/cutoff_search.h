#pragma once
// The step every exact mode shares: CBC searches a minimisation model below our heuristic's
// incumbent within a time limit. It either finds something better, or proves there is
// nothing better (the incumbent is optimal), or stops with its bound.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "milp/milp_model.h"

#include <vector>

namespace gf {

struct ExactModeOptions
{
  double timeLimitS = 60.0;            //!< for CBC, after the heuristic
  unsigned threads = 1;
};

struct CutoffSearch
{
  bool improved = false;               //!< CBC found a strictly better solution: values hold it
  std::vector<double> values;          //!< per column, when improved
  double objective = 0.0;              //!< of the better of incumbent and CBC's solution
  double lowerBound = 0.0;             //!< proven, never above objective
  bool provenOptimal = false;
  bool canceled = false;
};

//! Runs CBC on \a model with the cutoff just above \a incumbentObjective. \a ourBound (our own
//! proven bound) is kept when CBC's is weaker; when it already proves the incumbent, CBC is
//! not run. Canceled (before or during CBC) returns the
//! best so far with canceled set. Error: SolverUnavailable.
Result<CutoffSearch> searchBelowIncumbent( const MilpModel &model, double incumbentObjective, double ourBound,
                                           const ExactModeOptions &options, ProgressSink &progress );

} // namespace gf
