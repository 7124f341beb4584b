#include "engine/solvers/maximal_cover_search.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace gf {

namespace {

constexpr int kRootIterations = 3000;
constexpr int kNodeIterations = 80;
// The root multipliers are warm starts for the whole tree: the root halves its step only
// after more iterations without progress, and polishes its first relaxed solutions by swap
// descent even when they cover less than the incumbent (they often lead to a better one).
constexpr int kRootPatience = 40;
constexpr int kNodePatience = 15;
constexpr int kRootPolishedSolutions = 30;

} // namespace

std::size_t ColumnSetHash::operator()( const std::vector<std::uint32_t> &columns ) const
{
  std::uint64_t hash = 0x9e3779b97f4a7c15ull ^ columns.size();
  for ( std::uint32_t column : columns )
    hash = ( hash ^ column ) * 0x100000001b3ull;
  return static_cast<std::size_t>( hash ^ ( hash >> 29 ) );
}

MaximalCoverSearch::MaximalCoverSearch( const std::vector<std::vector<std::uint32_t>> &rows, const std::vector<double> &weight,
                                        std::uint32_t columnCount )
{
  // The rows as given (weightless ones dropped); reduce() runs only when the greedy start
  // leaves something to prove, which spares it on easy instances.
  mColumns.assign( columnCount, {} );
  for ( std::uint32_t row = 0; row < rows.size(); ++row )
  {
    if ( !( weight[row] > 0.0 ) )
      continue;
    std::vector<std::uint32_t> columns = rows[row];
    if ( !std::is_sorted( columns.begin(), columns.end() ) )
      std::sort( columns.begin(), columns.end() );
    columns.erase( std::unique( columns.begin(), columns.end() ), columns.end() );
    for ( std::uint32_t column : columns )
      mColumns[column].push_back( static_cast<std::uint32_t>( mRows.size() ) );
    mRows.push_back( std::move( columns ) );
    mWeight.push_back( weight[row] );
  }
  mOriginal.resize( columnCount );
  for ( std::uint32_t column = 0; column < columnCount; ++column )
    mOriginal[column] = column;
  countWeight();
}

void MaximalCoverSearch::countWeight()
{
  mTotalWeight = 0.0;
  mIntegral = true;
  for ( double weight : mWeight )
  {
    mTotalWeight += weight;
    mIntegral = mIntegral && weight == std::floor( weight );
  }
  mIntegral = mIntegral && mTotalWeight < 1e15;
}

void MaximalCoverSearch::reduce()
{
  mReduced = true;
  const std::vector<std::vector<std::uint32_t>> sortedRows = std::move( mRows );
  const std::vector<std::vector<std::uint32_t>> columns = std::move( mColumns );
  const std::vector<double> weight = std::move( mWeight );
  const std::uint32_t columnCount = static_cast<std::uint32_t>( columns.size() );
  mRows.clear();
  mColumns.clear();
  mWeight.clear();
  mOriginal.clear();

  // A column whose rows another column covers too is never needed: the larger set (equal
  // sets: the lower index) replaces it. Dominance is a strict order, so every dropped column
  // has a kept one covering its rows.
  auto dominates = [&]( std::uint32_t other, std::uint32_t column ) {
    const std::vector<std::uint32_t> &mine = columns[column];
    const std::vector<std::uint32_t> &theirs = columns[other];
    if ( other == column || theirs.size() < mine.size() || ( theirs.size() == mine.size() && other > column ) )
      return false;
    return std::includes( theirs.begin(), theirs.end(), mine.begin(), mine.end() );
  };
  std::vector<std::uint32_t> compact( columnCount, UINT32_MAX );
  for ( std::uint32_t column = 0; column < columnCount; ++column )
  {
    const std::vector<std::uint32_t> &mine = columns[column];
    if ( mine.empty() )
      continue;
    // Only columns sharing the row with the fewest columns can dominate.
    const std::uint32_t scarce = *std::min_element( mine.begin(), mine.end(), [&]( std::uint32_t a, std::uint32_t b ) {
      return sortedRows[a].size() < sortedRows[b].size();
    } );
    const std::vector<std::uint32_t> &rivals = sortedRows[scarce];
    if ( std::none_of( rivals.begin(), rivals.end(), [&]( std::uint32_t other ) { return dominates( other, column ); } ) )
    {
      compact[column] = static_cast<std::uint32_t>( mOriginal.size() );
      mOriginal.push_back( column );
    }
  }

  // Rows left with the same columns are one weighted row.
  std::unordered_map<std::vector<std::uint32_t>, std::uint32_t, ColumnSetHash> rowOf;
  for ( std::uint32_t row = 0; row < sortedRows.size(); ++row )
  {
    std::vector<std::uint32_t> kept;
    for ( std::uint32_t column : sortedRows[row] )
    {
      if ( compact[column] != UINT32_MAX )
        kept.push_back( compact[column] );
    }
    if ( kept.empty() )
      continue;
    const auto inserted = rowOf.emplace( kept, static_cast<std::uint32_t>( mRows.size() ) );
    if ( inserted.second )
    {
      mRows.push_back( std::move( kept ) );
      mWeight.push_back( 0.0 );
    }
    mWeight[inserted.first->second] += weight[row];
  }
  mColumns.assign( mOriginal.size(), {} );
  for ( std::uint32_t row = 0; row < mRows.size(); ++row )
  {
    for ( std::uint32_t column : mRows[row] )
      mColumns[column].push_back( row );
  }
  countWeight();
}

double MaximalCoverSearch::coverValue( const std::vector<std::uint32_t> &columns )
{
  ++mStampValue;
  double value = 0.0;
  for ( std::uint32_t column : columns )
  {
    for ( std::uint32_t row : mColumns[column] )
    {
      if ( mStamp[row] != mStampValue )
      {
        mStamp[row] = mStampValue;
        value += mWeight[row];
      }
    }
  }
  return value;
}

void MaximalCoverSearch::offer( const std::vector<std::uint32_t> &columns, double value )
{
  if ( value > mBestValue + 1e-9 * std::max( 1.0, mTotalWeight ) )
  {
    mBest = columns;
    mBestValue = value;
  }
}

std::vector<std::uint32_t> MaximalCoverSearch::greedy()
{
  // Most newly covered weight first (ties: lowest index); gains drop as rows get covered.
  std::vector<double> gain( mColumns.size(), 0.0 );
  for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
  {
    for ( std::uint32_t row : mColumns[column] )
      gain[column] += mWeight[row];
  }
  std::vector<char> covered( mRows.size(), 0 );
  std::vector<std::uint32_t> chosen;
  while ( chosen.size() < mK )
  {
    const std::uint32_t pick = static_cast<std::uint32_t>( std::max_element( gain.begin(), gain.end() ) - gain.begin() );
    if ( !( gain[pick] > 0.0 ) )
      break;
    chosen.push_back( pick );
    gain[pick] = -1.0;
    for ( std::uint32_t row : mColumns[pick] )
    {
      if ( covered[row] )
        continue;
      covered[row] = 1;
      for ( std::uint32_t column : mRows[row] )
        gain[column] -= mWeight[row];
    }
  }
  return chosen;
}

void MaximalCoverSearch::swapDescent( std::vector<std::uint32_t> &columns )
{
  // Best improving swap per pass. For a column c coming in: gain(c) - loss(o) + shared(c, o),
  // where loss(o) is the weight only o covers and shared(c, o) the part of it c covers too;
  // shared is gathered from c's rows covered once, so a pass costs the nonzeros plus k per column.
  const double tolerance = 1e-9 * std::max( 1.0, mTotalWeight );
  std::vector<int> count( mRows.size(), 0 );
  std::vector<std::uint32_t> sole( mRows.size(), 0 );  // xor of the open columns over the row: the one when count is 1
  std::vector<double> gain( mColumns.size() ), loss( mColumns.size() ), shared( mColumns.size(), 0.0 );
  std::vector<char> isOpen( mColumns.size(), 0 );
  for ( ;; )
  {
    if ( shouldStop() )
      return;
    std::fill( count.begin(), count.end(), 0 );
    std::fill( sole.begin(), sole.end(), 0 );
    std::fill( gain.begin(), gain.end(), 0.0 );
    std::fill( loss.begin(), loss.end(), 0.0 );
    std::fill( isOpen.begin(), isOpen.end(), 0 );
    for ( std::uint32_t column : columns )
    {
      isOpen[column] = 1;
      for ( std::uint32_t row : mColumns[column] )
      {
        ++count[row];
        sole[row] ^= column;
      }
    }
    for ( std::uint32_t row = 0; row < mRows.size(); ++row )
    {
      if ( count[row] == 0 )
      {
        for ( std::uint32_t column : mRows[row] )
          gain[column] += mWeight[row];
      }
      else if ( count[row] == 1 )
        loss[sole[row]] += mWeight[row];
    }
    double bestDelta = tolerance;
    std::uint32_t bestIn = UINT32_MAX;
    std::size_t bestSlot = 0;
    const bool fill = columns.size() < mK;
    for ( std::uint32_t in = 0; in < mColumns.size(); ++in )
    {
      if ( isOpen[in] || gain[in] <= bestDelta )
        continue;  // a swap never gains more than gain(in)
      if ( fill )
      {
        bestDelta = gain[in];
        bestIn = in;
        continue;
      }
      for ( std::uint32_t row : mColumns[in] )
      {
        if ( count[row] == 1 )
          shared[sole[row]] += mWeight[row];
      }
      for ( std::size_t slot = 0; slot < columns.size(); ++slot )
      {
        const double delta = gain[in] - loss[columns[slot]] + shared[columns[slot]];
        if ( delta > bestDelta )
        {
          bestDelta = delta;
          bestIn = in;
          bestSlot = slot;
        }
      }
      for ( std::uint32_t row : mColumns[in] )
      {
        if ( count[row] == 1 )
          shared[sole[row]] = 0.0;
      }
    }
    if ( bestIn == UINT32_MAX )
      return;
    if ( fill )
      columns.push_back( bestIn );
    else
      columns[bestSlot] = bestIn;
  }
}

double MaximalCoverSearch::relax( const std::vector<double> &multiplier, std::vector<std::uint32_t> &chosen, std::vector<double> &columnSum )
{
  // Relaxing "row covered <= open columns over it" with 0 <= u <= w: every uncovered row
  // contributes max( 0, w - u ), every column the sum of u over its uncovered rows, and the
  // best columns are the ones with the largest sums.
  double bound = mFixedWeight;
  for ( std::uint32_t row = 0; row < mRows.size(); ++row )
  {
    if ( mCoveredBy[row] == 0 )
      bound += mWeight[row] - multiplier[row];
  }
  chosen.clear();
  for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
  {
    if ( mState[column] != 0 )
      continue;
    double sum = 0.0;
    for ( std::uint32_t row : mColumns[column] )
      sum += mCoveredBy[row] == 0 ? multiplier[row] : 0.0;
    columnSum[column] = sum;
    chosen.push_back( column );
  }
  const std::size_t need = std::min<std::size_t>( mK - mOpenCount, chosen.size() );
  auto better = [&]( std::uint32_t a, std::uint32_t b ) { return columnSum[a] > columnSum[b] || ( columnSum[a] == columnSum[b] && a < b ); };
  std::nth_element( chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>( need ), chosen.end(), better );
  chosen.resize( need );
  std::sort( chosen.begin(), chosen.end(), better );
  for ( std::uint32_t column : chosen )
    bound += columnSum[column];
  return bound;
}

bool MaximalCoverSearch::cannotImprove( double bound ) const
{
  // No solution covers more than every row; with integral weights only a whole unit more
  // is an improvement.
  const double tolerance = 1e-9 * std::max( 1.0, mTotalWeight );
  if ( mBestValue >= mTarget - tolerance )
    return true;
  bound = std::min( bound, mTotalWeight );
  const bool finiteTarget = mTarget != HUGE_VAL;
  if ( mIntegral )
  {
    const double whole = std::floor( bound + 1e-6 );
    return whole <= mBestValue + 0.5 || ( finiteTarget && whole < mTarget - 0.5 );
  }
  return bound <= mBestValue + tolerance || ( finiteTarget && bound < mTarget - tolerance );
}

double MaximalCoverSearch::optimizeMultipliers( bool root )
{
  std::vector<std::uint32_t> chosen;
  std::vector<double> columnSum( mColumns.size(), 0.0 );
  std::vector<int> subgradient( mRows.size(), 0 );
  std::vector<double> best = mMultiplier;
  std::vector<std::uint32_t> solution;
  std::vector<std::uint32_t> polished;  // the last relaxed choice polished: repeats are skipped
  double bestBound = HUGE_VAL;
  double scale = 1.0;
  int sinceImprovement = 0;
  const int iterations = root ? kRootIterations : kNodeIterations;
  const int patience = root ? kRootPatience : kNodePatience;
  for ( int iteration = 0; iteration < iterations && scale > 1e-3; ++iteration )
  {
    if ( ( iteration & 15 ) == 15 && shouldStop() )
      break;
    const double bound = relax( mMultiplier, chosen, columnSum );
    if ( bound < bestBound - 1e-9 * std::max( 1.0, mTotalWeight ) )
    {
      bestBound = bound;
      best = mMultiplier;
      sinceImprovement = 0;
    }
    else if ( ++sinceImprovement >= patience )
    {
      scale *= 0.5;
      sinceImprovement = 0;
    }
    // The relaxed columns with the forced ones are a solution too.
    solution = chosen;
    for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
    {
      if ( mState[column] == 1 )
        solution.push_back( column );
    }
    const double value = coverValue( solution );
    if ( value > mBestValue || ( root && iteration < kRootPolishedSolutions && chosen != polished ) )
    {
      polished = chosen;
      swapDescent( solution );
      offer( solution, coverValue( solution ) );
    }
    if ( cannotImprove( bestBound ) )
      break;
    std::fill( subgradient.begin(), subgradient.end(), 0 );
    for ( std::uint32_t column : chosen )
    {
      for ( std::uint32_t row : mColumns[column] )
        ++subgradient[row];
    }
    double norm = 0.0;
    for ( std::uint32_t row = 0; row < mRows.size(); ++row )
    {
      if ( mCoveredBy[row] != 0 )
        continue;
      subgradient[row] -= mWeight[row] > mMultiplier[row] ? 1 : 0;
      norm += static_cast<double>( subgradient[row] ) * subgradient[row];
    }
    if ( norm == 0.0 )
      break;  // the relaxed solution is feasible and complementary: the bound is exact here
    const double step = scale * std::max( bound - mBestValue, 1e-3 * std::max( 1.0, bound ) ) / norm;
    for ( std::uint32_t row = 0; row < mRows.size(); ++row )
    {
      if ( mCoveredBy[row] == 0 )
        mMultiplier[row] = std::clamp( mMultiplier[row] - step * subgradient[row], 0.0, mWeight[row] );
    }
  }
  mMultiplier = best;
  return bestBound;
}

void MaximalCoverSearch::setState( std::uint32_t column, char state )
{
  const int delta = state == 1 ? 1 : mState[column] == 1 ? -1 : 0;
  mState[column] = state;
  if ( delta == 0 )
    return;
  mOpenCount += delta;
  for ( std::uint32_t row : mColumns[column] )
  {
    if ( ( delta > 0 && mCoveredBy[row]++ == 0 ) || ( delta < 0 && --mCoveredBy[row] == 0 ) )
      mFixedWeight += delta * mWeight[row];
  }
}

void MaximalCoverSearch::fixByReducedCost( double bound, std::vector<std::uint32_t> &fixedHere )
{
  // Forcing a column into (out of) the relaxed choice costs the gap to the last chosen
  // (first unchosen) column sum; when even then the bound cannot beat the incumbent, the
  // column is closed (opened) in every better solution of this subtree.
  std::vector<std::uint32_t> chosen;
  std::vector<double> columnSum( mColumns.size(), 0.0 );
  relax( mMultiplier, chosen, columnSum );
  if ( chosen.empty() )
    return;
  std::vector<char> inChosen( mColumns.size(), 0 );
  for ( std::uint32_t column : chosen )
    inChosen[column] = 1;
  const double last = columnSum[chosen.back()];
  double firstOut = 0.0;
  for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
  {
    if ( mState[column] == 0 && !inChosen[column] )
      firstOut = std::max( firstOut, columnSum[column] );
  }
  std::vector<std::pair<std::uint32_t, char>> decisions;
  for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
  {
    if ( mState[column] != 0 )
      continue;
    if ( !inChosen[column] && cannotImprove( bound - last + columnSum[column] ) )
      decisions.emplace_back( column, 2 );
    else if ( inChosen[column] && cannotImprove( bound - columnSum[column] + firstOut ) )
      decisions.emplace_back( column, 1 );
  }
  for ( const auto &decision : decisions )
  {
    setState( decision.first, decision.second );
    fixedHere.push_back( decision.first );
  }
}

bool MaximalCoverSearch::shouldStop()
{
  if ( !mStopped && ( mProgress->isCanceled() || Clock::now() > mDeadline ) )
    mStopped = true;
  return mStopped;
}

void MaximalCoverSearch::branch()
{
  if ( shouldStop() || cannotImprove( mTotalWeight ) )
    return;
  const bool root = mNodes++ == 0;
  std::vector<std::uint32_t> fixedHere;
  std::vector<std::uint32_t> open;
  auto undo = [&]() {
    for ( auto it = fixedHere.rbegin(); it != fixedHere.rend(); ++it )
      setState( *it, 0 );
  };
  auto freeColumns = [&]() {
    open.clear();
    std::vector<std::uint32_t> free;
    for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
    {
      if ( mState[column] == 1 )
        open.push_back( column );
      else if ( mState[column] == 0 )
        free.push_back( column );
    }
    return free;
  };

  // A node whose free columns fit in the remaining count is a leaf: open them all.
  std::vector<std::uint32_t> free = freeColumns();
  if ( free.size() <= mK - mOpenCount )
  {
    open.insert( open.end(), free.begin(), free.end() );
    offer( open, coverValue( open ) );
    return;
  }
  const double bound = optimizeMultipliers( root );
  if ( root )
    mRootBound = bound;
  if ( cannotImprove( bound ) || mStopped )
    return;
  fixByReducedCost( bound, fixedHere );
  free = freeColumns();
  if ( free.size() <= mK - mOpenCount )
  {
    open.insert( open.end(), free.begin(), free.end() );
    offer( open, coverValue( open ) );
    undo();
    return;
  }

  // Branch on the free column the relaxation values most: open it first, then close it.
  std::vector<std::uint32_t> chosen;
  std::vector<double> columnSum( mColumns.size(), 0.0 );
  relax( mMultiplier, chosen, columnSum );
  const std::uint32_t column = chosen.empty() ? free.front() : chosen.front();
  const std::vector<double> multiplier = mMultiplier;
  setState( column, 1 );
  branch();
  setState( column, 0 );
  if ( !mStopped && !cannotImprove( bound ) )
  {
    mMultiplier = multiplier;
    setState( column, 2 );
    branch();
    setState( column, 0 );
  }
  undo();
}

void MaximalCoverSearch::resetState()
{
  mStamp.assign( mRows.size(), 0 );
  mStampValue = 0;
  mState.assign( mColumns.size(), 0 );
  mCoveredBy.assign( mRows.size(), 0 );
  mOpenCount = 0;
  mFixedWeight = 0.0;
  mBest.clear();
  mBestValue = 0.0;
}

MaximalCoverResult MaximalCoverSearch::solve( std::uint32_t k, ProgressSink &progress, Clock::time_point deadline, double target )
{
  mTarget = target;
  mProgress = &progress;
  mDeadline = deadline;
  mK = k;
  mStopped = false;
  mNodes = 0;
  resetState();

  MaximalCoverResult result;
  if ( k > 0 && mColumns.size() <= k )
  {
    mBest.resize( mColumns.size() );
    for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
      mBest[column] = column;
    mBestValue = mTotalWeight;
  }
  else if ( k > 0 )
  {
    std::vector<std::uint32_t> start = greedy();
    swapDescent( start );
    offer( start, coverValue( start ) );
    if ( !mReduced && !cannotImprove( mTotalWeight ) )
    {
      // Something left to prove: the search works on the reduced rows and columns.
      reduce();
      resetState();
      start = greedy();
      swapDescent( start );
      offer( start, coverValue( start ) );
    }
    // Half the weight: a neutral start between "every row pays" and "no row pays".
    mMultiplier.assign( mRows.size(), 0.0 );
    for ( std::uint32_t row = 0; row < mRows.size(); ++row )
      mMultiplier[row] = 0.5 * mWeight[row];
    mRootBound = mTotalWeight;
    branch();
  }
  for ( std::uint32_t column : mBest )
    result.columns.push_back( mOriginal[column] );
  std::sort( result.columns.begin(), result.columns.end() );
  result.coveredWeight = mBestValue;
  result.stopped = mStopped;
  result.proven = !mStopped && mTarget == HUGE_VAL;
  result.weightBound = mStopped || mTarget != HUGE_VAL ? std::max( mBestValue, std::min( mRootBound, mTotalWeight ) ) : mBestValue;
  if ( mIntegral && mStopped )
    result.weightBound = std::max( mBestValue, std::floor( result.weightBound + 1e-6 ) );
  progress.setProgress( 1.0 );
  return result;
}

} // namespace gf
