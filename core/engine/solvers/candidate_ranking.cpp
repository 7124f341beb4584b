#include "engine/solvers/candidate_ranking.h"

#include <algorithm>

namespace gf {

CandidateRanking::CandidateRanking( const LocationProblem &problem, const std::vector<char> &eligible )
{
  mFirst.reserve( problem.clientCount + 1 );
  mFirst.push_back( 0 );
  std::vector<std::uint32_t> row;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    row.clear();
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      if ( eligible[candidate] && isAllowedCost( problem.costAt( client, candidate ) ) )
        row.push_back( candidate );
    }
    std::sort( row.begin(), row.end(), [&]( std::uint32_t a, std::uint32_t b ) {
      const double ca = problem.costAt( client, a );
      const double cb = problem.costAt( client, b );
      return ca < cb || ( ca == cb && a < b );
    } );
    mCandidates.insert( mCandidates.end(), row.begin(), row.end() );
    mFirst.push_back( mCandidates.size() );
  }
}

} // namespace gf
