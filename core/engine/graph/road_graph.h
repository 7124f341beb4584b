#pragma once
// Immutable road graph in CSR form. Built only by RoadGraphBuilder; queried by
// ShortestPathQuery, EdgeSnapper and the OD engine.
#include "engine/common/types.h"
#include "engine/graph/road_class.h"

#include <cstdint>
#include <vector>

namespace gf {

//! Time window in minutes since midnight, [startMin, endMin); start > end wraps midnight.
struct TimeWindow
{
  std::int16_t startMin = 0;
  std::int16_t endMin = 0;
  bool isEmpty() const { return startMin == endMin; }
  bool contains( int minuteOfDay ) const;
};

//! Attributes of one directed edge. An edge is a straight piece between two nodes.
struct EdgeAttributes
{
  std::int32_t lengthDm = 0;        //!< decimetres
  float speedKmh = 0.0f;            //!< free-flow speed on this edge
  RoadClass roadClass = RoadClass::Branch;
  bool truckRestricted = false;     //!< heavy trucks banned during truckWindow
  TimeWindow truckWindow;           //!< empty window with truckRestricted = banned all day
  std::uint32_t sourceFeature = 0;  //!< index of the input segment it came from
};

class RoadGraph
{
  public:
    RoadGraph() = default;

    std::size_t nodeCount() const { return mNodePoints.size(); }
    std::size_t edgeCount() const { return mHead.size(); }

    //! Outgoing edges of node n are [firstOut[n], firstOut[n+1]).
    const std::vector<EdgeId> &firstOut() const { return mFirstOut; }
    const std::vector<NodeId> &head() const { return mHead; }
    const std::vector<NodeId> &tail() const { return mTail; }
    const std::vector<EdgeAttributes> &edgeAttributes() const { return mAttributes; }
    const std::vector<PointXY> &nodePoints() const { return mNodePoints; }

    EdgeId beginEdges( NodeId n ) const { return mFirstOut[n]; }
    EdgeId endEdges( NodeId n ) const { return mFirstOut[n + 1]; }
    const PointXY &nodePoint( NodeId n ) const { return mNodePoints[n]; }

    //! Directed edge tail→head, or kInvalidEdge. Linear in the tail's degree.
    EdgeId findEdge( NodeId tail, NodeId head ) const;

  private:
    friend class RoadGraphBuilder;
    std::vector<EdgeId> mFirstOut;   // nodeCount + 1 entries
    std::vector<NodeId> mHead;
    std::vector<NodeId> mTail;
    std::vector<EdgeAttributes> mAttributes;
    std::vector<PointXY> mNodePoints;
};

//! One cost per directed edge, kUnreachable for an edge the profile may not use.
using EdgeWeights = std::vector<Cost>;

enum class CostMetric
{
  DistanceDm,  //!< decimetres
  TimeDs,      //!< deciseconds at the edge speed
};

//! Edge weights for a metric, ignoring restrictions (the simple profile of issue 2).
EdgeWeights computeEdgeWeights( const RoadGraph &graph, CostMetric metric );

//! Travel time of a piece in deciseconds, rounded; kUnreachable when the speed is not positive.
Cost edgeTravelTimeDs( std::int32_t lengthDm, double speedKmh );

} // namespace gf
