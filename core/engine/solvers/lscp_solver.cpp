#include "engine/solvers/lscp_solver.h"

#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/maximal_cover_search.h"
#include "engine/solvers/set_cover_search.h"

#include <algorithm>
#include <chrono>

namespace gf {

Result<CoverageSolution> solveLscp( const LocationProblem &problem, const LscpOptions &options, ProgressSink &progress )
{
  using Clock = std::chrono::steady_clock;
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( !( options.radius >= 0.0 ) )
    return makeError( ErrorCode::InvalidArgument, "radius" );
  if ( !( options.share > 0.0 && options.share <= 1.0 ) )
    return makeError( ErrorCode::InvalidArgument, "share" );
  if ( rules->eligibleCount == 0 )
    return makeError( ErrorCode::NoCandidates );

  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) );
  MclpOptions mclp;
  mclp.radius = options.radius;
  auto coverWith = [&]( std::uint32_t p ) {
    mclp.p = p;
    mclp.timeLimitS = std::max( 0.0, std::chrono::duration<double>( deadline - Clock::now() ).count() );
    return solveMclp( problem, mclp, progress );
  };

  // Every candidate open covers all that can be covered.
  std::vector<std::uint32_t> eligible;
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    if ( rules->eligible[candidate] )
      eligible.push_back( candidate );
  }
  const CoverageSolution all = coverageOf( problem, eligible, options.radius );
  const double tolerance = 1e-9 * std::max( 1.0, all.totalWeight );
  const double target = options.share * all.totalWeight - tolerance;
  if ( all.coveredWeight < target )
  {
    if ( options.share >= 1.0 )
    {
      for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
      {
        if ( problem.weightOf( client ) > 0.0 && all.coveringSite[client] == kUnassigned )
          return makeError( ErrorCode::NothingCoverable, std::to_string( client ) );
      }
    }
    return makeError( ErrorCode::NothingCoverable );
  }

  if ( options.share >= 1.0 )
  {
    // Every client with weight covered: exact set covering. The greedy cover of
    // SetCoverSearch starts; then one site fewer is asked to cover every client (the
    // maximal covering search with that coverage as its target) until that is proven
    // impossible, which proves the last cover optimal.
    std::vector<std::vector<std::uint32_t>> rows;
    std::vector<std::vector<std::uint32_t>> openRows;
    for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
    {
      if ( problem.weightOf( client ) <= 0.0 )
        continue;
      rows.push_back( coveringCandidates( problem, rules->eligible, client, options.radius ) );
      const std::vector<std::uint32_t> &cover = rows.back();
      if ( std::none_of( cover.begin(), cover.end(), [&]( std::uint32_t candidate ) { return rules->fixedOpen[candidate]; } ) )
        openRows.push_back( cover );
    }
    SetCoverSearch search( rows, problem.candidateCount );
    const SetCoverResult first = search.solve( rules->required, 0, true, progress, deadline );
    std::vector<std::uint32_t> columns = first.columns;
    std::uint32_t lowerBound = first.lowerBound;
    bool complete = false;
    const std::uint32_t requiredCount = static_cast<std::uint32_t>( rules->required.size() );
    MaximalCoverSearch fewer( openRows, std::vector<double>( openRows.size(), 1.0 ), problem.candidateCount );
    const double allRows = static_cast<double>( openRows.size() );
    while ( !complete && columns.size() > requiredCount )
    {
      const MaximalCoverResult result = fewer.solve( static_cast<std::uint32_t>( columns.size() ) - 1 - requiredCount, progress, deadline, allRows );
      if ( result.coveredWeight >= allRows - 0.5 )
      {
        columns = rules->required;
        columns.insert( columns.end(), result.columns.begin(), result.columns.end() );
        continue;
      }
      if ( result.stopped )
        break;
      complete = true;
    }
    if ( columns.size() == requiredCount )
      complete = true;
    if ( columns.empty() )
    {
      // Nothing needs covering: a plan still has a site, as with a share below 1.
      columns.push_back( static_cast<std::uint32_t>( std::find( rules->eligible.begin(), rules->eligible.end(), 1 ) - rules->eligible.begin() ) );
    }
    CoverageSolution best = coverageOf( problem, columns, options.radius );
    best.siteCountBound = complete ? static_cast<std::uint32_t>( best.open.size() )
                                   : std::min<std::uint32_t>( std::max<std::uint32_t>( 1, lowerBound ), static_cast<std::uint32_t>( best.open.size() ) );
    best.provenOptimal = complete;
    best.canceled = !complete && progress.isCanceled();
    return best;
  }

  // Invariant: hi sites are enough (best covers with them), fewer than provenLo are not.
  std::uint32_t lo = std::max<std::uint32_t>( 1, static_cast<std::uint32_t>( rules->required.size() ) );
  std::uint32_t provenLo = lo;
  std::uint32_t hi = rules->eligibleCount;
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

} // namespace gf
