#include "milp/location_milp_columns.h"

#include <cassert>

namespace gf {

LocationMilpColumns::LocationMilpColumns( MilpModel &model, const LocationProblem &problem, const std::vector<double> &fixedCost )
  : mProblem( problem )
  , mColumn( problem.candidateCount, 0 )
{
  assert( model.columnCount() == 0 );
  for ( std::uint32_t candidate : problem.banned )
    mColumn[candidate] = UINT32_MAX;
  std::vector<char> required( problem.candidateCount, 0 );
  for ( std::uint32_t candidate : problem.required )
    required[candidate] = 1;
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    if ( mColumn[candidate] == UINT32_MAX )
      continue;
    mColumn[candidate] = model.addColumn( required[candidate] ? 1.0 : 0.0, 1.0, fixedCost.empty() ? 0.0 : fixedCost[candidate], true );
    mColumns.push_back( mColumn[candidate] );
  }
}

bool LocationMilpColumns::allows( std::uint32_t client, std::uint32_t candidate ) const
{
  const double cost = mProblem.costAt( client, candidate );
  return isAllowed( candidate ) && cost == cost && cost < kForbiddenAssignment;
}

void LocationMilpColumns::addCountRow( MilpModel &model, double minOpen, double maxOpen ) const
{
  model.addRow( mColumns, std::vector<double>( mColumns.size(), 1.0 ), minOpen, maxOpen > 0.0 ? maxOpen : MilpModel::kInfinity );
}

std::vector<std::uint32_t> LocationMilpColumns::decodeOpen( const LocationProblem &problem, const std::vector<double> &values )
{
  std::vector<char> banned( problem.candidateCount, 0 );
  for ( std::uint32_t candidate : problem.banned )
    banned[candidate] = 1;
  std::vector<std::uint32_t> open;
  std::uint32_t column = 0;
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    if ( banned[candidate] )
      continue;
    if ( values[column++] > 0.5 )
      open.push_back( candidate );
  }
  return open;
}

} // namespace gf
