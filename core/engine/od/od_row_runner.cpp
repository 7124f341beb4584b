#include "engine/od/od_row_runner.h"

#include "engine/graph/contraction_hierarchy.h"
#include "engine/graph/phast_batch_query.h"
#include "engine/graph/shortest_path_query.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace gf {

namespace {
//! Progress updates per batch: enough for a smooth bar, few enough to stay off the hot path.
constexpr std::size_t kProgressSteps = 200;
//! Below this many origins building the hierarchy costs more than PHAST saves (measured on
//! the 32k-node Beijing graph: the build takes about as long as 50 Dijkstra runs, and a
//! batched sweep costs a few per cent of one).
constexpr std::size_t kPhastMinRows = 64;
//! Share of the progress bar given to building the hierarchy.
constexpr double kHierarchyProgressShare = 0.2;

//! The searches of one worker: width() rows seeded, run and read together.
class RowGroup
{
  public:
    virtual ~RowGroup() = default;
    virtual std::size_t width() const = 0;
    virtual void reset() = 0;
    virtual OneToAllSearch &lane( std::size_t k ) = 0;
    virtual void run() = 0;
};

class DijkstraGroup final : public RowGroup
{
  public:
    DijkstraGroup( const RoadGraph &graph, const EdgeWeights &weights, Cost cutoff )
      : mQuery( graph, weights ), mCutoff( cutoff ) {}

    std::size_t width() const override { return 1; }
    void reset() override { mQuery.reset(); }
    OneToAllSearch &lane( std::size_t ) override { return mQuery; }
    void run() override { mQuery.run( mCutoff ); }

  private:
    ShortestPathQuery mQuery;
    Cost mCutoff;
};

//! One lane of a PHAST batch seen as a search of its own. Only the group resets and runs
//! the batch, so reset() and run() here act on every lane.
class PhastLane final : public OneToAllSearch
{
  public:
    PhastLane( PhastBatchQuery &batch, std::size_t lane, Cost cutoff )
      : mBatch( batch ), mLane( lane ), mCutoff( cutoff ) {}

    void reset() override { mBatch.reset(); }
    void addSource( NodeId node, Cost initialCost ) override { mBatch.addSource( mLane, node, initialCost ); }
    void run( Cost ) override { mBatch.run(); }
    Cost cost( NodeId node ) const override { return clip( mBatch.cost( mLane, node ) ); }
    void costs( const NodeId *nodes, std::size_t count, Cost *out ) const override
    {
      const Cost *laneCosts = mBatch.gather( nodes, count ) + mLane * count;
      for ( std::size_t i = 0; i < count; ++i )
        out[i] = clip( laneCosts[i] );
    }

  private:
    Cost clip( Cost c ) const { return c <= mCutoff ? c : kUnreachable; }

    PhastBatchQuery &mBatch;
    std::size_t mLane;
    Cost mCutoff;
};

class PhastGroup final : public RowGroup
{
  public:
    PhastGroup( const ContractionHierarchy &hierarchy, Cost cutoff )
      : mBatch( hierarchy, PhastBatchQuery::kMaxLanes )
    {
      for ( std::size_t k = 0; k < mBatch.laneCount(); ++k )
        mLanes.emplace_back( mBatch, k, cutoff );
    }

    std::size_t width() const override { return mBatch.laneCount(); }
    void reset() override { mBatch.reset(); }
    OneToAllSearch &lane( std::size_t k ) override { return mLanes[k]; }
    void run() override { mBatch.run(); }

  private:
    PhastBatchQuery mBatch;
    std::vector<PhastLane> mLanes;
};

//! The hierarchy of the last PHAST batch and exact copies of what it was built from. One
//! entry: another network or other weights replace it.
class HierarchyCache
{
  public:
    std::shared_ptr<const ContractionHierarchy> find( const RoadGraph &graph, const EdgeWeights &weights )
    {
      const std::lock_guard<std::mutex> lock( mMutex );
      if ( mHierarchy && mNodeCount == graph.nodeCount() && mTail == graph.tail() && mHead == graph.head()
           && mWeights == weights )
        return mHierarchy;
      return nullptr;
    }

    void store( const RoadGraph &graph, const EdgeWeights &weights, std::shared_ptr<const ContractionHierarchy> hierarchy )
    {
      const std::lock_guard<std::mutex> lock( mMutex );
      mNodeCount = graph.nodeCount();
      mTail = graph.tail();
      mHead = graph.head();
      mWeights = weights;
      mHierarchy = std::move( hierarchy );
    }

    void clear()
    {
      const std::lock_guard<std::mutex> lock( mMutex );
      mTail.clear();
      mHead.clear();
      mWeights.clear();
      mHierarchy.reset();
    }

  private:
    std::mutex mMutex;
    std::size_t mNodeCount = 0;
    std::vector<NodeId> mTail;
    std::vector<NodeId> mHead;
    EdgeWeights mWeights;
    std::shared_ptr<const ContractionHierarchy> mHierarchy;
};

HierarchyCache &hierarchyCache()
{
  static HierarchyCache cache;
  return cache;
}

bool runRows( std::size_t rowCount, unsigned threads, ProgressSink &progress,
              const std::function<std::unique_ptr<RowGroup>()> &makeGroup, const OdRowTask &task )
{
  std::atomic<std::size_t> nextRow{ 0 };
  std::atomic<std::size_t> doneRows{ 0 };
  std::atomic<bool> canceled{ false };
  const std::size_t reportEvery = std::max<std::size_t>( 1, rowCount / kProgressSteps );

  auto work = [&]()
  {
    const std::unique_ptr<RowGroup> group = makeGroup();
    const std::size_t width = group->width();
    for ( ;; )
    {
      if ( canceled.load( std::memory_order_relaxed ) )
        return;
      if ( progress.isCanceled() )
      {
        canceled.store( true, std::memory_order_relaxed );
        return;
      }
      const std::size_t first = nextRow.fetch_add( width, std::memory_order_relaxed );
      if ( first >= rowCount )
        return;
      const std::size_t count = std::min( width, rowCount - first );
      group->reset();
      for ( std::size_t k = 0; k < count; ++k )
        task.seed( group->lane( k ), first + k );
      group->run();
      for ( std::size_t k = 0; k < count; ++k )
        task.read( group->lane( k ), first + k );
      const std::size_t done = doneRows.fetch_add( count, std::memory_order_relaxed ) + count;
      if ( ( done - count ) / reportEvery != done / reportEvery || done == rowCount )
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
                OdAlgorithm algorithm, Cost cutoff, ProgressSink &progress, const OdRowTask &task )
{
  if ( resolveOdAlgorithm( algorithm, rowCount, cutoff ) == OdAlgorithm::Dijkstra )
  {
    return runRows( rowCount, threads, progress,
                    [&]() { return std::make_unique<DijkstraGroup>( graph, weights, cutoff ); }, task );
  }
  std::shared_ptr<const ContractionHierarchy> hierarchy = hierarchyCache().find( graph, weights );
  if ( !hierarchy )
  {
    ProgressPhase building( progress, 0.0, kHierarchyProgressShare );
    std::optional<ContractionHierarchy> built = ContractionHierarchy::build( graph, weights, building, threads );
    if ( !built )
      return false;
    hierarchy = std::make_shared<const ContractionHierarchy>( std::move( *built ) );
    hierarchyCache().store( graph, weights, hierarchy );
  }
  ProgressPhase sweeping( progress, kHierarchyProgressShare, 1.0 );
  return runRows( rowCount, threads, sweeping,
                  [&]() { return std::make_unique<PhastGroup>( *hierarchy, cutoff ); }, task );
}

void clearOdHierarchyCache()
{
  hierarchyCache().clear();
}

} // namespace gf
