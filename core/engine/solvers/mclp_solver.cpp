#include "engine/solvers/mclp_solver.h"

#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/maximal_cover_search.h"

#include <algorithm>
#include <chrono>
#include <map>

namespace gf {

namespace {

//! Swap descent on the weight covered twice that never lowers the weight covered once:
//! \a groups are the merged clients' covering candidates, first improving swap taken.
void improveBackupCoverage( const std::vector<const std::vector<std::uint32_t> *> &groups, const std::vector<double> &groupWeight,
                            const LocationSiteRules &rules, double timeLimitS, ProgressSink &progress,
                            std::vector<std::uint32_t> &open )
{
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( timeLimitS ) );
  const std::size_t candidateCount = rules.eligible.size();
  std::vector<std::vector<std::uint32_t>> groupsOf( candidateCount );
  double total = 0.0;
  for ( std::uint32_t group = 0; group < groups.size(); ++group )
  {
    total += groupWeight[group];
    for ( std::uint32_t candidate : *groups[group] )
      groupsOf[candidate].push_back( group );
  }
  const double tolerance = 1e-9 * std::max( 1.0, total );
  std::vector<int> count( groups.size(), 0 );
  std::vector<char> isOpen( candidateCount, 0 );
  for ( std::uint32_t candidate : open )
  {
    isOpen[candidate] = 1;
    for ( std::uint32_t group : groupsOf[candidate] )
      ++count[group];
  }
  // Change of (covered, covered twice) when `in` replaces `out`.
  auto change = [&]( std::uint32_t in, std::uint32_t out, double &covered, double &twice ) {
    covered = 0.0;
    twice = 0.0;
    for ( std::uint32_t group : groupsOf[out] )
    {
      covered -= count[group] == 1 ? groupWeight[group] : 0.0;
      twice -= count[group] == 2 ? groupWeight[group] : 0.0;
      --count[group];
    }
    for ( std::uint32_t group : groupsOf[in] )
    {
      covered += count[group] == 0 ? groupWeight[group] : 0.0;
      twice += count[group] == 1 ? groupWeight[group] : 0.0;
    }
    for ( std::uint32_t group : groupsOf[out] )
      ++count[group];
  };
  for ( bool improved = true; improved; )
  {
    improved = false;
    if ( progress.isCanceled() || Clock::now() > deadline )
      return;
    for ( std::size_t slot = 0; slot < open.size() && !improved; ++slot )
    {
      const std::uint32_t out = open[slot];
      if ( rules.fixedOpen[out] )
        continue;
      for ( std::uint32_t in = 0; in < candidateCount && !improved; ++in )
      {
        if ( isOpen[in] || !rules.eligible[in] )
          continue;
        double covered = 0.0, twice = 0.0;
        change( in, out, covered, twice );
        if ( covered > -tolerance && ( covered > tolerance || twice > tolerance ) )
        {
          for ( std::uint32_t group : groupsOf[out] )
            --count[group];
          for ( std::uint32_t group : groupsOf[in] )
            ++count[group];
          isOpen[out] = 0;
          isOpen[in] = 1;
          open[slot] = in;
          improved = true;
        }
      }
    }
  }
}

} // namespace

std::vector<std::uint32_t> coveringCandidates( const LocationProblem &problem, const std::vector<char> &eligible,
                                               std::uint32_t client, double radius )
{
  std::vector<std::uint32_t> candidates;
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    const double cost = problem.costAt( client, candidate );
    if ( eligible[candidate] && cost < kForbiddenAssignment && cost <= radius )
      candidates.push_back( candidate );
  }
  return candidates;
}

CoverageSolution coverageOf( const LocationProblem &problem, const std::vector<std::uint32_t> &open, double radius )
{
  CoverageSolution solution;
  solution.open = open;
  std::sort( solution.open.begin(), solution.open.end() );
  solution.coveringSite.assign( problem.clientCount, kUnassigned );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    std::uint32_t best = kUnassigned;
    for ( std::uint32_t candidate : solution.open )
    {
      const double cost = problem.costAt( client, candidate );
      if ( cost < kForbiddenAssignment && cost <= radius && ( best == kUnassigned || cost < problem.costAt( client, best ) ) )
        best = candidate;
    }
    solution.coveringSite[client] = best;
    if ( best != kUnassigned && problem.weightOf( client ) > 0.0 )
    {
      const auto within = std::count_if( solution.open.begin(), solution.open.end(), [&]( std::uint32_t candidate ) {
        const double cost = problem.costAt( client, candidate );
        return cost < kForbiddenAssignment && cost <= radius;
      } );
      solution.backupWeight += within >= 2 ? problem.weightOf( client ) : 0.0;
    }
    solution.totalWeight += problem.weightOf( client );
    solution.coveredWeight += best != kUnassigned ? problem.weightOf( client ) : 0.0;
  }
  return solution;
}

Result<CoverageSolution> solveMclp( const LocationProblem &problem, const MclpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( !( options.radius >= 0.0 ) )
    return makeError( ErrorCode::InvalidArgument, "radius" );
  if ( Error count = checkFacilityCount( *rules, options.p ); count.code != ErrorCode::Ok )
    return count;

  // Merge clients by coverage set; clients nothing covers only count in the total.
  CoverageSolution solution;
  std::map<std::vector<std::uint32_t>, std::uint32_t> groupOf;
  std::vector<const std::vector<std::uint32_t> *> groups;
  std::vector<double> groupWeight;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    solution.totalWeight += problem.weightOf( client );
    std::vector<std::uint32_t> cover = coveringCandidates( problem, rules->eligible, client, options.radius );
    if ( cover.empty() || problem.weightOf( client ) <= 0.0 )
      continue;
    const auto inserted = groupOf.emplace( std::move( cover ), static_cast<std::uint32_t>( groups.size() ) );
    if ( inserted.second )
    {
      groups.push_back( &inserted.first->first );
      groupWeight.push_back( 0.0 );
    }
    groupWeight[inserted.first->second] += problem.weightOf( client );
  }
  double coverable = 0.0;
  for ( double weight : groupWeight )
    coverable += weight;
  solution.mergedClients = static_cast<std::uint32_t>( groups.size() );

  // Groups a required site covers are covered in every plan; the search picks the other
  // sites among the remaining groups (it drops dominated candidates itself).
  std::vector<std::uint32_t> open = rules->required;
  double requiredCovered = 0.0;
  std::vector<std::vector<std::uint32_t>> rows;
  std::vector<double> rowWeight;
  for ( std::uint32_t group = 0; group < groups.size(); ++group )
  {
    const std::vector<std::uint32_t> &cover = *groups[group];
    if ( std::any_of( cover.begin(), cover.end(), [&]( std::uint32_t candidate ) { return rules->fixedOpen[candidate]; } ) )
    {
      requiredCovered += groupWeight[group];
      continue;
    }
    rows.push_back( cover );
    rowWeight.push_back( groupWeight[group] );
  }
  using Clock = MaximalCoverSearch::Clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) );
  MaximalCoverSearch search( rows, rowWeight, problem.candidateCount );
  const MaximalCoverResult result = search.solve( options.p - static_cast<std::uint32_t>( open.size() ), progress, deadline );
  open.insert( open.end(), result.columns.begin(), result.columns.end() );
  solution.provenOptimal = result.proven;
  // The time limit only leaves the plan unproven; canceled means the caller canceled.
  solution.canceled = result.stopped && progress.isCanceled();
  // Fewer sites already cover everything coverable: any others complete the plan.
  std::vector<char> isOpen( problem.candidateCount, 0 );
  for ( std::uint32_t candidate : open )
    isOpen[candidate] = 1;
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount && open.size() < options.p; ++candidate )
  {
    if ( rules->eligible[candidate] && !isOpen[candidate] )
      open.push_back( candidate );
  }

  if ( options.backupCoverage && !groups.empty() && !solution.canceled )
    improveBackupCoverage( groups, groupWeight, *rules, options.timeLimitS, progress, open );
  const CoverageSolution covered = coverageOf( problem, open, options.radius );
  solution.open = covered.open;
  solution.coveringSite = covered.coveringSite;
  solution.coveredWeight = covered.coveredWeight;
  solution.backupWeight = covered.backupWeight;
  solution.coveredWeightBound = std::max( solution.coveredWeight, std::min( coverable, requiredCovered + result.weightBound ) );
  return solution;
}

} // namespace gf
