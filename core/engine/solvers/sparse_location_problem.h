#pragma once
// Clients × candidates with only some pairs stored: per client the candidates that may serve
// it, cheapest first (a k-nearest or cost-cutoff matrix). The shape for 10^5 × 10^4 problems
// whose dense matrix would not fit in memory.
#include "engine/od/sparse_od_matrix.h"
#include "engine/solvers/location_problem.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gf {

struct SparseCostEntry
{
  std::uint32_t candidate = 0;
  double cost = 0.0;
};

//! Stored pairs per client in CSR form, each row sorted by cost, then candidate index.
//! What an unstored pair means is the caller's statement:
//!  - beyondCost empty: the pair is not allowed (a cutoff: too far to serve);
//!  - beyondCost given: the pair is allowed, and its cost is at least beyondCost[client]
//!    (a k-nearest reduction: the largest stored cost of the row, or the (k+1)-th cost).
//! Bounds computed over such a problem charge beyondCost for the unstored pairs, so they hold
//! for the full problem (Church's BEAMR, 2008); a solution that serves every client through a
//! stored pair has its exact objective.
struct SparseLocationProblem
{
  std::uint32_t clientCount = 0;
  std::uint32_t candidateCount = 0;
  std::vector<std::size_t> rowStart;          //!< clientCount + 1 offsets into entries
  std::vector<SparseCostEntry> entries;
  std::vector<double> beyondCost;             //!< empty, or per client (see above)
  std::vector<double> clientWeight;           //!< empty = all 1
  std::vector<std::uint32_t> required;        //!< candidates that must be open (existing sites)
  std::vector<std::uint32_t> banned;          //!< candidates that must stay closed
  //! With beyondCost: every allowed unstored cost is an integer too, so bounds on integral
  //! data may be rounded up (the stored costs and weights are checked by the solvers).
  bool unstoredCostsIntegral = false;

  const SparseCostEntry *begin( std::uint32_t client ) const { return entries.data() + rowStart[client]; }
  const SparseCostEntry *end( std::uint32_t client ) const { return entries.data() + rowStart[client + 1]; }
  std::size_t rowSize( std::uint32_t client ) const { return rowStart[client + 1] - rowStart[client]; }
  double weightOf( std::uint32_t client ) const { return clientWeight.empty() ? 1.0 : clientWeight[client]; }
  bool allowsUnstoredPairs() const { return !beyondCost.empty(); }
};

//! The \a k cheapest allowed pairs of each client of \a problem to a candidate it does not ban
//! (ties by candidate index); beyondCost is the next cheapest allowed cost of the row, or
//! infinite when the row has no more (nothing unstored may then serve the client).
SparseLocationProblem kNearestReduction( const LocationProblem &problem, std::uint32_t k );

//! The same with a length per client.
SparseLocationProblem kNearestReduction( const LocationProblem &problem, const std::vector<std::uint32_t> &rowLength );

//! The allowed pairs of \a problem up to \a maxCost to a candidate it does not ban, without
//! beyondCost: a cutoff, exact for every model whose answer needs no pair beyond it.
SparseLocationProblem cutoffReduction( const LocationProblem &problem, double maxCost );

//! Clients = origins, candidates = destinations of \a od, computed with \a options (weights
//! and site rules are the caller's to add). A cutoff alone forbids the unstored pairs (no
//! beyondCost); with nearestCount, a full row's unstored pairs cost at least its last stored
//! cost, and a shorter row has nothing beyond it.
SparseLocationProblem sparseProblemFromOd( const SparseOdMatrix &od, const SparseOdOptions &options );

} // namespace gf
