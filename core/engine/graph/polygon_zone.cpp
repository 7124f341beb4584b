#include "engine/graph/polygon_zone.h"

#include <algorithm>
#include <limits>

namespace gf {

bool pointInPolygon( const PointXY &point, const Polygon &polygon )
{
  bool inside = false;
  for ( const std::vector<PointXY> &ring : polygon.rings )
  {
    const std::size_t n = ring.size();
    for ( std::size_t i = 0, j = n - 1; i < n; j = i++ )
    {
      const PointXY &a = ring[i], &b = ring[j];
      // Half-open in y so a vertex on the ray is counted once.
      if ( ( a.y > point.y ) != ( b.y > point.y ) )
      {
        const double xCross = a.x + ( point.y - a.y ) * ( b.x - a.x ) / ( b.y - a.y );
        if ( point.x < xCross )
          inside = !inside;
      }
    }
  }
  return inside;
}

BoundingBox boundingBox( const Polygon &polygon )
{
  BoundingBox box{ std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity() };
  for ( const std::vector<PointXY> &ring : polygon.rings )
  {
    for ( const PointXY &p : ring )
    {
      box.minX = std::min( box.minX, p.x );
      box.minY = std::min( box.minY, p.y );
      box.maxX = std::max( box.maxX, p.x );
      box.maxY = std::max( box.maxY, p.y );
    }
  }
  return box;
}

std::vector<char> edgesInsidePolygons( const RoadGraph &graph, const std::vector<Polygon> &polygons )
{
  std::vector<BoundingBox> boxes;
  for ( const Polygon &polygon : polygons )
    boxes.push_back( boundingBox( polygon ) );

  std::vector<char> inside( graph.edgeCount(), 0 );
  for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
  {
    const PointXY &a = graph.nodePoint( graph.tail()[e] );
    const PointXY &b = graph.nodePoint( graph.head()[e] );
    const PointXY mid{ ( a.x + b.x ) / 2, ( a.y + b.y ) / 2 };
    for ( std::size_t k = 0; k < polygons.size() && !inside[e]; ++k )
    {
      if ( boxes[k].contains( mid ) )
        inside[e] = pointInPolygon( mid, polygons[k] ) ? 1 : 0;
    }
  }
  return inside;
}

} // namespace gf
