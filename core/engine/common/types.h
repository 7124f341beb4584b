#pragma once
// Basic value types shared by the whole engine: ids, fixed-point costs, points.
#include <cstdint>
#include <limits>

namespace gf {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;

inline constexpr NodeId kInvalidNode = std::numeric_limits<NodeId>::max();
inline constexpr EdgeId kInvalidEdge = std::numeric_limits<EdgeId>::max();

//! Network cost in integer fixed point: decimetres for distance metrics, deciseconds
//! for time metrics. Integers keep every result identical on every machine.
using Cost = std::int32_t;

//! Marks an unreachable pair or a forbidden edge. Half of the maximum so that adding
//! two finite costs never overflows into a valid-looking value.
inline constexpr Cost kUnreachable = std::numeric_limits<Cost>::max() / 2;
static_assert(kUnreachable + kUnreachable > kUnreachable, "cost sentinel must not overflow");

//! Decimetres per metre and deciseconds per second.
inline constexpr double kCostUnitsPerBaseUnit = 10.0;

//! A point in a projected, metric CRS.
struct PointXY
{
  double x = 0.0;
  double y = 0.0;

  bool operator==( const PointXY &other ) const { return x == other.x && y == other.y; }
  bool operator!=( const PointXY &other ) const { return !( *this == other ); }
};

} // namespace gf
