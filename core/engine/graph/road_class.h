#pragma once
#include <cstdint>

namespace gf {

//! Functional road classes, ordered from highest to lowest. Chinese urban classes map as
//! 快速路 → Expressway, 主干路 → Arterial, 次干路 → Collector, 支路 → Branch.
enum class RoadClass : std::uint8_t
{
  Expressway,
  Arterial,
  Collector,
  Branch,
  Service,
  Track,
};
inline constexpr int kRoadClassCount = 6;

enum class OneWay : std::uint8_t
{
  Both,
  Forward,   //!< only in digitising direction
  Backward,  //!< only against digitising direction
};

//! Default free-flow speed of a class for a standard vehicle, km/h.
double defaultSpeedKmh( RoadClass roadClass );

} // namespace gf
