#pragma once
// The one place where engine geometry (gf::PointXY, gf::Polygon, polylines) and QGIS
// geometry are converted into each other.
#include "engine/graph/polygon_zone.h"

#include <qgsgeometry.h>
#include <qgspointxy.h>

#include <optional>
#include <vector>

namespace gf::gis {

gf::PointXY toEnginePoint( const QgsPointXY &point );
QgsPointXY toQgsPoint( const gf::PointXY &point );

//! A point feature's location; the first part of a multipoint; nothing for an empty geometry.
std::optional<gf::PointXY> enginePointOf( const QgsGeometry &geometry );

//! One engine polygon per part of a (multi)polygon geometry, holes kept; empty for
//! anything that is not a polygon.
std::vector<gf::Polygon> enginePolygonsOf( const QgsGeometry &geometry );

QgsGeometry toQgsPolyline( const std::vector<gf::PointXY> &points );
QgsGeometry toQgsPolygon( const gf::Polygon &polygon );

} // namespace gf::gis
