#pragma once
// Exact mode of every location model: our heuristic's solution (with its bound) is the
// incumbent, CBC searches the model's MILP below it within a time limit, and the result is
// the better solution with the better bound — proven optimal when CBC closes the gap.
// A solution CBC finds is re-evaluated here from its open set (nearest assignment) or, for
// the capacitated models, from its assignment columns, so objectives mean what they mean
// in the heuristics.
#include "engine/solvers/cflp_solver.h"
#include "engine/solvers/cpmp_solver.h"
#include "engine/solvers/lscp_solver.h"
#include "engine/solvers/mclp_solver.h"
#include "engine/solvers/pcenter_solver.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/single_source_search.h"
#include "engine/solvers/sparse_location_problem.h"
#include "engine/solvers/uflp_solver.h"
#include "milp/cutoff_search.h"

namespace gf {

//! p-median with \a p open candidates.
Result<LocationSolution> refinePMedian( const LocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                        const ExactModeOptions &options, ProgressSink &progress );

//! p-median over stored pairs (PMedianMilp's sparse form). A solution CBC finds is evaluated
//! over the stored pairs: clients with no open stored candidate stay kUnassigned (counted in
//! clientsBeyondStored), and such a solution is never proven for the full problem. The cutoff
//! is the incumbent's value in the model (those clients at beyondCost); the bound is CBC's (or
//! the incumbent's, if stronger) and holds for the full problem. An incumbent that is no
//! solution of the model (under a cutoff, a client with none of its stored pairs open) is
//! returned as is.
Result<LocationSolution> refinePMedian( const SparseLocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                        const ExactModeOptions &options, ProgressSink &progress );

//! p-center with \a p open candidates; objective = radius.
Result<LocationSolution> refinePCenter( const LocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                        const ExactModeOptions &options, ProgressSink &progress );

//! Uncapacitated facility location (fixed costs included in the objective) within the
//! facility count limits of \a limits.
Result<LocationSolution> refineUflp( const UflpProblem &problem, const UflpOptions &limits, const LocationSolution &incumbent,
                                     const ExactModeOptions &options, ProgressSink &progress );

//! Multi-source capacitated facility location.
Result<CflpSolution> refineCflp( const CflpProblem &problem, const CflpSolution &incumbent, const ExactModeOptions &options,
                                 ProgressSink &progress );

//! The single-source models: SSCFLP, and the capacitated p-median (zero fixed costs,
//! minOpen = maxOpen = p), over model.location or the stored pairs of model.sparse
//! (SingleSourceMilp). \a incumbent must be a plan of the model (every client on an allowed
//! pair; solveSscflp/solveCpmp on the same problem give one). Over a k-nearest matrix the MILP
//! is a relaxation of the full problem (beyond columns h_i): the bound holds for the full
//! problem, a CBC solution that serves every client through a stored pair replaces the
//! incumbent (and is proven when CBC proves it), and one that uses some h_i is no plan: the
//! incumbent is kept with CBC's bound, unproven.
Result<LocationSolution> refineSingleSource( const SingleSourceModel &model, const LocationSolution &incumbent,
                                             const ExactModeOptions &options, ProgressSink &progress );

//! MCLP: covered weight maximised; coveredWeightBound is the proven upper bound. A solution
//! CBC finds keeps no backup-coverage optimisation (its backup weight is reported as is).
Result<CoverageSolution> refineMclp( const LocationProblem &problem, const MclpOptions &mclp, const CoverageSolution &incumbent,
                                     const ExactModeOptions &options, ProgressSink &progress );

//! LSCP covering every client (share 1); for a share below 1 the incumbent is returned as is.
Result<CoverageSolution> refineLscp( const LocationProblem &problem, const LscpOptions &lscp, const CoverageSolution &incumbent,
                                     const ExactModeOptions &options, ProgressSink &progress );

struct PMedianExactOptions
{
  PMedianOptions heuristic;
  double milpTimeLimitS = 60.0;
};

//! Heuristic first, then refinePMedian. The bound is the better of ours and CBC's.
Result<LocationSolution> solvePMedianExact( const LocationProblem &problem, const PMedianExactOptions &options,
                                            ProgressSink &progress );

} // namespace gf
