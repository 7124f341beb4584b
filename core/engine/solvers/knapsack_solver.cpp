#include "engine/solvers/knapsack_solver.h"

#include <algorithm>
#include <cmath>

namespace gf {

namespace {

constexpr double kTolerance = 1e-9;
//! Largest items × capacity cells solved by dynamic programming.
constexpr double kMaxTableCells = 400000.0;
//! Nodes of the first search, before the dynamic programme is tried.
constexpr std::uint64_t kQuickNodes = 2000;

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
  std::stable_sort( mOrder.begin(), mOrder.end(), [&]( std::uint32_t a, std::uint32_t b ) {
    return value[a] * weight[b] < value[b] * weight[a];
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
  if ( !finished && solveByCapacity( capacity ) )
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

//! Exact when every weight and the capacity are integral and the table is small; false
//! (nothing done) otherwise.
bool KnapsackSolver::solveByCapacity( double capacity )
{
  const std::size_t items = mOrder.size();
  const double cells = static_cast<double>( items ) * ( std::floor( capacity ) + 1.0 );
  if ( cells > kMaxTableCells || capacity < 0.0 )
    return false;
  for ( double weight : mWeight )
  {
    if ( weight != std::floor( weight ) )
      return false;
  }
  const std::size_t width = static_cast<std::size_t>( std::floor( capacity ) ) + 1;
  mTable.assign( width, 0.0 );
  mTakenAt.assign( items * width, 0 );
  for ( std::size_t k = 0; k < items; ++k )
  {
    const std::size_t weight = static_cast<std::size_t>( mWeight[k] );
    for ( std::size_t w = width; w-- > weight; )
    {
      const double with = mTable[w - weight] + mValue[k];
      if ( with < mTable[w] )
      {
        mTable[w] = with;
        mTakenAt[k * width + w] = 1;
      }
    }
  }
  // mTable[w] is the best value within capacity w; walk back from the full capacity.
  mBestValue = mTable[width - 1];
  std::size_t w = width - 1;
  for ( std::size_t k = items; k-- > 0; )
  {
    mBestTaken[k] = mTakenAt[k * width + w];
    if ( mBestTaken[k] )
      w -= static_cast<std::size_t>( mWeight[k] );
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
