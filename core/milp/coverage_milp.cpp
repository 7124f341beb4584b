#include "milp/coverage_milp.h"

#include "milp/location_milp_columns.h"

namespace gf {

namespace {

//! Open columns of the candidates covering \a client within \a radius.
std::vector<std::uint32_t> coveringColumns( const LocationProblem &problem, const LocationMilpColumns &open,
                                            std::uint32_t client, double radius )
{
  std::vector<std::uint32_t> columns;
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    if ( open.allows( client, candidate ) && problem.costAt( client, candidate ) <= radius )
      columns.push_back( open.column( candidate ) );
  }
  return columns;
}

} // namespace

CoverageMilp CoverageMilp::maximalCovering( const LocationProblem &problem, double radius, std::uint32_t p )
{
  CoverageMilp milp;
  const LocationMilpColumns open( milp.mModel, problem, {} );
  open.addCountRow( milp.mModel, p, p );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const double weight = problem.weightOf( client );
    std::vector<std::uint32_t> columns = coveringColumns( problem, open, client, radius );
    if ( !( weight > 0.0 ) || columns.empty() )
      continue;
    std::vector<double> values( columns.size(), -1.0 );
    columns.push_back( milp.mModel.addColumn( 0.0, 1.0, -weight, false ) );
    values.push_back( 1.0 );
    milp.mModel.addRow( columns, values, -MilpModel::kInfinity, 0.0 );
  }
  return milp;
}

CoverageMilp CoverageMilp::setCovering( const LocationProblem &problem, double radius )
{
  CoverageMilp milp;
  const LocationMilpColumns open( milp.mModel, problem, std::vector<double>( problem.candidateCount, 1.0 ) );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    const std::vector<std::uint32_t> columns = coveringColumns( problem, open, client, radius );
    if ( problem.weightOf( client ) > 0.0 && !columns.empty() )
      milp.mModel.addRow( columns, std::vector<double>( columns.size(), 1.0 ), 1.0, MilpModel::kInfinity );
  }
  return milp;
}

} // namespace gf
