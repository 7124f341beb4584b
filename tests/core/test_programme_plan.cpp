// The programme plan on a small district built here: every station supplied by a centre,
// goods balanced at every node of the three tiers, centres only on suitable land, the pile
// ratio met, and a clear error when no land suits a distribution centre.
#include "engine/programme/programme_plan.h"

#include "engine/scenario/plan_parameters.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace {

constexpr double kBlockM = 400.0;
constexpr int kBlocks = 4;
constexpr double kInsetM = 20.0;

gf::LandUseTable shippedTable()
{
  std::ifstream file( GF_SOURCE_DIR "/resources/landuse/land_use_suitability.csv" );
  std::stringstream text;
  text << file.rdbuf();
  gf::Result<gf::LandUseTable> table = gf::LandUseTable::fromCsv( text.str() );
  return table ? *table : gf::LandUseTable();
}

gf::Polygon square( double x0, double y0, double x1, double y1 )
{
  return gf::Polygon{ { { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 } } } };
}

/*
 * A 1.6 × 1.6 km grid of streets every 400 m (the middle ones arterial) with 16 blocks:
 * logistics land in the south-west block next to the hub, industry in the north-east,
 * commerce in two central blocks, housing elsewhere. Outlets and customers sit inside the
 * blocks near their streets.
 */
gf::Scenario district( const std::string &logisticsCode = "0508", const std::string &industryCode = "0601", const std::string &commerceCode = "05H1" )
{
  gf::Scenario scenario;
  scenario.crsAuthId = "EPSG:4548";
  scenario.parameters = gf::presetParameters( gf::DistrictPreset::Linzi );
  scenario.parameters.stationCount = 3;
  scenario.parameters.programme.targets.stationCount = 3;
  scenario.parameters.programme.loadingBays.targetCount = 2;
  scenario.parameters.programme.targets.loadingBays = 2;
  scenario.parameters.timeLimitS = 5.0;
  for ( int line = 0; line <= kBlocks; ++line )
  {
    for ( int piece = 0; piece < kBlocks; ++piece )
    {
      const double fixed = line * kBlockM;
      const gf::RoadClass roadClass = line == kBlocks / 2 ? gf::RoadClass::Arterial : gf::RoadClass::Branch;
      gf::RoadSegmentInput eastWest;
      eastWest.points = { { piece * kBlockM, fixed }, { ( piece + 1 ) * kBlockM, fixed } };
      eastWest.roadClass = roadClass;
      gf::RoadSegmentInput northSouth;
      northSouth.points = { { fixed, piece * kBlockM }, { fixed, ( piece + 1 ) * kBlockM } };
      northSouth.roadClass = roadClass;
      scenario.roads.push_back( eastWest );
      scenario.roads.push_back( northSouth );
    }
  }
  for ( std::size_t i = 0; i < scenario.roads.size(); ++i )
  {
    scenario.roadSourceIds.push_back( static_cast<std::int64_t>( i + 1 ) );
    scenario.roadNames.push_back( "路" + std::to_string( i + 1 ) );
  }
  std::int64_t parcelId = 1;
  for ( int bx = 0; bx < kBlocks; ++bx )
  {
    for ( int by = 0; by < kBlocks; ++by )
    {
      gf::LandParcel parcel;
      parcel.sourceId = parcelId++;
      parcel.landUseCode = bx == 0 && by == 0 ? logisticsCode
                           : bx == 3 && by == 3 ? industryCode
                           : ( bx == 1 && by == 1 ) || ( bx == 2 && by == 2 ) ? commerceCode
                                                                              : "0701";
      parcel.shape = square( bx * kBlockM + kInsetM, by * kBlockM + kInsetM, ( bx + 1 ) * kBlockM - kInsetM, ( by + 1 ) * kBlockM - kInsetM );
      parcel.areaM2 = ( kBlockM - 2 * kInsetM ) * ( kBlockM - 2 * kInsetM );
      scenario.parcels.push_back( parcel );
    }
  }
  gf::FreightHub hub;
  hub.name = "物流园";
  hub.location = { 200.0, 0.0 };
  hub.capacityTonnesPerDay = 500.0;
  scenario.hubs.push_back( hub );
  // Outlets a few metres off a street inside housing blocks.
  const gf::PointXY outletSpots[] = { { 600, 430 }, { 1000, 830 }, { 1430, 200 }, { 200, 1370 }, { 1000, 1430 }, { 630, 1000 } };
  for ( const gf::PointXY &spot : outletSpots )
  {
    gf::CandidateSite outlet;
    outlet.sourceId = static_cast<std::int64_t>( scenario.candidates.size() + 1 );
    outlet.name = "驿站" + std::to_string( outlet.sourceId );
    outlet.kind = "express_point";
    outlet.location = spot;
    outlet.capacityParcelsPerDay = 3000.0;
    scenario.candidates.push_back( outlet );
  }
  // Customers: a community in each housing block, supermarkets in the commercial blocks.
  for ( const gf::LandParcel &parcel : scenario.parcels )
  {
    const gf::PointXY corner = parcel.shape.rings[0][0];
    gf::DemandPoint point;
    point.sourceId = static_cast<std::int64_t>( scenario.demand.size() + 1 );
    point.location = { corner.x + 150.0, corner.y + 10.0 };
    if ( parcel.landUseCode == "0701" )
    {
      point.type = gf::DemandType::Community;
      point.parcelsPerDay = 200.0 + 10.0 * static_cast<double>( scenario.demand.size() );
      point.tonnesPerDay = point.parcelsPerDay * 0.002;
    }
    else if ( parcel.landUseCode == "05H1" )
    {
      point.type = gf::DemandType::Supermarket;
      point.parcelsPerDay = 50.0;
      point.tonnesPerDay = 3.0;
    }
    else
    {
      continue;
    }
    point.name = "客户" + std::to_string( point.sourceId );
    scenario.demand.push_back( point );
  }
  return scenario;
}

double tonnesOf( const std::vector<gf::Flow> &flows, gf::FlowTier tier, bool byOrigin, std::uint32_t index )
{
  double total = 0.0;
  for ( const gf::Flow &flow : flows )
  {
    if ( flow.tier == tier && ( byOrigin ? flow.fromIndex : flow.toIndex ) == index )
      total += flow.tonnesPerDay;
  }
  return total;
}

bool near( double a, double b )
{
  return std::abs( a - b ) <= 1e-9 * std::max( 1.0, std::abs( a ) + std::abs( b ) );
}

//! Stands in for the MILP solver: records each call and answers with the incumbent and a
//! bound of half its objective, so that the plan shows whether the answer was used.
class RecordingRefiner final : public gf::ExactRefiner
{
  public:
    gf::Result<gf::LocationSolution> refinePMedian( const gf::LocationProblem &, std::uint32_t p, const gf::LocationSolution &incumbent,
                                                    double timeLimitS, gf::ProgressSink & ) override
    {
      ++stationCalls;
      stationCount = p;
      seenTimeLimitS = timeLimitS;
      stationObjective = incumbent.objective;
      return halfBound( incumbent );
    }

    gf::Result<gf::CoverageSolution> refineMclp( const gf::LocationProblem &, const gf::MclpOptions &, const gf::CoverageSolution &incumbent,
                                                 double, gf::ProgressSink & ) override
    {
      ++stationCalls;
      return incumbent;
    }

    gf::Result<gf::LocationSolution> refineSingleSource( const gf::SingleSourceModel &model, const gf::LocationSolution &incumbent,
                                                         double, gf::ProgressSink & ) override
    {
      ++centreCalls;
      centreMaxOpen = model.maxOpen;
      centreObjective = incumbent.objective;
      return halfBound( incumbent );
    }

    int stationCalls = 0;
    int centreCalls = 0;
    std::uint32_t stationCount = 0;
    std::uint32_t centreMaxOpen = 0;
    double seenTimeLimitS = 0.0;
    double stationObjective = 0.0;
    double centreObjective = 0.0;

  private:
    static gf::LocationSolution halfBound( gf::LocationSolution solution )
    {
      solution.lowerBound = 0.5 * solution.objective;
      solution.provenOptimal = false;
      return solution;
    }
};

} // namespace

class TestProgrammePlan : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      mTable = shippedTable();
      QVERIFY( !mTable.classes().empty() );
    }

    void everyStationIsSuppliedAndFlowsBalance()
    {
      const gf::Scenario scenario = district();
      gf::SilentProgress progress;
      gf::Result<gf::ProgrammePlan> result = gf::planProgramme( scenario, mTable, progress );
      QVERIFY2( result.isOk(), result.isOk() ? "" : result.error().subject.c_str() );
      const gf::ProgrammePlan &plan = *result;
      QCOMPARE( plan.stations.stations.size(), std::size_t( 3 ) );
      QVERIFY( !plan.centres.centres.empty() );
      QCOMPARE( plan.largeCustomers.size(), std::size_t( 2 ) );

      // Every station is a client of some centre, and so is every large customer.
      for ( std::size_t client = 0; client < plan.centres.clientCentre.size(); ++client )
        QVERIFY2( plan.centres.clientCentre[client] != UINT32_MAX, qPrintable( QString::number( client ) ) );

      // Stations: goods in from the centre = goods out to the customers.
      double deliveredByStations = 0.0;
      for ( std::uint32_t s = 0; s < plan.stations.stations.size(); ++s )
      {
        const double in = tonnesOf( plan.flows, gf::FlowTier::CentreToStation, false, s );
        const double out = tonnesOf( plan.flows, gf::FlowTier::StationToCustomer, true, s );
        QVERIFY2( near( in, out ), qPrintable( QStringLiteral( "station %1: %2 in, %3 out" ).arg( s ).arg( in ).arg( out ) ) );
        QVERIFY( out > 0.0 );
        deliveredByStations += out;
      }
      // Centres: goods in from the hub = goods out to stations and large customers.
      double deliveredByCentres = 0.0;
      for ( std::uint32_t c = 0; c < plan.centres.centres.size(); ++c )
      {
        const double in = tonnesOf( plan.flows, gf::FlowTier::HubToCentre, false, c );
        const double out = tonnesOf( plan.flows, gf::FlowTier::CentreToStation, true, c ) + tonnesOf( plan.flows, gf::FlowTier::CentreToCustomer, true, c );
        QVERIFY2( near( in, out ), qPrintable( QStringLiteral( "centre %1: %2 in, %3 out" ).arg( c ).arg( in ).arg( out ) ) );
        deliveredByCentres += tonnesOf( plan.flows, gf::FlowTier::CentreToCustomer, true, c );
      }
      // Every customer's goods arrive, once, and the status quo delivers the same goods.
      double demanded = 0.0;
      for ( const gf::DemandPoint &point : scenario.demand )
        demanded += point.tonnesPerDay;
      QVERIFY( near( deliveredByStations + deliveredByCentres, demanded ) );
      double baseline = 0.0;
      for ( const gf::Flow &flow : plan.flows )
      {
        if ( flow.tier == gf::FlowTier::BaselineHubToCustomer )
          baseline += flow.tonnesPerDay;
      }
      QVERIFY( near( baseline, demanded ) );
      QVERIFY( near( plan.kpis.plan.total.tonnesDelivered, demanded ) );
    }

    void centresStandOnSuitableLandAndStationsOnAcceptedSites()
    {
      gf::SilentProgress progress;
      gf::Result<gf::ProgrammePlan> result = gf::planProgramme( district(), mTable, progress );
      QVERIFY( result.isOk() );
      for ( const gf::PlannedCentre &centre : result->centres.centres )
      {
        const gf::SiteCandidate &site = result->centreCandidates[centre.siteIndex];
        QVERIFY( site.isAccepted() );
        QVERIFY( site.origin == gf::CandidateOrigin::Hub || ( site.suitability && *site.suitability != gf::Suitability::Excluded ) );
      }
      for ( const gf::PlannedStation &station : result->stations.stations )
        QVERIFY( result->stationCandidates[station.candidateIndex].isAccepted() );
      // Every opened site has its row in the land-use conflict table.
      QCOMPARE( result->conflicts.size(), result->centres.centres.size() + result->stations.stations.size()
                                            + static_cast<std::size_t>( std::count_if( result->charging.begin(), result->charging.end(), []( const gf::ChargingPlanSite &site ) {
                                                return site.kind == gf::ChargingSiteKind::Public;
                                              } ) ) );
    }

    void pileRatioIsMet()
    {
      gf::SilentProgress progress;
      gf::Result<gf::ProgrammePlan> result = gf::planProgramme( district(), mTable, progress );
      QVERIFY( result.isOk() );
      const gf::ProgrammePlan &plan = *result;
      const double maxRatio = district().parameters.programme.charging.maxVehiclesPerPile;
      QVERIFY( plan.nevVehiclesAtPiles > 0 );
      QVERIFY( plan.availablePiles > 0 );
      QVERIFY( static_cast<double>( plan.nevVehiclesAtPiles ) < maxRatio * plan.availablePiles );
      std::uint32_t piles = 0;
      for ( const gf::ChargingPlanSite &site : plan.charging )
        piles += site.sizing.sitePiles();
      QCOMPARE( piles, plan.availablePiles );
      const auto ratio = std::find_if( plan.compliance.begin(), plan.compliance.end(), []( const gf::ComplianceRow &row ) { return row.id == "nev_pile_ratio"; } );
      QVERIFY( ratio != plan.compliance.end() );
      QCOMPARE( ratio->status, gf::ComplianceStatus::Pass );
      const auto stations = std::find_if( plan.compliance.begin(), plan.compliance.end(), []( const gf::ComplianceRow &row ) { return row.id == "station_count"; } );
      QVERIFY( stations != plan.compliance.end() );
      QCOMPARE( stations->achieved, 3.0 );
    }

    void lockedAndBannedSitesAreHonoured()
    {
      // The analyst proposes a centre of their own in the north-east and locks it, and bans
      // the outlet that the free plan opens first.
      gf::SilentProgress progress;
      gf::Result<gf::ProgrammePlan> free = gf::planProgramme( district(), mTable, progress );
      QVERIFY( free.isOk() );
      const gf::SiteCandidate &firstStation = free->stationCandidates[free->stations.stations.front().candidateIndex];

      gf::Scenario scenario = district();
      gf::CandidateSite userCentre;
      userCentre.sourceId = 99;
      userCentre.name = "分析员提议中心";
      userCentre.origin = gf::CandidateOrigin::User;
      userCentre.location = { 1430.0, 1430.0 };
      userCentre.capacityParcelsPerDay = 0.0;
      userCentre.facility = gf::FacilityType::DistributionCentre;
      userCentre.required = true;
      scenario.candidates.push_back( userCentre );
      const bool bannedIsOutlet = firstStation.origin == gf::CandidateOrigin::Outlet;
      if ( bannedIsOutlet )
        scenario.candidates[firstStation.sourceIndex].banned = true;
      gf::Result<gf::ProgrammePlan> edited = gf::planProgramme( scenario, mTable, progress );
      QVERIFY2( edited.isOk(), edited.isOk() ? "" : edited.error().subject.c_str() );

      bool userCentreOpen = false;
      for ( const gf::PlannedCentre &centre : edited->centres.centres )
        userCentreOpen = userCentreOpen || edited->centreCandidates[centre.siteIndex].sourceId == 99;
      QVERIFY( userCentreOpen );
      // A centre site is never offered as a station, an outlet never as a centre.
      for ( const gf::SiteCandidate &candidate : edited->stationCandidates )
        QVERIFY( candidate.sourceId != 99 || candidate.origin != gf::CandidateOrigin::User );
      for ( const gf::SiteCandidate &candidate : edited->centreCandidates )
        QVERIFY( candidate.origin != gf::CandidateOrigin::Outlet );
      if ( bannedIsOutlet )
      {
        for ( const gf::PlannedStation &station : edited->stations.stations )
        {
          const gf::SiteCandidate &site = edited->stationCandidates[station.candidateIndex];
          QVERIFY( !( site.origin == gf::CandidateOrigin::Outlet && site.sourceIndex == firstStation.sourceIndex ) );
        }
        const auto banned = std::find_if( edited->stationCandidates.begin(), edited->stationCandidates.end(), [&]( const gf::SiteCandidate &c ) {
          return c.origin == gf::CandidateOrigin::Outlet && c.sourceIndex == firstStation.sourceIndex;
        } );
        QVERIFY( banned != edited->stationCandidates.end() );
        QCOMPARE( banned->rejection, gf::CandidateRejection::BannedByUser );
      }
    }

    void noLandForACentreIsExplained()
    {
      // Housing where the logistics, industrial and commercial land was, and the hub inside an
      // ecological red line: nothing may host a distribution centre.
      gf::Scenario scenario = district( "0701", "0701", "0701" );
      gf::ControlLine redline;
      redline.type = gf::ControlLineType::EcologicalRedline;
      redline.name = "河道";
      redline.shape = square( 150.0, -50.0, 250.0, 50.0 );
      scenario.controlLines.push_back( redline );
      gf::SilentProgress progress;
      gf::Result<gf::ProgrammePlan> result = gf::planProgramme( scenario, mTable, progress );
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, gf::ErrorCode::NoSuitableLand );
      const QString subject = QString::fromStdString( result.error().subject );
      QVERIFY2( subject.startsWith( QLatin1String( "centre;" ) ), qPrintable( subject ) );
      QVERIFY2( subject.contains( QLatin1String( "land_use_excluded=" ) ), qPrintable( subject ) );
      QVERIFY2( subject.contains( QLatin1String( "ecological_redline=1" ) ), qPrintable( subject ) );

      // The scenario may override the table: housing made conditional for centres gives a plan
      // with its centre on a former housing parcel.
      scenario.suitabilityOverrides.push_back( { gf::LandUseSystem::Dlbm, "0701", gf::FacilityType::DistributionCentre, gf::Suitability::Conditional } );
      gf::Result<gf::ProgrammePlan> overridden = gf::planProgramme( scenario, mTable, progress );
      QVERIFY2( overridden.isOk(), overridden.isOk() ? "" : overridden.error().subject.c_str() );
      QVERIFY( !overridden->centres.centres.empty() );
      const gf::SiteCandidate &centre = overridden->centreCandidates[overridden->centres.centres.front().siteIndex];
      QCOMPARE( centre.landUseCode, std::string( "0701" ) );
      QCOMPARE( centre.suitability, std::optional<gf::Suitability>( gf::Suitability::Conditional ) );
    }

    void exactModeHandsBothTiersToTheRefiner()
    {
      gf::Scenario scenario = district();
      gf::SilentProgress progress;
      RecordingRefiner unused;
      QVERIFY( gf::planProgramme( scenario, mTable, progress, nullptr, &unused ).isOk() );
      QCOMPARE( unused.stationCalls + unused.centreCalls, 0 );  // exact mode is off by default

      scenario.parameters.exactTimeLimitS = 7.0;
      RecordingRefiner refiner;
      gf::Result<gf::ProgrammePlan> result = gf::planProgramme( scenario, mTable, progress, nullptr, &refiner );
      QVERIFY( result.isOk() );
      QCOMPARE( refiner.stationCalls, 1 );
      QCOMPARE( refiner.centreCalls, 1 );
      QCOMPARE( refiner.stationCount, scenario.parameters.stationCount );
      QCOMPARE( refiner.centreMaxOpen, scenario.parameters.programme.centres.maxCount );
      QCOMPARE( refiner.seenTimeLimitS, 7.0 );
      // The refiner's answer is the plan's.
      QVERIFY( near( result->stations.kpis.lowerBound, 0.5 * refiner.stationObjective ) );
      QVERIFY( !result->stations.kpis.provenOptimal );
      QVERIFY( near( result->centres.lowerBoundCnyPerDay, 0.5 * refiner.centreObjective ) );
      QVERIFY( !result->centres.provenOptimal );
    }

    void sameInputsGiveTheSamePlan()
    {
      gf::SilentProgress progress;
      gf::Result<gf::ProgrammePlan> first = gf::planProgramme( district(), mTable, progress );
      gf::Result<gf::ProgrammePlan> second = gf::planProgramme( district(), mTable, progress );
      QVERIFY( first.isOk() && second.isOk() );
      QCOMPARE( first->flows.size(), second->flows.size() );
      for ( std::size_t i = 0; i < first->flows.size(); ++i )
      {
        QCOMPARE( first->flows[i].fromIndex, second->flows[i].fromIndex );
        QCOMPARE( first->flows[i].toIndex, second->flows[i].toIndex );
        QCOMPARE( first->flows[i].tonnesPerDay, second->flows[i].tonnesPerDay );
      }
      QCOMPARE( first->availablePiles, second->availablePiles );
      QCOMPARE( first->loadingBays.bays.size(), second->loadingBays.bays.size() );
    }

  private:
    gf::LandUseTable mTable;
};

QTEST_APPLESS_MAIN( TestProgrammePlan )
#include "test_programme_plan.moc"
