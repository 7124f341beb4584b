#include "engine/solvers/sparse_location_problem.h"

#include "engine/solvers/candidate_ranking.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gf {

namespace {

//! The clients and site rules of \a problem with no stored pair yet; \a banned gets the
//! banned candidates as flags.
SparseLocationProblem withoutRows( const LocationProblem &problem, std::vector<char> &banned )
{
  SparseLocationProblem sparse;
  sparse.clientCount = problem.clientCount;
  sparse.candidateCount = problem.candidateCount;
  sparse.clientWeight = problem.clientWeight;
  sparse.required = problem.required;
  sparse.banned = problem.banned;
  sparse.rowStart.reserve( static_cast<std::size_t>( problem.clientCount ) + 1 );
  sparse.rowStart.push_back( 0 );
  banned.assign( problem.candidateCount, 0 );
  for ( std::uint32_t candidate : problem.banned )
  {
    if ( candidate < problem.candidateCount )
      banned[candidate] = 1;
  }
  return sparse;
}

} // namespace

SparseLocationProblem kNearestReduction( const LocationProblem &problem, std::uint32_t k )
{
  return kNearestReduction( problem, std::vector<std::uint32_t>( problem.clientCount, k ) );
}

SparseLocationProblem kNearestReduction( const LocationProblem &problem, const std::vector<std::uint32_t> &rowLength )
{
  std::vector<char> banned;
  SparseLocationProblem sparse = withoutRows( problem, banned );
  sparse.beyondCost.assign( problem.clientCount, std::numeric_limits<double>::infinity() );
  bool integral = true;
  std::vector<SparseCostEntry> row;
  auto cheaper = []( const SparseCostEntry &a, const SparseCostEntry &b ) {
    return a.cost < b.cost || ( a.cost == b.cost && a.candidate < b.candidate );
  };
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    row.clear();
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      const double cost = problem.costAt( client, candidate );
      if ( !banned[candidate] && isAllowedCost( cost ) )
      {
        row.push_back( { candidate, cost } );
        integral = integral && cost == std::floor( cost );
      }
    }
    // One more than kept: the first one left out gives the beyond cost.
    const std::size_t keep = std::min<std::size_t>( rowLength[client], row.size() );
    const std::size_t select = std::min( keep + 1, row.size() );
    std::partial_sort( row.begin(), row.begin() + static_cast<std::ptrdiff_t>( select ), row.end(), cheaper );
    if ( keep < row.size() )
      sparse.beyondCost[client] = row[keep].cost;
    sparse.entries.insert( sparse.entries.end(), row.begin(), row.begin() + static_cast<std::ptrdiff_t>( keep ) );
    sparse.rowStart.push_back( sparse.entries.size() );
  }
  sparse.unstoredCostsIntegral = integral;
  return sparse;
}

SparseLocationProblem cutoffReduction( const LocationProblem &problem, double maxCost )
{
  std::vector<char> banned;
  SparseLocationProblem sparse = withoutRows( problem, banned );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const auto first = static_cast<std::ptrdiff_t>( sparse.entries.size() );
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      const double cost = problem.costAt( client, candidate );
      if ( !banned[candidate] && isAllowedCost( cost ) && cost <= maxCost )
        sparse.entries.push_back( { candidate, cost } );
    }
    // Candidates were added in index order, so a stable sort by cost breaks ties by index.
    std::stable_sort( sparse.entries.begin() + first, sparse.entries.end(),
                      []( const SparseCostEntry &a, const SparseCostEntry &b ) { return a.cost < b.cost; } );
    sparse.rowStart.push_back( sparse.entries.size() );
  }
  return sparse;
}

SparseLocationProblem sparseProblemFromOd( const SparseOdMatrix &od, const SparseOdOptions &options )
{
  SparseLocationProblem sparse;
  sparse.clientCount = static_cast<std::uint32_t>( od.rows() );
  sparse.candidateCount = static_cast<std::uint32_t>( od.cols() );
  sparse.rowStart.reserve( od.rows() + 1 );
  sparse.rowStart.push_back( 0 );
  sparse.entries.reserve( od.entryCount() );
  for ( std::size_t origin = 0; origin < od.rows(); ++origin )
  {
    for ( const OdEntry *it = od.begin( origin ); it != od.end( origin ); ++it )
      sparse.entries.push_back( { it->destination, static_cast<double>( it->cost ) } );
    sparse.rowStart.push_back( sparse.entries.size() );
  }
  if ( options.nearestCount > 0 )
  {
    sparse.beyondCost.assign( sparse.clientCount, std::numeric_limits<double>::infinity() );
    for ( std::uint32_t client = 0; client < sparse.clientCount; ++client )
    {
      if ( sparse.rowSize( client ) >= options.nearestCount )
        sparse.beyondCost[client] = ( sparse.end( client ) - 1 )->cost;
    }
    // Network costs are integral fixed-point values.
    sparse.unstoredCostsIntegral = true;
  }
  return sparse;
}

} // namespace gf
