#include "engine/od/od_matrix.h"

#include "engine/od/od_row_runner.h"
#include "engine/od/snapped_leg.h"

#include <string>

namespace gf {

Result<OdMatrix> computeOdMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                  const std::vector<SnappedPoint> &origins,
                                  const std::vector<SnappedPoint> &destinations,
                                  const OdOptions &options, ProgressSink &progress )
{
  const Error inputError = validateSnappedInputs( graph, weights, origins, destinations );
  if ( inputError.code != ErrorCode::Ok )
    return inputError;

  const SnappedTargets targets = makeSnappedTargets( destinations, weights, options.accessCostPerMetre );
  OdMatrix matrix( origins.size(), destinations.size() );
  OdRowTask task;
  task.seed = [&]( OneToAllSearch &query, std::size_t o )
  {
    addSnappedSource( query, origins[o], weights, options.accessCostPerMetre );
  };
  task.read = [&]( const OneToAllSearch &query, std::size_t o )
  {
    if ( !destinations.empty() )
      readSnappedRow( query, origins[o], targets, weights, options.accessCostPerMetre, options.cutoff, &matrix.at( o, 0 ) );
  };
  if ( !runOdRows( graph, weights, origins.size(), options.threads, options.algorithm, options.cutoff, progress, task ) )
    return makeError( ErrorCode::Canceled );
  return matrix;
}

Result<OdMatrix> computeNodeOdMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                      const std::vector<NodeId> &origins,
                                      const std::vector<NodeId> &destinations,
                                      const OdOptions &options, ProgressSink &progress )
{
  if ( weights.size() != graph.edgeCount() )
    return makeError( ErrorCode::InvalidArgument, "weights" );
  for ( const std::vector<NodeId> *nodes : { &origins, &destinations } )
  {
    for ( std::size_t i = 0; i < nodes->size(); ++i )
    {
      if ( ( *nodes )[i] >= graph.nodeCount() )
        return makeError( ErrorCode::InvalidArgument, std::to_string( i ) );
    }
  }

  OdMatrix matrix( origins.size(), destinations.size() );
  OdRowTask task;
  task.seed = [&]( OneToAllSearch &query, std::size_t o ) { query.addSource( origins[o], 0 ); };
  task.read = [&]( const OneToAllSearch &query, std::size_t o )
  {
    if ( !destinations.empty() )
      query.costs( destinations.data(), destinations.size(), &matrix.at( o, 0 ) );
  };
  if ( !runOdRows( graph, weights, origins.size(), options.threads, options.algorithm, options.cutoff, progress, task ) )
    return makeError( ErrorCode::Canceled );
  return matrix;
}

} // namespace gf
