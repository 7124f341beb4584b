#pragma once
// The partial-edge and access-leg arithmetic between a snapped point and its edge's ends,
// shared by every consumer of snapped points (dense and sparse OD, service areas), so that
// all of them agree to the last cost unit.
#include "engine/common/status.h"
#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph.h"
#include "engine/graph/one_to_all_search.h"

#include <vector>

namespace gf {

//! Cost of the straight access leg, rounded; kUnreachable if it does not fit.
Cost accessLegCost( const SnappedPoint &point, double accessCostPerMetre );

//! Cost of travelling \a fraction of \a edge, rounded. A zero fraction costs nothing in any
//! direction; otherwise the edge must exist and be allowed, else kUnreachable.
Cost partialEdgeCost( double fraction, EdgeId edge, const EdgeWeights &weights );

//! a + b, or kUnreachable if either is unreachable or the sum reaches the sentinel.
inline Cost addCosts( Cost a, Cost b )
{
  if ( a >= kUnreachable || b >= kUnreachable )
    return kUnreachable;
  const Cost sum = a + b;
  return sum >= kUnreachable ? kUnreachable : sum;
}

//! A snapped point seen as a destination: the extra cost from each end of its piece.
struct SnappedTarget
{
  NodeId nodeA = kInvalidNode;
  NodeId nodeB = kInvalidNode;
  double fractionFromA = 0.0;
  Cost fromA = kUnreachable;   //!< A → point along A→B, plus the access leg
  Cost fromB = kUnreachable;   //!< B → point along B→A, plus the access leg
  Cost access = kUnreachable;
};

SnappedTarget makeSnappedTarget( const SnappedPoint &point, const EdgeWeights &weights, double accessCostPerMetre );

//! Destinations prepared once per matrix: their targets, and the end nodes of their pieces
//! side by side, so that a row gathers the costs at all of them in two bulk reads.
struct SnappedTargets
{
  std::vector<SnappedTarget> targets;
  std::vector<NodeId> nodesA;
  std::vector<NodeId> nodesB;
};

SnappedTargets makeSnappedTargets( const std::vector<SnappedPoint> &points, const EdgeWeights &weights,
                                   double accessCostPerMetre );

//! Seeds \a query at both ends of the origin's piece (after reset()).
void addSnappedSource( OneToAllSearch &query, const SnappedPoint &origin, const EdgeWeights &weights,
                       double accessCostPerMetre );

//! Cost from the origin to the target, given the costs from the origin to the target's piece
//! ends: through either end, or directly along the piece when both lie on the same one.
Cost snappedCost( Cost toA, Cost toB, const SnappedPoint &origin, const SnappedTarget &target,
                  const EdgeWeights &weights, double accessCostPerMetre );

//! One OD row, once \a query has run from \a origin (seeded by addSnappedSource): the cost of
//! every target to \a costs (targets.targets.size() entries), kUnreachable beyond the cutoff.
void readSnappedRow( const OneToAllSearch &query, const SnappedPoint &origin, const SnappedTargets &targets,
                     const EdgeWeights &weights, double accessCostPerMetre, Cost cutoff, Cost *costs );

//! InvalidArgument unless the weights and every snapped node belong to the graph (points
//! that found no road, with both nodes invalid, are allowed and stay unreachable).
Error validateSnappedInputs( const RoadGraph &graph, const EdgeWeights &weights,
                             const std::vector<SnappedPoint> &origins, const std::vector<SnappedPoint> &destinations );

} // namespace gf
