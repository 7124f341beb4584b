#include "engine/solvers/single_source_cost_table.h"

#include <numeric>

namespace gf {

SingleSourceCostTable::SingleSourceCostTable( const CandidateRanking &ranking, Storage storage )
  : mStorage( storage )
  , mCandidates( ranking.candidateCount() )
{
  const std::uint32_t clients = ranking.clientCount();
  if ( storage == Storage::Dense )
  {
    mCost.assign( static_cast<std::size_t>( clients ) * mCandidates, kNoCost );
    for ( std::uint32_t client = 0; client < clients; ++client )
    {
      for ( std::uint32_t rank = 0; rank < ranking.size( client ); ++rank )
        mCost[static_cast<std::size_t>( client ) * mCandidates + ranking.begin( client )[rank]] = ranking.weightOf( client ) * ranking.costs( client )[rank];
    }
    return;
  }
  mRowStart.reserve( static_cast<std::size_t>( clients ) + 1 );
  mRowStart.push_back( 0 );
  std::vector<std::uint32_t> order;
  for ( std::uint32_t client = 0; client < clients; ++client )
  {
    // The ranking's row is by cost: re-sorted by candidate for the binary search.
    order.resize( ranking.size( client ) );
    std::iota( order.begin(), order.end(), 0u );
    const std::uint32_t *candidates = ranking.begin( client );
    std::sort( order.begin(), order.end(), [&]( std::uint32_t a, std::uint32_t b ) { return candidates[a] < candidates[b]; } );
    for ( std::uint32_t rank : order )
    {
      mRowCandidates.push_back( candidates[rank] );
      mCost.push_back( ranking.weightOf( client ) * ranking.costs( client )[rank] );
    }
    mRowStart.push_back( mRowCandidates.size() );
  }
}

} // namespace gf
