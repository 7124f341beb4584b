// Service areas: exact cut points on hand-drawn networks (one-way streets, the site's own
// street, thresholds of zero, parts out of reach), and random networks against a sampled
// brute force over Floyd–Warshall costs.
#include "engine/graph/service_area.h"
#include "graph_test_support.h"

#include <QtTest>

#include <cmath>
#include <set>
#include <utility>

using namespace gf;
using namespace gf::testing;

namespace {

RoadSegmentInput segment( std::vector<PointXY> points, OneWay oneWay = OneWay::Both )
{
  RoadSegmentInput s;
  s.points = std::move( points );
  s.oneWay = oneWay;
  return s;
}

BuiltRoadGraph buildOrFail( const std::vector<RoadSegmentInput> &segments, bool keepLargest = true )
{
  RoadGraphBuildOptions options;
  options.keepLargestComponentOnly = keepLargest;
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( segments, options, progress );
  return built.isOk() ? std::move( *built ) : BuiltRoadGraph();
}

//! Pieces as sorted coordinate quadruples, direction-free, so sets can be compared.
using PieceSet = std::set<std::vector<double>>;

PieceSet pieceSet( const std::vector<ServiceAreaLine> &lines )
{
  PieceSet set;
  for ( const ServiceAreaLine &line : lines )
  {
    std::vector<double> a{ line.from.x, line.from.y }, b{ line.to.x, line.to.y };
    if ( b < a )
      std::swap( a, b );
    set.insert( { a[0], a[1], b[0], b[1] } );
  }
  return set;
}

//! Distance of p to a piece.
double pointToPieceM( const PointXY &p, const ServiceAreaLine &line )
{
  const double dx = line.to.x - line.from.x, dy = line.to.y - line.from.y;
  const double squared = dx * dx + dy * dy;
  const double t = squared > 0.0 ? std::clamp( ( ( p.x - line.from.x ) * dx + ( p.y - line.from.y ) * dy ) / squared, 0.0, 1.0 ) : 0.0;
  return std::hypot( line.from.x + t * dx - p.x, line.from.y + t * dy - p.y );
}

bool isOnLines( const PointXY &p, const std::vector<ServiceAreaLine> &lines )
{
  return std::any_of( lines.begin(), lines.end(), [&p]( const ServiceAreaLine &line ) { return pointToPieceM( p, line ) < 1e-6; } );
}

Result<ServiceArea> serviceArea( const RoadGraph &graph, const PointXY &site, const std::vector<Cost> &thresholds )
{
  const EdgeSnapper snapper( graph );
  return computeServiceArea( graph, computeEdgeWeights( graph, CostMetric::DistanceDm ), *snapper.snap( site, 1e9 ),
                             thresholds, kCostUnitsPerBaseUnit );
}

} // namespace

class TestServiceArea : public QObject
{
    Q_OBJECT

  private slots:
    void exactCutPoints();
    void oneWayStreets();
    void oneWaySiteStreet();
    void unreachableParts();
    void errors();
    void randomAgainstBruteForce();
};

void TestServiceArea::exactCutPoints()
{
  //        site (50,10)
  //          |
  //   A ---------- B -------------------- C
  // (0,0)       (100,0)               (300,0)
  const BuiltRoadGraph built = buildOrFail( { segment( { { 0, 0 }, { 100, 0 } } ), segment( { { 100, 0 }, { 300, 0 } } ) } );
  QCOMPARE( built.graph.nodeCount(), std::size_t( 3 ) );
  // Access leg 10 m = 100 dm; then 50 m to either end of A–B.
  const Result<ServiceArea> area = serviceArea( built.graph, { 50, 10 }, { 0, 50, 600, 1000, 5000 } );
  QVERIFY( area.isOk() );
  const std::vector<ServiceAreaBand> &bands = area->bands;
  QCOMPARE( bands.size(), std::size_t( 5 ) );

  // Threshold 0: nothing, not even the access leg.
  QCOMPARE( bands[0].threshold, Cost( 0 ) );
  QVERIFY( bands[0].lines.empty() );
  QVERIFY( bands[0].accessLeg.empty() );
  QCOMPARE( bands[0].reachableLengthM, 0.0 );

  // 5 m: half the access leg, no road.
  QVERIFY( bands[1].lines.empty() );
  QCOMPARE( bands[1].accessLeg.size(), std::size_t( 1 ) );
  QCOMPARE( bands[1].accessLeg[0].from, ( PointXY{ 50, 10 } ) );
  QCOMPARE( bands[1].accessLeg[0].to, ( PointXY{ 50, 5 } ) );

  // 60 m: A–B exactly, B–C touched at B only (a zero-length stretch is no line).
  QCOMPARE( pieceSet( bands[2].lines ), ( PieceSet{ { 0, 0, 100, 0 } } ) );
  QCOMPARE( bands[2].reachableLengthM, 100.0 );
  QCOMPARE( bands[2].accessLeg[0].to, ( PointXY{ 50, 0 } ) );

  // 100 m: 40 m past B.
  QCOMPARE( pieceSet( bands[3].lines ), ( PieceSet{ { 0, 0, 100, 0 }, { 100, 0, 140, 0 } } ) );
  QCOMPARE( bands[3].reachableLengthM, 140.0 );

  QCOMPARE( pieceSet( bands[4].lines ), ( PieceSet{ { 0, 0, 100, 0 }, { 100, 0, 300, 0 } } ) );
  QCOMPARE( bands[4].reachableLengthM, 300.0 );
}

void TestServiceArea::oneWayStreets()
{
  //              C (100,100)
  //              ^  one-way B→C
  //   A -------- B <-------- D      one-way D→B
  // (0,0)    (100,0)     (200,0)
  const BuiltRoadGraph built = buildOrFail( {
    segment( { { 0, 0 }, { 100, 0 } } ),
    segment( { { 100, 0 }, { 100, 100 } }, OneWay::Forward ),
    segment( { { 200, 0 }, { 100, 0 } }, OneWay::Forward ),
  } );
  QCOMPARE( built.graph.nodeCount(), std::size_t( 4 ) );
  // Site projects to (10,0) with a 5 m access leg: A after 15 m, B after 95 m, then 50 m up to C.
  const Result<ServiceArea> area = serviceArea( built.graph, { 10, 5 }, { 1450, 2000, 100000 } );
  QVERIFY( area.isOk() );
  QCOMPARE( pieceSet( area->bands[0].lines ), ( PieceSet{ { 0, 0, 100, 0 }, { 100, 0, 100, 50 } } ) );
  QCOMPARE( area->bands[0].reachableLengthM, 150.0 );
  // B→C whole; D–B can only be driven towards B, so it is never reached.
  for ( std::size_t b = 1; b < 3; ++b )
  {
    QCOMPARE( pieceSet( area->bands[b].lines ), ( PieceSet{ { 0, 0, 100, 0 }, { 100, 0, 100, 100 } } ) );
    QCOMPARE( area->bands[b].reachableLengthM, 200.0 );
  }
}

void TestServiceArea::oneWaySiteStreet()
{
  //            C (100,100)
  //          /   |
  //         /    |
  //   A ---->--- B      A→B one-way; B–C and C–A both ways
  const BuiltRoadGraph built = buildOrFail( {
    segment( { { 0, 0 }, { 100, 0 } }, OneWay::Forward ),
    segment( { { 100, 0 }, { 100, 100 } } ),
    segment( { { 100, 100 }, { 0, 0 } } ),
  } );
  // Site projects to (30,0), 5 m away: only ahead, towards B.
  const Result<ServiceArea> area = serviceArea( built.graph, { 30, -5 }, { 500, 1500 } );
  QVERIFY( area.isOk() );
  QCOMPARE( pieceSet( area->bands[0].lines ), ( PieceSet{ { 30, 0, 75, 0 } } ) );
  QCOMPARE( area->bands[0].reachableLengthM, 45.0 );
  // 150 m: B after 75 m, then 75 m up towards C; A–B behind the site stays out of reach.
  QCOMPARE( pieceSet( area->bands[1].lines ), ( PieceSet{ { 30, 0, 100, 0 }, { 100, 0, 100, 75 } } ) );
}

void TestServiceArea::unreachableParts()
{
  // Two separate networks, both kept; and a street the weights forbid.
  const BuiltRoadGraph built = buildOrFail( {
    segment( { { 0, 0 }, { 100, 0 } } ),
    segment( { { 100, 0 }, { 200, 0 } } ),
    segment( { { 200, 0 }, { 300, 0 } } ),
    segment( { { 0, 500 }, { 100, 500 } } ),
  }, false );
  const RoadGraph &graph = built.graph;
  QCOMPARE( built.report.components.size(), std::size_t( 2 ) );
  EdgeWeights weights = computeEdgeWeights( graph, CostMetric::DistanceDm );
  for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
  {
    if ( std::min( graph.nodePoint( graph.tail()[e] ).x, graph.nodePoint( graph.head()[e] ).x ) == 200.0 )
      weights[e] = kUnreachable;
  }
  const EdgeSnapper snapper( graph );
  const Result<ServiceArea> area = computeServiceArea( graph, weights, *snapper.snap( { 0, 10 }, 1e9 ), { 1000000 },
                                                       kCostUnitsPerBaseUnit );
  QVERIFY( area.isOk() );
  QCOMPARE( pieceSet( area->bands[0].lines ), ( PieceSet{ { 0, 0, 100, 0 }, { 100, 0, 200, 0 } } ) );
  QCOMPARE( area->bands[0].reachableLengthM, 200.0 );

  // A site on the road itself: the access leg is no line, and threshold 0 reaches nothing.
  const Result<ServiceArea> onRoad = computeServiceArea( graph, weights, *snapper.snap( { 50, 0 }, 1e9 ), { 0, 100 },
                                                         kCostUnitsPerBaseUnit );
  QVERIFY( onRoad.isOk() );
  QVERIFY( onRoad->bands[0].lines.empty() && onRoad->bands[0].accessLeg.empty() );
  QCOMPARE( pieceSet( onRoad->bands[1].lines ), ( PieceSet{ { 40, 0, 60, 0 } } ) );
  QVERIFY( onRoad->bands[1].accessLeg.empty() );
}

void TestServiceArea::errors()
{
  const BuiltRoadGraph built = buildOrFail( { segment( { { 0, 0 }, { 100, 0 } } ) } );
  const RoadGraph &graph = built.graph;
  const EdgeWeights weights = computeEdgeWeights( graph, CostMetric::DistanceDm );
  const SnappedPoint site = *EdgeSnapper( graph ).snap( { 10, 10 }, 1e9 );
  const std::vector<std::vector<Cost>> badThresholds = { {}, { -1 }, { 10, 10 }, { 20, 10 }, { kUnreachable } };
  for ( const std::vector<Cost> &thresholds : badThresholds )
  {
    const Result<ServiceArea> area = computeServiceArea( graph, weights, site, thresholds, 10.0 );
    QVERIFY( !area.isOk() );
    QCOMPARE( area.error().code, ErrorCode::InvalidArgument );
    QCOMPARE( area.error().subject, std::string( "thresholds" ) );
  }
  const Result<ServiceArea> unsnapped = computeServiceArea( graph, weights, SnappedPoint(), { 10 }, 10.0 );
  QVERIFY( !unsnapped.isOk() );
  QCOMPARE( unsnapped.error().subject, std::string( "site" ) );
  QVERIFY( !computeServiceArea( graph, EdgeWeights( 1, 5 ), site, { 10 }, 10.0 ).isOk() );
}

void TestServiceArea::randomAgainstBruteForce()
{
  constexpr int kSamples = 256;
  RandomSource rng( 4242 );
  int roundsReachingStreets = 0;
  for ( int round = 0; round < 10; ++round )
  {
    const BuiltRoadGraph built = buildOrFail( randomRoadSegments( rng, 6, 100.0, 0.3 ) );
    const RoadGraph &graph = built.graph;
    QVERIFY( graph.nodeCount() > 0 );
    EdgeWeights weights = computeEdgeWeights( graph, round % 2 == 0 ? CostMetric::DistanceDm : CostMetric::TimeDs );
    for ( Cost &w : weights )
    {
      if ( rng.unit() < 0.05 )
        w = kUnreachable;
    }
    const double accessPerMetre = round % 2 == 0 ? 10.0 : 1.3;
    const SnappedPoint site = *EdgeSnapper( graph ).snap( randomPointNear( rng, graph, 30.0 ), 1e9 );

    // Reference costs from the site: Floyd–Warshall from both ends of its piece.
    const CostTable table = allPairsCosts( graph, weights );
    const std::int64_t access = std::llround( site.accessDistanceM * accessPerMetre );
    auto partial = [&weights]( double fraction, EdgeId e ) -> std::int64_t
    {
      if ( fraction <= 0.0 )
        return 0;
      return e == kInvalidEdge || weights[e] >= kUnreachable ? kNoPath : std::llround( fraction * weights[e] );
    };
    const std::int64_t viaA = access + partial( site.fractionFromA, site.edgeBA );
    const std::int64_t viaB = access + partial( 1.0 - site.fractionFromA, site.edgeAB );
    std::vector<double> nodeCost( graph.nodeCount() );
    double maxFinite = 0.0;
    for ( NodeId n = 0; n < graph.nodeCount(); ++n )
    {
      const std::int64_t c = std::min( viaA + table[site.nodeA][n], viaB + table[site.nodeB][n] );
      nodeCost[n] = c >= kNoPath ? HUGE_VAL : static_cast<double>( c );
      if ( c < kNoPath )
        maxFinite = std::max( maxFinite, nodeCost[n] );
    }
    const Cost top = static_cast<Cost>( maxFinite );
    // Cuts inside the site's own street, a few streets out, most of the network, and all of it.
    const Cost nearSite = static_cast<Cost>( access ) + graph.edgeAttributes()[site.edgeAB != kInvalidEdge ? site.edgeAB : site.edgeBA].lengthDm / 7;
    std::vector<Cost> thresholds = { 0, static_cast<Cost>( access / 2 ), nearSite, static_cast<Cost>( access ) + top / 5,
                                     static_cast<Cost>( access ) + top / 2, top + 100 };
    std::sort( thresholds.begin(), thresholds.end() );
    thresholds.erase( std::unique( thresholds.begin(), thresholds.end() ), thresholds.end() );
    const Result<ServiceArea> area = computeServiceArea( graph, weights, site, thresholds, accessPerMetre );
    QVERIFY( area.isOk() );

    std::set<std::pair<NodeId, NodeId>> streets;
    for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
      streets.emplace( std::min( graph.tail()[e], graph.head()[e] ), std::max( graph.tail()[e], graph.head()[e] ) );
    for ( const ServiceAreaBand &band : area->bands )
    {
      const double budget = band.threshold;
      double sampledLengthM = 0.0, toleranceM = 0.0;
      for ( const auto &[u, v] : streets )
      {
        const EdgeId forward = graph.findEdge( u, v ), backward = graph.findEdge( v, u );
        const double wf = forward == kInvalidEdge || weights[forward] >= kUnreachable ? HUGE_VAL : weights[forward];
        const double wb = backward == kInvalidEdge || weights[backward] >= kUnreachable ? HUGE_VAL : weights[backward];
        const bool siteStreet = std::minmax( site.nodeA, site.nodeB ) == std::minmax( u, v );
        const double siteFraction = u == site.nodeA ? site.fractionFromA : 1.0 - site.fractionFromA;
        const PointXY pu = graph.nodePoint( u ), pv = graph.nodePoint( v );
        const double lengthM = std::hypot( pv.x - pu.x, pv.y - pu.y );
        int reached = 0;
        for ( int i = 0; i < kSamples; ++i )
        {
          const double s = ( i + 0.5 ) / kSamples;
          double cost = std::min( nodeCost[u] + s * wf, nodeCost[v] + ( 1.0 - s ) * wb );
          if ( siteStreet )
            cost = std::min( cost, static_cast<double>( access ) + ( s >= siteFraction ? ( s - siteFraction ) * wf : ( siteFraction - s ) * wb ) );
          if ( std::abs( cost - budget ) < 1e-6 )
            continue;  // on the cut itself: either answer is right
          const bool expected = cost < budget;
          const PointXY p{ pu.x + s * ( pv.x - pu.x ), pu.y + s * ( pv.y - pu.y ) };
          QCOMPARE( isOnLines( p, band.lines ), expected );
          reached += expected ? 1 : 0;
        }
        sampledLengthM += lengthM * reached / kSamples;
        // Each stretch end misplaces at most one sample; a street has at most four ends.
        toleranceM += reached > 0 ? 4.0 * lengthM / kSamples : 0.0;
      }
      QVERIFY2( std::abs( band.reachableLengthM - sampledLengthM ) <= toleranceM + 1e-6,
                qPrintable( QStringLiteral( "round %1 threshold %2: %3 vs sampled %4" ).arg( round ).arg( band.threshold )
                              .arg( band.reachableLengthM ).arg( sampledLengthM ) ) );
      const bool legReached = budget > 0.0 && site.accessDistanceM > 0.0;
      QCOMPARE( band.accessLeg.size(), std::size_t( legReached ? 1 : 0 ) );
    }
    roundsReachingStreets += area->bands.back().reachableLengthM > 0.0 ? 1 : 0;
  }
  // A site may sit on a forbidden street, but most rounds must exercise real cuts.
  QVERIFY( roundsReachingStreets >= 8 );
}

QTEST_APPLESS_MAIN( TestServiceArea )
#include "test_service_area.moc"
