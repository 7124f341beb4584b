// Charging piles: Erlang B/C against hand values and the textbook factorial formula, and
// site sizing (pile type, queue, vehicles : piles rule, site limit, underground share) by hand.
#include "engine/programme/charging_sizing.h"
#include "engine/scenario/plan_parameters.h"

#include <QtTest>

#include <cmath>

namespace {

//! Erlang C from its textbook definition with factorials, only for small c.
double erlangCReference( unsigned servers, double load )
{
  double term = 1.0;  // a^k / k!
  double sum = 0.0;
  for ( unsigned k = 0; k < servers; ++k )
  {
    sum += term;
    term *= load / ( k + 1 );
  }
  const double top = term * servers / ( servers - load );
  return top / ( sum + top );
}

bool near( double a, double b, double tolerance = 1e-12 )
{
  return std::abs( a - b ) <= tolerance * std::max( 1.0, std::abs( b ) );
}

gf::ChargingDemand vans( std::uint32_t vehicles, double kmPerVehicle, const gf::ProgrammeParameters &p )
{
  gf::FleetEstimate fleet;
  fleet.type = gf::VehicleType::NevVan;
  fleet.vehicles = vehicles;
  fleet.energyKwhAtWheel = vehicles * kmPerVehicle * p.fleet.nevVan.energyKwhPerKm;
  return gf::chargingDemand( fleet, p );
}

} // namespace

class TestChargingSizing : public QObject
{
    Q_OBJECT

  private slots:
    void erlangHandValues()
    {
      // c = 2, a = 1: B = 1·(1/2) / (2 + 1/2) = 1/5, C = 2·(1/5) / (2 − 4/5) = 1/3.
      QVERIFY( near( gf::erlangB( 2, 1.0 ), 0.2 ) );
      QVERIFY( near( gf::erlangC( 2, 1.0 ), 1.0 / 3.0 ) );
      QVERIFY( near( gf::erlangMeanWait( 2, 1.0, 1.0 ), 1.0 / 3.0 ) );
      // M/M/1: P(wait) = ρ, Wq = ρ·s / (1 − ρ).
      QVERIFY( near( gf::erlangC( 1, 0.5 ), 0.5 ) );
      QVERIFY( near( gf::erlangMeanWait( 1, 0.5, 2.0 ), 2.0 ) );
      // c = 3, a = 2: B = 4/19, C = (12/19) / (27/19) = 4/9.
      QVERIFY( near( gf::erlangB( 3, 2.0 ), 4.0 / 19.0 ) );
      QVERIFY( near( gf::erlangC( 3, 2.0 ), 4.0 / 9.0 ) );
      QCOMPARE( gf::erlangB( 0, 5.0 ), 1.0 );
      QCOMPARE( gf::erlangC( 2, 2.0 ), 1.0 );
      QVERIFY( std::isinf( gf::erlangMeanWait( 2, 2.5, 1.0 ) ) );
    }

    void erlangMatchesFactorialFormula()
    {
      for ( unsigned c = 1; c <= 25; ++c )
      {
        for ( double a = 0.05; a < c; a += 0.37 )
          QVERIFY2( near( gf::erlangC( c, a ), erlangCReference( c, a ), 1e-10 ), qPrintable( QStringLiteral( "c=%1 a=%2" ).arg( c ).arg( a ) ) );
      }
    }

    void erlangStableForLargeSites()
    {
      // a^c / c! overflows here; the recursion does not.
      double previous = 1.0;
      for ( unsigned c = 951; c <= 1100; ++c )
      {
        const double value = gf::erlangC( c, 950.0 );
        QVERIFY( std::isfinite( value ) && value > 0.0 && value < previous );
        previous = value;
      }
    }

    void smallestServerCount()
    {
      QCOMPARE( gf::erlangServersFor( 0.0, 1.0, 0.1 ), 0u );
      QCOMPARE( gf::erlangServersFor( 1.0, 1.0, 0.34 ), 2u );  // c = 2 waits 1/3
      QCOMPARE( gf::erlangServersFor( 1.0, 1.0, 0.3 ), 3u );   // c = 3 waits 0.0909 / 2
      // Brute force: the first stable count meeting the target.
      for ( double a = 0.3; a < 30.0; a += 1.7 )
      {
        unsigned expected = 1;
        while ( !( a < expected && gf::erlangMeanWait( expected, a, 2.0 ) <= 0.25 ) )
          ++expected;
        QCOMPARE( gf::erlangServersFor( a, 2.0, 0.25 ), expected );
      }
    }

    void acSiteByHand()
    {
      const gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      // 12 vans × 90 km × 0.22 kWh/km = 237.6 kWh, one session each (< 50 kWh battery);
      // grid 237.6 / 0.9 = 264 kWh, 22 kWh a session: 3.143 h on 7 kW fits the 10 h window.
      // λ = 1.2 /h, a = 3.771; mean wait 722.9, 72.0, 19.6, 6.16 min at c = 4…7 → 7 piles
      // (target 10 min); vehicles : piles needs floor(12/3) + 1 = 5.
      const gf::ChargingSite site = gf::sizeChargingSite( vans( 12, 90.0, p ), gf::ChargingBase::Centre, p );
      QCOMPARE( site.demand.vehicles, 12u );
      QVERIFY( near( site.demand.gridKwhPerDay, 264.0 ) );
      QCOMPARE( site.demand.sessionsPerDay, 12.0 );
      QCOMPARE( site.primaryPileKw, 7.0 );
      QVERIFY( near( site.sessionHours, 22.0 / 7.0 ) );
      QCOMPARE( site.queuePiles, 7u );
      QCOMPARE( site.ratioPiles, 5u );
      QCOMPARE( site.requiredPiles, 7u );
      QVERIFY( std::abs( site.meanWaitMinutes - 6.1586 ) < 1e-3 );
      // floor(7 × 0.2) = 1 DC top-up pile.
      QCOMPARE( site.acPiles, 6u );
      QCOMPARE( site.dcPiles, 1u );
      QCOMPARE( site.dcFastPiles, 0u );
      QCOMPARE( site.overflowPiles, 0u );
      QCOMPARE( site.undergroundPiles, 0u );  // default share 0
    }

    void ratioRaisesAndSiteLimitOverflows()
    {
      gf::ProgrammeParameters p = gf::presetParameters( gf::DistrictPreset::Linzi ).programme;
      p.charging.maxPilesPerCentre = 8;
      // 30 vans × 10 km: 2.444 grid kWh a session, 0.349 h on AC; a = 1.048 needs 2 piles
      // for the wait, but 30 vehicles need floor(30/3) + 1 = 11 piles. The centre takes 8,
      // 3 overflow with ceil(30·3/11) = 9 vehicles and 73.33·3/11 = 20 kWh a day.
      const gf::ChargingSite site = gf::sizeChargingSite( vans( 30, 10.0, p ), gf::ChargingBase::Centre, p );
      QCOMPARE( site.queuePiles, 2u );
      QCOMPARE( site.ratioPiles, 11u );
      QCOMPARE( site.requiredPiles, 11u );
      QCOMPARE( site.sitePiles(), 8u );
      QCOMPARE( site.dcPiles, 1u );   // floor(8 × 0.2)
      QCOMPARE( site.acPiles, 7u );
      QCOMPARE( site.overflowPiles, 3u );
      QCOMPARE( site.overflowVehicles, 9u );
      QVERIFY( near( site.overflowGridKwhPerDay, 20.0 ) );
      QCOMPARE( site.undergroundPiles, 4u );  // Linzi: half of a centre's piles
      QVERIFY( static_cast<double>( site.demand.vehicles ) / site.requiredPiles < 3.0 );
      // Exactly 3 : 1 is not below 3 : 1: 9 vehicles need 4 piles.
      QCOMPARE( gf::sizeChargingSite( vans( 9, 10.0, p ), gf::ChargingBase::Station, p ).ratioPiles, 4u );
      // Stations never reserve underground piles.
      QCOMPARE( gf::sizeChargingSite( vans( 9, 10.0, p ), gf::ChargingBase::Station, p ).undergroundPiles, 0u );
    }

    void pileTypeFollowsTheWindow()
    {
      gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      // 150 km: 33 kWh, 36.67 grid kWh a session: 5.24 h on AC, 0.61 h on DC, 0.31 h on fast DC.
      p.charging.windowHours = 2.0;
      gf::ChargingSite site = gf::sizeChargingSite( vans( 6, 150.0, p ), gf::ChargingBase::Centre, p );
      QCOMPARE( site.primaryPileKw, 60.0 );
      QCOMPARE( site.dcPiles, site.sitePiles() );
      p.charging.windowHours = 0.25;  // nothing fits: fast DC
      site = gf::sizeChargingSite( vans( 6, 150.0, p ), gf::ChargingBase::Centre, p );
      QCOMPARE( site.primaryPileKw, 120.0 );
      QCOMPARE( site.dcFastPiles, site.sitePiles() );
      // A pile per vehicle never queues: the count never exceeds the fleet for the wait.
      QVERIFY( site.queuePiles <= 6u );
    }

    void longDaysChargeTwice()
    {
      const gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      // 300 km × 0.22 = 66 kWh > 50 kWh battery: two sessions a vehicle.
      QCOMPARE( vans( 4, 300.0, p ).sessionsPerDay, 8.0 );
    }

    void dieselAndTricyclesDrawNothingByDefault()
    {
      gf::ProgrammeParameters p = gf::defaultProgrammeParameters();
      gf::FleetEstimate fleet;
      fleet.vehicles = 5;
      fleet.energyKwhAtWheel = 10.0;
      fleet.type = gf::VehicleType::ETricycle;
      QCOMPARE( gf::chargingDemand( fleet, p ).vehicles, 0u );
      p.charging.tricyclesUsePiles = true;
      QCOMPARE( gf::chargingDemand( fleet, p ).vehicles, 5u );
      fleet.type = gf::VehicleType::DieselVan;
      QCOMPARE( gf::chargingDemand( fleet, p ).vehicles, 0u );
      const gf::ChargingSite empty = gf::sizeChargingSite( gf::ChargingDemand(), gf::ChargingBase::Station, p );
      QCOMPARE( empty.sitePiles(), 0u );
    }
};

QTEST_APPLESS_MAIN( TestChargingSizing )
#include "test_charging_sizing.moc"
