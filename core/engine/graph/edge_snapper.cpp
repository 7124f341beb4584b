#include "engine/graph/edge_snapper.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace gf {

namespace {

//! Upper bound on grid cells per piece, so memory stays linear in the network size.
constexpr double kCellsPerPiece = 2.0;

struct Piece
{
  NodeId a = kInvalidNode;  //!< the lower node id
  NodeId b = kInvalidNode;
};

} // namespace

//! Undirected pieces bucketed in a uniform grid (CSR: cell → piece indices).
struct EdgeSnapper::Index
{
  const RoadGraph *graph = nullptr;
  std::vector<Piece> pieces;
  double minX = 0.0;
  double minY = 0.0;
  double cellSizeM = 1.0;
  std::int64_t cellsX = 1;
  std::int64_t cellsY = 1;
  std::vector<std::uint32_t> firstInCell;  // cellsX * cellsY + 1
  std::vector<std::uint32_t> cellPieces;

  std::int64_t cellX( double x ) const
  {
    return std::clamp<std::int64_t>( static_cast<std::int64_t>( std::floor( ( x - minX ) / cellSizeM ) ), 0, cellsX - 1 );
  }
  std::int64_t cellY( double y ) const
  {
    return std::clamp<std::int64_t>( static_cast<std::int64_t>( std::floor( ( y - minY ) / cellSizeM ) ), 0, cellsY - 1 );
  }

  template<typename Visit>
  void forEachCell( const Piece &piece, Visit visit ) const
  {
    const PointXY &pa = graph->nodePoint( piece.a );
    const PointXY &pb = graph->nodePoint( piece.b );
    const std::int64_t x0 = cellX( std::min( pa.x, pb.x ) ), x1 = cellX( std::max( pa.x, pb.x ) );
    const std::int64_t y0 = cellY( std::min( pa.y, pb.y ) ), y1 = cellY( std::max( pa.y, pb.y ) );
    for ( std::int64_t y = y0; y <= y1; ++y )
      for ( std::int64_t x = x0; x <= x1; ++x )
        visit( static_cast<std::size_t>( y * cellsX + x ) );
  }
};

EdgeSnapper::EdgeSnapper( const RoadGraph &graph )
  : mIndex( std::make_unique<Index>() )
{
  Index &index = *mIndex;
  index.graph = &graph;
  const std::vector<NodeId> &tails = graph.tail();
  const std::vector<NodeId> &heads = graph.head();
  for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
  {
    const NodeId t = tails[e], h = heads[e];
    // One entry per street: the forward edge, or a one-way edge stored against id order.
    if ( t < h || graph.findEdge( h, t ) == kInvalidEdge )
      index.pieces.push_back( Piece{ std::min( t, h ), std::max( t, h ) } );
  }
  if ( index.pieces.empty() )
  {
    index.firstInCell.assign( 2, 0 );
    return;
  }

  double maxX = std::numeric_limits<double>::lowest(), maxY = std::numeric_limits<double>::lowest();
  index.minX = index.minY = std::numeric_limits<double>::max();
  double totalLength = 0.0;
  for ( const Piece &piece : index.pieces )
  {
    for ( NodeId n : { piece.a, piece.b } )
    {
      const PointXY &p = graph.nodePoint( n );
      index.minX = std::min( index.minX, p.x );
      index.minY = std::min( index.minY, p.y );
      maxX = std::max( maxX, p.x );
      maxY = std::max( maxY, p.y );
    }
    const PointXY &pa = graph.nodePoint( piece.a ), &pb = graph.nodePoint( piece.b );
    totalLength += std::hypot( pb.x - pa.x, pb.y - pa.y );
  }
  // Cells about as large as a typical piece keep both the cells per piece and the pieces per
  // cell small; the area bound stops degenerate inputs from allocating huge grids.
  const double pieceCount = static_cast<double>( index.pieces.size() );
  const double width = maxX - index.minX, height = maxY - index.minY;
  const double areaCell = std::sqrt( std::max( width * height, 0.0 ) / ( kCellsPerPiece * pieceCount ) );
  index.cellSizeM = std::max( { totalLength / pieceCount, areaCell, 1e-6 } );
  index.cellsX = static_cast<std::int64_t>( width / index.cellSizeM ) + 1;
  index.cellsY = static_cast<std::int64_t>( height / index.cellSizeM ) + 1;

  const std::size_t cellCount = static_cast<std::size_t>( index.cellsX * index.cellsY );
  index.firstInCell.assign( cellCount + 1, 0 );
  for ( const Piece &piece : index.pieces )
    index.forEachCell( piece, [&index]( std::size_t cell ) { ++index.firstInCell[cell + 1]; } );
  for ( std::size_t c = 0; c < cellCount; ++c )
    index.firstInCell[c + 1] += index.firstInCell[c];
  index.cellPieces.resize( index.firstInCell.back() );
  std::vector<std::uint32_t> fill( index.firstInCell.begin(), index.firstInCell.end() - 1 );
  for ( std::uint32_t i = 0; i < index.pieces.size(); ++i )
    index.forEachCell( index.pieces[i], [&]( std::size_t cell ) { index.cellPieces[fill[cell]++] = i; } );
}

EdgeSnapper::~EdgeSnapper() = default;
EdgeSnapper::EdgeSnapper( EdgeSnapper && ) noexcept = default;
EdgeSnapper &EdgeSnapper::operator=( EdgeSnapper && ) noexcept = default;

std::optional<SnappedPoint> EdgeSnapper::snap( const PointXY &point, double maxDistanceM ) const
{
  const Index &index = *mIndex;
  if ( index.pieces.empty() || !std::isfinite( point.x ) || !std::isfinite( point.y ) )
    return std::nullopt;
  const RoadGraph &graph = *index.graph;

  std::uint32_t best = 0;
  double bestDistanceSq = std::numeric_limits<double>::infinity();
  double bestFraction = 0.0;
  auto test = [&]( std::uint32_t i )
  {
    const PointXY &a = graph.nodePoint( index.pieces[i].a );
    const PointXY &b = graph.nodePoint( index.pieces[i].b );
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double lengthSq = dx * dx + dy * dy;
    const double t = lengthSq > 0.0 ? std::clamp( ( ( point.x - a.x ) * dx + ( point.y - a.y ) * dy ) / lengthSq, 0.0, 1.0 ) : 0.0;
    const double px = a.x + t * dx - point.x, py = a.y + t * dy - point.y;
    const double distanceSq = px * px + py * py;
    // Lowest piece index on ties: the same point always snaps to the same piece.
    if ( distanceSq < bestDistanceSq || ( distanceSq == bestDistanceSq && i < best ) )
    {
      best = i;
      bestDistanceSq = distanceSq;
      bestFraction = t;
    }
  };

  // Rings of cells around the point's cell until no unvisited cell can hold anything nearer.
  const std::int64_t cx = index.cellX( point.x ), cy = index.cellY( point.y );
  for ( std::int64_t ring = 0;; ++ring )
  {
    const std::int64_t x0 = cx - ring, x1 = cx + ring, y0 = cy - ring, y1 = cy + ring;
    for ( std::int64_t y = std::max<std::int64_t>( y0, 0 ); y <= std::min( y1, index.cellsY - 1 ); ++y )
    {
      const bool edgeRow = y == y0 || y == y1;
      for ( std::int64_t x = std::max<std::int64_t>( x0, 0 ); x <= std::min( x1, index.cellsX - 1 ); ++x )
      {
        if ( !edgeRow && x != x0 && x != x1 )
          continue;
        const std::size_t cell = static_cast<std::size_t>( y * index.cellsX + x );
        for ( std::uint32_t k = index.firstInCell[cell]; k < index.firstInCell[cell + 1]; ++k )
          test( index.cellPieces[k] );
      }
    }
    // Distance from the point to the nearest unvisited cell that exists.
    double bound = std::numeric_limits<double>::infinity();
    const double left = index.minX + static_cast<double>( x0 ) * index.cellSizeM;
    const double right = index.minX + static_cast<double>( x1 + 1 ) * index.cellSizeM;
    const double bottom = index.minY + static_cast<double>( y0 ) * index.cellSizeM;
    const double top = index.minY + static_cast<double>( y1 + 1 ) * index.cellSizeM;
    if ( x0 > 0 )
      bound = std::min( bound, std::max( 0.0, point.x - left ) );
    if ( x1 < index.cellsX - 1 )
      bound = std::min( bound, std::max( 0.0, right - point.x ) );
    if ( y0 > 0 )
      bound = std::min( bound, std::max( 0.0, point.y - bottom ) );
    if ( y1 < index.cellsY - 1 )
      bound = std::min( bound, std::max( 0.0, top - point.y ) );
    if ( bound * bound > bestDistanceSq || bound > maxDistanceM )
      break;
  }

  const double distance = std::sqrt( bestDistanceSq );
  if ( !( distance <= maxDistanceM ) )
    return std::nullopt;

  const Piece &piece = index.pieces[best];
  const PointXY &a = graph.nodePoint( piece.a );
  const PointXY &b = graph.nodePoint( piece.b );
  SnappedPoint snapped;
  snapped.original = point;
  snapped.projected = PointXY{ a.x + bestFraction * ( b.x - a.x ), a.y + bestFraction * ( b.y - a.y ) };
  snapped.accessDistanceM = distance;
  snapped.nodeA = piece.a;
  snapped.nodeB = piece.b;
  snapped.fractionFromA = bestFraction;
  snapped.edgeAB = graph.findEdge( piece.a, piece.b );
  snapped.edgeBA = graph.findEdge( piece.b, piece.a );
  return snapped;
}

} // namespace gf
