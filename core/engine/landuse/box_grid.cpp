#include "engine/landuse/box_grid.h"

#include <algorithm>
#include <cmath>

namespace gf {

BoxGrid::BoxGrid( std::vector<BoundingBox> boxes, double cellSizeM )
  : mBoxes( std::move( boxes ) )
{
  BoundingBox extent;
  for ( const BoundingBox &box : mBoxes )
  {
    if ( box.isEmpty() )
      continue;
    if ( extent.isEmpty() )
      extent = box;
    extent.minX = std::min( extent.minX, box.minX );
    extent.minY = std::min( extent.minY, box.minY );
    extent.maxX = std::max( extent.maxX, box.maxX );
    extent.maxY = std::max( extent.maxY, box.maxY );
  }
  if ( extent.isEmpty() )
    return;
  const double width = std::max( extent.maxX - extent.minX, 1.0 );
  const double height = std::max( extent.maxY - extent.minY, 1.0 );
  mCellSize = cellSizeM > 0.0 ? cellSizeM : std::sqrt( width * height / static_cast<double>( mBoxes.size() ) );
  mCellSize = std::max( mCellSize, std::sqrt( width * height / 4.0e6 ) );
  mOriginX = extent.minX;
  mOriginY = extent.minY;
  mColumns = static_cast<std::int64_t>( width / mCellSize ) + 1;
  mRows = static_cast<std::int64_t>( height / mCellSize ) + 1;

  // Two passes (count, fill) into CSR arrays; items enter each cell in index order.
  std::vector<std::uint32_t> next( static_cast<std::size_t>( mColumns * mRows ) + 1, 0 );
  for ( int pass = 0; pass < 2; ++pass )
  {
    for ( std::size_t i = 0; i < mBoxes.size(); ++i )
    {
      std::int64_t c0, c1, r0, r1;
      if ( mBoxes[i].isEmpty() || !cellRange( mBoxes[i], c0, c1, r0, r1 ) )
        continue;
      for ( std::int64_t r = r0; r <= r1; ++r )
      {
        for ( std::int64_t c = c0; c <= c1; ++c )
        {
          const std::size_t cell = cellIndex( c, r );
          if ( pass == 0 )
            ++next[cell + 1];
          else
            mCellItems[next[cell]++] = static_cast<std::uint32_t>( i );
        }
      }
    }
    if ( pass == 0 )
    {
      for ( std::size_t c = 1; c < next.size(); ++c )
        next[c] += next[c - 1];
      mCellStart = next;
      mCellItems.resize( mCellStart.back() );
    }
  }
}

bool BoxGrid::cellRange( const BoundingBox &box, std::int64_t &c0, std::int64_t &c1, std::int64_t &r0, std::int64_t &r1 ) const
{
  c0 = std::max<std::int64_t>( static_cast<std::int64_t>( std::floor( ( box.minX - mOriginX ) / mCellSize ) ), 0 );
  c1 = std::min<std::int64_t>( static_cast<std::int64_t>( std::floor( ( box.maxX - mOriginX ) / mCellSize ) ), mColumns - 1 );
  r0 = std::max<std::int64_t>( static_cast<std::int64_t>( std::floor( ( box.minY - mOriginY ) / mCellSize ) ), 0 );
  r1 = std::min<std::int64_t>( static_cast<std::int64_t>( std::floor( ( box.maxY - mOriginY ) / mCellSize ) ), mRows - 1 );
  return c0 <= c1 && r0 <= r1;
}

std::vector<std::uint32_t> BoxGrid::candidates( const PointXY &point, double radius ) const
{
  std::vector<std::uint32_t> found;
  if ( mCellStart.empty() )
    return found;
  const BoundingBox query{ point.x - radius, point.y - radius, point.x + radius, point.y + radius };
  std::int64_t c0, c1, r0, r1;
  if ( !cellRange( query, c0, c1, r0, r1 ) )
    return found;
  for ( std::int64_t r = r0; r <= r1; ++r )
  {
    for ( std::int64_t c = c0; c <= c1; ++c )
    {
      const std::size_t cell = cellIndex( c, r );
      for ( std::uint32_t k = mCellStart[cell]; k < mCellStart[cell + 1]; ++k )
      {
        const BoundingBox &box = mBoxes[mCellItems[k]];
        if ( query.maxX >= box.minX && query.minX <= box.maxX && query.maxY >= box.minY && query.minY <= box.maxY )
          found.push_back( mCellItems[k] );
      }
    }
  }
  std::sort( found.begin(), found.end() );
  found.erase( std::unique( found.begin(), found.end() ), found.end() );
  return found;
}

} // namespace gf
