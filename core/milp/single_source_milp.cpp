#include "milp/single_source_milp.h"

#include "engine/solvers/candidate_ranking.h"
#include "milp/location_milp_columns.h"

#include <cstdint>

namespace gf {

SingleSourceMilp::SingleSourceMilp( const SingleSourceModel &model )
{
  const std::uint32_t m = model.candidateCount();
  // A sparse model's open columns look at its site rules only.
  const LocationProblem sites = model.sparse ? LocationMilpColumns::sitesOf( *model.sparse ) : LocationProblem();
  const LocationMilpColumns open( mModel, model.sparse ? sites : *model.location, model.fixedCost );
  if ( model.minOpen > 0 || model.maxOpen > 0 )
    open.addCountRow( mModel, model.minOpen, model.maxOpen );
  std::vector<std::vector<std::uint32_t>> capacityColumns( m );
  std::vector<std::vector<double>> capacityDemand( m );
  std::vector<std::uint32_t> columns;
  auto addPair = [&]( std::uint32_t client, std::uint32_t candidate, double cost ) {
    if ( model.demand[client] > model.capacity[candidate] )
      return;
    const std::uint32_t column = open.addAssignment( mModel, candidate, cost, true );
    columns.push_back( column );
    mAssignmentColumns.push_back( { column, client, candidate } );
    capacityColumns[candidate].push_back( column );
    capacityDemand[candidate].push_back( model.demand[client] );
  };
  for ( std::uint32_t client = 0; client < model.clientCount(); ++client )
  {
    columns.clear();
    if ( model.sparse )
    {
      const SparseLocationProblem &problem = *model.sparse;
      for ( const SparseCostEntry *entry = problem.begin( client ); entry != problem.end( client ); ++entry )
      {
        if ( open.isAllowed( entry->candidate ) && isAllowedCost( entry->cost ) )
          addPair( client, entry->candidate, problem.weightOf( client ) * entry->cost );
      }
      if ( LocationMilpColumns::servesBeyond( problem, client ) )
        columns.push_back( mModel.addColumn( 0.0, 1.0, problem.weightOf( client ) * problem.beyondCost[client], false ) );
    }
    else
    {
      const LocationProblem &problem = *model.location;
      for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
      {
        if ( open.allows( client, candidate ) )
          addPair( client, candidate, problem.weightOf( client ) * problem.costAt( client, candidate ) );
      }
    }
    mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
  }
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    if ( !open.isAllowed( candidate ) )
      continue;
    std::vector<std::uint32_t> &capacityRow = capacityColumns[candidate];
    std::vector<double> &values = capacityDemand[candidate];
    capacityRow.push_back( open.column( candidate ) );
    values.push_back( -model.capacity[candidate] );
    mModel.addRow( capacityRow, values, -MilpModel::kInfinity, 0.0 );
  }
}

std::vector<std::uint32_t> SingleSourceMilp::decodeOpen( const SingleSourceModel &model, const std::vector<double> &values )
{
  return model.sparse ? LocationMilpColumns::decodeOpen( LocationMilpColumns::sitesOf( *model.sparse ), values )
                      : LocationMilpColumns::decodeOpen( *model.location, values );
}

} // namespace gf
