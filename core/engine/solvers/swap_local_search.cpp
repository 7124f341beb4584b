#include "engine/solvers/swap_local_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gf {

SwapLocalSearch::SwapLocalSearch( const CandidateRanking &ranking, const std::vector<char> &eligible,
                                  const std::vector<char> &fixedOpen, double missingCost )
  : mRanking( ranking )
  , mCandidateCount( ranking.candidateCount() )
  , mEligible( eligible )
  , mFixedOpen( fixedOpen )
  , mMissingCost( missingCost )
  , mSlotOf( ranking.candidateCount(), kNone )
  , mNearest( ranking.clientCount(), kNone )
  , mSecond( ranking.clientCount(), kNone )
  , mD1( ranking.clientCount() )
  , mD2( ranking.clientCount() )
  , mGain( ranking.candidateCount(), 0.0 )
  , mLoss( ranking.candidateCount(), 0.0 )
  , mExtra( ranking.candidateCount() )
{
  for ( std::uint32_t client = 0; client < ranking.clientCount(); ++client )
  {
    const bool servable = ranking.isServable( client ) || ranking.beyondCost( client ) < missingCost;
    if ( servable && ranking.weightOf( client ) > 0.0 )
      mClients.push_back( client );
  }
}

void SwapLocalSearch::locate( std::uint32_t client )
{
  mNearest[client] = kNone;
  mSecond[client] = kNone;
  mD1[client] = missingCostOf( client );
  mD2[client] = mD1[client];
  const double *costs = mRanking.costs( client );
  const std::uint32_t size = mRanking.size( client );
  const std::uint32_t *candidates = mRanking.begin( client );
  for ( std::uint32_t k = 0; k < size; ++k )
  {
    if ( mSlotOf[candidates[k]] == kNone )
      continue;
    if ( mNearest[client] == kNone )
    {
      mNearest[client] = candidates[k];
      mD1[client] = costs[k];
    }
    else
    {
      mSecond[client] = candidates[k];
      mD2[client] = costs[k];
      return;
    }
  }
}

void SwapLocalSearch::contribute( std::uint32_t client, double sign )
{
  const double weight = sign * mRanking.weightOf( client );
  const std::uint32_t nearest = mNearest[client];
  const double d1 = mD1[client];
  const double d2 = mD2[client];
  if ( nearest != kNone )
    mLoss[nearest] += weight * ( d2 - d1 );
  const std::uint32_t slot = nearest != kNone ? mSlotOf[nearest] : 0;
  const double *costs = mRanking.costs( client );
  const std::uint32_t size = mRanking.size( client );
  const std::uint32_t *candidates = mRanking.begin( client );
  for ( std::uint32_t k = 0; k < size; ++k )
  {
    const double cost = costs[k];
    if ( cost >= d2 )
      break;
    if ( cost < d1 )
      mGain[candidates[k]] += weight * ( d1 - cost );
    if ( nearest != kNone )
      addExtra( candidates[k], slot, weight * ( d2 - std::max( cost, d1 ) ), sign < 0.0 );
  }
}

void SwapLocalSearch::addExtra( std::uint32_t candidate, std::uint32_t slot, double value, bool withdraw )
{
  std::uint32_t &at = mExtraAt[static_cast<std::size_t>( candidate ) * mOpen.size() + slot];
  std::vector<ExtraEntry> &entries = mExtra[candidate];
  if ( at == kNone )
  {
    at = static_cast<std::uint32_t>( entries.size() );
    entries.push_back( { slot, 1, value } );
    return;
  }
  ExtraEntry &entry = entries[at];
  entry.value += value;
  if ( !withdraw )
  {
    ++entry.clients;
    return;
  }
  if ( --entry.clients > 0 )
    return;
  // Last client withdrawn: move the last entry into its place.
  const std::uint32_t index = at;
  at = kNone;
  if ( index + 1 != entries.size() )
  {
    entries[index] = entries.back();
    mExtraAt[static_cast<std::size_t>( candidate ) * mOpen.size() + entries[index].slot] = index;
  }
  entries.pop_back();
}

double SwapLocalSearch::extraOf( std::uint32_t candidate, std::uint32_t slot ) const
{
  const std::uint32_t at = mExtraAt[static_cast<std::size_t>( candidate ) * mOpen.size() + slot];
  return at == kNone ? 0.0 : mExtra[candidate][at].value;
}

void SwapLocalSearch::reset( const std::vector<std::uint32_t> &open )
{
  std::fill( mSlotOf.begin(), mSlotOf.end(), kNone );
  mOpen = open;
  for ( std::size_t slot = 0; slot < mOpen.size(); ++slot )
    mSlotOf[mOpen[slot]] = static_cast<std::uint32_t>( slot );
  std::fill( mGain.begin(), mGain.end(), 0.0 );
  std::fill( mLoss.begin(), mLoss.end(), 0.0 );
  for ( std::vector<ExtraEntry> &entries : mExtra )
    entries.clear();
  mExtraAt.assign( static_cast<std::size_t>( mCandidateCount ) * mOpen.size(), kNone );
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
  // The affected clients are those `out` may serve that have it nearest or second, and those
  // `in` serves cheaper than their second: a merge of the two (client-sorted) served lists
  // yields them in client order, as a scan over every client would.
  mAffected.clear();
  const std::uint32_t *inClient = mRanking.servedBegin( in );
  const std::uint32_t *inEnd = mRanking.servedEnd( in );
  const double *inCost = mRanking.servedCosts( in );
  const std::uint32_t *outClient = mRanking.servedBegin( out );
  const std::uint32_t *outEnd = mRanking.servedEnd( out );
  while ( inClient != inEnd || outClient != outEnd )
  {
    const bool takeIn = outClient == outEnd || ( inClient != inEnd && *inClient <= *outClient );
    const bool takeOut = inClient == inEnd || ( outClient != outEnd && *outClient <= *inClient );
    const std::uint32_t client = takeIn ? *inClient : *outClient;
    const bool affected = ( takeIn && *inCost < mD2[client] ) || ( takeOut && ( mNearest[client] == out || mSecond[client] == out ) );
    if ( affected && mRanking.weightOf( client ) > 0.0 )
      mAffected.push_back( client );
    if ( takeIn )
    {
      ++inClient;
      ++inCost;
    }
    if ( takeOut )
      ++outClient;
  }
  for ( std::uint32_t client : mAffected )
    contribute( client, -1.0 );

  // Every client served by `out` was withdrawn, so its extra entries are gone and its loss
  // is zero but for rounding: clear it exactly before the slot is reused.
  const std::uint32_t slot = mSlotOf[out];
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
  mSlotLoss.resize( slotCount );
  // The slot cheapest to close (ties: lowest slot): the best partner of every candidate
  // through a zero extra entry, as extra is never negative.
  std::uint32_t cheapestSlot = kNone;
  for ( std::size_t slot = 0; slot < slotCount; ++slot )
  {
    mSlotLoss[slot] = mFixedOpen[mOpen[slot]] ? std::numeric_limits<double>::infinity() : mLoss[mOpen[slot]];
    if ( cheapestSlot == kNone || mSlotLoss[slot] < mSlotLoss[cheapestSlot] )
      cheapestSlot = static_cast<std::uint32_t>( slot );
  }
  if ( cheapestSlot == kNone || mSlotLoss[cheapestSlot] == std::numeric_limits<double>::infinity() )
    return false;
  const double *slotLoss = mSlotLoss.data();
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    const double gain = mGain[candidate];
    // extra never exceeds loss, so gain bounds the profit of every swap bringing this one in.
    if ( gain <= bestProfit || !mEligible[candidate] || mSlotOf[candidate] != kNone )
      continue;
    std::uint32_t slot = cheapestSlot;
    double net = -slotLoss[cheapestSlot];
    for ( const ExtraEntry &entry : mExtra[candidate] )
    {
      const double value = entry.value - slotLoss[entry.slot];
      if ( value > net || ( value == net && entry.slot < slot ) )
      {
        net = value;
        slot = entry.slot;
      }
    }
    if ( gain + net > bestProfit )
    {
      bestProfit = gain + net;
      in = candidate;
      out = mOpen[slot];
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
  std::vector<char> wanted( mCandidateCount, 0 );
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

bool SwapLocalSearch::relinkTowards( const std::vector<std::uint32_t> &target )
{
  std::vector<char> wanted( mCandidateCount, 0 );
  for ( std::uint32_t candidate : target )
    wanted[candidate] = 1;
  std::vector<std::uint32_t> entering;
  for ( std::uint32_t candidate : target )
  {
    if ( !isOpen( candidate ) )
      entering.push_back( candidate );
  }
  std::vector<std::uint32_t> leaving;
  for ( std::uint32_t candidate : mOpen )
  {
    if ( !wanted[candidate] )
      leaving.push_back( candidate );
  }
  if ( entering.size() < 2 )
    return false;
  // The last step would reach target itself: only the interior is new.
  const std::size_t steps = entering.size() - 1;
  std::vector<std::uint32_t> best;
  double bestObjective = 0.0;
  for ( std::size_t step = 0; step < steps; ++step )
  {
    std::size_t bestIn = 0;
    std::size_t bestOut = 0;
    double bestProfit = -std::numeric_limits<double>::infinity();
    for ( std::size_t i = 0; i < entering.size(); ++i )
    {
      for ( std::size_t o = 0; o < leaving.size(); ++o )
      {
        const double profit = mGain[entering[i]] - mLoss[leaving[o]] + extraOf( entering[i], mSlotOf[leaving[o]] );
        if ( profit > bestProfit )
        {
          bestProfit = profit;
          bestIn = i;
          bestOut = o;
        }
      }
    }
    swap( entering[bestIn], leaving[bestOut] );
    entering.erase( entering.begin() + static_cast<std::ptrdiff_t>( bestIn ) );
    leaving.erase( leaving.begin() + static_cast<std::ptrdiff_t>( bestOut ) );
    const double value = objective();
    if ( best.empty() || value < bestObjective )
    {
      best = mOpen;
      bestObjective = value;
    }
  }
  moveTo( best );
  return true;
}

double SwapLocalSearch::objective() const
{
  double total = 0.0;
  for ( std::uint32_t client : mClients )
    total += mRanking.weightOf( client ) * mD1[client];
  return total;
}

} // namespace gf
