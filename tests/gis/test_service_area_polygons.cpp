// Service area polygons on a hand-drawn grid: valid, nested, containing every reached line and
// nothing farther than the trim distance, growing with the threshold, small holes filled;
// and the written layer read back.
#include "engine/graph/road_graph_builder.h"
#include "gis/common/geometry_conversion.h"
#include "gis/network/service_area_polygons.h"

#include <qgsapplication.h>
#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace gf::gis;

namespace {

constexpr double kSpacingM = 500.0;

//! A 4 × 4 grid of two-way streets, kSpacingM apart, its corner at (500000, 4000000).
gf::BuiltRoadGraph gridGraph()
{
  std::vector<gf::RoadSegmentInput> segments;
  auto corner = []( int x, int y ) { return gf::PointXY{ 500000.0 + x * kSpacingM, 4000000.0 + y * kSpacingM }; };
  for ( int y = 0; y < 4; ++y )
  {
    for ( int x = 0; x < 4; ++x )
    {
      for ( const auto &[dx, dy] : { std::make_pair( 1, 0 ), std::make_pair( 0, 1 ) } )
      {
        if ( x + dx >= 4 || y + dy >= 4 )
          continue;
        gf::RoadSegmentInput street;
        street.points = { corner( x, y ), corner( x + dx, y + dy ) };
        segments.push_back( street );
      }
    }
  }
  gf::SilentProgress progress;
  gf::Result<gf::BuiltRoadGraph> built = gf::RoadGraphBuilder::build( segments, gf::RoadGraphBuildOptions(), progress );
  return built.isOk() ? std::move( *built ) : gf::BuiltRoadGraph();
}

//! From a site on the street from corner (1,1) to (2,1), \a offsetM into the block north of it.
gf::ServiceArea gridServiceArea( const std::vector<gf::Cost> &thresholds, double offsetM = 30.0 )
{
  static const gf::BuiltRoadGraph built = gridGraph();
  const gf::EdgeSnapper snapper( built.graph );
  const gf::SnappedPoint site = *snapper.snap( { 500000.0 + 1.3 * kSpacingM, 4000000.0 + kSpacingM + offsetM }, 1e9 );
  gf::Result<gf::ServiceArea> area = gf::computeServiceArea( built.graph, gf::computeEdgeWeights( built.graph, gf::CostMetric::DistanceDm ),
                                                             site, thresholds, gf::kCostUnitsPerBaseUnit );
  return area.isOk() ? *area : gf::ServiceArea();
}

std::vector<gf::ServiceAreaLine> allLines( const gf::ServiceAreaBand &band )
{
  std::vector<gf::ServiceAreaLine> lines = band.lines;
  lines.insert( lines.end(), band.accessLeg.begin(), band.accessLeg.end() );
  return lines;
}

} // namespace

class TestServiceAreaPolygons : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void nestedValidPolygonsAroundTheReachedLines();
    void smallHolesFilled();
    void writtenLayer();
};

void TestServiceAreaPolygons::nestedValidPolygonsAroundTheReachedLines()
{
  const gf::ServiceArea area = gridServiceArea( { 0, 2000, 6000, 12000, 40000 } );
  QCOMPARE( area.bands.size(), std::size_t( 5 ) );
  ServiceAreaPolygonOptions options;
  options.maxFilledHoleAreaM2 = 0.0;
  const std::vector<ServiceAreaPolygon> polygons = ServiceAreaPolygons::build( area, options );
  QCOMPARE( polygons.size(), std::size_t( 5 ) );

  // Threshold 0 reaches nothing: no polygon.
  QVERIFY( polygons[0].polygon.isNull() );
  double previousArea = 0.0;
  for ( std::size_t b = 1; b < polygons.size(); ++b )
  {
    const QgsGeometry &polygon = polygons[b].polygon;
    QCOMPARE( polygons[b].threshold, area.bands[b].threshold );
    QCOMPARE( polygons[b].reachableLengthM, area.bands[b].reachableLengthM );
    QCOMPARE( polygon.wkbType(), QgsWkbTypes::MultiPolygon );
    QVERIFY( polygon.isGeosValid() );
    const std::vector<gf::ServiceAreaLine> lines = allLines( area.bands[b] );
    QVERIFY( !lines.empty() );
    for ( const gf::ServiceAreaLine &line : lines )
      QVERIFY( polygon.contains( toQgsPolyline( { line.from, line.to } ) ) );

    // Nothing farther from the reached lines than the trim distance (no holes were filled).
    QgsGeometry linesGeometry = toQgsPolyline( { lines[0].from, lines[0].to } );
    for ( const gf::ServiceAreaLine &line : lines )
      linesGeometry = linesGeometry.combine( toQgsPolyline( { line.from, line.to } ) );
    for ( auto vertex = polygon.vertices_begin(); vertex != polygon.vertices_end(); ++vertex )
    {
      const double distance = linesGeometry.distance( QgsGeometry( ( *vertex ).clone() ) );
      QVERIFY2( distance <= options.trimDistanceM + 1e-6, qPrintable( QString::number( distance ) ) );
    }

    // Nested and growing: the larger threshold reaches strictly more street here.
    const double areaM2 = polygon.area();
    QVERIFY( areaM2 > previousArea );
    if ( b > 1 )
    {
      QVERIFY( area.bands[b].reachableLengthM > area.bands[b - 1].reachableLengthM );
      QVERIFY( polygons[b - 1].polygon.difference( polygon ).area() < 1e-6 );
    }
    previousArea = areaM2;
  }
  // The largest threshold reaches the whole grid: 24 streets of 500 m.
  QCOMPARE( polygons.back().reachableLengthM, 24 * kSpacingM );
  // 30 m of access leg at 200 m: band 1 is a single blob around the site.
  QCOMPARE( polygons[1].polygon.constGet()->partCount(), 1 );
}

void TestServiceAreaPolygons::smallHolesFilled()
{
  // The whole grid from a site on a street: nine 500 m blocks, each leaving a 300 m × 300 m
  // hole with a 100 m trim.
  const gf::ServiceArea area = gridServiceArea( { 40000 }, 0.0 );
  const double holeM2 = ( kSpacingM - 200.0 ) * ( kSpacingM - 200.0 );
  ServiceAreaPolygonOptions keepHoles;
  keepHoles.maxFilledHoleAreaM2 = 0.0;
  ServiceAreaPolygonOptions fillHoles;
  fillHoles.maxFilledHoleAreaM2 = holeM2 * 1.01;
  ServiceAreaPolygonOptions holesTooLarge;
  holesTooLarge.maxFilledHoleAreaM2 = holeM2 * 0.99;
  const QgsGeometry kept = ServiceAreaPolygons::build( area, keepHoles ).front().polygon;
  const QgsGeometry filled = ServiceAreaPolygons::build( area, fillHoles ).front().polygon;
  const QgsGeometry stillHoled = ServiceAreaPolygons::build( area, holesTooLarge ).front().polygon;

  const double outerM2 = ( 3 * kSpacingM + 200.0 ) * ( 3 * kSpacingM + 200.0 );
  // Buffers round the four outer corners off: (1 − π/4) r² each.
  const double cornersM2 = ( 4.0 - M_PI ) * 100.0 * 100.0;
  QVERIFY( filled.isGeosValid() && kept.isGeosValid() );
  QVERIFY( std::abs( filled.area() - ( outerM2 - cornersM2 ) ) < 0.001 * outerM2 );
  QVERIFY( std::abs( kept.area() - ( outerM2 - cornersM2 - 9 * holeM2 ) ) < 0.001 * outerM2 );
  QCOMPARE( stillHoled.area(), kept.area() );
}

void TestServiceAreaPolygons::writtenLayer()
{
  const gf::ServiceArea area = gridServiceArea( { 0, 6000, 12000 } );
  const std::vector<ServiceAreaPolygon> polygons = ServiceAreaPolygons::build( area );
  QTemporaryDir dir;
  const QString path = dir.filePath( QStringLiteral( "areas/iso.gpkg" ) );
  const GisError error = ServiceAreaPolygons::write( path, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4548" ) ), polygons );
  QVERIFY2( !error.isError(), qPrintable( describeError( error ) ) );
  // Only the result is left in the folder: the temporary file was renamed.
  QCOMPARE( QDir( dir.filePath( QStringLiteral( "areas" ) ) ).entryList( QDir::Files | QDir::Hidden ), QStringList{ QStringLiteral( "iso.gpkg" ) } );

  QgsVectorLayer layer( path + QStringLiteral( "|layername=service_areas" ), QStringLiteral( "areas" ), QStringLiteral( "ogr" ) );
  QVERIFY( layer.isValid() );
  QCOMPARE( layer.crs().authid(), QStringLiteral( "EPSG:4548" ) );
  QCOMPARE( layer.featureCount(), long( 3 ) );
  QgsFeatureIterator it = layer.getFeatures();
  QgsFeature feature;
  std::size_t i = 0;
  while ( it.nextFeature( feature ) )
  {
    QCOMPARE( feature.attribute( QStringLiteral( "threshold_m" ) ).toDouble(), polygons[i].threshold / 10.0 );
    QCOMPARE( feature.attribute( QStringLiteral( "reachable_length_m" ) ).toDouble(), polygons[i].reachableLengthM );
    const double areaM2 = feature.attribute( QStringLiteral( "area_m2" ) ).toDouble();
    if ( polygons[i].polygon.isNull() )
    {
      QVERIFY( !feature.hasGeometry() || feature.geometry().isEmpty() );
      QCOMPARE( areaM2, 0.0 );
    }
    else
    {
      QVERIFY( std::abs( feature.geometry().area() - areaM2 ) < 1e-6 * areaM2 );
      QVERIFY( std::abs( polygons[i].polygon.area() - areaM2 ) < 1e-6 * areaM2 );
    }
    ++i;
  }
  QCOMPARE( i, polygons.size() );
}

QTEST_MAIN( TestServiceAreaPolygons )
#include "test_service_area_polygons.moc"
