#include "engine/od/sparse_od_matrix.h"

#include "engine/od/od_row_runner.h"
#include "engine/od/snapped_leg.h"

#include <algorithm>

namespace gf {

SparseOdMatrix::SparseOdMatrix( std::size_t cols, const std::vector<std::vector<OdEntry>> &rows )
  : mCols( cols )
  , mFirst( 1, 0 )
{
  for ( const std::vector<OdEntry> &row : rows )
  {
    mEntries.insert( mEntries.end(), row.begin(), row.end() );
    mFirst.push_back( mEntries.size() );
  }
}

Result<SparseOdMatrix> computeSparseOdMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                              const std::vector<SnappedPoint> &origins,
                                              const std::vector<SnappedPoint> &destinations,
                                              const SparseOdOptions &options, ProgressSink &progress )
{
  const Error inputError = validateSnappedInputs( graph, weights, origins, destinations );
  if ( inputError.code != ErrorCode::Ok )
    return inputError;

  const SnappedTargets targets = makeSnappedTargets( destinations, weights, options.accessCostPerMetre );
  std::vector<std::vector<OdEntry>> rows( origins.size() );
  OdRowTask task;
  task.seed = [&]( OneToAllSearch &query, std::size_t o )
  {
    addSnappedSource( query, origins[o], weights, options.accessCostPerMetre );
  };
  task.read = [&]( const OneToAllSearch &query, std::size_t o )
  {
    std::vector<Cost> costs( destinations.size() );
    readSnappedRow( query, origins[o], targets, weights, options.accessCostPerMetre, options.cutoff, costs.data() );
    std::vector<OdEntry> &entries = rows[o];
    for ( std::size_t d = 0; d < costs.size(); ++d )
    {
      if ( costs[d] < kUnreachable )
        entries.push_back( OdEntry{ static_cast<std::uint32_t>( d ), costs[d] } );
    }
    const auto byCost = []( const OdEntry &a, const OdEntry &b )
    {
      return a.cost != b.cost ? a.cost < b.cost : a.destination < b.destination;
    };
    if ( options.nearestCount > 0 && entries.size() > options.nearestCount )
    {
      std::partial_sort( entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>( options.nearestCount ),
                         entries.end(), byCost );
      entries.resize( options.nearestCount );
    }
    else
    {
      std::sort( entries.begin(), entries.end(), byCost );
    }
  };
  if ( !runOdRows( graph, weights, origins.size(), options.threads, options.algorithm, options.cutoff, progress, task ) )
    return makeError( ErrorCode::Canceled );
  return SparseOdMatrix( destinations.size(), rows );
}

} // namespace gf
