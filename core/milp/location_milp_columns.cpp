#include "milp/location_milp_columns.h"

#include "engine/solvers/candidate_ranking.h"

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

std::uint32_t LocationMilpColumns::addAssignment( MilpModel &model, std::uint32_t candidate, double objective, bool integer ) const
{
  const std::uint32_t column = model.addColumn( 0.0, 1.0, objective, integer );
  model.addRow( { column, mColumn[candidate] }, { 1.0, -1.0 }, -MilpModel::kInfinity, 0.0 );
  return column;
}

LocationProblem LocationMilpColumns::sitesOf( const SparseLocationProblem &problem )
{
  LocationProblem sites;
  sites.candidateCount = problem.candidateCount;
  sites.required = problem.required;
  sites.banned = problem.banned;
  return sites;
}

bool LocationMilpColumns::servesBeyond( const SparseLocationProblem &problem, std::uint32_t client )
{
  return problem.allowsUnstoredPairs() && isAllowedCost( problem.beyondCost[client] );
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
