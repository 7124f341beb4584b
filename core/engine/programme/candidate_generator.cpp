#include "engine/programme/candidate_generator.h"

#include "engine/landuse/polygon_geometry.h"

#include <algorithm>

namespace gf {

namespace {

std::vector<const Polygon *> parcelShapes( const Scenario &scenario )
{
  std::vector<const Polygon *> shapes;
  shapes.reserve( scenario.parcels.size() );
  for ( const LandParcel &parcel : scenario.parcels )
    shapes.push_back( &parcel.shape );
  return shapes;
}

std::vector<const Polygon *> controlLineShapes( const Scenario &scenario )
{
  std::vector<const Polygon *> shapes;
  shapes.reserve( scenario.controlLines.size() );
  for ( const ControlLine &line : scenario.controlLines )
    shapes.push_back( &line.shape );
  return shapes;
}

double parcelArea( const LandParcel &parcel )
{
  return parcel.areaM2 > 0.0 ? parcel.areaM2 : polygonArea( parcel.shape );
}

} // namespace

const char *candidateRejectionId( CandidateRejection rejection )
{
  switch ( rejection )
  {
    case CandidateRejection::None:
      return "";
    case CandidateRejection::BannedByUser:
      return "banned_by_user";
    case CandidateRejection::BasicFarmland:
      return "basic_farmland";
    case CandidateRejection::EcologicalRedline:
      return "ecological_redline";
    case CandidateRejection::OutsideUrbanBoundary:
      return "outside_urban_boundary";
    case CandidateRejection::UnknownLandUse:
      return "unknown_land_use";
    case CandidateRejection::LandUseExcluded:
      return "land_use_excluded";
    case CandidateRejection::AreaTooSmall:
      return "area_too_small";
    case CandidateRejection::NoRoadAccess:
      return "no_road_access";
  }
  return "";
}

CandidateGeneratorOptions candidateOptionsFor( FacilityType facility, const ProgrammeParameters &parameters )
{
  CandidateGeneratorOptions options;
  options.facility = facility;
  switch ( facility )
  {
    case FacilityType::DistributionCentre:
      options.fromHubs = true;
      options.minParcelAreaM2 = parameters.centres.minParcelAreaM2;
      options.maxRoadAccessM = parameters.centres.maxRoadAccessM;
      options.capacityPerM2 = parameters.centres.capacityTonnesPerM2PerDay;
      options.maxCapacity = parameters.centres.maxCapacityTonnesPerDay;
      // A hub or user site without a surveyed capacity can hold the largest centre.
      options.defaultCapacity = parameters.centres.maxCapacityTonnesPerDay;
      break;
    case FacilityType::EndStation:
    case FacilityType::ChargingSite:
      options.minParcelAreaM2 = parameters.stations.minParcelAreaM2;
      options.maxRoadAccessM = parameters.stations.maxRoadAccessM;
      if ( facility == FacilityType::EndStation )
        options.defaultCapacity = parameters.stations.defaultCapacityParcelsPerDay;
      break;
  }
  return options;
}

CandidateGenerator::CandidateGenerator( const Scenario &scenario, const LandUseTable &table, double representativePrecisionM )
  : mScenario( scenario )
  , mTable( table )
  , mParcels( parcelShapes( scenario ) )
  , mControlLines( controlLineShapes( scenario ) )
{
  for ( std::size_t r = 0; r < scenario.roads.size(); ++r )
  {
    const std::vector<PointXY> &points = scenario.roads[r].points;
    for ( std::size_t i = 1; i < points.size(); ++i )
      mRoads.add( points[i - 1], points[i], static_cast<std::uint32_t>( r ) );
  }
  mRoads.build();
  mRepresentative.reserve( scenario.parcels.size() );
  for ( const LandParcel &parcel : scenario.parcels )
  {
    PointXY point;
    mRepresentative.push_back( representativePoint( parcel.shape, representativePrecisionM, point ) ? std::optional<PointXY>( point ) : std::nullopt );
  }
  mHasUrbanBoundary = std::any_of( scenario.controlLines.begin(), scenario.controlLines.end(),
                                   []( const ControlLine &line ) { return line.type == ControlLineType::UrbanBoundary; } );
}

std::uint32_t CandidateGenerator::parcelAt( const PointXY &location ) const
{
  const std::vector<std::uint32_t> inside = mParcels.containing( location );
  return inside.empty() ? kNoIndex : inside.front();
}

CandidateRejection CandidateGenerator::controlLineRejection( const PointXY &location, std::uint32_t &lineIndex ) const
{
  bool insideBoundary = false;
  CandidateRejection rejection = CandidateRejection::None;
  lineIndex = kNoIndex;
  for ( std::uint32_t index : mControlLines.containing( location ) )
  {
    const ControlLineType type = mScenario.controlLines[index].type;
    if ( type == ControlLineType::UrbanBoundary )
      insideBoundary = true;
    // Farmland before red line: the first excluding line of the stronger kind is reported.
    const CandidateRejection lineRejection = type == ControlLineType::BasicFarmland       ? CandidateRejection::BasicFarmland
                                           : type == ControlLineType::EcologicalRedline ? CandidateRejection::EcologicalRedline
                                                                                          : CandidateRejection::None;
    if ( lineRejection != CandidateRejection::None && ( rejection == CandidateRejection::None || lineRejection < rejection ) )
    {
      rejection = lineRejection;
      lineIndex = index;
    }
  }
  if ( rejection == CandidateRejection::None && mHasUrbanBoundary && !insideBoundary )
    rejection = CandidateRejection::OutsideUrbanBoundary;
  return rejection;
}

void CandidateGenerator::describeLocation( SiteCandidate &candidate, const CandidateGeneratorOptions &options ) const
{
  if ( candidate.parcelIndex == kNoIndex )
    candidate.parcelIndex = parcelAt( candidate.location );
  if ( candidate.parcelIndex != kNoIndex )
  {
    const LandParcel &parcel = mScenario.parcels[candidate.parcelIndex];
    candidate.landUseCode = parcel.landUseCode;
    candidate.landUseSystem = parcel.landUseSystem;
    candidate.suitability = mTable.suitability( parcel.landUseCode, parcel.landUseSystem, options.facility );
    candidate.parcelAreaM2 = parcelArea( parcel );
  }
  const std::array<bool, kRoadClassCount> &classes = options.accessRoadClasses;
  const SegmentHit road = mRoads.nearest( candidate.location, options.maxRoadAccessM, [this, &classes]( std::uint32_t roadIndex ) {
    return classes[static_cast<std::size_t>( mScenario.roads[roadIndex].roadClass )];
  } );
  if ( road.owner != kNoIndex )
  {
    candidate.roadIndex = road.owner;
    candidate.roadAccessM = road.distanceM;
  }
}

Result<std::vector<SiteCandidate>> CandidateGenerator::generate( const CandidateGeneratorOptions &options, ProgressSink &progress ) const
{
  std::vector<SiteCandidate> candidates;
  const std::size_t total = ( options.fromSites ? mScenario.candidates.size() : 0 ) + ( options.fromParcels ? mScenario.parcels.size() : 0 )
                            + ( options.fromHubs ? mScenario.hubs.size() : 0 );
  std::size_t done = 0;
  auto step = [&progress, &done, total]() {
    ++done;
    if ( done % 256 == 0 )
      progress.setProgress( static_cast<double>( done ) / static_cast<double>( total ) );
    return !progress.isCanceled();
  };
  auto cappedCapacity = [&options]( double capacity ) { return options.maxCapacity > 0.0 ? std::min( capacity, options.maxCapacity ) : capacity; };

  // Land-use rules, shared by parcels and (optionally) sites: unknown, excluded, too small.
  auto landUseRejection = [&options]( const SiteCandidate &candidate ) {
    if ( !candidate.suitability )
      return CandidateRejection::UnknownLandUse;
    if ( *candidate.suitability == Suitability::Excluded )
      return CandidateRejection::LandUseExcluded;
    if ( candidate.parcelAreaM2 < options.minParcelAreaM2 )
      return CandidateRejection::AreaTooSmall;
    return CandidateRejection::None;
  };
  auto screen = [this]( SiteCandidate &candidate, CandidateRejection landUse, bool needsRoad ) {
    if ( candidate.banned )
      candidate.rejection = CandidateRejection::BannedByUser;
    if ( candidate.rejection == CandidateRejection::None )
      candidate.rejection = controlLineRejection( candidate.location, candidate.controlLineIndex );
    if ( candidate.rejection == CandidateRejection::None )
      candidate.rejection = landUse;
    if ( candidate.rejection == CandidateRejection::None && needsRoad && candidate.roadIndex == kNoIndex )
      candidate.rejection = CandidateRejection::NoRoadAccess;
  };

  if ( options.fromSites )
  {
    for ( std::size_t i = 0; i < mScenario.candidates.size(); ++i )
    {
      if ( !step() )
        return makeError( ErrorCode::Canceled );
      const CandidateSite &site = mScenario.candidates[i];
      if ( !site.offers( options.facility ) )
        continue;
      SiteCandidate candidate;
      candidate.origin = site.origin;
      candidate.sourceIndex = static_cast<std::uint32_t>( i );
      candidate.sourceId = site.sourceId;
      candidate.name = site.name;
      candidate.location = site.location;
      candidate.capacity = cappedCapacity( site.capacityParcelsPerDay > 0.0 ? site.capacityParcelsPerDay : options.defaultCapacity );
      candidate.required = site.required;
      candidate.banned = site.banned;
      describeLocation( candidate, options );
      screen( candidate, options.filterSitesByLandUse ? landUseRejection( candidate ) : CandidateRejection::None, false );
      candidates.push_back( std::move( candidate ) );
    }
  }

  if ( options.fromParcels )
  {
    for ( std::size_t i = 0; i < mScenario.parcels.size(); ++i )
    {
      if ( !step() )
        return makeError( ErrorCode::Canceled );
      const LandParcel &parcel = mScenario.parcels[i];
      SiteCandidate candidate;
      candidate.origin = CandidateOrigin::Parcel;
      candidate.sourceIndex = static_cast<std::uint32_t>( i );
      candidate.sourceId = parcel.sourceId;
      candidate.name = parcel.landUseName;
      candidate.parcelIndex = static_cast<std::uint32_t>( i );
      const bool hasPoint = mRepresentative[i].has_value();
      // A parcel without area keeps its first vertex, so that the rejection can be mapped.
      if ( hasPoint )
        candidate.location = *mRepresentative[i];
      else if ( !parcel.shape.rings.empty() && !parcel.shape.rings.front().empty() )
        candidate.location = parcel.shape.rings.front().front();
      describeLocation( candidate, options );
      const double capacity = options.capacityPerM2 > 0.0 ? candidate.parcelAreaM2 * options.capacityPerM2 : options.defaultCapacity;
      candidate.capacity = cappedCapacity( capacity );
      candidate.banned = std::find( options.bannedParcelIds.begin(), options.bannedParcelIds.end(), parcel.sourceId ) != options.bannedParcelIds.end();
      CandidateRejection landUse = landUseRejection( candidate );
      if ( landUse == CandidateRejection::None && !hasPoint )
        landUse = CandidateRejection::AreaTooSmall;
      screen( candidate, landUse, true );
      candidates.push_back( std::move( candidate ) );
    }
  }

  if ( options.fromHubs )
  {
    for ( std::size_t i = 0; i < mScenario.hubs.size(); ++i )
    {
      if ( !step() )
        return makeError( ErrorCode::Canceled );
      const FreightHub &hub = mScenario.hubs[i];
      SiteCandidate candidate;
      candidate.origin = CandidateOrigin::Hub;
      candidate.sourceIndex = static_cast<std::uint32_t>( i );
      candidate.sourceId = hub.sourceId;
      candidate.name = hub.name;
      candidate.location = hub.location;
      candidate.capacity = hub.capacityTonnesPerDay > 0.0 ? hub.capacityTonnesPerDay : options.defaultCapacity;
      describeLocation( candidate, options );
      screen( candidate, CandidateRejection::None, false );
      candidates.push_back( std::move( candidate ) );
    }
  }
  progress.setProgress( 1.0 );
  return candidates;
}

SiteLandUse CandidateGenerator::siteLandUse( const PointXY &location, FacilityType facility, double touchDistanceM ) const
{
  SiteLandUse row;
  row.parcelIndex = parcelAt( location );
  if ( row.parcelIndex != kNoIndex )
  {
    const LandParcel &parcel = mScenario.parcels[row.parcelIndex];
    row.landUseCode = parcel.landUseCode;
    row.landUseSystem = parcel.landUseSystem;
    const LandUseClass *landUse = mTable.find( parcel.landUseCode, parcel.landUseSystem );
    row.landUseNameZh = landUse ? landUse->nameZh : parcel.landUseName;
    row.landUseNameEn = landUse ? landUse->nameEn : std::string();
    row.suitability = mTable.suitability( parcel.landUseCode, parcel.landUseSystem, facility );
  }
  bool insideBoundary = false;
  for ( const PolygonHit &hit : mControlLines.near( location, touchDistanceM ) )
  {
    const ControlLineType type = mScenario.controlLines[hit.index].type;
    insideBoundary = insideBoundary || ( hit.inside && type == ControlLineType::UrbanBoundary );
    row.controlLines.push_back( ControlLineContact{ hit.index, type, hit.inside, hit.boundaryDistanceM } );
  }
  // near() always returns the polygons containing the point, however far their boundary.
  row.outsideUrbanBoundary = mHasUrbanBoundary && !insideBoundary;
  return row;
}

} // namespace gf
