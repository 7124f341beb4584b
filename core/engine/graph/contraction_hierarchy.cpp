#include "engine/graph/contraction_hierarchy.h"

#include <algorithm>
#include <functional>
#include <queue>

namespace gf {

namespace {

//! Witness searches stop after this many settled nodes: a missed witness only adds a
//! superfluous shortcut, never a wrong cost. Estimating priorities can afford less.
constexpr std::size_t kContractSettleLimit = 100;
constexpr std::size_t kEstimateSettleLimit = 20;

struct DynamicArc
{
  NodeId other;
  Cost weight;
};

//! The shrinking graph during contraction: only arcs between uncontracted nodes.
class ContractionGraph
{
  public:
    ContractionGraph( const RoadGraph &graph, const EdgeWeights &weights )
      : mOut( graph.nodeCount() ), mIn( graph.nodeCount() ), mDistance( graph.nodeCount(), kUnreachable )
    {
      for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
      {
        if ( weights[e] < kUnreachable && graph.tail()[e] != graph.head()[e] )
          addArc( graph.tail()[e], graph.head()[e], weights[e] );
      }
    }

    const std::vector<DynamicArc> &out( NodeId v ) const { return mOut[v]; }
    const std::vector<DynamicArc> &in( NodeId v ) const { return mIn[v]; }

    //! Adds u→x or lowers its weight.
    void addArc( NodeId u, NodeId x, Cost weight )
    {
      auto existing = std::find_if( mOut[u].begin(), mOut[u].end(), [x]( const DynamicArc &a ) { return a.other == x; } );
      if ( existing != mOut[u].end() )
      {
        if ( weight < existing->weight )
        {
          existing->weight = weight;
          std::find_if( mIn[x].begin(), mIn[x].end(), [u]( const DynamicArc &a ) { return a.other == u; } )->weight = weight;
        }
        return;
      }
      mOut[u].push_back( DynamicArc{ x, weight } );
      mIn[x].push_back( DynamicArc{ u, weight } );
    }

    //! Takes v out of its neighbours' lists.
    void detach( NodeId v )
    {
      auto drop = []( std::vector<DynamicArc> &arcs, NodeId other )
      {
        arcs.erase( std::remove_if( arcs.begin(), arcs.end(), [other]( const DynamicArc &a ) { return a.other == other; } ), arcs.end() );
      };
      for ( const DynamicArc &a : mOut[v] )
        drop( mIn[a.other], v );
      for ( const DynamicArc &a : mIn[v] )
        drop( mOut[a.other], v );
    }

    //! Shortcuts needed to contract v: for each in-arc u→v and out-arc v→x, u→x unless a
    //! path avoiding v is as cheap. Calls add( u, x, weight ) for each.
    template<typename Add>
    void forEachShortcut( NodeId v, std::size_t settleLimit, Add add )
    {
      for ( const DynamicArc &in : mIn[v] )
      {
        Cost maxVia = 0;
        for ( const DynamicArc &out : mOut[v] )
        {
          if ( out.other != in.other )
            maxVia = std::max( maxVia, in.weight + out.weight );
        }
        if ( mOut[v].empty() )
          break;
        witnessSearch( in.other, v, maxVia, settleLimit );
        for ( const DynamicArc &out : mOut[v] )
        {
          const Cost via = in.weight + out.weight;
          if ( out.other == in.other || via >= kUnreachable )
            continue;
          if ( mDistance[out.other] > via )
            add( in.other, out.other, via );
        }
        clearSearch();
      }
    }

  private:
    void witnessSearch( NodeId source, NodeId excluded, Cost maxCost, std::size_t settleLimit )
    {
      std::vector<std::pair<Cost, NodeId>> &queue = mQueue;
      queue.clear();
      mDistance[source] = 0;
      mTouched.push_back( source );
      queue.emplace_back( 0, source );
      std::size_t settled = 0;
      while ( !queue.empty() && settled < settleLimit )
      {
        std::pop_heap( queue.begin(), queue.end(), std::greater<>() );
        const auto [d, u] = queue.back();
        queue.pop_back();
        if ( d > mDistance[u] )
          continue;
        if ( d > maxCost )
          break;
        ++settled;
        for ( const DynamicArc &a : mOut[u] )
        {
          if ( a.other == excluded )
            continue;
          const Cost candidate = d + a.weight;
          if ( candidate < mDistance[a.other] && candidate < kUnreachable )
          {
            if ( mDistance[a.other] == kUnreachable )
              mTouched.push_back( a.other );
            mDistance[a.other] = candidate;
            queue.emplace_back( candidate, a.other );
            std::push_heap( queue.begin(), queue.end(), std::greater<>() );
          }
        }
      }
    }

    void clearSearch()
    {
      for ( NodeId n : mTouched )
        mDistance[n] = kUnreachable;
      mTouched.clear();
    }

    std::vector<std::vector<DynamicArc>> mOut;
    std::vector<std::vector<DynamicArc>> mIn;
    std::vector<Cost> mDistance;
    std::vector<NodeId> mTouched;
    std::vector<std::pair<Cost, NodeId>> mQueue;  // witness search heap, reused
};

} // namespace

std::optional<ContractionHierarchy> ContractionHierarchy::build( const RoadGraph &graph, const EdgeWeights &weights,
                                                                 ProgressSink &progress )
{
  const std::size_t n = graph.nodeCount();
  ContractionGraph dynamic( graph, weights );
  std::vector<int> deletedNeighbours( n, 0 );
  std::vector<int> priority( n, 0 );
  std::vector<char> contracted( n, 0 );

  // Edge difference plus deleted neighbours: contract cheap nodes first, spread evenly.
  auto computePriority = [&]( NodeId v )
  {
    int shortcuts = 0;
    dynamic.forEachShortcut( v, kEstimateSettleLimit, [&shortcuts]( NodeId, NodeId, Cost ) { ++shortcuts; } );
    const int degree = static_cast<int>( dynamic.in( v ).size() + dynamic.out( v ).size() );
    return 2 * ( shortcuts - degree ) + deletedNeighbours[v];
  };

  using Entry = std::pair<int, NodeId>;  // ties by node id keep the order deterministic
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
  for ( NodeId v = 0; v < n; ++v )
  {
    priority[v] = computePriority( v );
    queue.emplace( priority[v], v );
  }

  ContractionHierarchy hierarchy;
  hierarchy.mRankOf.assign( n, kInvalidNode );
  std::vector<std::vector<DynamicArc>> upByNode( n ), downByNode( n );
  NodeId nextRank = 0;
  std::vector<NodeId> neighbours;
  while ( !queue.empty() )
  {
    const auto [p, v] = queue.top();
    queue.pop();
    // A node's priority changes only when a neighbour is contracted, and then it is requeued:
    // any other entry is stale.
    if ( contracted[v] || p != priority[v] )
      continue;
    if ( nextRank % 1024 == 0 )
    {
      if ( progress.isCanceled() )
        return std::nullopt;
      progress.setProgress( static_cast<double>( nextRank ) / static_cast<double>( n ) );
    }

    contracted[v] = 1;
    hierarchy.mRankOf[v] = nextRank++;
    upByNode[v] = dynamic.out( v );
    downByNode[v] = dynamic.in( v );
    std::vector<std::pair<std::pair<NodeId, NodeId>, Cost>> shortcuts;
    dynamic.forEachShortcut( v, kContractSettleLimit, [&shortcuts]( NodeId u, NodeId x, Cost w ) { shortcuts.push_back( { { u, x }, w } ); } );
    for ( const auto &[ends, w] : shortcuts )
      dynamic.addArc( ends.first, ends.second, w );

    neighbours.clear();
    for ( const DynamicArc &a : dynamic.out( v ) )
      neighbours.push_back( a.other );
    for ( const DynamicArc &a : dynamic.in( v ) )
      neighbours.push_back( a.other );
    std::sort( neighbours.begin(), neighbours.end() );
    neighbours.erase( std::unique( neighbours.begin(), neighbours.end() ), neighbours.end() );
    dynamic.detach( v );
    for ( NodeId x : neighbours )
    {
      ++deletedNeighbours[x];
      priority[x] = computePriority( x );
      queue.emplace( priority[x], x );
    }
  }

  // Rank-space CSR arrays.
  std::vector<NodeId> nodeOfRank( n );
  for ( NodeId v = 0; v < n; ++v )
    nodeOfRank[hierarchy.mRankOf[v]] = v;
  hierarchy.mFirstUp.assign( 1, 0 );
  hierarchy.mFirstDown.assign( 1, 0 );
  for ( NodeId r = 0; r < n; ++r )
  {
    const NodeId v = nodeOfRank[r];
    for ( const DynamicArc &a : upByNode[v] )
      hierarchy.mUpArcs.push_back( Arc{ hierarchy.mRankOf[a.other], a.weight } );
    for ( const DynamicArc &a : downByNode[v] )
      hierarchy.mDownArcs.push_back( Arc{ hierarchy.mRankOf[a.other], a.weight } );
    hierarchy.mFirstUp.push_back( static_cast<std::uint32_t>( hierarchy.mUpArcs.size() ) );
    hierarchy.mFirstDown.push_back( static_cast<std::uint32_t>( hierarchy.mDownArcs.size() ) );
  }
  progress.setProgress( 1.0 );
  return hierarchy;
}

PhastQuery::PhastQuery( const ContractionHierarchy &hierarchy )
  : mHierarchy( hierarchy )
  , mCostByRank( hierarchy.nodeCount(), kUnreachable )
{
}

void PhastQuery::reset()
{
  // The sweep visits every node anyway, so a full clear costs nothing extra.
  std::fill( mCostByRank.begin(), mCostByRank.end(), kUnreachable );
  mHeap.clear();
}

void PhastQuery::addSource( NodeId node, Cost initialCost )
{
  if ( node >= mHierarchy.nodeCount() || initialCost >= kUnreachable )
    return;
  const NodeId rank = mHierarchy.mRankOf[node];
  if ( initialCost < mCostByRank[rank] )
  {
    mCostByRank[rank] = initialCost;
    mHeap.emplace_back( initialCost, rank );
    std::push_heap( mHeap.begin(), mHeap.end(), std::greater<>() );
  }
}

void PhastQuery::run( Cost cutoff )
{
  mCutoff = cutoff;
  const ContractionHierarchy &h = mHierarchy;
  Cost *cost = mCostByRank.data();
  // Upward search: settles the sources' upward cones.
  while ( !mHeap.empty() )
  {
    std::pop_heap( mHeap.begin(), mHeap.end(), std::greater<>() );
    const auto [d, r] = mHeap.back();
    mHeap.pop_back();
    if ( d > cost[r] )
      continue;
    for ( std::uint32_t a = h.mFirstUp[r]; a < h.mFirstUp[r + 1]; ++a )
    {
      const Cost candidate = d + h.mUpArcs[a].weight;
      const NodeId x = h.mUpArcs[a].other;
      if ( candidate < cost[x] && candidate < kUnreachable )
      {
        cost[x] = candidate;
        mHeap.emplace_back( candidate, x );
        std::push_heap( mHeap.begin(), mHeap.end(), std::greater<>() );
      }
    }
  }
  // Downward sweep: every arc into a rank comes from a higher, already final rank. Costs stay
  // at most kUnreachable, so a cost plus a weight never overflows.
  const std::uint32_t *firstDown = h.mFirstDown.data();
  const ContractionHierarchy::Arc *down = h.mDownArcs.data();
  for ( std::size_t r = h.nodeCount(); r-- > 0; )
  {
    Cost best = cost[r];
    for ( std::uint32_t a = firstDown[r], end = firstDown[r + 1]; a < end; ++a )
      best = std::min( best, cost[down[a].other] + down[a].weight );
    cost[r] = std::min( best, kUnreachable );
  }
}

Cost PhastQuery::cost( NodeId node ) const
{
  if ( node >= mHierarchy.nodeCount() )
    return kUnreachable;
  const Cost c = mCostByRank[mHierarchy.mRankOf[node]];
  return c <= mCutoff && c < kUnreachable ? c : kUnreachable;
}

} // namespace gf
