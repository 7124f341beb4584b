#include "engine/scenario/scenario.h"

#include "engine/scenario/facility_type.h"

#include <array>
#include <utility>

namespace gf {

namespace {

constexpr std::array<std::pair<DemandType, const char *>, 8> kDemandTypeIds { {
  { DemandType::Community, "community" },
  { DemandType::University, "university" },
  { DemandType::BusinessDistrict, "business_district" },
  { DemandType::Supermarket, "supermarket" },
  { DemandType::ChainStore, "chain_store" },
  { DemandType::WholesaleMarket, "wholesale_market" },
  { DemandType::IndustrialPark, "industrial_park" },
  { DemandType::Other, "other" },
} };

} // namespace

const char *demandTypeId( DemandType type )
{
  for ( const auto &[candidate, id] : kDemandTypeIds )
  {
    if ( candidate == type )
      return id;
  }
  return "other";
}

DemandType demandTypeFromId( const std::string &id )
{
  for ( const auto &[type, candidateId] : kDemandTypeIds )
  {
    if ( id == candidateId )
      return type;
  }
  return DemandType::Other;
}

const char *candidateOriginId( CandidateOrigin origin )
{
  switch ( origin )
  {
    case CandidateOrigin::Outlet:
      return "outlet";
    case CandidateOrigin::Parcel:
      return "parcel";
    case CandidateOrigin::Hub:
      return "hub";
    case CandidateOrigin::User:
      return "user";
  }
  return "user";
}

const char *facilityTypeId( FacilityType type )
{
  switch ( type )
  {
    case FacilityType::DistributionCentre:
      return "centre";
    case FacilityType::EndStation:
      return "station";
    case FacilityType::ChargingSite:
      return "charging";
  }
  return "station";
}

std::optional<FacilityType> facilityTypeFromId( const std::string &id )
{
  for ( FacilityType type : { FacilityType::DistributionCentre, FacilityType::EndStation, FacilityType::ChargingSite } )
  {
    if ( id == facilityTypeId( type ) )
      return type;
  }
  return std::nullopt;
}

const char *controlLineTypeId( ControlLineType type )
{
  switch ( type )
  {
    case ControlLineType::BasicFarmland:
      return "basic_farmland";
    case ControlLineType::EcologicalRedline:
      return "ecological_redline";
    case ControlLineType::UrbanBoundary:
      return "urban_boundary";
    case ControlLineType::Other:
      return "other";
  }
  return "other";
}

ControlLineType controlLineTypeFromId( const std::string &id )
{
  for ( ControlLineType type : { ControlLineType::BasicFarmland, ControlLineType::EcologicalRedline, ControlLineType::UrbanBoundary } )
  {
    if ( id == controlLineTypeId( type ) )
      return type;
  }
  return ControlLineType::Other;
}

} // namespace gf
