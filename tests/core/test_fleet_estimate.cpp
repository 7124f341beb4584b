// Tours and fleets from flows, recomputed by hand on a four-customer square and a single
// heavy customer.
#include "engine/programme/fleet_estimate.h"

#include <QtTest>

#include <cmath>

namespace {

/*
 * Origin O at (0, 0); customers at the corners of a 1 km square, 2–3 km east:
 *
 *   y=1000            c1 (2000,1000)   c3 (3000,1000)
 *   y=0     O         c0 (2000,0)      c2 (3000,0)
 *
 * Network distances are 1.2 × straight; each customer takes 0.3 t and 100 parcels.
 */
std::vector<gf::Flow> squareFlows()
{
  const double xs[] = { 2000, 2000, 3000, 3000 };
  const double ys[] = { 0, 1000, 0, 1000 };
  std::vector<gf::Flow> flows;
  for ( int i = 0; i < 4; ++i )
  {
    gf::Flow flow;
    flow.tier = gf::FlowTier::CentreToCustomer;
    flow.toIndex = static_cast<std::uint32_t>( i );
    flow.to = { xs[i], ys[i] };
    flow.tonnesPerDay = 0.3;
    flow.parcelsPerDay = 100;
    flow.networkDistanceM = 1.2 * std::hypot( xs[i], ys[i] );
    flows.push_back( flow );
  }
  return flows;
}

//! One large customer 5 km away taking 2 t and 100 parcels.
gf::Flow heavyFlow()
{
  gf::Flow flow;
  flow.tier = gf::FlowTier::CentreToCustomer;
  flow.to = { 4000, 0 };
  flow.tonnesPerDay = 2.0;
  flow.parcelsPerDay = 100;
  flow.networkDistanceM = 5000;
  return flow;
}

bool near( double a, double b )
{
  return std::abs( a - b ) <= 1e-6 * std::max( 1.0, std::abs( b ) );
}

} // namespace

class TestFleetEstimate : public QObject
{
    Q_OBJECT

  private slots:
    void squareToursByHand()
    {
      const gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      const gf::TourEstimate tours = gf::estimateTours( squareFlows(), p.fleet.nevVan, 0.75, p.fleet );
      // Loads max(1.2 / 1.5 t, 400 / 1500 parcels) = 0.8; tours ceil(0.8 / 0.75) = 2.
      QCOMPARE( tours.destinations, std::size_t( 4 ) );
      QVERIFY( near( tours.loads, 0.8 ) );
      QCOMPARE( tours.tours, 2.0 );
      QVERIFY( near( tours.fill(), 0.4 ) );
      // d̄ = 1.2 × (2000 + 2236.068 + 3000 + 3162.278) / 4 = 3119.504 m (equal loads);
      // local 0.57 × circuity 1.2 × sqrt(4 × 1e6 m²) = 1368 m;
      // 2 × 3.119504 × 2 + 1.368 = 13.846015 km < direct 2 × 4 × 3.119504 = 24.956 km.
      QVERIFY( !tours.direct );
      QVERIFY( std::abs( tours.vehicleKm - 13.846015 ) < 1e-5 );
      QCOMPARE( tours.stops, 4.0 );
      // 13.846015 / 25 + 4 × 5 / 60 + 400 × 0.2 / 60 = 2.2205073 h.
      QVERIFY( std::abs( tours.vehicleHours - 2.2205073 ) < 1e-6 );
      // Turnover 0.3 t × 12.478015 km.
      QVERIFY( std::abs( tours.tonneKm - 3.7434044 ) < 1e-6 );
    }

    void directTripsWinForOneHeavyCustomer()
    {
      const gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      const gf::TourEstimate tours = gf::estimateTours( { heavyFlow() }, p.fleet.nevVan, 0.75, p.fleet );
      // 2 t / 1.5 t = 1.333 loads, ceil(1.778) = 2 out-and-back trips of 10 km.
      QCOMPARE( tours.tours, 2.0 );
      QVERIFY( tours.direct );
      QVERIFY( near( tours.vehicleKm, 20.0 ) );
      QCOMPARE( tours.stops, 2.0 );
      QVERIFY( near( tours.vehicleHours, 0.8 + 2.0 * 5.0 / 60.0 + 100.0 * 0.2 / 60.0 ) );
    }

    void farthestCustomerBoundsCollinearTours()
    {
      const gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      // 1.5 t at 1 km and 0.15 t at 10 km on one line: the bounding box is empty, Daganzo
      // would give 2 × 1.818 × 2 km; the far customer alone needs a 20 km round trip.
      gf::Flow nearFlow = heavyFlow();
      nearFlow.to = { 1000, 0 };
      nearFlow.networkDistanceM = 1000;
      nearFlow.tonnesPerDay = 1.5;
      gf::Flow farFlow = nearFlow;
      farFlow.to = { 10000, 0 };
      farFlow.networkDistanceM = 10000;
      farFlow.tonnesPerDay = 0.15;
      const gf::TourEstimate tours = gf::estimateTours( { nearFlow, farFlow }, p.fleet.nevVan, 0.75, p.fleet );
      QVERIFY( near( tours.vehicleKm, 20.0 ) );
      QVERIFY( !tours.direct );  // direct would be 2 × 1 × 2 + 2 × 10 = 24 km
    }

    void emptyFlowsNeedNothing()
    {
      const gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      gf::Flow empty = heavyFlow();
      empty.tonnesPerDay = 0.0;
      empty.parcelsPerDay = 0.0;
      const gf::FleetEstimate fleet = gf::estimateFleet( { empty }, gf::VehicleType::NevVan, 0.75, p.fleet );
      QCOMPARE( fleet.vehicles, 0u );
      QCOMPARE( fleet.work.vehicleKm, 0.0 );
    }

    void fleetPoolsTiersIntoShifts()
    {
      gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      std::vector<gf::Flow> flows = squareFlows();
      for ( gf::Flow &flow : flows )
        flow.tier = gf::FlowTier::CentreToStation;
      flows.push_back( heavyFlow() );
      // Two tour groups: stations 13.846015 km / 0.8871739 h (no hand-over between depots) and
      // the large customer 20 km / 1.3 h.
      p.fleet.workingHoursPerShift = 1.5;
      gf::FleetEstimate fleet = gf::estimateFleet( flows, gf::VehicleType::NevVan, 0.75, p.fleet );
      QVERIFY( std::abs( fleet.work.vehicleKm - 33.846015 ) < 1e-5 );
      QVERIFY( std::abs( fleet.work.vehicleHours - 2.1871739 ) < 1e-6 );
      QCOMPARE( fleet.work.tours, 4.0 );
      QCOMPARE( fleet.vehicles, 2u );  // ceil(2.1872 / 1.5)
      QVERIFY( std::abs( fleet.energyKwhAtWheel - 33.846015 * 0.22 ) < 1e-5 );
      QCOMPARE( fleet.dieselLitres, 0.0 );
      // Fill weighted by distance: 0.4 × 13.846 + (1.333 / 2) × 20.
      QVERIFY( std::abs( fleet.fillVehicleKm - ( 0.4 * 13.846015 + 20.0 * 2.0 / 3.0 ) ) < 1e-5 );
      // Two shifts halve the vehicles; a short range adds them back.
      p.fleet.shiftsPerDay = 2;
      QCOMPARE( gf::estimateFleet( flows, gf::VehicleType::NevVan, 0.75, p.fleet ).vehicles, 1u );
      p.fleet.shiftsPerDay = 1;
      p.fleet.workingHoursPerShift = 8.0;
      p.fleet.nevVan.rangeKm = 10.0;
      QCOMPARE( gf::estimateFleet( flows, gf::VehicleType::NevVan, 0.75, p.fleet ).vehicles, 4u );
      // Diesel vans burn fuel instead.
      fleet = gf::estimateFleet( flows, gf::VehicleType::DieselVan, 0.75, p.fleet );
      QVERIFY( std::abs( fleet.dieselLitres - 33.846015 * 0.11 ) < 1e-5 );
      QCOMPARE( fleet.energyKwhAtWheel, 0.0 );
    }

    void tierVehicles()
    {
      QVERIFY( gf::vehicleTypeForTier( gf::FlowTier::HubToCentre ) == gf::VehicleType::HeavyTruck );
      QVERIFY( gf::vehicleTypeForTier( gf::FlowTier::CentreToCustomer ) == gf::VehicleType::NevVan );
      QVERIFY( gf::vehicleTypeForTier( gf::FlowTier::StationToCustomer ) == gf::VehicleType::ETricycle );
      QVERIFY( gf::vehicleTypeForTier( gf::FlowTier::BaselineHubToCustomer ) == gf::VehicleType::DieselVan );
    }
};

QTEST_APPLESS_MAIN( TestFleetEstimate )
#include "test_fleet_estimate.moc"
