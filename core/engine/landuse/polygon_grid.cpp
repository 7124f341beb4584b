#include "engine/landuse/polygon_grid.h"

#include <algorithm>

namespace gf {

namespace {

std::vector<BoundingBox> boxesOf( const std::vector<const Polygon *> &polygons )
{
  std::vector<BoundingBox> boxes;
  boxes.reserve( polygons.size() );
  for ( const Polygon *polygon : polygons )
    boxes.push_back( boundingBox( *polygon ) );
  return boxes;
}

} // namespace

PolygonGrid::PolygonGrid( std::vector<const Polygon *> polygons, double cellSizeM )
  : mPolygons( std::move( polygons ) )
  , mGrid( boxesOf( mPolygons ), cellSizeM )
{
}

std::vector<std::uint32_t> PolygonGrid::containing( const PointXY &point ) const
{
  std::vector<std::uint32_t> inside;
  for ( std::uint32_t index : mGrid.candidates( point, 0.0 ) )
  {
    if ( pointInPolygon( point, *mPolygons[index] ) )
      inside.push_back( index );
  }
  return inside;
}

std::vector<PolygonHit> PolygonGrid::near( const PointXY &point, double maxDistanceM ) const
{
  std::vector<PolygonHit> hits;
  for ( std::uint32_t index : mGrid.candidates( point, std::max( maxDistanceM, 0.0 ) ) )
  {
    PolygonHit hit;
    hit.index = index;
    hit.inside = pointInPolygon( point, *mPolygons[index] );
    hit.boundaryDistanceM = distanceToBoundary( point, *mPolygons[index] );
    if ( hit.inside || hit.boundaryDistanceM <= maxDistanceM )
      hits.push_back( hit );
  }
  return hits;
}

} // namespace gf
