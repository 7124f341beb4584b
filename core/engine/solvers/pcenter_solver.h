#pragma once
// Vertex p-center: open p candidates minimising the largest cost from a client to its nearest
// open candidate. Exact by binary search over the sorted distinct costs up to the farthest-first
// radius: radius r is feasible when p candidates cover every client within r. Each radius is
// decided by greedy cover, then by turns of an exact cover search over a small core of clients
// (a core without a cover proves there is none; a core cover missing clients grows the core)
// and a weighted swap local search (Pullan 2008) that finds the tight covers. Over a dense or a
// sparse matrix: both are searched as ranked rows (the dense one cut at the farthest-first radius).
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>

namespace gf {

struct PCenterOptions
{
  std::uint32_t p = 1;
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
};

//! objective is the radius over the clients with positive weight that some allowed candidate
//! serves (the others are unassigned); lowerBound is a proven bound on the optimal radius.
//! Infeasible when p candidates cannot serve every servable client.
Result<LocationSolution> solvePCenter( const LocationProblem &problem, const PCenterOptions &options,
                                       ProgressSink &progress );

//! The same over the stored pairs of \a problem, never densified.
//! Without beyondCost (a cutoff) the unstored pairs are forbidden: the exact answer of the dense
//! problem with those entries forbidden. With beyondCost (k-nearest), an unstored pair costs at
//! least beyondCost[client], so the answer holds for the full problem only where the stored
//! pairs settle it:
//!  - the stored pairs give centers and their radius R (an upper bound: a client's true cost
//!    is at most its stored one);
//!  - the relaxation that lets every client whose row leaves out an eligible candidate be
//!    served at its beyondCost is decided just below R: no cover there proves R optimal for
//!    the full problem (provenOptimal, lowerBound = R);
//!  - a relaxed cover below R while R is the proven stored optimum means the answer lies
//!    between the two and depends on the unstored costs: CoverageUndecidable (subject: a client
//!    the relaxed centers reach only through an unstored pair). The same when the relaxation
//!    serves every client but the stored pairs do not with p centers, or no stored cover is
//!    found within a node budget (the rows are then too short to be useful: proving that none
//!    exists could take the whole time limit); Infeasible when not even the relaxation can.
//! The relaxation is exactly "every unstored pair at its beyondCost" when beyondCost is at
//! least every stored cost of its row (as kNearestReduction and sparseProblemFromOd make it);
//! otherwise it is weaker, and CoverageUndecidable may be returned where the answer is decided.
//! Stopped before that is settled, the stored solution comes back unproven with lowerBound the
//! largest cheapest possible cost of a client (stored or beyondCost), which holds for the full problem.
Result<LocationSolution> solvePCenter( const SparseLocationProblem &problem, const PCenterOptions &options,
                                       ProgressSink &progress );

} // namespace gf
