#include "engine/graph/phast_batch_query.h"

#include <algorithm>
#include <memory>

namespace gf {

namespace {

//! The downward sweep for a compile-time lane count, so that the lane loop vectorises. Every
//! arc into a rank comes from a higher, already final rank. Costs stay at most kUnreachable
//! and weights below it, so a cost plus a weight never overflows.
template<std::size_t Lanes, typename Arc>
void sweepDown( std::size_t rankCount, const std::uint32_t *firstDown, const Arc *down, Cost *costs )
{
  for ( std::size_t r = rankCount; r-- > 0; )
  {
    Cost best[Lanes];
    Cost *target = costs + r * Lanes;
    for ( std::size_t k = 0; k < Lanes; ++k )
      best[k] = target[k];
    for ( std::uint32_t a = firstDown[r], end = firstDown[r + 1]; a < end; ++a )
    {
      const Cost *from = costs + static_cast<std::size_t>( down[a].other ) * Lanes;
      const Cost weight = down[a].weight;
      for ( std::size_t k = 0; k < Lanes; ++k )
        best[k] = std::min( best[k], from[k] + weight );
    }
    for ( std::size_t k = 0; k < Lanes; ++k )
      target[k] = std::min( best[k], kUnreachable );
  }
}

} // namespace

//! Indexed 4-ary min-heap of ranks for the upward search: each rank is in it at most once,
//! so the search settles the core (a plain Dijkstra) without stale entries.
class PhastBatchQuery::RankHeap
{
  public:
    explicit RankHeap( std::size_t rankCount ) : mPosition( rankCount, kAbsent ) {}

    bool empty() const { return mEntries.empty(); }

    void pushOrDecrease( NodeId rank, Cost key )
    {
      std::uint32_t position = mPosition[rank];
      if ( position == kAbsent )
      {
        position = static_cast<std::uint32_t>( mEntries.size() );
        mEntries.push_back( Entry{ key, rank } );
      }
      siftUp( position, Entry{ key, rank } );
    }

    //! Removes and returns the cheapest entry.
    std::pair<Cost, NodeId> pop()
    {
      const Entry top = mEntries.front();
      mPosition[top.rank] = kAbsent;
      const Entry last = mEntries.back();
      mEntries.pop_back();
      if ( !mEntries.empty() )
        siftDown( 0, last );
      return { top.key, top.rank };
    }

  private:
    static constexpr std::uint32_t kAbsent = 0xffffffffu;
    static constexpr std::size_t kArity = 4;
    struct Entry
    {
      Cost key;
      NodeId rank;
    };

    void place( std::uint32_t position, const Entry &entry )
    {
      mEntries[position] = entry;
      mPosition[entry.rank] = position;
    }

    void siftUp( std::uint32_t position, const Entry &entry )
    {
      while ( position > 0 )
      {
        const std::uint32_t parent = static_cast<std::uint32_t>( ( position - 1 ) / kArity );
        if ( mEntries[parent].key <= entry.key )
          break;
        place( position, mEntries[parent] );
        position = parent;
      }
      place( position, entry );
    }

    void siftDown( std::uint32_t position, const Entry &entry )
    {
      const std::size_t size = mEntries.size();
      for ( ;; )
      {
        const std::size_t first = position * kArity + 1;
        if ( first >= size )
          break;
        std::size_t best = first;
        for ( std::size_t c = first + 1; c < std::min( first + kArity, size ); ++c )
        {
          if ( mEntries[c].key < mEntries[best].key )
            best = c;
        }
        if ( entry.key <= mEntries[best].key )
          break;
        place( position, mEntries[best] );
        position = static_cast<std::uint32_t>( best );
      }
      place( position, entry );
    }

    std::vector<Entry> mEntries;
    std::vector<std::uint32_t> mPosition;
};

PhastBatchQuery::~PhastBatchQuery() = default;

PhastBatchQuery::PhastBatchQuery( const ContractionHierarchy &hierarchy, std::size_t laneCount )
  : mHierarchy( hierarchy )
  , mLaneCount( laneCount == 1 ? 1 : kMaxLanes )
  , mCosts( hierarchy.nodeCount() * mLaneCount, kUnreachable )
  , mSeeds( mLaneCount )
  , mHeap( std::make_unique<RankHeap>( hierarchy.nodeCount() ) )
  , mGathered( 2 )
{
}

void PhastBatchQuery::reset()
{
  // The sweep writes every entry anyway, so a full clear costs little extra.
  std::fill( mCosts.begin(), mCosts.end(), kUnreachable );
  for ( std::vector<std::pair<Cost, NodeId>> &seeds : mSeeds )
    seeds.clear();
}

void PhastBatchQuery::addSource( std::size_t lane, NodeId node, Cost initialCost )
{
  if ( node >= mHierarchy.nodeCount() || initialCost >= kUnreachable )
    return;
  const NodeId rank = mHierarchy.mRankOf[node];
  Cost &cost = mCosts[rank * mLaneCount + lane];
  if ( initialCost < cost )
  {
    cost = initialCost;
    mSeeds[lane].emplace_back( initialCost, rank );
  }
}

void PhastBatchQuery::run()
{
  for ( Gathered &gathered : mGathered )
    gathered.nodes = nullptr;
  for ( std::size_t lane = 0; lane < mLaneCount; ++lane )
    upwardSearch( lane );
  const ContractionHierarchy &h = mHierarchy;
  if ( mLaneCount == 1 )
    sweepDown<1>( h.nodeCount(), h.mFirstDown.data(), h.mDownArcs.data(), mCosts.data() );
  else
    sweepDown<kMaxLanes>( h.nodeCount(), h.mFirstDown.data(), h.mDownArcs.data(), mCosts.data() );
}

const Cost *PhastBatchQuery::gather( const NodeId *nodes, std::size_t count )
{
  for ( const Gathered &gathered : mGathered )
  {
    if ( gathered.nodes == nodes && gathered.count == count )
      return gathered.costs.data();
  }
  Gathered &slot = mGathered[mNextGathered];
  mNextGathered = ( mNextGathered + 1 ) % mGathered.size();
  slot.nodes = nodes;
  slot.count = count;
  slot.costs.resize( count * mLaneCount );
  const std::size_t n = mHierarchy.nodeCount();
  for ( std::size_t i = 0; i < count; ++i )
  {
    if ( nodes[i] >= n )
    {
      for ( std::size_t k = 0; k < mLaneCount; ++k )
        slot.costs[k * count + i] = kUnreachable;
      continue;
    }
    const Cost *rankCosts = mCosts.data() + mHierarchy.mRankOf[nodes[i]] * mLaneCount;
    for ( std::size_t k = 0; k < mLaneCount; ++k )
      slot.costs[k * count + i] = rankCosts[k];
  }
  return slot.costs.data();
}

void PhastBatchQuery::upwardSearch( std::size_t lane )
{
  // Dijkstra restricted to upward arcs: exact costs in the upward graph, which the sweep
  // then completes.
  const ContractionHierarchy &h = mHierarchy;
  const std::size_t stride = mLaneCount;
  Cost *cost = mCosts.data() + lane;
  RankHeap &heap = *mHeap;
  for ( const auto &[seedCost, rank] : mSeeds[lane] )
  {
    if ( seedCost == cost[rank * stride] )
      heap.pushOrDecrease( rank, seedCost );
  }
  while ( !heap.empty() )
  {
    const auto [d, r] = heap.pop();
    for ( std::uint32_t a = h.mFirstUp[r]; a < h.mFirstUp[r + 1]; ++a )
    {
      const Cost candidate = d + h.mUpArcs[a].weight;
      const NodeId x = h.mUpArcs[a].other;
      if ( candidate < cost[x * stride] && candidate < kUnreachable )
      {
        cost[x * stride] = candidate;
        heap.pushOrDecrease( x, candidate );
      }
    }
  }
}

} // namespace gf
