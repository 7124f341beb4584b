#include "engine/solvers/set_cover_search.h"

#include <algorithm>
#include <cmath>

namespace gf {

SetCoverSearch::SetCoverSearch( const std::vector<std::vector<std::uint32_t>> &rows, std::uint32_t columnCount )
  : mInputRows( rows )
  , mInputColumns( columnCount )
  , mMark( columnCount, 0 )
{
  for ( std::uint32_t row = 0; row < mInputRows.size(); ++row )
  {
    std::vector<std::uint32_t> &columns = mInputRows[row];
    std::sort( columns.begin(), columns.end() );
    columns.erase( std::unique( columns.begin(), columns.end() ), columns.end() );
    for ( std::uint32_t column : columns )
      mInputColumns[column].push_back( row );
  }
}

void SetCoverSearch::compact()
{
  // After the reductions only open rows and remaining columns matter: drop the others from
  // the lists so every node walks less. The fixed columns keep their (covered) rows out too.
  for ( std::vector<std::uint32_t> &rows : mColumns )
  {
    rows.erase( std::remove_if( rows.begin(), rows.end(), [&]( std::uint32_t row ) { return !mActiveRow[row] || mCoverCount[row] > 0; } ),
                rows.end() );
  }
  for ( std::uint32_t row = 0; row < mRows.size(); ++row )
  {
    std::vector<std::uint32_t> &columns = mRows[row];
    columns.erase( std::remove_if( columns.begin(), columns.end(), [&]( std::uint32_t column ) { return mExcluded[column] != 0; } ),
                   columns.end() );
  }
}

void SetCoverSearch::take( std::uint32_t column, int delta )
{
  for ( std::uint32_t row : mColumns[column] )
    mCoverCount[row] += delta;
}

void SetCoverSearch::exclude( std::uint32_t column, int delta )
{
  mExcluded[column] += delta;
  if ( ( delta > 0 && mExcluded[column] == 1 ) || ( delta < 0 && mExcluded[column] == 0 ) )
  {
    for ( std::uint32_t row : mColumns[column] )
      mLeft[row] -= delta;
  }
}

bool SetCoverSearch::rowDominated( std::uint32_t row, std::uint32_t other ) const
{
  // Every remaining column of `other` covers `row` too: covering `other` covers `row`.
  const std::vector<std::uint32_t> &mine = mRows[row];
  for ( std::uint32_t column : mRows[other] )
  {
    if ( !mExcluded[column] && !std::binary_search( mine.begin(), mine.end(), column ) )
      return false;
  }
  return true;
}

bool SetCoverSearch::columnDominated( std::uint32_t column, std::uint32_t other ) const
{
  // Every uncovered row of `column` is also a row of `other`: `other` can replace it.
  const std::vector<std::uint32_t> &theirs = mColumns[other];
  for ( std::uint32_t row : mColumns[column] )
  {
    if ( mActiveRow[row] && mCoverCount[row] == 0 && !std::binary_search( theirs.begin(), theirs.end(), row ) )
      return false;
  }
  return true;
}

void SetCoverSearch::reduce()
{
  auto open = [&]( std::uint32_t row ) { return mActiveRow[row] && mCoverCount[row] == 0; };
  std::vector<std::uint32_t> seen( mRows.size(), UINT32_MAX );
  std::vector<std::size_t> openRows( mColumns.size(), 0 );
  for ( bool changed = true; changed; )
  {
    changed = false;
    for ( std::uint32_t row = 0; row < mRows.size(); ++row )
    {
      if ( !open( row ) )
        continue;
      for ( std::uint32_t column : mRows[row] )
      {
        for ( std::uint32_t other : mColumns[column] )
        {
          if ( seen[other] == row )
            continue;
          seen[other] = row;
          // Equal sets: the lower index stays.
          if ( other != row && open( other ) && mLeft[other] <= mLeft[row] && ( mLeft[other] < mLeft[row] || other < row )
               && rowDominated( row, other ) )
          {
            mActiveRow[row] = 0;
            changed = true;
            break;
          }
        }
        if ( !mActiveRow[row] )
          break;
      }
    }
    for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
    {
      openRows[column] = 0;
      for ( std::uint32_t row : mColumns[column] )
        openRows[column] += open( row ) ? 1 : 0;
    }
    for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
    {
      if ( mExcluded[column] )
        continue;
      const auto first = std::find_if( mColumns[column].begin(), mColumns[column].end(), open );
      bool dominated = first == mColumns[column].end();
      for ( std::size_t i = 0; !dominated && i < mRows[*first].size(); ++i )
      {
        const std::uint32_t other = mRows[*first][i];
        // Equal row sets: the lower index stays.
        dominated = other != column && !mExcluded[other] && ( openRows[other] > openRows[column] || ( openRows[other] == openRows[column] && other < column ) )
                    && columnDominated( column, other );
      }
      if ( dominated )
      {
        exclude( column, 1 );
        changed = true;
      }
    }
  }
}

std::uint32_t SetCoverSearch::packingBound()
{
  std::uint32_t count = 0;
  std::vector<std::uint32_t> marked;
  for ( std::uint32_t row : mRowOrder )
  {
    if ( mCoverCount[row] > 0 )
      continue;
    const std::vector<std::uint32_t> &columns = mRows[row];
    if ( std::any_of( columns.begin(), columns.end(), [&]( std::uint32_t c ) { return !mExcluded[c] && mMark[c]; } ) )
      continue;
    ++count;
    for ( std::uint32_t column : columns )
    {
      if ( !mExcluded[column] )
      {
        mMark[column] = 1;
        marked.push_back( column );
      }
    }
  }
  for ( std::uint32_t column : marked )
    mMark[column] = 0;
  return count;
}

double SetCoverSearch::lagrangianBound( std::vector<char> *relaxed ) const
{
  // Relaxing "every uncovered row covered" with u >= 0: sum u_r plus, per remaining column,
  // min( 0, 1 - sum of u over its uncovered rows ); excluded columns stay closed.
  double bound = 0.0;
  for ( std::uint32_t row : mRowOrder )
    bound += mCoverCount[row] == 0 ? mMultiplier[row] : 0.0;
  for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
  {
    if ( mExcluded[column] )
      continue;
    double reduced = 1.0;
    for ( std::uint32_t row : mColumns[column] )
      reduced -= mActiveRow[row] && mCoverCount[row] == 0 ? mMultiplier[row] : 0.0;
    if ( reduced < 0.0 )
      bound += reduced;
    if ( relaxed )
      ( *relaxed )[column] = reduced < 0.0 ? 1 : 0;
  }
  return bound;
}

void SetCoverSearch::adoptCover( std::vector<char> &use )
{
  // Complete the relaxed solution: each uncovered row takes its column of least reduced
  // cost; then drop redundant columns, those of highest reduced cost first.
  std::vector<double> reduced( mColumns.size(), 1.0 );
  std::vector<int> count( mRows.size(), 0 );
  for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
  {
    for ( std::uint32_t row : mColumns[column] )
    {
      reduced[column] -= mActiveRow[row] && mCoverCount[row] == 0 ? mMultiplier[row] : 0.0;
      count[row] += use[column];
    }
  }
  std::vector<std::uint32_t> picked;
  for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
  {
    if ( use[column] )
      picked.push_back( column );
  }
  for ( std::uint32_t row : mRowOrder )
  {
    if ( mCoverCount[row] > 0 || count[row] > 0 )
      continue;
    std::uint32_t best = UINT32_MAX;
    for ( std::uint32_t column : mRows[row] )
    {
      if ( !mExcluded[column] && ( best == UINT32_MAX || reduced[column] < reduced[best] ) )
        best = column;
    }
    use[best] = 1;
    picked.push_back( best );
    for ( std::uint32_t covered : mColumns[best] )
      ++count[covered];
  }
  std::stable_sort( picked.begin(), picked.end(), [&]( std::uint32_t a, std::uint32_t b ) { return reduced[a] > reduced[b]; } );
  std::vector<std::uint32_t> kept;
  for ( std::uint32_t column : picked )
  {
    const std::vector<std::uint32_t> &rows = mColumns[column];
    const bool redundant = std::all_of( rows.begin(), rows.end(), [&]( std::uint32_t row ) {
      return !mActiveRow[row] || mCoverCount[row] > 0 || count[row] > 1;
    } );
    if ( redundant )
    {
      for ( std::uint32_t row : rows )
        --count[row];
    }
    else
    {
      kept.push_back( column );
    }
  }
  if ( mChosen.size() + kept.size() < mBestCount )
  {
    mBest = mChosen;
    mBest.insert( mBest.end(), kept.begin(), kept.end() );
    mBestCount = static_cast<std::uint32_t>( mBest.size() );
    mFoundAny = true;
  }
}

void SetCoverSearch::optimizeMultipliers()
{
  mMultiplier.assign( mRows.size(), 0.0 );
  for ( std::uint32_t row : mRowOrder )
    mMultiplier[row] = 1.0 / std::max( 1, mLeft[row] );
  std::vector<double> best = mMultiplier;
  double bestBound = -1.0;
  double scale = 2.0;
  int sinceImprovement = 0;
  std::vector<char> relaxed( mColumns.size(), 0 );
  std::vector<int> subgradient( mRows.size(), 0 );
  const double fixedCount = static_cast<double>( mChosen.size() );
  for ( int iteration = 0; iteration < 2000 && scale > 1e-4; ++iteration )
  {
    if ( ( iteration & 63 ) == 0 && ( mProgress->isCanceled() || Clock::now() > mDeadline ) )
      break;
    const double bound = lagrangianBound( &relaxed );
    if ( bound > bestBound + 1e-9 )
    {
      bestBound = bound;
      best = mMultiplier;
      sinceImprovement = 0;
    }
    else if ( ++sinceImprovement >= 30 )
    {
      scale *= 0.5;
      sinceImprovement = 0;
    }
    std::vector<char> use = relaxed;
    adoptCover( use );
    if ( mFoundAny && fixedCount + std::ceil( bestBound - 1e-6 ) >= mBestCount )
      break;  // the incumbent is proven
    double norm = 0.0;
    std::fill( subgradient.begin(), subgradient.end(), 1 );
    for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
    {
      if ( relaxed[column] )
      {
        for ( std::uint32_t row : mColumns[column] )
          --subgradient[row];
      }
    }
    for ( std::uint32_t row : mRowOrder )
      norm += static_cast<double>( subgradient[row] ) * subgradient[row];
    if ( norm == 0.0 )
      break;
    const double target = mFoundAny ? static_cast<double>( mBestCount ) - fixedCount : bound + 1.0;
    const double step = scale * std::max( 0.05, target - bound ) / norm;
    for ( std::uint32_t row : mRowOrder )
      mMultiplier[row] = std::max( 0.0, mMultiplier[row] + step * subgradient[row] );
  }
  mMultiplier = best;
}

std::vector<std::uint32_t> SetCoverSearch::greedyCover()
{
  // Most uncovered rows first (ties: lowest index), then drop columns the others make redundant.
  std::vector<std::uint32_t> picked;
  for ( ;; )
  {
    std::uint32_t best = UINT32_MAX;
    std::size_t bestGain = 0;
    for ( std::uint32_t column = 0; column < mColumns.size(); ++column )
    {
      if ( mExcluded[column] )
        continue;
      std::size_t gain = 0;
      for ( std::uint32_t row : mColumns[column] )
        gain += mActiveRow[row] && mCoverCount[row] == 0 ? 1 : 0;
      if ( gain > bestGain )
      {
        bestGain = gain;
        best = column;
      }
    }
    if ( best == UINT32_MAX )
      break;
    take( best, 1 );
    picked.push_back( best );
  }
  for ( std::size_t i = picked.size(); i-- > 0; )
  {
    const std::uint32_t column = picked[i];
    const std::vector<std::uint32_t> &rows = mColumns[column];
    if ( std::all_of( rows.begin(), rows.end(), [&]( std::uint32_t row ) { return !mActiveRow[row] || mCoverCount[row] > 1; } ) )
    {
      take( column, -1 );
      picked.erase( picked.begin() + static_cast<std::ptrdiff_t>( i ) );
    }
  }
  for ( std::uint32_t column : picked )
    take( column, -1 );
  return picked;
}

void SetCoverSearch::branch( std::uint32_t picked )
{
  if ( ( ++mNodes & 255 ) == 0 && ( mProgress->isCanceled() || Clock::now() > mDeadline ) )
    mStopped = true;
  if ( mStopped || ( mFirstCover && mFoundAny ) )
    return;
  std::uint32_t branchRow = UINT32_MAX;
  for ( std::uint32_t row : mRowOrder )
  {
    if ( mCoverCount[row] == 0 && ( branchRow == UINT32_MAX || mLeft[row] < mLeft[branchRow] ) )
      branchRow = row;
  }
  if ( branchRow == UINT32_MAX )
  {
    if ( picked < mBestCount )
    {
      mBest = mChosen;
      mBestCount = picked;
      mFoundAny = true;
    }
    return;
  }
  if ( mLeft[branchRow] == 0 || picked + 1 >= mBestCount || picked + packingBound() >= mBestCount
       || picked + std::ceil( lagrangianBound( nullptr ) - 1e-6 ) >= mBestCount )
    return;

  // Least reduced cost first: the columns the relaxation likes lead to good covers early.
  std::vector<std::pair<double, std::uint32_t>> order;
  for ( std::uint32_t column : mRows[branchRow] )
  {
    if ( mExcluded[column] )
      continue;
    double reduced = 1.0;
    for ( std::uint32_t row : mColumns[column] )
      reduced -= mActiveRow[row] && mCoverCount[row] == 0 ? mMultiplier[row] : 0.0;
    order.emplace_back( reduced, column );
  }
  std::stable_sort( order.begin(), order.end(), []( const auto &a, const auto &b ) { return a.first < b.first; } );
  std::vector<std::uint32_t> excluded;
  for ( const auto &entry : order )
  {
    const std::uint32_t column = entry.second;
    take( column, 1 );
    mChosen.push_back( column );
    branch( picked + 1 );
    mChosen.pop_back();
    take( column, -1 );
    if ( mStopped || ( mFirstCover && mFoundAny ) || picked + 1 >= mBestCount )
      break;
    // The later branches leave this column out: each cover is searched once.
    exclude( column, 1 );
    excluded.push_back( column );
  }
  for ( std::uint32_t column : excluded )
    exclude( column, -1 );
}

SetCoverResult SetCoverSearch::solve( const std::vector<std::uint32_t> &fixed, std::uint32_t maxColumns, bool firstCover,
                                      ProgressSink &progress, Clock::time_point deadline )
{
  mProgress = &progress;
  mDeadline = deadline;
  mRows = mInputRows;
  mColumns = mInputColumns;
  mFirstCover = firstCover;
  mStopped = false;
  mFoundAny = false;
  mNodes = 0;
  mActiveRow.assign( mRows.size(), 1 );
  mCoverCount.assign( mRows.size(), 0 );
  mLeft.assign( mRows.size(), 0 );
  mExcluded.assign( mColumns.size(), 0 );
  for ( std::uint32_t row = 0; row < mRows.size(); ++row )
    mLeft[row] = static_cast<int>( mRows[row].size() );
  mChosen.clear();
  for ( std::uint32_t column : fixed )
  {
    if ( std::find( mChosen.begin(), mChosen.end(), column ) == mChosen.end() )
    {
      take( column, 1 );
      mChosen.push_back( column );
    }
  }
  const std::uint32_t fixedCount = static_cast<std::uint32_t>( mChosen.size() );
  mBestCount = maxColumns > 0 ? maxColumns + 1 : UINT32_MAX;

  SetCoverResult result;
  const bool coverable = std::all_of( mRows.begin(), mRows.end(), []( const auto &columns ) { return !columns.empty(); } );
  if ( coverable )
  {
    reduce();
    compact();
    mRowOrder.clear();
    for ( std::uint32_t row = 0; row < mRows.size(); ++row )
    {
      if ( mActiveRow[row] && mCoverCount[row] == 0 )
        mRowOrder.push_back( row );
    }
    std::stable_sort( mRowOrder.begin(), mRowOrder.end(), [&]( std::uint32_t a, std::uint32_t b ) { return mLeft[a] < mLeft[b]; } );
    const std::vector<std::uint32_t> greedy = greedyCover();
    if ( fixedCount + greedy.size() < mBestCount )
    {
      mBest = mChosen;
      mBest.insert( mBest.end(), greedy.begin(), greedy.end() );
      mBestCount = static_cast<std::uint32_t>( mBest.size() );
      mFoundAny = true;
    }
    mMultiplier.assign( mRows.size(), 0.0 );
    if ( !( mFirstCover && mFoundAny ) )
      optimizeMultipliers();
    result.lowerBound = fixedCount + std::max<std::uint32_t>( packingBound(),
                                                              static_cast<std::uint32_t>( std::ceil( std::max( 0.0, lagrangianBound( nullptr ) ) - 1e-6 ) ) );
    if ( !( mFirstCover && mFoundAny ) )
      branch( fixedCount );
  }
  result.found = mFoundAny;
  result.complete = !mStopped;
  if ( mFoundAny )
  {
    result.columns = mBest;
    std::sort( result.columns.begin(), result.columns.end() );
  }
  if ( !coverable )
    result.lowerBound = UINT32_MAX;
  else if ( result.complete && !mFoundAny )
    result.lowerBound = std::max( result.lowerBound, maxColumns + 1 );  // nothing within the limit
  else if ( result.complete && !firstCover )
    result.lowerBound = mBestCount;
  if ( mFoundAny )
    result.lowerBound = std::min( result.lowerBound, mBestCount );
  return result;
}

} // namespace gf
