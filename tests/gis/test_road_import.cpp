// Road import from every supported format, with encodings, CRS handling, OSM tags, and the
// bad inputs that must give a clear error instead of a plan.
#include "engine/graph/road_graph_builder.h"
#include "gis/network/road_layer_importer.h"

#include <qgsapplication.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsgeometry.h>
#include <qgsvectorfilewriter.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gf::gis;

namespace {

struct RoadRow
{
  QString wkt;
  QString roadClass;
  QString name;
  int oneWay;
  QString bridge = QString();
  QString tunnel = QString();
  QVariant layer = QVariant();
};

//! Writes a road layer with fields road_class, name, oneway, speed_kmh, bridge, tunnel, layer.
bool writeRoads( const QString &path, const QString &driver, const QString &crs, const QList<RoadRow> &rows,
                 const QString &encoding = QStringLiteral( "UTF-8" ), QgsWkbTypes::Type type = QgsWkbTypes::LineString )
{
  QgsFields fields;
  fields.append( QgsField( QStringLiteral( "road_class" ), QVariant::String ) );
  fields.append( QgsField( QStringLiteral( "name" ), QVariant::String ) );
  fields.append( QgsField( QStringLiteral( "oneway" ), QVariant::Int ) );
  fields.append( QgsField( QStringLiteral( "speed_kmh" ), QVariant::Int ) );
  fields.append( QgsField( QStringLiteral( "bridge" ), QVariant::String ) );
  fields.append( QgsField( QStringLiteral( "tunnel" ), QVariant::String ) );
  fields.append( QgsField( QStringLiteral( "layer" ), QVariant::Int ) );
  QgsVectorFileWriter::SaveVectorOptions options;
  options.driverName = driver;
  options.layerName = QStringLiteral( "roads" );
  options.fileEncoding = encoding;
  std::unique_ptr<QgsVectorFileWriter> writer( QgsVectorFileWriter::create( path, fields, type,
                                                                          crs.isEmpty() ? QgsCoordinateReferenceSystem() : QgsCoordinateReferenceSystem( crs ),
                                                                          QgsCoordinateTransformContext(), options ) );
  if ( !writer || writer->hasError() != QgsVectorFileWriter::NoError )
    return false;
  for ( const RoadRow &row : rows )
  {
    QgsFeature feature( fields );
    feature.setGeometry( QgsGeometry::fromWkt( row.wkt ) );
    feature.setAttributes( QVector<QVariant>{ row.roadClass, row.name, row.oneWay, 40, row.bridge, row.tunnel, row.layer } );
    if ( !writer->addFeature( feature ) )
      return false;
  }
  return true;
}

/*
 * Three streets in EPSG:4548 near Zibo, forming a T:
 *
 *   (0,0) ---- 柳泉路 ---- (1000,0) ---- 华光路 (one-way east) ---- (2000,0)
 *                              |
 *                           共青团路
 *                              |
 *                          (1000,-800)
 */
QList<RoadRow> tRoads()
{
  const auto line = []( double x1, double y1, double x2, double y2 ) {
    return QStringLiteral( "LineString (%1 %2, %3 %4)" ).arg( 594000 + x1 ).arg( 4074000 + y1 ).arg( 594000 + x2 ).arg( 4074000 + y2 );
  };
  return { { line( 0, 0, 1000, 0 ), QStringLiteral( "主干路" ), QStringLiteral( "柳泉路" ), 0 },
           { line( 1000, 0, 2000, 0 ), QStringLiteral( "collector" ), QStringLiteral( "华光路" ), 1 },
           { line( 1000, 0, 1000, -800 ), QStringLiteral( "branch" ), QStringLiteral( "共青团路" ), 0 } };
}

void checkTRoads( const RoadImport &import )
{
  QCOMPARE( import.segments.size(), std::size_t( 3 ) );
  QCOMPARE( import.segments[0].roadClass, gf::RoadClass::Arterial );
  QCOMPARE( import.segments[1].roadClass, gf::RoadClass::Collector );
  QCOMPARE( import.segments[1].oneWay, gf::OneWay::Forward );
  QCOMPARE( import.segments[2].roadClass, gf::RoadClass::Branch );
  QCOMPARE( import.crs.authid(), QStringLiteral( "EPSG:4548" ) );
  QVERIFY( std::abs( import.segments[0].points[1].x - 595000.0 ) < 1e-6 );
}

const char *kOsmXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <node id="1" lat="36.800" lon="118.050" version="1"/>
  <node id="2" lat="36.800" lon="118.060" version="1"/>
  <node id="3" lat="36.810" lon="118.060" version="1"/>
  <node id="4" lat="36.810" lon="118.070" version="1"/>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/>
    <tag k="highway" v="primary"/><tag k="name" v="人民路"/><tag k="maxspeed" v="60"/></way>
  <way id="11" version="1"><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="residential"/><tag k="oneway" v="yes"/><tag k="hgv" v="no"/></way>
  <way id="12" version="1"><nd ref="3"/><nd ref="4"/>
    <tag k="highway" v="footway"/></way>
  <way id="13" version="1"><nd ref="1"/><nd ref="3"/>
    <tag k="highway" v="tertiary"/><tag k="bridge" v="viaduct"/></way>
  <way id="14" version="1"><nd ref="2"/><nd ref="4"/>
    <tag k="highway" v="tertiary"/><tag k="tunnel" v="yes"/><tag k="layer" v="-2"/></way>
</osm>
)";

} // namespace

class TestRoadImport : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void readsEachFormat_data()
    {
      QTest::addColumn<QString>( "driver" );
      QTest::addColumn<QString>( "fileName" );
      QTest::newRow( "GeoPackage" ) << "GPKG" << "roads.gpkg";
      QTest::newRow( "Shapefile" ) << "ESRI Shapefile" << "roads.shp";
      QTest::newRow( "GeoJSON" ) << "GeoJSON" << "roads.geojson";
      QTest::newRow( "FileGDB" ) << "OpenFileGDB" << "roads.gdb";
    }

    void readsEachFormat()
    {
      QFETCH( QString, driver );
      QFETCH( QString, fileName );
      QTemporaryDir dir;
      const QString path = dir.filePath( fileName );
      // GeoJSON is WGS 84 by definition: write it in EPSG:4548 anyway and expect the importer
      // to come back to the Gauss-Krüger zone.
      QVERIFY( writeRoads( path, driver, QStringLiteral( "EPSG:4548" ), tRoads() ) );
      RoadImportOptions options;
      if ( driver != QLatin1String( "GPKG" ) )
        options.layerName.clear();
      auto imported = RoadLayerImporter::import( path, options );
      QVERIFY2( std::holds_alternative<RoadImport>( imported ), qPrintable( std::holds_alternative<GisError>( imported ) ? describeError( std::get<GisError>( imported ) ) : QString() ) );
      const RoadImport &import = std::get<RoadImport>( imported );
      QCOMPARE( import.segments.size(), std::size_t( 3 ) );
      QCOMPARE( import.segments[1].oneWay, gf::OneWay::Forward );
      QCOMPARE( import.segments[0].roadClass, gf::RoadClass::Arterial );
      QCOMPARE( import.crs.authid(), QStringLiteral( "EPSG:4548" ) );
      QVERIFY2( std::abs( import.segments[0].points[1].x - 595000.0 ) < 0.01, qPrintable( QString::number( import.segments[0].points[1].x, 'f', 3 ) ) );
    }

    void shapefileHonoursDeclaredGbk()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "gbk.shp" ) );
      QVERIFY( writeRoads( path, QStringLiteral( "ESRI Shapefile" ), QStringLiteral( "EPSG:4548" ), tRoads(), QStringLiteral( "GBK" ) ) );
      QVERIFY( QFileInfo::exists( dir.filePath( QStringLiteral( "gbk.cpg" ) ) ) );

      auto imported = RoadLayerImporter::import( path );
      QVERIFY( std::holds_alternative<RoadImport>( imported ) );
      checkTRoads( std::get<RoadImport>( imported ) );  // 主干路 decoded from GBK bytes
    }

    void shapefileWithoutCpgNeedsChosenEncoding()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "nocpg.shp" ) );
      QVERIFY( writeRoads( path, QStringLiteral( "ESRI Shapefile" ), QStringLiteral( "EPSG:4548" ), tRoads(), QStringLiteral( "GBK" ) ) );
      QVERIFY( QFile::remove( dir.filePath( QStringLiteral( "nocpg.cpg" ) ) ) );

      auto undeclared = RoadLayerImporter::import( path );
      QVERIFY( std::holds_alternative<RoadImport>( undeclared ) );
      // GBK bytes read as Latin-1 do not spell 主干路: the class is unknown and reported.
      QCOMPARE( std::get<RoadImport>( undeclared ).segments[0].roadClass, gf::RoadClass::Branch );
      QVERIFY( !std::get<RoadImport>( undeclared ).warnings.isEmpty() );

      RoadImportOptions options;
      options.encoding = QStringLiteral( "GBK" );
      auto chosen = RoadLayerImporter::import( path, options );
      QVERIFY( std::holds_alternative<RoadImport>( chosen ) );
      checkTRoads( std::get<RoadImport>( chosen ) );
    }

    void readsOpenStreetMapXml()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "district.osm" ) );
      QFile file( path );
      QVERIFY( file.open( QIODevice::WriteOnly ) );
      file.write( kOsmXml );
      file.close();
      auto imported = RoadLayerImporter::import( path );
      QVERIFY2( std::holds_alternative<RoadImport>( imported ), qPrintable( std::holds_alternative<GisError>( imported ) ? describeError( std::get<GisError>( imported ) ) : QString() ) );
      const RoadImport &import = std::get<RoadImport>( imported );
      QCOMPARE( import.segments.size(), std::size_t( 4 ) );  // the footway is not driveable
      QCOMPARE( import.crs.authid(), QStringLiteral( "EPSG:4548" ) );
      QCOMPARE( import.segments[0].roadClass, gf::RoadClass::Arterial );
      QCOMPARE( import.segments[0].speedKmh, 60.0 );
      QCOMPARE( import.segments[1].roadClass, gf::RoadClass::Branch );
      QCOMPARE( import.segments[1].oneWay, gf::OneWay::Forward );
      QVERIFY( import.segments[1].truckRestricted );
      // bridge=viaduct without a layer is level 1; tunnel=yes with layer=-2 is level −2.
      QCOMPARE( import.segments[0].gradeLevel, 0 );
      QCOMPARE( import.segments[2].gradeLevel, 1 );
      QCOMPARE( import.segments[3].gradeLevel, -2 );
      // 0.01° of longitude at 36.8°N is about 893 m in the Gauss-Krüger projection.
      const double lengthM = std::hypot( import.segments[0].points[1].x - import.segments[0].points[0].x,
                                         import.segments[0].points[1].y - import.segments[0].points[0].y );
      QVERIFY2( std::abs( lengthM - 893.0 ) < 5.0, qPrintable( QString::number( lengthM ) ) );
    }

    void readsBridgesAndTunnels()
    {
      //            r2 tunnel   r1 bridge   r3 at grade
      //               |           |           |
      //  r4 (layer 2) ============================        y = 300
      //               |           |           |
      //  r0 ----------+-----------+-----------X----       y = 0; only r0 × r3 is a junction
      const auto line = []( double x1, double y1, double x2, double y2 ) {
        return QStringLiteral( "LineString (%1 %2, %3 %4)" ).arg( 594000 + x1 ).arg( 4074000 + y1 ).arg( 594000 + x2 ).arg( 4074000 + y2 );
      };
      const QString branch = QStringLiteral( "branch" );
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "levels.gpkg" ) );
      QVERIFY( writeRoads( path, QStringLiteral( "GPKG" ), QStringLiteral( "EPSG:4548" ),
                           { { line( 0, 0, 1000, 0 ), branch, QString(), 0, QString(), QString(), QVariant() },
                             { line( 500, -500, 500, 500 ), branch, QString(), 0, QStringLiteral( "yes" ), QString(), QVariant() },
                             { line( 200, -500, 200, 500 ), branch, QString(), 0, QStringLiteral( "0" ), QStringLiteral( "1" ), QVariant() },
                             { line( 800, -500, 800, 500 ), branch, QString(), 0, QStringLiteral( "no" ), QStringLiteral( "no" ), 0 },
                             { line( 0, 300, 1000, 300 ), branch, QString(), 0, QString(), QString(), 2 } } ) );
      RoadImportOptions options;
      options.nodeAtCrossings = true;
      auto imported = RoadLayerImporter::import( path, options );
      QVERIFY2( std::holds_alternative<RoadImport>( imported ), qPrintable( std::holds_alternative<GisError>( imported ) ? describeError( std::get<GisError>( imported ) ) : QString() ) );
      const RoadImport &import = std::get<RoadImport>( imported );
      QCOMPARE( import.segments.size(), std::size_t( 5 ) );
      const int expectedLevels[] = { 0, 1, -1, 0, 2 };
      for ( std::size_t i = 0; i < 5; ++i )
        QCOMPARE( import.segments[i].gradeLevel, expectedLevels[i] );
      QVERIFY( import.buildOptions.nodeAtCrossings );
      QVERIFY( !std::get<RoadImport>( RoadLayerImporter::import( path ) ).buildOptions.nodeAtCrossings );

      gf::RoadGraphBuildOptions buildOptions = import.buildOptions;
      buildOptions.keepLargestComponentOnly = false;
      gf::SilentProgress progress;
      gf::Result<gf::BuiltRoadGraph> built = gf::RoadGraphBuilder::build( import.segments, buildOptions, progress );
      QVERIFY( built.isOk() );
      QCOMPARE( built->report.crossingsNoded, std::size_t( 1 ) );
      QCOMPARE( built->report.crossingsSeparated, std::size_t( 5 ) );
      QCOMPARE( built->report.components.front().nodeCount, std::size_t( 5 ) );
    }

    void badInputsGiveClearErrors_data()
    {
      QTest::addColumn<int>( "variant" );
      QTest::addColumn<int>( "expected" );
      QTest::newRow( "no line layer" ) << 0 << int( GisErrorCode::WrongGeometryType );
      QTest::newRow( "no crs" ) << 1 << int( GisErrorCode::MissingCrs );
      QTest::newRow( "empty layer" ) << 2 << int( GisErrorCode::EmptyLayer );
      QTest::newRow( "not a GIS file" ) << 3 << int( GisErrorCode::FileUnreadable );
      QTest::newRow( "missing file" ) << 4 << int( GisErrorCode::FileNotFound );
    }

    void badInputsGiveClearErrors()
    {
      QFETCH( int, variant );
      QFETCH( int, expected );
      QTemporaryDir dir;
      QString path = dir.filePath( QStringLiteral( "bad.gpkg" ) );
      switch ( variant )
      {
        case 0:
          QVERIFY( writeRoads( path, QStringLiteral( "GPKG" ), QStringLiteral( "EPSG:4548" ),
                               { { QStringLiteral( "Point (594000 4074000)" ), QStringLiteral( "branch" ), QString(), 0 } },
                               QStringLiteral( "UTF-8" ), QgsWkbTypes::Point ) );
          break;
        case 1:
          QVERIFY( writeRoads( path, QStringLiteral( "GPKG" ), QString(), tRoads() ) );
          break;
        case 2:
          QVERIFY( writeRoads( path, QStringLiteral( "GPKG" ), QStringLiteral( "EPSG:4548" ), {} ) );
          break;
        case 3:
        {
          path = dir.filePath( QStringLiteral( "notes.txt" ) );
          QFile file( path );
          QVERIFY( file.open( QIODevice::WriteOnly ) );
          file.write( "\x01\x02 not a GIS file \xff" );
          break;
        }
        case 4:
          path = dir.filePath( QStringLiteral( "missing.gpkg" ) );
          break;
      }
      auto imported = RoadLayerImporter::import( path );
      QVERIFY( std::holds_alternative<GisError>( imported ) );
      const GisError &error = std::get<GisError>( imported );
      QCOMPARE( int( error.code ), expected );
      QVERIFY( describeError( error ).contains( path ) );
    }

    void degreesTakenAsMetresAreRejectedByTheNetwork()
    {
      // Lon/lat numbers stored under a metric CRS: the whole district would be 0.05 m wide.
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "degrees.gpkg" ) );
      QVERIFY( writeRoads( path, QStringLiteral( "GPKG" ), QStringLiteral( "EPSG:4548" ),
                           { { QStringLiteral( "LineString (118.05 36.80, 118.06 36.80)" ), QStringLiteral( "branch" ), QString(), 0 },
                             { QStringLiteral( "LineString (118.06 36.80, 118.06 36.81)" ), QStringLiteral( "branch" ), QString(), 0 } } ) );
      auto imported = RoadLayerImporter::import( path );
      QVERIFY( std::holds_alternative<RoadImport>( imported ) );
      gf::SilentProgress progress;
      gf::Result<gf::BuiltRoadGraph> built = gf::RoadGraphBuilder::build( std::get<RoadImport>( imported ).segments, gf::RoadGraphBuildOptions{}, progress );
      QVERIFY( !built.isOk() );
      QCOMPARE( built.error().code, gf::ErrorCode::UnitMismatch );
      QVERIFY( describeEngineError( built.error() ).contains( QStringLiteral( "EPSG:4548" ) ) );
    }
};

QTEST_MAIN( TestRoadImport )
#include "test_road_import.moc"
