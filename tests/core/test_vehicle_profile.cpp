// Vehicle profiles and truck restrictions on a hand-drawn network with hand-computed costs:
// time windows, the NEV exemption, closed classes, speed caps, restricted zones.
#include "engine/graph/polygon_zone.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/graph/shortest_path_query.h"
#include "engine/graph/vehicle_profile.h"

#include <QtTest>

using namespace gf;

namespace {

//  G (0,1000)
//  |  expressway
//  A ====== B ====== C ---- track ---- F (2000,800) above C
//  |  arterial, trucks banned 07:00-09:00  |
//  D -------------- branch --------------- E
// (0,-500)                             (2000,-500)
struct Fixture
{
  RoadGraph graph;
  NodeId a, b, c, d, e, f, g;
};

Fixture makeFixture()
{
  auto segment = []( std::vector<PointXY> points, RoadClass roadClass )
  {
    RoadSegmentInput s;
    s.points = std::move( points );
    s.roadClass = roadClass;
    return s;
  };
  RoadSegmentInput arterial = segment( { { 0, 0 }, { 1000, 0 }, { 2000, 0 } }, RoadClass::Arterial );
  arterial.truckRestricted = true;
  arterial.truckWindow = TimeWindow{ 7 * 60, 9 * 60 };
  const std::vector<RoadSegmentInput> segments = {
    arterial,
    segment( { { 0, 0 }, { 0, -500 }, { 2000, -500 }, { 2000, 0 } }, RoadClass::Branch ),
    segment( { { 2000, 0 }, { 2000, 800 } }, RoadClass::Track ),
    segment( { { 0, 0 }, { 0, 1000 } }, RoadClass::Expressway ),
  };
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( segments, RoadGraphBuildOptions(), progress );
  Fixture fixture;
  fixture.graph = std::move( built->graph );
  // Node ids follow first appearance.
  fixture.a = 0;
  fixture.b = 1;
  fixture.c = 2;
  fixture.d = 3;
  fixture.e = 4;
  fixture.f = 5;
  fixture.g = 6;
  return fixture;
}

Cost pathCost( const RoadGraph &graph, const EdgeWeights &weights, NodeId from, NodeId to )
{
  ShortestPathQuery query( graph, weights );
  query.addSource( from, 0 );
  query.run();
  return query.cost( to );
}

} // namespace

class TestVehicleProfile : public QObject
{
    Q_OBJECT

  private slots:
    void truckTimeWindow();
    void nevExemptionAndSpeedCaps();
    void tricycleClosedClasses();
    void restrictedZone();
    void pointInPolygon();
};

void TestVehicleProfile::truckTimeWindow()
{
  const Fixture f = makeFixture();
  QCOMPARE( f.graph.nodePoint( f.c ), ( PointXY{ 2000, 0 } ) );
  const VehicleProfile truck = vehicleProfile( VehicleKind::HeavyDieselTruck );
  QVERIFY( truck.subjectToTruckRestrictions );
  // Arterial at the truck cap 45 km/h: 1000 m = 80 s. Branch at 25 km/h: 500 m = 72 s, 2000 m = 288 s.
  const EdgeWeights atTen = computeProfileWeights( f.graph, truck, CostMetric::TimeDs, 10 * 60 );
  QCOMPARE( atTen[f.graph.findEdge( f.a, f.b )], 800 );
  QCOMPARE( pathCost( f.graph, atTen, f.a, f.c ), 1600 );
  const EdgeWeights atEight = computeProfileWeights( f.graph, truck, CostMetric::TimeDs, 8 * 60 );
  QCOMPARE( atEight[f.graph.findEdge( f.a, f.b )], kUnreachable );
  QCOMPARE( pathCost( f.graph, atEight, f.a, f.c ), 720 + 2880 + 720 );
  // B lies only on the banned arterial.
  QCOMPARE( pathCost( f.graph, atEight, f.a, f.b ), kUnreachable );
  // Distances ignore speed but honour the ban.
  const EdgeWeights metres = computeProfileWeights( f.graph, truck, CostMetric::DistanceDm, 8 * 60 );
  QCOMPARE( pathCost( f.graph, metres, f.a, f.c ), 30000 );
  // Trucks stay off tracks.
  QCOMPARE( pathCost( f.graph, atTen, f.c, f.f ), kUnreachable );

  // An empty window with the flag set means banned all day.
  RoadSegmentInput allDay;
  allDay.points = { { 0, 0 }, { 100, 0 } };
  allDay.truckRestricted = true;
  RoadSegmentInput open;
  open.points = { { 100, 0 }, { 200, 0 } };
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( { allDay, open }, RoadGraphBuildOptions(), progress );
  QVERIFY( built.isOk() );
  for ( int minute : { 0, 12 * 60, 23 * 60 } )
  {
    const EdgeWeights w = computeProfileWeights( built->graph, truck, CostMetric::TimeDs, minute );
    QCOMPARE( w[built->graph.findEdge( 0, 1 )], kUnreachable );
    QVERIFY( w[built->graph.findEdge( 1, 2 )] < kUnreachable );
  }
}

void TestVehicleProfile::nevExemptionAndSpeedCaps()
{
  const Fixture f = makeFixture();
  const VehicleProfile van = vehicleProfile( VehicleKind::LightNevVan );
  QVERIFY( !van.subjectToTruckRestrictions );
  // The ban does not apply; the arterial's 50 km/h is below the van cap: 1000 m = 72 s.
  const EdgeWeights atEight = computeProfileWeights( f.graph, van, CostMetric::TimeDs, 8 * 60 );
  QCOMPARE( pathCost( f.graph, atEight, f.a, f.c ), 1440 );
  // Track at the van's 10 km/h cap (the class default is 15): 800 m = 288 s.
  QCOMPARE( pathCost( f.graph, atEight, f.c, f.f ), 2880 );
}

void TestVehicleProfile::tricycleClosedClasses()
{
  const Fixture f = makeFixture();
  const VehicleProfile tricycle = vehicleProfile( VehicleKind::ElectricTricycle );
  QVERIFY( !tricycle.mayUse( RoadClass::Expressway ) );
  const EdgeWeights w = computeProfileWeights( f.graph, tricycle, CostMetric::TimeDs, 8 * 60 );
  QCOMPARE( pathCost( f.graph, w, f.a, f.g ), kUnreachable );
  // 25 km/h on the arterial: 1000 m = 144 s.
  QCOMPARE( pathCost( f.graph, w, f.a, f.c ), 2880 );
}

void TestVehicleProfile::restrictedZone()
{
  const Fixture f = makeFixture();
  // A zone around A–B's midpoint (500,0) and B–C's (1500,0), with a hole around B–C's.
  Polygon zone;
  zone.rings = { { { 400, -100 }, { 1600, -100 }, { 1600, 100 }, { 400, 100 } },
                 { { 1400, -50 }, { 1450, 50 }, { 1600, 50 }, { 1600, -50 } } };
  const std::vector<char> inZone = edgesInsidePolygons( f.graph, { zone } );
  for ( EdgeId e = 0; e < f.graph.edgeCount(); ++e )
  {
    const NodeId t = f.graph.tail()[e], h = f.graph.head()[e];
    const bool isAb = ( t == f.a && h == f.b ) || ( t == f.b && h == f.a );
    QCOMPARE( bool( inZone[e] ), isAb );
  }

  const VehicleProfile truck = vehicleProfile( VehicleKind::HeavyDieselTruck );
  const std::vector<ZoneRestriction> allDay = { ZoneRestriction{ inZone, TimeWindow() } };
  const EdgeWeights w = computeProfileWeights( f.graph, truck, CostMetric::TimeDs, 10 * 60, allDay );
  QCOMPARE( w[f.graph.findEdge( f.a, f.b )], kUnreachable );
  QCOMPARE( w[f.graph.findEdge( f.b, f.c )], 800 );
  QCOMPARE( pathCost( f.graph, w, f.a, f.c ), 4320 );
  // A zone in force only at night leaves the day route open; the van ignores zones.
  const std::vector<ZoneRestriction> night = { ZoneRestriction{ inZone, TimeWindow{ 22 * 60, 6 * 60 } } };
  QCOMPARE( pathCost( f.graph, computeProfileWeights( f.graph, truck, CostMetric::TimeDs, 10 * 60, night ), f.a, f.c ), 1600 );
  QCOMPARE( pathCost( f.graph, computeProfileWeights( f.graph, truck, CostMetric::TimeDs, 23 * 60, night ), f.a, f.c ), 4320 );
  const VehicleProfile van = vehicleProfile( VehicleKind::LightNevVan );
  QCOMPARE( pathCost( f.graph, computeProfileWeights( f.graph, van, CostMetric::TimeDs, 10 * 60, allDay ), f.a, f.c ), 1440 );
}

void TestVehicleProfile::pointInPolygon()
{
  // An L shape (concave), open ring:
  //  (0,20)+--+(10,20)
  //        |  |
  //        |  +------+(20,10)
  //        |         |
  //  (0,0) +---------+(20,0)
  Polygon l;
  l.rings = { { { 0, 0 }, { 20, 0 }, { 20, 10 }, { 10, 10 }, { 10, 20 }, { 0, 20 } } };
  QVERIFY( gf::pointInPolygon( { 5, 5 }, l ) );
  QVERIFY( gf::pointInPolygon( { 15, 5 }, l ) );
  QVERIFY( gf::pointInPolygon( { 5, 15 }, l ) );
  QVERIFY( !gf::pointInPolygon( { 15, 15 }, l ) );
  QVERIFY( !gf::pointInPolygon( { -1, 5 }, l ) );
  QVERIFY( !gf::pointInPolygon( { 25, 5 }, l ) );
  // A ray through the vertex (20,10) must not double count.
  QVERIFY( gf::pointInPolygon( { 5, 10 }, l ) );
  // Closing the ring changes nothing.
  Polygon closed = l;
  closed.rings[0].push_back( { 0, 0 } );
  QVERIFY( gf::pointInPolygon( { 15, 5 }, closed ) );
  QVERIFY( !gf::pointInPolygon( { 15, 15 }, closed ) );
  // A hole.
  Polygon frame;
  frame.rings = { { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } }, { { 3, 3 }, { 7, 3 }, { 7, 7 }, { 3, 7 } } };
  QVERIFY( gf::pointInPolygon( { 1, 1 }, frame ) );
  QVERIFY( !gf::pointInPolygon( { 5, 5 }, frame ) );
  QVERIFY( !gf::pointInPolygon( { 5, 5 }, Polygon() ) );
}

QTEST_APPLESS_MAIN( TestVehicleProfile )
#include "test_vehicle_profile.moc"
