#include "engine/solvers/pcenter_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/random_source.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <string>

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
    //! visited, or past \a deadline or canceled; a later call resumes where this one stopped.
    bool run( std::uint64_t work, RandomSource &random, Clock::time_point deadline, ProgressSink &progress )
    {
      std::uint32_t steps = 0;
      for ( const std::uint64_t stop = mWork + work; mWork < stop && !mUncovered.empty() && !mOpen.empty(); )
      {
        // The doubling budgets of later turns are long: stop with the caller.
        if ( ++steps % 1024 == 0 && ( Clock::now() > deadline || progress.isCanceled() ) )
          return false;
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

//! What the radius search settles: the centers (required ones included, not yet padded to p)
//! and a bound on the radius proven for the pairs it searched.
struct CenterChoice
{
  std::vector<std::uint32_t> open;
  double lowerBound = 0.0;
  bool canceled = false;
};

//! Farthest-first (Gonzalez): opens the nearest closed candidate of the counted client farthest
//! from \a open until p are open. \a serve( candidate, nearest ) lowers each client's nearest
//! cost to its cost from \a candidate; \a nearestClosed( client, isOpen ) is the client's nearest
//! eligible closed candidate, or kUnassigned. Returns the radius reached, infinite when some
//! client stays unserved.
template<typename Serve, typename NearestClosed>
double farthestFirst( const std::vector<char> &counts, std::uint32_t candidateCount, std::uint32_t p, std::vector<std::uint32_t> &open,
                      Serve serve, NearestClosed nearestClosed )
{
  std::vector<double> nearest( counts.size(), std::numeric_limits<double>::infinity() );
  std::vector<char> isOpen( candidateCount, 0 );
  auto add = [&]( std::uint32_t candidate ) {
    isOpen[candidate] = 1;
    serve( candidate, nearest );
  };
  for ( std::uint32_t candidate : open )
    add( candidate );
  for ( ;; )
  {
    std::uint32_t farthest = kUnassigned;
    double radius = 0.0;
    for ( std::uint32_t client = 0; client < counts.size(); ++client )
    {
      if ( counts[client] && ( farthest == kUnassigned || nearest[client] > radius ) )
      {
        farthest = client;
        radius = nearest[client];
      }
    }
    if ( open.size() >= p || farthest == kUnassigned || radius == 0.0 )
      return radius;
    const std::uint32_t next = nearestClosed( farthest, isOpen );
    if ( next == kUnassigned )
      return std::numeric_limits<double>::infinity();
    open.push_back( next );
    add( next );
  }
}

//! Pads \a choice to p centers with the lowest closed eligible candidates (more never hurt) and
//! serves each client from its nearest open candidate, \a nearestOpen( client, open, isOpen ) as
//! (candidate, cost), kUnassigned when none may serve it. The objective is over the counted clients.
template<typename NearestOpen>
LocationSolution solutionOf( CenterChoice choice, const std::vector<char> &counts, const LocationSiteRules &rules, std::uint32_t p,
                             NearestOpen nearestOpen )
{
  std::vector<char> isOpen( rules.eligible.size(), 0 );
  for ( std::uint32_t candidate : choice.open )
    isOpen[candidate] = 1;
  for ( std::uint32_t candidate = 0; candidate < rules.eligible.size() && choice.open.size() < p; ++candidate )
  {
    if ( rules.eligible[candidate] && !isOpen[candidate] )
    {
      choice.open.push_back( candidate );
      isOpen[candidate] = 1;
    }
  }
  LocationSolution solution;
  solution.open = std::move( choice.open );
  std::sort( solution.open.begin(), solution.open.end() );
  solution.assignment.assign( counts.size(), kUnassigned );
  for ( std::uint32_t client = 0; client < counts.size(); ++client )
  {
    const auto [nearest, cost] = nearestOpen( client, solution.open, isOpen );
    solution.assignment[client] = nearest;
    if ( nearest != kUnassigned && counts[client] )
      solution.objective = std::max( solution.objective, cost );
    solution.unservedClients += nearest == kUnassigned ? 1 : 0;
  }
  solution.lowerBound = std::min( choice.lowerBound, solution.objective );
  solution.provenOptimal = solution.lowerBound >= solution.objective;
  solution.canceled = choice.canceled;
  return solution;
}

//! The radius search over ranked pairs: per client the eligible candidates it may be served
//! from, nearest first (a dense matrix truncated at a feasible radius, or a sparse one).
class PCenterSearch
{
  public:
    //! \a counts: per client, whether the radius must serve it.
    PCenterSearch( const CandidateRanking &ranking, const std::vector<char> &counts, const LocationSiteRules &rules,
                   const PCenterOptions &options, ProgressSink &progress )
      : mRanking( ranking )
      , mCounts( counts )
      , mRules( rules )
      , mProgress( progress )
      , mDeadline( Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
      , mPicks( options.p - static_cast<std::uint32_t>( rules.required.size() ) )
      , mInCore( ranking.clientCount(), 0 )
      , mRandom( options.seed )
    {
    }

    //! The least radius serving every counted client through a ranked pair, searched among the
    //! ranked costs up to \a upper, the radius \a start reaches (infinite when it serves not
    //! all: then the largest radius is decided within \a coverNodes search nodes first).
    //! Infeasible when p centers cannot; TimeLimit or Canceled when stopped before a cover (or
    //! out of \a coverNodes: then stopped() is false).
    Result<CenterChoice> solve( double upper, std::vector<std::uint32_t> start, std::uint64_t coverNodes = UINT64_MAX );

    //! Radius \a radius in a relaxation of the full problem: a client whose unranked pairs may
    //! lie within it (beyondCost <= radius) counts as covered, as any center might be that near.
    //! Infeasible thus proves every full solution exceeds \a radius.
    Cover decideRelaxed( double radius, std::vector<std::uint32_t> &open )
    {
      mRelaxed = true;
      const Cover result = decide( radius, UINT64_MAX, open );
      mRelaxed = false;
      return result;
    }

    //! True when \a client may be served through an unranked pair (a k-nearest row that leaves
    //! out some eligible candidate at a finite beyondCost).
    bool mayUseUnranked( std::uint32_t client ) const
    {
      return mRanking.size( client ) < mRules.eligibleCount && mRanking.beyondCost( client ) < std::numeric_limits<double>::infinity();
    }

    bool stopped() const { return mProgress.isCanceled() || Clock::now() > mDeadline; }

  private:
    bool counts( std::uint32_t client ) const { return mCounts[client] != 0; }
    RadiusCover coverAt( double radius ) const;
    bool greedyCover( const RadiusCover &cover, std::vector<std::uint32_t> &open ) const;
    Cover coreCover( const RadiusCover &cover, std::uint64_t &nodeBudget, std::vector<std::uint32_t> &open );
    Cover decide( double radius, std::uint64_t nodeBudget, std::vector<std::uint32_t> &open );

    const CandidateRanking &mRanking;
    const std::vector<char> &mCounts;
    const LocationSiteRules &mRules;
    ProgressSink &mProgress;
    Clock::time_point mDeadline;
    std::uint32_t mPicks = 0;                 //!< centers to choose besides the required ones
    std::vector<std::uint32_t> mCore;         //!< clients whose cover decided earlier radii
    std::vector<char> mInCore;
    RandomSource mRandom;
    bool mRelaxed = false;                    //!< see decideRelaxed
};

RadiusCover PCenterSearch::coverAt( double radius ) const
{
  RadiusCover cover;
  const std::uint32_t candidateCount = mRanking.candidateCount();
  cover.columnFirst.assign( candidateCount + 1, 0 );
  for ( std::uint32_t client = 0; client < mRanking.clientCount(); ++client )
  {
    if ( !counts( client ) || ( mRelaxed && mayUseUnranked( client ) && mRanking.beyondCost( client ) <= radius ) )
      continue;
    const std::uint32_t *first = mRanking.begin( client );
    const double *cost = mRanking.costs( client );
    std::uint32_t size = 0;
    bool required = false;
    for ( ; size < mRanking.size( client ) && cost[size] <= radius; ++size )
      required = required || mRules.fixedOpen[first[size]];
    if ( required )
      continue;
    cover.rowClient.push_back( client );
    cover.rowFirst.push_back( first );
    cover.rowSize.push_back( size );
    for ( const std::uint32_t *it = first; it != first + size; ++it )
      ++cover.columnFirst[*it + 1];
  }
  for ( std::uint32_t candidate = 0; candidate < candidateCount; ++candidate )
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
  std::vector<std::uint32_t> gain( mRanking.candidateCount() );
  for ( std::uint32_t candidate = 0; candidate < mRanking.candidateCount(); ++candidate )
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
  std::vector<std::uint32_t> rowOf( mRanking.clientCount(), kUnassigned );
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
    std::vector<std::uint32_t> packed = packRows( rows, mRanking.candidateCount(), candidatesOf );
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

  std::vector<char> isOpen( mRanking.candidateCount(), 0 );
  for ( ;; )
  {
    std::vector<std::uint32_t> coreRows;
    for ( std::uint32_t client : mCore )
    {
      if ( rowOf[client] != kUnassigned )
        coreRows.push_back( rowOf[client] );
    }
    CoreCoverSearch search( cover, coreRows, mRanking.candidateCount() );
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
        local.emplace( cover, mRanking.candidateCount(), greedy );
      if ( local->run( work, mRandom, mDeadline, mProgress ) )
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


Result<CenterChoice> PCenterSearch::solve( double upper, std::vector<std::uint32_t> best, std::uint64_t coverNodes )
{
  // No radius below the farthest nearest-candidate cost can cover everything.
  double floorRadius = 0.0;
  std::vector<double> radii;
  for ( std::uint32_t client = 0; client < mRanking.clientCount(); ++client )
  {
    if ( !counts( client ) )
      continue;
    if ( mRanking.size( client ) == 0 )
      return makeError( ErrorCode::Infeasible );
    const double *cost = mRanking.costs( client );
    floorRadius = std::max( floorRadius, cost[0] );
    for ( std::uint32_t k = 0; k < mRanking.size( client ) && cost[k] <= upper; ++k )
      radii.push_back( cost[k] );
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
    switch ( decide( radii[hi], coverNodes, open ) )
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
  return CenterChoice{ std::move( best ), radii[std::min( provenLo, hi )], canceled };
}

//! True when \a client may be served through a pair \a ranking leaves out (a k-nearest row
//! that misses some eligible candidate at a finite beyondCost).
bool mayUseUnranked( const CandidateRanking &ranking, const LocationSiteRules &rules, std::uint32_t client )
{
  return ranking.size( client ) < rules.eligibleCount && ranking.beyondCost( client ) < std::numeric_limits<double>::infinity();
}

} // namespace

Result<LocationSolution> solvePCenter( const LocationProblem &problem, const PCenterOptions &options,
                                       ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkPSiteProblem( problem, options.p );
  if ( !rules )
    return rules.error();
  const std::vector<char> &eligible = rules->eligible;
  std::vector<char> counts( problem.clientCount, 0 );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount && !counts[client] && problem.weightOf( client ) > 0.0; ++candidate )
      counts[client] = eligible[candidate] && isAllowedCost( problem.costAt( client, candidate ) );
  }
  // The farthest-first centers give a feasible radius when they serve every client: no better
  // radius needs a pair beyond it, so only the nearer pairs are ranked and searched.
  std::vector<std::uint32_t> start = rules->required;
  const double upper = farthestFirst(
    counts, problem.candidateCount, options.p, start,
    [&]( std::uint32_t candidate, std::vector<double> &nearest ) {
      for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
      {
        const double cost = problem.costAt( client, candidate );
        if ( isAllowedCost( cost ) )
          nearest[client] = std::min( nearest[client], cost );
      }
    },
    [&]( std::uint32_t client, const std::vector<char> &isOpen ) {
      std::uint32_t next = kUnassigned;
      for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
      {
        const double cost = problem.costAt( client, candidate );
        if ( eligible[candidate] && !isOpen[candidate] && isAllowedCost( cost ) && ( next == kUnassigned || cost < problem.costAt( client, next ) ) )
          next = candidate;
      }
      return next;
    } );
  const CandidateRanking ranking( cutoffReduction( problem, upper ), eligible );
  PCenterSearch search( ranking, counts, *rules, options, progress );
  Result<CenterChoice> choice = search.solve( upper, std::move( start ) );
  if ( !choice )
    return choice.error();
  return solutionOf( std::move( *choice ), counts, *rules, options.p,
                     [&]( std::uint32_t client, const std::vector<std::uint32_t> &open, const std::vector<char> & ) {
                       std::uint32_t nearest = kUnassigned;
                       for ( std::uint32_t candidate : open )
                       {
                         const double cost = problem.costAt( client, candidate );
                         if ( isAllowedCost( cost ) && ( nearest == kUnassigned || cost < problem.costAt( client, nearest ) ) )
                           nearest = candidate;
                       }
                       return std::make_pair( nearest, nearest == kUnassigned ? 0.0 : problem.costAt( client, nearest ) );
                     } );
}

Result<LocationSolution> solvePCenter( const SparseLocationProblem &problem, const PCenterOptions &options,
                                       ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkPSiteProblem( problem, options.p );
  if ( !rules )
    return rules.error();
  const CandidateRanking ranking( problem, rules->eligible );
  std::vector<char> counts( problem.clientCount, 0 );
  bool unranked = false;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const bool beyond = mayUseUnranked( ranking, *rules, client );
    counts[client] = problem.weightOf( client ) > 0.0 && ( ranking.size( client ) > 0 || beyond );
    unranked = unranked || ( counts[client] && beyond );
  }
  std::vector<std::uint32_t> start = rules->required;
  const double upper = farthestFirst(
    counts, problem.candidateCount, options.p, start,
    [&]( std::uint32_t candidate, std::vector<double> &nearest ) {
      const double *cost = ranking.servedCosts( candidate );
      for ( const std::uint32_t *it = ranking.servedBegin( candidate ); it != ranking.servedEnd( candidate ); ++it, ++cost )
        nearest[*it] = std::min( nearest[*it], *cost );
    },
    [&]( std::uint32_t client, const std::vector<char> &isOpen ) {
      const std::uint32_t *next = std::find_if( ranking.begin( client ), ranking.end( client ), [&]( std::uint32_t c ) { return !isOpen[c]; } );
      return next == ranking.end( client ) ? kUnassigned : *next;
    } );
  PCenterSearch search( ranking, counts, *rules, options, progress );
  std::vector<std::uint32_t> relaxedOpen;
  if ( unranked && !( upper < std::numeric_limits<double>::infinity() ) )
  {
    // The stored pairs may not serve everyone, which can take an exact search long to prove:
    // first the relaxation, which proves the input infeasible or lets the stored cover below
    // be decided within a node budget.
    switch ( search.decideRelaxed( std::numeric_limits<double>::infinity(), relaxedOpen ) )
    {
      case Cover::Feasible:
        break;
      case Cover::Infeasible:
        return makeError( ErrorCode::Infeasible );
      case Cover::Unknown:
        return makeError( progress.isCanceled() ? ErrorCode::Canceled : ErrorCode::TimeLimit );
    }
  }
  Result<CenterChoice> choice = search.solve( upper, std::move( start ), unranked ? kSearchNodeBudget : UINT64_MAX );
  auto nearestOpen = [&]( std::uint32_t client, const std::vector<std::uint32_t> &, const std::vector<char> &isOpen ) {
    for ( std::uint32_t k = 0; k < ranking.size( client ); ++k )
    {
      if ( isOpen[ranking.begin( client )[k]] )
        return std::make_pair( ranking.begin( client )[k], ranking.costs( client )[k] );
    }
    return std::make_pair( kUnassigned, 0.0 );
  };
  if ( !unranked )
  {
    if ( !choice )
      return choice.error();
    return solutionOf( std::move( *choice ), counts, *rules, options.p, nearestOpen );
  }

  // k-nearest semantics: the stored pairs give a solution and its exact radius, and only the
  // relaxation (unstored pairs as cheap as their beyondCost) can prove that no radius below it
  // exists. When the relaxation has one, the unstored costs decide the answer: undecidable.
  auto undecidable = [&]( double radius ) {
    // Name a client the relaxed centers reach only through an unstored pair.
    std::vector<char> isOpen( problem.candidateCount, 0 );
    for ( std::uint32_t candidate : relaxedOpen )
      isOpen[candidate] = 1;
    for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
    {
      const auto [nearest, cost] = nearestOpen( client, relaxedOpen, isOpen );
      if ( counts[client] && ( nearest == kUnassigned || cost > radius ) )
        return makeError( ErrorCode::CoverageUndecidable, std::to_string( client ) );
    }
    return makeError( ErrorCode::CoverageUndecidable );
  };
  if ( !choice )
  {
    // The relaxation covers everyone (checked above) where the stored pairs do not, or not
    // within the node budget.
    const bool outOfNodes = choice.error().code == ErrorCode::TimeLimit && !search.stopped();
    if ( choice.error().code != ErrorCode::Infeasible && !outOfNodes )
      return choice.error();
    return undecidable( std::numeric_limits<double>::infinity() );
  }
  LocationSolution solution = solutionOf( std::move( *choice ), counts, *rules, options.p, nearestOpen );
  // Only a proven stored optimum makes a relaxed cover below it a sign of undecidability.
  const bool storedOptimal = solution.provenOptimal && !solution.canceled;
  // Below the objective, the relaxed covers change only at a stored cost or a beyondCost; the
  // relaxation's floor is each client's cheapest possible pair.
  double below = -1.0;
  double floorRadius = 0.0;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    if ( !counts[client] )
      continue;
    double cheapest = std::numeric_limits<double>::infinity();
    if ( ranking.size( client ) > 0 )
      cheapest = ranking.costs( client )[0];
    for ( std::uint32_t k = 0; k < ranking.size( client ) && ranking.costs( client )[k] < solution.objective; ++k )
      below = std::max( below, ranking.costs( client )[k] );
    if ( mayUseUnranked( ranking, *rules, client ) )
    {
      cheapest = std::min( cheapest, ranking.beyondCost( client ) );
      if ( ranking.beyondCost( client ) < solution.objective )
        below = std::max( below, ranking.beyondCost( client ) );
    }
    floorRadius = std::max( floorRadius, cheapest );
  }
  Cover relaxed = below < 0.0 ? Cover::Infeasible : search.decideRelaxed( below, relaxedOpen );
  if ( relaxed == Cover::Feasible && storedOptimal )
    return undecidable( below );
  if ( relaxed == Cover::Infeasible )
    solution.lowerBound = solution.objective;
  else
    solution.lowerBound = std::min( floorRadius, solution.objective );
  solution.provenOptimal = relaxed == Cover::Infeasible;
  solution.canceled = solution.canceled || progress.isCanceled();
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    if ( solution.assignment[client] == kUnassigned && mayUseUnranked( ranking, *rules, client ) )
    {
      ++solution.clientsBeyondStored;
      --solution.unservedClients;
    }
  }
  return solution;
}

} // namespace gf
