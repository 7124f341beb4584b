#include "engine/scenario/scenario.h"

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

} // namespace gf
