#include "engine/graph/shortest_path_query.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace gf {

namespace {

constexpr std::uint32_t kNotInHeap = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kSettled = kNotInHeap - 1;
constexpr std::size_t kArity = 4;

struct HeapEntry
{
  Cost key;
  NodeId node;
};

} // namespace

//! Search state reused across runs. A node's cost, predecessor and heap position are valid
//! only when its stamp equals the current one, so reset() is O(1) instead of O(nodes).
struct ShortestPathQuery::State
{
  const RoadGraph &graph;
  const EdgeWeights &weights;
  std::vector<Cost> cost;
  std::vector<EdgeId> predecessor;
  std::vector<std::uint32_t> stamp;
  std::vector<std::uint32_t> heapPosition;  // index in heap, kSettled, or kNotInHeap
  std::vector<HeapEntry> heap;
  std::uint32_t currentStamp = 1;

  State( const RoadGraph &g, const EdgeWeights &w )
    : graph( g )
    , weights( w )
    , cost( g.nodeCount(), kUnreachable )
    , predecessor( g.nodeCount(), kInvalidEdge )
    , stamp( g.nodeCount(), 0 )
    , heapPosition( g.nodeCount(), kNotInHeap )
  {
  }

  bool isTouched( NodeId n ) const { return stamp[n] == currentStamp; }

  void touch( NodeId n )
  {
    stamp[n] = currentStamp;
    cost[n] = kUnreachable;
    predecessor[n] = kInvalidEdge;
    heapPosition[n] = kNotInHeap;
  }

  void place( std::uint32_t position, const HeapEntry &entry )
  {
    heap[position] = entry;
    heapPosition[entry.node] = position;
  }

  void siftUp( std::uint32_t position, HeapEntry entry )
  {
    while ( position > 0 )
    {
      const std::uint32_t parent = static_cast<std::uint32_t>( ( position - 1 ) / kArity );
      if ( heap[parent].key <= entry.key )
        break;
      place( position, heap[parent] );
      position = parent;
    }
    place( position, entry );
  }

  void siftDown( std::uint32_t position, HeapEntry entry )
  {
    const std::size_t size = heap.size();
    for ( ;; )
    {
      const std::size_t firstChild = kArity * position + 1;
      if ( firstChild >= size )
        break;
      const std::size_t lastChild = std::min( firstChild + kArity, size );
      std::size_t best = firstChild;
      for ( std::size_t c = firstChild + 1; c < lastChild; ++c )
      {
        if ( heap[c].key < heap[best].key )
          best = c;
      }
      if ( heap[best].key >= entry.key )
        break;
      place( position, heap[best] );
      position = static_cast<std::uint32_t>( best );
    }
    place( position, entry );
  }

  //! Lowers the cost of a node that is not settled, inserting it if needed.
  void decrease( NodeId n, Cost newCost, EdgeId via )
  {
    cost[n] = newCost;
    predecessor[n] = via;
    if ( heapPosition[n] == kNotInHeap )
    {
      heap.push_back( HeapEntry{ newCost, n } );
      siftUp( static_cast<std::uint32_t>( heap.size() - 1 ), HeapEntry{ newCost, n } );
    }
    else
    {
      siftUp( heapPosition[n], HeapEntry{ newCost, n } );
    }
  }

  HeapEntry popMin()
  {
    const HeapEntry top = heap.front();
    const HeapEntry last = heap.back();
    heap.pop_back();
    if ( !heap.empty() )
      siftDown( 0, last );
    heapPosition[top.node] = kSettled;
    return top;
  }
};

ShortestPathQuery::ShortestPathQuery( const RoadGraph &graph, const EdgeWeights &weights )
  : mState( std::make_unique<State>( graph, weights ) )
{
}

ShortestPathQuery::~ShortestPathQuery() = default;

void ShortestPathQuery::reset()
{
  State &s = *mState;
  s.heap.clear();
  if ( ++s.currentStamp == 0 )
  {
    // Wrapped after 2^32 runs: old stamps could alias the new one.
    std::fill( s.stamp.begin(), s.stamp.end(), 0 );
    s.currentStamp = 1;
  }
}

void ShortestPathQuery::addSource( NodeId node, Cost initialCost )
{
  State &s = *mState;
  if ( node >= s.graph.nodeCount() || initialCost >= kUnreachable )
    return;
  if ( !s.isTouched( node ) )
    s.touch( node );
  if ( s.heapPosition[node] != kSettled && initialCost < s.cost[node] )
    s.decrease( node, initialCost, kInvalidEdge );
}

void ShortestPathQuery::run( Cost cutoff )
{
  State &s = *mState;
  const std::vector<EdgeId> &firstOut = s.graph.firstOut();
  const std::vector<NodeId> &head = s.graph.head();
  const Cost *weights = s.weights.data();
  while ( !s.heap.empty() && s.heap.front().key <= cutoff )
  {
    const HeapEntry top = s.popMin();
    for ( EdgeId e = firstOut[top.node], end = firstOut[top.node + 1]; e < end; ++e )
    {
      const Cost w = weights[e];
      if ( w >= kUnreachable )
        continue;
      const Cost candidate = top.key + w;
      if ( candidate >= kUnreachable )
        continue;
      const NodeId v = head[e];
      if ( !s.isTouched( v ) )
        s.touch( v );
      else if ( s.heapPosition[v] == kSettled || candidate >= s.cost[v] )
        continue;
      s.decrease( v, candidate, e );
    }
  }
}

Cost ShortestPathQuery::cost( NodeId node ) const
{
  const State &s = *mState;
  // Only settled costs are final; a queued node beyond the cutoff counts as not reached.
  if ( node >= s.graph.nodeCount() || !s.isTouched( node ) || s.heapPosition[node] != kSettled )
    return kUnreachable;
  return s.cost[node];
}

EdgeId ShortestPathQuery::predecessorEdge( NodeId node ) const
{
  const State &s = *mState;
  if ( node >= s.graph.nodeCount() || !s.isTouched( node ) || s.heapPosition[node] != kSettled )
    return kInvalidEdge;
  return s.predecessor[node];
}

} // namespace gf
