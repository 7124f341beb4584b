#pragma once
// The obfuscated coordinate systems of Chinese web maps: GCJ-02 (Amap/高德, Tencent) and
// BD-09 (Baidu). Survey points geocoded there are offset by several hundred metres from
// WGS 84 / CGCS2000 and must be corrected before any overlay with survey data.
#include <qgsgeometry.h>
#include <qgspointxy.h>

#include <QString>
#include <optional>

namespace gf::gis {

enum class OffsetDatum
{
  None,     //!< WGS 84 / CGCS2000 (the two agree to centimetres for planning purposes)
  Gcj02,
  Bd09,
};

//! "none", "gcj02", "bd09" (case-insensitive; "wgs84" and "cgcs2000" mean None).
std::optional<OffsetDatum> offsetDatumFromId( const QString &id );

//! Longitude/latitude in degrees. Outside China the offsets are not applied (as the web
//! maps do), so those points pass unchanged.
QgsPointXY wgs84ToGcj02( const QgsPointXY &point );
//! Inverse of wgs84ToGcj02 by fixed-point iteration to 1e-9° (about 0.1 mm).
QgsPointXY gcj02ToWgs84( const QgsPointXY &point );
QgsPointXY gcj02ToBd09( const QgsPointXY &point );
QgsPointXY bd09ToGcj02( const QgsPointXY &point );

//! Moves every vertex of a lon/lat geometry in \a datum to WGS 84.
void removeOffset( QgsGeometry &geometry, OffsetDatum datum );

} // namespace gf::gis
