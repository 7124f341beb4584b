#pragma once
// Per client, the candidates that may serve it, nearest first. Local search and Lagrangian
// bounds only ever look at the candidates nearer than some threshold, so a sorted list
// turns their O(candidates) scans into short prefix walks.
#include "engine/solvers/location_problem.h"

#include <cstdint>
#include <vector>

namespace gf {

class CandidateRanking
{
  public:
    //! Ranks the candidates marked in \a eligible with a finite cost below kForbiddenAssignment.
    //! Ties are broken by candidate index so the order is the same everywhere.
    CandidateRanking( const LocationProblem &problem, const std::vector<char> &eligible );

    std::uint32_t clientCount() const { return static_cast<std::uint32_t>( mFirst.size() - 1 ); }
    const std::uint32_t *begin( std::uint32_t client ) const { return mCandidates.data() + mFirst[client]; }
    const std::uint32_t *end( std::uint32_t client ) const { return mCandidates.data() + mFirst[client + 1]; }
    std::uint32_t size( std::uint32_t client ) const { return static_cast<std::uint32_t>( mFirst[client + 1] - mFirst[client] ); }
    bool isServable( std::uint32_t client ) const { return size( client ) > 0; }

  private:
    std::vector<std::size_t> mFirst;          //!< CSR offsets, clientCount + 1
    std::vector<std::uint32_t> mCandidates;
};

//! True when the problem allows serving \a client from \a candidate.
inline bool isAllowedCost( double cost )
{
  return cost == cost && cost < kForbiddenAssignment;
}

} // namespace gf
