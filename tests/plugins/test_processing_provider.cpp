// The GreenFreight Processing provider: both algorithms registered with their parameters, the
// programme plan and the service areas run through the Processing API on the sample district,
// a site given in another CRS, cancellation, a bad project path reported as a
// QgsProcessingException naming the file, and the Desktop plugin's entry points.
#include "greenfreight_provider.h"

#include <qgisplugin.h>
#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeatureiterator.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QLibrary>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

namespace {

const QString kSampleProject = QStringLiteral( GF_SOURCE_DIR "/sample-data/zhangdian-demo.gpkg" );
//! A site on the sample district's roads, in its CRS EPSG:4548.
const QgsPointXY kSite( 593700.0, 4074800.0 );
constexpr double kTrimM = 100.0;

QList<QgsFeature> features( const QString &gpkg, const QString &layerName )
{
  QgsVectorLayer layer( gpkg + QStringLiteral( "|layername=" ) + layerName, layerName, QStringLiteral( "ogr" ) );
  QList<QgsFeature> result;
  if ( !layer.isValid() )
    return result;
  QgsFeatureIterator it = layer.getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    result << feature;
  return result;
}

} // namespace

class TestProcessingProvider : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
      QVERIFY( QgsApplication::processingRegistry()->addProvider( new gf::plugins::GreenFreightProvider() ) );
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void algorithmsAndParameters_data()
    {
      QTest::addColumn<QString>( "algorithm" );
      QTest::addColumn<QStringList>( "parameters" );
      QTest::addColumn<QStringList>( "optional" );
      QTest::newRow( "planprogramme" ) << QStringLiteral( "greenfreight:planprogramme" )
                                       << QStringList{ "PROJECT", "PRESET", "STATIONS", "OBJECTIVE", "EXACT_TIME_LIMIT", "OUTPUT", "REPORT" }
                                       << QStringList{ "STATIONS", "EXACT_TIME_LIMIT", "REPORT" };
      QTest::newRow( "serviceareas" ) << QStringLiteral( "greenfreight:serviceareas" )
                                      << QStringList{ "PROJECT", "SITE", "DISTANCES", "VEHICLE", "TRIM", "TIME", "OUTPUT" }
                                      << QStringList();
    }
    void algorithmsAndParameters()
    {
      QFETCH( QString, algorithm );
      QFETCH( QStringList, parameters );
      QFETCH( QStringList, optional );
      const QgsProcessingAlgorithm *alg = QgsApplication::processingRegistry()->algorithmById( algorithm );
      QVERIFY( alg );
      QCOMPARE( alg->provider()->name(), QStringLiteral( "GreenFreight Planner" ) );
      QStringList names;
      for ( const QgsProcessingParameterDefinition *definition : alg->parameterDefinitions() )
      {
        names << definition->name();
        QCOMPARE( bool( definition->flags() & QgsProcessingParameterDefinition::FlagOptional ), optional.contains( definition->name() ) );
      }
      QCOMPARE( names, parameters );
    }

    void planProgrammeOpensTheRequestedStations()
    {
      QTemporaryDir dir;
      QVERIFY( dir.isValid() );
      const QString planPath = dir.filePath( QStringLiteral( "plan.gpkg" ) );
      const QVariantMap outputs = run( QStringLiteral( "greenfreight:planprogramme" ),
                                       { { "PROJECT", kSampleProject }, { "PRESET", 0 }, { "STATIONS", 5 }, { "OBJECTIVE", 0 }, { "OUTPUT", planPath } } );
      QCOMPARE( outputs.value( "OUTPUT" ).toString(), planPath );
      QVERIFY( !outputs.contains( "REPORT" ) );
      QCOMPARE( features( planPath, QStringLiteral( "stations" ) ).size(), 5 );
      QCOMPARE( outputs.value( "STATION_COUNT" ).toInt(), 5 );
      const double coverage = outputs.value( "COVERAGE_PERCENT" ).toDouble();
      QVERIFY2( coverage > 0.0 && coverage <= 100.0, qPrintable( QString::number( coverage ) ) );
      QVERIFY( outputs.value( "MEAN_DISTANCE_M" ).toDouble() > 0.0 );
      QVERIFY( !QFileInfo::exists( dir.filePath( QStringLiteral( "plan.pdf" ) ) ) );
    }

    void serviceAreasNestAroundTheSite()
    {
      QTemporaryDir dir;
      QVERIFY( dir.isValid() );
      const QList<QgsFeature> polygons = serviceAreas( QStringLiteral( "593700,4074800 [EPSG:4548]" ), dir.filePath( QStringLiteral( "areas.gpkg" ) ) );
      QCOMPARE( polygons.size(), 3 );
      const QgsGeometry site = QgsGeometry::fromPointXY( kSite );
      const double thresholds[] = { 500.0, 1000.0, 2000.0 };
      for ( int i = 0; i < polygons.size(); ++i )
      {
        QCOMPARE( polygons[i].attribute( QStringLiteral( "threshold_m" ) ).toDouble(), thresholds[i] );
        const QgsGeometry polygon = polygons[i].geometry();
        QVERIFY( polygon.type() == QgsWkbTypes::PolygonGeometry );
        // Within the trim distance of a road reached from the site, the site lies inside every band.
        QVERIFY( polygon.contains( site ) );
        // No point of a band is farther from the site, as the crow flies, than its network distance plus the trim.
        QVERIFY( polygon.hausdorffDistance( site ) <= thresholds[i] + kTrimM + 1.0 );
        if ( i > 0 )
        {
          const QgsGeometry smaller = polygons[i - 1].geometry();
          QVERIFY( polygon.area() > smaller.area() );
          QVERIFY( smaller.difference( polygon ).area() < 1e-6 * smaller.area() );
        }
      }
    }

    void serviceAreaSiteInAnotherCrs()
    {
      // The site given in CGCS2000 degrees is moved into the project CRS before snapping.
      const QgsCoordinateTransform toDegrees( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4548" ) ),
                                             QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4490" ) ), QgsProject::instance() );
      const QgsPointXY degrees = toDegrees.transform( kSite );
      QTemporaryDir dir;
      QVERIFY( dir.isValid() );
      const QList<QgsFeature> projected = serviceAreas( QStringLiteral( "593700,4074800 [EPSG:4548]" ), dir.filePath( QStringLiteral( "a.gpkg" ) ) );
      const QList<QgsFeature> geographic = serviceAreas( QStringLiteral( "%1,%2 [EPSG:4490]" ).arg( degrees.x(), 0, 'f', 9 ).arg( degrees.y(), 0, 'f', 9 ),
                                                         dir.filePath( QStringLiteral( "b.gpkg" ) ) );
      QCOMPARE( geographic.size(), projected.size() );
      QVERIFY( !projected.isEmpty() );
      for ( int i = 0; i < projected.size(); ++i )
      {
        const double area = projected[i].geometry().area();
        QVERIFY2( std::abs( geographic[i].geometry().area() - area ) < 1e-3 * area, qPrintable( QString::number( i ) ) );
      }
    }

    void canceledPlanWritesNothing()
    {
      QTemporaryDir dir;
      QVERIFY( dir.isValid() );
      const QString planPath = dir.filePath( QStringLiteral( "plan.gpkg" ) );
      std::unique_ptr<QgsProcessingAlgorithm> alg( QgsApplication::processingRegistry()->createAlgorithmById( QStringLiteral( "greenfreight:planprogramme" ) ) );
      QVERIFY( alg );
      QgsProcessingContext context;
      QgsProcessingFeedback feedback;
      feedback.cancel();
      bool ok = true;
      try
      {
        alg->run( { { "PROJECT", kSampleProject }, { "STATIONS", 5 }, { "OUTPUT", planPath } }, context, &feedback, &ok, QVariantMap(), false );
        QFAIL( "a canceled plan finished" );
      }
      catch ( const QgsProcessingException & )
      {
      }
      QVERIFY( !QFileInfo::exists( planPath ) );
    }

    void badProjectPathNamesTheFile()
    {
      QTemporaryDir dir;
      QVERIFY( dir.isValid() );
      const QString missing = dir.filePath( QStringLiteral( "no-such-district.gpkg" ) );
      for ( const QString &algorithm : { QStringLiteral( "greenfreight:planprogramme" ), QStringLiteral( "greenfreight:serviceareas" ) } )
      {
        QVariantMap parameters{ { "PROJECT", missing }, { "OUTPUT", dir.filePath( QStringLiteral( "out.gpkg" ) ) } };
        if ( algorithm.endsWith( QLatin1String( "serviceareas" ) ) )
          parameters.insert( "SITE", QStringLiteral( "593700,4074800 [EPSG:4548]" ) );
        std::unique_ptr<QgsProcessingAlgorithm> alg( QgsApplication::processingRegistry()->createAlgorithmById( algorithm ) );
        QVERIFY( alg );
        QgsProcessingContext context;
        QgsProcessingFeedback feedback;
        bool ok = true;
        try
        {
          alg->run( parameters, context, &feedback, &ok, QVariantMap(), false );
          QFAIL( "no exception" );
        }
        catch ( const QgsProcessingException &e )
        {
          QVERIFY2( e.what().contains( QStringLiteral( "no-such-district.gpkg" ) ), qPrintable( e.what() ) );
        }
        QVERIFY( !QFileInfo::exists( dir.filePath( QStringLiteral( "out.gpkg" ) ) ) );
      }
    }

    void desktopPluginRegistersAndRemovesTheProvider()
    {
      // As QgsPluginRegistry loads a C++ plugin: classFactory, initGui, later unload.
      QgsProcessingRegistry *registry = QgsApplication::processingRegistry();
      QVERIFY( registry->removeProvider( QStringLiteral( "greenfreight" ) ) );
      QLibrary library( QStringLiteral( GF_PLUGIN_FILE ) );
      QVERIFY2( library.load(), qPrintable( library.errorString() ) );
      using ClassFactory = QgisPlugin *( * )( QgisInterface * );
      using Unload = void ( * )( QgisPlugin * );
      using Text = const QString *( * )();
      const auto classFactory = reinterpret_cast<ClassFactory>( library.resolve( "classFactory" ) );
      const auto unload = reinterpret_cast<Unload>( library.resolve( "unload" ) );
      const auto name = reinterpret_cast<Text>( library.resolve( "name" ) );
      QVERIFY( classFactory && unload && name );
      for ( const char *symbol : { "description", "category", "version", "type" } )
        QVERIFY2( library.resolve( symbol ), symbol );
      QCOMPARE( *name(), QStringLiteral( "GreenFreight Planner" ) );

      QgisPlugin *plugin = classFactory( nullptr );
      QVERIFY( plugin );
      QVERIFY( !registry->providerById( QStringLiteral( "greenfreight" ) ) );
      plugin->initGui();
      const QgsProcessingProvider *provider = registry->providerById( QStringLiteral( "greenfreight" ) );
      QVERIFY( provider );
      QCOMPARE( provider->algorithms().size(), 2 );
      QVERIFY( registry->algorithmById( QStringLiteral( "greenfreight:planprogramme" ) ) );
      plugin->unload();
      QVERIFY( !registry->providerById( QStringLiteral( "greenfreight" ) ) );
      QVERIFY( !registry->algorithmById( QStringLiteral( "greenfreight:serviceareas" ) ) );
      unload( plugin );
    }

  private:
    //! Service areas of 500, 1000 and 2000 m for a van around \a site ("x,y [CRS]"), written to \a outPath.
    QList<QgsFeature> serviceAreas( const QString &site, const QString &outPath )
    {
      const QVariantMap outputs = run( QStringLiteral( "greenfreight:serviceareas" ),
                                       { { "PROJECT", kSampleProject }, { "SITE", site }, { "DISTANCES", QStringLiteral( "2000,500,1000" ) },
                                         { "VEHICLE", 1 }, { "TRIM", kTrimM }, { "TIME", QStringLiteral( "12:00:00" ) }, { "OUTPUT", outPath } } );
      if ( outputs.value( "OUTPUT" ).toString() != outPath )
        return QList<QgsFeature>();
      return features( outPath, QStringLiteral( "service_areas" ) );
    }

    //! Runs \a algorithm; fails the test on an error.
    QVariantMap run( const QString &algorithm, const QVariantMap &parameters )
    {
      std::unique_ptr<QgsProcessingAlgorithm> alg( QgsApplication::processingRegistry()->createAlgorithmById( algorithm ) );
      if ( !alg )
        return QVariantMap();
      QgsProcessingContext context;
      QgsProcessingFeedback feedback;
      bool ok = false;
      QVariantMap outputs;
      try
      {
        outputs = alg->run( parameters, context, &feedback, &ok, QVariantMap(), false );
      }
      catch ( const QgsProcessingException &e )
      {
        qWarning() << e.what();
        ok = false;
      }
      return ok ? outputs : QVariantMap();
    }
};

QTEST_MAIN( TestProcessingProvider )
#include "test_processing_provider.moc"
