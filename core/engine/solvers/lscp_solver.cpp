#include "engine/solvers/lscp_solver.h"

#include "engine/solvers/location_site_rules.h"

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
  mclp.seed = options.seed;
  auto coverWith = [&]( std::uint32_t p ) {
    mclp.p = p;
    mclp.timeLimitS = std::max( 0.0, std::chrono::duration<double>( deadline - Clock::now() ).count() );
    return solveMclp( problem, mclp, progress );
  };

  // Every candidate open covers all that can be covered.
  Result<CoverageSolution> all = coverWith( rules->eligibleCount );
  if ( !all )
    return all.error();
  const double tolerance = 1e-9 * std::max( 1.0, all->totalWeight );
  const double target = options.share * all->totalWeight - tolerance;
  if ( all->coveredWeight < target )
  {
    if ( options.share >= 1.0 )
    {
      for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
      {
        if ( problem.weightOf( client ) > 0.0 && all->coveringSite[client] == kUnassigned )
          return makeError( ErrorCode::NothingCoverable, std::to_string( client ) );
      }
    }
    return makeError( ErrorCode::NothingCoverable );
  }

  // Invariant: hi sites are enough (best covers with them), fewer than provenLo are not.
  std::uint32_t lo = std::max<std::uint32_t>( 1, static_cast<std::uint32_t>( rules->required.size() ) );
  std::uint32_t provenLo = lo;
  std::uint32_t hi = rules->eligibleCount;
  CoverageSolution best = *all;
  bool canceled = false;
  while ( lo < hi )
  {
    canceled = progress.isCanceled() || Clock::now() > deadline;
    if ( canceled )
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
  best.canceled = canceled;
  return best;
}

} // namespace gf
