#include "engine/graph/service_area.h"

#include "engine/graph/shortest_path_query.h"
#include "engine/od/snapped_leg.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace gf {

namespace {

//! A stretch [start, end] of a street, as fractions from its first node.
using Interval = std::pair<double, double>;

//! How far along an edge travel gets, as a fraction of the edge, when it enters the edge at
//! \a cost with \a budget to spend; negative when it never enters.
double reachedFraction( Cost cost, Cost weight, Cost budget )
{
  if ( cost > budget || weight >= kUnreachable )
    return -1.0;
  if ( weight == 0 )
    return 1.0;
  return std::min( 1.0, static_cast<double>( budget - cost ) / static_cast<double>( weight ) );
}

PointXY interpolate( const PointXY &a, const PointXY &b, double fraction )
{
  return PointXY{ a.x + fraction * ( b.x - a.x ), a.y + fraction * ( b.y - a.y ) };
}

//! Sorts and merges overlapping stretches; stretches of zero length are dropped.
void mergeIntervals( std::vector<Interval> &intervals )
{
  std::sort( intervals.begin(), intervals.end() );
  std::vector<Interval> merged;
  for ( const Interval &interval : intervals )
  {
    if ( !merged.empty() && interval.first <= merged.back().second )
      merged.back().second = std::max( merged.back().second, interval.second );
    else
      merged.push_back( interval );
  }
  merged.erase( std::remove_if( merged.begin(), merged.end(), []( const Interval &i ) { return !( i.second > i.first ); } ),
                merged.end() );
  intervals = std::move( merged );
}

Error validateThresholds( const std::vector<Cost> &thresholds )
{
  if ( thresholds.empty() )
    return makeError( ErrorCode::InvalidArgument, "thresholds" );
  for ( std::size_t i = 0; i < thresholds.size(); ++i )
  {
    if ( thresholds[i] < 0 || thresholds[i] >= kUnreachable || ( i > 0 && thresholds[i] <= thresholds[i - 1] ) )
      return makeError( ErrorCode::InvalidArgument, "thresholds" );
  }
  return makeError( ErrorCode::Ok );
}

} // namespace

Result<ServiceArea> computeServiceArea( const RoadGraph &graph, const EdgeWeights &weights, const SnappedPoint &site,
                                        const std::vector<Cost> &thresholds, double accessCostPerMetre )
{
  Error error = validateThresholds( thresholds );
  if ( error.code != ErrorCode::Ok )
    return error;
  if ( site.nodeA == kInvalidNode || site.nodeB == kInvalidNode )
    return makeError( ErrorCode::InvalidArgument, "site" );
  error = validateSnappedInputs( graph, weights, { site }, {} );
  if ( error.code != ErrorCode::Ok )
    return error;

  ShortestPathQuery query( graph, weights );
  addSnappedSource( query, site, weights, accessCostPerMetre );
  query.run( thresholds.back() );
  const Cost access = accessLegCost( site, accessCostPerMetre );

  ServiceArea area;
  area.bands.resize( thresholds.size() );
  for ( std::size_t b = 0; b < thresholds.size(); ++b )
  {
    ServiceAreaBand &band = area.bands[b];
    band.threshold = thresholds[b];
    const double leg = access == 0 ? 1.0 : reachedFraction( 0, access, band.threshold );
    if ( leg > 0.0 && site.accessDistanceM > 0.0 )
      band.accessLeg.push_back( ServiceAreaLine{ site.original, interpolate( site.original, site.projected, leg ) } );
  }

  const std::vector<NodeId> &tails = graph.tail();
  const std::vector<NodeId> &heads = graph.head();
  std::vector<Interval> intervals;
  for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
  {
    const NodeId t = tails[e], h = heads[e];
    const EdgeId reverse = graph.findEdge( h, t );
    // Each street once: from its lower-id end, or from the only direction it has.
    if ( reverse != kInvalidEdge && h < t )
      continue;
    const bool isSiteStreet = ( t == site.nodeA && h == site.nodeB ) || ( t == site.nodeB && h == site.nodeA );
    const Cost costTail = query.cost( t ), costHead = query.cost( h );
    if ( !isSiteStreet && costTail >= kUnreachable && costHead >= kUnreachable )
      continue;
    const Cost weightForward = weights[e];
    const Cost weightBackward = reverse == kInvalidEdge ? kUnreachable : weights[reverse];
    const double siteFraction = t == site.nodeA ? site.fractionFromA : 1.0 - site.fractionFromA;
    const PointXY &pt = graph.nodePoint( t ), &ph = graph.nodePoint( h );
    const double lengthM = std::hypot( ph.x - pt.x, ph.y - pt.y );

    for ( ServiceAreaBand &band : area.bands )
    {
      intervals.clear();
      const double fromTail = reachedFraction( costTail, weightForward, band.threshold );
      if ( fromTail >= 0.0 )
        intervals.emplace_back( 0.0, fromTail );
      const double fromHead = reachedFraction( costHead, weightBackward, band.threshold );
      if ( fromHead >= 0.0 )
        intervals.emplace_back( 1.0 - fromHead, 1.0 );
      if ( isSiteStreet )
      {
        // Straight from the site's projection, in whichever directions the street allows.
        const double ahead = reachedFraction( access, weightForward, band.threshold );
        if ( ahead >= 0.0 )
          intervals.emplace_back( siteFraction, std::min( 1.0, siteFraction + ahead ) );
        const double behind = reachedFraction( access, weightBackward, band.threshold );
        if ( behind >= 0.0 )
          intervals.emplace_back( std::max( 0.0, siteFraction - behind ), siteFraction );
      }
      mergeIntervals( intervals );
      for ( const Interval &interval : intervals )
      {
        band.lines.push_back( ServiceAreaLine{ interpolate( pt, ph, interval.first ), interpolate( pt, ph, interval.second ) } );
        band.reachableLengthM += ( interval.second - interval.first ) * lengthM;
      }
    }
  }
  return area;
}

} // namespace gf
