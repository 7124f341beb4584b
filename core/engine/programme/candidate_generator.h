#pragma once
// Candidate sites of one facility type from parcels (land-use suitability, area, an interior
// point, road access), existing outlets and user sites (Scenario::candidates) and hubs,
// screened against the control lines. Rejected candidates stay in the list with the reason,
// for the plan's `candidates` layer; the same indexes answer the land-use conflict table.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/graph/road_class.h"
#include "engine/landuse/land_use_table.h"
#include "engine/landuse/polygon_grid.h"
#include "engine/landuse/segment_grid.h"
#include "engine/scenario/facility_type.h"
#include "engine/scenario/programme_parameters.h"
#include "engine/scenario/scenario.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gf {

//! Why a candidate was removed; checked in this order, the first that applies is recorded.
enum class CandidateRejection : std::uint8_t
{
  None,
  BannedByUser,
  BasicFarmland,          //!< inside 永久基本农田 (controlLineIndex says which)
  EcologicalRedline,      //!< inside 生态保护红线 (controlLineIndex says which)
  OutsideUrbanBoundary,   //!< outside every 城镇开发边界, when the scenario has one
  UnknownLandUse,         //!< the parcel's code is neither in the table nor overridden
  LandUseExcluded,
  AreaTooSmall,           //!< below the minimum, or no interior point
  NoRoadAccess,           //!< no usable road within maxRoadAccessM
};

//! "", "banned_by_user", "basic_farmland", "ecological_redline", "outside_urban_boundary",
//! "unknown_land_use", "land_use_excluded", "area_too_small", "no_road_access".
const char *candidateRejectionId( CandidateRejection rejection );

struct CandidateGeneratorOptions
{
  FacilityType facility = FacilityType::EndStation;
  bool fromParcels = true;
  bool fromSites = true;                  //!< Scenario::candidates that offer the facility (CandidateSite::offers)
  bool fromHubs = false;
  //! Land-use rules (suitability, area of the containing parcel) apply to parcels; to sites
  //! only when this is set, because outlets are existing buildings whose co-use the programme
  //! asks for. Road access is required of parcels only; sites and hubs record it.
  bool filterSitesByLandUse = false;
  double minParcelAreaM2 = 0.0;
  double maxRoadAccessM = 200.0;          //!< parcel representative point → usable road
  //! Road classes a site may be reached from (straight line to the nearest such segment).
  std::array<bool, kRoadClassCount> accessRoadClasses{ false, true, true, true, true, true };
  //! Capacity of parcel candidates: area × capacityPerM2 when > 0, else defaultCapacity;
  //! capped at maxCapacity when > 0. Sites without a capacity get defaultCapacity.
  double capacityPerM2 = 0.0;
  double defaultCapacity = 0.0;
  double maxCapacity = 0.0;
  std::vector<std::int64_t> bannedParcelIds;  //!< LandParcel::sourceId banned by the user
};

/**
 * Options from the programme parameters: centres from parcels, hubs and user sites proposed
 * for centres, with capacity in tonnes/day (capacityTonnesPerM2PerDay, capped by
 * maxCapacityTonnesPerDay); stations from outlets, user sites and parcels with capacity in
 * parcels/day; charging sites from parcels and sites with the station area and access limits
 * and no capacity.
 */
CandidateGeneratorOptions candidateOptionsFor( FacilityType facility, const ProgrammeParameters &parameters );

struct SiteCandidate
{
  CandidateOrigin origin = CandidateOrigin::Parcel;
  std::uint32_t sourceIndex = kNoIndex;   //!< into Scenario::parcels, ::candidates or ::hubs by origin
  std::int64_t sourceId = 0;
  std::string name;
  PointXY location;                       //!< representative point for parcels
  std::uint32_t parcelIndex = kNoIndex;   //!< containing parcel (the parcel itself for parcels)
  std::string landUseCode;
  LandUseSystem landUseSystem = LandUseSystem::Dlbm;
  std::optional<Suitability> suitability; //!< nullopt: no parcel or unknown code
  double parcelAreaM2 = 0.0;
  double roadAccessM = -1.0;              //!< -1 when no usable road within maxRoadAccessM
  std::uint32_t roadIndex = kNoIndex;     //!< nearest usable road (Scenario::roads)
  double capacity = 0.0;                  //!< tonnes/day for centres, parcels/day for stations
  bool required = false;
  bool banned = false;
  CandidateRejection rejection = CandidateRejection::None;
  std::uint32_t controlLineIndex = kNoIndex;  //!< the excluding line, for control-line rejections

  bool isAccepted() const { return rejection == CandidateRejection::None; }
};

//! A control line a site lies in or whose boundary is within the touch distance.
struct ControlLineContact
{
  std::uint32_t lineIndex = kNoIndex;     //!< into Scenario::controlLines
  ControlLineType type = ControlLineType::Other;
  bool inside = false;
  double boundaryDistanceM = 0.0;
};

//! One row of the land-use conflict table.
struct SiteLandUse
{
  std::uint32_t parcelIndex = kNoIndex;
  std::string landUseCode;
  LandUseSystem landUseSystem = LandUseSystem::Dlbm;
  std::string landUseNameZh;              //!< from the table, else the parcel layer's name
  std::string landUseNameEn;              //!< from the table; empty for unknown codes
  std::optional<Suitability> suitability; //!< for the facility type; nullopt without parcel or code
  std::vector<ControlLineContact> controlLines;  //!< ascending line index
  bool outsideUrbanBoundary = false;      //!< only when the scenario has an urban boundary
};

class CandidateGenerator
{
  public:
    /**
     * Builds the parcel, control-line and road indexes and every parcel's representative
     * point (pole of inaccessibility within \a representativePrecisionM), once for all
     * facility types. Parcel codes are looked up in their own LandParcel::landUseSystem.
     * \a scenario and \a table must outlive the generator.
     */
    CandidateGenerator( const Scenario &scenario, const LandUseTable &table, double representativePrecisionM = 1.0 );

    /**
     * All candidates of one facility type, rejected ones included, ordered by origin (outlets
     * and user sites in Scenario::candidates order, then parcels, then hubs) and source index.
     * Canceled when the sink asks.
     */
    Result<std::vector<SiteCandidate>> generate( const CandidateGeneratorOptions &options, ProgressSink &progress ) const;

    //! Parcel, land use, suitability and control lines for a site, for the conflict table.
    SiteLandUse siteLandUse( const PointXY &location, FacilityType facility, double touchDistanceM ) const;

    //! The containing parcel (lowest index when parcels overlap), or kNoIndex.
    std::uint32_t parcelAt( const PointXY &location ) const;

    //! Representative point of a parcel; nullopt for a parcel without area.
    const std::optional<PointXY> &representativePointOf( std::uint32_t parcelIndex ) const { return mRepresentative[parcelIndex]; }

  private:
    //! Control-line screening of one location: the rejection and the line, or None.
    CandidateRejection controlLineRejection( const PointXY &location, std::uint32_t &lineIndex ) const;
    //! Parcel, land-use and road-access fields of a candidate whose location is set.
    void describeLocation( SiteCandidate &candidate, const CandidateGeneratorOptions &options ) const;

    const Scenario &mScenario;
    const LandUseTable &mTable;
    PolygonGrid mParcels;
    PolygonGrid mControlLines;
    SegmentGrid mRoads;
    std::vector<std::optional<PointXY>> mRepresentative;  //!< per parcel
    bool mHasUrbanBoundary = false;
};

} // namespace gf
