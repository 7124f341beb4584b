#pragma once
// p-median: open p candidates minimising the weighted cost of serving every client from
// its nearest open candidate. Local search with fast interchange, a Lagrangian bound, then a
// Lagrangian branch and bound that proves the optimum where it fits its time budget (dense
// problems); otherwise a VNS, further VNS chains and path relinking over an elite pool.
// Seeded, and the same answer for any thread count.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace gf {

struct PMedianOptions
{
  std::uint32_t p = 1;
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
  unsigned threads = 1;                   //!< workers for the chains and relinking (at most 4); the answer does not depend on it
  bool computeLowerBound = true;
  std::uint32_t maxIterations = 0;        //!< metaheuristic iterations without improvement; 0 = from the instance size
  //! Warm start (e.g. the solution for another p): its first p eligible candidates, topped up
  //! from the greedy start. Empty = greedy start only.
  std::vector<std::uint32_t> initialOpen;
  //! Every other VNS shake moves the k medians nearest a random client to some of that
  //! client's nearest closed candidates (k = the shake size). Pays on geometric costs; off for
  //! the 0/1 covering costs of p-center and MCLP, whose rankings are mostly ties.
  bool localShakes = true;
  //! After the VNS, batches of further VNS chains (in parallel with threads > 1) feed an elite
  //! pool whose solutions are relinked with each other (Resende & Werneck 2004). Like the local
  //! shakes it is for geometric costs: skipped when localShakes is off, so the many small 0/1
  //! covering p-medians of p-center and MCLP stay quick.
  bool pathRelinking = true;
};

struct LocationSolution
{
  std::vector<std::uint32_t> open;        //!< open candidates, ascending
  std::vector<std::uint32_t> assignment;  //!< per client: candidate index, or UINT32_MAX if unservable
  double objective = 0.0;                 //!< weighted cost of the assignment
  double lowerBound = 0.0;                //!< proven bound on the optimum (0 if none computed)
  double gap() const { return objective > 0.0 ? ( objective - lowerBound ) / objective : 0.0; }
  bool provenOptimal = false;
  bool canceled = false;                  //!< stopped early: best found so far
  std::uint32_t unservedClients = 0;
  //! Sparse problems with beyond costs: clients no open candidate serves through a stored
  //! pair (assignment kUnassigned). The objective leaves them out, as their cost is unknown;
  //! the lower bound still holds for the full problem.
  std::uint32_t clientsBeyondStored = 0;
};

inline constexpr std::uint32_t kUnassigned = UINT32_MAX;

Result<LocationSolution> solvePMedian( const LocationProblem &problem, const PMedianOptions &options,
                                       ProgressSink &progress );

//! The same over the stored pairs of \a problem (see SparseLocationProblem for what unstored
//! pairs mean). With beyond costs the lower bound holds for the full problem, and a solution
//! serving every client through stored pairs has its exact objective.
Result<LocationSolution> solvePMedian( const SparseLocationProblem &problem, const PMedianOptions &options,
                                       ProgressSink &progress );

//! The dense problem solved over k-nearest reductions, from \a k0 per client, doubled for the
//! clients the solution serves beyond their stored pairs or the bound's relaxed solution
//! assigns there, until neither happens (BEAMR, Church 2008). The result is evaluated on
//! \a problem; its bound holds for it.
Result<LocationSolution> solvePMedianKNearest( const LocationProblem &problem, std::uint32_t k0,
                                               const PMedianOptions &options, ProgressSink &progress );

//! The k-nearest reduction with rowLength[client] stored pairs per client (all allowed pairs
//! where a row has fewer), beyond costs set: from a dense matrix, a grid or the OD engine.
using NearestRowsBuilder = std::function<SparseLocationProblem( const std::vector<std::uint32_t> &rowLength )>;

//! The same driver over any source of k-nearest rows, for problems whose dense matrix would
//! not fit. Clients still beyond their stored pairs when the time runs out stay counted in
//! clientsBeyondStored (their cost is not in the objective); the bound holds for the full problem.
Result<LocationSolution> solvePMedianKNearest( std::uint32_t clientCount, std::uint32_t candidateCount,
                                               const NearestRowsBuilder &rows, std::uint32_t k0,
                                               const PMedianOptions &options, ProgressSink &progress );

} // namespace gf
