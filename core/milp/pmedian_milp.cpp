#include "milp/pmedian_milp.h"

#include "engine/solvers/candidate_ranking.h"

namespace gf {

PMedianMilp::PMedianMilp( const LocationProblem &problem, std::uint32_t p )
{
  const LocationMilpColumns open( mModel, problem, {} );
  open.addCountRow( mModel, p, p );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const double weight = problem.weightOf( client );
    std::vector<std::uint32_t> columns;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      if ( open.allows( client, candidate ) )
        columns.push_back( addPair( open, client, candidate, weight * problem.costAt( client, candidate ) ) );
    }
    addServeRow( columns );
  }
}

PMedianMilp::PMedianMilp( const SparseLocationProblem &problem, std::uint32_t p )
{
  const LocationProblem sites = LocationMilpColumns::sitesOf( problem );
  const LocationMilpColumns open( mModel, sites, {} );
  open.addCountRow( mModel, p, p );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const double weight = problem.weightOf( client );
    std::vector<std::uint32_t> columns;
    for ( const SparseCostEntry *entry = problem.begin( client ); entry != problem.end( client ); ++entry )
    {
      if ( open.isAllowed( entry->candidate ) && isAllowedCost( entry->cost ) )
        columns.push_back( addPair( open, client, entry->candidate, weight * entry->cost ) );
    }
    if ( LocationMilpColumns::servesBeyond( problem, client ) )
      columns.push_back( mModel.addColumn( 0.0, 1.0, weight * problem.beyondCost[client], false ) );
    addServeRow( columns );
  }
}

std::uint32_t PMedianMilp::addPair( const LocationMilpColumns &open, std::uint32_t client, std::uint32_t candidate, double objective )
{
  const std::uint32_t column = open.addAssignment( mModel, candidate, objective, false );
  mAssignmentColumns.push_back( { column, client, candidate } );
  return column;
}

void PMedianMilp::addServeRow( const std::vector<std::uint32_t> &columns )
{
  // Clients nothing can serve are left out, as the heuristic leaves them unassigned.
  if ( !columns.empty() )
    mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
}

std::vector<std::uint32_t> PMedianMilp::decodeOpen( const SparseLocationProblem &problem, const std::vector<double> &values )
{
  return LocationMilpColumns::decodeOpen( LocationMilpColumns::sitesOf( problem ), values );
}

} // namespace gf
