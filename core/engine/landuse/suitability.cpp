#include "engine/landuse/suitability.h"

namespace gf {

const char *suitabilityId( Suitability suitability )
{
  switch ( suitability )
  {
    case Suitability::Suitable:
      return "suitable";
    case Suitability::Conditional:
      return "conditional";
    case Suitability::Excluded:
      return "excluded";
  }
  return "excluded";
}

std::optional<Suitability> suitabilityFromId( const std::string &id )
{
  for ( Suitability value : { Suitability::Suitable, Suitability::Conditional, Suitability::Excluded } )
  {
    if ( id == suitabilityId( value ) )
      return value;
  }
  return std::nullopt;
}

const char *landUseSystemId( LandUseSystem system )
{
  switch ( system )
  {
    case LandUseSystem::Dlbm:
      return "dlbm";
    case LandUseSystem::Ydyh2023:
      return "ydyh2023";
  }
  return "dlbm";
}

std::optional<LandUseSystem> landUseSystemFromId( const std::string &id )
{
  for ( LandUseSystem value : { LandUseSystem::Dlbm, LandUseSystem::Ydyh2023 } )
  {
    if ( id == landUseSystemId( value ) )
      return value;
  }
  return std::nullopt;
}

} // namespace gf
