#pragma once
// PHAST for several independent source sets ("lanes") at once: one upward search per lane,
// then a single downward sweep that relaxes every arc for all lanes together. The costs of
// one rank sit side by side, so the sweep streams the arcs once per batch and its inner loop
// is a short vectorisable min over the lanes.
#include "engine/graph/contraction_hierarchy.h"

#include <memory>
#include <utility>
#include <vector>

namespace gf {

class PhastBatchQuery
{
  public:
    //! Lanes of a full batch: 16 costs fill one 64-byte cache line per rank.
    static constexpr std::size_t kMaxLanes = 16;

    //! \a laneCount is 1 or kMaxLanes.
    PhastBatchQuery( const ContractionHierarchy &hierarchy, std::size_t laneCount );
    ~PhastBatchQuery();

    std::size_t laneCount() const { return mLaneCount; }

    //! Forgets the sources and costs of every lane.
    void reset();
    //! Adds a source to one lane (invalid nodes and unreachable costs are ignored).
    void addSource( std::size_t lane, NodeId node, Cost initialCost );
    //! Computes every lane's costs.
    void run();
    //! Cost from a lane's sources to a node after run(), kUnreachable if not reached or invalid.
    Cost cost( std::size_t lane, NodeId node ) const
    {
      return node < mHierarchy.nodeCount() ? mCosts[mHierarchy.mRankOf[node] * mLaneCount + lane] : kUnreachable;
    }

    //! Costs of every lane at \a nodes after run(), lane by lane: [lane * count + i]. One pass
    //! reads each rank's lanes together; the result is kept until the next run(), so the lanes
    //! of a batch asking for the same node list (same address and count) share it.
    const Cost *gather( const NodeId *nodes, std::size_t count );

  private:
    class RankHeap;
    void upwardSearch( std::size_t lane );

    //! A node list gathered since the last run().
    struct Gathered
    {
      const NodeId *nodes = nullptr;
      std::size_t count = 0;
      std::vector<Cost> costs;
    };

    const ContractionHierarchy &mHierarchy;
    std::size_t mLaneCount;
    std::vector<Cost> mCosts;  //!< rank * laneCount + lane
    std::vector<std::vector<std::pair<Cost, NodeId>>> mSeeds;  //!< per lane: (cost, rank)
    std::unique_ptr<RankHeap> mHeap;  //!< upward search
    std::vector<Gathered> mGathered;  //!< a row reads at most two lists (both ends of the pieces)
    std::size_t mNextGathered = 0;
};

} // namespace gf
