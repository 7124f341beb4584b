// Reading projects into the scenario and writing plan GeoPackages: round trip, errors that
// name the layer and field, and the atomic write that never leaves a half-written file.
#include "engine/scenario/programme_parameter_registry.h"
#include "gis/io/plan_writer.h"
#include "gis/io/project_reader.h"
#include "gis/landuse/land_use_table_loader.h"
#include "gis/plan/plan_job.h"

#include <qgsapplication.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgscoordinatetransform.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace gf::gis;

namespace {

struct LayerSpec
{
  QString name;
  QgsWkbTypes::Type type;
  QString crs;
  QList<QPair<QString, QVariant::Type>> fields;
  QList<QPair<QString, QVariantList>> features;  // WKT, attributes
};

//! Writes \a layers into a new GeoPackage, the first creating the file.
bool writeGeoPackage( const QString &path, const QList<LayerSpec> &layers )
{
  bool first = true;
  for ( const LayerSpec &spec : layers )
  {
    QgsFields fields;
    for ( const auto &field : spec.fields )
      fields.append( QgsField( field.first, field.second ) );
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral( "GPKG" );
    options.layerName = spec.name;
    options.actionOnExistingFile = first ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
    first = false;
    std::unique_ptr<QgsVectorFileWriter> writer( QgsVectorFileWriter::create( path, fields, spec.type,
                                                                            spec.crs.isEmpty() ? QgsCoordinateReferenceSystem() : QgsCoordinateReferenceSystem( spec.crs ),
                                                                            QgsCoordinateTransformContext(), options ) );
    if ( !writer || writer->hasError() != QgsVectorFileWriter::NoError )
      return false;
    for ( const auto &row : spec.features )
    {
      QgsFeature feature( fields );
      feature.setGeometry( QgsGeometry::fromWkt( row.first ) );
      feature.setAttributes( row.second.toVector() );
      if ( !writer->addFeature( feature ) )
        return false;
    }
  }
  return true;
}

/*
 * A 3×1 km street with a side street, in EPSG:4548 near Zibo:
 *
 *   A ---------- B ---------- C        (east–west, 1000 m pieces)
 *                |
 *                D                     (500 m south of B)
 */
constexpr double kX0 = 594000.0;
constexpr double kY0 = 4074000.0;

QString lineWkt( double x1, double y1, double x2, double y2 )
{
  return QStringLiteral( "LineString (%1 %2, %3 %4)" ).arg( kX0 + x1, 0, 'f', 1 ).arg( kY0 + y1, 0, 'f', 1 ).arg( kX0 + x2, 0, 'f', 1 ).arg( kY0 + y2, 0, 'f', 1 );
}

QString pointWkt( double x, double y )
{
  return QStringLiteral( "Point (%1 %2)" ).arg( kX0 + x, 0, 'f', 1 ).arg( kY0 + y, 0, 'f', 1 );
}

LayerSpec roadsLayer( const QString &crs = QStringLiteral( "EPSG:4548" ) )
{
  return LayerSpec{ QStringLiteral( "roads" ), QgsWkbTypes::LineString, crs,
                    { { QStringLiteral( "road_class" ), QVariant::String }, { QStringLiteral( "speed_kmh" ), QVariant::Int },
                      { QStringLiteral( "oneway" ), QVariant::Int } },
                    { { lineWkt( 0, 0, 1000, 0 ), { QStringLiteral( "arterial" ), 50, 0 } },
                      { lineWkt( 1000, 0, 2000, 0 ), { QStringLiteral( "主干路" ), 50, 0 } },
                      { lineWkt( 1000, 0, 1000, -500 ), { QStringLiteral( "branch" ), 30, 0 } } } };
}

LayerSpec demandLayer()
{
  return LayerSpec{ QStringLiteral( "demand" ), QgsWkbTypes::Point, QStringLiteral( "EPSG:4548" ),
                    { { QStringLiteral( "name" ), QVariant::String }, { QStringLiteral( "demand_type" ), QVariant::String },
                      { QStringLiteral( "parcels_per_day" ), QVariant::Int } },
                    { { pointWkt( 0, 10 ), { QStringLiteral( "小区甲" ), QStringLiteral( "community" ), 300 } },
                      { pointWkt( 2000, 10 ), { QStringLiteral( "大学" ), QStringLiteral( "university" ), 100 } },
                      { pointWkt( 1000, -500 ), { QStringLiteral( "商场" ), QStringLiteral( "supermarket" ), 50 } } } };
}

LayerSpec outletsLayer()
{
  return LayerSpec{ QStringLiteral( "outlets" ), QgsWkbTypes::Point, QStringLiteral( "EPSG:4548" ),
                    { { QStringLiteral( "name" ), QVariant::String }, { QStringLiteral( "outlet_type" ), QVariant::String } },
                    { { pointWkt( 1000, 5 ), { QStringLiteral( "驿站B" ), QStringLiteral( "express_point" ) } },
                      { pointWkt( 2000, -5 ), { QStringLiteral( "驿站C" ), QStringLiteral( "post_office" ) } } } };
}

//! The error text of a failed read, for test diagnostics; empty on success.
QString readError( const std::variant<ProjectData, GisError> &read )
{
  return std::holds_alternative<GisError>( read ) ? describeError( std::get<GisError>( read ) ) : QString();
}

} // namespace

class TestPlanIo : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void readsProjectIntoScenario()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "project.gpkg" ) );
      QVERIFY( writeGeoPackage( path, { roadsLayer(), demandLayer(), outletsLayer() } ) );
      auto read = ProjectReader::read( path );
      QVERIFY2( std::holds_alternative<ProjectData>( read ), qPrintable( readError( read ) ) );
      const gf::Scenario &scenario = std::get<ProjectData>( read ).scenario;
      QCOMPARE( QString::fromStdString( scenario.crsAuthId ), QStringLiteral( "EPSG:4548" ) );
      QCOMPARE( scenario.roads.size(), std::size_t( 3 ) );
      QCOMPARE( scenario.roads[1].roadClass, gf::RoadClass::Arterial );  // Chinese class name
      QCOMPARE( scenario.roads[2].roadClass, gf::RoadClass::Branch );
      QCOMPARE( scenario.demand.size(), std::size_t( 3 ) );
      QCOMPARE( scenario.demand[1].type, gf::DemandType::University );
      QCOMPARE( scenario.demand[1].parcelsPerDay, 100.0 );
      QCOMPARE( QString::fromStdString( scenario.demand[0].name ), QStringLiteral( "小区甲" ) );
      QCOMPARE( scenario.candidates.size(), std::size_t( 2 ) );
      QCOMPARE( scenario.demand[2].location.x, kX0 + 1000.0 );
    }

    void readsParcelsControlLinesAndZones()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "land.gpkg" ) );
      const QString square = QStringLiteral( "Polygon ((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))" )
                               .arg( kX0, 0, 'f', 1 ).arg( kY0 + 20, 0, 'f', 1 ).arg( kX0 + 100, 0, 'f', 1 ).arg( kY0 + 120, 0, 'f', 1 );
      const QString twoParts = QStringLiteral( "MultiPolygon (((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2)), ((%5 %2, %6 %2, %6 %4, %5 %4, %5 %2)))" )
                                 .arg( kX0, 0, 'f', 1 ).arg( kY0 - 300, 0, 'f', 1 ).arg( kX0 + 50, 0, 'f', 1 ).arg( kY0 - 250, 0, 'f', 1 )
                                 .arg( kX0 + 500, 0, 'f', 1 ).arg( kX0 + 520, 0, 'f', 1 );
      const LayerSpec parcels{ QStringLiteral( "parcels" ), QgsWkbTypes::MultiPolygon, QStringLiteral( "EPSG:4548" ),
                               { { QStringLiteral( "DLBM" ), QVariant::String }, { QStringLiteral( "DLMC" ), QVariant::String } },
                               { { square, { QStringLiteral( "0508" ), QStringLiteral( "物流仓储用地" ) } },
                                 { twoParts, { QStringLiteral( "05H1" ), QStringLiteral( "商业服务业设施用地" ) } } } };
      const LayerSpec controlLines{ QStringLiteral( "control_lines" ), QgsWkbTypes::Polygon, QStringLiteral( "EPSG:4548" ),
                                    { { QStringLiteral( "line_type" ), QVariant::String }, { QStringLiteral( "name" ), QVariant::String } },
                                    { { square, { QStringLiteral( "basic_farmland" ), QStringLiteral( "基本农田" ) } } } };
      const LayerSpec zones{ QStringLiteral( "restricted_zones" ), QgsWkbTypes::Polygon, QStringLiteral( "EPSG:4548" ),
                             { { QStringLiteral( "name" ), QVariant::String }, { QStringLiteral( "restrict_start" ), QVariant::String },
                               { QStringLiteral( "restrict_end" ), QVariant::String } },
                             { { square, { QStringLiteral( "限行区" ), QStringLiteral( "07:00" ), QStringLiteral( "20:30" ) } } } };
      QVERIFY( writeGeoPackage( path, { roadsLayer(), demandLayer(), outletsLayer(), parcels, controlLines, zones } ) );
      auto read = ProjectReader::read( path );
      QVERIFY2( std::holds_alternative<ProjectData>( read ), qPrintable( readError( read ) ) );
      const gf::Scenario &scenario = std::get<ProjectData>( read ).scenario;
      QCOMPARE( scenario.parcels.size(), std::size_t( 3 ) );  // the multipart parcel gives two
      QCOMPARE( QString::fromStdString( scenario.parcels[0].landUseCode ), QStringLiteral( "0508" ) );
      QCOMPARE( scenario.parcels[0].landUseSystem, gf::LandUseSystem::Dlbm );
      QCOMPARE( QString::fromStdString( scenario.parcels[0].landUseName ), QStringLiteral( "物流仓储用地" ) );
      QVERIFY( std::abs( scenario.parcels[0].areaM2 - 10000.0 ) < 1e-6 );
      QVERIFY( std::abs( scenario.parcels[1].areaM2 - 2500.0 ) < 1e-6 );
      QVERIFY( std::abs( scenario.parcels[2].areaM2 - 1000.0 ) < 1e-6 );
      QCOMPARE( scenario.parcels[1].sourceId, scenario.parcels[2].sourceId );
      QCOMPARE( scenario.controlLines.size(), std::size_t( 1 ) );
      QCOMPARE( scenario.controlLines[0].type, gf::ControlLineType::BasicFarmland );
      QVERIFY( gf::pointInPolygon( gf::PointXY{ kX0 + 50, kY0 + 70 }, scenario.controlLines[0].shape ) );
      QCOMPARE( scenario.restrictedZones.size(), std::size_t( 1 ) );
      QCOMPARE( int( scenario.restrictedZones[0].truckWindow.startMin ), 7 * 60 );
      QCOMPARE( int( scenario.restrictedZones[0].truckWindow.endMin ), 20 * 60 + 30 );
    }

    void readsUserSitesAndSiteDecisions()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "sites.gpkg" ) );
      LayerSpec outlets = outletsLayer();
      outlets.fields << qMakePair( QStringLiteral( "status" ), QVariant::String );
      outlets.features[0].second << QStringLiteral( "locked" );
      outlets.features[1].second << QStringLiteral( "banned" );
      const LayerSpec userSites{ QStringLiteral( "user_sites" ), QgsWkbTypes::Point, QStringLiteral( "EPSG:4548" ),
                                 { { QStringLiteral( "name" ), QVariant::String }, { QStringLiteral( "facility" ), QVariant::String },
                                   { QStringLiteral( "status" ), QVariant::String } },
                                 { { pointWkt( 500, 20 ), { QStringLiteral( "提议中心" ), QStringLiteral( "centre" ), QStringLiteral( "locked" ) } },
                                   { pointWkt( 1500, 20 ), { QStringLiteral( "提议站点" ), QStringLiteral( "station" ), QString() } } } };
      QVERIFY( writeGeoPackage( path, { roadsLayer(), demandLayer(), outlets, userSites } ) );
      auto read = ProjectReader::read( path );
      QVERIFY2( std::holds_alternative<ProjectData>( read ), qPrintable( readError( read ) ) );
      const std::vector<gf::CandidateSite> &sites = std::get<ProjectData>( read ).scenario.candidates;
      QCOMPARE( sites.size(), std::size_t( 4 ) );
      QVERIFY( sites[0].required && !sites[0].banned );
      QVERIFY( sites[1].banned && !sites[1].required );
      QVERIFY( !sites[0].facility );
      QCOMPARE( sites[2].origin, gf::CandidateOrigin::User );
      QCOMPARE( sites[2].facility, std::optional<gf::FacilityType>( gf::FacilityType::DistributionCentre ) );
      QVERIFY( sites[2].required );
      QVERIFY( sites[2].offers( gf::FacilityType::DistributionCentre ) && !sites[2].offers( gf::FacilityType::EndStation ) );
      QCOMPARE( sites[3].facility, std::optional<gf::FacilityType>( gf::FacilityType::EndStation ) );
      QVERIFY( !sites[3].required && !sites[3].banned );
      QVERIFY( sites[0].offers( gf::FacilityType::EndStation ) && !sites[0].offers( gf::FacilityType::DistributionCentre ) );

      // An unknown facility or status names the layer, field and value.
      const QString badPath = dir.filePath( QStringLiteral( "bad.gpkg" ) );
      LayerSpec badSites = userSites;
      badSites.features[1].second[1] = QStringLiteral( "warehouse" );
      QVERIFY( writeGeoPackage( badPath, { roadsLayer(), demandLayer(), outletsLayer(), badSites } ) );
      read = ProjectReader::read( badPath );
      QVERIFY( std::holds_alternative<GisError>( read ) );
      QCOMPARE( std::get<GisError>( read ).layer, QStringLiteral( "user_sites" ) );
      QCOMPARE( std::get<GisError>( read ).field, QStringLiteral( "facility" ) );
      QCOMPARE( std::get<GisError>( read ).value, QStringLiteral( "warehouse" ) );
      LayerSpec badOutlets = outlets;
      badOutlets.features[1].second[2] = QStringLiteral( "maybe" );
      QVERIFY( writeGeoPackage( badPath, { roadsLayer(), demandLayer(), badOutlets } ) );
      read = ProjectReader::read( badPath );
      QVERIFY( std::holds_alternative<GisError>( read ) );
      QCOMPARE( std::get<GisError>( read ).field, QStringLiteral( "status" ) );
    }

    void readsSuitabilityOverrides()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "overrides.gpkg" ) );
      LayerSpec overrides{ QStringLiteral( "landuse_overrides" ), QgsWkbTypes::NoGeometry, QString(),
                           { { QStringLiteral( "system" ), QVariant::String }, { QStringLiteral( "code" ), QVariant::String },
                             { QStringLiteral( "facility" ), QVariant::String }, { QStringLiteral( "suitability" ), QVariant::String } },
                           { { QString(), { QStringLiteral( "dlbm" ), QStringLiteral( "0701" ), QStringLiteral( "centre" ), QStringLiteral( "conditional" ) } },
                             { QString(), { QStringLiteral( "ydyh2023" ), QStringLiteral( "1101" ), QStringLiteral( "station" ), QStringLiteral( "excluded" ) } } } };
      QVERIFY( writeGeoPackage( path, { roadsLayer(), demandLayer(), outletsLayer(), overrides } ) );
      auto read = ProjectReader::read( path );
      QVERIFY2( std::holds_alternative<ProjectData>( read ), qPrintable( readError( read ) ) );
      const std::vector<gf::SuitabilityOverride> &entries = std::get<ProjectData>( read ).scenario.suitabilityOverrides;
      QCOMPARE( entries.size(), std::size_t( 2 ) );
      QCOMPARE( entries[0].system, gf::LandUseSystem::Dlbm );
      QCOMPARE( entries[0].code, std::string( "0701" ) );
      QCOMPARE( entries[0].facility, gf::FacilityType::DistributionCentre );
      QCOMPARE( entries[0].suitability, gf::Suitability::Conditional );
      QCOMPARE( entries[1].system, gf::LandUseSystem::Ydyh2023 );
      QCOMPARE( entries[1].suitability, gf::Suitability::Excluded );

      overrides.features[1].second[3] = QStringLiteral( "perhaps" );
      QVERIFY( writeGeoPackage( path, { roadsLayer(), demandLayer(), outletsLayer(), overrides } ) );
      read = ProjectReader::read( path );
      QVERIFY( std::holds_alternative<GisError>( read ) );
      QCOMPARE( std::get<GisError>( read ).layer, QStringLiteral( "landuse_overrides" ) );
      QCOMPARE( std::get<GisError>( read ).field, QStringLiteral( "suitability" ) );
      QCOMPARE( std::get<GisError>( read ).value, QStringLiteral( "perhaps" ) );
    }

    void badControlLineTypeAndZoneTimeAreNamed()
    {
      QTemporaryDir dir;
      const QString square = QStringLiteral( "Polygon ((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))" )
                               .arg( kX0, 0, 'f', 1 ).arg( kY0, 0, 'f', 1 ).arg( kX0 + 100, 0, 'f', 1 ).arg( kY0 + 100, 0, 'f', 1 );
      const QString linesPath = dir.filePath( QStringLiteral( "lines.gpkg" ) );
      const LayerSpec controlLines{ QStringLiteral( "control_lines" ), QgsWkbTypes::Polygon, QStringLiteral( "EPSG:4548" ),
                                    { { QStringLiteral( "line_type" ), QVariant::String } }, { { square, { QStringLiteral( "farmland" ) } } } };
      QVERIFY( writeGeoPackage( linesPath, { roadsLayer(), demandLayer(), outletsLayer(), controlLines } ) );
      auto read = ProjectReader::read( linesPath );
      QVERIFY( std::holds_alternative<GisError>( read ) );
      QCOMPARE( std::get<GisError>( read ).layer, QStringLiteral( "control_lines" ) );
      QCOMPARE( std::get<GisError>( read ).field, QStringLiteral( "line_type" ) );
      QCOMPARE( std::get<GisError>( read ).value, QStringLiteral( "farmland" ) );

      const QString zonesPath = dir.filePath( QStringLiteral( "zones.gpkg" ) );
      const LayerSpec zones{ QStringLiteral( "restricted_zones" ), QgsWkbTypes::Polygon, QStringLiteral( "EPSG:4548" ),
                             { { QStringLiteral( "restrict_start" ), QVariant::String }, { QStringLiteral( "restrict_end" ), QVariant::String } },
                             { { square, { QStringLiteral( "7点" ), QStringLiteral( "20:00" ) } } } };
      QVERIFY( writeGeoPackage( zonesPath, { roadsLayer(), demandLayer(), outletsLayer(), zones } ) );
      read = ProjectReader::read( zonesPath );
      QVERIFY( std::holds_alternative<GisError>( read ) );
      QCOMPARE( std::get<GisError>( read ).field, QStringLiteral( "restrict_start" ) );
      QCOMPARE( std::get<GisError>( read ).value, QStringLiteral( "7点" ) );
    }

    void gcj02SurveyPointsAreCorrected()
    {
      // The same demand point given in GCJ-02 lon/lat must land where its WGS 84 position is.
      const QgsPointXY wgs( 118.05, 36.80 );
      const QgsPointXY gcj = wgs84ToGcj02( wgs );
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "gcj.gpkg" ) );
      LayerSpec demand = demandLayer();
      demand.crs = QStringLiteral( "EPSG:4490" );
      demand.features = { { QStringLiteral( "Point (%1 %2)" ).arg( gcj.x(), 0, 'f', 10 ).arg( gcj.y(), 0, 'f', 10 ),
                            { QStringLiteral( "小区" ), QStringLiteral( "community" ), 10 } } };
      const LayerSpec project{ QStringLiteral( "gf_project" ), QgsWkbTypes::NoGeometry, QString(),
                               { { QStringLiteral( "survey_datum" ), QVariant::String } }, { { QString(), { QStringLiteral( "gcj02" ) } } } };
      QVERIFY( writeGeoPackage( path, { roadsLayer(), demand, outletsLayer(), project } ) );
      auto read = ProjectReader::read( path );
      QVERIFY2( std::holds_alternative<ProjectData>( read ), qPrintable( readError( read ) ) );
      const gf::PointXY corrected = std::get<ProjectData>( read ).scenario.demand[0].location;
      const QgsCoordinateTransform toGk( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4490" ) ),
                                         QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4548" ) ), QgsCoordinateTransformContext() );
      const QgsPointXY expected = toGk.transform( wgs );
      QVERIFY2( std::hypot( corrected.x - expected.x(), corrected.y - expected.y() ) < 0.01,
                qPrintable( QStringLiteral( "%1 %2 vs %3 %4" ).arg( corrected.x ).arg( corrected.y ).arg( expected.x() ).arg( expected.y() ) ) );

      // Told explicitly that the points are plain CGCS2000, the reader leaves the offset in.
      ProjectReadOptions plain;
      plain.surveyDatum = OffsetDatum::None;
      read = ProjectReader::read( path, plain );
      QVERIFY( std::holds_alternative<ProjectData>( read ) );
      const gf::PointXY uncorrected = std::get<ProjectData>( read ).scenario.demand[0].location;
      const double offsetM = std::hypot( uncorrected.x - expected.x(), uncorrected.y - expected.y() );
      QVERIFY2( offsetM > 300.0 && offsetM < 700.0, qPrintable( QString::number( offsetM ) ) );
    }

    void geographicRoadsAreProjectedToGaussKruger()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "geographic.gpkg" ) );
      LayerSpec roads = roadsLayer( QStringLiteral( "EPSG:4490" ) );
      roads.features = { { QStringLiteral( "LineString (118.05 36.80, 118.06 36.80)" ), { QStringLiteral( "arterial" ), 50, 0 } } };
      QVERIFY( writeGeoPackage( path, { roads, demandLayer(), outletsLayer() } ) );
      auto read = ProjectReader::read( path );
      QVERIFY( std::holds_alternative<ProjectData>( read ) );
      const ProjectData &data = std::get<ProjectData>( read );
      QCOMPARE( data.crsAuthId, QStringLiteral( "EPSG:4548" ) );  // CM 117°E zone
      const gf::RoadSegmentInput &segment = data.scenario.roads.front();
      const double lengthM = std::hypot( segment.points[1].x - segment.points[0].x, segment.points[1].y - segment.points[0].y );
      QVERIFY2( std::abs( lengthM - 893.0 ) < 5.0, qPrintable( QString::number( lengthM ) ) );  // 0.01° of longitude at 36.8°N
      QVERIFY( !data.warnings.isEmpty() );
    }

    void errorsNameLayerAndField_data()
    {
      QTest::addColumn<int>( "variant" );
      QTest::addColumn<int>( "expectedCode" );
      QTest::addColumn<QString>( "expectedLayer" );
      QTest::addColumn<QString>( "expectedField" );
      QTest::newRow( "no demand layer" ) << 0 << int( GisErrorCode::LayerMissing ) << "demand" << "";
      QTest::newRow( "no parcels field" ) << 1 << int( GisErrorCode::FieldMissing ) << "demand" << "parcels_per_day";
      QTest::newRow( "roads are points" ) << 2 << int( GisErrorCode::WrongGeometryType ) << "roads" << "";
      QTest::newRow( "roads without crs" ) << 3 << int( GisErrorCode::MissingCrs ) << "roads" << "";
      QTest::newRow( "bad oneway" ) << 4 << int( GisErrorCode::InvalidValue ) << "roads" << "oneway";
      QTest::newRow( "empty roads" ) << 5 << int( GisErrorCode::EmptyLayer ) << "roads" << "";
    }

    void errorsNameLayerAndField()
    {
      QFETCH( int, variant );
      QFETCH( int, expectedCode );
      QFETCH( QString, expectedLayer );
      QFETCH( QString, expectedField );
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "broken.gpkg" ) );
      LayerSpec roads = roadsLayer();
      LayerSpec demand = demandLayer();
      QList<LayerSpec> layers;
      switch ( variant )
      {
        case 0:
          layers = { roads, outletsLayer() };
          break;
        case 1:
          demand.fields.removeLast();
          for ( auto &row : demand.features )
            row.second.removeLast();
          layers = { roads, demand, outletsLayer() };
          break;
        case 2:
          roads.type = QgsWkbTypes::Point;
          roads.features = { { pointWkt( 0, 0 ), { QStringLiteral( "branch" ), 30, 0 } } };
          layers = { roads, demand, outletsLayer() };
          break;
        case 3:
          roads.crs.clear();
          layers = { roads, demand, outletsLayer() };
          break;
        case 4:
          roads.fields[2].second = QVariant::String;
          roads.features[1].second[2] = QStringLiteral( "sideways" );
          layers = { roads, demand, outletsLayer() };
          break;
        case 5:
          roads.features.clear();
          layers = { roads, demand, outletsLayer() };
          break;
      }
      QVERIFY( writeGeoPackage( path, layers ) );
      auto read = ProjectReader::read( path );
      QVERIFY( std::holds_alternative<GisError>( read ) );
      const GisError &error = std::get<GisError>( read );
      QCOMPARE( int( error.code ), expectedCode );
      QCOMPARE( error.layer, expectedLayer );
      QCOMPARE( error.field, expectedField );
      const QString message = describeError( error );
      QVERIFY( message.contains( path ) );
      QVERIFY( message.contains( expectedLayer ) );
      if ( variant == 4 )
        QVERIFY( message.contains( QStringLiteral( "sideways" ) ) );
    }

    void missingFileIsReported()
    {
      auto read = ProjectReader::read( QStringLiteral( "/nonexistent/project.gpkg" ) );
      QVERIFY( std::holds_alternative<GisError>( read ) );
      QCOMPARE( std::get<GisError>( read ).code, GisErrorCode::FileNotFound );
    }

    void planRoundTrip()
    {
      QTemporaryDir dir;
      const QString projectPath = dir.filePath( QStringLiteral( "project.gpkg" ) );
      const LayerSpec parcels{ QStringLiteral( "parcels" ), QgsWkbTypes::Polygon, QStringLiteral( "EPSG:4548" ),
                               { { QStringLiteral( "DLBM" ), QVariant::String } },
                               { { QStringLiteral( "Polygon ((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))" )
                                     .arg( kX0 + 1700, 0, 'f', 1 ).arg( kY0 + 20, 0, 'f', 1 ).arg( kX0 + 1800, 0, 'f', 1 ).arg( kY0 + 140, 0, 'f', 1 ),
                                   { QStringLiteral( "0508" ) } } } };
      const LayerSpec hubs{ QStringLiteral( "hubs" ), QgsWkbTypes::Point, QStringLiteral( "EPSG:4548" ),
                            { { QStringLiteral( "name" ), QVariant::String } }, { { pointWkt( 0, 0 ), { QStringLiteral( "物流园" ) } } } };
      QVERIFY( writeGeoPackage( projectPath, { roadsLayer(), demandLayer(), outletsLayer(), parcels, hubs } ) );
      auto read = ProjectReader::read( projectPath );
      QVERIFY( std::holds_alternative<ProjectData>( read ) );
      gf::Scenario scenario = std::get<ProjectData>( read ).scenario;
      scenario.parameters.stationCount = 1;
      auto table = LandUseTableLoader::loadShipped();
      QVERIFY( std::holds_alternative<gf::LandUseTable>( table ) );
      gf::SilentProgress progress;
      gf::Result<gf::ProgrammePlan> plan = gf::planProgramme( scenario, std::get<gf::LandUseTable>( table ), progress );
      QVERIFY2( plan.isOk(), plan.isOk() ? "" : qPrintable( describeEngineError( plan.error() ) ) );

      // The supermarket goes to the centre; one station for the community and the university,
      // access legs included (outlet 5 m, demand 10 m off the road): at B 300·1015 + 100·1015
      // = 406,000 parcel·m; at C 300·2015 + 100·15 = 606,000; the logistics parcel near C is
      // farther still from the community. B wins.
      QCOMPARE( plan->stations.stations.size(), std::size_t( 1 ) );

      const QString planPath = dir.filePath( QStringLiteral( "out/plan.gpkg" ) );
      const GisError error = PlanWriter::write( planPath, scenario, *plan );
      QVERIFY2( !error.isError(), qPrintable( describeError( error ) ) );

      QgsVectorLayer stations( planPath + QStringLiteral( "|layername=stations" ), QStringLiteral( "stations" ), QStringLiteral( "ogr" ) );
      QVERIFY( stations.isValid() );
      QCOMPARE( stations.featureCount(), 1LL );
      QCOMPARE( stations.crs().authid(), QStringLiteral( "EPSG:4548" ) );
      QgsFeature station;
      QVERIFY( stations.getFeatures().nextFeature( station ) );
      QCOMPARE( station.attribute( QStringLiteral( "name" ) ).toString(), QStringLiteral( "驿站B" ) );
      QCOMPARE( station.attribute( QStringLiteral( "site_kind" ) ).toString(), QStringLiteral( "express_point" ) );
      QCOMPARE( station.attribute( QStringLiteral( "rank" ) ).toInt(), 1 );
      QCOMPARE( station.attribute( QStringLiteral( "assigned_demand" ) ).toInt(), 2 );
      QCOMPARE( station.attribute( QStringLiteral( "served_parcels_per_day" ) ).toDouble(), 400.0 );
      QCOMPARE( station.attribute( QStringLiteral( "centre_id" ) ).toInt(), 1 );

      QgsVectorLayer assignment( planPath + QStringLiteral( "|layername=demand_assignment" ), QStringLiteral( "a" ), QStringLiteral( "ogr" ) );
      QCOMPARE( assignment.featureCount(), 3LL );
      QgsFeatureIterator it = assignment.getFeatures();
      QgsFeature feature;
      QMap<QString, double> distanceByName;
      QMap<QString, QString> servedBy;
      while ( it.nextFeature( feature ) )
      {
        distanceByName.insert( feature.attribute( QStringLiteral( "name" ) ).toString(), feature.attribute( QStringLiteral( "network_distance_m" ) ).toDouble() );
        servedBy.insert( feature.attribute( QStringLiteral( "name" ) ).toString(), feature.attribute( QStringLiteral( "served_by" ) ).toString() );
      }
      QCOMPARE( distanceByName.value( QStringLiteral( "小区甲" ) ), 1015.0 );  // 5 + 1000 + 10
      QCOMPARE( servedBy.value( QStringLiteral( "小区甲" ) ), QStringLiteral( "station" ) );
      QCOMPARE( servedBy.value( QStringLiteral( "商场" ) ), QStringLiteral( "centre" ) );

      const QStringList layers { QStringLiteral( "centres" ), QStringLiteral( "charging_piles" ), QStringLiteral( "loading_bays" ), QStringLiteral( "flows" ),
                                 QStringLiteral( "candidates" ), QStringLiteral( "allocation_lines" ), QStringLiteral( "compliance" ),
                                 QStringLiteral( "landuse_conflicts" ), QStringLiteral( "parameters" ), QStringLiteral( "network_report" ) };
      for ( const QString &name : layers )
      {
        QgsVectorLayer layer( planPath + QStringLiteral( "|layername=" ) + name, name, QStringLiteral( "ogr" ) );
        QVERIFY2( layer.isValid(), qPrintable( name ) );
      }
      QgsVectorLayer centres( planPath + QStringLiteral( "|layername=centres" ), QStringLiteral( "c" ), QStringLiteral( "ogr" ) );
      QCOMPARE( centres.featureCount(), 1LL );
      // Charging sites on the map are those with piles, and their piles add up to the plan's.
      QgsVectorLayer piles( planPath + QStringLiteral( "|layername=charging_piles" ), QStringLiteral( "p" ), QStringLiteral( "ogr" ) );
      long long pileTotal = 0;
      it = piles.getFeatures();
      while ( it.nextFeature( feature ) )
      {
        QVERIFY( feature.attribute( QStringLiteral( "piles" ) ).toInt() > 0 );
        pileTotal += feature.attribute( QStringLiteral( "piles" ) ).toInt();
      }
      QCOMPARE( pileTotal, static_cast<long long>( plan->availablePiles ) );
      QgsVectorLayer candidates( planPath + QStringLiteral( "|layername=candidates" ), QStringLiteral( "c" ), QStringLiteral( "ogr" ) );
      QCOMPARE( candidates.featureCount(),
                static_cast<long long>( plan->centreCandidates.size() + plan->stationCandidates.size() + plan->chargingCandidates.size() ) );
      QgsVectorLayer conflicts( planPath + QStringLiteral( "|layername=landuse_conflicts" ), QStringLiteral( "c" ), QStringLiteral( "ogr" ) );
      QCOMPARE( conflicts.featureCount(), static_cast<long long>( plan->conflicts.size() ) );
      QgsVectorLayer parameters( planPath + QStringLiteral( "|layername=parameters" ), QStringLiteral( "p" ), QStringLiteral( "ogr" ) );
      QCOMPARE( parameters.featureCount(), static_cast<long long>( gf::parameterRegistry().size() ) );

      QgsVectorLayer kpi( planPath + QStringLiteral( "|layername=kpi" ), QStringLiteral( "k" ), QStringLiteral( "ogr" ) );
      QVERIFY( kpi.isValid() );
      QMap<QString, double> indicators;
      it = kpi.getFeatures();
      while ( it.nextFeature( feature ) )
        indicators.insert( feature.attribute( QStringLiteral( "indicator" ) ).toString(), feature.attribute( QStringLiteral( "value" ) ).toDouble() );
      QCOMPARE( indicators.value( QStringLiteral( "stations" ) ), 1.0 );
      QCOMPARE( indicators.value( QStringLiteral( "centres" ) ), 1.0 );
      QCOMPARE( indicators.value( QStringLiteral( "objective" ) ), 300.0 * 1015 + 100.0 * 1015 );
      QVERIFY( QDir( dir.filePath( QStringLiteral( "out" ) ) ).entryList( { QStringLiteral( "*.partial.gpkg" ) }, QDir::Hidden | QDir::Files ).isEmpty() );
    }

    void siteDecisionsOverrideTheProject()
    {
      // Without decisions outlet B wins (planRoundTrip); locking C and banning B must give C.
      QTemporaryDir dir;
      const QString projectPath = dir.filePath( QStringLiteral( "project.gpkg" ) );
      const LayerSpec hubs{ QStringLiteral( "hubs" ), QgsWkbTypes::Point, QStringLiteral( "EPSG:4548" ),
                            { { QStringLiteral( "name" ), QVariant::String } }, { { pointWkt( 0, 0 ), { QStringLiteral( "物流园" ) } } } };
      QVERIFY( writeGeoPackage( projectPath, { roadsLayer(), demandLayer(), outletsLayer(), hubs } ) );
      PlanJobRequest request;
      request.projectPath = projectPath;
      request.outputPath = dir.filePath( QStringLiteral( "plan.gpkg" ) );
      request.parameters.stationCount = 1;
      gf::SilentProgress progress;
      const PlanJobResult free = runPlanJob( request, progress );
      QVERIFY2( !free.error.isError(), qPrintable( describeError( free.error ) ) );
      QCOMPARE( free.scenario.candidates[free.plan.stationCandidates[free.plan.stations.stations[0].candidateIndex].sourceIndex].name, std::string( "驿站B" ) );

      const qint64 outletB = free.scenario.candidates[0].sourceId;
      const qint64 outletC = free.scenario.candidates[1].sourceId;
      request.siteDecisions = { { outletC, SiteDecision::Kind::Locked }, { outletB, SiteDecision::Kind::Banned } };
      const PlanJobResult decided = runPlanJob( request, progress );
      QVERIFY2( !decided.error.isError(), qPrintable( describeError( decided.error ) ) );
      const gf::SiteCandidate &station = decided.plan.stationCandidates[decided.plan.stations.stations[0].candidateIndex];
      QCOMPARE( QString::fromStdString( station.name ), QStringLiteral( "驿站C" ) );
      QVERIFY( station.required );

      // Back to a free choice: B again.
      request.siteDecisions = { { outletC, SiteDecision::Kind::Candidate }, { outletB, SiteDecision::Kind::Candidate } };
      const PlanJobResult undone = runPlanJob( request, progress );
      QVERIFY( !undone.error.isError() );
      QCOMPARE( undone.plan.stationCandidates[undone.plan.stations.stations[0].candidateIndex].name, std::string( "驿站B" ) );
    }

    void failedWriteLeavesExistingFileIntact()
    {
      QTemporaryDir dir;
      const QString projectPath = dir.filePath( QStringLiteral( "project.gpkg" ) );
      QVERIFY( writeGeoPackage( projectPath, { roadsLayer(), demandLayer(), outletsLayer() } ) );
      gf::Scenario scenario = std::get<ProjectData>( ProjectReader::read( projectPath ) ).scenario;
      gf::ProgrammePlan plan;  // an empty plan still writes every layer

      // The target is a non-empty folder: the final rename must fail and change nothing.
      const QString target = dir.filePath( QStringLiteral( "plan.gpkg" ) );
      QVERIFY( QDir().mkpath( target ) );
      QFile keep( target + QStringLiteral( "/keep.txt" ) );
      QVERIFY( keep.open( QIODevice::WriteOnly ) );
      keep.write( "user data" );
      keep.close();
      const GisError error = PlanWriter::write( target, scenario, plan );
      QCOMPARE( error.code, GisErrorCode::WriteFailed );
      QVERIFY( QFileInfo( target ).isDir() );
      QVERIFY( QFileInfo::exists( target + QStringLiteral( "/keep.txt" ) ) );
      QVERIFY( QDir( dir.path() ).entryList( { QStringLiteral( "*.partial.gpkg" ) }, QDir::Hidden | QDir::Files ).isEmpty() );
    }
};

QTEST_MAIN( TestPlanIo )
#include "test_plan_io.moc"
