#pragma once
// Shared by the graph and OD tests: seeded random road networks and a brute-force
// all-pairs reference (Floyd–Warshall on the CSR arrays, independent of Dijkstra).
#include "engine/graph/road_graph_builder.h"
#include "engine/solvers/random_source.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace gf::testing {

using CostTable = std::vector<std::vector<std::int64_t>>;
inline constexpr std::int64_t kNoPath = std::int64_t( 1 ) << 60;

//! A jittered grid of crossings joined by streets (some bent, some one-way, some missing).
inline std::vector<RoadSegmentInput> randomRoadSegments( RandomSource &rng, int gridSize, double spacingM,
                                                         double oneWayShare )
{
  std::vector<PointXY> crossings;
  for ( int y = 0; y < gridSize; ++y )
  {
    for ( int x = 0; x < gridSize; ++x )
    {
      crossings.push_back( PointXY{ x * spacingM + ( rng.unit() - 0.5 ) * 0.3 * spacingM,
                                    y * spacingM + ( rng.unit() - 0.5 ) * 0.3 * spacingM } );
    }
  }
  std::vector<RoadSegmentInput> segments;
  auto street = [&]( int from, int to )
  {
    if ( rng.unit() < 0.15 )
      return;
    RoadSegmentInput segment;
    const PointXY a = crossings[static_cast<std::size_t>( from )];
    const PointXY b = crossings[static_cast<std::size_t>( to )];
    segment.points.push_back( a );
    if ( rng.unit() < 0.4 )
    {
      segment.points.push_back( PointXY{ ( a.x + b.x ) / 2 + ( rng.unit() - 0.5 ) * 0.2 * spacingM,
                                         ( a.y + b.y ) / 2 + ( rng.unit() - 0.5 ) * 0.2 * spacingM } );
    }
    segment.points.push_back( b );
    segment.roadClass = static_cast<RoadClass>( rng.below( kRoadClassCount ) );
    const double u = rng.unit();
    segment.oneWay = u < oneWayShare / 2 ? OneWay::Forward : ( u < oneWayShare ? OneWay::Backward : OneWay::Both );
    segments.push_back( segment );
  };
  for ( int y = 0; y < gridSize; ++y )
  {
    for ( int x = 0; x < gridSize; ++x )
    {
      const int i = y * gridSize + x;
      if ( x + 1 < gridSize )
        street( i, i + 1 );
      if ( y + 1 < gridSize )
        street( i, i + gridSize );
    }
  }
  return segments;
}

//! Shortest costs between all node pairs; kNoPath where none exists. Forbidden edges
//! (weight kUnreachable) are skipped; parallel edges keep the cheapest.
inline CostTable allPairsCosts( const RoadGraph &graph, const EdgeWeights &weights )
{
  const std::size_t n = graph.nodeCount();
  CostTable d( n, std::vector<std::int64_t>( n, kNoPath ) );
  for ( std::size_t i = 0; i < n; ++i )
    d[i][i] = 0;
  for ( std::size_t e = 0; e < graph.edgeCount(); ++e )
  {
    if ( weights[e] >= kUnreachable )
      continue;
    std::int64_t &entry = d[graph.tail()[e]][graph.head()[e]];
    entry = std::min<std::int64_t>( entry, weights[e] );
  }
  for ( std::size_t k = 0; k < n; ++k )
    for ( std::size_t i = 0; i < n; ++i )
      for ( std::size_t j = 0; j < n; ++j )
        d[i][j] = std::min( d[i][j], d[i][k] + d[k][j] );
  return d;
}

//! A random point near the network's extent.
inline PointXY randomPointNear( RandomSource &rng, const RoadGraph &graph, double marginM )
{
  double minX = graph.nodePoint( 0 ).x, maxX = minX, minY = graph.nodePoint( 0 ).y, maxY = minY;
  for ( const PointXY &p : graph.nodePoints() )
  {
    minX = std::min( minX, p.x );
    maxX = std::max( maxX, p.x );
    minY = std::min( minY, p.y );
    maxY = std::max( maxY, p.y );
  }
  return PointXY{ minX - marginM + rng.unit() * ( maxX - minX + 2 * marginM ),
                  minY - marginM + rng.unit() * ( maxY - minY + 2 * marginM ) };
}

} // namespace gf::testing
