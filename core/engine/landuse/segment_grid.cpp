#include "engine/landuse/segment_grid.h"

#include <algorithm>
#include <cmath>

namespace gf {

void SegmentGrid::add( const PointXY &a, const PointXY &b, std::uint32_t owner )
{
  mA.push_back( a );
  mB.push_back( b );
  mOwner.push_back( owner );
}

void SegmentGrid::build( double cellSizeM )
{
  std::vector<BoundingBox> boxes;
  boxes.reserve( mA.size() );
  for ( std::size_t i = 0; i < mA.size(); ++i )
    boxes.push_back( BoundingBox{ std::min( mA[i].x, mB[i].x ), std::min( mA[i].y, mB[i].y ), std::max( mA[i].x, mB[i].x ), std::max( mA[i].y, mB[i].y ) } );
  mGrid = BoxGrid( std::move( boxes ), cellSizeM );
}

SegmentHit SegmentGrid::nearest( const PointXY &point, double maxDistanceM, const std::function<bool( std::uint32_t )> &accept ) const
{
  SegmentHit best;
  best.distanceM = maxDistanceM;
  for ( std::uint32_t segment : mGrid.candidates( point, maxDistanceM ) )
  {
    if ( accept && !accept( mOwner[segment] ) )
      continue;
    const PointXY closest = closestPointOnSegment( point, mA[segment], mB[segment] );
    const double distance = std::hypot( point.x - closest.x, point.y - closest.y );
    if ( distance < best.distanceM || ( distance <= best.distanceM && best.owner == kNoIndex ) )
      best = SegmentHit{ mOwner[segment], segment, distance, closest };
  }
  return best;
}

std::vector<SegmentHit> SegmentGrid::within( const PointXY &point, double maxDistanceM ) const
{
  std::vector<SegmentHit> hits;
  for ( std::uint32_t segment : mGrid.candidates( point, maxDistanceM ) )
  {
    const PointXY closest = closestPointOnSegment( point, mA[segment], mB[segment] );
    const double distance = std::hypot( point.x - closest.x, point.y - closest.y );
    if ( distance <= maxDistanceM )
      hits.push_back( SegmentHit{ mOwner[segment], segment, distance, closest } );
  }
  return hits;
}

} // namespace gf
