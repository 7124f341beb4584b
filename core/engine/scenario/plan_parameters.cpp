#include "engine/scenario/plan_parameters.h"

namespace gf {

PlanParameters presetParameters( DistrictPreset preset )
{
  PlanParameters parameters;
  switch ( preset )
  {
    case DistrictPreset::Zhangdian:
      parameters.stationCount = 40;
      break;
    case DistrictPreset::Linzi:
      parameters.stationCount = 10;
      break;
  }
  return parameters;
}

std::optional<DistrictPreset> presetFromId( const std::string &id )
{
  if ( id == "zhangdian" )
    return DistrictPreset::Zhangdian;
  if ( id == "linzi" )
    return DistrictPreset::Linzi;
  return std::nullopt;
}

} // namespace gf
