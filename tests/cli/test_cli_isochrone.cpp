// greenfreight-cli isochrone end to end on the bundled sample district: nested polygons that
// hold every node the OD engine finds within each distance, profiles that can only shrink the
// reach, and refusals that write nothing.
#include "cli_test_support.h"
#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/od/od_matrix.h"
#include "gis/io/project_reader.h"

#include <qgsapplication.h>
#include <qgsgeometry.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace gf::testing;

namespace {

//! A street corner in the centre of Zhangdian, in the sample's EPSG:4548.
const QString kSite = QStringLiteral( "593700,4074800" );
const gf::PointXY kSitePoint{ 593700.0, 4074800.0 };

QList<QgsFeature> isochrones( const QString &profile, const QString &folder )
{
  const QString out = QDir( folder ).filePath( profile + QStringLiteral( ".gpkg" ) );
  const CliRun run = runCli( { QStringLiteral( "isochrone" ), QStringLiteral( "--project" ), kSample, QStringLiteral( "--at" ), kSite,
                               QStringLiteral( "--costs" ), QStringLiteral( "2000,500,1000" ), QStringLiteral( "--profile" ), profile,
                               QStringLiteral( "--out" ), out }, folder );
  if ( run.exitCode != 0 )
    qWarning() << run.err;
  return run.exitCode == 0 ? features( out, QStringLiteral( "service_areas" ) ) : QList<QgsFeature>();
}

} // namespace

class TestCliIsochrone : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
      QVERIFY2( QFileInfo::exists( kSample ), "the bundled sample district is missing" );
      mVan = isochrones( QStringLiteral( "nev_van" ), mDir.path() );
      QCOMPARE( mVan.size(), 3 );
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void nestedPolygonsHoldTheReachedNodes();
    void restrictedProfilesReachLess();
    void badArgumentsWriteNothing_data();
    void badArgumentsWriteNothing();

  private:
    QTemporaryDir mDir;
    QList<QgsFeature> mVan;  //!< the van's areas, shared by the tests to keep them fast
};

void TestCliIsochrone::nestedPolygonsHoldTheReachedNodes()
{
  const QList<QgsFeature> &areas = mVan;
  const double thresholds[] = { 500.0, 1000.0, 2000.0 };
  for ( int i = 0; i < 3; ++i )
  {
    QCOMPARE( areas[i].attribute( QStringLiteral( "threshold_m" ) ).toDouble(), thresholds[i] );
    QVERIFY( areas[i].geometry().isGeosValid() );
    QVERIFY( std::abs( areas[i].geometry().area() - areas[i].attribute( QStringLiteral( "area_m2" ) ).toDouble() ) < 1.0 );
    if ( i > 0 )
    {
      QVERIFY( areas[i].attribute( QStringLiteral( "area_m2" ) ).toDouble() > areas[i - 1].attribute( QStringLiteral( "area_m2" ) ).toDouble() );
      QVERIFY( areas[i].attribute( QStringLiteral( "reachable_length_m" ) ).toDouble() > areas[i - 1].attribute( QStringLiteral( "reachable_length_m" ) ).toDouble() );
      QVERIFY( areas[i - 1].geometry().difference( areas[i].geometry() ).area() < 1e-3 );
    }
  }

  // The van may use every road: its costs are plain distances. Every node that the OD engine
  // reaches within a threshold lies inside that threshold's polygon, and the polygons reach no
  // farther than the trim distance beyond the nodes of the next ring.
  auto read = gf::gis::ProjectReader::read( kSample );
  QVERIFY( std::holds_alternative<gf::gis::ProjectData>( read ) );
  const gf::Scenario &scenario = std::get<gf::gis::ProjectData>( read ).scenario;
  gf::SilentProgress progress;
  gf::RoadGraphBuildOptions buildOptions;
  buildOptions.snapToleranceM = scenario.parameters.networkSnapToleranceM;
  gf::Result<gf::BuiltRoadGraph> built = gf::RoadGraphBuilder::build( scenario.roads, buildOptions, progress );
  QVERIFY( built.isOk() );
  const gf::RoadGraph &graph = built->graph;
  const gf::EdgeSnapper snapper( graph );
  std::vector<gf::SnappedPoint> nodes;
  for ( const gf::PointXY &p : graph.nodePoints() )
    nodes.push_back( *snapper.snap( p, 1.0 ) );
  gf::OdOptions odOptions;
  odOptions.threads = 1;
  gf::Result<gf::OdMatrix> od = gf::computeOdMatrix( graph, gf::computeEdgeWeights( graph, gf::CostMetric::DistanceDm ),
                                                     { *snapper.snap( kSitePoint, 500.0 ) }, nodes, odOptions, progress );
  QVERIFY( od.isOk() );
  for ( int i = 0; i < 3; ++i )
  {
    const QgsGeometry polygon = areas[i].geometry();
    int inside = 0;
    for ( std::size_t n = 0; n < nodes.size(); ++n )
    {
      if ( od->at( 0, n ) > thresholds[i] * 10.0 )
        continue;
      QVERIFY( polygon.distance( QgsGeometry::fromPointXY( QgsPointXY( graph.nodePoint( n ).x, graph.nodePoint( n ).y ) ) ) < 1e-6 );
      ++inside;
    }
    QVERIFY( inside > 10 * ( i + 1 ) );
  }
}

void TestCliIsochrone::restrictedProfilesReachLess()
{
  // In distance, a profile that may use fewer roads can never reach farther than the van.
  const QList<QgsFeature> &van = mVan;
  for ( const QString &profile : { QStringLiteral( "truck" ), QStringLiteral( "e_tricycle" ) } )
  {
    const QList<QgsFeature> areas = isochrones( profile, mDir.path() );
    QCOMPARE( areas.size(), 3 );
    for ( int i = 0; i < 3; ++i )
    {
      QVERIFY( areas[i].attribute( QStringLiteral( "reachable_length_m" ) ).toDouble()
               <= van[i].attribute( QStringLiteral( "reachable_length_m" ) ).toDouble() + 1e-6 );
      QVERIFY( areas[i].geometry().difference( van[i].geometry() ).area() < 1e-3 );
    }
  }
}

void TestCliIsochrone::badArgumentsWriteNothing_data()
{
  QTest::addColumn<QStringList>( "arguments" );
  QTest::addColumn<int>( "exitCode" );
  QTest::addColumn<QString>( "message" );
  QTest::newRow( "no site" ) << QStringList{ QStringLiteral( "--costs" ), QStringLiteral( "500" ) } << 2 << QStringLiteral( "--at" );
  QTest::newRow( "site not numbers" ) << QStringList{ QStringLiteral( "--at" ), QStringLiteral( "east,north" ), QStringLiteral( "--costs" ), QStringLiteral( "500" ) } << 2 << QStringLiteral( "--at" );
  QTest::newRow( "negative cost" ) << QStringList{ QStringLiteral( "--at" ), kSite, QStringLiteral( "--costs" ), QStringLiteral( "500,-1" ) } << 2 << QStringLiteral( "--costs" );
  QTest::newRow( "unknown profile" ) << QStringList{ QStringLiteral( "--at" ), kSite, QStringLiteral( "--costs" ), QStringLiteral( "500" ), QStringLiteral( "--profile" ), QStringLiteral( "bike" ) } << 2 << QStringLiteral( "bike" );
  QTest::newRow( "site far from roads" ) << QStringList{ QStringLiteral( "--at" ), QStringLiteral( "118.05,36.8" ), QStringLiteral( "--costs" ), QStringLiteral( "500" ) } << 1 << QStringLiteral( "EPSG:4548" );
}

void TestCliIsochrone::badArgumentsWriteNothing()
{
  QFETCH( QStringList, arguments );
  QFETCH( int, exitCode );
  QFETCH( QString, message );
  QTemporaryDir dir;
  const CliRun run = runCli( QStringList{ QStringLiteral( "isochrone" ), QStringLiteral( "--project" ), kSample,
                                          QStringLiteral( "--out" ), QStringLiteral( "iso.gpkg" ) } + arguments, dir.path() );
  QCOMPARE( run.exitCode, exitCode );
  QVERIFY2( run.err.contains( message ), qPrintable( run.err ) );
  QVERIFY( QDir( dir.path() ).entryList( QDir::Files | QDir::Hidden ).isEmpty() );
}

QTEST_MAIN( TestCliIsochrone )
#include "test_cli_isochrone.moc"
