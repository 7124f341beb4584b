#include "milp/single_source_milp.h"

#include <cstdint>

namespace gf {

SingleSourceMilp::SingleSourceMilp( const SingleSourceModel &model )
{
  const LocationProblem &problem = *model.location;
  const std::uint32_t m = problem.candidateCount;
  std::vector<char> banned( m, 0 );
  std::vector<char> required( m, 0 );
  for ( std::uint32_t candidate : problem.banned )
    banned[candidate] = 1;
  for ( std::uint32_t candidate : problem.required )
    required[candidate] = 1;
  std::vector<std::uint32_t> openColumn( m, UINT32_MAX );
  std::vector<std::uint32_t> openColumns;
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    if ( banned[candidate] )
      continue;
    openColumn[candidate] = mModel.addColumn( required[candidate] ? 1.0 : 0.0, 1.0, model.fixedCost[candidate], true );
    openColumns.push_back( openColumn[candidate] );
  }
  if ( model.minOpen > 0 || model.maxOpen > 0 )
  {
    mModel.addRow( openColumns, std::vector<double>( openColumns.size(), 1.0 ), model.minOpen,
                   model.maxOpen > 0 ? model.maxOpen : MilpModel::kInfinity );
  }
  std::vector<std::vector<std::uint32_t>> capacityColumns( m );
  std::vector<std::vector<double>> capacityDemand( m );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    std::vector<std::uint32_t> columns;
    for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
    {
      const double cost = problem.costAt( client, candidate );
      if ( banned[candidate] || !( cost < kForbiddenAssignment ) || model.demand[client] > model.capacity[candidate] )
        continue;
      const std::uint32_t column = mModel.addColumn( 0.0, 1.0, problem.weightOf( client ) * cost, true );
      columns.push_back( column );
      mModel.addRow( { column, openColumn[candidate] }, { 1.0, -1.0 }, -MilpModel::kInfinity, 0.0 );
      capacityColumns[candidate].push_back( column );
      capacityDemand[candidate].push_back( model.demand[client] );
    }
    mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
  }
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    if ( banned[candidate] )
      continue;
    std::vector<std::uint32_t> columns = capacityColumns[candidate];
    std::vector<double> values = capacityDemand[candidate];
    columns.push_back( openColumn[candidate] );
    values.push_back( -model.capacity[candidate] );
    mModel.addRow( columns, values, -MilpModel::kInfinity, 0.0 );
  }
}

} // namespace gf
