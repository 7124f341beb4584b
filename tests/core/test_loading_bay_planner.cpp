// Loading bays: eligibility of roads (class, truck restriction in the window, restricted
// zones, commercial land), the count target, spacing, and served deliveries and the objective
// against brute force (exhaustive enumeration on small instances).
#include "programme_test_support.h"

#include "engine/landuse/polygon_geometry.h"
#include "engine/landuse/polygon_grid.h"
#include "engine/programme/loading_bay_planner.h"
#include "engine/solvers/random_source.h"

#include <QtTest>

#include <cmath>

using namespace gf;
using namespace gf::test;

namespace {

TimeWindow window( int startH, int endH )
{
  return TimeWindow{ static_cast<std::int16_t>( startH * 60 ), static_cast<std::int16_t>( endH * 60 ) };
}

RoadSegmentInput restrictedRoad( std::vector<PointXY> points, RoadClass roadClass, TimeWindow truckWindow )
{
  RoadSegmentInput segment = road( std::move( points ), roadClass );
  segment.truckRestricted = true;
  segment.truckWindow = truckWindow;
  return segment;
}

//  y = 600  branch, restricted all day (empty window)       | commercial strips 10–50 m
//  y = 500  collector                                        | north of each road,
//  y = 400  branch, trucks banned 07–09 (outside the window) | residential along y = -300
//  y = 300  branch, trucks banned 07–20 (overlaps 09–16)
//  y = 200  expressway
//  y = 100  arterial
//  y = -300 branch next to residential land only
Scenario district( RandomSource &random, int demandCount )
{
  Scenario scenario;
  scenario.roads.push_back( road( { { 0, 100 }, { 400, 100 }, { 1000, 100 } }, RoadClass::Arterial ) );
  scenario.roads.push_back( road( { { 0, 200 }, { 1000, 200 } }, RoadClass::Expressway ) );
  scenario.roads.push_back( restrictedRoad( { { 0, 300 }, { 1000, 300 } }, RoadClass::Branch, window( 7, 20 ) ) );
  scenario.roads.push_back( restrictedRoad( { { 0, 400 }, { 1000, 400 } }, RoadClass::Branch, window( 7, 9 ) ) );
  scenario.roads.push_back( road( { { 0, 500 }, { 1000, 500 } }, RoadClass::Collector ) );
  scenario.roads.push_back( restrictedRoad( { { 0, 600 }, { 1000, 600 } }, RoadClass::Branch, TimeWindow{} ) );
  scenario.roads.push_back( road( { { 0, -300 }, { 1000, -300 } }, RoadClass::Branch ) );
  for ( double y : { 100.0, 200.0, 300.0, 400.0, 500.0, 600.0 } )
    scenario.parcels.push_back( parcel( static_cast<std::int64_t>( y ), "05H1", rectangle( 0, y + 10, 1000, y + 50 ) ) );
  scenario.parcels.push_back( parcel( 1, "0701", rectangle( 0, -290, 1000, -250 ) ) );
  for ( int d = 0; d < demandCount; ++d )
  {
    DemandPoint point;
    point.location = { static_cast<double>( random.below( 1000 ) ), -320.0 + random.below( 960 ) };
    point.parcelsPerDay = 1 + random.below( 200 );
    scenario.demand.push_back( point );
  }
  return scenario;
}

LoadingBayParameters bayParameters()
{
  LoadingBayParameters parameters;
  parameters.targetCount = 6;
  parameters.walkingDistanceM = 120;
  parameters.bayLengthM = 12;
  parameters.minSpacingM = 150;
  parameters.window = window( 9, 16 );
  parameters.positionStepM = 25;
  parameters.commercialDistanceM = 30;
  return parameters;
}

//! Eligible positions by the documented rule, recomputed independently of the planner.
std::vector<std::pair<std::uint32_t, PointXY>> referencePositions( const Scenario &scenario, const LandUseTable &table, const LoadingBayParameters &parameters )
{
  std::vector<std::pair<std::uint32_t, PointXY>> positions;
  for ( std::uint32_t r = 0; r < scenario.roads.size(); ++r )
  {
    const RoadSegmentInput &road = scenario.roads[r];
    const bool classOk = road.roadClass == RoadClass::Arterial || road.roadClass == RoadClass::Branch
                         || ( parameters.allowCollector && road.roadClass == RoadClass::Collector );
    // Minutes of the day, one by one: restricted when the truck window contains a bay minute.
    bool restricted = false;
    for ( int minute = 0; minute < 1440 && road.truckRestricted; ++minute )
      restricted = restricted || ( ( road.truckWindow.isEmpty() || road.truckWindow.contains( minute ) ) && parameters.window.contains( minute ) );
    if ( !classOk || restricted )
      continue;
    std::vector<double> cumulative{ 0.0 };
    for ( std::size_t i = 1; i < road.points.size(); ++i )
      cumulative.push_back( cumulative.back() + std::hypot( road.points[i].x - road.points[i - 1].x, road.points[i].y - road.points[i - 1].y ) );
    for ( int k = 0;; ++k )
    {
      const double along = parameters.bayLengthM / 2 + k * parameters.positionStepM;
      if ( along > cumulative.back() - parameters.bayLengthM / 2 + 1e-9 )
        break;
      std::size_t i = 1;
      while ( i + 1 < cumulative.size() && cumulative[i] < along )
        ++i;
      const double t = ( along - cumulative[i - 1] ) / ( cumulative[i] - cumulative[i - 1] );
      const PointXY point{ road.points[i - 1].x + t * ( road.points[i].x - road.points[i - 1].x ), road.points[i - 1].y + t * ( road.points[i].y - road.points[i - 1].y ) };
      bool nearCommercial = false;
      for ( const LandParcel &p : scenario.parcels )
        nearCommercial = nearCommercial || ( table.isCommercial( p.landUseCode, p.landUseSystem )
                                             && ( pointInPolygon( point, p.shape ) || distanceToBoundary( point, p.shape ) <= parameters.commercialDistanceM ) );
      bool inZone = false;
      for ( const RestrictedZone &zone : scenario.restrictedZones )
        inZone = inZone || ( timeWindowsOverlap( zone.truckWindow, parameters.window ) && pointInPolygon( point, zone.shape ) );
      if ( nearCommercial && !inZone )
        positions.emplace_back( r, point );
    }
  }
  return positions;
}

double distance( const PointXY &a, const PointXY &b )
{
  return std::hypot( a.x - b.x, a.y - b.y );
}

//! Served weight of a set of bay centres: every demand point within walking distance of one.
double coveredBy( const Scenario &scenario, const std::vector<PointXY> &centres, double walkingM )
{
  double covered = 0.0;
  for ( const DemandPoint &point : scenario.demand )
  {
    bool served = false;
    for ( const PointXY &c : centres )
      served = served || distance( c, point.location ) <= walkingM;
    covered += served ? point.parcelsPerDay : 0.0;
  }
  return covered;
}

void verifyPlan( const Scenario &scenario, const LandUseTable &table, const LoadingBayParameters &parameters, const LoadingBayPlan &plan )
{
  const auto reference = referencePositions( scenario, table, parameters );
  QCOMPARE( plan.eligiblePositions, static_cast<std::uint32_t>( reference.size() ) );
  std::vector<PointXY> centres;
  for ( const LoadingBay &bay : plan.bays )
  {
    // Only at eligible positions: on an allowed road, near commercial land, outside zones.
    bool eligible = false;
    for ( const auto &[roadIndex, point] : reference )
      eligible = eligible || ( roadIndex == bay.roadIndex && distance( point, bay.centre ) < 1e-6 );
    QVERIFY( eligible );
    QVERIFY( scenario.roads[bay.roadIndex].roadClass != RoadClass::Expressway );
    QCOMPARE( bay.window.startMin, parameters.window.startMin );
    QCOMPARE( bay.window.endMin, parameters.window.endMin );
    // The bay is a piece of the road of the bay length, centred on the position.
    QVERIFY( bay.line.size() >= 2 );
    double length = 0.0;
    for ( std::size_t i = 1; i < bay.line.size(); ++i )
      length += distance( bay.line[i - 1], bay.line[i] );
    QVERIFY( std::abs( length - parameters.bayLengthM ) < 1e-6 );
    QVERIFY( std::abs( distance( bay.line.front(), bay.centre ) - parameters.bayLengthM / 2 ) < 1e-6 || bay.line.size() > 2 );
    centres.push_back( bay.centre );
  }
  for ( std::size_t a = 0; a < centres.size(); ++a )
    for ( std::size_t b = a + 1; b < centres.size(); ++b )
      QVERIFY( distance( centres[a], centres[b] ) >= parameters.minSpacingM - 1e-9 );
  // Served customers: the nearest bay within walking distance, recomputed by brute force.
  double total = 0.0;
  for ( std::uint32_t d = 0; d < scenario.demand.size(); ++d )
  {
    std::uint32_t nearest = kNoIndex;
    for ( std::uint32_t b = 0; b < centres.size(); ++b )
    {
      const double m = distance( centres[b], scenario.demand[d].location );
      if ( m <= parameters.walkingDistanceM && ( nearest == kNoIndex || m < distance( centres[nearest], scenario.demand[d].location ) ) )
        nearest = b;
    }
    for ( std::uint32_t b = 0; b < centres.size(); ++b )
    {
      const std::vector<std::uint32_t> &served = plan.bays[b].servedDemand;
      QCOMPARE( std::find( served.begin(), served.end(), d ) != served.end(), b == nearest );
    }
  }
  for ( const LoadingBay &bay : plan.bays )
  {
    double sum = 0.0;
    for ( std::uint32_t d : bay.servedDemand )
      sum += scenario.demand[d].parcelsPerDay;
    QCOMPARE( bay.servedDeliveries, sum );
    QCOMPARE( bay.servedCustomers, static_cast<std::uint32_t>( bay.servedDemand.size() ) );
    total += sum;
  }
  QVERIFY( std::abs( plan.coveredDeliveries - coveredBy( scenario, centres, parameters.walkingDistanceM ) ) < 1e-6 );
  QVERIFY( std::abs( plan.coveredDeliveries - total ) < 1e-6 );
  QVERIFY( plan.coveredDeliveriesBound >= plan.coveredDeliveries - 1e-9 );
  QVERIFY( plan.coveredDeliveriesBound <= plan.coverableDeliveries + 1e-9 );
}

} // namespace

class TestLoadingBayPlanner : public QObject
{
    Q_OBJECT

  private slots:
    void windowsOverlap();
    void allowedRoads();
    void restrictedZones();
    void countTargetAndSpacing();
    void optimalOnSmallInstances();
    void stopsWhenNoParcels();
    void commercialInEitherSystem();
};

void TestLoadingBayPlanner::windowsOverlap()
{
  QVERIFY( timeWindowsOverlap( window( 7, 20 ), window( 9, 16 ) ) );
  QVERIFY( !timeWindowsOverlap( window( 7, 9 ), window( 9, 16 ) ) );  // half-open: 09:00 is free
  QVERIFY( timeWindowsOverlap( window( 22, 6 ), window( 5, 7 ) ) );   // across midnight
  QVERIFY( !timeWindowsOverlap( window( 22, 6 ), window( 6, 22 ) ) );
  QVERIFY( timeWindowsOverlap( TimeWindow{}, window( 3, 4 ) ) );      // empty = all day
  // Exhaustively against minute-by-minute containment on whole-hour windows.
  for ( int a0 = 0; a0 < 24; a0 += 3 )
    for ( int a1 = 0; a1 < 24; a1 += 2 )
      for ( int b0 = 0; b0 < 24; b0 += 5 )
        for ( int b1 = 0; b1 < 24; b1 += 3 )
        {
          const TimeWindow a = window( a0, a1 ), b = window( b0, b1 );
          bool shared = false;
          for ( int minute = 0; minute < 1440; ++minute )
            shared = shared || ( ( a.isEmpty() || a.contains( minute ) ) && ( b.isEmpty() || b.contains( minute ) ) );
          QCOMPARE( timeWindowsOverlap( a, b ), shared );
        }
}

void TestLoadingBayPlanner::allowedRoads()
{
  RandomSource random( 3 );
  const Scenario scenario = district( random, 300 );
  const LandUseTable table = fixtureLandUseTable();
  LoadingBayParameters parameters = bayParameters();
  parameters.targetCount = 40;
  SilentProgress progress;
  LoadingBayPlan plan = *planLoadingBays( scenario, table, parameters, progress );
  verifyPlan( scenario, table, parameters, plan );
  QCOMPARE( plan.eligibleRoads, 3u );  // arterial, branch banned 07–09, residential branch
  QVERIFY( !plan.bays.empty() );
  for ( const LoadingBay &bay : plan.bays )
    QVERIFY( bay.roadIndex == 0 || bay.roadIndex == 3 );
  QVERIFY( roadAllowsLoadingBays( scenario.roads[0], parameters ) );
  QVERIFY( !roadAllowsLoadingBays( scenario.roads[1], parameters ) );
  QVERIFY( !roadAllowsLoadingBays( scenario.roads[2], parameters ) );
  QVERIFY( roadAllowsLoadingBays( scenario.roads[3], parameters ) );
  QVERIFY( !roadAllowsLoadingBays( scenario.roads[4], parameters ) );
  QVERIFY( !roadAllowsLoadingBays( scenario.roads[5], parameters ) );

  // Collectors when allowed; a bay window inside 07–20 closes the 07–09 road only if they meet.
  parameters.allowCollector = true;
  parameters.window = window( 8, 12 );
  plan = *planLoadingBays( scenario, table, parameters, progress );
  verifyPlan( scenario, table, parameters, plan );
  for ( const LoadingBay &bay : plan.bays )
    QVERIFY( bay.roadIndex == 0 || bay.roadIndex == 4 );
  QVERIFY( std::any_of( plan.bays.begin(), plan.bays.end(), []( const LoadingBay &bay ) { return bay.roadIndex == 4; } ) );
}

void TestLoadingBayPlanner::restrictedZones()
{
  RandomSource random( 5 );
  Scenario scenario = district( random, 200 );
  RestrictedZone zone;
  zone.shape = rectangle( 0, 0, 600, 450 );
  zone.truckWindow = window( 10, 11 );
  scenario.restrictedZones.push_back( zone );
  const LandUseTable table = fixtureLandUseTable();
  const LoadingBayParameters parameters = bayParameters();
  SilentProgress progress;
  const LoadingBayPlan plan = *planLoadingBays( scenario, table, parameters, progress );
  verifyPlan( scenario, table, parameters, plan );
  for ( const LoadingBay &bay : plan.bays )
    QVERIFY( bay.centre.x > 600 );
  // Outside the bay window the zone does not matter.
  scenario.restrictedZones[0].truckWindow = window( 17, 18 );
  const LoadingBayPlan open = *planLoadingBays( scenario, table, parameters, progress );
  QVERIFY( open.eligiblePositions > plan.eligiblePositions );
}

void TestLoadingBayPlanner::countTargetAndSpacing()
{
  RandomSource random( 11 );
  const Scenario scenario = district( random, 400 );
  const LandUseTable table = fixtureLandUseTable();
  LoadingBayParameters parameters = bayParameters();
  SilentProgress progress;
  LoadingBayPlan plan = *planLoadingBays( scenario, table, parameters, progress );
  verifyPlan( scenario, table, parameters, plan );
  QCOMPARE( plan.bays.size(), std::size_t( 6 ) );
  QVERIFY( plan.targetMet );

  // Two 1 km roads 300 m apart with 400 m spacing hold far fewer than 30 bays: the target is
  // not met, and every eligible position left is too close to a chosen bay.
  parameters.minSpacingM = 400;
  parameters.targetCount = 30;
  plan = *planLoadingBays( scenario, table, parameters, progress );
  verifyPlan( scenario, table, parameters, plan );
  QVERIFY( !plan.targetMet );
  QVERIFY( plan.bays.size() >= 3 && plan.bays.size() <= 6 );
  for ( const auto &[roadIndex, point] : referencePositions( scenario, table, parameters ) )
  {
    bool blocked = false;
    for ( const LoadingBay &bay : plan.bays )
      blocked = blocked || distance( bay.centre, point ) < parameters.minSpacingM;
    QVERIFY( blocked );
  }

  // Without a target, bays are added while they serve new deliveries: all coverable weight.
  parameters.targetCount = 0;
  parameters.minSpacingM = 0;
  plan = *planLoadingBays( scenario, table, parameters, progress );
  verifyPlan( scenario, table, parameters, plan );
  QCOMPARE( plan.coveredDeliveries, plan.coverableDeliveries );
  QVERIFY( plan.targetMet );
  for ( const LoadingBay &bay : plan.bays )
    QVERIFY( bay.servedCustomers > 0 || plan.bays.size() == 1 );
}

void TestLoadingBayPlanner::optimalOnSmallInstances()
{
  RandomSource random( 17 );
  const LandUseTable table = fixtureLandUseTable();
  int optimal = 0;
  const int rounds = 40;
  for ( int round = 0; round < rounds; ++round )
  {
    Scenario scenario = district( random, 25 + static_cast<int>( random.below( 30 ) ) );
    scenario.roads.resize( 4 );  // arterial and the 07–09 branch are the eligible ones
    LoadingBayParameters parameters = bayParameters();
    parameters.positionStepM = 110 + random.below( 60 );
    parameters.minSpacingM = 100 + random.below( 200 );
    parameters.walkingDistanceM = 60 + random.below( 150 );
    parameters.targetCount = 2 + random.below( 3 );
    SilentProgress progress;
    const LoadingBayPlan plan = *planLoadingBays( scenario, table, parameters, progress );
    verifyPlan( scenario, table, parameters, plan );
    const auto positions = referencePositions( scenario, table, parameters );
    QVERIFY( positions.size() <= 20 );
    // Exhaustive: the best spacing-feasible set of the target size (or of any size when fewer fit).
    double best = 0.0;
    std::size_t bestSize = 0;
    for ( std::uint32_t mask = 0; mask < ( 1u << positions.size() ); ++mask )
    {
      const std::size_t size = static_cast<std::size_t>( __builtin_popcount( mask ) );
      if ( size > parameters.targetCount )
        continue;
      std::vector<PointXY> centres;
      for ( std::size_t j = 0; j < positions.size(); ++j )
        if ( mask >> j & 1u )
          centres.push_back( positions[j].second );
      bool spaced = true;
      for ( std::size_t a = 0; a < centres.size() && spaced; ++a )
        for ( std::size_t b = a + 1; b < centres.size() && spaced; ++b )
          spaced = distance( centres[a], centres[b] ) >= parameters.minSpacingM;
      if ( !spaced )
        continue;
      bestSize = std::max( bestSize, size );
      best = std::max( best, coveredBy( scenario, centres, parameters.walkingDistanceM ) );
    }
    QCOMPARE( plan.bays.size(), std::min<std::size_t>( parameters.targetCount, bestSize ) );
    QVERIFY( plan.coveredDeliveries <= best + 1e-9 );
    QVERIFY( plan.coveredDeliveriesBound >= best - 1e-9 );
    optimal += plan.coveredDeliveries >= best - 1e-9 ? 1 : 0;
  }
  // A heuristic under a spacing rule: the optimum on nearly every small instance.
  QVERIFY2( optimal >= rounds - 2, std::to_string( optimal ).c_str() );
}

void TestLoadingBayPlanner::stopsWhenNoParcels()
{
  RandomSource random( 23 );
  Scenario scenario = district( random, 100 );
  for ( DemandPoint &point : scenario.demand )
    point.parcelsPerDay = 0;
  const LandUseTable table = fixtureLandUseTable();
  SilentProgress progress;
  const LoadingBayPlan plan = *planLoadingBays( scenario, table, bayParameters(), progress );
  QVERIFY( plan.weightedByStops );
  QCOMPARE( plan.totalDeliveries, 100.0 );
  std::uint32_t customers = 0;
  for ( const LoadingBay &bay : plan.bays )
  {
    QCOMPARE( bay.servedDeliveries, static_cast<double>( bay.servedCustomers ) );
    customers += bay.servedCustomers;
  }
  QCOMPARE( plan.coveredDeliveries, static_cast<double>( customers ) );
  progress.cancel();
  QCOMPARE( planLoadingBays( scenario, table, bayParameters(), progress ).error().code, ErrorCode::Canceled );
}

void TestLoadingBayPlanner::commercialInEitherSystem()
{
  // 0901 is commercial land in the 2023 classification and no survey code.
  Scenario scenario;
  scenario.roads.push_back( road( { { 0, 0 }, { 500, 0 } }, RoadClass::Branch ) );
  scenario.parcels.push_back( parcel( 1, "0901", rectangle( 0, 10, 500, 50 ), LandUseSystem::Dlbm ) );
  DemandPoint point;
  point.location = { 250, 30 };
  point.parcelsPerDay = 40;
  scenario.demand.push_back( point );
  const LandUseTable table = fixtureLandUseTable();
  LoadingBayParameters parameters = bayParameters();
  parameters.targetCount = 1;
  SilentProgress progress;
  QCOMPARE( planLoadingBays( scenario, table, parameters, progress )->eligiblePositions, 0u );
  scenario.parcels[0].landUseSystem = LandUseSystem::Ydyh2023;
  const LoadingBayPlan plan = *planLoadingBays( scenario, table, parameters, progress );
  verifyPlan( scenario, table, parameters, plan );
  QCOMPARE( plan.bays.size(), std::size_t( 1 ) );
  QCOMPARE( plan.coveredDeliveries, 40.0 );
}

QTEST_APPLESS_MAIN( TestLoadingBayPlanner )
#include "test_loading_bay_planner.moc"
