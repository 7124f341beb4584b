#include "engine/od/snapped_leg.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace gf {

Cost accessLegCost( const SnappedPoint &point, double accessCostPerMetre )
{
  const double cost = point.accessDistanceM * accessCostPerMetre;
  if ( !( cost >= 0.0 ) || cost >= static_cast<double>( kUnreachable ) )
    return kUnreachable;
  return std::min( static_cast<Cost>( std::llround( cost ) ), kUnreachable );
}

Cost partialEdgeCost( double fraction, EdgeId edge, const EdgeWeights &weights )
{
  if ( fraction <= 0.0 )
    return 0;
  if ( edge == kInvalidEdge || weights[edge] >= kUnreachable )
    return kUnreachable;
  return static_cast<Cost>( std::llround( std::min( fraction, 1.0 ) * static_cast<double>( weights[edge] ) ) );
}

SnappedTarget makeSnappedTarget( const SnappedPoint &point, const EdgeWeights &weights, double accessCostPerMetre )
{
  SnappedTarget target;
  if ( point.nodeA == kInvalidNode || point.nodeB == kInvalidNode )
    return target;
  target.nodeA = point.nodeA;
  target.nodeB = point.nodeB;
  target.fractionFromA = point.fractionFromA;
  target.access = accessLegCost( point, accessCostPerMetre );
  target.fromA = addCosts( partialEdgeCost( point.fractionFromA, point.edgeAB, weights ), target.access );
  target.fromB = addCosts( partialEdgeCost( 1.0 - point.fractionFromA, point.edgeBA, weights ), target.access );
  return target;
}

void addSnappedSource( OneToAllSearch &query, const SnappedPoint &origin, const EdgeWeights &weights,
                       double accessCostPerMetre )
{
  if ( origin.nodeA == kInvalidNode || origin.nodeB == kInvalidNode )
    return;
  const Cost access = accessLegCost( origin, accessCostPerMetre );
  query.addSource( origin.nodeB, addCosts( access, partialEdgeCost( 1.0 - origin.fractionFromA, origin.edgeAB, weights ) ) );
  query.addSource( origin.nodeA, addCosts( access, partialEdgeCost( origin.fractionFromA, origin.edgeBA, weights ) ) );
}

Cost snappedCost( Cost toA, Cost toB, const SnappedPoint &origin, const SnappedTarget &target,
                  const EdgeWeights &weights, double accessCostPerMetre )
{
  if ( target.nodeA == kInvalidNode || origin.nodeA == kInvalidNode )
    return kUnreachable;
  Cost best = std::min( addCosts( toA, target.fromA ), addCosts( toB, target.fromB ) );

  // Same piece, possibly described from the other end: travel straight along it.
  double originFraction = origin.fractionFromA;
  EdgeId forward = origin.edgeAB, backward = origin.edgeBA;
  if ( origin.nodeA == target.nodeB && origin.nodeB == target.nodeA )
  {
    originFraction = 1.0 - originFraction;
    std::swap( forward, backward );
  }
  else if ( origin.nodeA != target.nodeA || origin.nodeB != target.nodeB )
  {
    return best;
  }
  const double delta = target.fractionFromA - originFraction;
  const Cost along = delta >= 0.0 ? partialEdgeCost( delta, forward, weights ) : partialEdgeCost( -delta, backward, weights );
  const Cost direct = addCosts( addCosts( accessLegCost( origin, accessCostPerMetre ), along ), target.access );
  return std::min( best, direct );
}

Error validateSnappedInputs( const RoadGraph &graph, const EdgeWeights &weights,
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

SnappedTargets makeSnappedTargets( const std::vector<SnappedPoint> &points, const EdgeWeights &weights,
                                   double accessCostPerMetre )
{
  SnappedTargets prepared;
  prepared.targets.reserve( points.size() );
  for ( const SnappedPoint &point : points )
  {
    prepared.targets.push_back( makeSnappedTarget( point, weights, accessCostPerMetre ) );
    prepared.nodesA.push_back( prepared.targets.back().nodeA );
    prepared.nodesB.push_back( prepared.targets.back().nodeB );
  }
  return prepared;
}

void readSnappedRow( const OneToAllSearch &query, const SnappedPoint &origin, const SnappedTargets &targets,
                     const EdgeWeights &weights, double accessCostPerMetre, Cost cutoff, Cost *costs )
{
  const std::size_t count = targets.targets.size();
  // costs first holds the cost to each piece's A end, then the final cost.
  std::vector<Cost> toB( count );
  query.costs( targets.nodesA.data(), count, costs );
  query.costs( targets.nodesB.data(), count, toB.data() );
  for ( std::size_t d = 0; d < count; ++d )
  {
    const Cost cost = snappedCost( costs[d], toB[d], origin, targets.targets[d], weights, accessCostPerMetre );
    costs[d] = cost <= cutoff ? cost : kUnreachable;
  }
}

} // namespace gf
