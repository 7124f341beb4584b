#include "engine/landuse/polygon_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

namespace gf {

PointXY closestPointOnSegment( const PointXY &point, const PointXY &a, const PointXY &b )
{
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double lengthSquared = dx * dx + dy * dy;
  if ( lengthSquared <= 0.0 )
    return a;
  const double t = std::clamp( ( ( point.x - a.x ) * dx + ( point.y - a.y ) * dy ) / lengthSquared, 0.0, 1.0 );
  return PointXY{ a.x + t * dx, a.y + t * dy };
}

double distanceToSegment( const PointXY &point, const PointXY &a, const PointXY &b )
{
  const PointXY closest = closestPointOnSegment( point, a, b );
  return std::hypot( point.x - closest.x, point.y - closest.y );
}

double distanceToBoundary( const PointXY &point, const Polygon &polygon )
{
  double best = std::numeric_limits<double>::infinity();
  for ( const std::vector<PointXY> &ring : polygon.rings )
  {
    const std::size_t n = ring.size();
    for ( std::size_t i = 0, j = n - 1; i < n; j = i++ )
      best = std::min( best, distanceToSegment( point, ring[j], ring[i] ) );
  }
  return best;
}

double polygonArea( const Polygon &polygon )
{
  double area = 0.0;
  for ( std::size_t r = 0; r < polygon.rings.size(); ++r )
  {
    const std::vector<PointXY> &ring = polygon.rings[r];
    double twice = 0.0;
    const std::size_t n = ring.size();
    for ( std::size_t i = 0, j = n - 1; i < n; j = i++ )
      twice += ( ring[j].x - ring[0].x ) * ( ring[i].y - ring[0].y ) - ( ring[i].x - ring[0].x ) * ( ring[j].y - ring[0].y );
    area += ( r == 0 ? 1.0 : -1.0 ) * std::abs( twice ) / 2.0;
  }
  return std::max( 0.0, area );
}

namespace {

//! A square cell of the search: centre, half size, signed distance of the centre to the
//! boundary (negative outside) and the best distance any point of the cell could reach.
struct Cell
{
  PointXY centre;
  double half = 0.0;
  double distance = 0.0;
  double potential = 0.0;
  std::uint64_t order = 0;
};

struct CellLess
{
  bool operator()( const Cell &a, const Cell &b ) const
  {
    if ( a.potential != b.potential )
      return a.potential < b.potential;
    return a.order > b.order;  // earlier cells first among equals
  }
};

double signedDistance( const PointXY &point, const Polygon &polygon )
{
  const double distance = distanceToBoundary( point, polygon );
  return pointInPolygon( point, polygon ) ? distance : -distance;
}

} // namespace

bool representativePoint( const Polygon &polygon, double precisionM, PointXY &point )
{
  const BoundingBox box = boundingBox( polygon );
  if ( box.isEmpty() || polygonArea( polygon ) <= 0.0 )
    return false;
  const double width = box.maxX - box.minX, height = box.maxY - box.minY;
  const double cellSize = std::min( width, height );
  if ( !( cellSize > 0.0 ) )
    return false;
  precisionM = std::max( precisionM, cellSize * 1e-6 );

  std::uint64_t order = 0;
  auto makeCell = [&]( double x, double y, double half ) {
    Cell cell;
    cell.centre = PointXY{ x, y };
    cell.half = half;
    cell.distance = signedDistance( cell.centre, polygon );
    cell.potential = cell.distance + half * std::sqrt( 2.0 );
    cell.order = order++;
    return cell;
  };

  std::priority_queue<Cell, std::vector<Cell>, CellLess> queue;
  const double half = cellSize / 2.0;
  for ( double x = box.minX; x < box.maxX; x += cellSize )
  {
    for ( double y = box.minY; y < box.maxY; y += cellSize )
      queue.push( makeCell( x + half, y + half, half ) );
  }

  // Start from the centroid of the outline's vertices and the box centre, whichever is deeper.
  Cell best = makeCell( ( box.minX + box.maxX ) / 2.0, ( box.minY + box.maxY ) / 2.0, 0.0 );
  if ( !polygon.rings.front().empty() )
  {
    double sx = 0.0, sy = 0.0;
    for ( const PointXY &p : polygon.rings.front() )
    {
      sx += p.x;
      sy += p.y;
    }
    const double count = static_cast<double>( polygon.rings.front().size() );
    const Cell centroid = makeCell( sx / count, sy / count, 0.0 );
    if ( centroid.distance > best.distance )
      best = centroid;
  }

  while ( !queue.empty() )
  {
    const Cell cell = queue.top();
    queue.pop();
    if ( cell.distance > best.distance )
      best = cell;
    if ( cell.potential - best.distance <= precisionM )
      continue;
    const double quarter = cell.half / 2.0;
    queue.push( makeCell( cell.centre.x - quarter, cell.centre.y - quarter, quarter ) );
    queue.push( makeCell( cell.centre.x + quarter, cell.centre.y - quarter, quarter ) );
    queue.push( makeCell( cell.centre.x - quarter, cell.centre.y + quarter, quarter ) );
    queue.push( makeCell( cell.centre.x + quarter, cell.centre.y + quarter, quarter ) );
  }
  if ( !( best.distance > 0.0 ) )
    return false;
  point = best.centre;
  return true;
}

} // namespace gf
