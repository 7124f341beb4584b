#include "engine/solvers/candidate_ranking.h"

#include "engine/solvers/pmedian_solver.h"

#include <algorithm>
#include <numeric>

namespace gf {

CandidateRanking::CandidateRanking( const LocationProblem &problem, const std::vector<char> &eligible )
  : mWeight( problem.clientWeight )
{
  mFirst.reserve( problem.clientCount + 1 );
  mFirst.push_back( 0 );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const std::size_t first = mCandidates.size();
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      const double cost = problem.costAt( client, candidate );
      if ( eligible[candidate] && isAllowedCost( cost ) )
      {
        mCandidates.push_back( candidate );
        mCosts.push_back( cost );
      }
    }
    sortRow( first );
    mFirst.push_back( mCandidates.size() );
  }
  transpose( problem.candidateCount );
}

CandidateRanking::CandidateRanking( const SparseLocationProblem &problem, const std::vector<char> &eligible )
  : mWeight( problem.clientWeight )
  , mBeyondCost( problem.beyondCost )
{
  mFirst.reserve( problem.clientCount + 1 );
  mFirst.push_back( 0 );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const std::size_t first = mCandidates.size();
    for ( const SparseCostEntry *it = problem.begin( client ); it != problem.end( client ); ++it )
    {
      if ( eligible[it->candidate] && isAllowedCost( it->cost ) )
      {
        mCandidates.push_back( it->candidate );
        mCosts.push_back( it->cost );
      }
    }
    sortRow( first );
    mFirst.push_back( mCandidates.size() );
  }
  transpose( problem.candidateCount );
}

//! Sorts the row starting at \a first (to the end of the lists) by cost, then candidate.
void CandidateRanking::sortRow( std::size_t first )
{
  const std::size_t count = mCandidates.size() - first;
  std::vector<std::uint32_t> order( count );
  std::iota( order.begin(), order.end(), 0u );
  const std::uint32_t *candidates = mCandidates.data() + first;
  const double *costs = mCosts.data() + first;
  std::sort( order.begin(), order.end(), [&]( std::uint32_t a, std::uint32_t b ) {
    return costs[a] < costs[b] || ( costs[a] == costs[b] && candidates[a] < candidates[b] );
  } );
  std::vector<std::uint32_t> sortedCandidates( count );
  std::vector<double> sortedCosts( count );
  for ( std::size_t k = 0; k < count; ++k )
  {
    sortedCandidates[k] = candidates[order[k]];
    sortedCosts[k] = costs[order[k]];
  }
  std::copy( sortedCandidates.begin(), sortedCandidates.end(), mCandidates.begin() + static_cast<std::ptrdiff_t>( first ) );
  std::copy( sortedCosts.begin(), sortedCosts.end(), mCosts.begin() + static_cast<std::ptrdiff_t>( first ) );
}

void CandidateRanking::transpose( std::uint32_t candidateCount )
{
  mServedFirst.assign( static_cast<std::size_t>( candidateCount ) + 1, 0 );
  for ( std::uint32_t candidate : mCandidates )
    ++mServedFirst[candidate + 1];
  std::partial_sum( mServedFirst.begin(), mServedFirst.end(), mServedFirst.begin() );
  mServedClients.resize( mCandidates.size() );
  mServedCosts.resize( mCandidates.size() );
  std::vector<std::size_t> next( mServedFirst.begin(), mServedFirst.end() - 1 );
  // Clients in ascending order, so every list comes out sorted by client.
  for ( std::uint32_t client = 0; client + 1 < mFirst.size(); ++client )
  {
    for ( std::size_t k = mFirst[client]; k < mFirst[client + 1]; ++k )
    {
      const std::size_t slot = next[mCandidates[k]]++;
      mServedClients[slot] = client;
      mServedCosts[slot] = mCosts[k];
    }
  }
}

void CandidateRanking::assignNearestOpen( const std::vector<char> &isOpen, LocationSolution &solution ) const
{
  solution.assignment.assign( clientCount(), kUnassigned );
  for ( std::uint32_t client = 0; client < clientCount(); ++client )
  {
    for ( std::uint32_t rank = 0; rank < size( client ); ++rank )
    {
      if ( isOpen[begin( client )[rank]] )
      {
        solution.assignment[client] = begin( client )[rank];
        solution.objective += weightOf( client ) * costs( client )[rank];
        break;
      }
    }
    if ( solution.assignment[client] != kUnassigned )
      continue;
    if ( beyondCost( client ) < kForbiddenAssignment )
      ++solution.clientsBeyondStored;
    else
      ++solution.unservedClients;
  }
}

} // namespace gf
