#pragma once
// A contraction hierarchy of a RoadGraph under one set of edge weights, and PHAST one-to-all
// queries on it (Delling et al. 2011): a small upward search from the sources, then one
// linear sweep over all nodes in descending rank. Exact: the same costs as Dijkstra, several
// times faster when many origins share a graph (the OD matrix). The densest remainder of the
// graph is left uncontracted as a core on top, which the upward search crosses as a plain
// Dijkstra (cheaper overall than contracting it).
#include "engine/common/progress_sink.h"
#include "engine/graph/one_to_all_search.h"
#include "engine/graph/road_graph.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace gf {

class PhastBatchQuery;

class ContractionHierarchy
{
  public:
    //! Contracts the graph (edges weighted kUnreachable are left out). Deterministic, whatever
    //! the thread count (0 = hardware concurrency); nothing when canceled.
    static std::optional<ContractionHierarchy> build( const RoadGraph &graph, const EdgeWeights &weights,
                                                      ProgressSink &progress, unsigned threads = 1 );

    std::size_t nodeCount() const { return mRankOf.size(); }
    //! Upward plus downward arcs, shortcuts included.
    std::size_t arcCount() const { return mUpArcs.size() + mDownArcs.size(); }

  private:
    friend class PhastBatchQuery;
    struct Arc
    {
      NodeId other;  //!< rank of the other end
      Cost weight;
    };
    std::vector<NodeId> mRankOf;            //!< node → rank, 0 contracted first
    std::vector<std::uint32_t> mFirstUp;    //!< per rank: arcs to higher ranks (core: to every core node)
    std::vector<Arc> mUpArcs;
    std::vector<std::uint32_t> mFirstDown;  //!< per rank: arcs from higher ranks into it (core: none)
    std::vector<Arc> mDownArcs;
};

//! One-to-all costs on a contraction hierarchy, one source set at a time. One object per
//! worker thread; PhastBatchQuery sweeps many source sets at once.
class PhastQuery final : public OneToAllSearch
{
  public:
    explicit PhastQuery( const ContractionHierarchy &hierarchy );
    ~PhastQuery() override;

    void reset() override;
    void addSource( NodeId node, Cost initialCost ) override;
    void run( Cost cutoff = kUnreachable ) override;
    Cost cost( NodeId node ) const override;

  private:
    std::unique_ptr<PhastBatchQuery> mBatch;  //!< a single lane
    Cost mCutoff = kUnreachable;
};

} // namespace gf
