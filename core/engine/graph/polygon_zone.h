#pragma once
// Polygons in the engine's metric CRS and which edges lie inside them, so that zones drawn
// by the user (truck restricted zones, districts) can act on the graph without GIS libraries.
#include "engine/graph/road_graph.h"

#include <vector>

namespace gf {

//! A polygon: the first ring is the outline, further rings are holes. Rings need not be closed.
struct Polygon
{
  std::vector<std::vector<PointXY>> rings;
};

struct BoundingBox
{
  double minX = 0.0, minY = 0.0, maxX = -1.0, maxY = -1.0;  //!< empty when maxX < minX
  bool isEmpty() const { return maxX < minX; }
  bool contains( const PointXY &point ) const { return point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY; }
};

BoundingBox boundingBox( const Polygon &polygon );

//! Even-odd point-in-polygon over all rings; points exactly on a ring count as inside only
//! when the crossing rule says so (boundaries are measure zero for edge midpoints).
bool pointInPolygon( const PointXY &point, const Polygon &polygon );

//! One flag per directed edge: whether its midpoint lies inside any of the polygons.
std::vector<char> edgesInsidePolygons( const RoadGraph &graph, const std::vector<Polygon> &polygons );

} // namespace gf
