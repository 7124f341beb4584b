#pragma once
// Plane geometry on the engine's polygons: distances, area, and a representative point that
// is guaranteed to lie inside (pole of inaccessibility), for parcels of any shape.
#include "engine/graph/polygon_zone.h"

namespace gf {

//! Euclidean distance from \a point to the segment a–b (a point when a == b).
double distanceToSegment( const PointXY &point, const PointXY &a, const PointXY &b );

//! The point of segment a–b closest to \a point.
PointXY closestPointOnSegment( const PointXY &point, const PointXY &a, const PointXY &b );

//! Distance from \a point to the nearest ring edge of \a polygon (outline or hole); infinity
//! for a polygon without edges.
double distanceToBoundary( const PointXY &point, const Polygon &polygon );

//! Planimetric area: outline minus holes (rings' orientation does not matter).
double polygonArea( const Polygon &polygon );

/**
 * The pole of inaccessibility within \a precisionM (the "polylabel" quadtree search): the
 * interior point farthest from the boundary, so it lies inside concave (L-, U-shaped) parcels
 * and outside holes. Deterministic: cells are explored best-first with ties broken by
 * creation order. Returns false for a polygon without area.
 */
bool representativePoint( const Polygon &polygon, double precisionM, PointXY &point );

} // namespace gf
