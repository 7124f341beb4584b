#pragma once
// Per client, the candidates that may serve it, nearest first, with their costs. Local search
// and Lagrangian bounds only ever look at the candidates nearer than some threshold, so a
// sorted list turns their O(candidates) scans into short prefix walks. Built from a dense or a
// sparse cost matrix, it is the only view of the costs the p-median machinery needs.
#include "engine/solvers/location_problem.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace gf {

struct LocationSolution;

class CandidateRanking
{
  public:
    //! Ranks the candidates marked in \a eligible with a finite cost below kForbiddenAssignment.
    //! Ties are broken by candidate index so the order is the same everywhere.
    CandidateRanking( const LocationProblem &problem, const std::vector<char> &eligible );

    //! Ranks the stored pairs of \a problem whose candidate is marked in \a eligible, and keeps
    //! its beyondCost (what an unstored pair costs at least).
    CandidateRanking( const SparseLocationProblem &problem, const std::vector<char> &eligible );

    std::uint32_t clientCount() const { return static_cast<std::uint32_t>( mFirst.size() - 1 ); }
    std::uint32_t candidateCount() const { return static_cast<std::uint32_t>( mServedFirst.size() - 1 ); }
    const std::uint32_t *begin( std::uint32_t client ) const { return mCandidates.data() + mFirst[client]; }
    const std::uint32_t *end( std::uint32_t client ) const { return mCandidates.data() + mFirst[client + 1]; }
    //! Costs aligned with begin( client ): costs( client )[k] is the cost of begin( client )[k].
    const double *costs( std::uint32_t client ) const { return mCosts.data() + mFirst[client]; }
    std::uint32_t size( std::uint32_t client ) const { return static_cast<std::uint32_t>( mFirst[client + 1] - mFirst[client] ); }
    bool isServable( std::uint32_t client ) const { return size( client ) > 0; }
    double weightOf( std::uint32_t client ) const { return mWeight.empty() ? 1.0 : mWeight[client]; }

    //! True when some client may also be served through unranked pairs (a k-nearest reduction).
    bool hasBeyondCost() const { return !mBeyondCost.empty(); }
    //! Least cost of serving \a client through an unranked pair; infinite when none is allowed.
    double beyondCost( std::uint32_t client ) const
    {
      return mBeyondCost.empty() ? std::numeric_limits<double>::infinity() : mBeyondCost[client];
    }

    //! The transposed lists: per candidate the clients it may serve (ascending) and the costs.
    const std::uint32_t *servedBegin( std::uint32_t candidate ) const { return mServedClients.data() + mServedFirst[candidate]; }
    const std::uint32_t *servedEnd( std::uint32_t candidate ) const { return mServedClients.data() + mServedFirst[candidate + 1]; }
    const double *servedCosts( std::uint32_t candidate ) const { return mServedCosts.data() + mServedFirst[candidate]; }

    //! Serves each client from its nearest candidate marked in \a isOpen, adding the weighted cost
    //! to the objective of \a solution; a client with none open counts as beyond its stored pairs
    //! (when it has a beyond cost) or as unserved.
    void assignNearestOpen( const std::vector<char> &isOpen, LocationSolution &solution ) const;

  private:
    void sortRow( std::size_t first );
    void transpose( std::uint32_t candidateCount );

    std::vector<std::size_t> mFirst;          //!< CSR offsets, clientCount + 1
    std::vector<std::uint32_t> mCandidates;
    std::vector<double> mCosts;
    std::vector<double> mWeight;              //!< empty = all 1
    std::vector<double> mBeyondCost;          //!< empty = unranked pairs are not allowed
    std::vector<std::size_t> mServedFirst;    //!< CSR offsets, candidateCount + 1
    std::vector<std::uint32_t> mServedClients;
    std::vector<double> mServedCosts;
};

//! True when the problem allows serving \a client from \a candidate.
inline bool isAllowedCost( double cost )
{
  return cost == cost && cost < kForbiddenAssignment;
}

} // namespace gf
