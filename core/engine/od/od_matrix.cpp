#include "engine/od/od_matrix.h"

#include "engine/od/od_row_runner.h"
#include "engine/od/snapped_leg.h"

#include <string>

namespace gf {

namespace {

//! InvalidArgument unless the weights and every snapped node belong to the graph.
Error checkSnappedInputs( const RoadGraph &graph, const EdgeWeights &weights,
                          const std::vector<SnappedPoint> &origins, const std::vector<SnappedPoint> &destinations )
{
  if ( weights.size() != graph.edgeCount() )
    return makeError( ErrorCode::InvalidArgument, "weights" );
  for ( const std::vector<SnappedPoint> *points : { &origins, &destinations } )
  {
    for ( std::size_t i = 0; i < points->size(); ++i )
    {
      const SnappedPoint &p = ( *points )[i];
      const bool unsnapped = p.nodeA == kInvalidNode && p.nodeB == kInvalidNode;
      if ( !unsnapped && ( p.nodeA >= graph.nodeCount() || p.nodeB >= graph.nodeCount() ) )
        return makeError( ErrorCode::InvalidArgument, std::to_string( i ) );
    }
  }
  return makeError( ErrorCode::Ok );
}

} // namespace

Result<OdMatrix> computeOdMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                  const std::vector<SnappedPoint> &origins,
                                  const std::vector<SnappedPoint> &destinations,
                                  const OdOptions &options, ProgressSink &progress )
{
  const Error inputError = checkSnappedInputs( graph, weights, origins, destinations );
  if ( inputError.code != ErrorCode::Ok )
    return inputError;

  std::vector<SnappedTarget> targets;
  targets.reserve( destinations.size() );
  for ( const SnappedPoint &destination : destinations )
    targets.push_back( makeSnappedTarget( destination, weights, options.accessCostPerMetre ) );

  OdMatrix matrix( origins.size(), destinations.size() );
  auto row = [&]( ShortestPathQuery &query, std::size_t o )
  {
    query.reset();
    addSnappedSource( query, origins[o], weights, options.accessCostPerMetre );
    query.run( options.cutoff );
    for ( std::size_t d = 0; d < targets.size(); ++d )
    {
      const Cost cost = snappedCost( query, origins[o], targets[d], weights, options.accessCostPerMetre );
      matrix.at( o, d ) = cost <= options.cutoff ? cost : kUnreachable;
    }
  };
  if ( !runOdRows( graph, weights, origins.size(), options.threads, progress, row ) )
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
  auto row = [&]( ShortestPathQuery &query, std::size_t o )
  {
    query.reset();
    query.addSource( origins[o], 0 );
    query.run( options.cutoff );
    for ( std::size_t d = 0; d < destinations.size(); ++d )
      matrix.at( o, d ) = query.cost( destinations[d] );
  };
  if ( !runOdRows( graph, weights, origins.size(), options.threads, progress, row ) )
    return makeError( ErrorCode::Canceled );
  return matrix;
}

} // namespace gf
