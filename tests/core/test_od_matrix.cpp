// computeOdMatrix against a brute-force reference: Floyd–Warshall between nodes plus the
// access legs and partial pieces at both ends worked out explicitly, on random networks with
// one-way streets and forbidden edges. Also cutoff, threads, cancel and node matrices.
#include "engine/od/od_matrix.h"
#include "graph_test_support.h"

#include <QtTest>

#include <cmath>

using namespace gf;
using namespace gf::testing;

namespace {

struct Network
{
  RoadGraph graph;
  EdgeWeights weights;
};

Network randomNetwork( RandomSource &rng, int gridSize )
{
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( randomRoadSegments( rng, gridSize, 150.0, 0.35 ),
                                                          RoadGraphBuildOptions(), progress );
  Network network;
  if ( !built.isOk() )
    return network;
  network.graph = std::move( built->graph );
  network.weights = computeEdgeWeights( network.graph, rng.unit() < 0.5 ? CostMetric::TimeDs : CostMetric::DistanceDm );
  for ( Cost &w : network.weights )
  {
    if ( rng.unit() < 0.05 )
      w = kUnreachable;
  }
  return network;
}

//! Random points near the network, plus some on the same piece as an earlier point.
std::vector<SnappedPoint> randomSnappedPoints( RandomSource &rng, const Network &network, int count )
{
  const EdgeSnapper snapper( network.graph );
  std::vector<SnappedPoint> points;
  while ( static_cast<int>( points.size() ) < count )
  {
    PointXY p = randomPointNear( rng, network.graph, 80.0 );
    if ( !points.empty() && rng.unit() < 0.3 )
    {
      const SnappedPoint &other = points[rng.below( static_cast<std::uint32_t>( points.size() ) )];
      p = PointXY{ other.projected.x + ( rng.unit() - 0.5 ) * 20.0, other.projected.y + ( rng.unit() - 0.5 ) * 20.0 };
    }
    if ( std::optional<SnappedPoint> snapped = snapper.snap( p, 1e9 ) )
      points.push_back( *snapped );
  }
  return points;
}

std::int64_t rounded( double x )
{
  return std::llround( x );
}

//! Cost of a fraction of an edge: free when the fraction is zero, impossible when the edge is
//! missing or forbidden.
std::int64_t partial( const Network &network, double fraction, EdgeId edge )
{
  if ( fraction <= 0.0 )
    return 0;
  if ( edge == kInvalidEdge || network.weights[edge] >= kUnreachable )
    return kNoPath;
  return rounded( fraction * network.weights[edge] );
}

Cost referenceCost( const Network &network, const CostTable &nodeCosts, const SnappedPoint &o,
                    const SnappedPoint &d, double accessCostPerMetre, Cost cutoff )
{
  const std::int64_t accessO = rounded( o.accessDistanceM * accessCostPerMetre );
  const std::int64_t accessD = rounded( d.accessDistanceM * accessCostPerMetre );
  const std::pair<NodeId, std::int64_t> exits[] = {
    { o.nodeB, partial( network, 1.0 - o.fractionFromA, o.edgeAB ) },
    { o.nodeA, partial( network, o.fractionFromA, o.edgeBA ) },
  };
  const std::pair<NodeId, std::int64_t> entries[] = {
    { d.nodeA, partial( network, d.fractionFromA, d.edgeAB ) },
    { d.nodeB, partial( network, 1.0 - d.fractionFromA, d.edgeBA ) },
  };
  std::int64_t best = kNoPath;
  for ( const auto &[x, exitCost] : exits )
    for ( const auto &[y, entryCost] : entries )
      best = std::min( best, exitCost + nodeCosts[x][y] + entryCost );
  if ( o.nodeA == d.nodeA && o.nodeB == d.nodeB )
  {
    const double delta = d.fractionFromA - o.fractionFromA;
    best = std::min( best, delta >= 0 ? partial( network, delta, o.edgeAB ) : partial( network, -delta, o.edgeBA ) );
  }
  best += accessO + accessD;
  return best > cutoff || best >= kUnreachable ? kUnreachable : static_cast<Cost>( best );
}

//! Cancels itself the first time progress is reported.
class CancelOnProgress final : public ProgressSink
{
  public:
    void setProgress( double ) override { mCanceled = true; }
    bool isCanceled() const override { return mCanceled; }

  private:
    std::atomic<bool> mCanceled{ false };
};

} // namespace

class TestOdMatrix : public QObject
{
    Q_OBJECT

  private slots:
    void randomAgainstReference();
    void cutoffAgainstFullMatrix();
    void threadsGiveIdenticalResults();
    void nodeMatrixAgainstFloyd();
    void phastOnDenseGraphsAgainstFloyd();
    void reusedHierarchyFollowsWeights();
    void unsnappedAndInvalid();
    void cancel();
};

void TestOdMatrix::randomAgainstReference()
{
  RandomSource rng( 4242 );
  for ( int round = 0; round < 25; ++round )
  {
    const Network network = randomNetwork( rng, 3 + static_cast<int>( rng.below( 5 ) ) );
    QVERIFY( network.graph.nodeCount() > 0 );
    const CostTable nodeCosts = allPairsCosts( network.graph, network.weights );
    const std::vector<SnappedPoint> origins = randomSnappedPoints( rng, network, 12 );
    std::vector<SnappedPoint> destinations = randomSnappedPoints( rng, network, 10 );
    destinations.insert( destinations.end(), origins.begin(), origins.begin() + 4 );

    OdOptions options;
    options.threads = 2;
    const double accessRates[] = { 10.0, 0.0, 3.7 };
    options.accessCostPerMetre = accessRates[rng.below( 3 )];
    // Both search engines, alternately.
    options.algorithm = round % 2 == 0 ? OdAlgorithm::Dijkstra : OdAlgorithm::Phast;
    SilentProgress progress;
    const Result<OdMatrix> matrix = computeOdMatrix( network.graph, network.weights, origins, destinations, options, progress );
    QVERIFY( matrix.isOk() );
    QCOMPARE( matrix->rows(), origins.size() );
    QCOMPARE( matrix->cols(), destinations.size() );
    int reachable = 0;
    for ( std::size_t o = 0; o < origins.size(); ++o )
    {
      for ( std::size_t d = 0; d < destinations.size(); ++d )
      {
        const Cost expected = referenceCost( network, nodeCosts, origins[o], destinations[d], options.accessCostPerMetre, kUnreachable );
        if ( matrix->at( o, d ) != expected )
          qWarning() << "round" << round << "pair" << o << d;
        QCOMPARE( matrix->at( o, d ), expected );
        reachable += matrix->isReachable( o, d ) ? 1 : 0;
      }
    }
    // A point's cost to itself is its access leg, twice.
    for ( std::size_t i = 0; i < 4; ++i )
    {
      const Cost access = static_cast<Cost>( rounded( origins[i].accessDistanceM * options.accessCostPerMetre ) );
      QCOMPARE( matrix->at( i, 10 + i ), 2 * access );
    }
    QVERIFY( reachable > 0 );
  }
}

void TestOdMatrix::cutoffAgainstFullMatrix()
{
  RandomSource rng( 99 );
  for ( int round = 0; round < 10; ++round )
  {
    const Network network = randomNetwork( rng, 6 );
    const std::vector<SnappedPoint> points = randomSnappedPoints( rng, network, 20 );
    OdOptions full;
    SilentProgress progress;
    const Result<OdMatrix> all = computeOdMatrix( network.graph, network.weights, points, points, full, progress );
    QVERIFY( all.isOk() );
    // A cutoff at the median finite cost splits the pairs.
    std::vector<Cost> finite;
    for ( Cost c : all->data() )
    {
      if ( c < kUnreachable )
        finite.push_back( c );
    }
    QVERIFY( !finite.empty() );
    std::sort( finite.begin(), finite.end() );
    OdOptions limited;
    limited.cutoff = finite[finite.size() / 2];
    limited.algorithm = round % 2 == 0 ? OdAlgorithm::Dijkstra : OdAlgorithm::Phast;
    const Result<OdMatrix> cut = computeOdMatrix( network.graph, network.weights, points, points, limited, progress );
    QVERIFY( cut.isOk() );
    for ( std::size_t i = 0; i < all->data().size(); ++i )
    {
      const Cost c = all->data()[i];
      QCOMPARE( cut->data()[i], c <= limited.cutoff ? c : kUnreachable );
    }
  }
}

void TestOdMatrix::threadsGiveIdenticalResults()
{
  RandomSource rng( 5 );
  const Network network = randomNetwork( rng, 12 );
  const std::vector<SnappedPoint> points = randomSnappedPoints( rng, network, 60 );
  SilentProgress progress;
  OdOptions one;
  one.threads = 1;
  OdOptions three;
  three.threads = 3;
  OdOptions phast;
  phast.threads = 3;
  phast.algorithm = OdAlgorithm::Phast;
  const Result<OdMatrix> a = computeOdMatrix( network.graph, network.weights, points, points, one, progress );
  const Result<OdMatrix> b = computeOdMatrix( network.graph, network.weights, points, points, three, progress );
  const Result<OdMatrix> c = computeOdMatrix( network.graph, network.weights, points, points, phast, progress );
  QVERIFY( a.isOk() && b.isOk() && c.isOk() );
  QVERIFY( a->data() == b->data() );
  QVERIFY( a->data() == c->data() );
}

void TestOdMatrix::nodeMatrixAgainstFloyd()
{
  RandomSource rng( 31 );
  const Network network = randomNetwork( rng, 7 );
  const CostTable nodeCosts = allPairsCosts( network.graph, network.weights );
  std::vector<NodeId> nodes( network.graph.nodeCount() );
  std::iota( nodes.begin(), nodes.end(), NodeId( 0 ) );
  std::vector<NodeId> origins( nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>( nodes.size() / 2 ) );
  SilentProgress progress;
  for ( OdAlgorithm algorithm : { OdAlgorithm::Dijkstra, OdAlgorithm::Phast } )
  {
    OdOptions options;
    options.algorithm = algorithm;
    const Result<OdMatrix> matrix = computeNodeOdMatrix( network.graph, network.weights, origins, nodes, options, progress );
    QVERIFY( matrix.isOk() );
    for ( std::size_t o = 0; o < origins.size(); ++o )
    {
      for ( std::size_t d = 0; d < nodes.size(); ++d )
      {
        const std::int64_t expected = nodeCosts[origins[o]][d];
        QCOMPARE( std::int64_t( matrix->at( o, d ) ), expected >= kUnreachable ? std::int64_t( kUnreachable ) : expected );
      }
    }
  }
}

void TestOdMatrix::phastOnDenseGraphsAgainstFloyd()
{
  // Mean out-degrees from 1 to 25: the hierarchy contracts sparse graphs fully and leaves a
  // dense remainder (all of the densest graphs) as an uncontracted core, which the upward
  // search crosses as a plain Dijkstra. More origins than one sweep's lanes, on two threads,
  // so that full and partial batches run.
  RandomSource rng( 77 );
  SilentProgress progress;
  for ( int round = 0; round < 12; ++round )
  {
    const std::uint32_t nodeCount = 40 + rng.below( 30 );
    std::vector<PointXY> points;
    for ( std::uint32_t i = 0; i < nodeCount; ++i )
      points.push_back( PointXY{ rng.unit() * 1000, rng.unit() * 1000 } );
    std::vector<DirectedEdgeInput> edges;
    const std::uint32_t edgeCount = nodeCount * ( 1 + static_cast<std::uint32_t>( round ) * 2 );
    for ( std::uint32_t i = 0; i < edgeCount; ++i )
    {
      DirectedEdgeInput e;
      e.tail = rng.below( nodeCount );
      e.head = rng.below( nodeCount );
      e.attributes.lengthDm = static_cast<std::int32_t>( rng.below( 50 ) );  // ties and zeros occur
      edges.push_back( e );
    }
    RoadGraphBuildOptions buildOptions;
    buildOptions.keepLargestComponentOnly = false;
    Result<BuiltRoadGraph> built = RoadGraphBuilder::fromEdgeList( points, edges, buildOptions, progress );
    QVERIFY( built.isOk() );
    const RoadGraph &graph = built->graph;
    const EdgeWeights weights = computeEdgeWeights( graph, CostMetric::DistanceDm );
    const CostTable reference = allPairsCosts( graph, weights );
    std::vector<NodeId> nodes( graph.nodeCount() );
    std::iota( nodes.begin(), nodes.end(), NodeId( 0 ) );
    OdOptions options;
    options.algorithm = OdAlgorithm::Phast;
    options.threads = 2;
    const Result<OdMatrix> matrix = computeNodeOdMatrix( graph, weights, nodes, nodes, options, progress );
    QVERIFY( matrix.isOk() );
    for ( std::size_t o = 0; o < nodes.size(); ++o )
    {
      for ( std::size_t d = 0; d < nodes.size(); ++d )
      {
        const std::int64_t expected = reference[o][d];
        QCOMPARE( std::int64_t( matrix->at( o, d ) ), expected >= kUnreachable ? std::int64_t( kUnreachable ) : expected );
      }
    }
  }
}

void TestOdMatrix::reusedHierarchyFollowsWeights()
{
  // The hierarchy kept from one batch must serve only the same edges and weights: cheapen
  // and forbid edges between calls on the same graph and check each answer against Floyd.
  RandomSource rng( 41 );
  Network network = randomNetwork( rng, 7 );
  std::vector<NodeId> nodes( network.graph.nodeCount() );
  std::iota( nodes.begin(), nodes.end(), NodeId( 0 ) );
  OdOptions options;
  options.algorithm = OdAlgorithm::Phast;
  SilentProgress progress;
  for ( int round = 0; round < 4; ++round )
  {
    if ( round > 0 )
    {
      for ( int change = 0; change < 5; ++change )
      {
        Cost &w = network.weights[rng.below( static_cast<std::uint32_t>( network.weights.size() ) )];
        w = change % 2 == 0 ? w / 4 : kUnreachable;
      }
    }
    const CostTable reference = allPairsCosts( network.graph, network.weights );
    for ( int repeat = 0; repeat < 2; ++repeat )  // the second call reuses the hierarchy
    {
      const Result<OdMatrix> matrix = computeNodeOdMatrix( network.graph, network.weights, nodes, nodes, options, progress );
      QVERIFY( matrix.isOk() );
      for ( std::size_t o = 0; o < nodes.size(); ++o )
      {
        for ( std::size_t d = 0; d < nodes.size(); ++d )
        {
          const std::int64_t expected = reference[o][d];
          QCOMPARE( std::int64_t( matrix->at( o, d ) ), expected >= kUnreachable ? std::int64_t( kUnreachable ) : expected );
        }
      }
    }
  }
}

void TestOdMatrix::unsnappedAndInvalid()
{
  RandomSource rng( 8 );
  const Network network = randomNetwork( rng, 4 );
  std::vector<SnappedPoint> points = randomSnappedPoints( rng, network, 3 );
  points.push_back( SnappedPoint() );  // a point that found no road
  SilentProgress progress;
  const Result<OdMatrix> matrix = computeOdMatrix( network.graph, network.weights, points, points, OdOptions(), progress );
  QVERIFY( matrix.isOk() );
  for ( std::size_t i = 0; i < points.size(); ++i )
  {
    QCOMPARE( matrix->at( 3, i ), kUnreachable );
    QCOMPARE( matrix->at( i, 3 ), kUnreachable );
  }

  const EdgeWeights tooShort( 1, 1 );
  QCOMPARE( computeOdMatrix( network.graph, tooShort, points, points, OdOptions(), progress ).error().code, ErrorCode::InvalidArgument );
  SnappedPoint foreign = points[0];
  foreign.nodeB = static_cast<NodeId>( network.graph.nodeCount() );
  QCOMPARE( computeOdMatrix( network.graph, network.weights, { foreign }, points, OdOptions(), progress ).error().code,
            ErrorCode::InvalidArgument );
  QCOMPARE( computeNodeOdMatrix( network.graph, network.weights, { foreign.nodeB }, { 0 }, OdOptions(), progress ).error().code,
            ErrorCode::InvalidArgument );
}

void TestOdMatrix::cancel()
{
  RandomSource rng( 12 );
  const Network network = randomNetwork( rng, 8 );
  const std::vector<SnappedPoint> points = randomSnappedPoints( rng, network, 50 );
  SilentProgress canceled;
  canceled.cancel();
  QCOMPARE( computeOdMatrix( network.graph, network.weights, points, points, OdOptions(), canceled ).error().code,
            ErrorCode::Canceled );
  for ( OdAlgorithm algorithm : { OdAlgorithm::Dijkstra, OdAlgorithm::Phast } )
  {
    CancelOnProgress midway;
    OdOptions oneThread;
    oneThread.threads = 1;
    oneThread.algorithm = algorithm;
    QCOMPARE( computeOdMatrix( network.graph, network.weights, points, points, oneThread, midway ).error().code,
              ErrorCode::Canceled );
  }
}

QTEST_APPLESS_MAIN( TestOdMatrix )
#include "test_od_matrix.moc"
