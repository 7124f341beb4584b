#include "engine/od/od_row_runner.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace gf {

namespace {
//! Progress updates per batch: enough for a smooth bar, few enough to stay off the hot path.
constexpr std::size_t kProgressSteps = 200;
}

unsigned odWorkerCount( unsigned requestedThreads, std::size_t rowCount )
{
  unsigned threads = requestedThreads > 0 ? requestedThreads : std::thread::hardware_concurrency();
  threads = std::max( threads, 1u );
  return static_cast<unsigned>( std::min<std::size_t>( threads, std::max<std::size_t>( rowCount, 1 ) ) );
}

bool runOdRows( const RoadGraph &graph, const EdgeWeights &weights, std::size_t rowCount, unsigned threads,
                ProgressSink &progress, const OdRowFunction &rowFunction )
{
  std::atomic<std::size_t> nextRow{ 0 };
  std::atomic<std::size_t> doneRows{ 0 };
  std::atomic<bool> canceled{ false };
  const std::size_t reportEvery = std::max<std::size_t>( 1, rowCount / kProgressSteps );

  auto work = [&]()
  {
    ShortestPathQuery query( graph, weights );
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
      rowFunction( query, row );
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

} // namespace gf
