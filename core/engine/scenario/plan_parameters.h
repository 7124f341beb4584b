#pragma once
// Parameters of a station plan, with the district presets of the programme.
#include "engine/graph/road_graph.h"
#include "engine/scenario/programme_parameters.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gf {

enum class DistrictPreset
{
  Zhangdian,  //!< 张店区: 40 end joint distribution stations
  Linzi,      //!< 临淄区: 10 stations, ≥ 30 loading bays
};

struct PlanParameters
{
  std::uint32_t stationCount = 40;
  double serviceRadiusM = 1000.0;       //!< coverage KPI: demand within this network distance
  double snapMaxDistanceM = 500.0;      //!< points farther from any road are reported, not planned
  double networkSnapToleranceM = 0.5;
  bool nodeAtCrossings = false;         //!< also node roads crossing at grade (see RoadGraphBuildOptions)
  std::uint64_t seed = 1;
  double timeLimitS = 30.0;
  double exactTimeLimitS = 0.0;         //!< exact mode: MILP time per tier after the heuristic; 0 = off
  unsigned threads = 0;                 //!< 0 = all cores
  ProgrammeParameters programme = defaultProgrammeParameters();  //!< centres, piles, bays, baseline, targets
};

PlanParameters presetParameters( DistrictPreset preset );

//! Preset by its lower-case id ("zhangdian", "linzi").
std::optional<DistrictPreset> presetFromId( const std::string &id );

} // namespace gf
