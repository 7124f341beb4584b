#include "engine/solvers/mclp_solver.h"

#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/maximal_cover_search.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <unordered_map>

namespace gf {

namespace {

//! Swap descent on the weight covered twice that never lowers the weight covered once:
//! \a groups are the merged clients' covering candidates, first improving swap taken.
void improveBackupCoverage( const std::vector<std::vector<std::uint32_t>> &groups, const std::vector<double> &groupWeight,
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
    for ( std::uint32_t candidate : groups[group] )
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

CoverageSets coverageSetsOf( const LocationProblem &problem, const std::vector<char> &eligible, double radius )
{
  CoverageSets sets;
  sets.candidateCount = problem.candidateCount;
  sets.rowStart.reserve( static_cast<std::size_t>( problem.clientCount ) + 1 );
  sets.weight.resize( problem.clientCount );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const double *row = problem.cost.data() + static_cast<std::size_t>( client ) * problem.candidateCount;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      if ( row[candidate] <= radius && row[candidate] < kForbiddenAssignment && eligible[candidate] )
      {
        sets.candidates.push_back( candidate );
        sets.costs.push_back( row[candidate] );
      }
    }
    sets.rowStart.push_back( sets.candidates.size() );
    sets.weight[client] = problem.weightOf( client );
    sets.totalWeight += sets.weight[client];
  }
  return sets;
}

Result<CoverageSets> coverageSetsOf( const SparseLocationProblem &problem, const std::vector<char> &eligible, double radius )
{
  const auto eligibleCount = static_cast<std::size_t>( std::count( eligible.begin(), eligible.end(), 1 ) );
  CoverageSets sets;
  sets.candidateCount = problem.candidateCount;
  sets.rowStart.reserve( static_cast<std::size_t>( problem.clientCount ) + 1 );
  sets.weight.resize( problem.clientCount );
  std::vector<SparseCostEntry> within;
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    within.clear();
    std::size_t storedEligible = 0;
    for ( const SparseCostEntry *entry = problem.begin( client ); entry != problem.end( client ); ++entry )
    {
      if ( !eligible[entry->candidate] )
        continue;
      ++storedEligible;
      if ( entry->cost <= radius )
        within.push_back( *entry );
    }
    if ( problem.allowsUnstoredPairs() && problem.beyondCost[client] <= radius && storedEligible < eligibleCount )
      return makeError( ErrorCode::CoverageUndecidable, std::to_string( client ) );
    std::sort( within.begin(), within.end(), []( const SparseCostEntry &a, const SparseCostEntry &b ) { return a.candidate < b.candidate; } );
    for ( const SparseCostEntry &entry : within )
    {
      sets.candidates.push_back( entry.candidate );
      sets.costs.push_back( entry.cost );
    }
    sets.rowStart.push_back( sets.candidates.size() );
    sets.weight[client] = problem.weightOf( client );
    sets.totalWeight += sets.weight[client];
  }
  return sets;
}

CoverageSolution coverageOf( const CoverageSets &sets, const std::vector<std::uint32_t> &open )
{
  CoverageSolution solution;
  solution.open = open;
  std::sort( solution.open.begin(), solution.open.end() );
  std::vector<char> isOpen( sets.candidateCount, 0 );
  for ( std::uint32_t candidate : solution.open )
    isOpen[candidate] = 1;
  solution.coveringSite.assign( sets.clientCount(), kUnassigned );
  solution.totalWeight = sets.totalWeight;
  for ( std::uint32_t client = 0; client < sets.clientCount(); ++client )
  {
    // The nearest open candidate covers (ties: the lower index), a second one is the backup.
    int within = 0;
    double nearest = 0.0;
    for ( std::size_t entry = sets.rowStart[client]; entry < sets.rowStart[client + 1]; ++entry )
    {
      if ( !isOpen[sets.candidates[entry]] )
        continue;
      if ( within++ == 0 || sets.costs[entry] < nearest )
      {
        nearest = sets.costs[entry];
        solution.coveringSite[client] = sets.candidates[entry];
      }
    }
    solution.coveredWeight += within >= 1 ? sets.weight[client] : 0.0;
    solution.backupWeight += within >= 2 ? sets.weight[client] : 0.0;
  }
  return solution;
}

CoverageSolution coverageOf( const LocationProblem &problem, const std::vector<std::uint32_t> &open, double radius )
{
  std::vector<char> isOpen( problem.candidateCount, 0 );
  for ( std::uint32_t candidate : open )
    isOpen[candidate] = 1;
  return coverageOf( coverageSetsOf( problem, isOpen, radius ), open );
}

Result<CoverageSolution> solveMclp( const LocationProblem &problem, const MclpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( !( options.radius >= 0.0 ) )
    return makeError( ErrorCode::InvalidArgument, "radius" );
  return solveMclp( coverageSetsOf( problem, rules->eligible, options.radius ), *rules, options, progress );
}

Result<CoverageSolution> solveMclp( const SparseLocationProblem &problem, const MclpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules.error();
  if ( !( options.radius >= 0.0 ) )
    return makeError( ErrorCode::InvalidArgument, "radius" );
  const Result<CoverageSets> sets = coverageSetsOf( problem, rules->eligible, options.radius );
  if ( !sets )
    return sets.error();
  return solveMclp( *sets, *rules, options, progress );
}

Result<CoverageSolution> solveMclp( const CoverageSets &sets, const LocationSiteRules &rules, const MclpOptions &options,
                                    ProgressSink &progress )
{
  if ( Error count = checkFacilityCount( rules, options.p ); count.code != ErrorCode::Ok )
    return count;

  // Merge clients by coverage set; clients nothing covers only count in the total.
  CoverageSolution solution;
  std::unordered_map<std::vector<std::uint32_t>, std::uint32_t, ColumnSetHash> groupOf;
  std::vector<std::vector<std::uint32_t>> groups;
  std::vector<double> groupWeight;
  for ( std::uint32_t client = 0; client < sets.clientCount(); ++client )
  {
    if ( sets.begin( client ) == sets.end( client ) || sets.weight[client] <= 0.0 )
      continue;
    std::vector<std::uint32_t> cover = sets.row( client );
    const auto inserted = groupOf.emplace( cover, static_cast<std::uint32_t>( groups.size() ) );
    if ( inserted.second )
    {
      groups.push_back( std::move( cover ) );
      groupWeight.push_back( 0.0 );
    }
    groupWeight[inserted.first->second] += sets.weight[client];
  }
  double coverable = 0.0;
  for ( double weight : groupWeight )
    coverable += weight;
  solution.mergedClients = static_cast<std::uint32_t>( groups.size() );

  // Groups a required site covers are covered in every plan; the search picks the other
  // sites among the remaining groups (it drops dominated candidates itself).
  std::vector<std::uint32_t> open = rules.required;
  double requiredCovered = 0.0;
  std::vector<std::vector<std::uint32_t>> rows;
  std::vector<double> rowWeight;
  for ( std::uint32_t group = 0; group < groups.size(); ++group )
  {
    const std::vector<std::uint32_t> &cover = groups[group];
    if ( std::any_of( cover.begin(), cover.end(), [&]( std::uint32_t candidate ) { return rules.fixedOpen[candidate]; } ) )
    {
      requiredCovered += groupWeight[group];
      continue;
    }
    rows.push_back( cover );
    rowWeight.push_back( groupWeight[group] );
  }
  using Clock = MaximalCoverSearch::Clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) );
  MaximalCoverSearch search( rows, rowWeight, sets.candidateCount );
  const MaximalCoverResult result = search.solve( options.p - static_cast<std::uint32_t>( open.size() ), progress, deadline );
  open.insert( open.end(), result.columns.begin(), result.columns.end() );
  solution.provenOptimal = result.proven;
  // The time limit only leaves the plan unproven; canceled means the caller canceled.
  solution.canceled = result.stopped && progress.isCanceled();
  // Fewer sites already cover everything coverable: any others complete the plan.
  std::vector<char> isOpen( sets.candidateCount, 0 );
  for ( std::uint32_t candidate : open )
    isOpen[candidate] = 1;
  for ( std::uint32_t candidate = 0; candidate < sets.candidateCount && open.size() < options.p; ++candidate )
  {
    if ( rules.eligible[candidate] && !isOpen[candidate] )
      open.push_back( candidate );
  }

  if ( options.backupCoverage && !groups.empty() && !solution.canceled )
    improveBackupCoverage( groups, groupWeight, rules, options.timeLimitS, progress, open );
  const CoverageSolution covered = coverageOf( sets, open );
  solution.open = covered.open;
  solution.coveringSite = covered.coveringSite;
  solution.coveredWeight = covered.coveredWeight;
  solution.backupWeight = covered.backupWeight;
  solution.totalWeight = covered.totalWeight;
  solution.coveredWeightBound = std::max( solution.coveredWeight, std::min( coverable, requiredCovered + result.weightBound ) );
  return solution;
}

} // namespace gf
