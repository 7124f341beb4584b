#include "engine/solvers/swap_local_search.h"

#include <algorithm>
#include <cmath>

namespace gf {

SwapLocalSearch::SwapLocalSearch( const LocationProblem &problem, const CandidateRanking &ranking,
                                  const std::vector<char> &eligible, const std::vector<char> &fixedOpen,
                                  double missingCost )
  : mProblem( problem )
  , mRanking( ranking )
  , mEligible( eligible )
  , mFixedOpen( fixedOpen )
  , mMissingCost( missingCost )
  , mSlotOf( problem.candidateCount, kNone )
  , mNearest( problem.clientCount, kNone )
  , mSecond( problem.clientCount, kNone )
  , mD1( problem.clientCount, missingCost )
  , mD2( problem.clientCount, missingCost )
  , mGain( problem.candidateCount, 0.0 )
  , mLoss( problem.candidateCount, 0.0 )
{
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    if ( ranking.isServable( client ) && problem.weightOf( client ) > 0.0 )
      mClients.push_back( client );
  }
}

double SwapLocalSearch::costOrMissing( std::uint32_t client, std::uint32_t candidate ) const
{
  const double cost = mProblem.costAt( client, candidate );
  return isAllowedCost( cost ) && mEligible[candidate] ? cost : mMissingCost;
}

void SwapLocalSearch::locate( std::uint32_t client )
{
  mNearest[client] = kNone;
  mSecond[client] = kNone;
  mD1[client] = mMissingCost;
  mD2[client] = mMissingCost;
  for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
  {
    if ( mSlotOf[*it] == kNone )
      continue;
    if ( mNearest[client] == kNone )
    {
      mNearest[client] = *it;
      mD1[client] = mProblem.costAt( client, *it );
    }
    else
    {
      mSecond[client] = *it;
      mD2[client] = mProblem.costAt( client, *it );
      return;
    }
  }
}

void SwapLocalSearch::contribute( std::uint32_t client, double sign )
{
  const double weight = sign * mProblem.weightOf( client );
  const std::uint32_t nearest = mNearest[client];
  const double d1 = mD1[client];
  const double d2 = mD2[client];
  const std::size_t slotCount = mOpen.size();
  if ( nearest != kNone )
    mLoss[nearest] += weight * ( d2 - d1 );
  const std::size_t slot = nearest != kNone ? mSlotOf[nearest] : 0;
  for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
  {
    const double cost = mProblem.costAt( client, *it );
    if ( cost >= d2 )
      break;
    if ( cost < d1 )
      mGain[*it] += weight * ( d1 - cost );
    if ( nearest != kNone )
      mExtra[*it * slotCount + slot] += weight * ( d2 - std::max( cost, d1 ) );
  }
}

void SwapLocalSearch::reset( const std::vector<std::uint32_t> &open )
{
  std::fill( mSlotOf.begin(), mSlotOf.end(), kNone );
  mOpen = open;
  for ( std::size_t slot = 0; slot < mOpen.size(); ++slot )
    mSlotOf[mOpen[slot]] = static_cast<std::uint32_t>( slot );
  std::fill( mGain.begin(), mGain.end(), 0.0 );
  std::fill( mLoss.begin(), mLoss.end(), 0.0 );
  mExtra.assign( static_cast<std::size_t>( mProblem.candidateCount ) * mOpen.size(), 0.0 );
  for ( std::uint32_t client : mClients )
  {
    locate( client );
    contribute( client, 1.0 );
  }
  // Profits below this are rounding noise of the incremental sums, not improvements.
  mTolerance = 1e-9 * std::max( 1.0, std::fabs( objective() ) / static_cast<double>( std::max<std::size_t>( 1, mClients.size() ) ) );
}

void SwapLocalSearch::swap( std::uint32_t in, std::uint32_t out )
{
  mAffected.clear();
  for ( std::uint32_t client : mClients )
  {
    if ( mNearest[client] == out || mSecond[client] == out || costOrMissing( client, in ) < mD2[client] )
      mAffected.push_back( client );
  }
  for ( std::uint32_t client : mAffected )
    contribute( client, -1.0 );

  // Every client served by `out` was withdrawn, so its slot row and loss are empty but
  // for rounding: clear them exactly before the slot is reused.
  const std::uint32_t slot = mSlotOf[out];
  const std::size_t slotCount = mOpen.size();
  for ( std::size_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
    mExtra[candidate * slotCount + slot] = 0.0;
  mLoss[out] = 0.0;
  mSlotOf[out] = kNone;
  mSlotOf[in] = slot;
  mOpen[slot] = in;

  for ( std::uint32_t client : mAffected )
  {
    locate( client );
    contribute( client, 1.0 );
  }
}

bool SwapLocalSearch::findBestSwap( std::uint32_t &in, std::uint32_t &out ) const
{
  double bestProfit = mTolerance;
  in = kNone;
  out = kNone;
  const std::size_t slotCount = mOpen.size();
  for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
  {
    const double gain = mGain[candidate];
    // extra never exceeds loss, so gain bounds the profit of every swap bringing this one in.
    if ( gain <= bestProfit || !mEligible[candidate] || mSlotOf[candidate] != kNone )
      continue;
    const double *extra = mExtra.data() + static_cast<std::size_t>( candidate ) * slotCount;
    for ( std::size_t slot = 0; slot < slotCount; ++slot )
    {
      const std::uint32_t leaving = mOpen[slot];
      const double profit = gain - mLoss[leaving] + extra[slot];
      if ( profit > bestProfit && !mFixedOpen[leaving] )
      {
        bestProfit = profit;
        in = candidate;
        out = leaving;
      }
    }
  }
  return in != kNone;
}

bool SwapLocalSearch::descend( ProgressSink &progress, Clock::time_point deadline )
{
  std::uint32_t in = kNone;
  std::uint32_t out = kNone;
  while ( findBestSwap( in, out ) )
  {
    if ( progress.isCanceled() || Clock::now() > deadline )
      return false;
    swap( in, out );
  }
  return true;
}

void SwapLocalSearch::moveTo( const std::vector<std::uint32_t> &target )
{
  std::vector<char> wanted( mProblem.candidateCount, 0 );
  for ( std::uint32_t candidate : target )
    wanted[candidate] = 1;
  std::vector<std::uint32_t> leaving;
  for ( std::uint32_t candidate : mOpen )
  {
    if ( !wanted[candidate] )
      leaving.push_back( candidate );
  }
  std::size_t next = 0;
  for ( std::uint32_t candidate : target )
  {
    if ( !isOpen( candidate ) )
      swap( candidate, leaving[next++] );
  }
}

double SwapLocalSearch::objective() const
{
  double total = 0.0;
  for ( std::uint32_t client : mClients )
    total += mProblem.weightOf( client ) * mD1[client];
  return total;
}

} // namespace gf
