// The main window on the bundled sample district, offscreen: layers load styled and in
// drawing order, the plan action adds the result layers, cancel and errors keep the map.
#include "common/app_paths.h"
#include "gui/language/translation_loader.h"
#include "gui/mainwindow/main_window.h"
#include "gui/mainwindow/plan_panel.h"
#include "gui/map/layer_loader.h"

#include <qgsapplication.h>
#include <qgscategorizedsymbolrenderer.h>
#include <qgsexpression.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeatureiterator.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsproject.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QDir>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using gf::app::LayerLoader;
using gf::app::MainWindow;

namespace {

constexpr int kPlanTimeoutMs = 60000;
constexpr int kPlanStations = 5;

const QStringList kRequiredTables {
  QStringLiteral( "roads" ),
  QStringLiteral( "parcels" ),
  QStringLiteral( "demand" ),
  QStringLiteral( "hubs" ),
  QStringLiteral( "outlets" ),
  QStringLiteral( "boundary" ),
};
const QStringList kPlanTables {
  QStringLiteral( "centres" ),
  QStringLiteral( "stations" ),
  QStringLiteral( "charging_piles" ),
  QStringLiteral( "loading_bays" ),
  QStringLiteral( "demand_assignment" ),
  QStringLiteral( "allocation_lines" ),
};

QgsVectorLayer *layerForTable( const QList<QgsMapLayer *> &layers, const QString &table )
{
  for ( QgsMapLayer *layer : layers )
  {
    if ( LayerLoader::tableName( layer ) == table )
      return qobject_cast<QgsVectorLayer *>( layer );
  }
  return nullptr;
}

QgsVectorLayer *layerForTable( const QgsProject *project, const QString &table )
{
  return layerForTable( project->mapLayers().values(), table );
}

QStringList sortedLayerIds( const QgsProject *project )
{
  QStringList ids = project->mapLayers().keys();
  ids.sort();
  return ids;
}

QStringList planFiles( const QString &directory )
{
  return QDir( directory ).entryList( { QStringLiteral( "*.gpkg" ) }, QDir::Files, QDir::Name );
}

//! Evaluates \a expression on every feature of \a layer: the distinct results.
QSet<QString> distinctValues( QgsVectorLayer *layer, const QString &expression )
{
  QgsExpression parsed( expression );
  QgsExpressionContext context( QgsExpressionContextUtils::globalProjectLayerScopes( layer ) );
  parsed.prepare( &context );
  QSet<QString> values;
  QgsFeature feature;
  QgsFeatureIterator it = layer->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    context.setFeature( feature );
    values.insert( parsed.evaluate( &context ).toString() );
  }
  return values;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase();
    void cleanupTestCase();
    void sampleLayersLoadInDrawingOrder();
    void stylesCoverTheSampleValues();
    void unreadableProjectKeepsTheMap();
    void presetSetsStationCount();
    void planAddsResultLayers();
    void cancelKeepsPreviousPlan();
    void planErrorIsReportedAndKeepsTheMap();
    void cataloguesTranslateTheWindow();

  private:
    std::unique_ptr<MainWindow> openSample();
    bool runPlan( MainWindow &window, int stations );

    QString mSample;
    QTemporaryDir mOutputDir;
};

void TestMainWindow::initTestCase()
{
  QStandardPaths::setTestModeEnabled( true );
  QgsApplication::setPrefixPath( qEnvironmentVariableIsSet( "QGIS_PREFIX_PATH" ) ? qEnvironmentVariable( "QGIS_PREFIX_PATH" ) : QStringLiteral( "/usr" ), true );
  QgsApplication::initQgis();
  QVERIFY( mOutputDir.isValid() );
  mSample = gf::app::AppPaths::sampleProject();
  QVERIFY2( !mSample.isEmpty(), "the bundled sample-data/zhangdian-demo.gpkg was not found" );
}

void TestMainWindow::cleanupTestCase()
{
  QgsApplication::exitQgis();
}

std::unique_ptr<MainWindow> TestMainWindow::openSample()
{
  auto window = std::make_unique<MainWindow>();
  window->show();
  if ( !window->openProject( mSample ) )
    return nullptr;
  window->planPanel()->setOutputDirectory( mOutputDir.path() );
  return window;
}

bool TestMainWindow::runPlan( MainWindow &window, int stations )
{
  window.planPanel()->setStationCount( stations );
  QSignalSpy finished( &window, &MainWindow::planFinished );
  window.findChild<QAction *>( QStringLiteral( "actionPlanStations" ) )->trigger();
  if ( !window.isPlanRunning() || !finished.wait( kPlanTimeoutMs ) )
    return false;
  return finished.constFirst().constFirst().toBool();
}

void TestMainWindow::sampleLayersLoadInDrawingOrder()
{
  const std::unique_ptr<MainWindow> window = openSample();
  QVERIFY( window );
  QCOMPARE( window->projectPath(), QFileInfo( mSample ).absoluteFilePath() );
  QCOMPARE( window->project()->crs().authid(), QStringLiteral( "EPSG:4548" ) );

  for ( const QString &table : kRequiredTables )
  {
    QgsVectorLayer *layer = layerForTable( window->project(), table );
    QVERIFY2( layer, qPrintable( table ) );
    QVERIFY2( layer->isValid(), qPrintable( table ) );
    QVERIFY2( layer->featureCount() > 0, qPrintable( table ) );
    QCOMPARE( layer->name(), LayerLoader::displayName( table ) );
  }

  // Top of the tree is drawn last: points above lines above areas, the boundary at the bottom.
  QStringList treeOrder;
  const QList<QgsLayerTreeLayer *> nodes = window->project()->layerTreeRoot()->findLayers();
  for ( QgsLayerTreeLayer *node : nodes )
    treeOrder << LayerLoader::tableName( node->layer() );
  const QStringList expectedTopDown { QStringLiteral( "hubs" ), QStringLiteral( "demand" ), QStringLiteral( "outlets" ),
                                      QStringLiteral( "roads" ), QStringLiteral( "parcels" ), QStringLiteral( "boundary" ) };
  for ( int i = 1; i < expectedTopDown.size(); ++i )
    QVERIFY2( treeOrder.indexOf( expectedTopDown.at( i - 1 ) ) < treeOrder.indexOf( expectedTopDown.at( i ) ), qPrintable( treeOrder.join( ',' ) ) );

  // Every project layer is on the canvas, and the view shows the whole district.
  QCOMPARE( window->mapCanvas()->layers().size(), window->project()->mapLayers().size() );
  const QgsRectangle boundaryExtent = layerForTable( window->project(), QStringLiteral( "boundary" ) )->extent();
  QVERIFY( window->mapCanvas()->extent().contains( boundaryExtent ) );
  QVERIFY( !window->planGroup() );
}

void TestMainWindow::stylesCoverTheSampleValues()
{
  const std::unique_ptr<MainWindow> window = openSample();
  QVERIFY( window );

  // Categorised styles: every value in the sample falls in a named class, not "other".
  for ( const QString &table : { QStringLiteral( "parcels" ), QStringLiteral( "demand" ) } )
  {
    QgsVectorLayer *layer = layerForTable( window->project(), table );
    auto *renderer = dynamic_cast<QgsCategorizedSymbolRenderer *>( layer->renderer() );
    QVERIFY2( renderer, qPrintable( table ) );
    QSet<QString> classes;
    const QgsCategoryList categories = renderer->categories();
    for ( const QgsRendererCategory &category : categories )
    {
      if ( !category.value().toString().isEmpty() )
        classes.insert( category.value().toString() );
    }
    const QSet<QString> values = distinctValues( layer, renderer->classAttribute() );
    for ( const QString &value : values )
      QVERIFY2( classes.contains( value ), qPrintable( QStringLiteral( "%1: %2" ).arg( table, value ) ) );
  }

  // Roads: every road class is matched by a rule other than the fallback.
  QgsVectorLayer *roads = layerForTable( window->project(), QStringLiteral( "roads" ) );
  auto *roadRenderer = dynamic_cast<QgsRuleBasedRenderer *>( roads->renderer() );
  QVERIFY( roadRenderer );
  QStringList filters;
  const QgsRuleBasedRenderer::RuleList rules = roadRenderer->rootRule()->children();
  for ( QgsRuleBasedRenderer::Rule *rule : rules )
  {
    if ( !rule->isElse() )
      filters << QStringLiteral( "(%1)" ).arg( rule->filterExpression() );
  }
  const QString classOrMatched = QStringLiteral( "if( %1, 'matched', \"road_class\" )" ).arg( filters.join( QStringLiteral( " OR " ) ) );
  const QSet<QString> matched = distinctValues( roads, classOrMatched );
  QCOMPARE( matched, QSet<QString>( { QStringLiteral( "matched" ) } ) );
}

void TestMainWindow::unreadableProjectKeepsTheMap()
{
  const std::unique_ptr<MainWindow> window = openSample();
  QVERIFY( window );
  const QStringList before = sortedLayerIds( window->project() );
  QVERIFY( !window->openProject( mOutputDir.filePath( QStringLiteral( "missing.gpkg" ) ) ) );
  QCOMPARE( sortedLayerIds( window->project() ), before );
  QCOMPARE( window->projectPath(), QFileInfo( mSample ).absoluteFilePath() );
}

void TestMainWindow::presetSetsStationCount()
{
  MainWindow window;
  window.planPanel()->setPreset( gf::DistrictPreset::Linzi );
  QCOMPARE( window.planPanel()->stationCount(), 10 );
  window.planPanel()->setPreset( gf::DistrictPreset::Zhangdian );
  QCOMPARE( window.planPanel()->stationCount(), 40 );
  window.planPanel()->setStationCount( 7 );
  QCOMPARE( window.planPanel()->parameters().stationCount, 7u );
}

void TestMainWindow::planAddsResultLayers()
{
  const std::unique_ptr<MainWindow> window = openSample();
  QVERIFY( window );
  const QStringList projectLayers = sortedLayerIds( window->project() );
  const long long demandPoints = layerForTable( window->project(), QStringLiteral( "demand" ) )->featureCount();

  QVERIFY( runPlan( *window, kPlanStations ) );
  QVERIFY( !window->isPlanRunning() );
  QgsLayerTreeGroup *group = window->planGroup();
  QVERIFY( group );
  QCOMPARE( group->findLayers().size(), kPlanTables.size() );

  QList<QgsMapLayer *> planLayers;
  const QList<QgsLayerTreeLayer *> nodes = group->findLayers();
  for ( QgsLayerTreeLayer *node : nodes )
    planLayers << node->layer();
  const QStringList files = planFiles( mOutputDir.path() );
  QVERIFY( !files.isEmpty() );
  for ( const QString &table : kPlanTables )
  {
    QgsVectorLayer *layer = layerForTable( planLayers, table );
    QVERIFY2( layer && layer->isValid(), qPrintable( table ) );
    QVERIFY2( layer->featureCount() > 0, qPrintable( table ) );
    QVERIFY2( layer->source().startsWith( mOutputDir.path() ), qPrintable( layer->source() ) );
  }
  QCOMPARE( layerForTable( planLayers, QStringLiteral( "stations" ) )->featureCount(), static_cast<long long>( kPlanStations ) );
  QCOMPARE( layerForTable( planLayers, QStringLiteral( "demand_assignment" ) )->featureCount(), demandPoints );

  // The project's own layers are untouched; a second plan replaces the first one's group.
  for ( const QString &id : projectLayers )
    QVERIFY( window->project()->mapLayer( id ) );
  QVERIFY( runPlan( *window, kPlanStations + 1 ) );
  QCOMPARE( window->project()->layerTreeRoot()->findGroups().size(), 1 );
  QCOMPARE( window->project()->mapLayers().size(), projectLayers.size() + kPlanTables.size() );
  QCOMPARE( layerForTable( window->project(), QStringLiteral( "stations" ) )->featureCount(), static_cast<long long>( kPlanStations + 1 ) );
  QVERIFY( window->findChild<QAction *>( QStringLiteral( "actionPlanStations" ) )->isEnabled() );
}

void TestMainWindow::cancelKeepsPreviousPlan()
{
  const std::unique_ptr<MainWindow> window = openSample();
  QVERIFY( window );
  QVERIFY( runPlan( *window, kPlanStations ) );
  const QStringList layersBefore = sortedLayerIds( window->project() );
  const QStringList filesBefore = planFiles( mOutputDir.path() );
  QAction *cancelAction = window->findChild<QAction *>( QStringLiteral( "actionCancelPlan" ) );
  const QProgressBar *progressBar = window->findChild<QProgressBar *>( QStringLiteral( "planProgressBar" ) );

  // Once before the task starts, once while the engine is working (bigger, so it is still running).
  for ( const bool whileRunning : { false, true } )
  {
    window->planPanel()->setStationCount( whileRunning ? 40 : kPlanStations + 2 );
    QSignalSpy finished( window.get(), &MainWindow::planFinished );
    QVERIFY( window->startPlan() );
    if ( whileRunning )
      QTRY_VERIFY_WITH_TIMEOUT( progressBar->value() > 0 || !finished.isEmpty(), kPlanTimeoutMs );
    QVERIFY2( finished.isEmpty(), "the plan ended before it could be canceled" );
    cancelAction->trigger();
    // A task canceled before it started ends at once, inside cancel().
    QVERIFY( !finished.isEmpty() || finished.wait( kPlanTimeoutMs ) );
    QCOMPARE( finished.size(), 1 );
    QCOMPARE( finished.constFirst().constFirst().toBool(), false );

    QCOMPARE( sortedLayerIds( window->project() ), layersBefore );
    QCOMPARE( layerForTable( window->project(), QStringLiteral( "stations" ) )->featureCount(), static_cast<long long>( kPlanStations ) );
    QCOMPARE( planFiles( mOutputDir.path() ), filesBefore );
    QVERIFY( !window->isPlanRunning() );
    QVERIFY( window->findChild<QAction *>( QStringLiteral( "actionPlanStations" ) )->isEnabled() );
  }
}

void TestMainWindow::planErrorIsReportedAndKeepsTheMap()
{
  // A project with a boundary but no roads: it opens, but cannot be planned.
  QgsVectorLayer boundary( QStringLiteral( "%1|layername=boundary" ).arg( mSample ), QStringLiteral( "boundary" ), QStringLiteral( "ogr" ) );
  QVERIFY( boundary.isValid() );
  const QString project = mOutputDir.filePath( QStringLiteral( "no-roads/project.gpkg" ) );
  QVERIFY( QDir().mkpath( QFileInfo( project ).absolutePath() ) );
  QgsVectorFileWriter::SaveVectorOptions options;
  options.driverName = QStringLiteral( "GPKG" );
  options.layerName = QStringLiteral( "boundary" );
  QCOMPARE( QgsVectorFileWriter::writeAsVectorFormatV3( &boundary, project, QgsCoordinateTransformContext(), options ), QgsVectorFileWriter::NoError );

  MainWindow window;
  window.show();
  QVERIFY( window.openProject( project ) );
  const QString outputDirectory = mOutputDir.filePath( QStringLiteral( "no-roads/out" ) );
  window.planPanel()->setOutputDirectory( outputDirectory );
  const QStringList layersBefore = sortedLayerIds( window.project() );

  QVERIFY( !runPlan( window, kPlanStations ) );
  QVERIFY( !window.planGroup() );
  QCOMPARE( sortedLayerIds( window.project() ), layersBefore );
  QVERIFY( planFiles( outputDirectory ).isEmpty() );
  QgsMessageBarItem *message = window.messageBar()->currentItem();
  QVERIFY( message );
  QCOMPARE( message->level(), Qgis::MessageLevel::Critical );
  QVERIFY( !message->text().isEmpty() );
}

void TestMainWindow::cataloguesTranslateTheWindow()
{
  QCOMPARE( gf::app::TranslationLoader::resolveLanguage( QStringLiteral( "zh_CN" ) ), QStringLiteral( "zh" ) );
  QCOMPARE( gf::app::TranslationLoader::resolveLanguage( QStringLiteral( "en" ) ), QStringLiteral( "en" ) );
  // English needs its catalogue only for plural forms.
  QVERIFY( gf::app::TranslationLoader::install( *QCoreApplication::instance(), QStringLiteral( "en" ) ) );
  QCOMPARE( QCoreApplication::translate( "gf::app::MainWindow", "Plan: %n station(s)", nullptr, 1 ), QStringLiteral( "Plan: 1 station" ) );
  QCOMPARE( QCoreApplication::translate( "gf::app::MainWindow", "Plan: %n station(s)", nullptr, 12 ), QStringLiteral( "Plan: 12 stations" ) );

  QVERIFY( gf::app::TranslationLoader::install( *QCoreApplication::instance(), QStringLiteral( "zh" ) ) );
  MainWindow window;
  const QString planText = window.findChild<QAction *>( QStringLiteral( "actionPlanStations" ) )->text();
  QVERIFY2( planText != QStringLiteral( "&Plan Stations" ), qPrintable( planText ) );
  QVERIFY2( planText.contains( QChar( 0x7AD9 ) ), qPrintable( planText ) );  // 站, as in 站点
}

int main( int argc, char *argv[] )
{
  QgsApplication application( argc, argv, true );
  TestMainWindow test;
  return QTest::qExec( &test, argc, argv );
}

#include "test_main_window.moc"
