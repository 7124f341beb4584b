#include "engine/solvers/pcenter_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/random_source.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;

//! Search nodes one exact check may visit inside the radius search before the radius is left
//! undecided; the last check, just below the best radius, runs until the time limit.
constexpr std::uint64_t kSearchNodeBudget = 200000;

//! First turns of the exact search (nodes) and of the local search (row and column entries
//! visited) on a radius; each later turn doubles them.
constexpr std::uint64_t kProbeNodes = 10000;
constexpr std::uint64_t kLocalSearchWork = 2000000;

//! Clients a failed core cover adds to the core per round: a few pairwise distant ones make
//! the next cover of the core useful without making its search much harder.
constexpr std::size_t kCoreGrowth = 8;

enum class Cover
{
  Feasible,
  Infeasible,
  Unknown,
};

//! Coverage at one radius. The rows are the clients that must be served and that no required
//! site covers; a row's candidates are the prefix of its ranking within the radius.
struct RadiusCover
{
  std::vector<std::uint32_t> rowClient;
  std::vector<const std::uint32_t *> rowFirst;   //!< the row's candidates, nearest first
  std::vector<std::uint32_t> rowSize;            //!< candidates within the radius
  std::vector<std::size_t> columnFirst;     //!< CSR per candidate: rows within the radius
  std::vector<std::uint32_t> columnRows;
};

//! Greedy packing: rows in \a order whose candidates share none with an earlier picked row.
//! Each needs its own center, so more of them than picks proves there is no cover.
template<typename CandidatesOf>
std::vector<std::uint32_t> packRows( const std::vector<std::uint32_t> &order, std::uint32_t candidateCount, CandidatesOf candidatesOf )
{
  std::vector<char> used( candidateCount, 0 );
  std::vector<std::uint32_t> packed;
  for ( std::uint32_t row : order )
  {
    const auto [first, last] = candidatesOf( row );
    if ( std::any_of( first, last, [&]( std::uint32_t c ) { return used[c] != 0; } ) )
      continue;
    packed.push_back( row );
    for ( auto it = first; it != last; ++it )
      used[*it] = 1;
  }
  return packed;
}

//! Exact "can k candidates cover the core rows" by depth-first search over bitsets of the core:
//! identical and dominated candidate columns are dropped, each node branches on the uncovered
//! row with the fewest columns left (its i-th column, the earlier ones excluded) and is pruned
//! when more uncovered rows pairwise share no column than there are picks left.
class CoreCoverSearch
{
  public:
    CoreCoverSearch( const RadiusCover &cover, const std::vector<std::uint32_t> &coreRows, std::uint32_t candidateCount )
      : mWords( ( coreRows.size() + 63 ) / 64 )
      , mRowColumns( coreRows.size() )
    {
      std::vector<std::uint32_t> local( candidateCount, kUnassigned );
      std::vector<std::uint32_t> candidates;
      std::vector<std::uint64_t> bits;
      for ( std::uint32_t s = 0; s < coreRows.size(); ++s )
      {
        const std::uint32_t row = coreRows[s];
        const std::uint32_t *first = cover.rowFirst[row];
        for ( const std::uint32_t *it = first; it != first + cover.rowSize[row]; ++it )
        {
          if ( local[*it] == kUnassigned )
          {
            local[*it] = static_cast<std::uint32_t>( candidates.size() );
            candidates.push_back( *it );
            bits.resize( bits.size() + mWords, 0 );
          }
          bits[local[*it] * mWords + s / 64] |= std::uint64_t( 1 ) << ( s % 64 );
        }
      }
      // Widest columns first (then the candidate covering most rows overall, as it makes the
      // best representative of its pattern for the full check), so a column can only be
      // dominated by one kept before it.
      std::vector<std::uint32_t> order( candidates.size() );
      std::vector<std::uint32_t> width( candidates.size() );
      for ( std::uint32_t c = 0; c < candidates.size(); ++c )
      {
        order[c] = c;
        width[c] = popcount( &bits[c * mWords] );
      }
      std::sort( order.begin(), order.end(), [&]( std::uint32_t a, std::uint32_t b ) {
        const std::size_t fullA = cover.columnFirst[candidates[a] + 1] - cover.columnFirst[candidates[a]];
        const std::size_t fullB = cover.columnFirst[candidates[b] + 1] - cover.columnFirst[candidates[b]];
        if ( width[a] != width[b] )
          return width[a] > width[b];
        return fullA != fullB ? fullA > fullB : candidates[a] < candidates[b];
      } );
      for ( std::uint32_t c : order )
      {
        const std::uint64_t *column = &bits[c * mWords];
        bool dominated = false;
        for ( std::uint32_t kept = 0; kept < mColumnCandidate.size() && !dominated; ++kept )
        {
          const std::uint64_t *other = &mColumnBits[kept * mWords];
          dominated = true;
          for ( std::size_t w = 0; w < mWords && dominated; ++w )
            dominated = ( column[w] & ~other[w] ) == 0;
        }
        if ( dominated )
          continue;
        const std::uint32_t index = static_cast<std::uint32_t>( mColumnCandidate.size() );
        mColumnCandidate.push_back( candidates[c] );
        mColumnBits.insert( mColumnBits.end(), column, column + mWords );
        for ( std::uint32_t s = 0; s < coreRows.size(); ++s )
        {
          if ( column[s / 64] >> ( s % 64 ) & 1u )
            mRowColumns[s].push_back( index );
        }
      }
      mAvailable.resize( coreRows.size() );
      for ( std::uint32_t s = 0; s < coreRows.size(); ++s )
        mAvailable[s] = static_cast<std::uint32_t>( mRowColumns[s].size() );
      mExcluded.assign( mColumnCandidate.size(), 0 );
      mStamp.assign( mColumnCandidate.size(), 0 );
    }

    //! 1 found (\a chosen: its candidates), 0 none exists, -1 stopped by the deadline or when
    //! \a nodeBudget, decreased by the nodes visited, runs out.
    int search( std::uint32_t picks, std::uint64_t &nodeBudget, Clock::time_point deadline, ProgressSink &progress,
                std::vector<std::uint32_t> &chosen )
    {
      mNodes = nodeBudget;
      mDeadline = deadline;
      mProgress = &progress;
      mStack.assign( static_cast<std::size_t>( picks + 1 ) * mWords, 0 );
      for ( std::size_t s = 0; s < mRowColumns.size(); ++s )
        mStack[s / 64] |= std::uint64_t( 1 ) << ( s % 64 );
      mChosen.clear();
      const int found = dfs( 0, picks );
      nodeBudget = mNodes;
      chosen.clear();
      for ( std::uint32_t column : mChosen )
        chosen.push_back( mColumnCandidate[column] );
      return found;
    }

  private:
    static std::uint32_t popcount( const std::uint64_t *bits, std::size_t words )
    {
      std::uint32_t count = 0;
      for ( std::size_t w = 0; w < words; ++w )
        count += static_cast<std::uint32_t>( __builtin_popcountll( bits[w] ) );
      return count;
    }
    std::uint32_t popcount( const std::uint64_t *bits ) const { return popcount( bits, mWords ); }

    template<typename Visit>
    void forEachBit( const std::uint64_t *bits, Visit visit ) const
    {
      for ( std::size_t w = 0; w < mWords; ++w )
      {
        for ( std::uint64_t word = bits[w]; word != 0; word &= word - 1 )
          visit( static_cast<std::uint32_t>( w * 64 + __builtin_ctzll( word ) ) );
      }
    }

    void exclude( std::uint32_t column, int delta )
    {
      mExcluded[column] = delta > 0;
      forEachBit( &mColumnBits[column * mWords], [&]( std::uint32_t s ) { mAvailable[s] -= delta; } );
    }

    int dfs( std::uint32_t depth, std::uint32_t picks )
    {
      const std::uint64_t *uncovered = &mStack[depth * mWords];
      if ( popcount( uncovered ) == 0 )
        return 1;
      if ( picks == 0 )
        return 0;
      if ( mNodes == 0 )
        return -1;
      if ( --mNodes % 1024 == 0 && ( Clock::now() > mDeadline || mProgress->isCanceled() ) )
      {
        mNodes = 0;
        return -1;
      }
      std::uint32_t branch = kUnassigned;
      std::uint32_t independent = 0;
      bool dead = false;
      ++mStampValue;
      forEachBit( uncovered, [&]( std::uint32_t s ) {
        if ( dead )
          return;
        if ( mAvailable[s] == 0 )
        {
          dead = true;
          return;
        }
        if ( branch == kUnassigned || mAvailable[s] < mAvailable[branch] )
          branch = s;
        const std::vector<std::uint32_t> &columns = mRowColumns[s];
        if ( std::none_of( columns.begin(), columns.end(), [&]( std::uint32_t c ) { return !mExcluded[c] && mStamp[c] == mStampValue; } ) )
        {
          ++independent;
          for ( std::uint32_t c : columns )
            mStamp[c] = mExcluded[c] ? mStamp[c] : mStampValue;
        }
      } );
      if ( dead || independent > picks )
        return 0;

      std::vector<std::pair<std::uint32_t, std::uint32_t>> options;   // (rows it covers, column)
      for ( std::uint32_t c : mRowColumns[branch] )
      {
        if ( mExcluded[c] )
          continue;
        std::uint32_t gain = 0;
        for ( std::size_t w = 0; w < mWords; ++w )
          gain += static_cast<std::uint32_t>( __builtin_popcountll( uncovered[w] & mColumnBits[c * mWords + w] ) );
        options.emplace_back( gain, c );
      }
      std::sort( options.begin(), options.end(), []( const auto &a, const auto &b ) { return a.first != b.first ? a.first > b.first : a.second < b.second; } );
      std::uint64_t *child = &mStack[( depth + 1 ) * mWords];
      int result = 0;
      std::size_t tried = 0;
      for ( ; tried < options.size(); ++tried )
      {
        const std::uint32_t c = options[tried].second;
        for ( std::size_t w = 0; w < mWords; ++w )
          child[w] = uncovered[w] & ~mColumnBits[c * mWords + w];
        mChosen.push_back( c );
        result = dfs( depth + 1, picks - 1 );
        if ( result != 0 )
          break;
        mChosen.pop_back();
        exclude( c, 1 );
      }
      for ( std::size_t i = 0; i < tried; ++i )
        exclude( options[i].second, -1 );
      return result;
    }

    std::size_t mWords = 0;
    std::vector<std::vector<std::uint32_t>> mRowColumns;   //!< per core row: kept columns covering it
    std::vector<std::uint64_t> mColumnBits;                //!< per kept column: its core rows
    std::vector<std::uint32_t> mColumnCandidate;
    std::vector<std::uint32_t> mAvailable;                 //!< per core row: columns not excluded
    std::vector<char> mExcluded;
    std::vector<std::uint32_t> mStamp;
    std::uint32_t mStampValue = 0;
    std::vector<std::uint64_t> mStack;                     //!< per depth: uncovered core rows
    std::vector<std::uint32_t> mChosen;
    std::uint64_t mNodes = 0;
    Clock::time_point mDeadline;
    ProgressSink *mProgress = nullptr;
};

//! Weighted swap local search for "picks candidates cover every row", after Pullan (2008): each
//! step opens the best candidate for a random uncovered row, closes the open candidate whose
//! rows lose the least, and raises the weight of the rows left uncovered, which walks the
//! search out of local optima. Incremental: per row the open count and the xor of its openers
//! (the opener itself when the count is 1), per candidate the uncovered weight it would cover
//! (gain) and the weight only it covers (loss).
class CoverLocalSearch
{
  public:
    CoverLocalSearch( const RadiusCover &cover, std::uint32_t candidateCount, const std::vector<std::uint32_t> &open )
      : mCover( cover )
      , mCount( cover.rowClient.size(), 0 )
      , mOpeners( cover.rowClient.size(), 0 )
      , mWeight( cover.rowClient.size(), 1 )
      , mPosition( cover.rowClient.size(), kUnassigned )
      , mGain( candidateCount, 0 )
      , mLoss( candidateCount, 0 )
      , mCanOpen( candidateCount, 1 )
    {
      for ( std::uint32_t row = 0; row < cover.rowClient.size(); ++row )
      {
        mPosition[row] = row;
        mUncovered.push_back( row );
        for ( const std::uint32_t *it = first( row ); it != last( row ); ++it )
          ++mGain[*it];
      }
      for ( std::uint32_t candidate : open )
        flip( candidate, true );
    }

    const std::vector<std::uint32_t> &open() const { return mOpen; }

    //! Swaps until every row is covered (true) or \a work row and column entries have been
    //! visited; a later call resumes where this one stopped.
    bool run( std::uint64_t work, RandomSource &random )
    {
      for ( const std::uint64_t stop = mWork + work; mWork < stop && !mUncovered.empty() && !mOpen.empty(); )
      {
        const std::uint32_t row = mUncovered[random.below( static_cast<std::uint32_t>( mUncovered.size() ) )];
        std::uint32_t in = kUnassigned;
        std::uint32_t out = kUnassigned;
        std::int64_t bestScore = 0;
        std::uint32_t ties = 0;
        for ( const std::uint32_t *it = first( row ); it != last( row ); ++it )
        {
          if ( !mCanOpen[*it] )
            continue;
          // Rows this candidate would share with their only opener cost that opener nothing.
          forEachShared( *it, -1 );
          mWork += mOpen.size();
          for ( std::uint32_t candidate : mOpen )
          {
            const std::int64_t score = mGain[*it] - mLoss[candidate];
            if ( in == kUnassigned || score > bestScore )
            {
              in = *it;
              out = candidate;
              bestScore = score;
              ties = 1;
            }
            else if ( score == bestScore && random.below( ++ties ) == 0 )
            {
              in = *it;
              out = candidate;
            }
          }
          forEachShared( *it, 1 );
        }
        if ( in == kUnassigned )
        {
          // Every candidate of the row is waiting for its neighbourhood to change: take the
          // one with the largest gain.
          in = *std::max_element( first( row ), last( row ), [&]( std::uint32_t a, std::uint32_t b ) { return mGain[a] < mGain[b]; } );
          out = *std::min_element( mOpen.begin(), mOpen.end(), [&]( std::uint32_t a, std::uint32_t b ) { return mLoss[a] < mLoss[b]; } );
        }
        flip( in, true );
        flip( out, false );
        for ( std::uint32_t uncovered : mUncovered )
        {
          ++mWeight[uncovered];
          mWork += mCover.rowSize[uncovered];
          for ( const std::uint32_t *it = first( uncovered ); it != last( uncovered ); ++it )
            ++mGain[*it];
        }
      }
      return mUncovered.empty();
    }

  private:
    const std::uint32_t *first( std::uint32_t row ) const { return mCover.rowFirst[row]; }
    const std::uint32_t *last( std::uint32_t row ) const { return first( row ) + mCover.rowSize[row]; }

    //! Adds \a sign times the weight of each row \a candidate covers to the loss of its only opener.
    void forEachShared( std::uint32_t candidate, int sign )
    {
      mWork += mCover.columnFirst[candidate + 1] - mCover.columnFirst[candidate];
      for ( std::size_t k = mCover.columnFirst[candidate]; k < mCover.columnFirst[candidate + 1]; ++k )
      {
        const std::uint32_t row = mCover.columnRows[k];
        if ( mCount[row] == 1 )
          mLoss[mOpeners[row]] += sign * mWeight[row];
      }
    }

    void flip( std::uint32_t candidate, bool opening )
    {
      if ( opening )
        mOpen.push_back( candidate );
      else
        mOpen.erase( std::find( mOpen.begin(), mOpen.end(), candidate ) );
      for ( std::size_t k = mCover.columnFirst[candidate]; k < mCover.columnFirst[candidate + 1]; ++k )
      {
        const std::uint32_t row = mCover.columnRows[k];
        const std::int64_t weight = mWeight[row];
        if ( opening )
        {
          if ( mCount[row] == 0 )
          {
            setUncovered( row, false );
            for ( const std::uint32_t *it = first( row ); it != last( row ); ++it )
              mGain[*it] -= weight;
            mLoss[candidate] += weight;
          }
          else if ( mCount[row] == 1 )
            mLoss[mOpeners[row]] -= weight;
          ++mCount[row];
        }
        else
        {
          --mCount[row];
          if ( mCount[row] == 0 )
          {
            setUncovered( row, true );
            for ( const std::uint32_t *it = first( row ); it != last( row ); ++it )
              mGain[*it] += weight;
            mLoss[candidate] -= weight;
          }
          else if ( mCount[row] == 1 )
            mLoss[mOpeners[row] ^ candidate] += weight;
        }
        mOpeners[row] ^= candidate;
        mWork += mCover.rowSize[row];
        for ( const std::uint32_t *it = first( row ); it != last( row ); ++it )
          mCanOpen[*it] = 1;
      }
      mCanOpen[candidate] = opening;
    }

    void setUncovered( std::uint32_t row, bool uncovered )
    {
      if ( uncovered )
      {
        mPosition[row] = static_cast<std::uint32_t>( mUncovered.size() );
        mUncovered.push_back( row );
        return;
      }
      const std::uint32_t moved = mUncovered.back();
      mUncovered[mPosition[row]] = moved;
      mPosition[moved] = mPosition[row];
      mUncovered.pop_back();
      mPosition[row] = kUnassigned;
    }

    const RadiusCover &mCover;
    std::vector<std::uint32_t> mCount;       //!< per row: open candidates covering it
    std::vector<std::uint32_t> mOpeners;     //!< per row: xor of those candidates
    std::vector<std::int64_t> mWeight;       //!< per row
    std::vector<std::uint32_t> mPosition;    //!< per row: index in mUncovered
    std::vector<std::uint32_t> mUncovered;
    std::vector<std::int64_t> mGain;
    std::vector<std::int64_t> mLoss;
    std::vector<std::uint32_t> mOpen;
    std::vector<char> mCanOpen;
    std::uint64_t mWork = 0;              //!< configuration checking: not closed since its rows last changed
};

class PCenterSearch
{
  public:
    PCenterSearch( const LocationProblem &problem, const PCenterOptions &options, ProgressSink &progress,
                   const LocationSiteRules &rules )
      : mProblem( problem )
      , mRules( rules )
      , mOptions( options )
      , mProgress( progress )
      , mCounts( problem.clientCount, 0 )
      , mDeadline( Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
      , mPicks( options.p - static_cast<std::uint32_t>( rules.required.size() ) )
      , mInCore( problem.clientCount, 0 )
      , mRandom( options.seed )
    {
      for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
      {
        for ( std::uint32_t candidate = 0; candidate < problem.candidateCount && !mCounts[client] && problem.weightOf( client ) > 0.0; ++candidate )
          mCounts[client] = rules.eligible[candidate] && isAllowedCost( problem.costAt( client, candidate ) );
      }
    }

    Result<LocationSolution> run();

  private:
    bool counts( std::uint32_t client ) const { return mCounts[client] != 0; }
    const std::uint32_t *rankBegin( std::uint32_t client ) const { return mRanked.data() + mRankFirst[client]; }
    const std::uint32_t *rankEnd( std::uint32_t client ) const { return mRanked.data() + mRankFirst[client + 1]; }
    double farthestFirst( std::vector<std::uint32_t> &open ) const;
    void rank( double maxCost );
    bool stopped() const { return mProgress.isCanceled() || Clock::now() > mDeadline; }
    RadiusCover coverAt( double radius ) const;
    bool greedyCover( const RadiusCover &cover, std::vector<std::uint32_t> &open ) const;
    Cover coreCover( const RadiusCover &cover, std::uint64_t &nodeBudget, std::vector<std::uint32_t> &open );
    Cover decide( double radius, std::uint64_t nodeBudget, std::vector<std::uint32_t> &open );
    LocationSolution buildSolution( std::vector<std::uint32_t> open, double lowerBound, bool canceled ) const;

    const LocationProblem &mProblem;
    const LocationSiteRules &mRules;
    const PCenterOptions &mOptions;
    ProgressSink &mProgress;
    std::vector<char> mCounts;                //!< per client: positive weight and some allowed candidate
    std::vector<std::size_t> mRankFirst;      //!< CSR per client: the candidates that matter, nearest first
    std::vector<std::uint32_t> mRanked;
    Clock::time_point mDeadline;
    std::uint32_t mPicks = 0;                 //!< centers to choose besides the required ones
    std::vector<std::uint32_t> mCore;         //!< clients whose cover decided earlier radii
    std::vector<char> mInCore;
    RandomSource mRandom;
};

RadiusCover PCenterSearch::coverAt( double radius ) const
{
  RadiusCover cover;
  cover.columnFirst.assign( mProblem.candidateCount + 1, 0 );
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    if ( !counts( client ) )
      continue;
    const std::uint32_t *first = rankBegin( client );
    const std::uint32_t *last = first;
    bool required = false;
    for ( ; last != rankEnd( client ) && mProblem.costAt( client, *last ) <= radius; ++last )
      required = required || mRules.fixedOpen[*last];
    if ( required )
      continue;
    cover.rowClient.push_back( client );
    cover.rowFirst.push_back( first );
    cover.rowSize.push_back( static_cast<std::uint32_t>( last - first ) );
    for ( const std::uint32_t *it = first; it != last; ++it )
      ++cover.columnFirst[*it + 1];
  }
  for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
    cover.columnFirst[candidate + 1] += cover.columnFirst[candidate];
  cover.columnRows.resize( cover.columnFirst.back() );
  std::vector<std::size_t> fill( cover.columnFirst.begin(), cover.columnFirst.end() - 1 );
  for ( std::uint32_t row = 0; row < cover.rowClient.size(); ++row )
  {
    const std::uint32_t *first = cover.rowFirst[row];
    for ( const std::uint32_t *it = first; it != first + cover.rowSize[row]; ++it )
      cover.columnRows[fill[*it]++] = row;
  }
  return cover;
}

//! Repeatedly opens the candidate covering the most uncovered rows; true when picks suffice.
bool PCenterSearch::greedyCover( const RadiusCover &cover, std::vector<std::uint32_t> &open ) const
{
  std::vector<std::uint32_t> gain( mProblem.candidateCount );
  for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
    gain[candidate] = static_cast<std::uint32_t>( cover.columnFirst[candidate + 1] - cover.columnFirst[candidate] );
  std::vector<char> covered( cover.rowClient.size(), 0 );
  std::size_t left = cover.rowClient.size();
  open.clear();
  while ( left > 0 && open.size() < mPicks )
  {
    const std::uint32_t best = static_cast<std::uint32_t>( std::max_element( gain.begin(), gain.end() ) - gain.begin() );
    open.push_back( best );
    for ( std::size_t k = cover.columnFirst[best]; k < cover.columnFirst[best + 1]; ++k )
    {
      const std::uint32_t row = cover.columnRows[k];
      if ( covered[row] )
        continue;
      covered[row] = 1;
      --left;
      const std::uint32_t *first = cover.rowFirst[row];
      for ( const std::uint32_t *it = first; it != first + cover.rowSize[row]; ++it )
        --gain[*it];
    }
  }
  return left == 0;
}

//! Covers the core with the exact search; a core cover that misses clients outside grows the
//! core by a packing of the missed ones and searches again. No core cover means no cover.
Cover PCenterSearch::coreCover( const RadiusCover &cover, std::uint64_t &nodeBudget, std::vector<std::uint32_t> &open )
{
  std::vector<std::uint32_t> rowOf( mProblem.clientCount, kUnassigned );
  for ( std::uint32_t row = 0; row < cover.rowClient.size(); ++row )
    rowOf[cover.rowClient[row]] = row;
  auto candidatesOf = [&]( std::uint32_t row ) {
    const std::uint32_t *first = cover.rowFirst[row];
    return std::make_pair( first, first + cover.rowSize[row] );
  };
  auto bySize = [&]( std::vector<std::uint32_t> &rows ) {
    std::stable_sort( rows.begin(), rows.end(), [&]( std::uint32_t a, std::uint32_t b ) { return cover.rowSize[a] < cover.rowSize[b]; } );
  };
  auto grow = [&]( std::vector<std::uint32_t> rows, std::size_t limit ) {
    bySize( rows );
    std::vector<std::uint32_t> packed = packRows( rows, mProblem.candidateCount, candidatesOf );
    packed.resize( std::min( packed.size(), limit ) );
    for ( std::uint32_t row : packed )
    {
      const std::uint32_t client = cover.rowClient[row];
      if ( !mInCore[client] )
      {
        mInCore[client] = 1;
        mCore.push_back( client );
      }
    }
  };
  std::vector<std::uint32_t> all( cover.rowClient.size() );
  for ( std::uint32_t row = 0; row < all.size(); ++row )
    all[row] = row;
  grow( all, mPicks + 1 );

  std::vector<char> isOpen( mProblem.candidateCount, 0 );
  for ( ;; )
  {
    std::vector<std::uint32_t> coreRows;
    for ( std::uint32_t client : mCore )
    {
      if ( rowOf[client] != kUnassigned )
        coreRows.push_back( rowOf[client] );
    }
    CoreCoverSearch search( cover, coreRows, mProblem.candidateCount );
    const int found = search.search( mPicks, nodeBudget, mDeadline, mProgress, open );
    if ( found <= 0 )
      return found == 0 ? Cover::Infeasible : Cover::Unknown;
    for ( std::uint32_t candidate : open )
      isOpen[candidate] = 1;
    std::vector<std::uint32_t> missed;
    for ( std::uint32_t row = 0; row < cover.rowClient.size(); ++row )
    {
      const auto [first, last] = candidatesOf( row );
      if ( std::none_of( first, last, [&]( std::uint32_t c ) { return isOpen[c] != 0; } ) )
        missed.push_back( row );
    }
    for ( std::uint32_t candidate : open )
      isOpen[candidate] = 0;
    if ( missed.empty() )
      return Cover::Feasible;
    grow( missed, kCoreGrowth );
  }
}

Cover PCenterSearch::decide( double radius, std::uint64_t nodeBudget, std::vector<std::uint32_t> &open )
{
  const RadiusCover cover = coverAt( radius );
  if ( std::find( cover.rowSize.begin(), cover.rowSize.end(), 0u ) != cover.rowSize.end() )
    return Cover::Infeasible;
  // The exact search proves most infeasible radii in a few nodes and the local search finds
  // most covers, but either can take long where the other is quick: they take turns on
  // doubling budgets, so a radius costs at most a few times what the better one needs.
  Cover result = Cover::Feasible;
  if ( !greedyCover( cover, open ) )
  {
    const std::vector<std::uint32_t> greedy = open;
    std::optional<CoverLocalSearch> local;   // built on first use: most radii never need it
    result = Cover::Unknown;
    for ( std::uint64_t nodes = kProbeNodes, work = kLocalSearchWork; result == Cover::Unknown && nodeBudget > 0 && !stopped(); nodes *= 2, work *= 2 )
    {
      std::uint64_t turn = std::min( nodes, nodeBudget );
      nodeBudget -= turn;
      result = coreCover( cover, turn, open );
      if ( result != Cover::Unknown )
        break;
      if ( !local )
        local.emplace( cover, mProblem.candidateCount, greedy );
      if ( local->run( work, mRandom ) )
      {
        open = local->open();
        result = Cover::Feasible;
      }
    }
  }
  if ( result == Cover::Feasible )
    open.insert( open.end(), mRules.required.begin(), mRules.required.end() );
  return result;
}

//! Farthest-first (Gonzalez): opens the nearest closed candidate of the client farthest from
//! \a open until p are open. Returns the radius reached, infinite when some client stays unserved.
double PCenterSearch::farthestFirst( std::vector<std::uint32_t> &open ) const
{
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<double> nearest( mProblem.clientCount, kInfinity );
  std::vector<char> isOpen( mProblem.candidateCount, 0 );
  auto add = [&]( std::uint32_t candidate ) {
    isOpen[candidate] = 1;
    for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
    {
      const double cost = mProblem.costAt( client, candidate );
      if ( isAllowedCost( cost ) )
        nearest[client] = std::min( nearest[client], cost );
    }
  };
  for ( std::uint32_t candidate : open )
    add( candidate );
  double radius = 0.0;
  for ( ;; )
  {
    std::uint32_t farthest = kUnassigned;
    radius = 0.0;
    for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
    {
      if ( counts( client ) && ( farthest == kUnassigned || nearest[client] > radius ) )
      {
        farthest = client;
        radius = nearest[client];
      }
    }
    if ( open.size() >= mOptions.p || farthest == kUnassigned || radius == 0.0 )
      return radius;
    std::uint32_t next = kUnassigned;
    for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
    {
      const double cost = mProblem.costAt( farthest, candidate );
      if ( mRules.eligible[candidate] && !isOpen[candidate] && isAllowedCost( cost ) && ( next == kUnassigned || cost < mProblem.costAt( farthest, next ) ) )
        next = candidate;
    }
    if ( next == kUnassigned )
      return kInfinity;
    open.push_back( next );
    add( next );
  }
}

void PCenterSearch::rank( double maxCost )
{
  mRankFirst.assign( 1, 0 );
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    const std::size_t begin = mRanked.size();
    for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount && counts( client ); ++candidate )
    {
      const double cost = mProblem.costAt( client, candidate );
      if ( mRules.eligible[candidate] && isAllowedCost( cost ) && cost <= maxCost )
        mRanked.push_back( candidate );
    }
    std::sort( mRanked.begin() + begin, mRanked.end(), [&]( std::uint32_t a, std::uint32_t b ) {
      const double ca = mProblem.costAt( client, a );
      const double cb = mProblem.costAt( client, b );
      return ca < cb || ( ca == cb && a < b );
    } );
    mRankFirst.push_back( mRanked.size() );
  }
}

Result<LocationSolution> PCenterSearch::run()
{
  // The farthest-first centers give a feasible radius when they serve every client: no better
  // radius needs a candidate beyond it, so only the nearer ones are ranked and tried.
  std::vector<std::uint32_t> best = mRules.required;
  const double upper = farthestFirst( best );
  rank( upper );
  // No radius below the farthest nearest-candidate cost can cover everything.
  double floorRadius = 0.0;
  std::vector<double> radii;
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    if ( !counts( client ) )
      continue;
    floorRadius = std::max( floorRadius, mProblem.costAt( client, *rankBegin( client ) ) );
    for ( const std::uint32_t *it = rankBegin( client ); it != rankEnd( client ); ++it )
      radii.push_back( mProblem.costAt( client, *it ) );
  }
  radii.erase( std::remove_if( radii.begin(), radii.end(), [&]( double r ) { return r < floorRadius; } ), radii.end() );
  std::sort( radii.begin(), radii.end() );
  radii.erase( std::unique( radii.begin(), radii.end() ), radii.end() );
  if ( radii.empty() )
    radii.push_back( 0.0 );  // nothing to serve: any p candidates do

  // Invariant: radii[hi] is feasible and every index below provenLo is proven infeasible. At
  // the largest radius a cover may still need more than p candidates when the allowed
  // pairs are sparse: then p centers cannot serve every client and the input is infeasible.
  std::vector<std::uint32_t> open;
  std::size_t hi = radii.size() - 1;
  if ( !( upper < std::numeric_limits<double>::infinity() ) )
  {
    switch ( decide( radii[hi], UINT64_MAX, open ) )
    {
      case Cover::Feasible:
        break;
      case Cover::Infeasible:
        return makeError( ErrorCode::Infeasible );
      case Cover::Unknown:
        return makeError( mProgress.isCanceled() ? ErrorCode::Canceled : ErrorCode::TimeLimit );
    }
    best = open;
  }
  std::size_t provenLo = 0;
  std::size_t lo = 0;
  bool canceled = false;
  while ( lo < hi )
  {
    canceled = stopped();
    if ( canceled )
      break;
    const std::size_t mid = lo + ( hi - lo ) / 2;
    switch ( decide( radii[mid], kSearchNodeBudget, open ) )
    {
      case Cover::Feasible:
        hi = mid;
        best = open;
        break;
      case Cover::Infeasible:
        lo = mid + 1;
        provenLo = mid + 1;
        break;
      case Cover::Unknown:
        lo = mid + 1;  // look higher for a cover; the gap below stays unproven
        break;
    }
    mProgress.setProgress( 0.9 * ( 1.0 - static_cast<double>( hi - lo ) / static_cast<double>( radii.size() ) ) );
  }
  // Below the best radius, decide the radii left unproven without a node budget.
  while ( !canceled && provenLo < hi )
  {
    const Cover below = decide( radii[hi - 1], UINT64_MAX, open );
    if ( below == Cover::Feasible )
    {
      --hi;
      best = open;
    }
    else if ( below == Cover::Infeasible )
      provenLo = hi;
    canceled = below == Cover::Unknown || stopped();
  }
  mProgress.setProgress( 1.0 );
  return buildSolution( best, radii[std::min( provenLo, hi )], canceled );
}

LocationSolution PCenterSearch::buildSolution( std::vector<std::uint32_t> open, double lowerBound, bool canceled ) const
{
  // Pad with the lowest closed eligible candidates: p are opened, and more never hurts.
  std::vector<char> isOpen( mProblem.candidateCount, 0 );
  for ( std::uint32_t candidate : open )
    isOpen[candidate] = 1;
  for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount && open.size() < mOptions.p; ++candidate )
  {
    if ( mRules.eligible[candidate] && !isOpen[candidate] )
    {
      open.push_back( candidate );
      isOpen[candidate] = 1;
    }
  }
  LocationSolution solution;
  solution.open = std::move( open );
  std::sort( solution.open.begin(), solution.open.end() );
  solution.assignment.assign( mProblem.clientCount, kUnassigned );
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    std::uint32_t &nearest = solution.assignment[client];
    for ( std::uint32_t candidate : solution.open )
    {
      const double cost = mProblem.costAt( client, candidate );
      if ( isAllowedCost( cost ) && ( nearest == kUnassigned || cost < mProblem.costAt( client, nearest ) ) )
        nearest = candidate;
    }
    if ( nearest != kUnassigned && mProblem.weightOf( client ) > 0.0 )
      solution.objective = std::max( solution.objective, mProblem.costAt( client, nearest ) );
    solution.unservedClients += solution.assignment[client] == kUnassigned ? 1 : 0;
  }
  solution.lowerBound = std::min( lowerBound, solution.objective );
  solution.provenOptimal = solution.lowerBound >= solution.objective;
  solution.canceled = canceled;
  return solution;
}

} // namespace

Result<LocationSolution> solvePCenter( const LocationProblem &problem, const PCenterOptions &options,
                                       ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( Error count = checkFacilityCount( *rules, options.p ); count.code != ErrorCode::Ok )
    return count;
  PCenterSearch search( problem, options, progress, *rules );
  return search.run();
}

} // namespace gf
