// The end-to-end station plan in the engine: ranking, assignment, KPIs and refusals,
// recomputed by hand on a straight street.
#include "engine/planning/station_plan.h"

#include <QtTest>

namespace {

/*
 * One two-way street along y = 0 from x = 0 to x = 3000, vertices every 500 m:
 *
 *   0 ---- 500 ---- 1000 ---- 1500 ---- 2000 ---- 2500 ---- 3000
 *   d0     s0        d1        s1        d2        s2        d3
 *
 * Demand points d* and candidate sites s* sit on the street (no access leg).
 */
gf::Scenario streetScenario()
{
  gf::Scenario scenario;
  gf::RoadSegmentInput street;
  for ( int x = 0; x <= 3000; x += 500 )
    street.points.push_back( { static_cast<double>( x ), 0.0 } );
  scenario.roads.push_back( street );
  const double demandX[] = { 0, 1000, 2000, 3000 };
  const double parcels[] = { 100, 400, 300, 50 };
  for ( int i = 0; i < 4; ++i )
  {
    gf::DemandPoint point;
    point.sourceId = i;
    point.location = { demandX[i], 0.0 };
    point.parcelsPerDay = parcels[i];
    scenario.demand.push_back( point );
  }
  const double siteX[] = { 500, 1500, 2500 };
  for ( int i = 0; i < 3; ++i )
  {
    gf::CandidateSite site;
    site.sourceId = 10 + i;
    site.location = { siteX[i], 0.0 };
    scenario.candidates.push_back( site );
  }
  scenario.parameters.serviceRadiusM = 600.0;
  return scenario;
}

} // namespace

class TestStationPlan : public QObject
{
    Q_OBJECT

  private slots:
    void curveOverTheNumberOfStationsByHand()
    {
      // p = 1: s1 at 1500 is best, 100·1500 + 400·500 + 300·500 + 50·1500 = 575,000, covering d1
      // and d2 (700 of 850 parcels) within 600 m. p = 2 and 3: {s0, s2} serves everyone at 500 m,
      // 850·500 = 425,000, and a third station cannot do better.
      gf::Scenario scenario = streetScenario();
      scenario.parameters.stationCount = 2;
      scenario.parameters.programme.stations.curveMin = 1;
      scenario.parameters.programme.stations.curveMax = 3;
      gf::SilentProgress progress;
      gf::Result<gf::StationPlan> plan = gf::planStations( scenario, progress );
      QVERIFY( plan.isOk() );
      QCOMPARE( plan->curve.size(), std::size_t( 3 ) );
      const double objectives[] = { 575000.0, 425000.0, 425000.0 };
      const double coverage[] = { 700.0 / 850.0, 1.0, 1.0 };
      for ( std::size_t i = 0; i < 3; ++i )
      {
        const gf::StationCurvePoint &point = plan->curve[i];
        QCOMPARE( point.stations, static_cast<std::uint32_t>( i + 1 ) );
        QCOMPARE( point.objective, objectives[i] );
        QVERIFY( point.lowerBound <= point.objective + 1e-6 );
        QCOMPARE( point.coverageShareByParcels, coverage[i] );
        QCOMPARE( point.meanDistanceM, objectives[i] / 850.0 );
      }
      // The plan itself is still the one for stationCount.
      QCOMPARE( plan->stations.size(), std::size_t( 2 ) );
      QCOMPARE( plan->kpis.objective, 425000.0 );
    }

    void twoStationsByHand()
    {
      gf::Scenario scenario = streetScenario();
      scenario.parameters.stationCount = 2;
      gf::SilentProgress progress;
      gf::Result<gf::StationPlan> plan = gf::planStations( scenario, progress );
      QVERIFY( plan.isOk() );
      // Pairs: {s0,s1}: 100·500 + 400·500 + 300·500 + 50·1500 = 475,000
      //        {s0,s2}: 100·500 + 400·500 + 300·500 + 50·500  = 425,000
      //        {s1,s2}: 100·1500 + 400·500 + 300·500 + 50·500 = 525,000  → s0 and s2.
      QCOMPARE( plan->stations.size(), std::size_t( 2 ) );
      QCOMPARE( plan->kpis.objective, 425000.0 );
      QVERIFY( plan->kpis.lowerBound <= plan->kpis.objective + 1e-6 );
      // Rank 1 serves the most parcels: s0 serves d0 + d1 = 500, s2 serves d2 + d3 = 350.
      QCOMPARE( plan->stations[0].candidateIndex, 0u );
      QCOMPARE( plan->stations[0].rank, 1u );
      QCOMPARE( plan->stations[0].servedParcelsPerDay, 500.0 );
      QCOMPARE( plan->stations[1].candidateIndex, 2u );
      QCOMPARE( plan->stations[1].assignedDemandCount, 2u );
      for ( const gf::DemandAssignment &assignment : plan->assignments )
      {
        QCOMPARE( assignment.status, gf::AssignmentStatus::Assigned );
        QCOMPARE( assignment.networkDistanceM, 500.0 );
        QVERIFY( assignment.withinServiceRadius );
      }
      QCOMPARE( plan->kpis.coverageShareByPoints, 1.0 );
      QCOMPARE( plan->kpis.meanDistanceM, 500.0 );
      QCOMPARE( plan->kpis.maxDistanceM, 500.0 );
      QCOMPARE( plan->network.components.size(), std::size_t( 1 ) );
    }

    void lockedAndBannedSitesAreHonoured()
    {
      gf::Scenario scenario = streetScenario();
      scenario.parameters.stationCount = 2;
      scenario.candidates[2].banned = true;      // the best pair needs s2
      gf::SilentProgress progress;
      gf::Result<gf::StationPlan> plan = gf::planStations( scenario, progress );
      QVERIFY( plan.isOk() );
      QCOMPARE( plan->kpis.objective, 475000.0 );  // {s0, s1}
      // Coverage: d3 is 1500 m from s1, outside the 600 m radius; 50 of 850 parcels.
      QCOMPARE( plan->kpis.coverageShareByPoints, 0.75 );
      QCOMPARE( plan->kpis.coverageShareByParcels, 800.0 / 850.0 );

      scenario.candidates[2].banned = false;
      scenario.candidates[1].required = true;    // locked by the planner
      plan = gf::planStations( scenario, progress );
      QVERIFY( plan.isOk() );
      QCOMPARE( plan->kpis.objective, 475000.0 );  // {s0,s1} beats {s1,s2} = 525,000
      bool hasLocked = false;
      for ( const gf::PlannedStation &station : plan->stations )
        hasLocked |= station.candidateIndex == 1u;
      QVERIFY( hasLocked );
    }

    void pointsFarFromRoadsAreReported()
    {
      gf::Scenario scenario = streetScenario();
      scenario.parameters.stationCount = 1;
      scenario.demand[3].location = { 3000.0, 900.0 };   // beyond snapMaxDistanceM = 500
      gf::SilentProgress progress;
      gf::Result<gf::StationPlan> plan = gf::planStations( scenario, progress );
      QVERIFY( plan.isOk() );
      QCOMPARE( plan->assignments[3].status, gf::AssignmentStatus::NotSnapped );
      QCOMPARE( plan->kpis.assignedPoints, 3u );
    }

    void refusals_data()
    {
      QTest::addColumn<int>( "variant" );
      QTest::addColumn<int>( "expected" );
      QTest::newRow( "no demand" ) << 0 << int( gf::ErrorCode::NoDemand );
      QTest::newRow( "no candidates" ) << 1 << int( gf::ErrorCode::NoCandidates );
      QTest::newRow( "zero stations" ) << 2 << int( gf::ErrorCode::InvalidArgument );
      QTest::newRow( "more stations than open-able sites" ) << 3 << int( gf::ErrorCode::TooManyFacilities );
      QTest::newRow( "no roads" ) << 4 << int( gf::ErrorCode::EmptyNetwork );
      QTest::newRow( "canceled" ) << 5 << int( gf::ErrorCode::Canceled );
    }

    void refusals()
    {
      QFETCH( int, variant );
      QFETCH( int, expected );
      gf::Scenario scenario = streetScenario();
      scenario.parameters.stationCount = 2;
      gf::SilentProgress progress;
      switch ( variant )
      {
        case 0:
          scenario.demand.clear();
          break;
        case 1:
          scenario.candidates.clear();
          break;
        case 2:
          scenario.parameters.stationCount = 0;
          break;
        case 3:
          scenario.candidates[0].banned = true;
          scenario.parameters.stationCount = 3;
          break;
        case 4:
          scenario.roads.clear();
          break;
        case 5:
          progress.cancel();
          break;
      }
      gf::Result<gf::StationPlan> plan = gf::planStations( scenario, progress );
      QVERIFY( !plan.isOk() );
      QCOMPARE( int( plan.error().code ), expected );
      if ( variant == 3 )
        QCOMPARE( plan.error().subject, std::string( "3" ) );
    }

    void sameSeedSamePlan()
    {
      gf::Scenario scenario = streetScenario();
      scenario.parameters.stationCount = 2;
      gf::SilentProgress progress;
      const gf::Result<gf::StationPlan> first = gf::planStations( scenario, progress );
      const gf::Result<gf::StationPlan> second = gf::planStations( scenario, progress );
      QVERIFY( first.isOk() && second.isOk() );
      QCOMPARE( first->stations.size(), second->stations.size() );
      for ( std::size_t i = 0; i < first->stations.size(); ++i )
        QCOMPARE( first->stations[i].candidateIndex, second->stations[i].candidateIndex );
    }
};

QTEST_APPLESS_MAIN( TestStationPlan )
#include "test_station_plan.moc"
