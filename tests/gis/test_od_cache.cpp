// OD matrices cached in a GeoPackage: a hit returns the same matrix, any change to the
// network, weights, points or options misses, and the cache never grows without bound.
#include "engine/graph/road_graph_builder.h"
#include "gis/network/od_cache.h"

#include <qgsapplication.h>

#include <QTemporaryDir>
#include <QtTest>

namespace {

/*
 * A 4×4 grid of 100 m blocks; origins and destinations sit beside streets.
 */
gf::BuiltRoadGraph gridGraph( double blockM = 100.0 )
{
  std::vector<gf::RoadSegmentInput> segments;
  for ( int i = 0; i < 4; ++i )
  {
    gf::RoadSegmentInput row;
    gf::RoadSegmentInput column;
    for ( int j = 0; j < 4; ++j )
    {
      row.points.push_back( { j * blockM, i * blockM } );
      column.points.push_back( { i * blockM, j * blockM } );
    }
    segments.push_back( row );
    segments.push_back( column );
  }
  gf::SilentProgress progress;
  return *gf::RoadGraphBuilder::build( segments, gf::RoadGraphBuildOptions{}, progress );
}

std::vector<gf::SnappedPoint> snapAll( const gf::RoadGraph &graph, const std::vector<gf::PointXY> &points )
{
  const gf::EdgeSnapper snapper( graph );
  std::vector<gf::SnappedPoint> snapped;
  for ( const gf::PointXY &point : points )
    snapped.push_back( *snapper.snap( point, 50.0 ) );
  return snapped;
}

} // namespace

class TestOdCache : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void hitReturnsTheSameMatrixAndChangesMiss()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "cache.gpkg" ) );
      const gf::BuiltRoadGraph built = gridGraph();
      const gf::EdgeWeights weights = gf::computeEdgeWeights( built.graph, gf::CostMetric::DistanceDm );
      const auto origins = snapAll( built.graph, { { 10, 5 }, { 250, 110 } } );
      const auto destinations = snapAll( built.graph, { { 295, 290 }, { 5, 150 }, { 120, 210 } } );
      gf::SilentProgress progress;

      gf::gis::OdCache cache( path );
      gf::Result<gf::OdMatrix> first = cache.odMatrix( built.graph, weights, origins, destinations, gf::OdOptions{}, progress );
      QVERIFY( first.isOk() );
      QCOMPARE( cache.requestCount(), 1 );
      QCOMPARE( cache.hitCount(), 0 );
      QVERIFY( !cache.lastStoreError().isError() );

      gf::gis::OdCache reopened( path );
      gf::Result<gf::OdMatrix> second = reopened.odMatrix( built.graph, weights, origins, destinations, gf::OdOptions{}, progress );
      QVERIFY( second.isOk() );
      QCOMPARE( reopened.hitCount(), 1 );
      QCOMPARE( second->rows(), first->rows() );
      QCOMPARE( second->cols(), first->cols() );
      QVERIFY( second->data() == first->data() );

      // Each change of an input must invalidate the entry.
      const QByteArray baseKey = gf::gis::OdCache::key( built.graph, weights, origins, destinations, gf::OdOptions{} );
      gf::EdgeWeights slower = weights;
      slower[3] += 1;
      QVERIFY( gf::gis::OdCache::key( built.graph, slower, origins, destinations, gf::OdOptions{} ) != baseKey );
      const auto movedOrigins = snapAll( built.graph, { { 10, 6 }, { 250, 110 } } );
      QVERIFY( gf::gis::OdCache::key( built.graph, weights, movedOrigins, destinations, gf::OdOptions{} ) != baseKey );
      gf::OdOptions cutoff;
      cutoff.cutoff = 2000;
      QVERIFY( gf::gis::OdCache::key( built.graph, weights, origins, destinations, cutoff ) != baseKey );
      const gf::BuiltRoadGraph larger = gridGraph( 120.0 );
      QVERIFY( gf::gis::OdCache::key( larger.graph, gf::computeEdgeWeights( larger.graph, gf::CostMetric::DistanceDm ), origins, destinations, gf::OdOptions{} ) != baseKey );
      // Threads do not change results, so they do not change the key.
      gf::OdOptions threaded;
      threaded.threads = 2;
      QCOMPARE( gf::gis::OdCache::key( built.graph, weights, origins, destinations, threaded ), baseKey );

      gf::Result<gf::OdMatrix> changed = reopened.odMatrix( built.graph, slower, origins, destinations, gf::OdOptions{}, progress );
      QVERIFY( changed.isOk() );
      QCOMPARE( reopened.requestCount(), 2 );
      QCOMPARE( reopened.hitCount(), 1 );
    }

    void keepsOnlyTheNewestEntries()
    {
      QTemporaryDir dir;
      gf::gis::OdCache cache( dir.filePath( QStringLiteral( "cache.gpkg" ) ) );
      for ( int i = 0; i < gf::gis::OdCache::kMaxEntries + 3; ++i )
      {
        gf::OdMatrix matrix( 1, 1, i );
        QVERIFY( !cache.store( QByteArray::number( i ), matrix ).isError() );
      }
      int kept = 0;
      for ( int i = 0; i < gf::gis::OdCache::kMaxEntries + 3; ++i )
      {
        if ( std::optional<gf::OdMatrix> loaded = cache.load( QByteArray::number( i ) ) )
        {
          QCOMPARE( loaded->at( 0, 0 ), i );
          ++kept;
        }
      }
      QCOMPARE( kept, gf::gis::OdCache::kMaxEntries );
      QVERIFY( cache.load( QByteArray::number( gf::gis::OdCache::kMaxEntries + 2 ) ).has_value() );
    }

    void unwritableCacheIsReportedNotFatal()
    {
      // The parent "folder" is a regular file, so nothing can be created there (even as root).
      QTemporaryDir dir;
      QFile blocker( dir.filePath( QStringLiteral( "plain-file" ) ) );
      QVERIFY( blocker.open( QIODevice::WriteOnly ) );
      blocker.close();
      gf::gis::OdCache cache( dir.filePath( QStringLiteral( "plain-file/cache.gpkg" ) ) );
      const gf::BuiltRoadGraph built = gridGraph();
      const gf::EdgeWeights weights = gf::computeEdgeWeights( built.graph, gf::CostMetric::DistanceDm );
      const auto points = snapAll( built.graph, { { 10, 5 } } );
      gf::SilentProgress progress;
      gf::Result<gf::OdMatrix> result = cache.odMatrix( built.graph, weights, points, points, gf::OdOptions{}, progress );
      QVERIFY( result.isOk() );
      QCOMPARE( result->at( 0, 0 ), 100 );  // 5 m access leg out and back, in decimetres
      QCOMPARE( cache.lastStoreError().code, gf::gis::GisErrorCode::WriteFailed );
    }
};

QTEST_MAIN( TestOdCache )
#include "test_od_cache.moc"
