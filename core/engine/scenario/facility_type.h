#pragma once
// The facility types of the programme that are sited on land (loading bays sit on roads).
#include <cstdint>
#include <optional>
#include <string>

namespace gf {

enum class FacilityType : std::uint8_t
{
  DistributionCentre,   //!< 公共配送中心
  EndStation,           //!< 末端共同配送站
  ChargingSite,         //!< public charging site (公共充电站)
};

inline constexpr int kFacilityTypeCount = 3;

//! "centre", "station", "charging".
const char *facilityTypeId( FacilityType type );
//! Inverse of facilityTypeId; nullopt for anything else.
std::optional<FacilityType> facilityTypeFromId( const std::string &id );

} // namespace gf
