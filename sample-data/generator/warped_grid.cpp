#include "warped_grid.h"

#include "sample_random.h"

namespace gf::sample {

namespace {
constexpr double kInteriorJitterM = 90.0;
constexpr double kOutlineJitterM = 220.0;
} // namespace

WarpedGrid::WarpedGrid( int cells, double cellSizeM, SampleRandom &random )
  : mCells( cells )
  , mCellSizeM( cellSizeM )
{
  mNodes.reserve( static_cast<std::size_t>( ( cells + 1 ) * ( cells + 1 ) ) );
  for ( int j = 0; j <= cells; ++j )
  {
    for ( int i = 0; i <= cells; ++i )
    {
      const bool westOrEast = i == 0 || i == cells;
      const bool southOrNorth = j == 0 || j == cells;
      // The outline moves more across its edge than along it, so it wiggles like a real boundary.
      const double jitterX = westOrEast ? kOutlineJitterM : kInteriorJitterM;
      const double jitterY = southOrNorth ? kOutlineJitterM : kInteriorJitterM;
      Point2 p;
      p.x = i * cellSizeM + random.uniform( -jitterX, jitterX );
      p.y = j * cellSizeM + random.uniform( -jitterY, jitterY );
      mNodes.push_back( p );
    }
  }
}

Point2 WarpedGrid::node( int i, int j ) const
{
  return mNodes[static_cast<std::size_t>( j * ( mCells + 1 ) + i )];
}

Point2 WarpedGrid::map( int i, int j, double u, double v ) const
{
  const Point2 p00 = node( i, j );
  const Point2 p10 = node( i + 1, j );
  const Point2 p01 = node( i, j + 1 );
  const Point2 p11 = node( i + 1, j + 1 );
  const double w00 = ( 1.0 - u ) * ( 1.0 - v );
  const double w10 = u * ( 1.0 - v );
  const double w01 = ( 1.0 - u ) * v;
  const double w11 = u * v;
  return Point2 { w00 * p00.x + w10 * p10.x + w01 * p01.x + w11 * p11.x,
                  w00 * p00.y + w10 * p10.y + w01 * p01.y + w11 * p11.y };
}

} // namespace gf::sample
