#include "milp/facility_location_milp.h"

#include "milp/location_milp_columns.h"

namespace gf {

FacilityLocationMilp::FacilityLocationMilp( const LocationProblem &problem, const std::vector<double> &fixedCost,
                                            const std::vector<double> &capacity, const std::vector<double> &demand,
                                            std::uint32_t minOpen, std::uint32_t maxOpen )
{
  const LocationMilpColumns open( mModel, problem, fixedCost );
  if ( minOpen > 0 || maxOpen > 0 )
    open.addCountRow( mModel, minOpen, maxOpen );
  const bool capacitated = !capacity.empty();
  std::vector<std::vector<std::uint32_t>> capacityColumns( problem.candidateCount );
  std::vector<std::vector<double>> capacityDemand( problem.candidateCount );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    std::vector<std::uint32_t> columns;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      const double cost = problem.costAt( client, candidate );
      if ( !open.allows( client, candidate ) )
        continue;
      const std::uint32_t column = mModel.addColumn( 0.0, 1.0, problem.weightOf( client ) * cost, false );
      columns.push_back( column );
      mAssignmentColumns.push_back( { column, client, candidate } );
      mModel.addRow( { column, open.column( candidate ) }, { 1.0, -1.0 }, -MilpModel::kInfinity, 0.0 );
      if ( capacitated )
      {
        capacityColumns[candidate].push_back( column );
        capacityDemand[candidate].push_back( demand[client] );
      }
    }
    if ( !columns.empty() )
      mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
  }
  if ( !capacitated )
    return;
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    if ( !open.isAllowed( candidate ) )
      continue;
    std::vector<std::uint32_t> columns = capacityColumns[candidate];
    std::vector<double> values = capacityDemand[candidate];
    columns.push_back( open.column( candidate ) );
    values.push_back( -capacity[candidate] );
    mModel.addRow( columns, values, -MilpModel::kInfinity, 0.0 );
  }
}

} // namespace gf
