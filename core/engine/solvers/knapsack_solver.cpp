#include "engine/solvers/knapsack_solver.h"

#include <algorithm>
#include <cmath>

namespace gf {

namespace {

constexpr double kTolerance = 1e-9;
//! Most states the dynamic programme keeps over all items. With integral weights there are at
//! most items × (capacity + 1): it finishes wherever a table over the capacity of that size would.
constexpr std::size_t kMaxStates = 400000;
//! Nodes of the first search, before the dynamic programme is tried.
constexpr std::uint64_t kQuickNodes = 100;

} // namespace

void KnapsackSolver::solve( const std::vector<double> &value, const std::vector<double> &weight, double capacity,
                            std::uint64_t nodeLimit )
{
  mChosen.assign( value.size(), 0 );
  mOrder.clear();
  double freeValue = 0.0;
  for ( std::uint32_t item = 0; item < value.size(); ++item )
  {
    if ( !( value[item] < 0.0 ) )
      continue;
    // Weightless items of negative value belong to every optimal packing.
    if ( weight[item] <= 0.0 )
    {
      mChosen[item] = 1;
      freeValue += value[item];
    }
    else if ( weight[item] <= capacity )
      mOrder.push_back( item );
  }
  // Most Lagrangian subproblems: every item fits, the packing needs no order.
  double allWeight = 0.0;
  double allValue = 0.0;
  for ( std::uint32_t item : mOrder )
  {
    allWeight += weight[item];
    allValue += value[item];
  }
  if ( allWeight <= capacity )
  {
    for ( std::uint32_t item : mOrder )
      mChosen[item] = 1;
    mBestValue = allValue + freeValue;
    mBound = mBestValue;
    return;
  }
  // Ties by index: the order of a stable sort, without its buffer.
  mRatio.resize( value.size() );
  for ( std::uint32_t item : mOrder )
    mRatio[item] = value[item] / weight[item];
  std::sort( mOrder.begin(), mOrder.end(), [&]( std::uint32_t a, std::uint32_t b ) {
    return mRatio[a] < mRatio[b] || ( mRatio[a] == mRatio[b] && a < b );
  } );
  mValue.resize( mOrder.size() );
  mWeight.resize( mOrder.size() );
  for ( std::size_t k = 0; k < mOrder.size(); ++k )
  {
    mValue[k] = value[mOrder[k]];
    mWeight[k] = weight[mOrder[k]];
  }
  mValueSum.assign( mOrder.size() + 1, 0.0 );
  mWeightSum.assign( mOrder.size() + 1, 0.0 );
  for ( std::size_t k = 0; k < mOrder.size(); ++k )
  {
    mValueSum[k + 1] = mValueSum[k] + mValue[k];
    mWeightSum[k + 1] = mWeightSum[k] + mWeight[k];
  }
  mTaken.assign( mOrder.size(), 0 );
  // The search is the fastest when it finishes within a few nodes (few items, or all fit, as in
  // most Lagrangian subproblems); the dynamic programme is exact when those are not enough.
  bool finished = search( capacity, std::min( nodeLimit, kQuickNodes ) );
  if ( !finished && solveByStates( capacity ) )
  {
    for ( std::size_t k = 0; k < mOrder.size(); ++k )
      mChosen[mOrder[k]] = mBestTaken[k];
    mBestValue += freeValue;
    mBound = mBestValue;
    return;
  }
  if ( !finished && nodeLimit > kQuickNodes )
    finished = search( capacity, nodeLimit );
  const double rootBound = continuousFill( 0, capacity );
  for ( std::size_t k = 0; k < mOrder.size(); ++k )
    mChosen[mOrder[k]] = mBestTaken[k];
  mBestValue += freeValue;
  // A finished search pruned only nodes within the tolerance of the incumbent.
  const double searched = mBestValue - freeValue - kTolerance * std::max( 1.0, std::fabs( mBestValue ) );
  mBound = ( finished ? std::max( rootBound, searched ) : rootBound ) + freeValue;
}

//! Greedy packing as the first incumbent, then the depth-first search; true when it finished.
bool KnapsackSolver::search( double capacity, std::uint64_t nodeLimit )
{
  double room = capacity;
  mBestValue = 0.0;
  mBestTaken.assign( mOrder.size(), 0 );
  for ( std::size_t k = 0; k < mOrder.size(); ++k )
  {
    if ( mWeight[k] <= room )
    {
      room -= mWeight[k];
      mBestValue += mValue[k];
      mBestTaken[k] = 1;
    }
  }
  const double rootBound = continuousFill( 0, capacity );
  mNodes = 0;
  mNodeLimit = nodeLimit;
  if ( rootBound < mBestValue - kTolerance * std::max( 1.0, std::fabs( mBestValue ) ) )
    branch( 0, capacity, 0.0 );
  return mNodes <= mNodeLimit;
}

//! Exact within the state budget, from the incumbent of the search; false (incumbent kept) when
//! the states exceed it. A state that a lighter one of no greater value dominates is dropped,
//! and so is one whose value plus the continuous fill of the rest cannot beat the incumbent.
bool KnapsackSolver::solveByStates( double capacity )
{
  const std::size_t items = mOrder.size();
  const double prune = 1e-12 * std::max( 1.0, std::fabs( mBestValue ) );
  const double incumbent = mBestValue;
  mStateWeight.assign( 1, 0.0 );
  mStateValue.assign( 1, 0.0 );
  mStateIndex.assign( 1, 0 );
  mParent.assign( 1, 0 );
  mTook.assign( 1, 0 );
  std::size_t bestIndex = 0;
  std::size_t bestLevel = 0;   // 0: the incumbent of the search
  for ( std::size_t k = 0; k < items && !mStateWeight.empty(); ++k )
  {
    mNextWeight.clear();
    mNextValue.clear();
    mNextIndex.clear();
    const std::size_t count = mStateWeight.size();
    std::size_t skip = 0;
    std::size_t take = 0;
    std::size_t split = items;
    double lastValue = 0.0;
    bool any = false;
    // Merge the states without item k and with it, both by weight (ties: the lesser value first).
    while ( skip < count || take < count )
    {
      const bool takeFits = take < count && mStateWeight[take] + mWeight[k] <= capacity;
      if ( !takeFits )
        take = count;
      if ( skip >= count && !takeFits )
        break;
      bool took = false;
      if ( takeFits )
      {
        const double takeWeight = mStateWeight[take] + mWeight[k];
        const double takeValue = mStateValue[take] + mValue[k];
        took = skip >= count || takeWeight < mStateWeight[skip]
               || ( takeWeight == mStateWeight[skip] && takeValue < mStateValue[skip] );
      }
      const std::size_t from = took ? take++ : skip++;
      const double weight = mStateWeight[from] + ( took ? mWeight[k] : 0.0 );
      const double value = mStateValue[from] + ( took ? mValue[k] : 0.0 );
      if ( any && value >= lastValue )
        continue;
      any = true;
      lastValue = value;
      if ( value + shrinkingFill( k + 1, capacity - weight, split ) >= mBestValue - prune )
        continue;
      if ( mParent.size() >= kMaxStates )
      {
        mBestValue = incumbent;   // the value of mBestTaken again
        return false;
      }
      mNextWeight.push_back( weight );
      mNextValue.push_back( value );
      mNextIndex.push_back( static_cast<std::uint32_t>( mParent.size() ) );
      mParent.push_back( mStateIndex[from] );
      mTook.push_back( took ? 1 : 0 );
      if ( value < mBestValue )
      {
        mBestValue = value;
        bestIndex = mParent.size() - 1;
        bestLevel = k + 1;
      }
    }
    mStateWeight.swap( mNextWeight );
    mStateValue.swap( mNextValue );
    mStateIndex.swap( mNextIndex );
  }
  if ( bestLevel == 0 )
    return true;
  // Walk the best state's parents back: its item decisions, nothing taken after its level.
  mBestTaken.assign( items, 0 );
  std::size_t index = bestIndex;
  for ( std::size_t level = bestLevel; level-- > 0; )
  {
    mBestTaken[level] = mTook[index];
    index = mParent[index];
  }
  return true;
}

//! The continuous relaxation of the items from \a from on: whole items by ratio while they
//! fit, then a fraction of the next one (the Dantzig bound). Found by binary search on the
//! prefix sums, so that each branch-and-bound node costs O(log n), not O(n).
double KnapsackSolver::continuousFill( std::size_t from, double room ) const
{
  if ( room <= 0.0 || from >= mValue.size() )
    return 0.0;
  // First item that no longer fits whole: the first k with weightSum[k + 1] - weightSum[from] > room.
  const double limit = mWeightSum[from] + room;
  const std::size_t split = static_cast<std::size_t>(
    std::upper_bound( mWeightSum.begin() + static_cast<std::ptrdiff_t>( from ) + 1, mWeightSum.end(), limit ) - mWeightSum.begin() ) - 1;
  return fillTo( from, limit, split );
}

//! continuousFill for rooms that only shrink from call to call at the same \a from: \a split
//! (the item count at first) walks down to the first item that no longer fits whole.
double KnapsackSolver::shrinkingFill( std::size_t from, double room, std::size_t &split ) const
{
  if ( room <= 0.0 || from >= mValue.size() )
    return 0.0;
  const double limit = mWeightSum[from] + room;
  while ( split > from && mWeightSum[split] > limit )
    --split;
  return fillTo( from, limit, split );
}

//! The items from \a from up to \a split whole, then \a split up to a total weight of \a limit
//! counted from the first item.
double KnapsackSolver::fillTo( std::size_t from, double limit, std::size_t split ) const
{
  double total = mValueSum[split] - mValueSum[from];
  if ( split < mValue.size() )
    total += mValue[split] * ( limit - mWeightSum[split] ) / mWeight[split];
  return total;
}

void KnapsackSolver::branch( std::size_t depth, double room, double current )
{
  if ( ++mNodes > mNodeLimit )
    return;
  if ( depth == mValue.size() )
  {
    if ( current < mBestValue )
    {
      mBestValue = current;
      mBestTaken = mTaken;
    }
    return;
  }
  if ( current + continuousFill( depth, room ) >= mBestValue - kTolerance * std::max( 1.0, std::fabs( mBestValue ) ) )
    return;
  if ( mWeight[depth] <= room )
  {
    mTaken[depth] = 1;
    branch( depth + 1, room - mWeight[depth], current + mValue[depth] );
    mTaken[depth] = 0;
  }
  branch( depth + 1, room, current );
}

} // namespace gf
