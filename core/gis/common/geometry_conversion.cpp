#include "gis/common/geometry_conversion.h"

namespace gf::gis {

namespace {

std::vector<gf::PointXY> toEngineRing( const QgsPolylineXY &ring )
{
  std::vector<gf::PointXY> points;
  points.reserve( static_cast<std::size_t>( ring.size() ) );
  for ( const QgsPointXY &point : ring )
    points.push_back( toEnginePoint( point ) );
  return points;
}

gf::Polygon toEnginePolygon( const QgsPolygonXY &polygon )
{
  gf::Polygon converted;
  for ( const QgsPolylineXY &ring : polygon )
    converted.rings.push_back( toEngineRing( ring ) );
  return converted;
}

QgsPolylineXY toQgsRing( const std::vector<gf::PointXY> &ring )
{
  QgsPolylineXY points;
  points.reserve( static_cast<int>( ring.size() ) + 1 );
  for ( const gf::PointXY &point : ring )
    points.append( toQgsPoint( point ) );
  if ( !points.isEmpty() && points.first() != points.last() )
    points.append( points.first() );
  return points;
}

} // namespace

gf::PointXY toEnginePoint( const QgsPointXY &point )
{
  return gf::PointXY{ point.x(), point.y() };
}

QgsPointXY toQgsPoint( const gf::PointXY &point )
{
  return QgsPointXY( point.x, point.y );
}

std::optional<gf::PointXY> enginePointOf( const QgsGeometry &geometry )
{
  if ( geometry.isNull() || geometry.isEmpty() )
    return std::nullopt;
  if ( geometry.isMultipart() )
  {
    const QgsMultiPointXY points = geometry.asMultiPoint();
    if ( points.isEmpty() )
      return std::nullopt;
    return toEnginePoint( points.first() );
  }
  return toEnginePoint( geometry.asPoint() );
}

std::vector<gf::Polygon> enginePolygonsOf( const QgsGeometry &geometry )
{
  std::vector<gf::Polygon> polygons;
  if ( geometry.isNull() || geometry.isEmpty() || geometry.type() != QgsWkbTypes::PolygonGeometry )
    return polygons;
  // Curved rings are segmentised by asPolygon/asMultiPolygon.
  if ( geometry.isMultipart() )
  {
    const QgsMultiPolygonXY parts = geometry.asMultiPolygon();
    for ( const QgsPolygonXY &part : parts )
      polygons.push_back( toEnginePolygon( part ) );
  }
  else
  {
    polygons.push_back( toEnginePolygon( geometry.asPolygon() ) );
  }
  return polygons;
}

QgsGeometry toQgsPolyline( const std::vector<gf::PointXY> &points )
{
  QgsPolylineXY line;
  line.reserve( static_cast<int>( points.size() ) );
  for ( const gf::PointXY &point : points )
    line.append( toQgsPoint( point ) );
  return QgsGeometry::fromPolylineXY( line );
}

QgsGeometry toQgsPolygon( const gf::Polygon &polygon )
{
  QgsPolygonXY rings;
  for ( const std::vector<gf::PointXY> &ring : polygon.rings )
    rings.append( toQgsRing( ring ) );
  return QgsGeometry::fromPolygonXY( rings );
}

} // namespace gf::gis
