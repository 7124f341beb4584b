#include "engine/solvers/lscp_solver.h"

#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/maximal_cover_search.h"

#include <algorithm>
#include <chrono>
#include <string>

namespace gf {

namespace {

//! Clients that pairwise share no candidate each need a site of their own: a lower bound on
//! the sites covering \a rows (rows with the fewest candidates taken first, as they block least).
std::uint32_t packingBound( const std::vector<std::vector<std::uint32_t>> &rows, std::uint32_t candidateCount )
{
  std::vector<std::uint32_t> order( rows.size() );
  for ( std::uint32_t row = 0; row < rows.size(); ++row )
    order[row] = row;
  std::stable_sort( order.begin(), order.end(), [&]( std::uint32_t a, std::uint32_t b ) { return rows[a].size() < rows[b].size(); } );
  std::vector<char> taken( candidateCount, 0 );
  std::uint32_t count = 0;
  for ( std::uint32_t row : order )
  {
    if ( std::any_of( rows[row].begin(), rows[row].end(), [&]( std::uint32_t candidate ) { return taken[candidate]; } ) )
      continue;
    ++count;
    for ( std::uint32_t candidate : rows[row] )
      taken[candidate] = 1;
  }
  return count;
}

//! The model over the coverage sets of either matrix shape (arguments already checked).
Result<CoverageSolution> solveLscpOnSets( const CoverageSets &sets, const LocationSiteRules &rules, const LscpOptions &options,
                                          ProgressSink &progress )
{
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) );
  MclpOptions mclp;
  mclp.radius = options.radius;
  auto coverWith = [&]( std::uint32_t p ) {
    mclp.p = p;
    mclp.timeLimitS = std::max( 0.0, std::chrono::duration<double>( deadline - Clock::now() ).count() );
    return solveMclp( sets, rules, mclp, progress );
  };

  // Every candidate open covers all that can be covered.
  std::vector<std::uint32_t> eligible;
  for ( std::uint32_t candidate = 0; candidate < sets.candidateCount; ++candidate )
  {
    if ( rules.eligible[candidate] )
      eligible.push_back( candidate );
  }
  const CoverageSolution all = coverageOf( sets, eligible );
  const double tolerance = 1e-9 * std::max( 1.0, all.totalWeight );
  const double target = options.share * all.totalWeight - tolerance;
  if ( all.coveredWeight < target )
  {
    if ( options.share >= 1.0 )
    {
      for ( std::uint32_t client = 0; client < sets.clientCount(); ++client )
      {
        if ( sets.weight[client] > 0.0 && all.coveringSite[client] == kUnassigned )
          return makeError( ErrorCode::NothingCoverable, std::to_string( client ) );
      }
    }
    return makeError( ErrorCode::NothingCoverable );
  }

  if ( options.share >= 1.0 )
  {
    // Every client with weight covered: exact set covering. Starting from every eligible
    // candidate, one site fewer is asked to cover every client (the maximal covering search
    // with that coverage as its target, whose greedy start often drops many sites at once)
    // until that is proven impossible or the cover reaches the packing bound, either of
    // which proves the last cover optimal.
    std::vector<std::vector<std::uint32_t>> openRows;
    for ( std::uint32_t client = 0; client < sets.clientCount(); ++client )
    {
      if ( sets.weight[client] > 0.0
           && std::none_of( sets.begin( client ), sets.end( client ), [&]( std::uint32_t candidate ) { return rules.fixedOpen[candidate]; } ) )
        openRows.push_back( sets.row( client ) );
    }
    const std::uint32_t requiredCount = static_cast<std::uint32_t>( rules.required.size() );
    const std::uint32_t lowerBound = requiredCount + packingBound( openRows, sets.candidateCount );
    // Every eligible candidate is a cover; the first search round replaces it by the greedy one.
    std::vector<std::uint32_t> columns = eligible;
    bool complete = false;
    MaximalCoverSearch fewer( openRows, std::vector<double>( openRows.size(), 1.0 ), sets.candidateCount );
    const double allRows = static_cast<double>( openRows.size() );
    while ( !complete && columns.size() > std::max( requiredCount, lowerBound ) )
    {
      const MaximalCoverResult result = fewer.solve( static_cast<std::uint32_t>( columns.size() ) - 1 - requiredCount, progress, deadline, allRows );
      if ( result.coveredWeight >= allRows - 0.5 )
      {
        columns = rules.required;
        columns.insert( columns.end(), result.columns.begin(), result.columns.end() );
        continue;
      }
      if ( result.stopped )
        break;
      complete = true;
    }
    if ( columns.size() <= std::max( requiredCount, lowerBound ) )
      complete = true;
    if ( columns.empty() )
    {
      // Nothing needs covering: a plan still has a site, as with a share below 1.
      columns.push_back( static_cast<std::uint32_t>( std::find( rules.eligible.begin(), rules.eligible.end(), 1 ) - rules.eligible.begin() ) );
    }
    CoverageSolution best = coverageOf( sets, columns );
    best.siteCountBound = complete ? static_cast<std::uint32_t>( best.open.size() )
                                   : std::min<std::uint32_t>( std::max<std::uint32_t>( 1, lowerBound ), static_cast<std::uint32_t>( best.open.size() ) );
    best.provenOptimal = complete;
    best.canceled = !complete && progress.isCanceled();
    return best;
  }

  // Invariant: hi sites are enough (best covers with them), fewer than provenLo are not.
  std::uint32_t lo = std::max<std::uint32_t>( 1, static_cast<std::uint32_t>( rules.required.size() ) );
  std::uint32_t provenLo = lo;
  std::uint32_t hi = rules.eligibleCount;
  CoverageSolution best = all;
  while ( lo < hi )
  {
    if ( progress.isCanceled() || Clock::now() > deadline )
      break;
    const std::uint32_t mid = lo + ( hi - lo ) / 2;
    const Result<CoverageSolution> result = coverWith( mid );
    if ( !result )
      return result.error();
    if ( result->coveredWeight >= target )
    {
      hi = mid;
      best = *result;
    }
    else
    {
      lo = mid + 1;
      if ( result->coveredWeightBound < target )
        provenLo = mid + 1;
    }
  }
  best.siteCountBound = std::min( provenLo, hi );
  best.provenOptimal = best.siteCountBound == hi;
  best.canceled = progress.isCanceled();
  return best;
}

//! The argument checks both matrix shapes share.
Error checkLscpOptions( const LocationSiteRules &rules, const LscpOptions &options )
{
  if ( !( options.radius >= 0.0 ) )
    return makeError( ErrorCode::InvalidArgument, "radius" );
  if ( !( options.share > 0.0 && options.share <= 1.0 ) )
    return makeError( ErrorCode::InvalidArgument, "share" );
  if ( rules.eligibleCount == 0 )
    return makeError( ErrorCode::NoCandidates );
  return Error{};
}

} // namespace

Result<CoverageSolution> solveLscp( const LocationProblem &problem, const LscpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( Error error = checkLscpOptions( *rules, options ); error.code != ErrorCode::Ok )
    return error;
  return solveLscpOnSets( coverageSetsOf( problem, rules->eligible, options.radius ), *rules, options, progress );
}

Result<CoverageSolution> solveLscp( const SparseLocationProblem &problem, const LscpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( Error error = checkLscpOptions( *rules, options ); error.code != ErrorCode::Ok )
    return error;
  const Result<CoverageSets> sets = coverageSetsOf( problem, rules->eligible, options.radius );
  if ( !sets )
    return sets.error();
  return solveLscpOnSets( *sets, *rules, options, progress );
}

} // namespace gf
