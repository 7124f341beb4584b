#pragma once
// Reusable one-to-many Dijkstra (4-ary indexed heap, timestamped reset). One object per
// worker thread; the graph and weights are shared read-only.
#include "engine/graph/one_to_all_search.h"
#include "engine/graph/road_graph.h"

#include <memory>
#include <vector>

namespace gf {

class ShortestPathQuery final : public OneToAllSearch
{
  public:
    ShortestPathQuery( const RoadGraph &graph, const EdgeWeights &weights );
    ~ShortestPathQuery() override;

    //! Clears the previous search in O(touched nodes).
    void reset() override;
    //! Adds a source node with an initial cost (several sources = multi-source search).
    void addSource( NodeId node, Cost initialCost ) override;
    //! Settles nodes until the queue is empty or the next cost exceeds the cutoff.
    void run( Cost cutoff = kUnreachable ) override;
    //! Cost to a node after run(), kUnreachable if not reached.
    Cost cost( NodeId node ) const override;
    //! Predecessor edge on the shortest path tree, kInvalidEdge at sources or unreached.
    EdgeId predecessorEdge( NodeId node ) const;

  private:
    struct State;
    std::unique_ptr<State> mState;
};

} // namespace gf
