// EdgeSnapper: a hand-computed case, and random points against a brute-force scan over
// every street piece of random networks.
#include "engine/graph/edge_snapper.h"
#include "graph_test_support.h"

#include <QtTest>

#include <cmath>

using namespace gf;
using namespace gf::testing;

namespace {

BuiltRoadGraph buildOrFail( const std::vector<RoadSegmentInput> &segments )
{
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( segments, RoadGraphBuildOptions(), progress );
  return built.isOk() ? std::move( *built ) : BuiltRoadGraph();
}

double pointToPieceM( const PointXY &p, const PointXY &a, const PointXY &b )
{
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double t = std::clamp( ( ( p.x - a.x ) * dx + ( p.y - a.y ) * dy ) / ( dx * dx + dy * dy ), 0.0, 1.0 );
  return std::hypot( a.x + t * dx - p.x, a.y + t * dy - p.y );
}

} // namespace

class TestEdgeSnapper : public QObject
{
    Q_OBJECT

  private slots:
    void handComputed();
    void randomAgainstBruteForce();
};

void TestEdgeSnapper::handComputed()
{
  //  C (0,100)
  //  |
  //  |      * (30,40) is 30 m from A–C, 40 m from A–B
  //  A ----------> B (100,0)   one-way A→B
  RoadSegmentInput ab;
  ab.points = { { 0, 0 }, { 100, 0 } };
  ab.oneWay = OneWay::Forward;
  RoadSegmentInput ac;
  ac.points = { { 0, 0 }, { 0, 100 } };
  const BuiltRoadGraph built = buildOrFail( { ab, ac } );
  const RoadGraph &graph = built.graph;
  QCOMPARE( graph.nodeCount(), std::size_t( 3 ) );
  const EdgeSnapper snapper( graph );

  std::optional<SnappedPoint> onAc = snapper.snap( { 30, 40 }, 100 );
  QVERIFY( onAc.has_value() );
  QCOMPARE( onAc->accessDistanceM, 30.0 );
  QVERIFY( onAc->projected == ( PointXY{ 0, 40 } ) );
  QCOMPARE( onAc->nodeA, NodeId( 0 ) );
  QCOMPARE( onAc->nodeB, NodeId( 2 ) );
  QCOMPARE( onAc->fractionFromA, 0.4 );
  QVERIFY( onAc->edgeAB != kInvalidEdge && onAc->edgeBA != kInvalidEdge );

  std::optional<SnappedPoint> onAb = snapper.snap( { 75, -3 }, 100 );
  QVERIFY( onAb.has_value() );
  QCOMPARE( onAb->accessDistanceM, 3.0 );
  QCOMPARE( onAb->fractionFromA, 0.75 );
  QCOMPARE( onAb->edgeAB, graph.findEdge( 0, 1 ) );
  QCOMPARE( onAb->edgeBA, kInvalidEdge );

  // Beyond B the nearest point is B itself.
  std::optional<SnappedPoint> pastEnd = snapper.snap( { 130, 40 }, 100 );
  QVERIFY( pastEnd.has_value() );
  QCOMPARE( pastEnd->fractionFromA, 1.0 );
  QCOMPARE( pastEnd->accessDistanceM, 50.0 );

  QVERIFY( !snapper.snap( { 130, 40 }, 49.9 ).has_value() );
}

void TestEdgeSnapper::randomAgainstBruteForce()
{
  RandomSource rng( 77 );
  for ( int round = 0; round < 20; ++round )
  {
    const BuiltRoadGraph built = buildOrFail( randomRoadSegments( rng, 3 + static_cast<int>( rng.below( 8 ) ), 120.0, 0.3 ) );
    const RoadGraph &graph = built.graph;
    QVERIFY( graph.nodeCount() > 0 );
    const EdgeSnapper snapper( graph );
    for ( int i = 0; i < 200; ++i )
    {
      const PointXY p = randomPointNear( rng, graph, 300.0 );
      const double maxDistanceM = rng.unit() < 0.3 ? rng.unit() * 100.0 : 1e9;
      double best = std::numeric_limits<double>::infinity();
      for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
        best = std::min( best, pointToPieceM( p, graph.nodePoint( graph.tail()[e] ), graph.nodePoint( graph.head()[e] ) ) );

      const std::optional<SnappedPoint> snapped = snapper.snap( p, maxDistanceM );
      QCOMPARE( snapped.has_value(), best <= maxDistanceM );
      if ( !snapped )
        continue;
      QVERIFY( std::abs( snapped->accessDistanceM - best ) < 1e-9 );
      QVERIFY( snapped->nodeA < snapped->nodeB );
      const PointXY &a = graph.nodePoint( snapped->nodeA ), &b = graph.nodePoint( snapped->nodeB );
      QVERIFY( snapped->fractionFromA >= 0.0 && snapped->fractionFromA <= 1.0 );
      QVERIFY( std::abs( a.x + snapped->fractionFromA * ( b.x - a.x ) - snapped->projected.x ) < 1e-9 );
      QVERIFY( std::abs( a.y + snapped->fractionFromA * ( b.y - a.y ) - snapped->projected.y ) < 1e-9 );
      QVERIFY( std::abs( std::hypot( p.x - snapped->projected.x, p.y - snapped->projected.y ) - best ) < 1e-9 );
      QCOMPARE( snapped->edgeAB, graph.findEdge( snapped->nodeA, snapped->nodeB ) );
      QCOMPARE( snapped->edgeBA, graph.findEdge( snapped->nodeB, snapped->nodeA ) );
      QVERIFY( snapped->edgeAB != kInvalidEdge || snapped->edgeBA != kInvalidEdge );
    }
  }
}

QTEST_APPLESS_MAIN( TestEdgeSnapper )
#include "test_edge_snapper.moc"
