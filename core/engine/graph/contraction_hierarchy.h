#pragma once
// A contraction hierarchy of a RoadGraph under one set of edge weights, and PHAST one-to-all
// queries on it (Delling et al. 2011): a small upward search from the sources, then one
// linear sweep over all nodes in descending rank. Exact: the same costs as Dijkstra, several
// times faster when many origins share a graph (the OD matrix).
#include "engine/common/progress_sink.h"
#include "engine/graph/one_to_all_search.h"
#include "engine/graph/road_graph.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace gf {

class ContractionHierarchy
{
  public:
    //! Contracts the graph (edges weighted kUnreachable are left out). Deterministic; nothing
    //! when canceled.
    static std::optional<ContractionHierarchy> build( const RoadGraph &graph, const EdgeWeights &weights,
                                                      ProgressSink &progress );

    std::size_t nodeCount() const { return mRankOf.size(); }
    //! Upward plus downward arcs, shortcuts included.
    std::size_t arcCount() const { return mUpArcs.size() + mDownArcs.size(); }

  private:
    friend class PhastQuery;
    struct Arc
    {
      NodeId other;  //!< rank of the other end
      Cost weight;
    };
    std::vector<NodeId> mRankOf;            //!< node → rank, 0 contracted first
    std::vector<std::uint32_t> mFirstUp;    //!< per rank: arcs to higher ranks
    std::vector<Arc> mUpArcs;
    std::vector<std::uint32_t> mFirstDown;  //!< per rank: arcs from higher ranks into it
    std::vector<Arc> mDownArcs;
};

//! One-to-all costs on a contraction hierarchy. One object per worker thread.
class PhastQuery final : public OneToAllSearch
{
  public:
    explicit PhastQuery( const ContractionHierarchy &hierarchy );

    void reset() override;
    void addSource( NodeId node, Cost initialCost ) override;
    void run( Cost cutoff = kUnreachable ) override;
    Cost cost( NodeId node ) const override;

  private:
    const ContractionHierarchy &mHierarchy;
    std::vector<Cost> mCostByRank;
    std::vector<std::pair<Cost, NodeId>> mHeap;  //!< upward search, lazy deletion
    Cost mCutoff = kUnreachable;
};

} // namespace gf
