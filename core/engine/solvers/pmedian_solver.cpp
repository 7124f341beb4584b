#include "engine/solvers/pmedian_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/pmedian_lagrangian.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/swap_local_search.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;

//! Repeatedly opens the candidate saving the most weighted cost (ties: lowest index).
bool greedyOpen( const LocationProblem &problem, const CandidateRanking &ranking, const LocationSiteRules &rules,
                 std::uint32_t p, double missingCost, ProgressSink &progress, std::vector<std::uint32_t> &open )
{
  open = rules.required;
  std::vector<char> isOpen( problem.candidateCount, 0 );
  std::vector<double> nearest( problem.clientCount, missingCost );
  std::vector<double> gain( problem.candidateCount, 0.0 );
  auto openCandidate = [&]( std::uint32_t candidate ) {
    isOpen[candidate] = 1;
    for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
    {
      const double cost = problem.costAt( client, candidate );
      if ( isAllowedCost( cost ) && cost < nearest[client] )
        nearest[client] = cost;
    }
  };
  for ( std::uint32_t candidate : rules.required )
    openCandidate( candidate );
  while ( open.size() < p )
  {
    if ( progress.isCanceled() )
      return false;
    std::fill( gain.begin(), gain.end(), 0.0 );
    for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
    {
      const double weight = problem.weightOf( client );
      for ( const std::uint32_t *it = ranking.begin( client ); it != ranking.end( client ); ++it )
      {
        const double cost = problem.costAt( client, *it );
        if ( cost >= nearest[client] )
          break;
        gain[*it] += weight * ( nearest[client] - cost );
      }
    }
    std::uint32_t best = SwapLocalSearch::kNone;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
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
double missingCostOf( const LocationProblem &problem, const CandidateRanking &ranking )
{
  double total = 1.0;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    if ( ranking.isServable( client ) )
      total += problem.weightOf( client ) * problem.costAt( client, *( ranking.end( client ) - 1 ) );
  }
  return std::ceil( total );
}

//! Integral data lets a bound within 1 of the incumbent prove optimality.
bool hasIntegralObjective( const LocationProblem &problem, const CandidateRanking &ranking )
{
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const double weight = problem.weightOf( client );
    if ( weight != std::floor( weight ) )
      return false;
    for ( const std::uint32_t *it = ranking.begin( client ); it != ranking.end( client ); ++it )
    {
      const double cost = problem.costAt( client, *it );
      if ( cost != std::floor( cost ) )
        return false;
    }
  }
  return true;
}

class PMedianSearch
{
  public:
    PMedianSearch( const LocationProblem &problem, const PMedianOptions &options, ProgressSink &progress,
                   const LocationSiteRules &rules )
      : mProblem( problem )
      , mOptions( options )
      , mProgress( progress )
      , mRules( rules )
      , mRanking( problem, rules.eligible )
      , mMissingCost( missingCostOf( problem, mRanking ) )
      , mIntegral( hasIntegralObjective( problem, mRanking ) )
      , mDeadline( Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
      , mSearch( problem, mRanking, rules.eligible, rules.fixedOpen, mMissingCost )
    {}

    Result<LocationSolution> run();

  private:
    bool isProven() const
    {
      if ( mBestObjective >= mMissingCost )
        return false;
      const double gap = mBestObjective - mLowerBound;
      return mIntegral ? gap < 1.0 - 1e-6 : gap <= 1e-6 + 1e-9 * std::fabs( mBestObjective );
    }
    bool stopRequested()
    {
      mCanceled = mCanceled || mProgress.isCanceled();
      return mCanceled || Clock::now() > mDeadline;
    }
    void adoptIfBetter()
    {
      const double objective = mSearch.objective();
      if ( objective < mBestObjective - 1e-9 * std::max( 1.0, std::fabs( objective ) ) )
      {
        mBestObjective = objective;
        mBest = mSearch.open();
      }
    }
    std::vector<std::uint32_t> warmStart( const std::vector<std::uint32_t> &greedy ) const;
    void computeBound();
    void variableNeighbourhoodSearch();
    void localShake( std::uint32_t client, RandomSource &random, std::uint32_t &in, std::uint32_t &out ) const;
    LocationSolution buildSolution() const;

    const LocationProblem &mProblem;
    const PMedianOptions &mOptions;
    ProgressSink &mProgress;
    const LocationSiteRules &mRules;
    CandidateRanking mRanking;
    double mMissingCost;
    bool mIntegral;
    Clock::time_point mDeadline;
    SwapLocalSearch mSearch;
    std::vector<std::uint32_t> mBest;
    double mBestObjective = 0.0;
    double mLowerBound = 0.0;
    bool mCanceled = false;
};

Result<LocationSolution> PMedianSearch::run()
{
  const std::uint32_t p = mOptions.p;
  ProgressPhase greedyPhase( mProgress, 0.0, 0.05 );
  if ( !greedyOpen( mProblem, mRanking, mRules, p, mMissingCost, greedyPhase, mBest ) )
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
  if ( !isProven() && !stopRequested() )
    variableNeighbourhoodSearch();
  mProgress.setProgress( 1.0 );
  return buildSolution();
}

//! The warm-start candidates (required ones first), then those of \a greedy, p in all.
std::vector<std::uint32_t> PMedianSearch::warmStart( const std::vector<std::uint32_t> &greedy ) const
{
  std::vector<char> taken( mProblem.candidateCount, 0 );
  std::vector<std::uint32_t> start;
  auto add = [&]( std::uint32_t candidate ) {
    if ( start.size() < mOptions.p && candidate < mProblem.candidateCount && mRules.eligible[candidate] && !taken[candidate] )
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
  PMedianLagrangian lagrangian( mProblem, mRanking, mRules.eligible, mRules.fixedOpen, mOptions.p );
  std::vector<double> multipliers( mProblem.clientCount, 0.0 );
  mSearch.reset( mBest );
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
    {
      if ( mSearch.isOpen( *it ) )
      {
        multipliers[client] = mProblem.weightOf( client ) * mProblem.costAt( client, *it );
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
  lagrangian.improve( mBestObjective, target, 5000, phase, boundDeadline );
  mLowerBound = std::max( 0.0, lagrangian.bound() );

  // The relaxed solution at good multipliers is a classic Lagrangian heuristic start.
  if ( !isProven() && lagrangian.boundOpen().size() == mOptions.p )
  {
    mSearch.reset( lagrangian.boundOpen() );
    mSearch.descend( mProgress, mDeadline );
    adoptIfBetter();
  }
}

void PMedianSearch::variableNeighbourhoodSearch()
{
  std::vector<std::uint32_t> eligible;
  for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
  {
    if ( mRules.eligible[candidate] )
      eligible.push_back( candidate );
  }
  const std::uint32_t movable = mOptions.p - static_cast<std::uint32_t>( mRules.required.size() );
  if ( movable == 0 )
    return;
  const std::uint32_t maxShake = std::min<std::uint32_t>( { 10u, movable, static_cast<std::uint32_t>( eligible.size() ) - mOptions.p } );
  const std::uint32_t iterations = mOptions.maxIterations > 0 ? mOptions.maxIterations
                                                              : std::max<std::uint32_t>( 1000, 4 * mOptions.p );
  std::vector<std::uint32_t> servable;
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    if ( mRanking.isServable( client ) && mProblem.weightOf( client ) > 0.0 )
      servable.push_back( client );
  }
  RandomSource random( mOptions.seed );
  mSearch.reset( mBest );
  std::uint32_t shake = 1;
  std::vector<std::uint32_t> movableSlots;
  // The budget counts iterations since the last improvement: the search goes on while it pays.
  for ( std::uint32_t sinceImprovement = 0; sinceImprovement < iterations && !isProven(); ++sinceImprovement )
  {
    if ( stopRequested() )
      return;
    mProgress.setProgress( 0.3 + 0.7 * sinceImprovement / iterations );
    for ( std::uint32_t step = 0; step < shake; ++step )
    {
      movableSlots.clear();
      for ( std::uint32_t candidate : mSearch.open() )
      {
        if ( !mSearch.isFixed( candidate ) )
          movableSlots.push_back( candidate );
      }
      std::uint32_t out = movableSlots[random.below( static_cast<std::uint32_t>( movableSlots.size() ) )];
      std::uint32_t in = SwapLocalSearch::kNone;
      if ( mOptions.localShakes && sinceImprovement % 2 == 1 && !servable.empty() )
        localShake( servable[random.below( static_cast<std::uint32_t>( servable.size() ) )], random, in, out );
      while ( in == SwapLocalSearch::kNone || mSearch.isOpen( in ) )
        in = eligible[random.below( static_cast<std::uint32_t>( eligible.size() ) )];
      mSearch.swap( in, out );
    }
    mSearch.descend( mProgress, mDeadline );
    const double before = mBestObjective;
    adoptIfBetter();
    if ( mBestObjective < before )
    {
      shake = 1;
      sinceImprovement = 0;
    }
    else
    {
      mSearch.moveTo( mBest );
      shake = shake >= maxShake ? 1 : shake + 1;
    }
  }
}

//! A perturbation near \a client: its nearest movable open candidate leaves for one of its
//! few nearest closed ones. Random swaps on large instances with many medians mostly pair
//! far-apart sites that the descent at once undoes; neighbouring ones explore the region.
void PMedianSearch::localShake( std::uint32_t client, RandomSource &random, std::uint32_t &in, std::uint32_t &out ) const
{
  constexpr std::uint32_t kNearClosed = 8;
  std::uint32_t closed[kNearClosed];
  std::uint32_t closedCount = 0;
  std::uint32_t nearestOpen = SwapLocalSearch::kNone;
  for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
  {
    if ( !mSearch.isOpen( *it ) )
    {
      if ( closedCount < kNearClosed )
        closed[closedCount++] = *it;
    }
    else if ( nearestOpen == SwapLocalSearch::kNone && !mSearch.isFixed( *it ) )
    {
      nearestOpen = *it;
    }
    if ( closedCount == kNearClosed && nearestOpen != SwapLocalSearch::kNone )
      break;
  }
  if ( closedCount == 0 || nearestOpen == SwapLocalSearch::kNone )
    return;
  in = closed[random.below( closedCount )];
  out = nearestOpen;
}

LocationSolution PMedianSearch::buildSolution() const
{
  LocationSolution solution;
  solution.open = mBest;
  std::sort( solution.open.begin(), solution.open.end() );
  std::vector<char> isOpen( mProblem.candidateCount, 0 );
  for ( std::uint32_t candidate : solution.open )
    isOpen[candidate] = 1;
  solution.assignment.assign( mProblem.clientCount, kUnassigned );
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
    {
      if ( isOpen[*it] )
      {
        solution.assignment[client] = *it;
        solution.objective += mProblem.weightOf( client ) * mProblem.costAt( client, *it );
        break;
      }
    }
    if ( solution.assignment[client] == kUnassigned )
      ++solution.unservedClients;
  }
  if ( mBestObjective < mMissingCost )
  {
    solution.lowerBound = std::min( mIntegral ? std::ceil( mLowerBound - 1e-6 ) : mLowerBound, solution.objective );
    solution.provenOptimal = isProven();
  }
  solution.canceled = mCanceled;
  return solution;
}

} // namespace

Result<LocationSolution> solvePMedian( const LocationProblem &problem, const PMedianOptions &options,
                                       ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( Error count = checkFacilityCount( *rules, options.p ); count.code != ErrorCode::Ok )
    return count;
  PMedianSearch search( problem, options, progress, *rules );
  return search.run();
}

} // namespace gf
