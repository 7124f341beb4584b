// GCJ-02 / BD-09 corrections against published reference values of the standard algorithm,
// the inverse against the forward transform, and real Amap-derived district outlines.
#include "gis/crs/china_offset_datum.h"

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QtTest>
#include <cmath>

using namespace gf::gis;

class TestChinaOffsetDatum : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void forwardMatchesPublishedValues_data()
    {
      // Reference pairs published with independent implementations of the algorithm
      // (hutool CoordinateUtilTest after its 2021 fix; coordtransform; geotool).
      QTest::addColumn<double>( "lon" );
      QTest::addColumn<double>( "lat" );
      QTest::addColumn<double>( "gcjLon" );
      QTest::addColumn<double>( "gcjLat" );
      QTest::addColumn<double>( "toleranceDeg" );
      // hutool uses the same constants, so it agrees to the last digits; the other two differ in
      // how they write π and the ellipsoid, by a few millimetres (1e-6° ≈ 0.1 m).
      QTest::newRow( "Beijing" ) << 116.404 << 39.915 << 116.41024449916938 << 39.91640428150164 << 1e-9;
      QTest::newRow( "116E 40N" ) << 116.0 << 40.0 << 116.006141221789 << 40.001213650174 << 1e-6;
      QTest::newRow( "Jiaxing" ) << 121.0917077 << 30.6107779 << 121.09626935575027 << 30.608604331756705 << 1e-6;
    }
    void forwardMatchesPublishedValues()
    {
      QFETCH( double, lon );
      QFETCH( double, lat );
      QFETCH( double, gcjLon );
      QFETCH( double, gcjLat );
      QFETCH( double, toleranceDeg );
      const QgsPointXY gcj = wgs84ToGcj02( QgsPointXY( lon, lat ) );
      QVERIFY2( std::abs( gcj.x() - gcjLon ) < toleranceDeg, qPrintable( QString::number( gcj.x(), 'f', 12 ) ) );
      QVERIFY2( std::abs( gcj.y() - gcjLat ) < toleranceDeg, qPrintable( QString::number( gcj.y(), 'f', 12 ) ) );
    }

    void baiduMatchesPublishedValues()
    {
      const QgsPointXY bd = gcj02ToBd09( QgsPointXY( 116.404, 39.915 ) );
      QVERIFY( std::abs( bd.x() - 116.41036949371029 ) < 1e-9 );
      QVERIFY( std::abs( bd.y() - 39.92133699351022 ) < 1e-9 );
      const QgsPointXY viaGcj = gcj02ToBd09( wgs84ToGcj02( QgsPointXY( 116.404, 39.915 ) ) );
      QVERIFY( std::abs( viaGcj.x() - 116.41662724378733 ) < 1e-9 );
      QVERIFY( std::abs( viaGcj.y() - 39.922699552216216 ) < 1e-9 );
    }

    void inverseUndoesForward()
    {
      for ( double lon = 117.5; lon <= 118.6; lon += 0.1 )
      {
        for ( double lat = 35.9; lat <= 37.3; lat += 0.1 )
        {
          const QgsPointXY wgs( lon, lat );
          const QgsPointXY back = gcj02ToWgs84( wgs84ToGcj02( wgs ) );
          QVERIFY( std::abs( back.x() - lon ) < 1e-8 && std::abs( back.y() - lat ) < 1e-8 );
          const QgsPointXY gcjBack = bd09ToGcj02( gcj02ToBd09( wgs ) );
          QVERIFY( std::abs( gcjBack.x() - lon ) < 1e-5 && std::abs( gcjBack.y() - lat ) < 1e-5 );
        }
      }
    }

    void outsideChinaIsUnchanged()
    {
      const QgsPointXY paris( 2.35, 48.85 );
      QCOMPARE( wgs84ToGcj02( paris ), paris );
      QCOMPARE( gcj02ToWgs84( paris ), paris );
    }

    void datumIds()
    {
      QCOMPARE( offsetDatumFromId( QStringLiteral( "GCJ02" ) ), std::optional<OffsetDatum>( OffsetDatum::Gcj02 ) );
      QCOMPARE( offsetDatumFromId( QStringLiteral( "bd-09" ) ), std::optional<OffsetDatum>( OffsetDatum::Bd09 ) );
      QCOMPARE( offsetDatumFromId( QStringLiteral( "cgcs2000" ) ), std::optional<OffsetDatum>( OffsetDatum::None ) );
      QVERIFY( !offsetDatumFromId( QStringLiteral( "mars" ) ) );
    }

    void ziboOutlinesMoveByTheKnownOffset()
    {
      // Amap-derived district outlines of Zibo (GCJ-02): corrected vertices move 300–700 m,
      // the documented size of the offset around Zibo, and all in nearly the same direction.
      const QString path = QStringLiteral( GF_SHARED_DIR "/realdata/zibo_admin_shp/zibo_districts.shp" );
      if ( !QFile::exists( path ) )
        QSKIP( "../shared/realdata is not available" );
      QgsVectorLayer layer( path, QStringLiteral( "zibo" ), QStringLiteral( "ogr" ) );
      QVERIFY( layer.isValid() );
      const QgsCoordinateTransform toGk( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                         QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4548" ) ), QgsCoordinateTransformContext() );
      QgsFeature feature;
      QgsFeatureIterator it = layer.getFeatures();
      int vertices = 0;
      while ( it.nextFeature( feature ) )
      {
        QgsGeometry corrected = feature.geometry();
        removeOffset( corrected, OffsetDatum::Gcj02 );
        const QgsGeometry original = feature.geometry();
        auto before = original.vertices();
        auto after = corrected.vertices();
        while ( before.hasNext() && after.hasNext() )
        {
          const QgsPointXY a = toGk.transform( QgsPointXY( before.next() ) );
          const QgsPointXY b = toGk.transform( QgsPointXY( after.next() ) );
          const double shiftM = a.distance( b );
          QVERIFY2( shiftM > 300.0 && shiftM < 700.0, qPrintable( QString::number( shiftM ) ) );
          QVERIFY( b.x() < a.x() );  // GCJ-02 is east of WGS 84 around Zibo
          ++vertices;
        }
      }
      QVERIFY( vertices > 1000 );
    }
};

QTEST_MAIN( TestChinaOffsetDatum )
#include "test_china_offset_datum.moc"
