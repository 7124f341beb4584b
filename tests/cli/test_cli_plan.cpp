// greenfreight-cli plan end to end on the bundled sample district, and its refusals.
#include "cli_test_support.h"
#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/od/od_matrix.h"
#include "gis/io/project_reader.h"

#include <qgsapplication.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace gf::testing;

class TestCliPlan : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
      QVERIFY2( QFileInfo::exists( kSample ), "the bundled sample district is missing" );
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void plansFortyStationsOnTheSample()
    {
      QTemporaryDir dir;
      const CliRun run = runCli( { QStringLiteral( "plan" ), QStringLiteral( "--out" ), QStringLiteral( "result" ) }, dir.path() );
      QVERIFY2( run.exitCode == 0, qPrintable( run.err ) );
      QVERIFY( run.out.contains( QStringLiteral( "Stations:" ) ) );
      QVERIFY( run.out.contains( QStringLiteral( "Coverage within" ) ) );
      QVERIFY( run.out.contains( QStringLiteral( "Programme targets:" ) ) );
      const QString planPath = dir.filePath( QStringLiteral( "result/plan.gpkg" ) );
      QVERIFY( run.out.contains( planPath ) );
      const QString reportPath = dir.filePath( QStringLiteral( "result/plan.pdf" ) );
      QVERIFY( run.out.contains( reportPath ) );
      QFile report( reportPath );
      QVERIFY( report.open( QIODevice::ReadOnly ) );
      QVERIFY( report.read( 5 ) == "%PDF-" );

      // The compliance table has every programme target, each with a status the summary shows.
      const QList<QgsFeature> compliance = features( planPath, QStringLiteral( "compliance" ) );
      QSet<QString> targets;
      for ( const QgsFeature &row : compliance )
      {
        targets.insert( row.attribute( QStringLiteral( "target_id" ) ).toString() );
        const QString status = row.attribute( QStringLiteral( "status" ) ).toString();
        QVERIFY( status == QLatin1String( "pass" ) || status == QLatin1String( "fail" ) || status == QLatin1String( "not_applicable" ) );
      }
      for ( const char *id : { "transport_cost_reduction", "energy_intensity_reduction", "utilisation_increase", "nev_pile_ratio",
                               "station_count", "loading_bays", "joint_distribution_share_large" } )
        QVERIFY2( targets.contains( QLatin1String( id ) ), id );
      QVERIFY( !features( planPath, QStringLiteral( "centres" ) ).isEmpty() );

      const QList<QgsFeature> stations = features( planPath, QStringLiteral( "stations" ) );
      QCOMPARE( stations.size(), 40 );
      QSet<int> ranks;
      QMap<int, gf::PointXY> locationByRank;
      for ( const QgsFeature &station : stations )
      {
        ranks.insert( station.attribute( QStringLiteral( "rank" ) ).toInt() );
        const QgsPointXY location = station.geometry().asPoint();
        locationByRank.insert( station.attribute( QStringLiteral( "rank" ) ).toInt(), gf::PointXY{ location.x(), location.y() } );
      }
      QCOMPARE( ranks.size(), 40 );
      QCOMPARE( *std::min_element( ranks.begin(), ranks.end() ), 1 );
      QCOMPARE( *std::max_element( ranks.begin(), ranks.end() ), 40 );
      QVERIFY( features( planPath, QStringLiteral( "allocation_lines" ) ).size() > 0 );
      QVERIFY( features( planPath, QStringLiteral( "kpi" ) ).size() > 0 );

      // Recompute every distance with the engine: each assigned point is served by its
      // nearest station at exactly the reported network distance.
      auto read = gf::gis::ProjectReader::read( kSample );
      QVERIFY( std::holds_alternative<gf::gis::ProjectData>( read ) );
      const gf::Scenario &scenario = std::get<gf::gis::ProjectData>( read ).scenario;
      gf::SilentProgress progress;
      gf::Result<gf::BuiltRoadGraph> built = gf::RoadGraphBuilder::build( scenario.roads, gf::RoadGraphBuildOptions{}, progress );
      QVERIFY( built.isOk() );
      const gf::EdgeSnapper snapper( built->graph );
      QMap<qlonglong, const gf::DemandPoint *> demandById;
      for ( const gf::DemandPoint &point : scenario.demand )
        demandById.insert( point.sourceId, &point );

      std::vector<gf::SnappedPoint> stationPoints;
      for ( int rank = 1; rank <= 40; ++rank )
      {
        const auto snapped = snapper.snap( locationByRank.value( rank ), scenario.parameters.snapMaxDistanceM );
        QVERIFY( snapped.has_value() );
        stationPoints.push_back( *snapped );
      }
      const QList<QgsFeature> assignments = features( planPath, QStringLiteral( "demand_assignment" ) );
      QCOMPARE( assignments.size(), static_cast<int>( scenario.demand.size() ) );
      std::vector<gf::SnappedPoint> demandPoints;
      QList<QgsFeature> assigned;
      for ( const QgsFeature &feature : assignments )
      {
        const gf::DemandPoint *point = demandById.value( feature.attribute( QStringLiteral( "demand_fid" ) ).toLongLong() );
        const auto snapped = snapper.snap( point->location, scenario.parameters.snapMaxDistanceM );
        const QString servedBy = feature.attribute( QStringLiteral( "served_by" ) ).toString();
        // Stores are delivered by the centres, bulk freight stays outside the programme, everyone
        // else gets a station.
        const bool large = point->type == gf::DemandType::Supermarket || point->type == gf::DemandType::ChainStore;
        if ( point->type == gf::DemandType::WholesaleMarket || point->type == gf::DemandType::IndustrialPark )
        {
          QCOMPARE( servedBy, QStringLiteral( "outside_programme" ) );
          continue;
        }
        if ( !snapped )
        {
          QCOMPARE( servedBy, large ? QStringLiteral( "unserved" ) : QStringLiteral( "not_snapped" ) );
          continue;
        }
        if ( large )
        {
          QCOMPARE( servedBy, QStringLiteral( "centre" ) );
          QVERIFY( feature.attribute( QStringLiteral( "centre_id" ) ).toInt() >= 1 );
          continue;
        }
        QCOMPARE( servedBy, QStringLiteral( "station" ) );  // every reachable customer is assigned
        demandPoints.push_back( *snapped );
        assigned << feature;
      }
      QVERIFY( assigned.size() > assignments.size() / 2 );
      gf::Result<gf::OdMatrix> od = gf::computeOdMatrix( built->graph, gf::computeEdgeWeights( built->graph, gf::CostMetric::DistanceDm ),
                                                         stationPoints, demandPoints, gf::OdOptions{}, progress );
      QVERIFY( od.isOk() );
      for ( int i = 0; i < assigned.size(); ++i )
      {
        const double reported = assigned[i].attribute( QStringLiteral( "network_distance_m" ) ).toDouble();
        const int rank = assigned[i].attribute( QStringLiteral( "station_rank" ) ).toInt();
        QVERIFY( reported > 0.0 );
        QCOMPARE( reported, od->at( static_cast<std::size_t>( rank - 1 ), static_cast<std::size_t>( i ) ) / 10.0 );
        for ( std::size_t s = 0; s < stationPoints.size(); ++s )
          QVERIFY( od->at( s, static_cast<std::size_t>( i ) ) / 10.0 >= reported );
      }
    }

    void linziPresetPlansTenStations()
    {
      QTemporaryDir dir;
      const CliRun run = runCli( { QStringLiteral( "plan" ), QStringLiteral( "--preset" ), QStringLiteral( "linzi" ), QStringLiteral( "--out" ), dir.path() }, dir.path() );
      QVERIFY2( run.exitCode == 0, qPrintable( run.err ) );
      QCOMPARE( features( dir.filePath( QStringLiteral( "plan.gpkg" ) ), QStringLiteral( "stations" ) ).size(), 10 );
    }

    void badArgumentsWriteNothing_data()
    {
      QTest::addColumn<QStringList>( "arguments" );
      QTest::addColumn<QString>( "mentions" );
      QTest::addColumn<int>( "exitCode" );
      QTest::newRow( "stations not a number" ) << QStringList{ QStringLiteral( "--stations" ), QStringLiteral( "forty" ) } << "--stations" << 2;
      QTest::newRow( "stations fractional" ) << QStringList{ QStringLiteral( "--stations" ), QStringLiteral( "2.5" ) } << "--stations" << 2;
      QTest::newRow( "unknown preset" ) << QStringList{ QStringLiteral( "--preset" ), QStringLiteral( "beijing" ) } << "beijing" << 2;
      QTest::newRow( "missing project" ) << QStringList{ QStringLiteral( "--project" ), QStringLiteral( "nowhere.gpkg" ) } << "nowhere.gpkg" << 2;
      QTest::newRow( "unknown option" ) << QStringList{ QStringLiteral( "--frobnicate" ) } << "frobnicate" << 2;
      QTest::newRow( "more stations than candidates" ) << QStringList{ QStringLiteral( "--stations" ), QStringLiteral( "100000" ) } << "100000" << 1;
    }

    void badArgumentsWriteNothing()
    {
      QFETCH( QStringList, arguments );
      QFETCH( QString, mentions );
      QFETCH( int, exitCode );
      QTemporaryDir dir;
      const CliRun run = runCli( QStringList{ QStringLiteral( "plan" ), QStringLiteral( "--out" ), QStringLiteral( "result" ) } + arguments, dir.path() );
      QCOMPARE( run.exitCode, exitCode );
      QVERIFY2( run.err.contains( mentions ), qPrintable( run.err ) );
      QVERIFY( !QFileInfo::exists( dir.filePath( QStringLiteral( "result/plan.gpkg" ) ) ) );
    }

    void helpDocumentsOptions()
    {
      QTemporaryDir dir;
      const CliRun run = runCli( { QStringLiteral( "plan" ), QStringLiteral( "--help" ) }, dir.path() );
      QCOMPARE( run.exitCode, 0 );
      for ( const QString &option : { QStringLiteral( "--project" ), QStringLiteral( "--preset" ), QStringLiteral( "--stations" ), QStringLiteral( "--out" ) } )
        QVERIFY2( run.out.contains( option ), qPrintable( option ) );
    }
};

QTEST_MAIN( TestCliPlan )
#include "test_cli_plan.moc"
