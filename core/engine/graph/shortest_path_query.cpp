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

//! Search state reused across runs. A node's entry is valid only when its stamp equals the
//! current one, so reset() is O(1) instead of O(nodes). The fields of a node share one cache
//! line: a relaxation touches a single random location.
struct ShortestPathQuery::State
{
  struct NodeState
  {
    std::uint32_t stamp = 0;
    Cost cost = kUnreachable;
    std::uint32_t heapPosition = kNotInHeap;  // index in heap, kSettled, or kNotInHeap
    EdgeId predecessor = kInvalidEdge;
  };

  const RoadGraph &graph;
  const EdgeWeights &weights;
  std::vector<NodeState> nodes;
  std::vector<HeapEntry> heap;
  std::uint32_t currentStamp = 1;

  State( const RoadGraph &g, const EdgeWeights &w )
    : graph( g )
    , weights( w )
    , nodes( g.nodeCount() )
  {
  }

  //! The node's entry, cleared first if it belongs to an earlier run.
  NodeState &touch( NodeId n )
  {
    NodeState &state = nodes[n];
    if ( state.stamp != currentStamp )
    {
      state.stamp = currentStamp;
      state.cost = kUnreachable;
      state.heapPosition = kNotInHeap;
      state.predecessor = kInvalidEdge;
    }
    return state;
  }

  //! The settled entry of a node, or nullptr.
  const NodeState *settled( NodeId n ) const
  {
    if ( n >= nodes.size() )
      return nullptr;
    const NodeState &state = nodes[n];
    return state.stamp == currentStamp && state.heapPosition == kSettled ? &state : nullptr;
  }

  void place( std::uint32_t position, const HeapEntry &entry )
  {
    heap[position] = entry;
    nodes[entry.node].heapPosition = position;
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
  void decrease( NodeId n, NodeState &state, Cost newCost, EdgeId via )
  {
    state.cost = newCost;
    state.predecessor = via;
    if ( state.heapPosition == kNotInHeap )
    {
      heap.push_back( HeapEntry{ newCost, n } );
      siftUp( static_cast<std::uint32_t>( heap.size() - 1 ), HeapEntry{ newCost, n } );
    }
    else
    {
      siftUp( state.heapPosition, HeapEntry{ newCost, n } );
    }
  }

  HeapEntry popMin()
  {
    const HeapEntry top = heap.front();
    const HeapEntry last = heap.back();
    heap.pop_back();
    if ( !heap.empty() )
      siftDown( 0, last );
    nodes[top.node].heapPosition = kSettled;
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
    for ( State::NodeState &state : s.nodes )
      state.stamp = 0;
    s.currentStamp = 1;
  }
}

void ShortestPathQuery::addSource( NodeId node, Cost initialCost )
{
  State &s = *mState;
  if ( node >= s.graph.nodeCount() || initialCost >= kUnreachable )
    return;
  State::NodeState &state = s.touch( node );
  if ( state.heapPosition != kSettled && initialCost < state.cost )
    s.decrease( node, state, initialCost, kInvalidEdge );
}

void ShortestPathQuery::run( Cost cutoff )
{
  State &s = *mState;
  const EdgeId *firstOut = s.graph.firstOut().data();
  const NodeId *head = s.graph.head().data();
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
      State::NodeState &state = s.touch( v );
      if ( state.heapPosition == kSettled || candidate >= state.cost )
        continue;
      s.decrease( v, state, candidate, e );
    }
  }
}

Cost ShortestPathQuery::cost( NodeId node ) const
{
  // Only settled costs are final; a queued node beyond the cutoff counts as not reached.
  const State::NodeState *state = mState->settled( node );
  return state ? state->cost : kUnreachable;
}

EdgeId ShortestPathQuery::predecessorEdge( NodeId node ) const
{
  const State::NodeState *state = mState->settled( node );
  return state ? state->predecessor : kInvalidEdge;
}

} // namespace gf
