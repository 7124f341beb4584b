#pragma once
// Service areas (isochrones) of one site on the road network: for each cost threshold, the
// pieces of street reachable within it, cut exactly where the cost runs out. One Dijkstra
// up to the largest threshold serves every threshold.
#include "engine/common/status.h"
#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph.h"

#include <vector>

namespace gf {

//! A reached straight piece of street, in the metric CRS of the graph.
struct ServiceAreaLine
{
  PointXY from;
  PointXY to;
};

struct ServiceAreaBand
{
  Cost threshold = 0;
  //! Reached pieces; each street appears once per reached stretch (at most two stretches,
  //! one from each end, unless it is the site's own street).
  std::vector<ServiceAreaLine> lines;
  //! The reached part of the access leg, site → road; absent when the leg itself costs more.
  std::vector<ServiceAreaLine> accessLeg;
  //! Length of the reached network, each street counted once (access leg excluded).
  double reachableLengthM = 0.0;
};

struct ServiceArea
{
  std::vector<ServiceAreaBand> bands;  //!< one per threshold, in the thresholds' order
};

//! The reachable network of \a site for each threshold. Thresholds must be strictly ascending,
//! non-negative and below kUnreachable; costs start at the site, so they include the access
//! leg (accessCostPerMetre cost units per metre) and the partial edge the site snaps to.
//! Travel follows edge directions, so one-way streets are reached only along their direction.
//! InvalidArgument for bad thresholds ("thresholds"), a site that found no road ("site"), or
//! weights or nodes that do not belong to the graph.
Result<ServiceArea> computeServiceArea( const RoadGraph &graph, const EdgeWeights &weights, const SnappedPoint &site,
                                        const std::vector<Cost> &thresholds, double accessCostPerMetre );

} // namespace gf
