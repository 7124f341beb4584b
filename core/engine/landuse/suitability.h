#pragma once
// Suitability of a land-use class for a facility type, and the two land-use code systems the
// suitability table knows.
#include <cstdint>
#include <optional>
#include <string>

namespace gf {

enum class Suitability : std::uint8_t
{
  Suitable,     //!< the facility may be built without a change of land use
  Conditional,  //!< possible with co-use or an approval; kept as a candidate and flagged
  Excluded,     //!< never a candidate
};

//! "suitable", "conditional", "excluded".
const char *suitabilityId( Suitability suitability );
//! Inverse of suitabilityId; nullopt for anything else.
std::optional<Suitability> suitabilityFromId( const std::string &id );

//! Code systems of land-use layers. Codes of the two systems coincide textually with
//! different meanings (DLBM 1001 railway vs 2023 1001 industrial), so every lookup names one.
enum class LandUseSystem : std::uint8_t
{
  Dlbm,       //!< third national land survey working classification (地类编码, e.g. 0508, 05H1)
  Ydyh2023,   //!< 国土空间调查、规划、用途管制用地用海分类 (2023, e.g. 1101, 090102)
};

//! "dlbm", "ydyh2023".
const char *landUseSystemId( LandUseSystem system );
//! Inverse of landUseSystemId; nullopt for anything else.
std::optional<LandUseSystem> landUseSystemFromId( const std::string &id );

} // namespace gf
