#include "engine/solvers/pmedian_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/pmedian_branch_and_bound.h"
#include "engine/solvers/pmedian_elite_pool.h"
#include "engine/solvers/pmedian_lagrangian.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/swap_local_search.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <thread>
#include <utility>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;

//! Batches of VNS chains in the path-relinking phase, and chains per batch: a fixed batch, so
//! the pool each chain sees (and so the answer) does not depend on the thread count.
constexpr std::uint32_t kMaxBatches = 96;
//! Batches in a row without improvement that end the chains: with many medians the search
//! often improves again after many fruitless batches (TSPLIB fl1400 p = 300 stops at 6116
//! after 8, reaches 6115 in 34 s after 24; best-known 6109).
constexpr std::uint32_t kIdleBatches = 24;
constexpr std::uint32_t kBatch = 4;
constexpr std::size_t kEliteSize = 10;
constexpr std::uint32_t kRelinkRounds = 5;
//! Time budget of the branch and bound: this many times the time spent before it, and at least
//! kTreeMinimumS seconds (pmed36 takes about 15 times the time spent before the tree).
constexpr int kTreeBudgetFactor = 50;
constexpr int kTreeMinimumS = 2;
//! From this many clients the root bound starts from a dual ascent and steps along deflected
//! directions (see PMedianLagrangian), with this first step scale: there the time cap, not the
//! convergence, ends the subgradient. Below it the plain steps converge within their 5000
//! iterations and prove more of pmed1-40 at the root (pmed25 and pmed33 need a tree otherwise).
constexpr std::uint32_t kDeflectedBoundClients = 10000;
constexpr double kBoundStepScale = 0.5;
constexpr double kBoundDeflection = 0.9;
//! The dual ascent before those steps: passes, and each pass's largest rise as a share of the
//! mean cost per unit weight. On 20000 × 2000, p = 20 (k = 400 rows) the gap after 25 / 100 /
//! 400 steps is 2.0 / 0.92 / 0.38 %, against 16 / 2.8 / 0.38 % from the incumbent's costs
//! with the same deflection and 3.3 (100) / 1.2 (400) % with the plain steps.
constexpr std::uint32_t kAscentPasses = 20;
constexpr double kAscentStepShare = 0.1;
//! Largest matrix (clients × candidates) for the branch and bound: on TSPLIB rl1304 (1.7e6
//! pairs) its nodes are too slow to close the gap within the budget, and the time is better
//! left to the VNS and the relinking.
constexpr double kTreeMaxPairs = 1e6;
//! k-nearest driver rounds whose rows still grow: VNS iterations without improvement, and their
//! share of the remaining time.
constexpr std::uint32_t kScoutIterations = 10;
constexpr double kScoutTimeShare = 0.25;

//! An independent stream per work unit (splitmix64 of the seed and the unit).
std::uint64_t unitSeed( std::uint64_t seed, std::uint64_t unit )
{
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * ( unit + 1 );
  z = ( z ^ ( z >> 30 ) ) * 0xBF58476D1CE4E5B9ull;
  z = ( z ^ ( z >> 27 ) ) * 0x94D049BB133111EBull;
  return z ^ ( z >> 31 );
}

//! A local optimum found by a work unit.
struct FoundSolution
{
  std::vector<std::uint32_t> open;
  double objective = 0.0;
};

//! Repeatedly opens the candidate saving the most weighted cost (ties: lowest index).
bool greedyOpen( const CandidateRanking &ranking, const LocationSiteRules &rules, std::uint32_t p, double missingCost,
                 ProgressSink &progress, std::vector<std::uint32_t> &open )
{
  open = rules.required;
  std::vector<char> isOpen( ranking.candidateCount(), 0 );
  std::vector<double> nearest( ranking.clientCount(), missingCost );
  for ( std::uint32_t client = 0; client < ranking.clientCount(); ++client )
    nearest[client] = std::min( missingCost, ranking.beyondCost( client ) );
  std::vector<double> gain( ranking.candidateCount(), 0.0 );
  auto openCandidate = [&]( std::uint32_t candidate ) {
    isOpen[candidate] = 1;
    const double *costs = ranking.servedCosts( candidate );
    for ( const std::uint32_t *it = ranking.servedBegin( candidate ); it != ranking.servedEnd( candidate ); ++it, ++costs )
      nearest[*it] = std::min( nearest[*it], *costs );
  };
  for ( std::uint32_t candidate : rules.required )
    openCandidate( candidate );
  while ( open.size() < p )
  {
    if ( progress.isCanceled() )
      return false;
    std::fill( gain.begin(), gain.end(), 0.0 );
    for ( std::uint32_t client = 0; client < ranking.clientCount(); ++client )
    {
      const double weight = ranking.weightOf( client );
      const double *costs = ranking.costs( client );
      const std::uint32_t *candidates = ranking.begin( client );
      for ( std::uint32_t k = 0; k < ranking.size( client ) && costs[k] < nearest[client]; ++k )
        gain[candidates[k]] += weight * ( nearest[client] - costs[k] );
    }
    std::uint32_t best = SwapLocalSearch::kNone;
    for ( std::uint32_t candidate = 0; candidate < ranking.candidateCount(); ++candidate )
    {
      if ( rules.eligible[candidate] && !isOpen[candidate] && ( best == SwapLocalSearch::kNone || gain[candidate] > gain[best] ) )
        best = candidate;
    }
    open.push_back( best );
    openCandidate( best );
  }
  return true;
}

//! Cost standing for "not served": more than any complete assignment costs, so the search
//! serves every client it can before it optimises cost.
double missingCostOf( const CandidateRanking &ranking )
{
  double total = 1.0;
  for ( std::uint32_t client = 0; client < ranking.clientCount(); ++client )
  {
    double largest = ranking.isServable( client ) ? ranking.costs( client )[ranking.size( client ) - 1] : 0.0;
    if ( ranking.beyondCost( client ) < kForbiddenAssignment )
      largest = std::max( largest, ranking.beyondCost( client ) );
    total += ranking.weightOf( client ) * largest;
  }
  return std::ceil( total );
}

//! Integral data lets a bound within 1 of the incumbent prove optimality. \a unrankedIntegral
//! states it for the pairs the ranking does not hold (with beyond costs).
bool hasIntegralObjective( const CandidateRanking &ranking, bool unrankedIntegral )
{
  if ( ranking.hasBeyondCost() && !unrankedIntegral )
    return false;
  for ( std::uint32_t client = 0; client < ranking.clientCount(); ++client )
  {
    const double weight = ranking.weightOf( client );
    if ( weight != std::floor( weight ) )
      return false;
    const double *costs = ranking.costs( client );
    for ( std::uint32_t k = 0; k < ranking.size( client ); ++k )
    {
      if ( costs[k] != std::floor( costs[k] ) )
        return false;
    }
  }
  return true;
}

class PMedianSearch
{
  public:
    //! Over the costs of \a ranking (dense or sparse); \a dense is the matrix it came from, if
    //! any (for the branch and bound); \a unrankedIntegral: see hasIntegralObjective. The time
    //! limit counts from \a solveStart, before the ranking was built (seconds on large matrices).
    PMedianSearch( const CandidateRanking &ranking, const LocationProblem *dense, bool unrankedIntegral,
                   const PMedianOptions &options, ProgressSink &progress, const LocationSiteRules &rules,
                   Clock::time_point solveStart )
      : mRanking( ranking )
      , mDense( dense )
      , mOptions( options )
      , mProgress( progress )
      , mRules( rules )
      , mMissingCost( missingCostOf( ranking ) )
      , mIntegral( hasIntegralObjective( ranking, unrankedIntegral ) )
      , mStart( Clock::now() )
      , mDeadline( solveStart + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
      , mSearch( ranking, rules.eligible, rules.fixedOpen, mMissingCost )
      , mVnsShare( options.pathRelinking ? 0.4 : 0.7 )
    {
      for ( std::uint32_t candidate = 0; candidate < ranking.candidateCount(); ++candidate )
      {
        if ( rules.eligible[candidate] )
          mEligible.push_back( candidate );
      }
      for ( std::uint32_t client = 0; client < ranking.clientCount(); ++client )
      {
        if ( ranking.isServable( client ) && ranking.weightOf( client ) > 0.0 )
          mServable.push_back( client );
      }
    }

    //! Clients the bound's relaxed solution serves through their unranked pairs (beyond costs).
    const std::vector<std::uint32_t> &boundBeyond() const { return mBoundBeyond; }

    Result<LocationSolution> run();

  private:
    bool isProven() const { return isProvenAt( mBestObjective ); }
    bool isProvenAt( double objective ) const
    {
      if ( objective >= mMissingCost )
        return false;
      const double gap = objective - mLowerBound;
      return mIntegral ? gap < 1.0 - 1e-6 : gap <= 1e-6 + 1e-9 * std::fabs( objective );
    }
    bool stopRequested()
    {
      mCanceled = mCanceled || mProgress.isCanceled();
      return mCanceled || Clock::now() > mDeadline;
    }
    void adopt( const FoundSolution &found );
    bool consider( PMedianElitePool &pool, FoundSolution found );
    std::vector<std::uint32_t> warmStart( const std::vector<std::uint32_t> &greedy ) const;
    void computeBound();
    void branchAndBound();
    //! VNS iterations without improvement before a search stops.
    std::uint32_t vnsIterations() const
    {
      return mOptions.maxIterations > 0 ? mOptions.maxIterations : std::max<std::uint32_t>( 1000, 4 * mOptions.p );
    }
    FoundSolution variableNeighbourhoodSearch( SwapLocalSearch &search, RandomSource &random, std::uint32_t iterations,
                                               bool reportProgress ) const;
    void relinkElite();
    std::vector<FoundSolution> chain( std::uint32_t unit, const std::vector<PMedianElitePool::Entry> &elite,
                                      SwapLocalSearch &search ) const;
    void runUnits( std::size_t count, const std::function<void( std::size_t, SwapLocalSearch & )> &unit );
    std::uint32_t regionalShake( SwapLocalSearch &search, std::uint32_t client, std::uint32_t count, RandomSource &random ) const;
    LocationSolution buildSolution() const;

    const CandidateRanking &mRanking;
    const LocationProblem *mDense;
    const PMedianOptions &mOptions;
    ProgressSink &mProgress;
    const LocationSiteRules &mRules;
    double mMissingCost;
    bool mIntegral;
    Clock::time_point mStart;
    Clock::time_point mDeadline;
    SwapLocalSearch mSearch;
    std::vector<std::unique_ptr<SwapLocalSearch>> mHelperSearches;   //!< one per extra thread
    std::vector<std::uint32_t> mEligible;
    std::vector<std::uint32_t> mServable;   //!< clients some candidate serves, with positive weight
    double mVnsShare;
    std::vector<std::uint32_t> mBest;
    double mBestObjective = 0.0;
    double mLowerBound = 0.0;
    std::vector<double> mRootMultipliers;   //!< best Lagrangian multipliers of computeBound()
    bool mCanceled = false;
    std::vector<std::uint32_t> mBoundBeyond;
};

Result<LocationSolution> PMedianSearch::run()
{
  const std::uint32_t p = mOptions.p;
  ProgressPhase greedyPhase( mProgress, 0.0, 0.05 );
  if ( !greedyOpen( mRanking, mRules, p, mMissingCost, greedyPhase, mBest ) )
    return makeError( ErrorCode::Canceled );
  if ( !mOptions.initialOpen.empty() )
    mBest = warmStart( mBest );
  mSearch.reset( mBest );
  mSearch.descend( mProgress, mDeadline );
  mBest = mSearch.open();
  mBestObjective = mSearch.objective();

  const bool anyClosed = std::count( mRules.eligible.begin(), mRules.eligible.end(), 1 ) > static_cast<std::ptrdiff_t>( p );
  if ( !anyClosed )
  {
    // Every allowed candidate is open: the only feasible solution.
    mLowerBound = mBestObjective;
    return buildSolution();
  }
  if ( mOptions.computeLowerBound && !stopRequested() )
    computeBound();
  if ( mOptions.pathRelinking && mOptions.localShakes && mOptions.computeLowerBound && !isProven() && !stopRequested() )
    branchAndBound();
  if ( !isProven() && !stopRequested() )
  {
    RandomSource random( mOptions.seed );
    mSearch.reset( mBest );
    adopt( variableNeighbourhoodSearch( mSearch, random, vnsIterations(), true ) );
  }
  if ( mOptions.pathRelinking && mOptions.localShakes && !isProven() && !stopRequested() )
    relinkElite();
  mProgress.setProgress( 1.0 );
  return buildSolution();
}

//! The warm-start candidates (required ones first), then those of \a greedy, p in all.
std::vector<std::uint32_t> PMedianSearch::warmStart( const std::vector<std::uint32_t> &greedy ) const
{
  std::vector<char> taken( mRanking.candidateCount(), 0 );
  std::vector<std::uint32_t> start;
  auto add = [&]( std::uint32_t candidate ) {
    if ( start.size() < mOptions.p && candidate < mRanking.candidateCount() && mRules.eligible[candidate] && !taken[candidate] )
    {
      taken[candidate] = 1;
      start.push_back( candidate );
    }
  };
  for ( std::uint32_t candidate : mRules.required )
    add( candidate );
  for ( std::uint32_t candidate : mOptions.initialOpen )
    add( candidate );
  for ( std::uint32_t candidate : greedy )
    add( candidate );
  return start;
}

void PMedianSearch::computeBound()
{
  if ( mBestObjective >= mMissingCost )
    return;  // some servable client is left unserved: the relaxation bounds another problem
  PMedianLagrangian lagrangian( mRanking, mRules.eligible, mRules.fixedOpen, mOptions.p );
  std::vector<double> multipliers( mRanking.clientCount(), 0.0 );
  mSearch.reset( mBest );
  for ( std::uint32_t client = 0; client < mRanking.clientCount(); ++client )
  {
    // Each client's weighted cost in the incumbent (its beyond cost when no ranked pair serves it).
    const double beyond = mRanking.beyondCost( client );
    if ( beyond < kForbiddenAssignment )
      multipliers[client] = mRanking.weightOf( client ) * beyond;
    const double *costs = mRanking.costs( client );
    const std::uint32_t *candidates = mRanking.begin( client );
    for ( std::uint32_t k = 0; k < mRanking.size( client ); ++k )
    {
      if ( mSearch.isOpen( candidates[k] ) )
      {
        multipliers[client] = mRanking.weightOf( client ) * costs[k];
        break;
      }
    }
  }
  lagrangian.setMultipliers( multipliers );
  const double target = mIntegral ? mBestObjective - 1.0 + 1e-6 : mBestObjective - 1e-6;
  ProgressPhase phase( mProgress, 0.05, 0.3 );
  // On large instances with few medians every subgradient step walks long ranking prefixes:
  // cap the bound's share of the remaining time so the search keeps most of it.
  const Clock::time_point now = Clock::now();
  const Clock::time_point boundDeadline = now + ( mDeadline - now ) * 3 / 10;
  if ( mRanking.clientCount() >= kDeflectedBoundClients )
  {
    // There only tens of steps fit: start them from a dual ascent. A median's price is the
    // saving of one more median, about objective / 2p when the cost falls as 1 / sqrt( p )
    // (facilities spread over an area).
    double weight = 0.0;
    for ( std::uint32_t client : mServable )
      weight += mRanking.weightOf( client );
    const double price = mBestObjective / ( 2.0 * mOptions.p );
    lagrangian.ascend( price, kAscentStepShare * mBestObjective / std::max( weight, 1.0 ), kAscentPasses, phase, boundDeadline );
    lagrangian.setStepScale( kBoundStepScale );
    lagrangian.setDeflection( kBoundDeflection );
  }
  lagrangian.improve( mBestObjective, target, 5000, phase, boundDeadline );
  mLowerBound = std::max( 0.0, lagrangian.bound() );
  mBoundBeyond = lagrangian.clientsServedBeyond();
  mRootMultipliers = lagrangian.bestMultipliers();

  // The relaxed solution at good multipliers is a classic Lagrangian heuristic start.
  if ( !isProven() && lagrangian.boundOpen().size() == mOptions.p )
  {
    mSearch.reset( lagrangian.boundOpen() );
    mSearch.descend( mProgress, mDeadline );
    adopt( { mSearch.open(), mSearch.objective() } );
  }
}

//! Proves the incumbent optimal, or improves it, by Lagrangian branch and bound. The tree gets
//! a budget in proportion to the time spent so far (at most half of what is left): a gap it
//! cannot close soon is better left to the VNS and the relinking.
void PMedianSearch::branchAndBound()
{
  if ( mBestObjective >= mMissingCost || !mDense )
    return;  // as for the bound: the tree bounds the problem with every servable client served
  if ( static_cast<double>( mDense->clientCount ) * mDense->candidateCount > kTreeMaxPairs )
    return;
  PMedianBranchAndBound tree( *mDense, mRanking, mRules.eligible, mRules.fixedOpen, mOptions.p, mSearch, mIntegral );
  const Clock::time_point now = Clock::now();
  const Clock::duration budget = std::max<Clock::duration>( std::chrono::seconds( kTreeMinimumS ), ( now - mStart ) * kTreeBudgetFactor );
  ProgressPhase phase( mProgress, 0.3, 0.3 + 0.3 * mVnsShare );
  tree.solve( mBest, mBestObjective, mRootMultipliers, phase, now + std::min( budget, ( mDeadline - now ) / 2 ) );
  adopt( { tree.best(), tree.bestObjective() } );
  mLowerBound = std::max( mLowerBound, tree.lowerBound() );
}

//! VNS from the local optimum \a search is on; returns the best solution found. Safe to run
//! on several searches at once: it reads the shared state only.
FoundSolution PMedianSearch::variableNeighbourhoodSearch( SwapLocalSearch &search, RandomSource &random,
                                                          std::uint32_t iterations, bool reportProgress ) const
{
  FoundSolution best{ search.open(), search.objective() };
  const std::uint32_t movable = mOptions.p - static_cast<std::uint32_t>( mRules.required.size() );
  if ( movable == 0 )
    return best;
  const std::uint32_t maxShake = std::min<std::uint32_t>( { 10u, movable, static_cast<std::uint32_t>( mEligible.size() ) - mOptions.p } );
  std::uint32_t shake = 1;
  std::vector<std::uint32_t> movableSlots;
  // The budget counts iterations since the last improvement: the search goes on while it pays.
  for ( std::uint32_t sinceImprovement = 0; sinceImprovement < iterations && !isProvenAt( best.objective ); ++sinceImprovement )
  {
    if ( mProgress.isCanceled() || Clock::now() > mDeadline )
      break;
    if ( reportProgress )
      mProgress.setProgress( 0.3 + mVnsShare * sinceImprovement / iterations );
    std::uint32_t step = 0;
    if ( mOptions.localShakes && sinceImprovement % 2 == 1 && !mServable.empty() )
      step = regionalShake( search, mServable[random.below( static_cast<std::uint32_t>( mServable.size() ) )], shake, random );
    for ( ; step < shake; ++step )
    {
      movableSlots.clear();
      for ( std::uint32_t candidate : search.open() )
      {
        if ( !search.isFixed( candidate ) )
          movableSlots.push_back( candidate );
      }
      const std::uint32_t out = movableSlots[random.below( static_cast<std::uint32_t>( movableSlots.size() ) )];
      std::uint32_t in = SwapLocalSearch::kNone;
      while ( in == SwapLocalSearch::kNone || search.isOpen( in ) )
        in = mEligible[random.below( static_cast<std::uint32_t>( mEligible.size() ) )];
      search.swap( in, out );
    }
    search.descend( mProgress, mDeadline );
    const double objective = search.objective();
    if ( objective < best.objective - 1e-9 * std::max( 1.0, std::fabs( objective ) ) )
    {
      best = { search.open(), objective };
      shake = 1;
      sinceImprovement = 0;
    }
    else
    {
      search.moveTo( best.open );
      shake = shake >= maxShake ? 1 : shake + 1;
    }
  }
  return best;
}

void PMedianSearch::adopt( const FoundSolution &found )
{
  if ( found.objective < mBestObjective - 1e-9 * std::max( 1.0, std::fabs( found.objective ) ) )
  {
    mBestObjective = found.objective;
    mBest = found.open;
  }
}

bool PMedianSearch::consider( PMedianElitePool &pool, FoundSolution found )
{
  adopt( found );
  return pool.offer( std::move( found.open ), found.objective );
}

//! Runs units 0..count-1 on up to kBatch threads. Each unit starts from a reset of whichever
//! search it gets and writes only its own result, so nothing depends on the scheduling.
void PMedianSearch::runUnits( std::size_t count, const std::function<void( std::size_t, SwapLocalSearch & )> &unit )
{
  std::atomic<std::size_t> next{ 0 };
  auto work = [&]( SwapLocalSearch *search ) {
    for ( std::size_t index = next++; index < count; index = next++ )
      unit( index, *search );
  };
  std::vector<std::thread> threads;
  for ( std::size_t helper = 0; helper < mHelperSearches.size() && helper + 1 < count; ++helper )
    threads.emplace_back( work, mHelperSearches[helper].get() );
  work( &mSearch );
  for ( std::thread &thread : threads )
    thread.join();
}

//! Elite pool with path relinking (Resende & Werneck 2004), its starts being independent VNS
//! chains from the best solution (randomised greedy starts proved far weaker on clustered
//! instances), then the elite pairs relinked until the pool settles. Relinking recombines
//! the medians two good solutions agree on.
void PMedianSearch::relinkElite()
{
  const unsigned threads = std::min( std::max( 1u, mOptions.threads ), kBatch );
  for ( unsigned helper = 1; helper < threads; ++helper )
    mHelperSearches.push_back( std::make_unique<SwapLocalSearch>( mRanking, mRules.eligible, mRules.fixedOpen, mMissingCost ) );
  PMedianElitePool pool( kEliteSize );
  pool.offer( mBest, mBestObjective );
  const double begin = 0.3 + mVnsShare;
  // Batches of VNS chains from the best solution, until kIdleBatches in a row do not improve it.
  std::uint32_t idleBatches = 0;
  for ( std::uint32_t batch = 0; batch < kMaxBatches && !isProven() && !stopRequested(); ++batch )
  {
    mProgress.setProgress( begin + 0.7 * ( 1.0 - begin ) * batch / kMaxBatches );
    const double before = mBestObjective;
    const std::vector<PMedianElitePool::Entry> elite = pool.entries();
    std::vector<std::vector<FoundSolution>> found( kBatch );
    runUnits( kBatch, [&]( std::size_t index, SwapLocalSearch &search ) {
      found[index] = chain( batch * kBatch + static_cast<std::uint32_t>( index ), elite, search );
    } );
    for ( std::vector<FoundSolution> &unitFound : found )
    {
      for ( FoundSolution &solution : unitFound )
        consider( pool, std::move( solution ) );
    }
    idleBatches = mBestObjective < before ? 0 : idleBatches + 1;
    if ( idleBatches == kIdleBatches )
      break;
  }
  // Post-optimisation: relink every pair with at least one entry new since the last round.
  std::vector<PMedianElitePool::Entry> relinked;
  for ( std::uint32_t round = 0; round < kRelinkRounds && !isProven() && !stopRequested(); ++round )
  {
    mProgress.setProgress( begin + ( 1.0 - begin ) * ( 0.7 + 0.3 * round / kRelinkRounds ) );
    const std::vector<PMedianElitePool::Entry> elite = pool.entries();
    auto isOld = [&]( const PMedianElitePool::Entry &entry ) {
      return std::any_of( relinked.begin(), relinked.end(), [&]( const PMedianElitePool::Entry &old ) { return old.open == entry.open; } );
    };
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for ( std::size_t better = 0; better < elite.size(); ++better )
    {
      for ( std::size_t worse = better + 1; worse < elite.size(); ++worse )
      {
        if ( !isOld( elite[better] ) || !isOld( elite[worse] ) )
          pairs.emplace_back( better, worse );
      }
    }
    if ( pairs.empty() )
      break;
    std::vector<std::vector<FoundSolution>> found( pairs.size() );
    runUnits( pairs.size(), [&]( std::size_t index, SwapLocalSearch &search ) {
      search.reset( elite[pairs[index].first].open );
      if ( search.relinkTowards( elite[pairs[index].second].open ) )
      {
        search.descend( mProgress, mDeadline );
        found[index].push_back( { search.open(), search.objective() } );
      }
    } );
    relinked = elite;
    for ( std::vector<FoundSolution> &unitFound : found )
    {
      for ( FoundSolution &solution : unitFound )
        consider( pool, std::move( solution ) );
    }
  }
}

//! One work unit: a VNS chain with its own random stream from the best elite solution, then
//! relinking towards an elite solution drawn with odds by its difference from the chain's
//! result (distant partners give long, rich paths).
std::vector<FoundSolution> PMedianSearch::chain( std::uint32_t unit, const std::vector<PMedianElitePool::Entry> &elite,
                                                 SwapLocalSearch &search ) const
{
  RandomSource random( unitSeed( mOptions.seed, unit ) );
  search.reset( elite.front().open );
  // Half-length chains: a batch costs two full VNS runs, one on two threads.
  const std::uint32_t iterations = std::max<std::uint32_t>( 1, vnsIterations() / 2 );
  std::vector<FoundSolution> found{ variableNeighbourhoodSearch( search, random, iterations, false ) };
  search.moveTo( found.front().open );
  std::vector<std::uint32_t> start = search.open();
  std::sort( start.begin(), start.end() );
  std::vector<double> odds;
  double total = 0.0;
  for ( const PMedianElitePool::Entry &entry : elite )
  {
    total += static_cast<double>( PMedianElitePool::difference( start, entry.open ) );
    odds.push_back( total );
  }
  if ( total == 0.0 )
    return found;
  const double draw = random.unit() * total;
  const std::size_t partner = static_cast<std::size_t>( std::upper_bound( odds.begin(), odds.end(), draw ) - odds.begin() );
  if ( search.relinkTowards( elite[std::min( partner, elite.size() - 1 )].open ) )
  {
    search.descend( mProgress, mDeadline );
    found.push_back( { search.open(), search.objective() } );
  }
  return found;
}

//! A perturbation near \a client: its \a count nearest movable open candidates leave for
//! some of its nearest closed ones, a multi-swap inside one region. Random swaps on large
//! instances with many medians mostly pair far-apart sites that the descent at once undoes,
//! and scattered single local swaps miss the moves where several neighbouring medians must
//! shift together. Returns the swaps made (fewer when the region lacks sites).
std::uint32_t PMedianSearch::regionalShake( SwapLocalSearch &search, std::uint32_t client, std::uint32_t count,
                                            RandomSource &random ) const
{
  constexpr std::uint32_t kNearClosed = 8;
  std::vector<std::uint32_t> leaving;
  std::vector<std::uint32_t> closed;
  for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
  {
    if ( !search.isOpen( *it ) )
    {
      if ( closed.size() < count + kNearClosed )
        closed.push_back( *it );
    }
    else if ( leaving.size() < count && !search.isFixed( *it ) )
    {
      leaving.push_back( *it );
    }
    if ( leaving.size() == count && closed.size() == count + kNearClosed )
      break;
  }
  std::uint32_t done = 0;
  for ( std::uint32_t out : leaving )
  {
    if ( closed.empty() )
      break;
    const std::uint32_t pick = random.below( static_cast<std::uint32_t>( closed.size() ) );
    search.swap( closed[pick], out );
    closed[pick] = closed.back();
    closed.pop_back();
    ++done;
  }
  return done;
}

LocationSolution PMedianSearch::buildSolution() const
{
  LocationSolution solution;
  solution.open = mBest;
  std::sort( solution.open.begin(), solution.open.end() );
  std::vector<char> isOpen( mRanking.candidateCount(), 0 );
  for ( std::uint32_t candidate : solution.open )
    isOpen[candidate] = 1;
  mRanking.assignNearestOpen( isOpen, solution );
  if ( mBestObjective < mMissingCost )
  {
    const double bound = mIntegral ? std::ceil( mLowerBound - 1e-6 ) : mLowerBound;
    // With clients beyond their stored pairs the objective leaves them out; the bound does not.
    solution.lowerBound = solution.clientsBeyondStored > 0 ? bound : std::min( bound, solution.objective );
    solution.provenOptimal = solution.clientsBeyondStored == 0 && isProven();
  }
  solution.canceled = mCanceled;
  return solution;
}

//! The sparse solve; \a boundBeyond, if given, receives the clients the bound's relaxed
//! solution serves through their unstored pairs.
Result<LocationSolution> solveSparsePMedian( const SparseLocationProblem &problem, const PMedianOptions &options,
                                             ProgressSink &progress, std::vector<std::uint32_t> *boundBeyond )
{
  Result<LocationSiteRules> rules = checkPSiteProblem( problem, options.p );
  if ( !rules )
    return rules.error();
  const Clock::time_point start = Clock::now();
  const CandidateRanking ranking( problem, rules->eligible );
  PMedianSearch search( ranking, nullptr, problem.unstoredCostsIntegral, options, progress, *rules, start );
  Result<LocationSolution> solution = search.run();
  if ( boundBeyond )
    *boundBeyond = search.boundBeyond();
  return solution;
}

//! \a solution's open set evaluated on the full matrix; the bound is kept.
void evaluateOn( const LocationProblem &problem, LocationSolution &solution )
{
  std::vector<char> isOpen( problem.candidateCount, 0 );
  for ( std::uint32_t candidate : solution.open )
    isOpen[candidate] = 1;
  solution.objective = 0.0;
  solution.unservedClients = 0;
  solution.clientsBeyondStored = 0;
  solution.assignment.assign( problem.clientCount, kUnassigned );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    double best = kForbiddenAssignment;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      const double cost = problem.costAt( client, candidate );
      if ( isOpen[candidate] && isAllowedCost( cost ) && cost < best )
      {
        best = cost;
        solution.assignment[client] = candidate;
      }
    }
    if ( solution.assignment[client] == kUnassigned )
      ++solution.unservedClients;
    else
      solution.objective += problem.weightOf( client ) * best;
  }
  solution.lowerBound = std::min( solution.lowerBound, solution.objective );
}

} // namespace

Result<LocationSolution> solvePMedian( const LocationProblem &problem, const PMedianOptions &options,
                                       ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkPSiteProblem( problem, options.p );
  if ( !rules )
    return rules.error();
  const Clock::time_point start = Clock::now();
  const CandidateRanking ranking( problem, rules->eligible );
  PMedianSearch search( ranking, &problem, false, options, progress, *rules, start );
  return search.run();
}

Result<LocationSolution> solvePMedian( const SparseLocationProblem &problem, const PMedianOptions &options,
                                       ProgressSink &progress )
{
  return solveSparsePMedian( problem, options, progress, nullptr );
}

Result<LocationSolution> solvePMedianKNearest( const LocationProblem &problem, std::uint32_t k0,
                                               const PMedianOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkPSiteProblem( problem, options.p );
  if ( !rules )
    return rules.error();
  const NearestRowsBuilder rows = [&problem]( const std::vector<std::uint32_t> &rowLength ) {
    return kNearestReduction( problem, rowLength );
  };
  Result<LocationSolution> solution = solvePMedianKNearest( problem.clientCount, problem.candidateCount, rows, k0, options, progress );
  if ( solution )
    evaluateOn( problem, *solution );
  return solution;
}

Result<LocationSolution> solvePMedianKNearest( std::uint32_t clientCount, std::uint32_t candidateCount,
                                               const NearestRowsBuilder &rows, std::uint32_t k0,
                                               const PMedianOptions &options, ProgressSink &progress )
{
  // Per client the stored count, doubled where the last round's solution reached past it (or,
  // after a full search that did not prove its answer, where the bound's relaxed solution did);
  // each round starts from the previous medians. While rows still grow a round only scouts
  // (short VNS, no relinking, a share of the time): its medians are about to change. Every
  // round's bound holds for the full problem, so the best of them is kept.
  std::vector<std::uint32_t> rowLength( clientCount, std::max<std::uint32_t>( 1, k0 ) );
  PMedianOptions roundOptions = options;
  const Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) );
  bool scouting = true;
  double bestBound = 0.0;
  // The cheapest round that served every client through stored pairs (its objective is exact):
  // a later round may end at the deadline with medians moved past some rows.
  LocationSolution bestServed;
  bool haveServed = false;
  auto finish = [&]( LocationSolution &last ) -> Result<LocationSolution> {
    if ( !haveServed || ( last.clientsBeyondStored == 0 && last.objective <= bestServed.objective ) )
      return last;
    bestServed.canceled = last.canceled;
    bestServed.provenOptimal = bestServed.provenOptimal || bestBound >= bestServed.objective;
    return bestServed;
  };
  for ( std::uint32_t round = 0;; ++round )
  {
    const SparseLocationProblem sparse = rows( rowLength );
    std::vector<std::uint32_t> boundBeyond;
    ProgressPhase phase( progress, 1.0 - std::pow( 0.5, round ), 1.0 - std::pow( 0.5, round + 1 ) );
    const double remainingS = std::max( 0.0, std::chrono::duration<double>( deadline - Clock::now() ).count() );
    roundOptions.timeLimitS = scouting ? remainingS * kScoutTimeShare : remainingS;
    roundOptions.maxIterations = scouting ? kScoutIterations : options.maxIterations;
    roundOptions.pathRelinking = !scouting && options.pathRelinking;
    Result<LocationSolution> solution = solveSparsePMedian( sparse, roundOptions, phase, &boundBeyond );
    if ( !solution )
      return solution;
    bestBound = std::max( bestBound, solution->lowerBound );
    solution->lowerBound = bestBound;
    solution->provenOptimal = solution->provenOptimal || ( solution->clientsBeyondStored == 0 && bestBound >= solution->objective );
    if ( solution->clientsBeyondStored == 0 && ( !haveServed || solution->objective < bestServed.objective ) )
    {
      bestServed = *solution;
      haveServed = true;
    }
    bestServed.lowerBound = bestBound;
    if ( solution->canceled || solution->provenOptimal || Clock::now() > deadline )
      return finish( *solution );
    // Clients the solution serves beyond their stored pairs; after a full search that left none,
    // those the bound's relaxed solution serves there. A row holding every allowed pair has an
    // infinite beyond cost and never asks to grow.
    std::vector<std::uint32_t> toGrow;
    for ( std::uint32_t client = 0; client < clientCount; ++client )
    {
      if ( solution->assignment[client] == kUnassigned && sparse.allowsUnstoredPairs() && sparse.beyondCost[client] < kForbiddenAssignment )
        toGrow.push_back( client );
    }
    const bool solutionBeyond = !toGrow.empty();
    if ( !solutionBeyond && scouting )
    {
      scouting = false;   // the rows hold this solution: search it in full
      roundOptions.initialOpen = solution->open;
      continue;
    }
    if ( !solutionBeyond )
      toGrow = boundBeyond;
    if ( toGrow.empty() )
      return finish( *solution );
    for ( std::uint32_t client : toGrow )
      rowLength[client] = rowLength[client] > candidateCount / 2 ? candidateCount : 2 * rowLength[client];
    scouting = solutionBeyond;
    roundOptions.initialOpen = solution->open;
  }
}

} // namespace gf
