#include "engine/od/od_row_runner.h"

#include "engine/graph/contraction_hierarchy.h"
#include "engine/graph/shortest_path_query.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace gf {

namespace {
//! Progress updates per batch: enough for a smooth bar, few enough to stay off the hot path.
constexpr std::size_t kProgressSteps = 200;
//! Below this many origins building the hierarchy costs more than PHAST saves (measured on
//! the 32k-node Beijing graph: the build takes as long as ~300 Dijkstra runs, and each PHAST
//! row saves ~85% of one).
constexpr std::size_t kPhastMinRows = 400;
//! Share of the progress bar given to building the hierarchy.
constexpr double kHierarchyProgressShare = 0.2;

bool runRows( std::size_t rowCount, unsigned threads, ProgressSink &progress,
              const std::function<std::unique_ptr<OneToAllSearch>()> &makeSearch, const OdRowFunction &rowFunction )
{
  std::atomic<std::size_t> nextRow{ 0 };
  std::atomic<std::size_t> doneRows{ 0 };
  std::atomic<bool> canceled{ false };
  const std::size_t reportEvery = std::max<std::size_t>( 1, rowCount / kProgressSteps );

  auto work = [&]()
  {
    const std::unique_ptr<OneToAllSearch> search = makeSearch();
    for ( ;; )
    {
      if ( canceled.load( std::memory_order_relaxed ) )
        return;
      if ( progress.isCanceled() )
      {
        canceled.store( true, std::memory_order_relaxed );
        return;
      }
      const std::size_t row = nextRow.fetch_add( 1, std::memory_order_relaxed );
      if ( row >= rowCount )
        return;
      rowFunction( *search, row );
      const std::size_t done = doneRows.fetch_add( 1, std::memory_order_relaxed ) + 1;
      if ( done % reportEvery == 0 || done == rowCount )
        progress.setProgress( static_cast<double>( done ) / static_cast<double>( rowCount ) );
    }
  };

  const unsigned workers = odWorkerCount( threads, rowCount );
  if ( workers == 1 )
  {
    work();
  }
  else
  {
    std::vector<std::thread> pool;
    pool.reserve( workers );
    for ( unsigned t = 0; t < workers; ++t )
      pool.emplace_back( work );
    for ( std::thread &thread : pool )
      thread.join();
  }
  return !canceled.load() && doneRows.load() == rowCount;
}

} // namespace

unsigned odWorkerCount( unsigned requestedThreads, std::size_t rowCount )
{
  unsigned threads = requestedThreads > 0 ? requestedThreads : std::thread::hardware_concurrency();
  threads = std::max( threads, 1u );
  return static_cast<unsigned>( std::min<std::size_t>( threads, std::max<std::size_t>( rowCount, 1 ) ) );
}

OdAlgorithm resolveOdAlgorithm( OdAlgorithm requested, std::size_t rowCount, Cost cutoff )
{
  if ( requested != OdAlgorithm::Auto )
    return requested;
  // A cutoff bounds each Dijkstra to a small ball, which no full sweep can beat.
  return rowCount >= kPhastMinRows && cutoff >= kUnreachable ? OdAlgorithm::Phast : OdAlgorithm::Dijkstra;
}

bool runOdRows( const RoadGraph &graph, const EdgeWeights &weights, std::size_t rowCount, unsigned threads,
                OdAlgorithm algorithm, Cost cutoff, ProgressSink &progress, const OdRowFunction &rowFunction )
{
  if ( resolveOdAlgorithm( algorithm, rowCount, cutoff ) == OdAlgorithm::Dijkstra )
  {
    return runRows( rowCount, threads, progress,
                    [&]() { return std::make_unique<ShortestPathQuery>( graph, weights ); }, rowFunction );
  }
  ProgressPhase building( progress, 0.0, kHierarchyProgressShare );
  const std::optional<ContractionHierarchy> hierarchy = ContractionHierarchy::build( graph, weights, building );
  if ( !hierarchy )
    return false;
  ProgressPhase sweeping( progress, kHierarchyProgressShare, 1.0 );
  return runRows( rowCount, threads, sweeping,
                  [&]() { return std::make_unique<PhastQuery>( *hierarchy ); }, rowFunction );
}

} // namespace gf
