#pragma once
// Brute-force p-median references shared by the p-median tests (heuristic, sparse, branch and
// bound, MILP).
#include "coverage_reference.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace gf {

//! Lexicographic p-median value: least unserved weight first, then least cost.
struct PMedianReference
{
  double unservedWeight = std::numeric_limits<double>::infinity();
  double cost = std::numeric_limits<double>::infinity();
};

//! Every client served from its nearest candidate in \a open; clients none of them may serve
//! count as unserved weight.
inline PMedianReference pmedianValueOf( const LocationProblem &problem, const std::vector<std::uint32_t> &open )
{
  PMedianReference value{ 0.0, 0.0 };
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    double nearest = kForbiddenAssignment;
    for ( std::uint32_t j : open )
      nearest = std::min( nearest, problem.costAt( i, j ) );
    if ( nearest >= kForbiddenAssignment )
      value.unservedWeight += problem.weightOf( i );
    else
      value.cost += problem.weightOf( i ) * nearest;
  }
  return value;
}

//! The best over every subset of exactly p candidates holding the required and no banned one.
inline PMedianReference enumeratePMedian( const LocationProblem &problem, std::uint32_t p )
{
  PMedianReference best;
  std::vector<std::uint32_t> open;
  for ( std::uint32_t mask = 0; mask < ( 1u << problem.candidateCount ); ++mask )
  {
    if ( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) != p || !isAllowedMask( problem, mask ) )
      continue;
    open.clear();
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      if ( mask >> j & 1u )
        open.push_back( j );
    }
    const PMedianReference value = pmedianValueOf( problem, open );
    if ( value.unservedWeight < best.unservedWeight - 1e-9
         || ( value.unservedWeight <= best.unservedWeight + 1e-9 && value.cost < best.cost ) )
      best = value;
  }
  return best;
}

} // namespace gf
