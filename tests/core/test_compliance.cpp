// Compliance with the programme targets: pass / fail and margins at the boundaries, not
// applicable where a district sets no target, and the joint distribution shares.
#include "engine/programme/compliance.h"
#include "engine/scenario/plan_parameters.h"

#include <QtTest>

#include <cmath>

namespace {

const gf::ComplianceRow &row( const std::vector<gf::ComplianceRow> &rows, const char *id )
{
  for ( const gf::ComplianceRow &r : rows )
  {
    if ( r.id == id )
      return r;
  }
  qFatal( "missing compliance row %s", id );
  return rows.front();
}

//! Baseline: 100 CNY, 100 kWh over 100 tonne-km, load factor 0.5 (50 over 100 vehicle-km).
gf::ComplianceInputs inputs( double planCost, double planEnergyKwh, double planFill )
{
  gf::ComplianceInputs in;
  in.baseline.costCny = 100.0;
  in.baseline.energyKwh = 100.0;
  in.baseline.tonneKm = 100.0;
  in.baseline.vehicleKm = 100.0;
  in.baseline.fillVehicleKm = 50.0;
  in.plan.costCny = planCost;
  in.plan.energyKwh = planEnergyKwh;
  in.plan.tonneKm = 100.0;
  in.plan.vehicleKm = 100.0;
  in.plan.fillVehicleKm = planFill;
  in.nevVehiclesAtPiles = 30;
  in.availablePiles = 11;
  in.stations = 40;
  in.loadingBays = 30;
  in.jointShareLarge = 0.5;
  in.centres = 2;
  in.centresWithUndergroundPiles = 2;
  return in;
}

gf::ProgrammeTargets zhangdian()
{
  return gf::presetParameters( gf::DistrictPreset::Zhangdian ).programme.targets;
}

} // namespace

class TestCompliance : public QObject
{
    Q_OBJECT

  private slots:
    void rowsInStableOrder()
    {
      const std::vector<gf::ComplianceRow> rows = gf::evaluateCompliance( zhangdian(), inputs( 90, 97, 60 ) );
      const char *ids[] = { "transport_cost_reduction", "energy_intensity_reduction", "utilisation_increase",
                            "nev_pile_ratio", "station_count", "loading_bays", "joint_distribution_share_large",
                            "underground_piles_at_centres" };
      QCOMPARE( rows.size(), std::size( ids ) );
      for ( std::size_t i = 0; i < rows.size(); ++i )
        QCOMPARE( rows[i].id, std::string( ids[i] ) );
      QCOMPARE( std::string( gf::complianceStatusId( gf::ComplianceStatus::NotApplicable ) ), std::string( "not_applicable" ) );
    }

    void relativeTargetsAtTheBoundary()
    {
      // Exactly −10 % cost, −3 % energy per tonne-km and +20 % load factor meet the targets.
      std::vector<gf::ComplianceRow> rows = gf::evaluateCompliance( zhangdian(), inputs( 90, 97, 60 ) );
      for ( const char *id : { "transport_cost_reduction", "energy_intensity_reduction", "utilisation_increase" } )
      {
        QVERIFY2( row( rows, id ).status == gf::ComplianceStatus::Pass, id );
        QVERIFY2( std::abs( row( rows, id ).margin ) < 1e-12, id );
      }
      QVERIFY( std::abs( row( rows, "transport_cost_reduction" ).achieved - 0.10 ) < 1e-12 );
      QCOMPARE( row( rows, "transport_cost_reduction" ).target, 0.10 );
      // Just short of each.
      rows = gf::evaluateCompliance( zhangdian(), inputs( 90.01, 97.01, 59.99 ) );
      QVERIFY( row( rows, "transport_cost_reduction" ).status == gf::ComplianceStatus::Fail );
      QVERIFY( std::abs( row( rows, "transport_cost_reduction" ).margin + 0.0001 ) < 1e-12 );
      QVERIFY( row( rows, "energy_intensity_reduction" ).status == gf::ComplianceStatus::Fail );
      QVERIFY( row( rows, "utilisation_increase" ).status == gf::ComplianceStatus::Fail );
      QVERIFY( std::abs( row( rows, "utilisation_increase" ).margin + 0.0002 ) < 1e-12 );
      // Well beyond: margins positive.
      rows = gf::evaluateCompliance( zhangdian(), inputs( 80, 90, 75 ) );
      QVERIFY( std::abs( row( rows, "transport_cost_reduction" ).margin - 0.10 ) < 1e-12 );
      QVERIFY( std::abs( row( rows, "energy_intensity_reduction" ).margin - 0.07 ) < 1e-12 );
      QVERIFY( std::abs( row( rows, "utilisation_increase" ).margin - 0.30 ) < 1e-12 );
    }

    void pileRatioIsStrict()
    {
      gf::ComplianceInputs in = inputs( 90, 97, 60 );
      // 30 : 11 < 3 : 1 passes with margin 3 − 30/11.
      std::vector<gf::ComplianceRow> rows = gf::evaluateCompliance( zhangdian(), in );
      QVERIFY( row( rows, "nev_pile_ratio" ).status == gf::ComplianceStatus::Pass );
      QVERIFY( std::abs( row( rows, "nev_pile_ratio" ).margin - ( 3.0 - 30.0 / 11.0 ) ) < 1e-12 );
      // 30 : 10 is exactly 3 : 1, not below it.
      in.availablePiles = 10;
      rows = gf::evaluateCompliance( zhangdian(), in );
      QVERIFY( row( rows, "nev_pile_ratio" ).status == gf::ComplianceStatus::Fail );
      QCOMPARE( row( rows, "nev_pile_ratio" ).achieved, 3.0 );
      QCOMPARE( row( rows, "nev_pile_ratio" ).margin, 0.0 );
      in.availablePiles = 0;
      rows = gf::evaluateCompliance( zhangdian(), in );
      QVERIFY( row( rows, "nev_pile_ratio" ).status == gf::ComplianceStatus::Fail );
      QVERIFY( std::isinf( row( rows, "nev_pile_ratio" ).achieved ) );
      in.nevVehiclesAtPiles = 0;
      rows = gf::evaluateCompliance( zhangdian(), in );
      QVERIFY( row( rows, "nev_pile_ratio" ).status == gf::ComplianceStatus::Pass );
    }

    void countsAndShares()
    {
      gf::ComplianceInputs in = inputs( 90, 97, 60 );
      std::vector<gf::ComplianceRow> rows = gf::evaluateCompliance( zhangdian(), in );
      QVERIFY( row( rows, "station_count" ).status == gf::ComplianceStatus::Pass );
      QCOMPARE( row( rows, "station_count" ).margin, 0.0 );
      QVERIFY( row( rows, "joint_distribution_share_large" ).status == gf::ComplianceStatus::Pass );
      // Zhangdian: no loading bay count, no underground requirement.
      QVERIFY( row( rows, "loading_bays" ).status == gf::ComplianceStatus::NotApplicable );
      QVERIFY( row( rows, "underground_piles_at_centres" ).status == gf::ComplianceStatus::NotApplicable );
      in.stations = 39;
      in.jointShareLarge = 0.49;
      rows = gf::evaluateCompliance( zhangdian(), in );
      QVERIFY( row( rows, "station_count" ).status == gf::ComplianceStatus::Fail );
      QCOMPARE( row( rows, "station_count" ).margin, -1.0 );
      QVERIFY( row( rows, "joint_distribution_share_large" ).status == gf::ComplianceStatus::Fail );
      in.jointShareLarge.reset();  // no large customer to measure
      rows = gf::evaluateCompliance( zhangdian(), in );
      QVERIFY( row( rows, "joint_distribution_share_large" ).status == gf::ComplianceStatus::NotApplicable );
    }

    void linziTargets()
    {
      const gf::ProgrammeTargets linzi = gf::presetParameters( gf::DistrictPreset::Linzi ).programme.targets;
      gf::ComplianceInputs in = inputs( 120, 120, 40 );  // worse than today: not measured in Linzi
      in.stations = 10;
      std::vector<gf::ComplianceRow> rows = gf::evaluateCompliance( linzi, in );
      for ( const char *id : { "transport_cost_reduction", "energy_intensity_reduction", "utilisation_increase" } )
        QVERIFY2( row( rows, id ).status == gf::ComplianceStatus::NotApplicable, id );
      QVERIFY( row( rows, "station_count" ).status == gf::ComplianceStatus::Pass );
      QVERIFY( row( rows, "loading_bays" ).status == gf::ComplianceStatus::Pass );  // 30 of 30
      QCOMPARE( row( rows, "loading_bays" ).target, 30.0 );
      QVERIFY( row( rows, "underground_piles_at_centres" ).status == gf::ComplianceStatus::Pass );
      in.loadingBays = 29;
      in.centresWithUndergroundPiles = 1;
      rows = gf::evaluateCompliance( linzi, in );
      QVERIFY( row( rows, "loading_bays" ).status == gf::ComplianceStatus::Fail );
      QCOMPARE( row( rows, "loading_bays" ).margin, -1.0 );
      QVERIFY( row( rows, "underground_piles_at_centres" ).status == gf::ComplianceStatus::Fail );
      QCOMPARE( row( rows, "underground_piles_at_centres" ).margin, -0.5 );
    }

    void zeroBaselineIsNotApplicable()
    {
      gf::ComplianceInputs in = inputs( 90, 97, 60 );
      in.baseline = gf::KpiTotals();
      const std::vector<gf::ComplianceRow> rows = gf::evaluateCompliance( zhangdian(), in );
      for ( const char *id : { "transport_cost_reduction", "energy_intensity_reduction", "utilisation_increase" } )
        QVERIFY2( row( rows, id ).status == gf::ComplianceStatus::NotApplicable, id );
    }

    void jointDistributionShares()
    {
      std::vector<gf::DemandPoint> demand( 4 );
      demand[0].type = gf::DemandType::Supermarket;
      demand[1].type = gf::DemandType::Supermarket;
      demand[2].type = gf::DemandType::ChainStore;
      demand[3].type = gf::DemandType::Community;
      auto to = []( gf::FlowTier tier, std::uint32_t customer )
      {
        gf::Flow flow;
        flow.tier = tier;
        flow.toIndex = customer;
        flow.tonnesPerDay = 0.1;
        return flow;
      };
      // Supermarket 0 via a station, chain store 2 directly from a centre; supermarket 1 only
      // by its carriers today; the community does not count.
      const std::vector<gf::Flow> flows = { to( gf::FlowTier::StationToCustomer, 0 ), to( gf::FlowTier::CentreToCustomer, 2 ),
                                            to( gf::FlowTier::BaselineHubToCustomer, 1 ), to( gf::FlowTier::StationToCustomer, 3 ) };
      QCOMPARE( *gf::planJointShareLarge( demand, flows ), 2.0 / 3.0 );
      gf::BaselineParameters baseline;
      baseline.largeCustomerJointShare = 0.2;
      QCOMPARE( *gf::baselineJointShareLarge( demand, baseline ), 0.2 );  // survey silent
      demand[1].jointDistribution = true;
      QCOMPARE( *gf::baselineJointShareLarge( demand, baseline ), 1.0 / 3.0 );
      const std::vector<gf::DemandPoint> small( 2 );
      QVERIFY( !gf::planJointShareLarge( small, flows ) );
      QVERIFY( !gf::baselineJointShareLarge( small, baseline ) );
    }
};

QTEST_APPLESS_MAIN( TestCompliance )
#include "test_compliance.moc"
