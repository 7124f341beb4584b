// Sparse OD (cutoff, k-nearest, both) against the dense matrix on random networks.
#include "engine/od/sparse_od_matrix.h"
#include "graph_test_support.h"

#include <QtTest>

using namespace gf;
using namespace gf::testing;

class TestSparseOdMatrix : public QObject
{
    Q_OBJECT

  private slots:
    void againstDenseMatrix();
    void cancel();
};

void TestSparseOdMatrix::againstDenseMatrix()
{
  RandomSource rng( 606 );
  for ( int round = 0; round < 12; ++round )
  {
    SilentProgress progress;
    Result<BuiltRoadGraph> built = RoadGraphBuilder::build( randomRoadSegments( rng, 6, 100.0, 0.3 ),
                                                            RoadGraphBuildOptions(), progress );
    QVERIFY( built.isOk() );
    const RoadGraph &graph = built->graph;
    const EdgeWeights weights = computeEdgeWeights( graph, CostMetric::TimeDs );
    const EdgeSnapper snapper( graph );
    std::vector<SnappedPoint> origins, destinations;
    for ( int i = 0; i < 40; ++i )
      ( i < 10 ? origins : destinations ).push_back( *snapper.snap( randomPointNear( rng, graph, 50.0 ), 1e9 ) );
    // Repeat some destinations so that ties must be broken by index.
    destinations.push_back( destinations[3] );
    destinations.push_back( destinations[7] );

    const Result<OdMatrix> dense = computeOdMatrix( graph, weights, origins, destinations, OdOptions(), progress );
    QVERIFY( dense.isOk() );
    std::vector<Cost> finite;
    for ( Cost c : dense->data() )
    {
      if ( c < kUnreachable )
        finite.push_back( c );
    }
    std::sort( finite.begin(), finite.end() );
    QVERIFY( !finite.empty() );

    SparseOdOptions options;
    options.threads = 1 + rng.below( 3 );
    const Cost cutoffs[] = { kUnreachable, finite[finite.size() / 3] };
    const std::size_t counts[] = { 0, 1, 5 };
    for ( Cost cutoff : cutoffs )
    {
      for ( std::size_t k : counts )
      {
        options.cutoff = cutoff;
        options.nearestCount = k;
        const Result<SparseOdMatrix> sparse = computeSparseOdMatrix( graph, weights, origins, destinations, options, progress );
        QVERIFY( sparse.isOk() );
        QCOMPARE( sparse->rows(), origins.size() );
        QCOMPARE( sparse->cols(), destinations.size() );
        for ( std::size_t o = 0; o < origins.size(); ++o )
        {
          // Reference: every qualifying pair of the dense row, by cost then index, truncated.
          std::vector<OdEntry> expected;
          for ( std::size_t d = 0; d < destinations.size(); ++d )
          {
            if ( dense->at( o, d ) <= cutoff && dense->isReachable( o, d ) )
              expected.push_back( OdEntry{ static_cast<std::uint32_t>( d ), dense->at( o, d ) } );
          }
          std::stable_sort( expected.begin(), expected.end(), []( const OdEntry &a, const OdEntry &b ) { return a.cost < b.cost; } );
          if ( k > 0 && expected.size() > k )
            expected.resize( k );
          const std::vector<OdEntry> actual( sparse->begin( o ), sparse->end( o ) );
          QVERIFY( actual == expected );
        }
      }
    }
  }
}

void TestSparseOdMatrix::cancel()
{
  RandomSource rng( 1 );
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( randomRoadSegments( rng, 4, 100.0, 0.0 ), RoadGraphBuildOptions(), progress );
  QVERIFY( built.isOk() );
  const EdgeWeights weights = computeEdgeWeights( built->graph, CostMetric::DistanceDm );
  const std::vector<SnappedPoint> points( 3, *EdgeSnapper( built->graph ).snap( { 0, 0 }, 1e9 ) );
  SilentProgress canceled;
  canceled.cancel();
  QCOMPARE( computeSparseOdMatrix( built->graph, weights, points, points, SparseOdOptions(), canceled ).error().code,
            ErrorCode::Canceled );
}

QTEST_APPLESS_MAIN( TestSparseOdMatrix )
#include "test_sparse_od_matrix.moc"
