#pragma once
// Single-source capacitated facility location: open candidates with fixed costs and
// capacities (optionally between a minimum and a maximum number), and serve every client's
// whole demand from one open candidate. Lagrangian bound and heuristic of SingleSourceSearch.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/cflp_solver.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/single_source_search.h"

#include <cstdint>

namespace gf {

//! The data of the multi-source model: costs are for serving a client's whole demand.
using SscflpProblem = CflpProblem;
//! The same over the stored pairs of a sparse matrix (see SparseLocationProblem).
using SparseSscflpProblem = SparseCflpProblem;

struct SscflpOptions
{
  std::uint32_t minFacilities = 0;        //!< 0 = no minimum
  std::uint32_t maxFacilities = 0;        //!< 0 = no maximum
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
  std::uint32_t maxIterations = 0;        //!< perturbation rounds; 0 = default
};

//! objective includes the fixed costs. CapacityBelowDemand when the eligible capacity (or the
//! largest maxFacilities capacities) cannot hold the demand, or a client fits nowhere (subject:
//! the client); Infeasible when no assignment within the capacities was found; TooManyFacilities
//! when minFacilities exceeds the eligible candidates; InvalidArgument for malformed input.
//! The single-source model of \a problem within the facility count limits of \a options
//! (what solveSscflp searches, and what exact mode hands to the MILP solver).
SingleSourceModel sscflpModel( const SscflpProblem &problem, const SscflpOptions &options );
SingleSourceModel sscflpModel( const SparseSscflpProblem &problem, const SscflpOptions &options );

Result<LocationSolution> solveSscflp( const SscflpProblem &problem, const SscflpOptions &options, ProgressSink &progress );

//! The same over the stored pairs, never densified. Without beyondCost (a cutoff) the unstored
//! pairs are forbidden: the answer of the dense problem with those entries forbidden, and
//! CapacityBelowDemand when a client fits into no stored candidate or the candidates some client
//! may use cannot hold the demand. With beyondCost (k-nearest) the plan serves every client
//! through a stored pair (its objective is a real cost of the full problem) and the lower bound
//! holds for the full problem (multipliers capped at each client's beyond cost); when the stored
//! pairs cannot hold the demand but unstored ones might: CoverageUndecidable (subject: a client).
Result<LocationSolution> solveSscflp( const SparseSscflpProblem &problem, const SscflpOptions &options, ProgressSink &progress );

//! The sparse solveSscflp over the k0 nearest pairs of each client of \a problem, k doubled while
//! the answer is undecided or unproven (solveSingleSourceKNearest): a plan of \a problem with a
//! bound that holds for it, within options.timeLimitS over all rounds.
Result<LocationSolution> solveSscflpKNearest( const SscflpProblem &problem, std::uint32_t k0, const SscflpOptions &options,
                                              ProgressSink &progress );

} // namespace gf
