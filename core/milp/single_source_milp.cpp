#include "milp/single_source_milp.h"

#include "milp/location_milp_columns.h"

#include <cstdint>

namespace gf {

SingleSourceMilp::SingleSourceMilp( const SingleSourceModel &model )
{
  const LocationProblem &problem = *model.location;
  const std::uint32_t m = problem.candidateCount;
  const LocationMilpColumns open( mModel, problem, model.fixedCost );
  if ( model.minOpen > 0 || model.maxOpen > 0 )
    open.addCountRow( mModel, model.minOpen, model.maxOpen );
  std::vector<std::vector<std::uint32_t>> capacityColumns( m );
  std::vector<std::vector<double>> capacityDemand( m );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    std::vector<std::uint32_t> columns;
    for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
    {
      if ( !open.allows( client, candidate ) || model.demand[client] > model.capacity[candidate] )
        continue;
      const std::uint32_t column = mModel.addColumn( 0.0, 1.0, problem.weightOf( client ) * problem.costAt( client, candidate ), true );
      columns.push_back( column );
      mAssignmentColumns.push_back( { column, client, candidate } );
      mModel.addRow( { column, open.column( candidate ) }, { 1.0, -1.0 }, -MilpModel::kInfinity, 0.0 );
      capacityColumns[candidate].push_back( column );
      capacityDemand[candidate].push_back( model.demand[client] );
    }
    mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
  }
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    if ( !open.isAllowed( candidate ) )
      continue;
    std::vector<std::uint32_t> columns = capacityColumns[candidate];
    std::vector<double> values = capacityDemand[candidate];
    columns.push_back( open.column( candidate ) );
    values.push_back( -model.capacity[candidate] );
    mModel.addRow( columns, values, -MilpModel::kInfinity, 0.0 );
  }
}

} // namespace gf
