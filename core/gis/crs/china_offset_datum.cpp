#include "gis/crs/china_offset_datum.h"

#include <cmath>

namespace gf::gis {

namespace {

// The published GCJ-02 algorithm works on the Krasovsky 1940 ellipsoid.
constexpr double kSemiMajorAxis = 6378245.0;
constexpr double kEccentricitySquared = 0.00669342162296594323;
constexpr double kPi = 3.14159265358979323846;
// BD-09 rotates and shifts GCJ-02 with this constant (x_pi = π · 3000 / 180).
constexpr double kBdPi = kPi * 3000.0 / 180.0;
constexpr double kIterationToleranceDeg = 1e-9;
constexpr int kMaxIterations = 30;

bool outsideChina( double lon, double lat )
{
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

double latitudeOffset( double x, double y )
{
  double result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt( std::fabs( x ) );
  result += ( 20.0 * std::sin( 6.0 * x * kPi ) + 20.0 * std::sin( 2.0 * x * kPi ) ) * 2.0 / 3.0;
  result += ( 20.0 * std::sin( y * kPi ) + 40.0 * std::sin( y / 3.0 * kPi ) ) * 2.0 / 3.0;
  result += ( 160.0 * std::sin( y / 12.0 * kPi ) + 320.0 * std::sin( y * kPi / 30.0 ) ) * 2.0 / 3.0;
  return result;
}

double longitudeOffset( double x, double y )
{
  double result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt( std::fabs( x ) );
  result += ( 20.0 * std::sin( 6.0 * x * kPi ) + 20.0 * std::sin( 2.0 * x * kPi ) ) * 2.0 / 3.0;
  result += ( 20.0 * std::sin( x * kPi ) + 40.0 * std::sin( x / 3.0 * kPi ) ) * 2.0 / 3.0;
  result += ( 150.0 * std::sin( x / 12.0 * kPi ) + 300.0 * std::sin( x / 30.0 * kPi ) ) * 2.0 / 3.0;
  return result;
}

} // namespace

std::optional<OffsetDatum> offsetDatumFromId( const QString &id )
{
  const QString normalised = id.trimmed().toLower();
  if ( normalised.isEmpty() || normalised == QLatin1String( "none" ) || normalised == QLatin1String( "wgs84" )
       || normalised == QLatin1String( "cgcs2000" ) )
    return OffsetDatum::None;
  if ( normalised == QLatin1String( "gcj02" ) || normalised == QLatin1String( "gcj-02" ) )
    return OffsetDatum::Gcj02;
  if ( normalised == QLatin1String( "bd09" ) || normalised == QLatin1String( "bd-09" ) )
    return OffsetDatum::Bd09;
  return std::nullopt;
}

QgsPointXY wgs84ToGcj02( const QgsPointXY &point )
{
  const double lon = point.x();
  const double lat = point.y();
  if ( outsideChina( lon, lat ) )
    return point;
  const double radLat = lat / 180.0 * kPi;
  double magic = std::sin( radLat );
  magic = 1.0 - kEccentricitySquared * magic * magic;
  const double sqrtMagic = std::sqrt( magic );
  const double dLat = latitudeOffset( lon - 105.0, lat - 35.0 ) * 180.0
                      / ( ( kSemiMajorAxis * ( 1.0 - kEccentricitySquared ) ) / ( magic * sqrtMagic ) * kPi );
  const double dLon = longitudeOffset( lon - 105.0, lat - 35.0 ) * 180.0 / ( kSemiMajorAxis / sqrtMagic * std::cos( radLat ) * kPi );
  return QgsPointXY( lon + dLon, lat + dLat );
}

QgsPointXY gcj02ToWgs84( const QgsPointXY &point )
{
  // The forward offset varies slowly, so x ← x − (f(x) − target) converges in a few steps.
  QgsPointXY estimate = point;
  for ( int iteration = 0; iteration < kMaxIterations; ++iteration )
  {
    const QgsPointXY forward = wgs84ToGcj02( estimate );
    const double dx = forward.x() - point.x();
    const double dy = forward.y() - point.y();
    estimate = QgsPointXY( estimate.x() - dx, estimate.y() - dy );
    if ( std::fabs( dx ) < kIterationToleranceDeg && std::fabs( dy ) < kIterationToleranceDeg )
      break;
  }
  return estimate;
}

QgsPointXY gcj02ToBd09( const QgsPointXY &point )
{
  const double x = point.x();
  const double y = point.y();
  const double z = std::sqrt( x * x + y * y ) + 0.00002 * std::sin( y * kBdPi );
  const double theta = std::atan2( y, x ) + 0.000003 * std::cos( x * kBdPi );
  return QgsPointXY( z * std::cos( theta ) + 0.0065, z * std::sin( theta ) + 0.006 );
}

QgsPointXY bd09ToGcj02( const QgsPointXY &point )
{
  const double x = point.x() - 0.0065;
  const double y = point.y() - 0.006;
  const double z = std::sqrt( x * x + y * y ) - 0.00002 * std::sin( y * kBdPi );
  const double theta = std::atan2( y, x ) - 0.000003 * std::cos( x * kBdPi );
  return QgsPointXY( z * std::cos( theta ), z * std::sin( theta ) );
}

void removeOffset( QgsGeometry &geometry, OffsetDatum datum )
{
  if ( datum == OffsetDatum::None || geometry.isNull() )
    return;
  geometry.transformVertices( [datum]( const QgsPoint &vertex ) {
    QgsPointXY planar( vertex.x(), vertex.y() );
    if ( datum == OffsetDatum::Bd09 )
      planar = bd09ToGcj02( planar );
    const QgsPointXY wgs = gcj02ToWgs84( planar );
    QgsPoint moved( vertex );
    moved.setX( wgs.x() );
    moved.setY( wgs.y() );
    return moved;
  } );
}

} // namespace gf::gis
