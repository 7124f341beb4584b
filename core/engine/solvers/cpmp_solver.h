#pragma once
// Capacitated p-median: open exactly p candidates, each with a capacity, and serve every
// client's whole demand from one open candidate at least total cost (no fixed costs).
// Lagrangian bound and heuristic of SingleSourceSearch.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <vector>

namespace gf {

struct CpmpProblem
{
  LocationProblem location;               //!< cost of serving a client's whole demand
  std::vector<double> capacity;           //!< per candidate
  std::vector<double> demand;             //!< per client
};

//! The same over the stored pairs of a sparse matrix (see SparseLocationProblem).
struct SparseCpmpProblem
{
  SparseLocationProblem location;
  std::vector<double> capacity;           //!< per candidate
  std::vector<double> demand;             //!< per client
};

struct CpmpOptions
{
  std::uint32_t p = 1;
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
  std::uint32_t maxIterations = 0;        //!< perturbation rounds; 0 = default
};

//! CapacityBelowDemand when the p largest capacities that may open cannot hold the demand or
//! a client fits nowhere; Infeasible when no assignment within the capacities was found;
//! TooManyFacilities / InvalidArgument for p as in the p-median.
Result<LocationSolution> solveCpmp( const CpmpProblem &problem, const CpmpOptions &options, ProgressSink &progress );

//! The same over the stored pairs, never densified, with the semantics of the sparse solveSscflp
//! (cutoff: unstored pairs forbidden; k-nearest: plan over stored pairs, bound for the full
//! problem, CoverageUndecidable when only unstored pairs might make it feasible).
Result<LocationSolution> solveCpmp( const SparseCpmpProblem &problem, const CpmpOptions &options, ProgressSink &progress );

//! The sparse solveCpmp over the k0 nearest pairs of each client of \a problem, k doubled while
//! the answer is undecided or unproven (solveSingleSourceKNearest): a plan of \a problem with a
//! bound that holds for it, within options.timeLimitS over all rounds.
Result<LocationSolution> solveCpmpKNearest( const CpmpProblem &problem, std::uint32_t k0, const CpmpOptions &options,
                                            ProgressSink &progress );

} // namespace gf
