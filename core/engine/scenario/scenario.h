#pragma once
// The scenario: everything a plan is computed from, in a metric CRS. Filled by gf_gis from
// the user's layers; the source of truth that results refer to by revision.
#include "engine/common/types.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/scenario/plan_parameters.h"

#include <cstdint>
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
};

struct FreightHub
{
  std::int64_t sourceId = 0;
  std::string name;
  PointXY location;
  double capacityTonnesPerDay = 0.0;
};

struct Scenario
{
  std::string name;
  std::string crsAuthId;            //!< the metric CRS all coordinates are in
  std::vector<RoadSegmentInput> roads;
  std::vector<std::int64_t> roadSourceIds;  //!< parallel to roads
  std::vector<DemandPoint> demand;
  std::vector<CandidateSite> candidates;
  std::vector<FreightHub> hubs;
  PlanParameters parameters;
  std::uint64_t revision = 1;       //!< bumped on every edit
};

} // namespace gf
