#include "milp/pcenter_milp.h"

#include "milp/location_milp_columns.h"

namespace gf {

PCenterMilp::PCenterMilp( const LocationProblem &problem, std::uint32_t p )
{
  const LocationMilpColumns open( mModel, problem, {} );
  open.addCountRow( mModel, p, p );
  const std::uint32_t radius = mModel.addColumn( 0.0, MilpModel::kInfinity, 1.0, false );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    if ( !( problem.weightOf( client ) > 0.0 ) )
      continue;
    std::vector<std::uint32_t> columns;
    std::vector<double> costs;
    for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
    {
      if ( !open.allows( client, candidate ) )
        continue;
      const std::uint32_t column = mModel.addColumn( 0.0, 1.0, 0.0, false );
      columns.push_back( column );
      costs.push_back( problem.costAt( client, candidate ) );
      mModel.addRow( { column, open.column( candidate ) }, { 1.0, -1.0 }, -MilpModel::kInfinity, 0.0 );
    }
    if ( columns.empty() )
      continue;
    mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
    columns.push_back( radius );
    costs.push_back( -1.0 );
    mModel.addRow( columns, costs, -MilpModel::kInfinity, 0.0 );
  }
}

} // namespace gf
