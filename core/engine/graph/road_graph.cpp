#include "engine/graph/road_graph.h"

#include <cmath>

namespace gf {

namespace {
constexpr int kMinutesPerDay = 24 * 60;
}

bool TimeWindow::contains( int minuteOfDay ) const
{
  if ( isEmpty() )
    return false;
  const int minute = ( ( minuteOfDay % kMinutesPerDay ) + kMinutesPerDay ) % kMinutesPerDay;
  if ( startMin < endMin )
    return minute >= startMin && minute < endMin;
  return minute >= startMin || minute < endMin;
}

EdgeId RoadGraph::findEdge( NodeId tail, NodeId head ) const
{
  if ( tail >= nodeCount() )
    return kInvalidEdge;
  for ( EdgeId e = beginEdges( tail ); e < endEdges( tail ); ++e )
  {
    if ( mHead[e] == head )
      return e;
  }
  return kInvalidEdge;
}

Cost edgeTravelTimeDs( std::int32_t lengthDm, double speedKmh )
{
  if ( !( speedKmh > 0.0 ) )
    return kUnreachable;
  // lengthDm / 10 m at speedKmh / 3.6 m/s, times 10 for deciseconds.
  const double timeDs = static_cast<double>( lengthDm ) * 3.6 / speedKmh;
  if ( timeDs >= static_cast<double>( kUnreachable - 1 ) )
    return kUnreachable - 1;
  return static_cast<Cost>( std::llround( timeDs ) );
}

EdgeWeights computeEdgeWeights( const RoadGraph &graph, CostMetric metric )
{
  EdgeWeights weights( graph.edgeCount() );
  const std::vector<EdgeAttributes> &attributes = graph.edgeAttributes();
  for ( std::size_t e = 0; e < weights.size(); ++e )
  {
    const EdgeAttributes &a = attributes[e];
    weights[e] = metric == CostMetric::DistanceDm ? a.lengthDm : edgeTravelTimeDs( a.lengthDm, a.speedKmh );
  }
  return weights;
}

} // namespace gf
