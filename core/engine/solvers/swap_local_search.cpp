#include "engine/solvers/swap_local_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gf {

SwapLocalSearch::SwapLocalSearch( const LocationProblem &problem, const CandidateRanking &ranking,
                                  const std::vector<char> &eligible, const std::vector<char> &fixedOpen,
                                  double missingCost, const std::vector<double> *byCandidate )
  : mProblem( problem )
  , mRanking( ranking )
  , mEligible( eligible )
  , mFixedOpen( fixedOpen )
  , mMissingCost( missingCost )
  , mByCandidate( byCandidate )
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

std::vector<double> SwapLocalSearch::candidateMajorCosts( const LocationProblem &problem, const std::vector<char> &eligible,
                                                          double missingCost )
{
  std::vector<double> byCandidate( static_cast<std::size_t>( problem.candidateCount ) * problem.clientCount, missingCost );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      const double cost = problem.costAt( client, candidate );
      if ( isAllowedCost( cost ) && eligible[candidate] )
        byCandidate[static_cast<std::size_t>( candidate ) * problem.clientCount + client] = cost;
    }
  }
  return byCandidate;
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
  const double *inCosts = mByCandidate ? mByCandidate->data() + static_cast<std::size_t>( in ) * mProblem.clientCount : nullptr;
  for ( std::uint32_t client : mClients )
  {
    const double inCost = inCosts ? inCosts[client] : costOrMissing( client, in );
    if ( mNearest[client] == out || mSecond[client] == out || inCost < mD2[client] )
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
  mSlotLoss.resize( slotCount );
  for ( std::size_t slot = 0; slot < slotCount; ++slot )
    mSlotLoss[slot] = mFixedOpen[mOpen[slot]] ? std::numeric_limits<double>::infinity() : mLoss[mOpen[slot]];
  const double *slotLoss = mSlotLoss.data();
  for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
  {
    const double gain = mGain[candidate];
    // extra never exceeds loss, so gain bounds the profit of every swap bringing this one in.
    if ( gain <= bestProfit || !mEligible[candidate] || mSlotOf[candidate] != kNone )
      continue;
    // A branch-free maximum first (the hot loop, four independent chains so the CPU overlaps
    // them); the slot is looked up only when it pays.
    const double *extra = mExtra.data() + static_cast<std::size_t>( candidate ) * slotCount;
    double net[4] = { -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                      -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity() };
    std::size_t slot = 0;
    for ( ; slot + 4 <= slotCount; slot += 4 )
    {
      for ( std::size_t lane = 0; lane < 4; ++lane )
      {
        const double value = extra[slot + lane] - slotLoss[slot + lane];
        net[lane] = value > net[lane] ? value : net[lane];
      }
    }
    for ( ; slot < slotCount; ++slot )
    {
      const double value = extra[slot] - slotLoss[slot];
      net[0] = value > net[0] ? value : net[0];
    }
    if ( gain + std::max( std::max( net[0], net[1] ), std::max( net[2], net[3] ) ) <= bestProfit )
      continue;
    for ( slot = 0; slot < slotCount; ++slot )
    {
      const double profit = gain + ( extra[slot] - slotLoss[slot] );
      if ( profit > bestProfit )
      {
        bestProfit = profit;
        in = candidate;
        out = mOpen[slot];
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

bool SwapLocalSearch::relinkTowards( const std::vector<std::uint32_t> &target )
{
  std::vector<char> wanted( mProblem.candidateCount, 0 );
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
  const std::size_t slotCount = mOpen.size();
  std::vector<std::uint32_t> best;
  double bestObjective = 0.0;
  for ( std::size_t step = 0; step < steps; ++step )
  {
    std::size_t bestIn = 0;
    std::size_t bestOut = 0;
    double bestProfit = -std::numeric_limits<double>::infinity();
    for ( std::size_t i = 0; i < entering.size(); ++i )
    {
      const double *extra = mExtra.data() + static_cast<std::size_t>( entering[i] ) * slotCount;
      for ( std::size_t o = 0; o < leaving.size(); ++o )
      {
        const double profit = mGain[entering[i]] - mLoss[leaving[o]] + extra[mSlotOf[leaving[o]]];
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
    total += mProblem.weightOf( client ) * mD1[client];
  return total;
}

} // namespace gf
