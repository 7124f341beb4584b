#include "engine/solvers/lscp_solver.h"

#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/maximal_cover_search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

namespace gf {

namespace {

constexpr int kCoverIterations = 2000;
constexpr int kCoverPatience = 30;
constexpr int kCoverHeuristicEvery = 10;

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

//! Columns of \a rows (the transpose), one list per column.
std::vector<std::vector<std::uint32_t>> rowsOfColumns( const std::vector<std::vector<std::uint32_t>> &rows, std::uint32_t columnCount )
{
  std::vector<std::vector<std::uint32_t>> rowsOf( columnCount );
  for ( std::uint32_t row = 0; row < rows.size(); ++row )
  {
    for ( std::uint32_t column : rows[row] )
      rowsOf[column].push_back( row );
  }
  return rowsOf;
}

//! The covering rows reduced without losing an optimum: a row with one column forces it
//! open; a row whose columns include all of another row's is covered with that row; a
//! column whose rows another column covers too is replaced by it (equal sets keep the lower
//! index). Repeated until nothing changes; many instances reduce to forced columns alone.
struct ReducedCover
{
  std::vector<std::uint32_t> forced;              //!< columns some optimal cover contains
  std::vector<std::vector<std::uint32_t>> rows;   //!< rows still to cover, columns ascending
};

ReducedCover reduceCover( std::vector<std::vector<std::uint32_t>> rows, std::uint32_t columnCount )
{
  ReducedCover reduced;
  std::vector<char> forced( columnCount, 0 );
  std::vector<char> dropped( columnCount, 0 );
  for ( std::vector<std::uint32_t> &row : rows )
  {
    std::sort( row.begin(), row.end() );
    row.erase( std::unique( row.begin(), row.end() ), row.end() );
  }
  bool changed = true;
  while ( changed )
  {
    changed = false;
    // Forced columns and the rows they cover.
    for ( const std::vector<std::uint32_t> &row : rows )
    {
      if ( row.size() == 1 && !forced[row.front()] )
      {
        forced[row.front()] = 1;
        reduced.forced.push_back( row.front() );
      }
    }
    rows.erase( std::remove_if( rows.begin(), rows.end(),
                                [&]( const std::vector<std::uint32_t> &row ) {
                                  return std::any_of( row.begin(), row.end(), [&]( std::uint32_t column ) { return forced[column]; } );
                                } ),
                rows.end() );
    // Column lists of the rows left.
    const std::vector<std::vector<std::uint32_t>> rowsOf = rowsOfColumns( rows, columnCount );
    // Row dominance: a superset of row r must contain r's rarest column.
    std::vector<char> redundant( rows.size(), 0 );
    for ( std::uint32_t row = 0; row < rows.size(); ++row )
    {
      const std::uint32_t rarest = *std::min_element( rows[row].begin(), rows[row].end(),
                                                      [&]( std::uint32_t a, std::uint32_t b ) { return rowsOf[a].size() < rowsOf[b].size(); } );
      for ( std::uint32_t other : rowsOf[rarest] )
      {
        // Equal rows: the later one goes.
        if ( other == row || redundant[other] || rows[other].size() < rows[row].size()
             || ( rows[other].size() == rows[row].size() && other < row ) )
          continue;
        if ( std::includes( rows[other].begin(), rows[other].end(), rows[row].begin(), rows[row].end() ) )
        {
          redundant[other] = 1;
          changed = true;
        }
      }
    }
    // Column dominance: a column covering column c's rows covers c's rarest row.
    for ( std::uint32_t column = 0; column < columnCount; ++column )
    {
      if ( rowsOf[column].empty() || dropped[column] )
        continue;
      const std::vector<std::uint32_t> &own = rowsOf[column];
      const std::uint32_t rarest = *std::min_element( own.begin(), own.end(),
                                                      [&]( std::uint32_t a, std::uint32_t b ) { return rows[a].size() < rows[b].size(); } );
      for ( std::uint32_t other : rows[rarest] )
      {
        if ( other == column || dropped[other] || rowsOf[other].size() < own.size()
             || ( rowsOf[other].size() == own.size() && other > column ) )
          continue;
        if ( std::includes( rowsOf[other].begin(), rowsOf[other].end(), own.begin(), own.end() ) )
        {
          dropped[column] = 1;
          changed = true;
          break;
        }
      }
    }
    std::vector<std::vector<std::uint32_t>> kept;
    for ( std::uint32_t row = 0; row < rows.size(); ++row )
    {
      if ( redundant[row] )
        continue;
      std::vector<std::uint32_t> &columns = rows[row];
      columns.erase( std::remove_if( columns.begin(), columns.end(), [&]( std::uint32_t column ) { return dropped[column]; } ),
                     columns.end() );
      kept.push_back( std::move( columns ) );
    }
    rows = std::move( kept );
  }
  std::sort( reduced.forced.begin(), reduced.forced.end() );
  reduced.rows = std::move( rows );
  return reduced;
}

//! A cover from multipliers (Beasley's Lagrangian heuristic for unit costs): the columns the
//! relaxation opens, then for each row left the column covering most uncovered rows, then
//! redundant columns dropped (fewest rows first).
std::vector<std::uint32_t> coverFromMultipliers( const std::vector<std::vector<std::uint32_t>> &rows,
                                                 const std::vector<std::vector<std::uint32_t>> &rowsOf,
                                                 const std::vector<double> &columnSum )
{
  std::vector<std::uint32_t> chosen;
  std::vector<std::uint32_t> coveredBy( rows.size(), 0 );
  auto open = [&]( std::uint32_t column ) {
    chosen.push_back( column );
    for ( std::uint32_t row : rowsOf[column] )
      ++coveredBy[row];
  };
  for ( std::uint32_t column = 0; column < rowsOf.size(); ++column )
  {
    if ( columnSum[column] > 1.0 )
      open( column );
  }
  for ( std::uint32_t row = 0; row < rows.size(); ++row )
  {
    if ( coveredBy[row] > 0 )
      continue;
    std::uint32_t best = rows[row].front();
    std::size_t bestGain = 0;
    for ( std::uint32_t column : rows[row] )
    {
      const std::size_t gain = static_cast<std::size_t>(
        std::count_if( rowsOf[column].begin(), rowsOf[column].end(), [&]( std::uint32_t other ) { return coveredBy[other] == 0; } ) );
      if ( gain > bestGain )
      {
        best = column;
        bestGain = gain;
      }
    }
    open( best );
  }
  std::stable_sort( chosen.begin(), chosen.end(), [&]( std::uint32_t a, std::uint32_t b ) { return rowsOf[a].size() < rowsOf[b].size(); } );
  std::vector<std::uint32_t> kept;
  for ( std::uint32_t column : chosen )
  {
    if ( std::all_of( rowsOf[column].begin(), rowsOf[column].end(), [&]( std::uint32_t row ) { return coveredBy[row] > 1; } ) )
    {
      for ( std::uint32_t row : rowsOf[column] )
        --coveredBy[row];
    }
    else
      kept.push_back( column );
  }
  return kept;
}

struct CoverBound
{
  double bound = 0.0;                   //!< Lagrangian lower bound on the columns of any cover
  std::vector<std::uint32_t> cover;     //!< the smallest cover the Lagrangian heuristic found
};

//! Lagrangian bound of unit-cost set covering (Beasley 1990): relaxing "every row covered"
//! with multipliers u >= 0 gives sum u + sum over columns of min( 0, 1 - u over its rows ),
//! maximised by subgradient with Polyak steps towards the best cover's size, which the
//! relaxed solutions find on the way (the first, at u = 1 / row size, is a greedy cover).
//! \a rows must be non-empty and each have a column. Cancel and the deadline end it early.
CoverBound coverLagrangianBound( const std::vector<std::vector<std::uint32_t>> &rows, std::uint32_t columnCount,
                                 ProgressSink &progress, std::chrono::steady_clock::time_point deadline )
{
  const std::vector<std::vector<std::uint32_t>> rowsOf = rowsOfColumns( rows, columnCount );
  CoverBound result;
  std::vector<double> multiplier( rows.size() );
  for ( std::uint32_t row = 0; row < rows.size(); ++row )
    multiplier[row] = 1.0 / static_cast<double>( rows[row].size() );
  std::vector<double> columnSum( columnCount, 0.0 );
  std::vector<int> subgradient( rows.size() );
  double scale = 2.0;
  int sinceImprovement = 0;
  for ( int iteration = 0; iteration < kCoverIterations && scale > 1e-4; ++iteration )
  {
    if ( iteration % kCoverHeuristicEvery == 1 && ( progress.isCanceled() || std::chrono::steady_clock::now() > deadline ) )
      break;
    double bound = 0.0;
    for ( double u : multiplier )
      bound += u;
    std::fill( subgradient.begin(), subgradient.end(), 1 );
    for ( std::uint32_t column = 0; column < columnCount; ++column )
    {
      double sum = 0.0;
      for ( std::uint32_t row : rowsOf[column] )
        sum += multiplier[row];
      columnSum[column] = sum;
      if ( sum > 1.0 )
      {
        bound += 1.0 - sum;
        for ( std::uint32_t row : rowsOf[column] )
          --subgradient[row];
      }
    }
    if ( bound > result.bound + 1e-9 )
    {
      result.bound = bound;
      sinceImprovement = 0;
    }
    else if ( ++sinceImprovement >= kCoverPatience )
    {
      scale *= 0.5;
      sinceImprovement = 0;
    }
    if ( iteration % kCoverHeuristicEvery == 0 )
    {
      std::vector<std::uint32_t> candidate = coverFromMultipliers( rows, rowsOf, columnSum );
      if ( result.cover.empty() || candidate.size() < result.cover.size() )
        result.cover = std::move( candidate );
    }
    const double upper = static_cast<double>( result.cover.size() );
    if ( std::ceil( result.bound - 1e-6 ) >= upper )
      break;
    double norm = 0.0;
    for ( std::uint32_t row = 0; row < rows.size(); ++row )
    {
      if ( multiplier[row] <= 0.0 && subgradient[row] < 0 )
        subgradient[row] = 0;
      norm += static_cast<double>( subgradient[row] ) * subgradient[row];
    }
    if ( norm == 0.0 )
      break;  // the relaxed columns cover every row exactly once: the bound is a cover's size
    const double step = scale * std::max( upper - bound, 1e-3 ) / norm;
    for ( std::uint32_t row = 0; row < rows.size(); ++row )
      multiplier[row] = std::max( 0.0, multiplier[row] + step * subgradient[row] );
  }
  return result;
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
    // Every client with weight covered: exact set covering on the reduced rows. From the
    // Lagrangian heuristic's cover, one site fewer is asked to cover every row (the maximal
    // covering search with that coverage as its target) until that is proven impossible or
    // the cover reaches the Lagrangian or packing bound, either of which proves it optimal.
    std::vector<std::vector<std::uint32_t>> openRows;
    for ( std::uint32_t client = 0; client < sets.clientCount(); ++client )
    {
      if ( sets.weight[client] > 0.0
           && std::none_of( sets.begin( client ), sets.end( client ), [&]( std::uint32_t candidate ) { return rules.fixedOpen[candidate]; } ) )
        openRows.push_back( sets.row( client ) );
    }
    // Required sites, then the columns the reduction forces, are in every cover searched.
    const ReducedCover reduced = reduceCover( std::move( openRows ), sets.candidateCount );
    std::vector<std::uint32_t> fixedColumns = rules.required;
    fixedColumns.insert( fixedColumns.end(), reduced.forced.begin(), reduced.forced.end() );
    const std::uint32_t fixedCount = static_cast<std::uint32_t>( fixedColumns.size() );
    std::vector<std::uint32_t> columns = fixedColumns;
    std::uint32_t lowerBound = fixedCount;
    if ( !reduced.rows.empty() )
    {
      const CoverBound root = coverLagrangianBound( reduced.rows, sets.candidateCount, progress, deadline );
      columns.insert( columns.end(), root.cover.begin(), root.cover.end() );
      lowerBound += std::max( packingBound( reduced.rows, sets.candidateCount ),
                              static_cast<std::uint32_t>( std::ceil( root.bound - 1e-6 ) ) );
    }
    bool complete = columns.size() <= lowerBound;
    MaximalCoverSearch fewer( reduced.rows, std::vector<double>( reduced.rows.size(), 1.0 ), sets.candidateCount );
    const double allRows = static_cast<double>( reduced.rows.size() );
    while ( !complete )
    {
      const MaximalCoverResult result = fewer.solve( static_cast<std::uint32_t>( columns.size() ) - 1 - fixedCount, progress, deadline, allRows );
      if ( result.coveredWeight >= allRows - 0.5 )
      {
        columns = fixedColumns;
        columns.insert( columns.end(), result.columns.begin(), result.columns.end() );
        complete = columns.size() <= lowerBound;
        continue;
      }
      if ( result.stopped )
        break;
      complete = true;
    }
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
