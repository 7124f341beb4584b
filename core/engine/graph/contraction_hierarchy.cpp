#include "engine/graph/contraction_hierarchy.h"

#include "engine/graph/phast_batch_query.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <thread>

namespace gf {

namespace {

//! Witness searches stop after this many settled nodes: a missed witness only adds a
//! superfluous shortcut, never a wrong cost. Estimating priorities can afford less. Measured
//! on the Beijing graph: RoutingKit's 500 builds several times slower for 5 % fewer arcs,
//! which the sweeps do not win back.
constexpr std::size_t kContractSettleLimit = 15;
constexpr std::size_t kEstimateSettleLimit = 2;
//! Mean out-degree of the remaining graph at which contraction stops (see build()).
constexpr std::size_t kCoreMeanOutDegree = 12;
//! Weight of each term of the node priority (see priority()).
constexpr std::int64_t kPriorityScale = 1000;

struct DynamicArc
{
  NodeId other;
  Cost weight;
  std::uint32_t hops;  //!< original edges the arc stands for
};

//! The shrinking graph during contraction: only arcs between uncontracted nodes, at most one
//! per ordered pair of nodes.
class ContractionGraph
{
  public:
    ContractionGraph( const RoadGraph &graph, const EdgeWeights &weights )
      : mOut( graph.nodeCount() ), mIn( graph.nodeCount() )
    {
      for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
      {
        if ( weights[e] < kUnreachable && graph.tail()[e] != graph.head()[e] )
          addArc( graph.tail()[e], graph.head()[e], weights[e], 1 );
      }
    }

    std::size_t arcCount() const { return mArcCount; }
    const std::vector<DynamicArc> &out( NodeId v ) const { return mOut[v]; }
    const std::vector<DynamicArc> &in( NodeId v ) const { return mIn[v]; }

    //! Adds u→x or lowers its weight.
    void addArc( NodeId u, NodeId x, Cost weight, std::uint32_t hops )
    {
      auto existing = std::find_if( mOut[u].begin(), mOut[u].end(), [x]( const DynamicArc &a ) { return a.other == x; } );
      if ( existing != mOut[u].end() )
      {
        if ( weight < existing->weight )
        {
          *existing = DynamicArc{ x, weight, hops };
          *std::find_if( mIn[x].begin(), mIn[x].end(), [u]( const DynamicArc &a ) { return a.other == u; } ) =
            DynamicArc{ u, weight, hops };
        }
        return;
      }
      mOut[u].push_back( DynamicArc{ x, weight, hops } );
      mIn[x].push_back( DynamicArc{ u, weight, hops } );
      ++mArcCount;
    }

    //! Takes v out of its neighbours' lists.
    void detach( NodeId v )
    {
      auto drop = []( std::vector<DynamicArc> &arcs, NodeId other )
      {
        arcs.erase( std::find_if( arcs.begin(), arcs.end(), [other]( const DynamicArc &a ) { return a.other == other; } ) );
      };
      for ( const DynamicArc &a : mOut[v] )
        drop( mIn[a.other], v );
      for ( const DynamicArc &a : mIn[v] )
        drop( mOut[a.other], v );
      mArcCount -= mOut[v].size() + mIn[v].size();
    }

  private:
    std::vector<std::vector<DynamicArc>> mOut;
    std::vector<std::vector<DynamicArc>> mIn;
    std::size_t mArcCount = 0;
};

//! Bounded Dijkstra searches over the uncontracted graph for paths that make a shortcut
//! unnecessary. One object per thread.
class WitnessSearch
{
  public:
    explicit WitnessSearch( std::size_t nodeCount )
      : mDistance( nodeCount, kUnreachable ), mTargetStamp( nodeCount, 0 )
    {
    }

    //! Shortcuts needed to contract v: for each in-arc u→v and out-arc v→x, u→x unless a
    //! path avoiding v is as cheap. Calls add( u, x, weight, hops ) for each.
    template<typename Add>
    void forEachShortcut( const ContractionGraph &graph, NodeId v, std::size_t settleLimit, Add add )
    {
      const std::vector<DynamicArc> &outs = graph.out( v );
      if ( outs.empty() )
        return;
      for ( const DynamicArc &in : graph.in( v ) )
      {
        // One search from u answers every out-arc; it stops once all their heads are settled.
        ++mStamp;
        Cost maxVia = 0;
        std::size_t targets = 0;
        for ( const DynamicArc &out : outs )
        {
          if ( out.other == in.other || in.weight + out.weight >= kUnreachable )
            continue;
          maxVia = std::max( maxVia, in.weight + out.weight );
          mTargetStamp[out.other] = mStamp;
          ++targets;
        }
        if ( targets == 0 )
          continue;
        search( graph, in.other, v, maxVia, targets, settleLimit );
        for ( const DynamicArc &out : outs )
        {
          const Cost via = in.weight + out.weight;
          if ( out.other != in.other && via < kUnreachable && mDistance[out.other] > via )
            add( in.other, out.other, via, in.hops + out.hops );
        }
        clear();
      }
    }

  private:
    void search( const ContractionGraph &graph, NodeId source, NodeId excluded, Cost maxCost, std::size_t targets,
                 std::size_t settleLimit )
    {
      mHeap.clear();
      mDistance[source] = 0;
      mTouched.push_back( source );
      mHeap.emplace_back( 0, source );
      std::size_t settled = 0;
      while ( !mHeap.empty() && settled < settleLimit )
      {
        std::pop_heap( mHeap.begin(), mHeap.end(), std::greater<>() );
        const auto [d, u] = mHeap.back();
        mHeap.pop_back();
        if ( d > mDistance[u] )
          continue;
        if ( d > maxCost )
          return;
        ++settled;
        if ( mTargetStamp[u] == mStamp && --targets == 0 )
          return;
        for ( const DynamicArc &a : graph.out( u ) )
        {
          if ( a.other == excluded )
            continue;
          const Cost candidate = d + a.weight;
          if ( candidate < mDistance[a.other] && candidate <= maxCost )
          {
            if ( mDistance[a.other] == kUnreachable )
              mTouched.push_back( a.other );
            mDistance[a.other] = candidate;
            mHeap.emplace_back( candidate, a.other );
            std::push_heap( mHeap.begin(), mHeap.end(), std::greater<>() );
          }
        }
      }
    }

    void clear()
    {
      for ( NodeId n : mTouched )
        mDistance[n] = kUnreachable;
      mTouched.clear();
    }

    std::vector<Cost> mDistance;
    std::vector<std::uint32_t> mTargetStamp;  //!< == mStamp for the heads sought now
    std::uint32_t mStamp = 0;
    std::vector<NodeId> mTouched;
    std::vector<std::pair<Cost, NodeId>> mHeap;
};

//! RoutingKit's node priority: depth in the hierarchy so far, then arcs and original edges
//! added per arc and edge removed. Contracting low priorities first keeps the hierarchy flat
//! and the shortcuts few.
std::int64_t priority( const ContractionGraph &graph, WitnessSearch &witness, NodeId v, std::int64_t level )
{
  std::int64_t added = 0, addedHops = 0;
  witness.forEachShortcut( graph, v, kEstimateSettleLimit, [&]( NodeId, NodeId, Cost, std::uint32_t hops ) {
    ++added;
    addedHops += hops;
  } );
  std::int64_t removed = 1, removedHops = 1;
  for ( const std::vector<DynamicArc> *arcs : { &graph.in( v ), &graph.out( v ) } )
  {
    removed += static_cast<std::int64_t>( arcs->size() );
    for ( const DynamicArc &a : *arcs )
      removedHops += a.hops;
  }
  return 1 + kPriorityScale * level + kPriorityScale * added / removed + kPriorityScale * addedHops / removedHops;
}

} // namespace

std::optional<ContractionHierarchy> ContractionHierarchy::build( const RoadGraph &graph, const EdgeWeights &weights,
                                                                 ProgressSink &progress, unsigned threads )
{
  const std::size_t n = graph.nodeCount();
  ContractionGraph dynamic( graph, weights );
  std::vector<std::int64_t> level( n, 0 );
  std::vector<std::int64_t> nodePriority( n, 0 );
  std::vector<char> contracted( n, 0 );
  WitnessSearch witness( n );

  // Initial priorities are independent of each other: split them over the threads.
  const unsigned workers = std::max( 1u, std::min<unsigned>( threads > 0 ? threads : std::thread::hardware_concurrency(),
                                                             static_cast<unsigned>( std::max<std::size_t>( n / 1024, 1 ) ) ) );
  auto initialise = [&]( unsigned worker, WitnessSearch &search )
  {
    for ( NodeId v = worker; v < n; v += workers )
      nodePriority[v] = priority( dynamic, search, v, 0 );
  };
  if ( workers == 1 )
  {
    initialise( 0, witness );
  }
  else
  {
    std::vector<std::thread> pool;
    for ( unsigned t = 1; t < workers; ++t )
      pool.emplace_back( [&, t]() {
        WitnessSearch search( n );
        initialise( t, search );
      } );
    initialise( 0, witness );
    for ( std::thread &thread : pool )
      thread.join();
  }

  using Entry = std::pair<std::int64_t, NodeId>;  // ties by node id keep the order deterministic
  std::vector<Entry> initial( n );
  for ( NodeId v = 0; v < n; ++v )
    initial[v] = Entry{ nodePriority[v], v };
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue( std::greater<Entry>(), std::move( initial ) );

  ContractionHierarchy hierarchy;
  hierarchy.mRankOf.assign( n, kInvalidNode );
  std::vector<std::vector<DynamicArc>> upByNode( n ), downByNode( n );
  NodeId nextRank = 0;
  struct Shortcut
  {
    NodeId from, to;
    Cost weight;
    std::uint32_t hops;
  };
  std::vector<Shortcut> shortcuts;
  bool inCore = false;
  while ( !queue.empty() )
  {
    const auto [p, v] = queue.top();
    queue.pop();
    if ( contracted[v] || p != nodePriority[v] )
      continue;
    // Lazy updates: a priority goes stale when a neighbour is contracted, and is refreshed
    // only when the node comes up. Cheaper than refreshing every neighbour each time, and
    // measured to give as good an order.
    if ( !inCore )
    {
      const std::int64_t fresh = priority( dynamic, witness, v, level[v] );
      if ( fresh > p && !queue.empty() && fresh > queue.top().first )
      {
        nodePriority[v] = fresh;
        queue.emplace( fresh, v );
        continue;
      }
    }
    if ( nextRank % 1024 == 0 )
    {
      if ( progress.isCanceled() )
        return std::nullopt;
      progress.setProgress( static_cast<double>( nextRank ) / static_cast<double>( n ) );
    }

    // Contracting the dense remainder would cost most of the build for little gain: it stays
    // an uncontracted core on top. Its nodes keep every core arc as an upward arc, so the
    // upward search, a true Dijkstra, settles the core exactly and the sweep leaves it alone.
    inCore = inCore || dynamic.arcCount() >= kCoreMeanOutDegree * ( n - nextRank );
    contracted[v] = 1;
    hierarchy.mRankOf[v] = nextRank++;
    upByNode[v] = dynamic.out( v );
    if ( inCore )
      continue;
    downByNode[v] = dynamic.in( v );
    shortcuts.clear();
    witness.forEachShortcut( dynamic, v, kContractSettleLimit, [&shortcuts]( NodeId u, NodeId x, Cost w, std::uint32_t hops ) {
      shortcuts.push_back( Shortcut{ u, x, w, hops } );
    } );
    for ( const Shortcut &s : shortcuts )
      dynamic.addArc( s.from, s.to, s.weight, s.hops );

    for ( const std::vector<DynamicArc> *arcs : { &dynamic.out( v ), &dynamic.in( v ) } )
    {
      for ( const DynamicArc &a : *arcs )
        level[a.other] = std::max( level[a.other], level[v] + 1 );
    }
    dynamic.detach( v );
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
  : mBatch( std::make_unique<PhastBatchQuery>( hierarchy, 1 ) )
{
}

PhastQuery::~PhastQuery() = default;

void PhastQuery::reset()
{
  mBatch->reset();
}

void PhastQuery::addSource( NodeId node, Cost initialCost )
{
  mBatch->addSource( 0, node, initialCost );
}

void PhastQuery::run( Cost cutoff )
{
  mCutoff = cutoff;
  mBatch->run();
}

Cost PhastQuery::cost( NodeId node ) const
{
  const Cost c = mBatch->cost( 0, node );
  return c <= mCutoff ? c : kUnreachable;
}

} // namespace gf
