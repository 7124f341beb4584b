#pragma once
// Input shared by the location models: clients (demand points) × candidate facilities.
#include <cstdint>
#include <vector>

namespace gf {

//! Dense client × candidate assignment costs, row-major by client. Non-finite or
//! >= kForbiddenAssignment entries mean the client cannot be served by that candidate.
struct LocationProblem
{
  std::uint32_t clientCount = 0;
  std::uint32_t candidateCount = 0;
  std::vector<double> cost;                 //!< clientCount * candidateCount
  std::vector<double> clientWeight;         //!< empty = all 1
  std::vector<std::uint32_t> required;      //!< candidates that must be open (existing sites)
  std::vector<std::uint32_t> banned;        //!< candidates that must stay closed

  double costAt( std::uint32_t client, std::uint32_t candidate ) const
  {
    return cost[static_cast<std::size_t>( client ) * candidateCount + candidate];
  }
  double weightOf( std::uint32_t client ) const { return clientWeight.empty() ? 1.0 : clientWeight[client]; }
};

inline constexpr double kForbiddenAssignment = 1e30;

} // namespace gf
