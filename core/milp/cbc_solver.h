#pragma once
// Hands a MilpModel to COIN-OR CBC with its standard settings (cuts, heuristics, presolve),
// optionally with a starting solution and always with a time limit.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "milp/milp_model.h"

#include <vector>

namespace gf {

struct MilpResult
{
  bool hasSolution = false;
  bool provenOptimal = false;
  bool provenInfeasible = false;
  double objective = 0.0;
  double bestBound = 0.0;              //!< CBC's proven lower bound (minimisation)
  std::vector<double> values;          //!< per column, when hasSolution
  double seconds = 0.0;
};

struct MilpOptions
{
  double timeLimitS = 60.0;
  unsigned threads = 1;
  //! Only solutions strictly better than this are searched for (an incumbent's objective
  //! plus a tolerance); none found then proves the incumbent optimal.
  double cutoff = MilpModel::kInfinity;
};

//! Minimises the model. Errors: Canceled before CBC could start, SolverUnavailable.
Result<MilpResult> solveWithCbc( const MilpModel &model, const MilpOptions &options, ProgressSink &progress );

} // namespace gf
