#include "engine/planning/network_context.h"

namespace gf {

Result<NetworkContext> NetworkContext::build( const Scenario &scenario, ProgressSink &progress )
{
  RoadGraphBuildOptions buildOptions;
  buildOptions.snapToleranceM = scenario.parameters.networkSnapToleranceM;
  buildOptions.nodeAtCrossings = scenario.parameters.nodeAtCrossings;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( scenario.roads, buildOptions, progress );
  if ( !built )
    return built.error();
  NetworkContext context;
  context.mBuilt = std::make_unique<BuiltRoadGraph>( std::move( *built ) );
  context.mSnapper = std::make_unique<EdgeSnapper>( context.mBuilt->graph );
  context.mDistanceWeights = computeEdgeWeights( context.mBuilt->graph, CostMetric::DistanceDm );
  return context;
}

SnappedSet NetworkContext::snap( const std::vector<PointXY> &locations, double maxDistanceM ) const
{
  return snap( locations, {}, maxDistanceM );
}

SnappedSet NetworkContext::snap( const std::vector<PointXY> &locations, const std::vector<char> &include, double maxDistanceM ) const
{
  SnappedSet set;
  for ( std::uint32_t i = 0; i < locations.size(); ++i )
  {
    if ( !include.empty() && !include[i] )
      continue;
    std::optional<SnappedPoint> snapped = mSnapper->snap( locations[i], maxDistanceM );
    if ( snapped )
    {
      set.points.push_back( *snapped );
      set.sourceIndex.push_back( i );
    }
    else
    {
      set.unsnapped.push_back( i );
    }
  }
  return set;
}

} // namespace gf
