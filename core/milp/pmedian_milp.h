#pragma once
// The p-median as a MILP (strong formulation: x_ij <= y_j) and the exact mode built on it:
// our heuristic's incumbent is CBC's cutoff, CBC proves or improves it within a time limit.
#include "engine/solvers/pmedian_solver.h"
#include "milp/cbc_solver.h"
#include "milp/milp_model.h"

namespace gf {

class PMedianMilp
{
  public:
    //! Columns for open candidates (binary) and allowed client-candidate pairs (continuous).
    PMedianMilp( const LocationProblem &problem, std::uint32_t p );

    const MilpModel &model() const { return mModel; }

    //! Open candidates of a column vector, ascending.
    std::vector<std::uint32_t> decodeOpen( const std::vector<double> &values ) const;

  private:
    const LocationProblem &mProblem;
    MilpModel mModel;
    std::vector<std::uint32_t> mOpenColumn;                  //!< per candidate, UINT32_MAX if banned
};

struct PMedianExactOptions
{
  PMedianOptions heuristic;
  double milpTimeLimitS = 60.0;
};

//! Heuristic first, then CBC below its incumbent. The bound is the better of ours and CBC's.
Result<LocationSolution> solvePMedianExact( const LocationProblem &problem, const PMedianExactOptions &options,
                                            ProgressSink &progress );

} // namespace gf
