// RoadGraphBuilder on small hand-drawn networks: noding, one-way, duplicates, components,
// errors, CSR invariants and edge weights.
#include "engine/graph/road_graph_builder.h"
#include "engine/solvers/random_source.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace gf;

namespace {

RoadSegmentInput segment( std::vector<PointXY> points, OneWay oneWay = OneWay::Both,
                          RoadClass roadClass = RoadClass::Branch )
{
  RoadSegmentInput s;
  s.points = std::move( points );
  s.oneWay = oneWay;
  s.roadClass = roadClass;
  return s;
}

RoadSegmentInput atLevel( RoadSegmentInput s, int gradeLevel )
{
  s.gradeLevel = gradeLevel;
  return s;
}

//! Streets meeting at a node: distinct neighbours over edges in either direction.
std::size_t streetDegree( const RoadGraph &graph, NodeId n )
{
  std::vector<NodeId> neighbours;
  for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
  {
    if ( graph.tail()[e] == n )
      neighbours.push_back( graph.head()[e] );
    if ( graph.head()[e] == n )
      neighbours.push_back( graph.tail()[e] );
  }
  std::sort( neighbours.begin(), neighbours.end() );
  return static_cast<std::size_t>( std::unique( neighbours.begin(), neighbours.end() ) - neighbours.begin() );
}

Result<BuiltRoadGraph> build( const std::vector<RoadSegmentInput> &segments, bool keepLargest = true,
                              double toleranceM = 0.5, bool nodeAtCrossings = false )
{
  RoadGraphBuildOptions options;
  options.keepLargestComponentOnly = keepLargest;
  options.snapToleranceM = toleranceM;
  options.nodeAtCrossings = nodeAtCrossings;
  SilentProgress progress;
  return RoadGraphBuilder::build( segments, options, progress );
}

//! The node at a location, or kInvalidNode.
NodeId nodeAt( const RoadGraph &graph, PointXY p )
{
  for ( NodeId n = 0; n < graph.nodeCount(); ++n )
  {
    if ( std::hypot( graph.nodePoint( n ).x - p.x, graph.nodePoint( n ).y - p.y ) < 1e-9 )
      return n;
  }
  return kInvalidNode;
}

} // namespace

class TestRoadGraph : public QObject
{
    Q_OBJECT

  private slots:
    void nodingWithinTolerance();
    void oneWay();
    void duplicatesAndZeroLength();
    void componentsKeptAndReported();
    void errors();
    void csrInvariants();
    void edgeWeights();
    void timeWindow();
    void fromEdgeList();
    void crossingAtGradeGetsNode();
    void bridgesAndTunnelsStayUnconnected();
    void tJunctionsUnaffectedByCrossingNoding();
    void crossingGridCountsAndOrder();
    void crossingsAgainstBruteForce();
};

void TestRoadGraph::nodingWithinTolerance()
{
  //   C (0,100)          D (100,100)
  //   |                  |
  //   | (starts 0.22 m   | (starts 0.3 m
  //   |  from A)         |  from B)
  //   A ---------------- B            E (300,0) --- F (300.6,0)...  E–G starts 0.6 m away: no merge
  //  (0,0)           (100,0)
  const std::vector<RoadSegmentInput> segments = {
    segment( { { 0, 0 }, { 100, 0 } } ),
    segment( { { 0.2, 0.1 }, { 0, 100 } } ),
    segment( { { 100.3, 0 }, { 100, 100 } } ),
    segment( { { 100, 0.6 }, { 100, 50 }, { 200, 50 } } ),
  };
  Result<BuiltRoadGraph> built = build( segments, false );
  QVERIFY( built.isOk() );
  const RoadGraph &graph = built->graph;
  const NetworkReport &report = built->report;
  // A, B, C, D, then the third street's own start (0.6 m from B is beyond 0.5 m), its bend, its end.
  QCOMPARE( graph.nodeCount(), std::size_t( 7 ) );
  QCOMPARE( report.mergedVertices, std::size_t( 2 ) );
  const NodeId a = nodeAt( graph, { 0, 0 } ), b = nodeAt( graph, { 100, 0 } );
  const NodeId c = nodeAt( graph, { 0, 100 } ), d = nodeAt( graph, { 100, 100 } );
  QVERIFY( a != kInvalidNode && b != kInvalidNode && c != kInvalidNode && d != kInvalidNode );
  // Merged vertices take the node's position, so A–C is exactly 100 m.
  QVERIFY( graph.findEdge( a, c ) != kInvalidEdge );
  QVERIFY( graph.findEdge( b, d ) != kInvalidEdge );
  QCOMPARE( graph.edgeAttributes()[graph.findEdge( a, c )].lengthDm, 1000 );
  QCOMPARE( graph.edgeCount(), std::size_t( 10 ) );
  // Two components: A-B-C-D (4 nodes, 300 m) and the bent street (3 nodes, 49.4 + 100 m).
  QCOMPARE( report.components.size(), std::size_t( 2 ) );
  QCOMPARE( report.components[0].nodeCount, std::size_t( 4 ) );
  QCOMPARE( report.components[1].nodeCount, std::size_t( 3 ) );
  QVERIFY( std::abs( report.components[0].lengthM - 300.0 ) < 1e-9 );
  QVERIFY( std::abs( report.components[1].lengthM - 149.4 ) < 1e-9 );
  QVERIFY( std::abs( report.totalLengthM - 449.4 ) < 1e-9 );
  // Dangling ends: C, D, and both ends of the bent street.
  QCOMPARE( report.danglingEnds.size(), std::size_t( 4 ) );

  // With a tolerance of 0.7 m the bent street joins B too.
  Result<BuiltRoadGraph> wider = build( segments, false, 0.7 );
  QVERIFY( wider.isOk() );
  QCOMPARE( wider->graph.nodeCount(), std::size_t( 6 ) );
  QCOMPARE( wider->report.components.size(), std::size_t( 1 ) );
  QCOMPARE( wider->report.mergedVertices, std::size_t( 3 ) );
}

void TestRoadGraph::oneWay()
{
  //  A ---> B <--- C ---- D      (A→B forward, B–C digitised C→B... as B,C with Backward)
  const std::vector<RoadSegmentInput> segments = {
    segment( { { 0, 0 }, { 100, 0 } }, OneWay::Forward ),
    segment( { { 100, 0 }, { 200, 0 } }, OneWay::Backward ),
    segment( { { 200, 0 }, { 300, 0 } } ),
  };
  Result<BuiltRoadGraph> built = build( segments );
  QVERIFY( built.isOk() );
  const RoadGraph &graph = built->graph;
  const NodeId a = nodeAt( graph, { 0, 0 } ), b = nodeAt( graph, { 100, 0 } );
  const NodeId c = nodeAt( graph, { 200, 0 } ), d = nodeAt( graph, { 300, 0 } );
  QVERIFY( graph.findEdge( a, b ) != kInvalidEdge );
  QCOMPARE( graph.findEdge( b, a ), kInvalidEdge );
  QVERIFY( graph.findEdge( c, b ) != kInvalidEdge );
  QCOMPARE( graph.findEdge( b, c ), kInvalidEdge );
  QVERIFY( graph.findEdge( c, d ) != kInvalidEdge );
  QVERIFY( graph.findEdge( d, c ) != kInvalidEdge );
  QCOMPARE( graph.edgeCount(), std::size_t( 4 ) );
  // One-way streets are still streets: counted once each in the length.
  QVERIFY( std::abs( built->report.totalLengthM - 300.0 ) < 1e-9 );
}

void TestRoadGraph::duplicatesAndZeroLength()
{
  //  P ==== Q ---- R        P–Q drawn four times: with a repeated vertex (zero-length piece),
  //                          reversed (duplicate), one-way P→Q (duplicate), and one-way
  //                          R→Q plus Q→R (together a two-way street, no duplicate).
  const PointXY p{ 0, 0 }, q{ 100, 0 }, r{ 200, 0 };
  const std::vector<RoadSegmentInput> segments = {
    segment( { p, p, q } ),
    segment( { q, p } ),
    segment( { p, q }, OneWay::Forward ),
    segment( { r, q }, OneWay::Forward ),
    segment( { q, r }, OneWay::Forward ),
    segment( { r } ),
    segment( { r, r } ),
  };
  Result<BuiltRoadGraph> built = build( segments );
  QVERIFY( built.isOk() );
  const NetworkReport &report = built->report;
  QCOMPARE( report.inputSegments, std::size_t( 7 ) );
  QCOMPARE( report.invalidSegments, std::size_t( 2 ) );
  QCOMPARE( report.zeroLengthPieces, std::size_t( 1 ) );
  QCOMPARE( report.duplicatePieces, std::size_t( 2 ) );
  QCOMPARE( report.edges, std::size_t( 4 ) );
  QCOMPARE( built->graph.edgeCount(), std::size_t( 4 ) );
  QVERIFY( std::abs( report.totalLengthM - 200.0 ) < 1e-9 );
  QVERIFY( std::abs( report.lengthByClassM[static_cast<int>( RoadClass::Branch )] - 200.0 ) < 1e-9 );
}

void TestRoadGraph::componentsKeptAndReported()
{
  //  A --- B --- C          X --- Y  (far away)
  //        |
  //        D
  const std::vector<RoadSegmentInput> segments = {
    segment( { { 0, 0 }, { 100, 0 }, { 200, 0 } }, OneWay::Both, RoadClass::Arterial ),
    segment( { { 100, 0 }, { 100, -80 } } ),
    segment( { { 1000, 1000 }, { 1060, 1000 } }, OneWay::Forward ),
  };
  Result<BuiltRoadGraph> largest = build( segments, true );
  QVERIFY( largest.isOk() );
  QCOMPARE( largest->graph.nodeCount(), std::size_t( 4 ) );
  QCOMPARE( largest->graph.edgeCount(), std::size_t( 6 ) );
  const std::vector<ComponentInfo> &components = largest->report.components;
  QCOMPARE( components.size(), std::size_t( 2 ) );
  QVERIFY( components[0].kept );
  QVERIFY( !components[1].kept );
  QCOMPARE( components[1].nodeCount, std::size_t( 2 ) );
  QVERIFY( std::abs( components[1].lengthM - 60.0 ) < 1e-9 );
  QVERIFY( components[1].location == ( PointXY{ 1000, 1000 } ) );
  // The report describes the kept network only.
  QVERIFY( std::abs( largest->report.totalLengthM - 280.0 ) < 1e-9 );
  QVERIFY( std::abs( largest->report.lengthByClassM[static_cast<int>( RoadClass::Arterial )] - 200.0 ) < 1e-9 );
  QCOMPARE( largest->report.danglingEnds.size(), std::size_t( 3 ) );

  Result<BuiltRoadGraph> all = build( segments, false );
  QVERIFY( all.isOk() );
  QCOMPARE( all->graph.nodeCount(), std::size_t( 6 ) );
  QCOMPARE( all->graph.edgeCount(), std::size_t( 7 ) );
  QVERIFY( all->report.components[1].kept );
  QVERIFY( std::abs( all->report.totalLengthM - 340.0 ) < 1e-9 );
}

void TestRoadGraph::errors()
{
  Result<BuiltRoadGraph> empty = build( { segment( { { 5, 5 } } ), segment( { { 5, 5 }, { 5, 5 } } ) } );
  QVERIFY( !empty.isOk() );
  QCOMPARE( empty.error().code, ErrorCode::EmptyNetwork );
  QCOMPARE( build( {} ).error().code, ErrorCode::EmptyNetwork );

  // Zibo in degrees where metres are expected.
  Result<BuiltRoadGraph> degrees = build( { segment( { { 118.05, 36.80 }, { 118.06, 36.80 } } ),
                                            segment( { { 118.06, 36.80 }, { 118.06, 36.81 } } ) } );
  QVERIFY( !degrees.isOk() );
  QCOMPARE( degrees.error().code, ErrorCode::UnitMismatch );

  // Every road on its own.
  std::vector<RoadSegmentInput> scattered;
  for ( int i = 0; i < 5; ++i )
    scattered.push_back( segment( { { i * 100.0, 0 }, { i * 100.0 + 50, 0 } } ) );
  Result<BuiltRoadGraph> disconnected = build( scattered );
  QVERIFY( !disconnected.isOk() );
  QCOMPARE( disconnected.error().code, ErrorCode::NetworkDisconnected );
  // Joining two of them is enough to make a network worth keeping.
  scattered.push_back( segment( { { 50, 0 }, { 100, 0 } } ) );
  QVERIFY( build( scattered ).isOk() );

  SilentProgress canceled;
  canceled.cancel();
  Result<BuiltRoadGraph> stopped = RoadGraphBuilder::build( scattered, RoadGraphBuildOptions(), canceled );
  QCOMPARE( stopped.error().code, ErrorCode::Canceled );
}

void TestRoadGraph::csrInvariants()
{
  // A star digitised in an order unrelated to node ids, so sorting has work to do.
  const std::vector<RoadSegmentInput> segments = {
    segment( { { 0, 0 }, { 100, 0 } } ),
    segment( { { 0, 100 }, { 0, 0 } } ),
    segment( { { -100, 0 }, { 0, 0 }, { 0, -100 } } ),
    segment( { { 100, 0 }, { 0, 100 } }, OneWay::Forward ),
  };
  Result<BuiltRoadGraph> built = build( segments );
  QVERIFY( built.isOk() );
  const RoadGraph &graph = built->graph;
  QCOMPARE( graph.nodeCount(), std::size_t( 5 ) );
  QCOMPARE( graph.firstOut().size(), graph.nodeCount() + 1 );
  QCOMPARE( graph.firstOut().front(), EdgeId( 0 ) );
  QCOMPARE( std::size_t( graph.firstOut().back() ), graph.edgeCount() );
  for ( NodeId n = 0; n < graph.nodeCount(); ++n )
  {
    for ( EdgeId e = graph.beginEdges( n ); e < graph.endEdges( n ); ++e )
    {
      QCOMPARE( graph.tail()[e], n );
      if ( e > graph.beginEdges( n ) )
        QVERIFY( graph.head()[e - 1] < graph.head()[e] );
      QCOMPARE( graph.findEdge( n, graph.head()[e] ), e );
    }
  }
  // Node ids follow first appearance in the input.
  QVERIFY( graph.nodePoint( 0 ) == ( PointXY{ 0, 0 } ) );
  QVERIFY( graph.nodePoint( 1 ) == ( PointXY{ 100, 0 } ) );
  QVERIFY( graph.nodePoint( 2 ) == ( PointXY{ 0, 100 } ) );
  QCOMPARE( graph.edgeCount(), std::size_t( 9 ) );
}

void TestRoadGraph::edgeWeights()
{
  RoadSegmentInput fast = segment( { { 0, 0 }, { 100, 0 } } );
  fast.speedKmh = 36.0;
  RoadSegmentInput byClass = segment( { { 100, 0 }, { 100, 200 } }, OneWay::Both, RoadClass::Expressway );
  Result<BuiltRoadGraph> built = build( { fast, byClass } );
  QVERIFY( built.isOk() );
  const RoadGraph &graph = built->graph;
  const EdgeId e100 = graph.findEdge( 0, 1 );
  const EdgeId e200 = graph.findEdge( 1, 2 );
  const EdgeWeights distance = computeEdgeWeights( graph, CostMetric::DistanceDm );
  const EdgeWeights time = computeEdgeWeights( graph, CostMetric::TimeDs );
  QCOMPARE( distance[e100], 1000 );
  QCOMPARE( distance[e200], 2000 );
  // 100 m at 36 km/h = 10 s; 200 m at the expressway default speed.
  QCOMPARE( time[e100], 100 );
  const double expresswayKmh = defaultSpeedKmh( RoadClass::Expressway );
  QCOMPARE( double( graph.edgeAttributes()[e200].speedKmh ), expresswayKmh );
  QCOMPARE( time[e200], Cost( std::lround( 200.0 / ( expresswayKmh / 3.6 ) * 10.0 ) ) );
  QCOMPARE( edgeTravelTimeDs( 1000, 0.0 ), kUnreachable );
}

void TestRoadGraph::timeWindow()
{
  const TimeWindow day{ 7 * 60, 9 * 60 };
  QVERIFY( !day.contains( 7 * 60 - 1 ) );
  QVERIFY( day.contains( 7 * 60 ) );
  QVERIFY( day.contains( 9 * 60 - 1 ) );
  QVERIFY( !day.contains( 9 * 60 ) );
  const TimeWindow night{ 22 * 60, 6 * 60 };
  QVERIFY( night.contains( 23 * 60 ) );
  QVERIFY( night.contains( 0 ) );
  QVERIFY( night.contains( 5 * 60 + 59 ) );
  QVERIFY( !night.contains( 6 * 60 ) );
  QVERIFY( !night.contains( 12 * 60 ) );
  QVERIFY( night.contains( 24 * 60 + 30 ) );
  QVERIFY( !TimeWindow{}.contains( 0 ) );
}

void TestRoadGraph::fromEdgeList()
{
  const std::vector<PointXY> nodes = { { 0, 0 }, { 10, 0 }, { 20, 0 }, { 99, 99 } };
  auto edge = []( NodeId t, NodeId h, std::int32_t lengthDm )
  {
    DirectedEdgeInput e;
    e.tail = t;
    e.head = h;
    e.attributes.lengthDm = lengthDm;
    return e;
  };
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::fromEdgeList(
    nodes, { edge( 2, 1, 100 ), edge( 0, 1, 100 ), edge( 1, 1, 0 ), edge( 0, 1, 120 ), edge( 1, 2, 100 ) },
    RoadGraphBuildOptions(), progress );
  QVERIFY( built.isOk() );
  // Node 3 has no edge and is not part of any component.
  QCOMPARE( built->graph.nodeCount(), std::size_t( 3 ) );
  QCOMPARE( built->graph.edgeCount(), std::size_t( 3 ) );
  QCOMPARE( built->report.zeroLengthPieces, std::size_t( 1 ) );
  QCOMPARE( built->report.duplicatePieces, std::size_t( 1 ) );
  // The first of two parallel edges wins.
  QCOMPARE( built->graph.edgeAttributes()[built->graph.findEdge( 0, 1 )].lengthDm, 100 );
  QVERIFY( std::abs( built->report.totalLengthM - 20.0 ) < 1e-9 );

  Result<BuiltRoadGraph> bad = RoadGraphBuilder::fromEdgeList( nodes, { edge( 0, 7, 10 ) }, RoadGraphBuildOptions(), progress );
  QCOMPARE( bad.error().code, ErrorCode::InvalidArgument );
}

void TestRoadGraph::crossingAtGradeGetsNode()
{
  //  (0,100)   (100,100)
  //       \   /|
  //        \ / |
  //         X  |      two diagonals crossing at (50,50), joined on the right by a third street
  //        / \ |
  //       /   \|
  //  (0,0)     (100,0)
  const std::vector<RoadSegmentInput> segments = {
    segment( { { 0, 0 }, { 100, 100 } } ),
    segment( { { 0, 100 }, { 100, 0 } } ),
    segment( { { 100, 100 }, { 100, 0 } } ),
  };
  Result<BuiltRoadGraph> plain = build( segments );
  QVERIFY( plain.isOk() );
  QCOMPARE( plain->graph.nodeCount(), std::size_t( 4 ) );
  QCOMPARE( plain->report.crossingsNoded, std::size_t( 0 ) );

  Result<BuiltRoadGraph> noded = build( segments, true, 0.5, true );
  QVERIFY( noded.isOk() );
  const RoadGraph &graph = noded->graph;
  QCOMPARE( graph.nodeCount(), std::size_t( 5 ) );
  const NodeId x = nodeAt( graph, { 50, 50 } );
  QVERIFY( x != kInvalidNode );
  QCOMPARE( streetDegree( graph, x ), std::size_t( 4 ) );
  QCOMPARE( graph.edgeCount(), std::size_t( 10 ) );
  QCOMPARE( noded->report.crossingsNoded, std::size_t( 1 ) );
  QCOMPARE( noded->report.crossingsSeparated, std::size_t( 0 ) );
  // Splitting adds no length, and the halves keep their source feature.
  QVERIFY( std::abs( noded->report.totalLengthM - plain->report.totalLengthM ) < 1e-9 );
  for ( EdgeId e = graph.beginEdges( x ); e < graph.endEdges( x ); ++e )
  {
    const PointXY other = graph.nodePoint( graph.head()[e] );
    QCOMPARE( graph.edgeAttributes()[e].sourceFeature, std::uint32_t( other.x == other.y ? 0 : 1 ) );
    QCOMPARE( graph.edgeAttributes()[e].lengthDm, std::int32_t( std::llround( 10.0 * std::hypot( 50.0, 50.0 ) ) ) );
  }

  // Without the third street the diagonals connect only through their crossing.
  const std::vector<RoadSegmentInput> cross( segments.begin(), segments.begin() + 2 );
  QCOMPARE( build( cross ).error().code, ErrorCode::NetworkDisconnected );
  QVERIFY( build( cross, true, 0.5, true ).isOk() );
}

void TestRoadGraph::bridgesAndTunnelsStayUnconnected()
{
  const RoadSegmentInput first = segment( { { 0, 0 }, { 100, 100 } } );
  const RoadSegmentInput second = segment( { { 0, 100 }, { 100, 0 } } );
  const RoadSegmentInput link = segment( { { 100, 100 }, { 100, 0 } } );
  // A bridge over a road, a tunnel under one, a bridge over a tunnel, two bridges on one level.
  const std::pair<int, int> levels[] = { { 1, 0 }, { 0, -1 }, { 1, -1 }, { 1, 1 } };
  for ( const auto &[levelFirst, levelSecond] : levels )
  {
    Result<BuiltRoadGraph> built = build( { atLevel( first, levelFirst ), atLevel( second, levelSecond ), link }, true, 0.5, true );
    QVERIFY( built.isOk() );
    QCOMPARE( built->graph.nodeCount(), std::size_t( 4 ) );
    QCOMPARE( nodeAt( built->graph, { 50, 50 } ), kInvalidNode );
    QCOMPARE( built->report.crossingsNoded, std::size_t( 0 ) );
    QCOMPARE( built->report.crossingsSeparated, std::size_t( 1 ) );
  }
}

void TestRoadGraph::tJunctionsUnaffectedByCrossingNoding()
{
  //  A ---- B ---- C        B–D meets A–C at B, a shared vertex; E–F ends exactly on A–C's
  //         |       F       second piece; G–H touches C, the end of A–C.
  //         D       |
  //                 E (160,-50) … F (160,0)
  const std::vector<RoadSegmentInput> segments = {
    segment( { { 0, 0 }, { 100, 0 }, { 200, 0 } } ),
    segment( { { 100, 0 }, { 100, -100 } } ),
    segment( { { 160, -50 }, { 160, 0 } } ),
    segment( { { 200, 0 }, { 300, 50 } } ),
  };
  Result<BuiltRoadGraph> plain = build( segments, false );
  Result<BuiltRoadGraph> noded = build( segments, false, 0.5, true );
  QVERIFY( plain.isOk() && noded.isOk() );
  QCOMPARE( noded->report.crossingsNoded, std::size_t( 0 ) );
  QCOMPARE( noded->report.crossingsSeparated, std::size_t( 0 ) );
  QCOMPARE( noded->graph.nodePoints(), plain->graph.nodePoints() );
  QCOMPARE( noded->graph.head(), plain->graph.head() );
  QCOMPARE( noded->graph.tail(), plain->graph.tail() );
}

void TestRoadGraph::crossingGridCountsAndOrder()
{
  // Three east–west and three north–south streets, each one straight piece 400 m long with no
  // shared vertex: nine crossings, three on every piece, which must be inserted in order along
  // it. The middle north–south street is a bridge: its three crossings stay unconnected.
  std::vector<RoadSegmentInput> segments;
  for ( int i = 1; i <= 3; ++i )
  {
    segments.push_back( segment( { { 0, 100.0 * i }, { 400, 100.0 * i } } ) );
    segments.push_back( atLevel( segment( { { 100.0 * i, 400 }, { 100.0 * i, 0 } } ), i == 2 ? 2 : 0 ) );
  }
  Result<BuiltRoadGraph> built = build( segments, false, 0.5, true );
  QVERIFY( built.isOk() );
  const NetworkReport &report = built->report;
  QCOMPARE( report.crossingsNoded, std::size_t( 6 ) );
  QCOMPARE( report.crossingsSeparated, std::size_t( 3 ) );
  // 12 street ends and 6 crossings; the east–west streets fall into 3 pieces (none under the
  // bridge), the at-grade north–south ones into 4, the bridge stays 1 piece.
  QCOMPARE( built->graph.nodeCount(), std::size_t( 18 ) );
  QCOMPARE( built->graph.edgeCount(), std::size_t( 2 * ( 3 * 3 + 2 * 4 + 1 ) ) );
  // Pieces in the wrong order would zigzag and add length.
  QVERIFY( std::abs( report.totalLengthM - 6 * 400.0 ) < 1e-6 );
  QCOMPARE( report.zeroLengthPieces, std::size_t( 0 ) );
  // The bridge has no ramps here: it stays a component of its own.
  QCOMPARE( report.components.size(), std::size_t( 2 ) );
  QCOMPARE( report.components[1].nodeCount, std::size_t( 2 ) );
  for ( int i = 1; i <= 3; ++i )
  {
    for ( int j = 1; j <= 3; ++j )
      QCOMPARE( nodeAt( built->graph, { 100.0 * i, 100.0 * j } ) != kInvalidNode, i != 2 );
  }
}

void TestRoadGraph::crossingsAgainstBruteForce()
{
  // Random straight and bent streets over a square: the grid must find exactly the crossings
  // that a comparison of every pair of pieces finds.
  RandomSource rng( 77 );
  for ( int round = 0; round < 5; ++round )
  {
    std::vector<RoadSegmentInput> segments;
    for ( int i = 0; i < 150; ++i )
    {
      RoadSegmentInput s;
      const int points = 2 + static_cast<int>( rng.below( 3 ) );
      // Mostly short streets, a few long ones spanning many grid cells.
      const double reach = rng.unit() < 0.1 ? 1000.0 : 200.0;
      PointXY p{ rng.unit() * 1000.0, rng.unit() * 1000.0 };
      for ( int k = 0; k < points; ++k )
      {
        s.points.push_back( p );
        p = PointXY{ p.x + ( rng.unit() - 0.5 ) * reach, p.y + ( rng.unit() - 0.5 ) * reach };
      }
      const std::uint32_t level = rng.below( 6 );
      s.gradeLevel = level == 4 ? 1 : ( level == 5 ? -1 : 0 );
      segments.push_back( s );
    }
    std::size_t atGrade = 0, separated = 0;
    for ( std::size_t a = 0; a < segments.size(); ++a )
    {
      for ( std::size_t b = a + 1; b < segments.size(); ++b )
      {
        const std::vector<PointXY> &pa = segments[a].points, &pb = segments[b].points;
        for ( std::size_t i = 0; i + 1 < pa.size(); ++i )
        {
          for ( std::size_t j = 0; j + 1 < pb.size(); ++j )
          {
            // Orientation signs: the pieces cross when each separates the other's ends.
            auto side = []( const PointXY &o, const PointXY &d, const PointXY &p )
            {
              return ( d.x - o.x ) * ( p.y - o.y ) - ( d.y - o.y ) * ( p.x - o.x );
            };
            const bool crosses = side( pa[i], pa[i + 1], pb[j] ) * side( pa[i], pa[i + 1], pb[j + 1] ) < 0.0
                                 && side( pb[j], pb[j + 1], pa[i] ) * side( pb[j], pb[j + 1], pa[i + 1] ) < 0.0;
            if ( crosses )
              ++( segments[a].gradeLevel == 0 && segments[b].gradeLevel == 0 ? atGrade : separated );
          }
        }
      }
    }
    Result<BuiltRoadGraph> built = build( segments, false, 0.5, true );
    QVERIFY( built.isOk() );
    QCOMPARE( built->report.crossingsNoded, atGrade );
    QCOMPARE( built->report.crossingsSeparated, separated );
    QVERIFY2( atGrade > 50 && separated > 10, qPrintable( QStringLiteral( "%1 %2" ).arg( atGrade ).arg( separated ) ) );
    // Same input, same graph.
    Result<BuiltRoadGraph> again = build( segments, false, 0.5, true );
    QCOMPARE( again->graph.nodePoints(), built->graph.nodePoints() );
    QCOMPARE( again->graph.head(), built->graph.head() );
  }
}

QTEST_APPLESS_MAIN( TestRoadGraph )
#include "test_road_graph.moc"
