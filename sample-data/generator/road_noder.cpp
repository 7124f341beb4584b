#include "road_noder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

namespace gf::sample {

namespace {

constexpr double kIndexCellM = 100.0;

using CellKey = std::pair<std::int64_t, std::int64_t>;
using PointKey = std::pair<double, double>;

struct Split
{
  std::size_t segment = 0;
  double t = 0.0;
  Point2 point;
};

struct SegmentRef
{
  std::size_t road = 0;
  std::size_t segment = 0;
};

bool samePoint( const Point2 &a, const Point2 &b )
{
  return a.x == b.x && a.y == b.y;
}

double distance( const Point2 &a, const Point2 &b )
{
  return std::hypot( a.x - b.x, a.y - b.y );
}

//! Twice the signed area of (a, b, p): > 0 when p is left of a→b.
double orientation( const Point2 &a, const Point2 &b, const Point2 &p )
{
  return ( b.x - a.x ) * ( p.y - a.y ) - ( b.y - a.y ) * ( p.x - a.x );
}

//! True when p lies within toleranceM of the interior of a→b (not of its ends); t is its parameter.
bool touchesInterior( const Point2 &p, const Point2 &a, const Point2 &b, double toleranceM, double &t )
{
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double length = std::hypot( dx, dy );
  if ( length <= 2.0 * toleranceM )
    return false;
  t = ( ( p.x - a.x ) * dx + ( p.y - a.y ) * dy ) / ( length * length );
  if ( t * length <= toleranceM || ( 1.0 - t ) * length <= toleranceM )
    return false;
  const Point2 foot { a.x + t * dx, a.y + t * dy };
  return distance( p, foot ) < toleranceM;
}

CellKey cellOf( const Point2 &p, double cellM )
{
  return { static_cast<std::int64_t>( std::floor( p.x / cellM ) ), static_cast<std::int64_t>( std::floor( p.y / cellM ) ) };
}

void removeRepeatedPoints( Polyline &points )
{
  points.erase( std::unique( points.begin(), points.end(), samePoint ), points.end() );
}

//! Moves every vertex within toleranceM of an earlier one onto it, in input order.
void mergeCloseVertices( std::vector<Road> &roads, double toleranceM )
{
  std::map<CellKey, std::vector<Point2>> representatives;
  for ( Road &road : roads )
  {
    for ( Point2 &p : road.points )
    {
      const CellKey cell = cellOf( p, toleranceM );
      bool merged = false;
      for ( std::int64_t dx = -1; dx <= 1 && !merged; ++dx )
      {
        for ( std::int64_t dy = -1; dy <= 1 && !merged; ++dy )
        {
          const auto it = representatives.find( { cell.first + dx, cell.second + dy } );
          if ( it == representatives.end() )
            continue;
          for ( const Point2 &candidate : it->second )
          {
            if ( distance( candidate, p ) < toleranceM )
            {
              p = candidate;
              merged = true;
              break;
            }
          }
        }
      }
      if ( !merged )
        representatives[cell].push_back( p );
    }
    removeRepeatedPoints( road.points );
  }
}

} // namespace

RoadNoder::RoadNoder( double toleranceM )
  : mToleranceM( toleranceM )
{
}

std::vector<Road> RoadNoder::node( const std::vector<Road> &roads ) const
{
  std::vector<Road> work = roads;
  mergeCloseVertices( work, mToleranceM );

  std::map<CellKey, std::vector<SegmentRef>> index;
  for ( std::size_t r = 0; r < work.size(); ++r )
  {
    for ( std::size_t s = 0; s + 1 < work[r].points.size(); ++s )
    {
      const Point2 &a = work[r].points[s];
      const Point2 &b = work[r].points[s + 1];
      const CellKey low = cellOf( { std::min( a.x, b.x ) - mToleranceM, std::min( a.y, b.y ) - mToleranceM }, kIndexCellM );
      const CellKey high = cellOf( { std::max( a.x, b.x ) + mToleranceM, std::max( a.y, b.y ) + mToleranceM }, kIndexCellM );
      for ( std::int64_t cx = low.first; cx <= high.first; ++cx )
        for ( std::int64_t cy = low.second; cy <= high.second; ++cy )
          index[{ cx, cy }].push_back( { r, s } );
    }
  }

  std::vector<std::vector<Split>> splits( work.size() );
  const auto lowCell = [&]( const SegmentRef &ref ) {
    const Point2 &a = work[ref.road].points[ref.segment];
    const Point2 &b = work[ref.road].points[ref.segment + 1];
    return cellOf( { std::min( a.x, b.x ) - mToleranceM, std::min( a.y, b.y ) - mToleranceM }, kIndexCellM );
  };

  for ( const auto &[cell, refs] : index )
  {
    for ( std::size_t m = 0; m < refs.size(); ++m )
    {
      for ( std::size_t n = m + 1; n < refs.size(); ++n )
      {
        const SegmentRef &first = refs[m];
        const SegmentRef &second = refs[n];
        // Handle each pair only in the first cell both share.
        const CellKey lowFirst = lowCell( first );
        const CellKey lowSecond = lowCell( second );
        if ( cell != CellKey { std::max( lowFirst.first, lowSecond.first ), std::max( lowFirst.second, lowSecond.second ) } )
          continue;
        if ( first.road == second.road && ( first.segment + 1 == second.segment || second.segment + 1 == first.segment ) )
          continue;

        const Point2 &a0 = work[first.road].points[first.segment];
        const Point2 &a1 = work[first.road].points[first.segment + 1];
        const Point2 &b0 = work[second.road].points[second.segment];
        const Point2 &b1 = work[second.road].points[second.segment + 1];

        bool touching = false;
        double t = 0.0;
        for ( const Point2 &p : { b0, b1 } )
        {
          if ( !samePoint( p, a0 ) && !samePoint( p, a1 ) && touchesInterior( p, a0, a1, mToleranceM, t ) )
          {
            splits[first.road].push_back( { first.segment, t, p } );
            touching = true;
          }
        }
        for ( const Point2 &p : { a0, a1 } )
        {
          if ( !samePoint( p, b0 ) && !samePoint( p, b1 ) && touchesInterior( p, b0, b1, mToleranceM, t ) )
          {
            splits[second.road].push_back( { second.segment, t, p } );
            touching = true;
          }
        }
        const bool sharesVertex = samePoint( a0, b0 ) || samePoint( a0, b1 ) || samePoint( a1, b0 ) || samePoint( a1, b1 );
        if ( touching || sharesVertex )
          continue;

        const double d1 = orientation( a0, a1, b0 );
        const double d2 = orientation( a0, a1, b1 );
        const double d3 = orientation( b0, b1, a0 );
        const double d4 = orientation( b0, b1, a1 );
        if ( ( d1 > 0.0 ) == ( d2 > 0.0 ) || ( d3 > 0.0 ) == ( d4 > 0.0 ) || d1 == 0.0 || d2 == 0.0 || d3 == 0.0 || d4 == 0.0 )
          continue;
        const double ta = d3 / ( d3 - d4 );
        const double tb = d1 / ( d1 - d2 );
        const Point2 crossing { a0.x + ta * ( a1.x - a0.x ), a0.y + ta * ( a1.y - a0.y ) };
        splits[first.road].push_back( { first.segment, ta, crossing } );
        splits[second.road].push_back( { second.segment, tb, crossing } );
      }
    }
  }

  for ( std::size_t r = 0; r < work.size(); ++r )
  {
    std::vector<Split> &roadSplits = splits[r];
    if ( roadSplits.empty() )
      continue;
    std::stable_sort( roadSplits.begin(), roadSplits.end(), []( const Split &a, const Split &b ) {
      return a.segment != b.segment ? a.segment < b.segment : a.t < b.t;
    } );
    const Polyline &old = work[r].points;
    Polyline rebuilt;
    std::size_t next = 0;
    for ( std::size_t s = 0; s < old.size(); ++s )
    {
      rebuilt.push_back( old[s] );
      for ( ; next < roadSplits.size() && roadSplits[next].segment == s; ++next )
        rebuilt.push_back( roadSplits[next].point );
    }
    removeRepeatedPoints( rebuilt );
    work[r].points = std::move( rebuilt );
  }

  std::map<PointKey, int> uses;
  for ( const Road &road : work )
    for ( const Point2 &p : road.points )
      ++uses[{ p.x, p.y }];

  std::vector<Road> segments;
  for ( const Road &road : work )
  {
    if ( road.points.size() < 2 )
      continue;
    Road piece;
    piece.attributes = road.attributes;
    for ( std::size_t k = 0; k < road.points.size(); ++k )
    {
      const Point2 &p = road.points[k];
      piece.points.push_back( p );
      const bool isNode = k > 0 && k + 1 < road.points.size() && uses[{ p.x, p.y }] > 1;
      if ( isNode || k + 1 == road.points.size() )
      {
        segments.push_back( piece );
        piece.points.assign( 1, p );
      }
    }
  }
  return segments;
}

} // namespace gf::sample
