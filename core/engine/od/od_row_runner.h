#pragma once
// The threading scaffold of every one-to-many batch: rows handed out through an atomic counter,
// one reusable search object per worker (Dijkstra one row at a time, or PHAST sweeping up to
// PhastBatchQuery::kMaxLanes rows at once on a contraction hierarchy built once per batch).
// Each row is written only by the worker that computed it, so the output does not depend on
// scheduling.
#include "engine/common/progress_sink.h"
#include "engine/graph/one_to_all_search.h"
#include "engine/graph/road_graph.h"
#include "engine/od/od_matrix.h"

#include <functional>

namespace gf {

//! One row in two steps, so that PHAST can sweep several rows together: seed adds the row's
//! sources to a freshly reset search, read takes the row's costs once the search has run.
struct OdRowTask
{
  std::function<void( OneToAllSearch &search, std::size_t row )> seed;
  std::function<void( const OneToAllSearch &search, std::size_t row )> read;
};

//! Runs \a task for every row in [0, rowCount) on \a threads workers (0 = hardware
//! concurrency). Returns false if \a progress was canceled before every row was done.
bool runOdRows( const RoadGraph &graph, const EdgeWeights &weights, std::size_t rowCount, unsigned threads,
                OdAlgorithm algorithm, Cost cutoff, ProgressSink &progress, const OdRowTask &task );

//! Worker count actually used for a batch of \a rowCount rows.
unsigned odWorkerCount( unsigned requestedThreads, std::size_t rowCount );

//! The algorithm Auto resolves to for a batch.
OdAlgorithm resolveOdAlgorithm( OdAlgorithm requested, std::size_t rowCount, Cost cutoff );

} // namespace gf
