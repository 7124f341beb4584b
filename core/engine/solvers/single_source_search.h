#pragma once
// Shared engine of the single-source capacitated models (SSCFLP and capacitated p-median):
// every client is served whole by one open candidate, within the candidates' capacities.
//
// Lower bound: Lagrangian relaxation of the assignment constraints. For given multipliers
// each candidate's subproblem is a 0-1 knapsack over the clients (KnapsackSolver); the open
// set is then chosen under the facility count limits, or, without limits, with the
// relaxed "open capacity covers the demand" cut. Multipliers by subgradient optimisation.
// Small models (singleSourceTreeApplies) then go through the Lagrangian branch and bound
// (SingleSourceBranchAndBound), which proves the optimum where the root bound stalls below it.
//
// Upper bound: from a given start open set, capacitated location-allocation (transportation
// optimum with split clients, medians moved to the best site for their flow, repeated) and
// its single-source rounding; a Lagrangian heuristic (the relaxed open set, each client kept
// where a knapsack put it, the others inserted by regret). Improved by client shifts, swaps
// and ejection chains, by re-optimising the clients of two neighbouring medians together
// (best two sites near them, exact two-median assignment), by candidate drop/add/swap moves
// on small instances, then a seeded perturbation loop that re-optimises around the change.
// Large instances also start from the open set of the best Lagrangian bound (location-
// allocation), and re-solve the region of each median (it and its nearest open neighbours)
// as a small model of its own before the perturbation loop.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace gf {

//! The costs come from one of two matrices: \a location (dense) or \a sparse (the stored pairs;
//! without beyondCost the unstored pairs are not allowed, with it they are allowed at a cost of at
//! least beyondCost: plans use stored pairs only, and the lower bound holds for the full problem).
//! Exact mode (SingleSourceMilp) takes either form.
struct SingleSourceModel
{
  const LocationProblem *location = nullptr;  //!< costs of serving each client's whole demand
  const SparseLocationProblem *sparse = nullptr;  //!< instead of location: the same over stored pairs
  std::vector<double> fixedCost;              //!< per candidate, >= 0 (all 0 for the p-median)
  std::vector<double> capacity;               //!< per candidate
  std::vector<double> demand;                 //!< per client
  std::uint32_t minOpen = 0;                  //!< 0 = no minimum
  std::uint32_t maxOpen = 0;                  //!< 0 = no maximum
  std::vector<std::uint32_t> startOpen;       //!< optional first open set (e.g. the uncapacitated optimum)
  std::vector<std::uint32_t> startAssignment; //!< optional, with startOpen: each client's candidate in it

  std::uint32_t clientCount() const { return sparse ? sparse->clientCount : location->clientCount; }
  std::uint32_t candidateCount() const { return sparse ? sparse->candidateCount : location->candidateCount; }
  //! The size the work of the relaxation and the branch and bound follows: the stored pairs of
  //! a sparse matrix, clients × candidates of a dense one.
  double pairCount() const
  {
    return sparse ? static_cast<double>( sparse->entries.size() ) : static_cast<double>( clientCount() ) * candidateCount();
  }
};

struct SingleSourceOptions
{
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
  std::uint32_t maxIterations = 0;            //!< perturbation rounds; 0 = from the instance size
  bool lowerBound = true;                     //!< false: no Lagrangian bound, search only (sub-models)
  double treeWork = 0.0;                      //!< pairs the branch and bound may price; 0 = the default
};

//! Whether the Lagrangian branch and bound follows the search on \a model: up to
//! kSingleSourceTreePairs pairs (pairCount), over a dense matrix or a cutoff; over a k-nearest
//! matrix its proof would cover the stored pairs only.
bool singleSourceTreeApplies( const SingleSourceModel &model );

//! The model must have been validated (vector sizes, counts, each client fits somewhere).
//! Infeasible when no assignment within the capacities was found.
Result<LocationSolution> solveSingleSource( const SingleSourceModel &model, const LocationSiteRules &rules,
                                            const SingleSourceOptions &options, ProgressSink &progress );

//! One round of solveSingleSourceKNearest: the model over \a rows within \a timeLimitS.
using SingleSourceRound = std::function<Result<LocationSolution>( const SparseLocationProblem &rows, double timeLimitS,
                                                                  ProgressSink &progress )>;

//! Growing-k driver of the single-source models: \a rows with k0 pairs per client, then twice
//! as many each round, while the stored pairs cannot decide the answer (CoverageUndecidable) or
//! the plan is not proven, until a proof, a doubling that neither raised the bound nor lowered
//! the plan's cost, rows holding every candidate, the time limit or a cancel. Every round's plan serves every client through a stored pair, so it is a plan of the
//! full problem, and every round's bound holds for it: the best plan and the best bound are kept.
//! Each round but the last gets half the remaining time. The last round's error when no round
//! gave a plan.
Result<LocationSolution> solveSingleSourceKNearest( std::uint32_t clientCount, std::uint32_t candidateCount,
                                                    const NearestRowsBuilder &rows, std::uint32_t k0, double timeLimitS,
                                                    const SingleSourceRound &solveRound, ProgressSink &progress );

} // namespace gf
