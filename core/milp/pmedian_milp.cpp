#include "milp/pmedian_milp.h"

#include "milp/location_milp_columns.h"

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
      if ( !open.allows( client, candidate ) )
        continue;
      const std::uint32_t column = mModel.addColumn( 0.0, 1.0, weight * problem.costAt( client, candidate ), false );
      columns.push_back( column );
      mModel.addRow( { column, open.column( candidate ) }, { 1.0, -1.0 }, -MilpModel::kInfinity, 0.0 );
    }
    // Clients nothing can serve are left out, as the heuristic leaves them unassigned.
    if ( !columns.empty() )
      mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, 1.0 );
  }
}

} // namespace gf
