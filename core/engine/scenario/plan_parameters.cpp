#include "engine/scenario/plan_parameters.h"

namespace gf {

namespace {

//! Targets both 2023 district work plans share (DESIGN.md, "What the programme asks for").
void setCommonTargets( ProgrammeParameters &programme )
{
  programme.charging.maxVehiclesPerPile = 3.0;
  programme.targets.maxVehiclesPerPile = 3.0;
  programme.targets.jointDistributionShareLarge = 0.5;
  // Both plans ask stations to co-use existing outlets (共建共用); see the registry.
  programme.stations.outletPreference = 0.2;
}

} // namespace

PlanParameters presetParameters( DistrictPreset preset )
{
  PlanParameters parameters;
  ProgrammeParameters &programme = parameters.programme;
  setCommonTargets( programme );
  switch ( preset )
  {
    case DistrictPreset::Zhangdian:
      parameters.stationCount = 40;
      programme.targets.stationCount = 40;
      programme.targets.transportCostReduction = 0.10;
      programme.targets.energyIntensityReduction = 0.03;
      programme.targets.utilisationIncrease = 0.20;
      // "Per city target": the district plan names no count, so none is set.
      programme.targets.loadingBays = 0;
      programme.loadingBays.targetCount = 0;
      programme.targets.undergroundPilesAtCentres = false;
      break;
    case DistrictPreset::Linzi:
      parameters.stationCount = 10;
      programme.targets.stationCount = 10;
      programme.targets.transportCostReduction = 0.0;
      programme.targets.energyIntensityReduction = 0.0;
      programme.targets.utilisationIncrease = 0.0;
      programme.targets.loadingBays = 30;
      programme.loadingBays.targetCount = 30;
      programme.targets.undergroundPilesAtCentres = true;
      programme.charging.centreUndergroundShare = 0.5;
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
