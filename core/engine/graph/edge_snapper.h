#pragma once
// Snaps points to the nearest edge of a RoadGraph through a uniform grid index, and
// describes the access leg (point → projection) and the offsets to both edge ends.
#include "engine/graph/road_graph.h"

#include <memory>
#include <optional>
#include <vector>

namespace gf {

struct SnappedPoint
{
  PointXY original;
  PointXY projected;            //!< nearest point on the edge
  double accessDistanceM = 0.0; //!< straight distance original → projected
  NodeId nodeA = kInvalidNode;  //!< edge ends; the piece is A–B
  NodeId nodeB = kInvalidNode;
  double fractionFromA = 0.0;   //!< 0 at A, 1 at B
  EdgeId edgeAB = kInvalidEdge; //!< directed edge A→B if it exists
  EdgeId edgeBA = kInvalidEdge; //!< directed edge B→A if it exists
};

class EdgeSnapper
{
  public:
    explicit EdgeSnapper( const RoadGraph &graph );
    ~EdgeSnapper();
    EdgeSnapper( EdgeSnapper && ) noexcept;
    EdgeSnapper &operator=( EdgeSnapper && ) noexcept;

    //! Nearest edge within maxDistanceM, or nothing.
    std::optional<SnappedPoint> snap( const PointXY &point, double maxDistanceM ) const;

  private:
    struct Index;
    std::unique_ptr<Index> mIndex;
};

} // namespace gf
