#pragma once
// Uncapacitated facility location: open any number of candidates (optionally between a
// minimum and a maximum), paying each one's fixed cost plus the weighted cost of serving
// every client from its nearest open candidate. Add/drop/swap local search in a seeded
// perturbation loop, with the Lagrangian bound of PMedianLagrangian; when that bound leaves a
// gap, the branch and bound of the capacitated solver (with no capacity binding) closes it.
// Over a dense or a sparse matrix (the branch and bound is dense only).
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <vector>

namespace gf {

struct UflpProblem
{
  LocationProblem location;
  std::vector<double> fixedCost;          //!< per candidate, >= 0
};

//! The same over the stored pairs of a sparse matrix (see SparseLocationProblem).
struct SparseUflpProblem
{
  SparseLocationProblem location;
  std::vector<double> fixedCost;          //!< per candidate, >= 0
};

struct UflpOptions
{
  std::uint32_t minFacilities = 0;        //!< 0 = no minimum (at least one candidate always opens)
  std::uint32_t maxFacilities = 0;        //!< 0 = no maximum
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
  std::uint32_t maxIterations = 0;        //!< perturbation rounds; 0 = from the instance size
  bool prove = true;                      //!< branch and bound until the bound meets the plan
};

//! objective includes the fixed costs of the open candidates. Clients no allowed candidate
//! serves stay unassigned. TooManyFacilities when minFacilities exceeds the eligible
//! candidates, InvalidArgument for inconsistent limits or fixed costs.
Result<LocationSolution> solveUflp( const UflpProblem &problem, const UflpOptions &options, ProgressSink &progress );

//! The same over the stored pairs, never densified. Without beyondCost (a cutoff) the answer
//! is that of the dense problem with the unstored pairs forbidden (the branch and bound runs
//! over the sparse capacitated solver). With beyondCost (k-nearest) the search serves clients
//! through stored pairs only, and the bound charges each client's unstored pairs at least
//! beyondCost (a pseudo-facility), so it holds for the full problem; there is no branch and
//! bound (its bound knows the stored pairs only), so a gap the Lagrangian bound leaves stays open; a client no open candidate serves through a stored pair is counted in
//! clientsBeyondStored, left out of the objective, and the plan is not proven. With beyondCost
//! at least every stored cost of its row (as kNearestReduction makes it), a plan serving every
//! client through stored pairs has its exact full objective, so a met bound proves it optimal.
Result<LocationSolution> solveUflp( const SparseUflpProblem &problem, const UflpOptions &options, ProgressSink &progress );

} // namespace gf
