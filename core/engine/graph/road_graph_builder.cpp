#include "engine/graph/road_graph_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace gf {

namespace {

//! Segments processed between two cancellation polls.
constexpr std::size_t kPollInterval = 4096;

//! Below this share of all nodes the largest component cannot be the intended network.
constexpr double kMinLargestComponentShare = 0.02;

struct DirectedPiece
{
  NodeId tail = kInvalidNode;
  NodeId head = kInvalidNode;
  double lengthM = 0.0;
  EdgeAttributes attributes;
};

std::uint64_t pairKey( NodeId a, NodeId b )
{
  return ( static_cast<std::uint64_t>( a ) << 32 ) | b;
}

double distanceM( const PointXY &a, const PointXY &b )
{
  return std::hypot( b.x - a.x, b.y - a.y );
}

bool isFinitePoint( const PointXY &p )
{
  return std::isfinite( p.x ) && std::isfinite( p.y );
}

//! Accepts directed pieces, keeping the first of each tail→head pair.
class PieceCollector
{
  public:
    //! Adds the directions; returns how many were new.
    int add( const DirectedPiece &piece, bool forward, bool backward )
    {
      int added = 0;
      if ( forward && mSeen.insert( pairKey( piece.tail, piece.head ) ).second )
      {
        mPieces.push_back( piece );
        ++added;
      }
      if ( backward && mSeen.insert( pairKey( piece.head, piece.tail ) ).second )
      {
        DirectedPiece reversed = piece;
        std::swap( reversed.tail, reversed.head );
        mPieces.push_back( reversed );
        ++added;
      }
      return added;
    }

    bool contains( NodeId tail, NodeId head ) const { return mSeen.count( pairKey( tail, head ) ) > 0; }
    const std::vector<DirectedPiece> &pieces() const { return mPieces; }

  private:
    std::vector<DirectedPiece> mPieces;
    std::unordered_set<std::uint64_t> mSeen;
};

//! Merges points closer than the tolerance into nodes. Node ids follow first appearance, and
//! a point joins the nearest existing node (lowest id on ties), so ids never depend on the
//! hash table's iteration order.
class VertexNoder
{
  public:
    explicit VertexNoder( double toleranceM )
      : mToleranceM( std::max( toleranceM, 0.0 ) )
      , mCellSizeM( toleranceM > 0.0 ? toleranceM : 1.0 )
    {
    }

    NodeId node( const PointXY &p, std::size_t &mergedVertices )
    {
      const std::int64_t cx = static_cast<std::int64_t>( std::floor( p.x / mCellSizeM ) );
      const std::int64_t cy = static_cast<std::int64_t>( std::floor( p.y / mCellSizeM ) );
      const int reach = mToleranceM > 0.0 ? 1 : 0;
      NodeId best = kInvalidNode;
      double bestDistance = 0.0;
      for ( std::int64_t dx = -reach; dx <= reach; ++dx )
      {
        for ( std::int64_t dy = -reach; dy <= reach; ++dy )
        {
          const auto cell = mCells.find( cellKey( cx + dx, cy + dy ) );
          if ( cell == mCells.end() )
            continue;
          for ( NodeId candidate : cell->second )
          {
            const double d = distanceM( p, mPoints[candidate] );
            if ( d > mToleranceM )
              continue;
            if ( best == kInvalidNode || d < bestDistance || ( d == bestDistance && candidate < best ) )
            {
              best = candidate;
              bestDistance = d;
            }
          }
        }
      }
      if ( best != kInvalidNode )
      {
        // Identical vertices are ordinary shared vertices; only a real snap counts as a merge.
        if ( bestDistance > 0.0 )
          ++mergedVertices;
        return best;
      }
      const NodeId id = static_cast<NodeId>( mPoints.size() );
      mPoints.push_back( p );
      mCells[cellKey( cx, cy )].push_back( id );
      return id;
    }

    const std::vector<PointXY> &points() const { return mPoints; }
    std::vector<PointXY> takePoints() { return std::move( mPoints ); }

  private:
    static std::uint64_t cellKey( std::int64_t cx, std::int64_t cy )
    {
      return ( static_cast<std::uint64_t>( cx ) << 32 ) ^ static_cast<std::uint32_t>( cy );
    }

    double mToleranceM;
    double mCellSizeM;
    std::vector<PointXY> mPoints;
    std::unordered_map<std::uint64_t, std::vector<NodeId>> mCells;
};

class UnionFind
{
  public:
    explicit UnionFind( std::size_t n ) : mParent( n ) { std::iota( mParent.begin(), mParent.end(), NodeId( 0 ) ); }

    NodeId find( NodeId x )
    {
      while ( mParent[x] != x )
      {
        mParent[x] = mParent[mParent[x]];
        x = mParent[x];
      }
      return x;
    }

    void unite( NodeId a, NodeId b )
    {
      a = find( a );
      b = find( b );
      // The lower id becomes the root, so roots are the components' first nodes.
      if ( a < b )
        mParent[b] = a;
      else if ( b < a )
        mParent[a] = b;
    }

  private:
    std::vector<NodeId> mParent;
};

bool isValidSegment( const RoadSegmentInput &segment )
{
  if ( segment.points.size() < 2 )
    return false;
  if ( !std::all_of( segment.points.begin(), segment.points.end(), isFinitePoint ) )
    return false;
  return std::any_of( segment.points.begin() + 1, segment.points.end(),
                      [&segment]( const PointXY &p ) { return p != segment.points.front(); } );
}

//! Where two segments cross in the interior of both: pieces are straight parts of a segment,
//! numbered in segment order.
struct Crossing
{
  std::uint32_t pieceA = 0;  //!< the lower piece number
  std::uint32_t pieceB = 0;
  double alongA = 0.0;       //!< fraction along piece A
  double alongB = 0.0;
  PointXY point;
};

//! Finds interior crossings between the segments' pieces. Pieces are bucketed in a uniform
//! grid and only pieces sharing a cell are compared; a pair is taken only in the cell that
//! holds its crossing point, so each crossing is found once.
class CrossingFinder
{
  public:
    explicit CrossingFinder( const std::vector<RoadSegmentInput> &segments )
    {
      for ( std::uint32_t s = 0; s < segments.size(); ++s )
      {
        if ( !isValidSegment( segments[s] ) )
          continue;
        const std::vector<PointXY> &points = segments[s].points;
        for ( std::uint32_t i = 0; i + 1 < points.size(); ++i )
        {
          if ( points[i] != points[i + 1] )
            mPieces.push_back( Piece{ s, i, points[i], points[i + 1] } );
        }
      }
    }

    //! Crossings sorted by piece pair; false when canceled.
    bool find( ProgressSink &progress, std::vector<Crossing> &crossings )
    {
      if ( mPieces.empty() )
        return true;
      buildGrid();
      for ( std::size_t c = 0; c < mCells.size(); ++c )
      {
        if ( c % kPollInterval == 0 && progress.isCanceled() )
          return false;
        const Cell &cell = mCells[c];
        for ( std::size_t i = 0; i < cell.pieces.size(); ++i )
        {
          for ( std::size_t j = i + 1; j < cell.pieces.size(); ++j )
          {
            const std::uint32_t a = std::min( cell.pieces[i], cell.pieces[j] );
            const std::uint32_t b = std::max( cell.pieces[i], cell.pieces[j] );
            Crossing crossing;
            if ( intersect( a, b, crossing ) && cellOf( crossing.point, a, b ) == std::make_pair( cell.x, cell.y ) )
              crossings.push_back( crossing );
          }
        }
      }
      std::sort( crossings.begin(), crossings.end(), []( const Crossing &l, const Crossing &r )
      {
        return l.pieceA != r.pieceA ? l.pieceA < r.pieceA : l.pieceB < r.pieceB;
      } );
      return true;
    }

    std::uint32_t segmentOf( std::uint32_t piece ) const { return mPieces[piece].segment; }
    std::uint32_t indexInSegment( std::uint32_t piece ) const { return mPieces[piece].index; }

  private:
    struct Piece
    {
      std::uint32_t segment;
      std::uint32_t index;  //!< the piece runs from points[index] to points[index + 1]
      PointXY a;
      PointXY b;
    };
    struct Cell
    {
      std::int64_t x;
      std::int64_t y;
      std::vector<std::uint32_t> pieces;
    };
    using CellRange = std::pair<std::int64_t, std::int64_t>;

    std::int64_t column( double x ) const { return static_cast<std::int64_t>( std::floor( ( x - mMinX ) / mCellSizeM ) ); }
    std::int64_t row( double y ) const { return static_cast<std::int64_t>( std::floor( ( y - mMinY ) / mCellSizeM ) ); }
    CellRange columns( const Piece &p ) const { return { column( std::min( p.a.x, p.b.x ) ), column( std::max( p.a.x, p.b.x ) ) }; }
    CellRange rows( const Piece &p ) const { return { row( std::min( p.a.y, p.b.y ) ), row( std::max( p.a.y, p.b.y ) ) }; }

    //! Cells about as large as a typical piece, so that a piece lies in a few cells.
    void buildGrid()
    {
      mMinX = mMinY = std::numeric_limits<double>::max();
      double extentSum = 0.0;
      for ( const Piece &p : mPieces )
      {
        mMinX = std::min( { mMinX, p.a.x, p.b.x } );
        mMinY = std::min( { mMinY, p.a.y, p.b.y } );
        extentSum += std::max( std::abs( p.b.x - p.a.x ), std::abs( p.b.y - p.a.y ) );
      }
      mCellSizeM = std::max( extentSum / static_cast<double>( mPieces.size() ), 1e-6 );
      std::unordered_map<std::uint64_t, std::size_t> cellIndex;
      for ( std::uint32_t i = 0; i < mPieces.size(); ++i )
      {
        const CellRange xs = columns( mPieces[i] ), ys = rows( mPieces[i] );
        for ( std::int64_t y = ys.first; y <= ys.second; ++y )
        {
          for ( std::int64_t x = xs.first; x <= xs.second; ++x )
          {
            const std::uint64_t key = ( static_cast<std::uint64_t>( x ) << 32 ) ^ static_cast<std::uint32_t>( y );
            const auto inserted = cellIndex.emplace( key, mCells.size() );
            if ( inserted.second )
              mCells.push_back( Cell{ x, y, {} } );
            mCells[inserted.first->second].pieces.push_back( i );
          }
        }
      }
    }

    //! Proper crossing strictly inside both pieces; pieces of one segment never cross here.
    bool intersect( std::uint32_t a, std::uint32_t b, Crossing &crossing ) const
    {
      const Piece &p = mPieces[a], &q = mPieces[b];
      if ( p.segment == q.segment )
        return false;
      const double rx = p.b.x - p.a.x, ry = p.b.y - p.a.y;
      const double sx = q.b.x - q.a.x, sy = q.b.y - q.a.y;
      const double denominator = rx * sy - ry * sx;
      if ( denominator == 0.0 )
        return false;  // parallel or collinear: an overlap is no crossing
      const double qx = q.a.x - p.a.x, qy = q.a.y - p.a.y;
      const double t = ( qx * sy - qy * sx ) / denominator;
      const double u = ( qx * ry - qy * rx ) / denominator;
      if ( !( t > 0.0 && t < 1.0 && u > 0.0 && u < 1.0 ) )
        return false;
      crossing = Crossing{ a, b, t, u, PointXY{ p.a.x + t * rx, p.a.y + t * ry } };
      return true;
    }

    //! The cell of a crossing point, kept inside the cells both pieces were filed in.
    std::pair<std::int64_t, std::int64_t> cellOf( const PointXY &point, std::uint32_t a, std::uint32_t b ) const
    {
      const CellRange xa = columns( mPieces[a] ), xb = columns( mPieces[b] );
      const CellRange ya = rows( mPieces[a] ), yb = rows( mPieces[b] );
      return { std::clamp( column( point.x ), std::max( xa.first, xb.first ), std::min( xa.second, xb.second ) ),
               std::clamp( row( point.y ), std::max( ya.first, yb.first ), std::min( ya.second, yb.second ) ) };
    }

    std::vector<Piece> mPieces;
    std::vector<Cell> mCells;
    double mMinX = 0.0;
    double mMinY = 0.0;
    double mCellSizeM = 1.0;
};

//! Segment points with the at-grade crossings inserted; an empty list for a segment without
//! any. Crossings involving a bridge or tunnel are only counted. False when canceled.
bool insertCrossings( const std::vector<RoadSegmentInput> &segments, std::vector<std::vector<PointXY>> &nodedPoints,
                      NetworkReport &report, ProgressSink &progress )
{
  CrossingFinder finder( segments );
  std::vector<Crossing> crossings;
  if ( !finder.find( progress, crossings ) )
    return false;

  struct Split
  {
    std::uint32_t index;
    double along;
    PointXY point;
  };
  std::vector<std::vector<Split>> splits( segments.size() );
  for ( const Crossing &crossing : crossings )
  {
    const std::uint32_t sa = finder.segmentOf( crossing.pieceA ), sb = finder.segmentOf( crossing.pieceB );
    if ( segments[sa].gradeLevel != 0 || segments[sb].gradeLevel != 0 )
    {
      ++report.crossingsSeparated;
      continue;
    }
    ++report.crossingsNoded;
    splits[sa].push_back( Split{ finder.indexInSegment( crossing.pieceA ), crossing.alongA, crossing.point } );
    splits[sb].push_back( Split{ finder.indexInSegment( crossing.pieceB ), crossing.alongB, crossing.point } );
  }

  nodedPoints.assign( segments.size(), {} );
  for ( std::size_t s = 0; s < segments.size(); ++s )
  {
    std::vector<Split> &cuts = splits[s];
    if ( cuts.empty() )
      continue;
    std::sort( cuts.begin(), cuts.end(), []( const Split &l, const Split &r )
    {
      return l.index != r.index ? l.index < r.index : l.along < r.along;
    } );
    const std::vector<PointXY> &points = segments[s].points;
    std::vector<PointXY> &noded = nodedPoints[s];
    std::size_t next = 0;
    for ( std::uint32_t i = 0; i < points.size(); ++i )
    {
      noded.push_back( points[i] );
      for ( ; next < cuts.size() && cuts[next].index == i; ++next )
      {
        if ( noded.back() != cuts[next].point )
          noded.push_back( cuts[next].point );
      }
    }
  }
  return true;
}

//! Position of a cell on a Hilbert curve over a 2^16 × 2^16 grid.
std::uint64_t hilbertIndex( std::uint32_t x, std::uint32_t y )
{
  constexpr std::uint32_t kSide = 1u << 16;
  std::uint64_t d = 0;
  for ( std::uint32_t s = kSide / 2; s > 0; s /= 2 )
  {
    const std::uint32_t rx = ( x & s ) > 0 ? 1 : 0;
    const std::uint32_t ry = ( y & s ) > 0 ? 1 : 0;
    d += static_cast<std::uint64_t>( s ) * s * ( ( 3 * rx ) ^ ry );
    if ( ry == 0 )
    {
      if ( rx == 1 )
      {
        x = kSide - 1 - x;
        y = kSide - 1 - y;
      }
      std::swap( x, y );
    }
  }
  return d;
}

//! The nodes sorted along a Hilbert curve through their bounding box (ties by id).
void sortByHilbertCurve( std::vector<NodeId> &nodes, const std::vector<PointXY> &points )
{
  if ( nodes.empty() )
    return;
  double minX = points[nodes[0]].x, maxX = minX, minY = points[nodes[0]].y, maxY = minY;
  for ( NodeId n : nodes )
  {
    minX = std::min( minX, points[n].x );
    maxX = std::max( maxX, points[n].x );
    minY = std::min( minY, points[n].y );
    maxY = std::max( maxY, points[n].y );
  }
  const double scale = 65535.0 / std::max( { maxX - minX, maxY - minY, 1e-9 } );
  std::vector<std::pair<std::uint64_t, NodeId>> keyed;
  keyed.reserve( nodes.size() );
  for ( NodeId n : nodes )
  {
    const auto x = static_cast<std::uint32_t>( ( points[n].x - minX ) * scale );
    const auto y = static_cast<std::uint32_t>( ( points[n].y - minY ) * scale );
    keyed.emplace_back( hilbertIndex( x, y ), n );
  }
  std::sort( keyed.begin(), keyed.end() );
  for ( std::size_t i = 0; i < nodes.size(); ++i )
    nodes[i] = keyed[i].second;
}

//! True when the coordinates look like degrees: all inside the lon/lat range and the whole
//! network less than one unit across, which no metric road layer is.
bool looksLikeDegrees( const std::vector<RoadSegmentInput> &segments )
{
  double minX = 0.0, maxX = 0.0, minY = 0.0, maxY = 0.0;
  bool any = false;
  for ( const RoadSegmentInput &segment : segments )
  {
    if ( !isValidSegment( segment ) )
      continue;
    for ( const PointXY &p : segment.points )
    {
      if ( std::abs( p.x ) > 180.0 || std::abs( p.y ) > 90.0 )
        return false;
      minX = any ? std::min( minX, p.x ) : p.x;
      maxX = any ? std::max( maxX, p.x ) : p.x;
      minY = any ? std::min( minY, p.y ) : p.y;
      maxY = any ? std::max( maxY, p.y ) : p.y;
      any = true;
    }
  }
  return any && maxX - minX < 1.0 && maxY - minY < 1.0;
}

} // namespace

struct RoadGraphBuilder::Parts
{
  std::vector<PointXY> nodePoints;
  PieceCollector collector;
};

Result<BuiltRoadGraph> RoadGraphBuilder::finish( Parts &parts, const RoadGraphBuildOptions &options,
                                                 NetworkReport report, ProgressSink &progress )
{
  const std::vector<PointXY> &nodePoints = parts.nodePoints;
  const std::vector<DirectedPiece> &pieces = parts.collector.pieces();
  const PieceCollector &collector = parts.collector;
  if ( pieces.empty() )
    return makeError( ErrorCode::EmptyNetwork );

  const std::size_t nodeCount = nodePoints.size();
  UnionFind components( nodeCount );
  std::vector<char> used( nodeCount, 0 );
  for ( const DirectedPiece &piece : pieces )
  {
    components.unite( piece.tail, piece.head );
    used[piece.tail] = used[piece.head] = 1;
  }

  // Each street once: a directed piece stands for its street unless its reverse exists and
  // has the lower tail.
  auto countsStreet = [&collector]( const DirectedPiece &piece )
  {
    return piece.tail < piece.head || !collector.contains( piece.head, piece.tail );
  };

  std::unordered_map<NodeId, std::size_t> componentOfRoot;
  std::vector<ComponentInfo> infos;
  std::vector<NodeId> roots;
  for ( NodeId n = 0; n < nodeCount; ++n )
  {
    if ( !used[n] )
      continue;
    const NodeId root = components.find( n );
    auto it = componentOfRoot.find( root );
    if ( it == componentOfRoot.end() )
    {
      it = componentOfRoot.emplace( root, infos.size() ).first;
      ComponentInfo info;
      info.location = nodePoints[root];
      infos.push_back( info );
      roots.push_back( root );
    }
    ++infos[it->second].nodeCount;
  }
  std::unordered_set<std::uint32_t> sources;
  for ( const DirectedPiece &piece : pieces )
  {
    sources.insert( piece.attributes.sourceFeature );
    if ( countsStreet( piece ) )
      infos[componentOfRoot[components.find( piece.tail )]].lengthM += piece.lengthM;
  }

  // Largest first; ties by length, then by first node, so the order is fixed.
  std::vector<std::size_t> order( infos.size() );
  std::iota( order.begin(), order.end(), std::size_t( 0 ) );
  std::sort( order.begin(), order.end(), [&infos, &roots]( std::size_t a, std::size_t b )
  {
    if ( infos[a].nodeCount != infos[b].nodeCount )
      return infos[a].nodeCount > infos[b].nodeCount;
    if ( infos[a].lengthM != infos[b].lengthM )
      return infos[a].lengthM > infos[b].lengthM;
    return roots[a] < roots[b];
  } );

  std::size_t usedNodes = 0;
  for ( const ComponentInfo &info : infos )
    usedNodes += info.nodeCount;
  const std::size_t largest = infos[order.front()].nodeCount;
  // Every road on its own (each input feature its own component) or a largest component that
  // is a crumb of the whole: the layer has no topology, so there is nothing to route on.
  if ( infos.size() > 1 && ( infos.size() == sources.size()
                             || static_cast<double>( largest ) < kMinLargestComponentShare * static_cast<double>( usedNodes ) ) )
    return makeError( ErrorCode::NetworkDisconnected, std::to_string( infos.size() ) );

  std::vector<char> keptRoot( nodeCount, 0 );
  for ( std::size_t rank = 0; rank < order.size(); ++rank )
  {
    ComponentInfo info = infos[order[rank]];
    info.kept = rank == 0 || !options.keepLargestComponentOnly;
    if ( info.kept )
      keptRoot[roots[order[rank]]] = 1;
    report.components.push_back( info );
  }
  if ( progress.isCanceled() )
    return makeError( ErrorCode::Canceled );

  // Kept nodes keep their relative order unless locality is asked for.
  std::vector<NodeId> keptNodeList;
  for ( NodeId n = 0; n < nodeCount; ++n )
  {
    if ( used[n] && keptRoot[components.find( n )] )
      keptNodeList.push_back( n );
  }
  if ( options.localityOrder )
    sortByHilbertCurve( keptNodeList, nodePoints );
  std::vector<NodeId> newId( nodeCount, kInvalidNode );
  BuiltRoadGraph built;
  RoadGraph &graph = built.graph;
  for ( NodeId n : keptNodeList )
  {
    newId[n] = static_cast<NodeId>( graph.mNodePoints.size() );
    graph.mNodePoints.push_back( nodePoints[n] );
  }

  std::vector<std::size_t> keptPieces;
  for ( std::size_t i = 0; i < pieces.size(); ++i )
  {
    if ( newId[pieces[i].tail] != kInvalidNode )
      keptPieces.push_back( i );
  }
  std::sort( keptPieces.begin(), keptPieces.end(), [&pieces, &newId]( std::size_t a, std::size_t b )
  {
    const NodeId ta = newId[pieces[a].tail], tb = newId[pieces[b].tail];
    return ta != tb ? ta < tb : newId[pieces[a].head] < newId[pieces[b].head];
  } );

  const std::size_t keptNodes = graph.mNodePoints.size();
  graph.mFirstOut.assign( keptNodes + 1, 0 );
  graph.mHead.reserve( keptPieces.size() );
  graph.mTail.reserve( keptPieces.size() );
  graph.mAttributes.reserve( keptPieces.size() );
  std::vector<std::uint32_t> streetDegree( keptNodes, 0 );
  for ( std::size_t i : keptPieces )
  {
    const DirectedPiece &piece = pieces[i];
    const NodeId tail = newId[piece.tail];
    const NodeId head = newId[piece.head];
    graph.mTail.push_back( tail );
    graph.mHead.push_back( head );
    graph.mAttributes.push_back( piece.attributes );
    ++graph.mFirstOut[tail + 1];
    if ( countsStreet( piece ) )
    {
      report.totalLengthM += piece.lengthM;
      report.lengthByClassM[static_cast<int>( piece.attributes.roadClass )] += piece.lengthM;
      ++streetDegree[tail];
      ++streetDegree[head];
    }
  }
  std::partial_sum( graph.mFirstOut.begin(), graph.mFirstOut.end(), graph.mFirstOut.begin() );

  for ( NodeId n = 0; n < keptNodes; ++n )
  {
    if ( streetDegree[n] == 1 )
      report.danglingEnds.push_back( graph.mNodePoints[n] );
  }
  report.nodes = keptNodes;
  report.edges = graph.mHead.size();
  built.report = std::move( report );
  progress.setProgress( 1.0 );
  return built;
}

Result<BuiltRoadGraph> RoadGraphBuilder::build( const std::vector<RoadSegmentInput> &segments,
                                                const RoadGraphBuildOptions &options,
                                                ProgressSink &progress )
{
  NetworkReport report;
  report.inputSegments = segments.size();
  if ( looksLikeDegrees( segments ) )
    return makeError( ErrorCode::UnitMismatch );

  std::vector<std::vector<PointXY>> nodedPoints;
  if ( options.nodeAtCrossings && !insertCrossings( segments, nodedPoints, report, progress ) )
    return makeError( ErrorCode::Canceled );

  VertexNoder noder( options.snapToleranceM );
  Parts parts;
  PieceCollector &collector = parts.collector;
  std::vector<NodeId> chain;
  for ( std::size_t s = 0; s < segments.size(); ++s )
  {
    if ( s % kPollInterval == 0 )
    {
      if ( progress.isCanceled() )
        return makeError( ErrorCode::Canceled );
      progress.setProgress( 0.8 * static_cast<double>( s ) / static_cast<double>( segments.size() ) );
    }
    const RoadSegmentInput &segment = segments[s];
    if ( !isValidSegment( segment ) )
    {
      ++report.invalidSegments;
      continue;
    }
    chain.clear();
    const bool crossed = !nodedPoints.empty() && !nodedPoints[s].empty();
    for ( const PointXY &p : crossed ? nodedPoints[s] : segment.points )
      chain.push_back( noder.node( p, report.mergedVertices ) );

    DirectedPiece piece;
    piece.attributes.roadClass = segment.roadClass;
    piece.attributes.speedKmh = static_cast<float>( segment.speedKmh > 0.0 ? segment.speedKmh : defaultSpeedKmh( segment.roadClass ) );
    piece.attributes.truckRestricted = segment.truckRestricted;
    piece.attributes.truckWindow = segment.truckWindow;
    piece.attributes.sourceFeature = static_cast<std::uint32_t>( s );
    const bool forward = segment.oneWay != OneWay::Backward;
    const bool backward = segment.oneWay != OneWay::Forward;
    for ( std::size_t i = 0; i + 1 < chain.size(); ++i )
    {
      if ( chain[i] == chain[i + 1] )
      {
        ++report.zeroLengthPieces;
        continue;
      }
      piece.tail = chain[i];
      piece.head = chain[i + 1];
      piece.lengthM = distanceM( noder.points()[piece.tail], noder.points()[piece.head] );
      piece.attributes.lengthDm = static_cast<std::int32_t>( std::llround( piece.lengthM * kCostUnitsPerBaseUnit ) );
      if ( collector.add( piece, forward, backward ) == 0 )
        ++report.duplicatePieces;
    }
  }
  if ( progress.isCanceled() )
    return makeError( ErrorCode::Canceled );
  parts.nodePoints = noder.takePoints();
  ProgressPhase finishing( progress, 0.8, 1.0 );
  return finish( parts, options, std::move( report ), finishing );
}

Result<BuiltRoadGraph> RoadGraphBuilder::fromEdgeList( const std::vector<PointXY> &nodePoints,
                                                       const std::vector<DirectedEdgeInput> &edges,
                                                       const RoadGraphBuildOptions &options,
                                                       ProgressSink &progress )
{
  NetworkReport report;
  report.inputSegments = edges.size();
  Parts parts;
  PieceCollector &collector = parts.collector;
  for ( std::size_t i = 0; i < edges.size(); ++i )
  {
    const DirectedEdgeInput &edge = edges[i];
    if ( edge.tail >= nodePoints.size() || edge.head >= nodePoints.size() )
      return makeError( ErrorCode::InvalidArgument, std::to_string( i ) );
    if ( edge.tail == edge.head )
    {
      ++report.zeroLengthPieces;
      continue;
    }
    DirectedPiece piece;
    piece.tail = edge.tail;
    piece.head = edge.head;
    piece.attributes = edge.attributes;
    piece.attributes.sourceFeature = static_cast<std::uint32_t>( i );
    piece.lengthM = static_cast<double>( edge.attributes.lengthDm ) / kCostUnitsPerBaseUnit;
    if ( collector.add( piece, true, false ) == 0 )
      ++report.duplicatePieces;
  }
  if ( progress.isCanceled() )
    return makeError( ErrorCode::Canceled );
  parts.nodePoints = nodePoints;
  return finish( parts, options, std::move( report ), progress );
}

} // namespace gf
