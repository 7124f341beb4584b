#include "engine/solvers/uflp_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/cflp_solver.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/pmedian_lagrangian.h"
#include "engine/solvers/random_source.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint32_t kNone = UINT32_MAX;

//! The open set with each client's nearest and second-nearest open candidate. Moves are
//! priced from these in O(pairs) each; the instances this targets (hundreds of candidates)
//! need nothing faster. Works on the ranked pairs only (dense, or the stored pairs of a sparse
//! matrix): a client no open candidate serves through them costs mMissingCost in the search.
class UflpSearch
{
  public:
    //! \a dense or \a sparse (the other null): the problem \a ranking was built from, for the
    //! branch and bound.
    UflpSearch( const CandidateRanking &ranking, const std::vector<double> &fixedCost, const LocationProblem *dense,
                const SparseLocationProblem *sparse, const UflpOptions &options, ProgressSink &progress, const LocationSiteRules &rules, std::uint32_t minOpen,
                std::uint32_t maxOpen )
      : mRanking( ranking )
      , mFixedCost( fixedCost )
      , mDense( dense )
      , mSparse( sparse )
      , mClientCount( ranking.clientCount() )
      , mCandidateCount( ranking.candidateCount() )
      , mOptions( options )
      , mProgress( progress )
      , mRules( rules )
      , mMinOpen( minOpen )
      , mMaxOpen( maxOpen )
      , mDeadline( Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
    {
      double total = 1.0;
      for ( std::uint32_t client = 0; client < mClientCount; ++client )
      {
        if ( mRanking.isServable( client ) && mRanking.weightOf( client ) > 0.0 )
        {
          mClients.push_back( client );
          total += weighted( client, mRanking.size( client ) - 1 );
        }
      }
      for ( double cost : fixedCost )
        total += cost;
      mMissingCost = std::ceil( total );
      mIsOpen.assign( mCandidateCount, 0 );
      mD1.assign( mClientCount, mMissingCost );
      mD2.assign( mClientCount, mMissingCost );
      mN1.assign( mClientCount, kNone );
    }

    Result<LocationSolution> run();

  private:
    //! Weighted cost of the \a rank-th candidate of \a client's ranking.
    double weighted( std::uint32_t client, std::uint32_t rank ) const
    {
      return mRanking.weightOf( client ) * mRanking.costs( client )[rank];
    }
    bool stopRequested()
    {
      mCanceled = mCanceled || mProgress.isCanceled();
      return mCanceled || Clock::now() > mDeadline;
    }
    bool isProven() const { return mBestObjective - mLowerBound <= 1e-6 + 1e-9 * std::fabs( mBestObjective ); }
    void setOpen( const std::vector<char> &isOpen );
    void locate();
    double objective() const;
    bool improveOnce();
    void descend();
    void perturb( RandomSource &random, std::uint32_t flips );
    void computeBound();
    void branchAndBound();
    void adoptIfBetter();
    LocationSolution buildSolution() const;

    const CandidateRanking &mRanking;
    const std::vector<double> &mFixedCost;
    const LocationProblem *mDense;
    const SparseLocationProblem *mSparse;
    std::uint32_t mClientCount;
    std::uint32_t mCandidateCount;
    const UflpOptions &mOptions;
    ProgressSink &mProgress;
    const LocationSiteRules &mRules;
    std::uint32_t mMinOpen;
    std::uint32_t mMaxOpen;
    Clock::time_point mDeadline;
    double mMissingCost = 0.0;
    std::vector<std::uint32_t> mClients;   //!< servable clients with positive weight
    std::vector<char> mIsOpen;
    std::uint32_t mOpenCount = 0;
    std::vector<double> mD1;               //!< per client: weighted cost to the nearest open
    std::vector<double> mD2;               //!< and to the second nearest
    std::vector<std::uint32_t> mN1;
    std::vector<char> mBest;
    double mBestObjective = 0.0;
    double mLowerBound = 0.0;
    bool mCanceled = false;
};

void UflpSearch::setOpen( const std::vector<char> &isOpen )
{
  mIsOpen = isOpen;
  mOpenCount = static_cast<std::uint32_t>( std::count( mIsOpen.begin(), mIsOpen.end(), 1 ) );
  locate();
}

void UflpSearch::locate()
{
  for ( std::uint32_t client : mClients )
  {
    mD1[client] = mMissingCost;
    mD2[client] = mMissingCost;
    mN1[client] = kNone;
    const std::uint32_t *candidates = mRanking.begin( client );
    for ( std::uint32_t rank = 0; rank < mRanking.size( client ); ++rank )
    {
      if ( !mIsOpen[candidates[rank]] )
        continue;
      if ( mN1[client] == kNone )
      {
        mN1[client] = candidates[rank];
        mD1[client] = weighted( client, rank );
      }
      else
      {
        mD2[client] = weighted( client, rank );
        break;
      }
    }
  }
}

double UflpSearch::objective() const
{
  double total = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
    total += mIsOpen[candidate] ? mFixedCost[candidate] : 0.0;
  for ( std::uint32_t client : mClients )
    total += mD1[client];
  return total;
}

//! Applies the best improving add, drop or swap; false at a local optimum.
bool UflpSearch::improveOnce()
{
  const std::uint32_t m = mCandidateCount;
  const double tolerance = 1e-9 * std::max( 1.0, mBestObjective );
  double bestDelta = -tolerance;
  std::uint32_t bestIn = kNone;
  std::uint32_t bestOut = kNone;

  // Closing each open candidate: its clients move to their second nearest.
  std::vector<double> dropDelta( m, 0.0 );
  for ( std::uint32_t client : mClients )
  {
    if ( mN1[client] != kNone )
      dropDelta[mN1[client]] += mD2[client] - mD1[client];
  }
  for ( std::uint32_t out = 0; out < m; ++out )
  {
    if ( mIsOpen[out] && !mRules.fixedOpen[out] && mOpenCount > mMinOpen )
    {
      const double delta = dropDelta[out] - mFixedCost[out];
      if ( delta < bestDelta )
      {
        bestDelta = delta;
        bestIn = kNone;
        bestOut = out;
      }
    }
  }
  // Opening a candidate, alone (add) or in place of an open one (swap).
  std::vector<double> base( mClientCount, 0.0 );
  for ( std::uint32_t out = 0; out <= m; ++out )
  {
    const bool isSwap = out < m;
    if ( isSwap && ( !mIsOpen[out] || mRules.fixedOpen[out] ) )
      continue;
    if ( !isSwap && mOpenCount >= mMaxOpen )
      continue;
    for ( std::uint32_t client : mClients )
      base[client] = isSwap && mN1[client] == out ? mD2[client] : mD1[client];
    const double baseDelta = isSwap ? dropDelta[out] - mFixedCost[out] : 0.0;
    for ( std::uint32_t in = 0; in < m; ++in )
    {
      if ( mIsOpen[in] || !mRules.eligible[in] )
        continue;
      // Only the clients \a in may serve can save; base is 0 for the others (no weight).
      double delta = baseDelta + mFixedCost[in];
      const double *cost = mRanking.servedCosts( in );
      for ( const std::uint32_t *client = mRanking.servedBegin( in ); client != mRanking.servedEnd( in ); ++client, ++cost )
      {
        const double saving = base[*client] - mRanking.weightOf( *client ) * *cost;
        delta -= saving > 0.0 ? saving : 0.0;
      }
      if ( delta < bestDelta )
      {
        bestDelta = delta;
        bestIn = in;
        bestOut = isSwap ? out : kNone;
      }
    }
  }
  if ( bestIn == kNone && bestOut == kNone )
    return false;
  if ( bestIn != kNone )
  {
    mIsOpen[bestIn] = 1;
    ++mOpenCount;
  }
  if ( bestOut != kNone )
  {
    mIsOpen[bestOut] = 0;
    --mOpenCount;
  }
  locate();
  return true;
}

void UflpSearch::descend()
{
  while ( !stopRequested() && improveOnce() )
  {
  }
}

//! Toggles \a flips random eligible, non-required candidates within the count limits.
void UflpSearch::perturb( RandomSource &random, std::uint32_t flips )
{
  const std::uint32_t m = mCandidateCount;
  for ( std::uint32_t flip = 0, attempts = 0; flip < flips && attempts < 10 * flips; ++attempts )
  {
    const std::uint32_t candidate = random.below( m );
    if ( !mRules.eligible[candidate] || mRules.fixedOpen[candidate] )
      continue;
    if ( mIsOpen[candidate] ? mOpenCount <= mMinOpen : mOpenCount >= mMaxOpen )
      continue;
    mOpenCount += mIsOpen[candidate] ? -1 : 1;
    mIsOpen[candidate] = !mIsOpen[candidate];
    ++flip;
  }
  locate();
}

void UflpSearch::adoptIfBetter()
{
  const double value = objective();
  if ( value < mBestObjective - 1e-9 * std::max( 1.0, std::fabs( value ) ) )
  {
    mBestObjective = value;
    mBest = mIsOpen;
  }
}

void UflpSearch::computeBound()
{
  if ( mBestObjective >= mMissingCost )
    return;  // the count limits leave a servable client unserved: the relaxation bounds another problem
  PMedianLagrangian lagrangian( mRanking, mRules.eligible, mRules.fixedOpen, mFixedCost,
                                mMinOpen, mMaxOpen );
  std::vector<double> multipliers( mClientCount, 0.0 );
  for ( std::uint32_t client : mClients )
    multipliers[client] = mD1[client];
  lagrangian.setMultipliers( multipliers );
  ProgressPhase phase( mProgress, 0.05, 0.4 );
  lagrangian.improve( mBestObjective, mBestObjective - 1e-6, 3000, phase, mDeadline );
  mLowerBound = std::max( 0.0, lagrangian.bound() );
  if ( isProven() )
    return;
  std::vector<char> start( mCandidateCount, 0 );
  for ( std::uint32_t candidate : lagrangian.boundOpen() )
    start[candidate] = 1;
  setOpen( start );
  descend();
  adoptIfBetter();
}

//! The capacitated search with every candidate able to hold the whole demand solves this very
//! problem; its count-fixed Lagrangian trees close the gap the plain bound leaves. Only for an
//! incumbent that serves every servable client: that model has no unserved clients.
void UflpSearch::branchAndBound()
{
  const std::vector<double> capacity( mCandidateCount, static_cast<double>( mClients.size() ) );
  std::vector<double> demand( mClientCount, 0.0 );
  for ( std::uint32_t client : mClients )
    demand[client] = 1.0;
  CflpOptions options;
  options.minFacilities = mMinOpen;
  options.maxFacilities = mMaxOpen;
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    if ( mBest[candidate] )
      options.start.push_back( candidate );
  }
  options.seed = mOptions.seed;
  options.timeLimitS = std::max( 0.0, std::chrono::duration<double>( mDeadline - Clock::now() ).count() );
  ProgressPhase phase( mProgress, 0.4, 1.0 );
  const Result<CflpSolution> result = mDense ? solveCflp( CflpProblem{ *mDense, mFixedCost, capacity, demand }, options, phase )
                                             : solveCflp( SparseCflpProblem{ *mSparse, mFixedCost, capacity, demand }, options, phase );
  if ( !result )
    return;
  mCanceled = mCanceled || result->location.canceled;
  std::vector<char> open( mCandidateCount, 0 );
  for ( std::uint32_t candidate : result->location.open )
    open[candidate] = 1;
  setOpen( open );
  adoptIfBetter();
  mLowerBound = std::max( mLowerBound, result->location.lowerBound );
}

Result<LocationSolution> UflpSearch::run()
{
  // Start from the required candidates (or the cheapest eligible one) and let the descent add.
  std::vector<char> start( mCandidateCount, 0 );
  for ( std::uint32_t candidate : mRules.required )
    start[candidate] = 1;
  if ( mRules.required.empty() )
  {
    std::uint32_t cheapest = kNone;
    for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
    {
      if ( mRules.eligible[candidate] && ( cheapest == kNone || mFixedCost[candidate] < mFixedCost[cheapest] ) )
        cheapest = candidate;
    }
    start[cheapest] = 1;
  }
  setOpen( start );
  // Reach the minimum count first: the descent never leaves the allowed range.
  RandomSource random( mOptions.seed );
  while ( mOpenCount < mMinOpen )
    perturb( random, 1 );
  descend();
  mBest = mIsOpen;
  mBestObjective = objective();
  if ( stopRequested() )
    return buildSolution();
  computeBound();

  // Over a sparse matrix only without beyondCost: the capacitated bound knows the stored arcs only.
  const bool exact = mDense || !mRanking.hasBeyondCost();
  if ( exact && mOptions.prove && !isProven() && !stopRequested() && mBestObjective < mMissingCost && !mClients.empty() )
  {
    // The exact search finds better plans itself: perturbing first only delays the proof.
    branchAndBound();
    mProgress.setProgress( 1.0 );
    return buildSolution();
  }
  const std::uint32_t iterations = mOptions.maxIterations > 0 ? mOptions.maxIterations : 100;
  const std::uint32_t maxFlips = std::max<std::uint32_t>( 2, std::min<std::uint32_t>( 8, mRules.eligibleCount / 4 ) );
  std::uint32_t flips = 1;
  for ( std::uint32_t iteration = 0; iteration < iterations && !isProven() && !stopRequested(); ++iteration )
  {
    mProgress.setProgress( 0.4 + 0.6 * iteration / iterations );
    setOpen( mBest );
    perturb( random, flips );
    descend();
    const double before = mBestObjective;
    adoptIfBetter();
    flips = mBestObjective < before || flips >= maxFlips ? 1 : flips + 1;
  }
  mProgress.setProgress( 1.0 );
  return buildSolution();
}

LocationSolution UflpSearch::buildSolution() const
{
  LocationSolution solution;
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    if ( mBest[candidate] )
    {
      solution.open.push_back( candidate );
      solution.objective += mFixedCost[candidate];
    }
  }
  mRanking.assignNearestOpen( mBest, solution );
  // With clients beyond their stored pairs the objective leaves them out; the bound does not.
  solution.lowerBound = solution.clientsBeyondStored > 0 ? mLowerBound : std::min( mLowerBound, solution.objective );
  solution.provenOptimal = solution.clientsBeyondStored == 0 && isProven();
  solution.canceled = mCanceled;
  return solution;
}

//! The checks both matrix shapes share, then the search over the ranked pairs of \a location
//! (\a dense or \a sparse: the one it is).
template<typename Location>
Result<LocationSolution> solveOver( const Location &location, const std::vector<double> &fixedCost, const LocationProblem *dense,
                                    const SparseLocationProblem *sparse, const UflpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( location );
  if ( !rules )
    return rules.error();
  if ( fixedCost.size() != location.candidateCount )
    return makeError( ErrorCode::InvalidArgument, "fixedCost" );
  for ( double cost : fixedCost )
  {
    if ( !( cost >= 0.0 ) || cost >= kForbiddenAssignment )
      return makeError( ErrorCode::InvalidArgument, "fixedCost" );
  }
  const std::uint32_t maxOpen = options.maxFacilities > 0 ? std::min( options.maxFacilities, rules->eligibleCount )
                                                          : rules->eligibleCount;
  if ( options.minFacilities > rules->eligibleCount )
    return makeError( ErrorCode::TooManyFacilities, std::to_string( options.minFacilities ) );
  if ( options.minFacilities > maxOpen )
    return makeError( ErrorCode::InvalidArgument, "minFacilities" );
  if ( maxOpen < rules->required.size() )
    return makeError( ErrorCode::InvalidArgument, "required" );
  if ( rules->eligibleCount == 0 )
    return makeError( ErrorCode::NoCandidates );
  const CandidateRanking ranking( location, rules->eligible );
  UflpSearch search( ranking, fixedCost, dense, sparse, options, progress, *rules, std::max<std::uint32_t>( 1, options.minFacilities ), maxOpen );
  return search.run();
}

} // namespace

Result<LocationSolution> solveUflp( const UflpProblem &problem, const UflpOptions &options, ProgressSink &progress )
{
  return solveOver( problem.location, problem.fixedCost, &problem.location, nullptr, options, progress );
}

Result<LocationSolution> solveUflp( const SparseUflpProblem &problem, const UflpOptions &options, ProgressSink &progress )
{
  return solveOver( problem.location, problem.fixedCost, nullptr, &problem.location, options, progress );
}

} // namespace gf
