#include "engine/solvers/pcenter_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"

#include <algorithm>
#include <chrono>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;

//! p-median iterations without improvement per radius of the binary search: its bound decides
//! most radii, and the search only has to find covers that are easy to find.
constexpr std::uint32_t kCoverIterations = 200;

//! Search nodes the exact cover check may visit before the radius is left unproven.
constexpr std::uint64_t kExactNodeBudget = 2000000;

enum class Cover
{
  Feasible,
  Infeasible,
  Unknown,
};

//! Exact decision "can k more candidates cover every uncovered client" by depth-first search:
//! branch on the uncovered client with the fewest covering candidates, prune when more
//! clients pairwise share no candidate than there are picks left. Gives up after a node budget.
class CoverSearch
{
  public:
    CoverSearch( std::vector<std::vector<std::uint32_t>> coveredBy, std::uint32_t candidateCount )
      : mCoveredBy( std::move( coveredBy ) )
      , mCovers( candidateCount )
      , mCoverCount( mCoveredBy.size(), 0 )
      , mMark( candidateCount, 0 )
    {
      for ( std::uint32_t client = 0; client < mCoveredBy.size(); ++client )
      {
        for ( std::uint32_t candidate : mCoveredBy[client] )
          mCovers[candidate].push_back( client );
      }
    }

    void open( std::uint32_t candidate, int delta )
    {
      for ( std::uint32_t client : mCovers[candidate] )
        mCoverCount[client] += delta;
    }

    Cover decide( std::uint32_t picks, std::uint64_t nodeBudget, std::vector<std::uint32_t> &chosen )
    {
      mNodes = nodeBudget;
      const int found = search( picks, chosen );
      return found > 0 ? Cover::Feasible : found == 0 ? Cover::Infeasible : Cover::Unknown;
    }

  private:
    //! 1 found, 0 none exists, -1 budget exhausted.
    int search( std::uint32_t picks, std::vector<std::uint32_t> &chosen )
    {
      if ( mNodes == 0 )
        return -1;
      --mNodes;
      std::uint32_t branch = kUnassigned;
      std::uint32_t independent = 0;
      std::fill( mMark.begin(), mMark.end(), 0 );
      for ( std::uint32_t client = 0; client < mCoveredBy.size(); ++client )
      {
        if ( mCoverCount[client] > 0 )
          continue;
        if ( branch == kUnassigned || mCoveredBy[client].size() < mCoveredBy[branch].size() )
          branch = client;
        const std::vector<std::uint32_t> &candidates = mCoveredBy[client];
        if ( std::none_of( candidates.begin(), candidates.end(), [&]( std::uint32_t c ) { return mMark[c] != 0; } ) )
        {
          ++independent;
          for ( std::uint32_t candidate : candidates )
            mMark[candidate] = 1;
        }
      }
      if ( branch == kUnassigned )
        return 1;
      if ( independent > picks )
        return 0;
      bool exhausted = false;
      for ( std::uint32_t candidate : mCoveredBy[branch] )
      {
        open( candidate, 1 );
        chosen.push_back( candidate );
        const int found = search( picks - 1, chosen );
        if ( found > 0 )
          return 1;
        chosen.pop_back();
        open( candidate, -1 );
        exhausted = exhausted || found < 0;
      }
      return exhausted ? -1 : 0;
    }

    std::vector<std::vector<std::uint32_t>> mCoveredBy;   //!< per client needing cover: candidates within the radius
    std::vector<std::vector<std::uint32_t>> mCovers;      //!< per candidate: clients within the radius
    std::vector<int> mCoverCount;
    std::vector<char> mMark;
    std::uint64_t mNodes = 0;
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
      , mRanking( problem, rules.eligible )
      , mDeadline( Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
    {
      mCoverProblem.clientCount = problem.clientCount;
      mCoverProblem.candidateCount = problem.candidateCount;
      mCoverProblem.required = problem.required;
      mCoverProblem.banned = problem.banned;
      mCoverProblem.clientWeight.assign( problem.clientCount, 0.0 );
      mCoverProblem.cost.assign( problem.cost.size(), 1.0 );
    }

    Result<LocationSolution> run();

  private:
    bool counts( std::uint32_t client ) const { return mProblem.weightOf( client ) > 0.0 && mRanking.isServable( client ); }
    Cover coverWithin( double radius, std::uint32_t iterations, std::vector<std::uint32_t> &open );
    Cover exactCoverWithin( double radius, std::vector<std::uint32_t> &open ) const;
    LocationSolution buildSolution( const std::vector<std::uint32_t> &open, double lowerBound, bool canceled ) const;

    const LocationProblem &mProblem;
    const LocationSiteRules &mRules;
    const PCenterOptions &mOptions;
    ProgressSink &mProgress;
    CandidateRanking mRanking;
    Clock::time_point mDeadline;
    LocationProblem mCoverProblem;   //!< 0 within the radius, 1 beyond: a p-median counting uncovered clients
};

Cover PCenterSearch::coverWithin( double radius, std::uint32_t iterations, std::vector<std::uint32_t> &open )
{
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    double *row = mCoverProblem.cost.data() + static_cast<std::size_t>( client ) * mProblem.candidateCount;
    std::fill( row, row + mProblem.candidateCount, 1.0 );
    mCoverProblem.clientWeight[client] = counts( client ) ? 1.0 : 0.0;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && mProblem.costAt( client, *it ) <= radius; ++it )
      row[*it] = 0.0;
  }
  PMedianOptions options;
  options.p = mOptions.p;
  options.seed = mOptions.seed;
  options.maxIterations = iterations;
  options.localShakes = false;
  options.timeLimitS = std::max( 0.0, std::chrono::duration<double>( mDeadline - Clock::now() ).count() );
  const Result<LocationSolution> result = solvePMedian( mCoverProblem, options, mProgress );
  if ( !result )
    return Cover::Unknown;
  if ( result->objective == 0.0 )
  {
    open = result->open;
    return Cover::Feasible;
  }
  return result->lowerBound >= 1.0 ? Cover::Infeasible : Cover::Unknown;
}

Cover PCenterSearch::exactCoverWithin( double radius, std::vector<std::uint32_t> &open ) const
{
  std::vector<std::vector<std::uint32_t>> coveredBy;
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    if ( !counts( client ) )
      continue;
    std::vector<std::uint32_t> candidates;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && mProblem.costAt( client, *it ) <= radius; ++it )
      candidates.push_back( *it );
    std::sort( candidates.begin(), candidates.end() );
    coveredBy.push_back( std::move( candidates ) );
  }
  CoverSearch search( std::move( coveredBy ), mProblem.candidateCount );
  for ( std::uint32_t candidate : mRules.required )
    search.open( candidate, 1 );
  std::vector<std::uint32_t> chosen;
  const Cover cover = search.decide( mOptions.p - static_cast<std::uint32_t>( mRules.required.size() ), kExactNodeBudget, chosen );
  if ( cover == Cover::Feasible )
  {
    // Pad with any closed eligible candidates: p are opened, and more never hurts.
    open = mRules.required;
    open.insert( open.end(), chosen.begin(), chosen.end() );
    std::vector<char> isOpen( mProblem.candidateCount, 0 );
    for ( std::uint32_t candidate : open )
      isOpen[candidate] = 1;
    for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount && open.size() < mOptions.p; ++candidate )
    {
      if ( mRules.eligible[candidate] && !isOpen[candidate] )
        open.push_back( candidate );
    }
  }
  return cover;
}

Result<LocationSolution> PCenterSearch::run()
{
  // No radius below the farthest nearest-candidate cost can cover everything.
  double floorRadius = 0.0;
  std::vector<double> radii;
  for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
  {
    if ( !counts( client ) )
      continue;
    floorRadius = std::max( floorRadius, mProblem.costAt( client, *mRanking.begin( client ) ) );
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
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
  std::vector<std::uint32_t> best;
  std::vector<std::uint32_t> open;
  std::size_t hi = radii.size() - 1;
  const Cover top = coverWithin( radii[hi], kCoverIterations, open );
  if ( top != Cover::Feasible )
    return mProgress.isCanceled() ? makeError( ErrorCode::Canceled ) : makeError( ErrorCode::Infeasible );
  best = open;
  std::size_t provenLo = 0;
  std::size_t lo = 0;
  bool canceled = false;
  while ( lo < hi )
  {
    canceled = mProgress.isCanceled() || Clock::now() > mDeadline;
    if ( canceled )
      break;
    const std::size_t mid = lo + ( hi - lo ) / 2;
    switch ( coverWithin( radii[mid], kCoverIterations, open ) )
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
  }
  // Just below the best radius, spend more search on finding a cover or the proof that none exists.
  while ( !canceled && provenLo < hi )
  {
    Cover below = coverWithin( radii[hi - 1], 2000, open );
    if ( below == Cover::Unknown )
      below = exactCoverWithin( radii[hi - 1], open );
    if ( below == Cover::Feasible )
    {
      --hi;
      best = open;
    }
    else
    {
      provenLo = below == Cover::Infeasible ? hi : provenLo;
      break;
    }
    canceled = mProgress.isCanceled() || Clock::now() > mDeadline;
  }
  mProgress.setProgress( 1.0 );
  return buildSolution( best, radii[std::min( provenLo, hi )], canceled );
}

LocationSolution PCenterSearch::buildSolution( const std::vector<std::uint32_t> &open, double lowerBound, bool canceled ) const
{
  LocationSolution solution;
  solution.open = open;
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
        if ( mProblem.weightOf( client ) > 0.0 )
          solution.objective = std::max( solution.objective, mProblem.costAt( client, *it ) );
        break;
      }
    }
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
