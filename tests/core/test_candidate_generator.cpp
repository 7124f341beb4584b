// Candidate sites: suitability, area, road access and control-line rules on hand-made
// parcels, a brute-force reference on random districts, and interior points of concave parcels.
#include "programme_test_support.h"

#include "engine/landuse/polygon_geometry.h"
#include "engine/programme/candidate_generator.h"
#include "engine/solvers/random_source.h"

#include <QtTest>

#include <cmath>

using namespace gf;
using namespace gf::test;

namespace {

//   y
//  500  ======================== expressway
//  400            [2]
//  300
//  120  [0]   [1]        [3]  [4]
//    0  ------------------------------ arterial (0..1000)
//  -20  [5]   [6]          [7 U-shape below]
//      farmland  redline
Scenario handMadeScenario()
{
  Scenario scenario;
  scenario.roads.push_back( road( { { 0, 0 }, { 500, 0 }, { 1000, 0 } }, RoadClass::Arterial ) );
  scenario.roads.push_back( road( { { 0, 500 }, { 1000, 500 } }, RoadClass::Expressway ) );
  scenario.parcels.push_back( parcel( 10, "0508", rectangle( 100, 20, 200, 120 ) ) );
  scenario.parcels.push_back( parcel( 11, "0508", rectangle( 300, 20, 340, 60 ) ) );
  scenario.parcels.push_back( parcel( 12, "0508", rectangle( 400, 300, 500, 400 ) ) );
  scenario.parcels.push_back( parcel( 13, "0103", rectangle( 600, 20, 700, 120 ) ) );
  scenario.parcels.push_back( parcel( 14, "9999", rectangle( 800, 20, 900, 120 ) ) );
  scenario.parcels.push_back( parcel( 15, "0508", rectangle( 100, -120, 200, -20 ) ) );
  scenario.parcels.push_back( parcel( 16, "0508", rectangle( 300, -120, 400, -20 ) ) );
  Polygon u;  // U open to the south: the bounding box centre (650, -60) is in the notch
  u.rings.push_back( { { 500, -20 }, { 800, -20 }, { 800, -150 }, { 740, -150 }, { 740, -40 }, { 560, -40 }, { 560, -150 }, { 500, -150 } } );
  scenario.parcels.push_back( parcel( 17, "05H1", u ) );
  scenario.controlLines.push_back( controlLine( ControlLineType::BasicFarmland, rectangle( 50, -150, 250, -10 ) ) );
  scenario.controlLines.push_back( controlLine( ControlLineType::EcologicalRedline, rectangle( 250, -150, 450, -10 ) ) );
  scenario.controlLines.push_back( controlLine( ControlLineType::Other, rectangle( 0, 200, 1000, 260 ) ) );
  CandidateSite inFarmland;
  inFarmland.location = { 150, -60 };
  inFarmland.capacityParcelsPerDay = 300;
  CandidateSite onLogistics;
  onLogistics.location = { 150, 70 };
  onLogistics.required = true;
  CandidateSite banned;
  banned.location = { 320, 40 };
  banned.banned = true;
  CandidateSite onDryLand;
  onDryLand.location = { 650, 70 };
  onDryLand.origin = CandidateOrigin::User;
  scenario.candidates = { inFarmland, onLogistics, banned, onDryLand };
  FreightHub hub;
  hub.location = { 950, 10 };
  hub.capacityTonnesPerDay = 800;
  scenario.hubs.push_back( hub );
  return scenario;
}

CandidateGeneratorOptions handMadeOptions( FacilityType facility )
{
  CandidateGeneratorOptions options;
  options.facility = facility;
  options.fromHubs = true;
  options.minParcelAreaM2 = 5000;
  options.maxRoadAccessM = 200;
  options.defaultCapacity = 150;
  return options;
}

const SiteCandidate &find( const std::vector<SiteCandidate> &list, CandidateOrigin origin, std::uint32_t index )
{
  for ( const SiteCandidate &candidate : list )
  {
    if ( candidate.origin == origin && candidate.sourceIndex == index )
      return candidate;
  }
  static const SiteCandidate none;
  return none;
}

const SiteCandidate &parcelCandidate( const std::vector<SiteCandidate> &list, std::uint32_t index )
{
  return find( list, CandidateOrigin::Parcel, index );
}

//! Maximum distance to the boundary over a fine lattice of interior points.
double bruteForceDepth( const Polygon &polygon, double stepM )
{
  const BoundingBox box = boundingBox( polygon );
  double best = 0.0;
  for ( double x = box.minX; x <= box.maxX; x += stepM )
    for ( double y = box.minY; y <= box.maxY; y += stepM )
      if ( pointInPolygon( { x, y }, polygon ) )
        best = std::max( best, distanceToBoundary( { x, y }, polygon ) );
  return best;
}

} // namespace

class TestCandidateGenerator : public QObject
{
    Q_OBJECT

  private slots:
    void rulesOnHandMadeParcels();
    void urbanBoundary();
    void sitesAndLandUseFilter();
    void conflictRows();
    void codeSystemPerParcel();
    void representativePointInsideConcave();
    void matchesBruteForceOnRandomDistricts();
    void deterministicAndCancelable();
    void optionsFromParameters();
};

void TestCandidateGenerator::rulesOnHandMadeParcels()
{
  const Scenario scenario = handMadeScenario();
  const LandUseTable table = fixtureLandUseTable();
  const CandidateGenerator generator( scenario, table );
  SilentProgress progress;
  CandidateGeneratorOptions options = handMadeOptions( FacilityType::DistributionCentre );
  options.capacityPerM2 = 0.01;
  options.maxCapacity = 90;
  const Result<std::vector<SiteCandidate>> result = generator.generate( options, progress );
  QVERIFY( result.isOk() );
  const std::vector<SiteCandidate> &list = *result;
  // Outlets are no centres (CandidateSite::offers): parcels and the hub only.
  QCOMPARE( list.size(), scenario.parcels.size() + 1 );

  const SiteCandidate &accepted = parcelCandidate( list, 0 );
  QVERIFY( accepted.isAccepted() );
  QVERIFY( std::abs( accepted.location.x - 150 ) < 1.0 && std::abs( accepted.location.y - 70 ) < 1.0 );
  QCOMPARE( accepted.parcelIndex, 0u );
  QCOMPARE( accepted.landUseCode, std::string( "0508" ) );
  QCOMPARE( accepted.suitability, std::optional<Suitability>( Suitability::Suitable ) );
  QCOMPARE( accepted.roadIndex, 0u );
  QVERIFY( std::abs( accepted.roadAccessM - accepted.location.y ) < 1e-9 );
  QCOMPARE( accepted.parcelAreaM2, 10000.0 );
  QCOMPARE( accepted.capacity, 90.0 );  // 10000 m² × 0.01 = 100, capped at 90
  QCOMPARE( accepted.sourceId, std::int64_t( 10 ) );

  QCOMPARE( parcelCandidate( list, 1 ).rejection, CandidateRejection::AreaTooSmall );
  QCOMPARE( parcelCandidate( list, 1 ).capacity, 16.0 );
  // 150 m from the expressway, 350 m from the arterial: expressways give no access.
  QCOMPARE( parcelCandidate( list, 2 ).rejection, CandidateRejection::NoRoadAccess );
  QCOMPARE( parcelCandidate( list, 2 ).roadIndex, kNoIndex );
  QCOMPARE( parcelCandidate( list, 3 ).rejection, CandidateRejection::LandUseExcluded );
  QCOMPARE( parcelCandidate( list, 4 ).rejection, CandidateRejection::UnknownLandUse );
  QVERIFY( !parcelCandidate( list, 4 ).suitability.has_value() );
  QCOMPARE( parcelCandidate( list, 5 ).rejection, CandidateRejection::BasicFarmland );
  QCOMPARE( parcelCandidate( list, 5 ).controlLineIndex, 0u );
  QCOMPARE( parcelCandidate( list, 6 ).rejection, CandidateRejection::EcologicalRedline );
  QCOMPARE( parcelCandidate( list, 6 ).controlLineIndex, 1u );
  // 05H1 is conditional for centres: kept, flagged by its suitability.
  QVERIFY( parcelCandidate( list, 7 ).isAccepted() );
  QCOMPARE( parcelCandidate( list, 7 ).suitability, std::optional<Suitability>( Suitability::Conditional ) );

  // Allowing expressways gives parcel 2 access at 150 m; a lower minimum area admits parcel 1.
  options.accessRoadClasses.fill( true );
  options.minParcelAreaM2 = 1000;
  const std::vector<SiteCandidate> relaxed = *generator.generate( options, progress );
  QVERIFY( parcelCandidate( relaxed, 2 ).isAccepted() );
  QCOMPARE( parcelCandidate( relaxed, 2 ).roadIndex, 1u );
  QVERIFY( std::abs( parcelCandidate( relaxed, 2 ).roadAccessM - 150.0 ) < 1.0 );
  QVERIFY( parcelCandidate( relaxed, 1 ).isAccepted() );

  // A user ban on a parcel wins over everything.
  options.bannedParcelIds = { 10 };
  QCOMPARE( parcelCandidate( *generator.generate( options, progress ), 0 ).rejection, CandidateRejection::BannedByUser );

  // The hub keeps its capacity and is not subject to land-use rules.
  const SiteCandidate &hub = find( list, CandidateOrigin::Hub, 0 );
  QVERIFY( hub.isAccepted() );
  QCOMPARE( hub.capacity, 800.0 );
  QCOMPARE( hub.roadIndex, 0u );
  QVERIFY( std::abs( hub.roadAccessM - 10.0 ) < 1e-9 );
}

void TestCandidateGenerator::urbanBoundary()
{
  Scenario scenario = handMadeScenario();
  const LandUseTable table = fixtureLandUseTable();
  scenario.controlLines.push_back( controlLine( ControlLineType::UrbanBoundary, rectangle( 0, -1000, 600, 1000 ) ) );
  const CandidateGenerator generator( scenario, table );
  SilentProgress progress;
  const std::vector<SiteCandidate> list = *generator.generate( handMadeOptions( FacilityType::DistributionCentre ), progress );
  QVERIFY( parcelCandidate( list, 0 ).isAccepted() );
  // Control lines are checked before land use: 3 and 4 are reported outside the boundary.
  QCOMPARE( parcelCandidate( list, 3 ).rejection, CandidateRejection::OutsideUrbanBoundary );
  QCOMPARE( parcelCandidate( list, 4 ).rejection, CandidateRejection::OutsideUrbanBoundary );
  QCOMPARE( parcelCandidate( list, 4 ).controlLineIndex, kNoIndex );
  // Farmland inside the boundary is still farmland.
  QCOMPARE( parcelCandidate( list, 5 ).rejection, CandidateRejection::BasicFarmland );
  QCOMPARE( find( list, CandidateOrigin::Hub, 0 ).rejection, CandidateRejection::OutsideUrbanBoundary );
}

void TestCandidateGenerator::sitesAndLandUseFilter()
{
  const Scenario scenario = handMadeScenario();
  const LandUseTable table = fixtureLandUseTable();
  const CandidateGenerator generator( scenario, table );
  SilentProgress progress;
  CandidateGeneratorOptions options = handMadeOptions( FacilityType::EndStation );
  options.fromParcels = false;
  options.fromHubs = false;
  std::vector<SiteCandidate> list = *generator.generate( options, progress );
  QCOMPARE( list.size(), std::size_t( 4 ) );
  QCOMPARE( list[0].origin, CandidateOrigin::Outlet );
  QCOMPARE( list[0].rejection, CandidateRejection::BasicFarmland );  // an outlet inside farmland
  QCOMPARE( list[0].controlLineIndex, 0u );
  QCOMPARE( list[0].capacity, 300.0 );
  QVERIFY( list[1].isAccepted() );
  QVERIFY( list[1].required );
  QCOMPARE( list[1].parcelIndex, 0u );
  QCOMPARE( list[1].landUseCode, std::string( "0508" ) );
  QCOMPARE( list[1].capacity, 150.0 );  // default for outlets without a capacity
  QCOMPARE( list[2].rejection, CandidateRejection::BannedByUser );
  QCOMPARE( list[3].origin, CandidateOrigin::User );
  QVERIFY( list[3].isAccepted() );  // existing sites are not screened by land use by default
  QCOMPARE( list[3].suitability, std::optional<Suitability>( Suitability::Excluded ) );

  options.filterSitesByLandUse = true;
  list = *generator.generate( options, progress );
  QCOMPARE( list[3].rejection, CandidateRejection::LandUseExcluded );
  QVERIFY( list[1].isAccepted() );
}

void TestCandidateGenerator::conflictRows()
{
  const Scenario scenario = handMadeScenario();
  const LandUseTable table = fixtureLandUseTable();
  const CandidateGenerator generator( scenario, table );
  // In parcel 0 (logistics), 30 m from the farmland line's boundary (y = -10), away from the others.
  SiteLandUse row = generator.siteLandUse( { 150, 20 }, FacilityType::EndStation, 50.0 );
  QCOMPARE( row.parcelIndex, 0u );
  QCOMPARE( row.landUseCode, std::string( "0508" ) );
  QCOMPARE( row.landUseNameZh, std::string( "物流仓储用地" ) );
  QCOMPARE( row.landUseNameEn, std::string( "Logistics" ) );
  QCOMPARE( row.suitability, std::optional<Suitability>( Suitability::Suitable ) );
  QCOMPARE( row.controlLines.size(), std::size_t( 1 ) );
  QCOMPARE( row.controlLines[0].lineIndex, 0u );
  QCOMPARE( row.controlLines[0].type, ControlLineType::BasicFarmland );
  QVERIFY( !row.controlLines[0].inside );
  QVERIFY( std::abs( row.controlLines[0].boundaryDistanceM - 30.0 ) < 1e-9 );
  QVERIFY( !row.outsideUrbanBoundary );
  // A smaller touch distance drops it.
  QVERIFY( generator.siteLandUse( { 150, 20 }, FacilityType::EndStation, 20.0 ).controlLines.empty() );
  // Inside both farmland and red line? They share the edge x = 250: a point at 250 - 5 is in farmland, 5 m from the red line.
  row = generator.siteLandUse( { 245, -60 }, FacilityType::DistributionCentre, 10.0 );
  QCOMPARE( row.controlLines.size(), std::size_t( 2 ) );
  QVERIFY( row.controlLines[0].inside );
  QVERIFY( !row.controlLines[1].inside );
  QVERIFY( std::abs( row.controlLines[1].boundaryDistanceM - 5.0 ) < 1e-9 );
  QCOMPARE( row.parcelIndex, kNoIndex );
  QVERIFY( !row.suitability.has_value() );
  // Unknown code: the parcel's own name, no suitability.
  Scenario named = scenario;
  named.parcels[4].landUseName = "本地地类";
  named.controlLines.push_back( controlLine( ControlLineType::UrbanBoundary, rectangle( 0, -1000, 600, 1000 ) ) );
  const CandidateGenerator namedGenerator( named, table );
  row = namedGenerator.siteLandUse( { 850, 70 }, FacilityType::EndStation, 0.0 );
  QCOMPARE( row.landUseNameZh, std::string( "本地地类" ) );
  QVERIFY( !row.suitability.has_value() );
  QVERIFY( row.outsideUrbanBoundary );
  // Far inside the boundary (its edge 450 m away) still counts as inside.
  QVERIFY( !namedGenerator.siteLandUse( { 150, 70 }, FacilityType::EndStation, 0.0 ).outsideUrbanBoundary );
}

void TestCandidateGenerator::codeSystemPerParcel()
{
  // "1101" is a river in the survey and logistics land in the 2023 classification.
  Scenario scenario;
  scenario.roads.push_back( road( { { 0, 0 }, { 1000, 0 } }, RoadClass::Branch ) );
  scenario.parcels.push_back( parcel( 1, "1101", rectangle( 0, 10, 100, 110 ), LandUseSystem::Dlbm ) );
  scenario.parcels.push_back( parcel( 2, "1101", rectangle( 200, 10, 300, 110 ), LandUseSystem::Ydyh2023 ) );
  scenario.parcels.push_back( parcel( 3, "110102", rectangle( 400, 10, 500, 110 ), LandUseSystem::Ydyh2023 ) );
  const LandUseTable table = fixtureLandUseTable();
  const CandidateGenerator generator( scenario, table );
  SilentProgress progress;
  const std::vector<SiteCandidate> list = *generator.generate( handMadeOptions( FacilityType::DistributionCentre ), progress );
  QCOMPARE( list.size(), std::size_t( 3 ) );
  QCOMPARE( list[0].rejection, CandidateRejection::LandUseExcluded );
  QCOMPARE( list[0].landUseSystem, LandUseSystem::Dlbm );
  QVERIFY( list[1].isAccepted() );
  QCOMPARE( list[1].landUseSystem, LandUseSystem::Ydyh2023 );
  QVERIFY( list[2].isAccepted() );  // a third-level code falls back to 1101
  const SiteLandUse row = generator.siteLandUse( list[1].location, FacilityType::ChargingSite, 0.0 );
  QCOMPARE( row.landUseNameZh, std::string( "物流仓储用地" ) );
  QCOMPARE( row.landUseSystem, LandUseSystem::Ydyh2023 );
  QCOMPARE( row.suitability, std::optional<Suitability>( Suitability::Conditional ) );
  QCOMPARE( generator.siteLandUse( list[0].location, FacilityType::ChargingSite, 0.0 ).landUseNameZh, std::string( "河流水面" ) );
}

void TestCandidateGenerator::representativePointInsideConcave()
{
  std::vector<Polygon> shapes;
  Polygon l;
  l.rings.push_back( { { 0, 0 }, { 100, 0 }, { 100, 10 }, { 10, 10 }, { 10, 100 }, { 0, 100 } } );
  shapes.push_back( l );
  Polygon u;
  u.rings.push_back( { { 0, 0 }, { 90, 0 }, { 90, 90 }, { 70, 90 }, { 70, 20 }, { 20, 20 }, { 20, 90 }, { 0, 90 } } );
  shapes.push_back( u );
  Polygon ring = rectangle( 0, 0, 100, 100 );  // a square with a large square hole
  ring.rings.push_back( { { 5, 5 }, { 95, 5 }, { 95, 95 }, { 5, 95 } } );
  shapes.push_back( ring );
  Polygon comb;  // teeth pointing up
  comb.rings.push_back( { { 0, 0 }, { 100, 0 }, { 100, 60 }, { 90, 60 }, { 90, 8 }, { 60, 8 }, { 60, 60 }, { 40, 60 }, { 40, 8 }, { 10, 8 }, { 10, 60 }, { 0, 60 } } );
  shapes.push_back( comb );
  for ( const Polygon &shape : shapes )
  {
    PointXY point;
    QVERIFY( representativePoint( shape, 0.1, point ) );
    QVERIFY( pointInPolygon( point, shape ) );
    const double depth = distanceToBoundary( point, shape );
    // Within the precision plus the lattice's half diagonal of the best interior depth.
    QVERIFY2( depth >= bruteForceDepth( shape, 0.5 ) - 0.1 - 0.36, std::to_string( depth ).c_str() );
    PointXY again;
    QVERIFY( representativePoint( shape, 0.1, again ) );
    QCOMPARE( again, point );
  }
  PointXY point;
  Polygon flat;
  flat.rings.push_back( { { 0, 0 }, { 10, 0 }, { 20, 0 } } );
  QVERIFY( !representativePoint( flat, 0.1, point ) );
  QVERIFY( !representativePoint( Polygon(), 0.1, point ) );
}

void TestCandidateGenerator::matchesBruteForceOnRandomDistricts()
{
  RandomSource random( 7 );
  const LandUseTable table = fixtureLandUseTable();
  const char *codes[] = { "0508", "05H1", "0701", "0103", "7777", "1101" };
  for ( int round = 0; round < 25; ++round )
  {
    Scenario scenario;
    // Parcels: a jittered 12 × 12 lattice of rectangles, some L-shaped.
    for ( int i = 0; i < 12; ++i )
    {
      for ( int j = 0; j < 12; ++j )
      {
        const double x0 = i * 100.0 + random.below( 10 ), y0 = j * 100.0 + random.below( 10 );
        const double x1 = x0 + 40 + random.below( 55 ), y1 = y0 + 40 + random.below( 55 );
        Polygon shape = rectangle( x0, y0, x1, y1 );
        if ( random.below( 3 ) == 0 )
          shape.rings[0] = { { x0, y0 }, { x1, y0 }, { x1, y0 + 15 }, { x0 + 15, y0 + 15 }, { x0 + 15, y1 }, { x0, y1 } };
        const char *code = codes[random.below( 6 )];
        const LandUseSystem system = random.below( 2 ) ? LandUseSystem::Dlbm : LandUseSystem::Ydyh2023;
        LandParcel p = parcel( i * 12 + j, code, shape, system );
        if ( random.below( 2 ) )
          p.areaM2 = polygonArea( shape );
        scenario.parcels.push_back( p );
      }
    }
    for ( int k = 0; k < 15; ++k )
    {
      const double x = random.below( 1200 ), y = random.below( 1200 );
      const RoadClass roadClass = static_cast<RoadClass>( random.below( kRoadClassCount ) );
      scenario.roads.push_back( road( { { x, y }, { x + random.below( 400 ), y + random.below( 30 ) }, { x + random.below( 400 ), y + random.below( 400 ) } }, roadClass ) );
    }
    for ( int k = 0; k < 4; ++k )
    {
      // Drawn one by one: the order of evaluation of function arguments is unspecified.
      const double x = random.below( 1000 ), y = random.below( 1000 );
      const double width = 100 + random.below( 300 ), height = 100 + random.below( 300 );
      const ControlLineType type = static_cast<ControlLineType>( random.below( 4 ) );
      scenario.controlLines.push_back( controlLine( type, rectangle( x, y, x + width, y + height ) ) );
    }
    for ( int k = 0; k < 30; ++k )
    {
      CandidateSite site;
      site.location = { static_cast<double>( random.below( 1200 ) ), static_cast<double>( random.below( 1200 ) ) };
      site.banned = random.below( 8 ) == 0;
      scenario.candidates.push_back( site );
    }
    const CandidateGenerator generator( scenario, table );
    CandidateGeneratorOptions options;
    options.facility = static_cast<FacilityType>( random.below( kFacilityTypeCount ) );
    options.minParcelAreaM2 = 1500 + random.below( 3000 );
    options.maxRoadAccessM = 20 + random.below( 150 );
    options.filterSitesByLandUse = random.below( 2 ) == 0;
    SilentProgress progress;
    const std::vector<SiteCandidate> list = *generator.generate( options, progress );
    const auto offering = std::count_if( scenario.candidates.begin(), scenario.candidates.end(),
                                         [&]( const CandidateSite &site ) { return site.offers( options.facility ); } );
    QCOMPARE( list.size(), static_cast<std::size_t>( offering ) + scenario.parcels.size() );

    bool hasBoundary = false;
    for ( const ControlLine &line : scenario.controlLines )
      hasBoundary = hasBoundary || line.type == ControlLineType::UrbanBoundary;
    for ( std::size_t c = 0; c < list.size(); ++c )
    {
      const SiteCandidate &candidate = list[c];
      // The random sites offer all facility types but centres, so they come all or none.
      const std::size_t siteCount = static_cast<std::size_t>( offering );
      const bool isParcel = c >= siteCount;
      QCOMPARE( candidate.sourceIndex, static_cast<std::uint32_t>( isParcel ? c - siteCount : c ) );
      // Containing parcel: lowest index whose polygon contains the point.
      std::uint32_t parcelIndex = kNoIndex;
      for ( std::uint32_t p = 0; p < scenario.parcels.size() && parcelIndex == kNoIndex; ++p )
        if ( pointInPolygon( candidate.location, scenario.parcels[p].shape ) )
          parcelIndex = p;
      if ( isParcel )
      {
        QVERIFY( pointInPolygon( candidate.location, scenario.parcels[candidate.sourceIndex].shape ) );
        parcelIndex = candidate.sourceIndex;
      }
      QCOMPARE( candidate.parcelIndex, parcelIndex );
      // Nearest usable road by scanning every segment.
      double roadDistance = options.maxRoadAccessM;
      std::uint32_t roadIndex = kNoIndex;
      for ( std::uint32_t r = 0; r < scenario.roads.size(); ++r )
      {
        if ( !options.accessRoadClasses[static_cast<std::size_t>( scenario.roads[r].roadClass )] )
          continue;
        for ( std::size_t i = 1; i < scenario.roads[r].points.size(); ++i )
        {
          const double d = distanceToSegment( candidate.location, scenario.roads[r].points[i - 1], scenario.roads[r].points[i] );
          if ( d < roadDistance || ( d <= roadDistance && roadIndex == kNoIndex ) )
          {
            roadDistance = d;
            roadIndex = r;
          }
        }
      }
      QCOMPARE( candidate.roadIndex, roadIndex );
      if ( roadIndex != kNoIndex )
        QCOMPARE( candidate.roadAccessM, roadDistance );
      // The rules in their documented order.
      CandidateRejection expected = CandidateRejection::None;
      std::uint32_t expectedLine = kNoIndex;
      if ( !isParcel && scenario.candidates[c].banned )
        expected = CandidateRejection::BannedByUser;
      if ( expected == CandidateRejection::None )
      {
        bool inBoundary = false;
        for ( std::uint32_t k = 0; k < scenario.controlLines.size(); ++k )
        {
          if ( !pointInPolygon( candidate.location, scenario.controlLines[k].shape ) )
            continue;
          const ControlLineType type = scenario.controlLines[k].type;
          inBoundary = inBoundary || type == ControlLineType::UrbanBoundary;
          if ( type == ControlLineType::BasicFarmland && expected != CandidateRejection::BasicFarmland )
          {
            expected = CandidateRejection::BasicFarmland;
            expectedLine = k;
          }
          if ( type == ControlLineType::EcologicalRedline && expected == CandidateRejection::None )
          {
            expected = CandidateRejection::EcologicalRedline;
            expectedLine = k;
          }
        }
        if ( expected == CandidateRejection::None && hasBoundary && !inBoundary )
          expected = CandidateRejection::OutsideUrbanBoundary;
      }
      if ( expected == CandidateRejection::None && ( isParcel || options.filterSitesByLandUse ) )
      {
        const std::string code = parcelIndex == kNoIndex ? std::string() : scenario.parcels[parcelIndex].landUseCode;
        const std::optional<Suitability> suitability = table.suitability( code, parcelIndex == kNoIndex ? LandUseSystem::Dlbm : scenario.parcels[parcelIndex].landUseSystem, options.facility );
        if ( !suitability )
          expected = CandidateRejection::UnknownLandUse;
        else if ( *suitability == Suitability::Excluded )
          expected = CandidateRejection::LandUseExcluded;
        else if ( polygonArea( scenario.parcels[parcelIndex].shape ) < options.minParcelAreaM2 - 1e-6 )
          expected = CandidateRejection::AreaTooSmall;
      }
      if ( expected == CandidateRejection::None && isParcel && roadIndex == kNoIndex )
        expected = CandidateRejection::NoRoadAccess;
      QCOMPARE( candidate.rejection, expected );
      QCOMPARE( candidate.controlLineIndex, expectedLine );
    }
  }
}

void TestCandidateGenerator::deterministicAndCancelable()
{
  const Scenario scenario = handMadeScenario();
  const LandUseTable table = fixtureLandUseTable();
  const CandidateGenerator generator( scenario, table );
  SilentProgress progress;
  const CandidateGeneratorOptions options = handMadeOptions( FacilityType::EndStation );
  const std::vector<SiteCandidate> first = *generator.generate( options, progress );
  const std::vector<SiteCandidate> second = *CandidateGenerator( scenario, table ).generate( options, progress );
  QCOMPARE( first.size(), second.size() );
  for ( std::size_t i = 0; i < first.size(); ++i )
  {
    QCOMPARE( first[i].location, second[i].location );
    QCOMPARE( first[i].rejection, second[i].rejection );
    QCOMPARE( first[i].origin, second[i].origin );
    QCOMPARE( first[i].sourceIndex, second[i].sourceIndex );
  }
  // Sites, then parcels, then hubs, each by source index.
  QCOMPARE( first.front().origin, CandidateOrigin::Outlet );
  QCOMPARE( first[4].origin, CandidateOrigin::Parcel );
  QCOMPARE( first[4].sourceIndex, 0u );
  QCOMPARE( first.back().origin, CandidateOrigin::Hub );
  progress.cancel();
  const Result<std::vector<SiteCandidate>> canceled = generator.generate( options, progress );
  QVERIFY( !canceled.isOk() );
  QCOMPARE( canceled.error().code, ErrorCode::Canceled );
}

void TestCandidateGenerator::optionsFromParameters()
{
  ProgrammeParameters parameters;
  parameters.centres.minParcelAreaM2 = 20000;
  parameters.centres.maxRoadAccessM = 300;
  parameters.centres.capacityTonnesPerM2PerDay = 0.02;
  parameters.centres.maxCapacityTonnesPerDay = 900;
  parameters.stations.minParcelAreaM2 = 200;
  parameters.stations.maxRoadAccessM = 80;
  parameters.stations.defaultCapacityParcelsPerDay = 1200;
  const CandidateGeneratorOptions centre = candidateOptionsFor( FacilityType::DistributionCentre, parameters );
  QVERIFY( centre.fromParcels && centre.fromHubs && centre.fromSites );  // sites proposed for centres
  QCOMPARE( centre.minParcelAreaM2, 20000.0 );
  QCOMPARE( centre.maxRoadAccessM, 300.0 );
  QCOMPARE( centre.capacityPerM2, 0.02 );
  QCOMPARE( centre.maxCapacity, 900.0 );
  QVERIFY( !centre.accessRoadClasses[static_cast<std::size_t>( RoadClass::Expressway )] );
  const CandidateGeneratorOptions station = candidateOptionsFor( FacilityType::EndStation, parameters );
  QVERIFY( station.fromParcels && station.fromSites && !station.fromHubs );
  QCOMPARE( station.defaultCapacity, 1200.0 );
  QCOMPARE( station.maxRoadAccessM, 80.0 );
  QCOMPARE( candidateOptionsFor( FacilityType::ChargingSite, parameters ).facility, FacilityType::ChargingSite );
}

QTEST_APPLESS_MAIN( TestCandidateGenerator )
#include "test_candidate_generator.moc"
