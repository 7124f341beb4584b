#include "engine/solvers/pmedian_lagrangian.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace gf {

PMedianLagrangian::PMedianLagrangian( const CandidateRanking &ranking, const std::vector<char> &eligible,
                                      const std::vector<char> &fixedOpen, std::uint32_t p )
  : PMedianLagrangian( ranking, eligible, fixedOpen, {}, p, p )
{}

PMedianLagrangian::PMedianLagrangian( const CandidateRanking &ranking, const std::vector<char> &eligible,
                                      const std::vector<char> &fixedOpen, std::vector<double> fixedCost,
                                      std::uint32_t minOpen, std::uint32_t maxOpen )
  : mRanking( ranking )
  , mFixedCost( std::move( fixedCost ) )
  , mMinOpen( minOpen )
  , mMaxOpen( maxOpen )
  , mMultiplier( ranking.clientCount(), 0.0 )
  , mReduced( ranking.candidateCount(), 0.0 )
  , mIsOpen( ranking.candidateCount(), 0 )
  , mBound( -std::numeric_limits<double>::infinity() )
{
  for ( std::uint32_t client = 0; client < ranking.clientCount(); ++client )
  {
    const bool servable = ranking.isServable( client ) || ranking.beyondCost( client ) < kForbiddenAssignment;
    if ( servable && ranking.weightOf( client ) > 0.0 )
      mClients.push_back( client );
  }
  for ( std::uint32_t candidate = 0; candidate < ranking.candidateCount(); ++candidate )
  {
    if ( fixedOpen[candidate] )
      mFixed.push_back( candidate );
    else if ( eligible[candidate] )
      mFree.push_back( candidate );
  }
}

double PMedianLagrangian::evaluate( std::vector<std::uint32_t> &open )
{
  if ( mFixedCost.empty() )
    std::fill( mReduced.begin(), mReduced.end(), 0.0 );
  else
    mReduced = mFixedCost;
  double value = 0.0;
  mPrefixPairs = 0;
  const bool beyond = mRanking.hasBeyondCost();
  for ( std::uint32_t client : mClients )
  {
    const double weight = mRanking.weightOf( client );
    const double multiplier = mMultiplier[client];
    value += multiplier;
    // The pseudo-facility of the unranked pairs is always open: its term needs no choice.
    if ( beyond )
      value += std::min( 0.0, weight * mRanking.beyondCost( client ) - multiplier );
    const double *costs = mRanking.costs( client );
    const std::uint32_t *candidates = mRanking.begin( client );
    const std::uint32_t size = mRanking.size( client );
    std::uint32_t k = 0;
    for ( ; k < size; ++k )
    {
      const double reduced = weight * costs[k] - multiplier;
      if ( reduced >= 0.0 )
        break;
      mReduced[candidates[k]] += reduced;
    }
    mPrefixPairs += k;
  }
  open = mFixed;
  std::vector<std::uint32_t> order = mFree;
  const std::size_t negative = static_cast<std::size_t>(
    std::count_if( order.begin(), order.end(), [&]( std::uint32_t candidate ) { return mReduced[candidate] < 0.0; } ) );
  const std::size_t minFree = mMinOpen > mFixed.size() ? mMinOpen - mFixed.size() : 0;
  const std::size_t freeSlots = std::min( std::max( negative, minFree ), static_cast<std::size_t>( mMaxOpen ) - mFixed.size() );
  auto lessReduced = [&]( std::uint32_t a, std::uint32_t b ) {
    return mReduced[a] < mReduced[b] || ( mReduced[a] == mReduced[b] && a < b );
  };
  std::nth_element( order.begin(), order.begin() + static_cast<std::ptrdiff_t>( freeSlots ), order.end(), lessReduced );
  open.insert( open.end(), order.begin(), order.begin() + static_cast<std::ptrdiff_t>( freeSlots ) );
  for ( std::uint32_t candidate : open )
    value += mReduced[candidate];
  return value;
}

void PMedianLagrangian::record()
{
  std::vector<std::uint32_t> open;
  const double value = evaluate( open );
  if ( value > mBound )
  {
    mBound = value;
    mBoundOpen = std::move( open );
    mBestMultiplier = mMultiplier;
    mBestReduced = mReduced;
  }
}

bool PMedianLagrangian::ascend( double facilityPrice, double stepCost, std::uint32_t passes, ProgressSink &progress,
                                Clock::time_point deadline )
{
  record();
  // Slack of each candidate's price: a fixed candidate is open anyway, so a client gains
  // nothing past its cost there; a closed one constrains nothing.
  std::vector<double> slack( mRanking.candidateCount(), std::numeric_limits<double>::infinity() );
  for ( std::uint32_t candidate : mFree )
    slack[candidate] = facilityPrice;
  for ( std::uint32_t candidate : mFixed )
    slack[candidate] = 0.0;
  std::vector<double> ascent( mRanking.clientCount(), 0.0 );
  for ( std::uint32_t client : mClients )
  {
    const double weight = mRanking.weightOf( client );
    ascent[client] = weight * ( mRanking.size( client ) > 0 ? mRanking.costs( client )[0] : mRanking.beyondCost( client ) );
  }
  for ( std::uint32_t pass = 0; pass < passes; ++pass )
  {
    if ( progress.isCanceled() || Clock::now() > deadline )
      return false;
    bool raised = false;
    for ( std::uint32_t client : mClients )
    {
      const double weight = mRanking.weightOf( client );
      const double *costs = mRanking.costs( client );
      const std::uint32_t *candidates = mRanking.begin( client );
      const std::uint32_t size = mRanking.size( client );
      const double before = ascent[client];
      // Past its beyond cost the client's pseudo-facility serves it: no gain in climbing further.
      const double target = std::min( before + weight * stepCost, weight * mRanking.beyondCost( client ) );
      std::uint32_t reached = 0;
      double room = std::numeric_limits<double>::infinity();
      for ( ; reached < size && weight * costs[reached] <= before; ++reached )
        room = std::min( room, slack[candidates[reached]] );
      // Climb breakpoint by breakpoint: each candidate passed adds its slack to the limit.
      double value = before;
      while ( value < target && room > 0.0 )
      {
        const double next = reached < size ? std::min( weight * costs[reached], target ) : target;
        const double rise = std::min( next - value, room );
        value += rise;
        room -= rise;
        if ( reached == size || value < weight * costs[reached] )
          break;
        room = std::min( room, slack[candidates[reached]] );
        ++reached;
      }
      if ( value <= before )
        continue;
      for ( std::uint32_t k = 0; k < size && weight * costs[k] < value; ++k )
        slack[candidates[k]] -= value - std::max( before, weight * costs[k] );
      ascent[client] = value;
      raised = true;
    }
    if ( !raised )
      break;
  }
  std::swap( mMultiplier, ascent );
  const double previous = mBound;
  record();
  if ( mBound <= previous && !mBestMultiplier.empty() )
    mMultiplier = mBestMultiplier;   // the ascent did not pay: continue from the better start
  return true;
}

bool PMedianLagrangian::improve( double upperBound, double target, std::uint32_t maxIterations,
                                 ProgressSink &progress, Clock::time_point deadline )
{
  std::vector<std::uint32_t> open;
  std::vector<double> subgradient( mRanking.clientCount(), 0.0 );
  std::uint32_t sinceImprovement = 0;
  for ( std::uint32_t iteration = 0; iteration < maxIterations; ++iteration )
  {
    if ( progress.isCanceled() || Clock::now() > deadline )
      return false;
    const double value = evaluate( open );
    if ( mOpenWeight.empty() )
      mOpenWeight.assign( mRanking.candidateCount(), 0.0 );
    ++mStepCount;
    const double stepWeight = static_cast<double>( mStepCount ) * mStepCount;
    for ( std::uint32_t candidate : open )
      mOpenWeight[candidate] += stepWeight;
    mShareWeight += stepWeight;
    if ( value > mBound )
    {
      mBound = value;
      mBoundOpen = open;
      mBestMultiplier = mMultiplier;
      mBestReduced = mReduced;
      sinceImprovement = 0;
    }
    else if ( ++sinceImprovement >= 20 )
    {
      mStepScale *= 0.5;
      sinceImprovement = 0;
    }
    if ( mBound >= target || mStepScale < 1e-6 )
      return true;

    subgradientAt( open, subgradient );
    double norm = 0.0;
    for ( std::uint32_t client : mClients )
      norm += subgradient[client] * subgradient[client];
    if ( norm == 0.0 )
    {
      // The relaxed solution is feasible, so the bound equals its cost: optimal multipliers.
      return true;
    }
    if ( mDeflection > 0.0 )
    {
      if ( mDirection.empty() )
        mDirection.assign( mRanking.clientCount(), 0.0 );
      norm = 0.0;
      for ( std::uint32_t client : mClients )
      {
        mDirection[client] = subgradient[client] + mDeflection * mDirection[client];
        norm += mDirection[client] * mDirection[client];
      }
    }
    const std::vector<double> &direction = mDeflection > 0.0 ? mDirection : subgradient;
    const double step = mStepScale * ( upperBound - value ) / norm;
    for ( std::uint32_t client : mClients )
      mMultiplier[client] += step * direction[client];
    if ( ( iteration & 15 ) == 0 )
      progress.setProgress( static_cast<double>( iteration ) / maxIterations );
  }
  return true;
}

void PMedianLagrangian::subgradientAt( const std::vector<std::uint32_t> &open, std::vector<double> &subgradient )
{
  // Subgradient of the relaxed constraints sum_j x_ij = 1: one minus the times each client is
  // served. With few medians their client lists are shorter than the prefixes evaluate() walked
  // (pmed36, p = 10: about half in the tree); with many the prefixes are. Both count the same
  // pairs, so the choice never changes the result.
  std::size_t openPairs = 0;
  for ( std::uint32_t candidate : open )
    openPairs += static_cast<std::size_t>( mRanking.servedEnd( candidate ) - mRanking.servedBegin( candidate ) );
  for ( std::uint32_t client : mClients )
  {
    const double weight = mRanking.weightOf( client );
    subgradient[client] = weight * mRanking.beyondCost( client ) < mMultiplier[client] ? 0.0 : 1.0;
  }
  if ( openPairs < mPrefixPairs )
  {
    for ( std::uint32_t candidate : open )
    {
      const double *costs = mRanking.servedCosts( candidate );
      for ( const std::uint32_t *it = mRanking.servedBegin( candidate ); it != mRanking.servedEnd( candidate ); ++it, ++costs )
      {
        if ( mRanking.weightOf( *it ) * *costs < mMultiplier[*it] )
          subgradient[*it] -= 1.0;
      }
    }
    return;
  }
  for ( std::uint32_t candidate : open )
    mIsOpen[candidate] = 1;
  for ( std::uint32_t client : mClients )
  {
    const double weight = mRanking.weightOf( client );
    const double *costs = mRanking.costs( client );
    const std::uint32_t *candidates = mRanking.begin( client );
    const std::uint32_t size = mRanking.size( client );
    for ( std::uint32_t k = 0; k < size && weight * costs[k] < mMultiplier[client]; ++k )
      subgradient[client] -= mIsOpen[candidates[k]];
  }
  for ( std::uint32_t candidate : open )
    mIsOpen[candidate] = 0;
}

std::vector<std::uint32_t> PMedianLagrangian::clientsServedBeyond() const
{
  std::vector<std::uint32_t> clients;
  if ( !mRanking.hasBeyondCost() || mBestMultiplier.empty() )
    return clients;
  for ( std::uint32_t client : mClients )
  {
    if ( mRanking.weightOf( client ) * mRanking.beyondCost( client ) < mBestMultiplier[client] )
      clients.push_back( client );
  }
  return clients;
}

} // namespace gf
