// KPIs of the status quo and the plan, recomputed by hand on one customer served by two
// carriers today and through hub → centre → station → customer in the plan.
#include "engine/programme/programme_kpis.h"

#include <QtTest>

#include <cmath>

namespace {

/*
 *   H (hub) --8 km-- K (centre) --3 km-- S (station) --1 km-- C (customer, 1 t, 200 parcels)
 *   H ------------------------ 10 km ------------------------ C   (today, two carriers)
 */

//! Round numbers so that every KPI can be worked out on paper.
gf::ProgrammeParameters roundParameters()
{
  gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
  p.fleet.nevVan = { true, 1.0, 1000, 20, 0.5, 40, 0.0, 0.2, 100, 1000 };
  p.fleet.dieselVan = { false, 1.0, 1000, 20, 1.0, 40, 0.1, 0.0, 0.0, 0.0 };
  p.fleet.heavyTruck = { false, 10.0, 10000, 40, 2.0, 50, 0.3, 0.0, 0.0, 0.0 };
  p.fleet.eTricycle = { true, 0.2, 200, 10, 0.1, 30, 0.0, 0.05, 5, 100 };
  p.fleet.serviceMinutesPerStop = 6;
  p.fleet.handlingMinutesPerParcel = 0;
  p.fleet.workingHoursPerShift = 8;
  p.fleet.shiftsPerDay = 1;
  p.fleet.planLoadFactor = 1.0;
  p.baseline.loadFactor = 0.5;
  p.baseline.nevShare = 0.25;
  p.energy.dieselKwhPerLitre = 10;
  p.energy.dieselKgCo2PerLitre = 2.5;
  p.energy.gridKgCo2PerKwh = 0.5;
  p.energy.chargingEfficiency = 0.8;
  p.energy.dieselCnyPerLitre = 8;
  p.energy.electricityCnyPerKwh = 1;
  return p;
}

gf::Flow flow( gf::FlowTier tier, std::uint32_t from, double tonnes, double parcels, double km, std::uint32_t carrier = 0 )
{
  gf::Flow f;
  f.tier = tier;
  f.fromIndex = from;
  f.to = { km * 1000.0, 0.0 };
  f.tonnesPerDay = tonnes;
  f.parcelsPerDay = parcels;
  f.networkDistanceM = km * 1000.0;
  f.carrier = carrier;
  return f;
}

std::vector<gf::Flow> fixtureFlows()
{
  return {
    flow( gf::FlowTier::BaselineHubToCustomer, 0, 0.5, 100, 10, 0 ),
    flow( gf::FlowTier::BaselineHubToCustomer, 0, 0.5, 100, 10, 1 ),
    flow( gf::FlowTier::HubToCentre, 0, 1.0, 200, 8 ),
    flow( gf::FlowTier::CentreToStation, 0, 1.0, 200, 3 ),
    flow( gf::FlowTier::StationToCustomer, 0, 1.0, 200, 1 ),
  };
}

bool near( double a, double b )
{
  return std::abs( a - b ) <= 1e-9 * std::max( 1.0, std::abs( b ) );
}

} // namespace

class TestProgrammeKpis : public QObject
{
    Q_OBJECT

  private slots:
    void baselineByHand()
    {
      const gf::ProgrammeKpis kpis = gf::computeProgrammeKpis( fixtureFlows(), roundParameters() );
      const gf::KpiTotals &b = kpis.baseline.total;
      // Per carrier: 0.5 load at load factor 0.5 → 1 trip of 2 × 10 km; 20 / 20 km/h + 6 min
      // = 1.1 h. Diesel: 2 L; NEV: 4 kWh at the wheel, 5 kWh from the grid.
      // Mixed 75 % diesel / 25 % NEV, two carriers:
      QVERIFY( near( b.vehicleKm, 40.0 ) );
      QVERIFY( near( b.vehicleHours, 2.2 ) );
      QVERIFY( near( b.tonneKm, 10.0 ) );
      QVERIFY( near( b.tonnesDelivered, 1.0 ) );
      QVERIFY( near( b.dieselLitres, 2 * 0.75 * 2.0 ) );
      QVERIFY( near( b.gridKwh, 2 * 0.25 * 5.0 ) );
      QVERIFY( near( b.energyKwh, 30.0 + 2.5 ) );
      QVERIFY( near( b.energyKwhPerTonneKm(), 3.25 ) );
      QVERIFY( near( b.co2Kg, 3.0 * 2.5 + 2.5 * 0.5 ) );
      // Diesel 20·1 + 1.1·40 + 2·8 = 80; NEV 20·0.5 + 1.1·40 + 5·1 = 59; 2 × (0.75·80 + 0.25·59).
      QVERIFY( near( b.costCny, 149.5 ) );
      QVERIFY( near( b.loadFactor(), 0.5 ) );
      // One van per carrier; round(0.25 × 2) = 1 of them NEV (0.5 rounds up).
      QCOMPARE( b.vehicles, 2u );
      QCOMPARE( b.nevVehicles, 1u );
      QCOMPARE( kpis.baseline.byVehicle[static_cast<std::size_t>( gf::VehicleType::DieselVan )].vehicles, 1u );
      QVERIFY( near( kpis.baseline.byVehicle[static_cast<std::size_t>( gf::VehicleType::DieselVan )].vehicleKm, 30.0 ) );
    }

    void planByHand()
    {
      const gf::ProgrammeKpis kpis = gf::computeProgrammeKpis( fixtureFlows(), roundParameters() );
      const gf::KpiTotals &p = kpis.plan.total;
      // Truck: 1 trip, 16 km, 16/40 + 0.1 = 0.5 h, 4.8 L; cost 32 + 25 + 38.4 = 95.4.
      // Van: 1 full load, 6 km, 0.3 + 0.1 = 0.4 h, 1.2 kWh → 1.5 grid; cost 3 + 16 + 1.5 = 20.5.
      // Tricycle: 5 full loads, 5 trips of 2 km, 1 + 0.5 = 1.5 h, 0.5 kWh → 0.625 grid;
      // cost 1 + 45 + 0.625 = 46.625.
      QVERIFY( near( p.vehicleKm, 32.0 ) );
      QVERIFY( near( p.tonneKm, 12.0 ) );
      QVERIFY( near( p.tonnesDelivered, 1.0 ) );
      QVERIFY( near( p.vehicleHours, 2.4 ) );
      QVERIFY( near( p.dieselLitres, 4.8 ) );
      QVERIFY( near( p.gridKwh, 2.125 ) );
      QVERIFY( near( p.energyKwh, 50.125 ) );
      QVERIFY( near( p.co2Kg, 12.0 + 0.75 + 0.3125 ) );
      QVERIFY( near( p.costCny, 162.525 ) );
      // Fill 0.1 over 16 km, 1 over 6 km and 1 over 10 km.
      QVERIFY( near( p.loadFactor(), 17.6 / 32.0 ) );
      QCOMPARE( p.vehicles, 3u );
      QCOMPARE( p.nevVehicles, 2u );
      QCOMPARE( kpis.plan.byVehicle[static_cast<std::size_t>( gf::VehicleType::ETricycle )].vehicles, 1u );
      QVERIFY( near( kpis.plan.byVehicle[static_cast<std::size_t>( gf::VehicleType::HeavyTruck )].costCny, 95.4 ) );
    }

    void centreVansArePooledAcrossTiers()
    {
      // Two 29 km legs from centre 0 take 2.9 + 0.1 = 3 h each: one van for both (6 h of 8);
      // centre 1 has its own van.
      std::vector<gf::Flow> flows = {
        flow( gf::FlowTier::CentreToStation, 0, 0.5, 10, 29 ),
        flow( gf::FlowTier::CentreToCustomer, 0, 0.5, 10, 29 ),
        flow( gf::FlowTier::CentreToStation, 1, 0.5, 10, 29 ),
      };
      const gf::ProgrammeKpis kpis = gf::computeProgrammeKpis( flows, roundParameters() );
      QCOMPARE( kpis.plan.total.vehicles, 2u );
      QVERIFY( near( kpis.plan.total.vehicleHours, 9.0 ) );
      QCOMPARE( kpis.baseline.total.vehicles, 0u );
      QCOMPARE( kpis.baseline.total.vehicleKm, 0.0 );
      // Only customer deliveries count as delivered.
      QVERIFY( near( kpis.plan.total.tonnesDelivered, 0.5 ) );
    }
};

QTEST_APPLESS_MAIN( TestProgrammeKpis )
#include "test_programme_kpis.moc"
