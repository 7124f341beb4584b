#pragma once
// The scenario: everything a plan is computed from, in a metric CRS. Filled by gf_gis from
// the user's layers; the source of truth that results refer to by revision.
#include "engine/common/types.h"
#include "engine/graph/polygon_zone.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/landuse/land_use_table.h"
#include "engine/landuse/suitability.h"
#include "engine/scenario/facility_type.h"
#include "engine/scenario/plan_parameters.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gf {

enum class DemandType : std::uint8_t
{
  Community,
  University,
  BusinessDistrict,
  Supermarket,
  ChainStore,
  WholesaleMarket,
  IndustrialPark,
  Other,
};

//! Stable lower-case identifier used in layers ("community", "business_district", …).
const char *demandTypeId( DemandType type );
//! Inverse of demandTypeId; Other for an unknown id.
DemandType demandTypeFromId( const std::string &id );

struct DemandPoint
{
  std::int64_t sourceId = 0;        //!< feature id in the source layer
  std::string name;
  PointXY location;
  DemandType type = DemandType::Other;
  double parcelsPerDay = 0.0;
  double tonnesPerDay = 0.0;
  bool jointDistribution = false;
};

enum class CandidateOrigin : std::uint8_t
{
  Outlet,   //!< existing express point, post office, store: co-use preferred
  Parcel,
  Hub,
  User,
};

const char *candidateOriginId( CandidateOrigin origin );

struct CandidateSite
{
  std::int64_t sourceId = 0;
  std::string name;
  std::string kind;                 //!< source classification, e.g. outlet type
  PointXY location;
  CandidateOrigin origin = CandidateOrigin::Outlet;
  double capacityParcelsPerDay = 0.0;
  bool required = false;            //!< locked open by the user
  bool banned = false;              //!< excluded by the user
  //! The one facility type a user-added site is proposed for; unset for outlets, which are
  //! candidates for end stations and charging (not for distribution centres).
  std::optional<FacilityType> facility;

  bool offers( FacilityType type ) const { return facility ? *facility == type : type != FacilityType::DistributionCentre; }
};

struct FreightHub
{
  std::int64_t sourceId = 0;
  std::string name;
  PointXY location;
  double capacityTonnesPerDay = 0.0;
};

//! A land parcel of the survey with its land-use code (DLBM of the third land survey, or a
//! 2023 用地用海分类 code; the suitability table knows both and their crosswalk).
struct LandParcel
{
  std::int64_t sourceId = 0;
  std::string landUseCode;          //!< e.g. "0508" (DLBM) or "1101" (2023 classification)
  LandUseSystem landUseSystem = LandUseSystem::Dlbm;  //!< which system the code is in
  std::string landUseName;          //!< as given in the layer, for reports
  Polygon shape;
  double areaM2 = 0.0;              //!< planimetric, from the layer or computed
};

enum class ControlLineType : std::uint8_t
{
  BasicFarmland,        //!< 永久基本农田
  EcologicalRedline,    //!< 生态保护红线
  UrbanBoundary,        //!< 城镇开发边界: sites must lie INSIDE it
  Other,
};

//! "basic_farmland", "ecological_redline", "urban_boundary", "other".
const char *controlLineTypeId( ControlLineType type );
//! Inverse of controlLineTypeId; Other for an unknown id.
ControlLineType controlLineTypeFromId( const std::string &id );

struct ControlLine
{
  std::int64_t sourceId = 0;
  ControlLineType type = ControlLineType::Other;
  std::string name;
  Polygon shape;
};

//! A truck restricted zone drawn by the user: trucks may not enter inside the window
//! (an empty window = all day). NEV vans are exempt when the profile says so.
struct RestrictedZone
{
  std::int64_t sourceId = 0;
  std::string name;
  Polygon shape;
  TimeWindow truckWindow;
};

struct Scenario
{
  std::string name;
  std::string crsAuthId;            //!< the metric CRS all coordinates are in
  std::vector<RoadSegmentInput> roads;
  std::vector<std::int64_t> roadSourceIds;  //!< parallel to roads
  std::vector<std::string> roadNames;       //!< parallel to roads; may be empty strings
  std::vector<DemandPoint> demand;
  std::vector<CandidateSite> candidates;
  std::vector<FreightHub> hubs;
  std::vector<LandParcel> parcels;
  std::vector<ControlLine> controlLines;
  std::vector<RestrictedZone> restrictedZones;
  //! The scenario's changes to the shipped land-use suitability table.
  std::vector<SuitabilityOverride> suitabilityOverrides;
  PlanParameters parameters;
  std::uint64_t revision = 1;       //!< bumped on every edit
};

} // namespace gf
