// The main window on the bundled sample district, offscreen: layers load styled and in
// drawing order, the plan action adds the result layers, cancel and errors keep the map.
#include "common/app_paths.h"
#include "common/compliance_text.h"
#include "common/translation_loader.h"
#include "gui/mainwindow/main_window.h"
#include "gui/mainwindow/plan_panel.h"
#include "gui/map/layer_loader.h"

#include <qgsapplication.h>
#include <qgscategorizedsymbolrenderer.h>
#include <qgsexpression.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsproject.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QComboBox>
#include <QLabel>
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
  QStringLiteral( "flows" ),
  QStringLiteral( "candidates" ),
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

//! Checks that every value of the class expression of \a layer's categorised renderer has a category.
void verifyCategoriesCoverValues( QgsVectorLayer *layer, const QString &table )
{
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
  QVERIFY2( !values.isEmpty(), qPrintable( table ) );
  for ( const QString &value : values )
    QVERIFY2( classes.contains( value ), qPrintable( QStringLiteral( "%1: %2" ).arg( table, value ) ) );
}

//! Features of \a layer for which \a expression is true.
int countWhere( QgsVectorLayer *layer, const QString &expression )
{
  QgsFeatureIterator it = layer->getFeatures( QgsFeatureRequest( QgsExpression( expression ) ) );
  int count = 0;
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    ++count;
  return count;
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
    void planLayersAreStyledAndOrdered();
    void panelSetsObjectiveAndDatum();
    void cancelKeepsPreviousPlan();
    void planErrorIsReportedAndKeepsTheMap();
    void cataloguesTranslateTheWindow();

  private:
    std::unique_ptr<MainWindow> openSample();
    bool runPlan( MainWindow &window, int stations );
    //! The plan summary of \a window lists every applicable programme target with its verdict.
    void verifySummaryTargets( MainWindow &window );

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

void TestMainWindow::planLayersAreStyledAndOrdered()
{
  const std::unique_ptr<MainWindow> window = openSample();
  QVERIFY( window );
  QVERIFY( runPlan( *window, kPlanStations ) );
  QgsLayerTreeGroup *group = window->planGroup();
  QVERIFY( group );

  // Facilities above the flows they are linked by, the screened candidates off until asked for.
  QStringList treeOrder;
  const QList<QgsLayerTreeLayer *> nodes = group->findLayers();
  for ( QgsLayerTreeLayer *node : nodes )
  {
    const QString table = LayerLoader::tableName( node->layer() );
    treeOrder << table;
    QCOMPARE( node->layer()->name(), LayerLoader::displayName( table ) );
    QVERIFY2( node->layer()->name() != table, qPrintable( table ) );
    QCOMPARE( node->itemVisibilityChecked(), table != QLatin1String( "candidates" ) );
  }
  const QStringList expectedTopDown { QStringLiteral( "centres" ), QStringLiteral( "stations" ), QStringLiteral( "charging_piles" ),
                                      QStringLiteral( "demand_assignment" ), QStringLiteral( "candidates" ), QStringLiteral( "loading_bays" ),
                                      QStringLiteral( "allocation_lines" ), QStringLiteral( "flows" ) };
  QCOMPARE( treeOrder, expectedTopDown );

  auto layer = [&window]( const char *table ) { return layerForTable( window->project(), QString::fromLatin1( table ) ); };

  // Centres: one marker, larger than the station marker.
  auto *centreRenderer = dynamic_cast<QgsSingleSymbolRenderer *>( layer( "centres" )->renderer() );
  auto *stationRenderer = dynamic_cast<QgsSingleSymbolRenderer *>( layer( "stations" )->renderer() );
  QVERIFY( centreRenderer && stationRenderer );
  QVERIFY( static_cast<QgsMarkerSymbol *>( centreRenderer->symbol() )->size() > static_cast<QgsMarkerSymbol *>( stationRenderer->symbol() )->size() );
  QVERIFY( layer( "centres" )->labelsEnabled() );

  // Charging piles: a class per site kind in the plan, labelled with the number of piles.
  verifyCategoriesCoverValues( layer( "charging_piles" ), QStringLiteral( "charging_piles" ) );
  QCOMPARE( dynamic_cast<QgsCategorizedSymbolRenderer *>( layer( "charging_piles" )->renderer() )->classAttribute(), QStringLiteral( "site_kind" ) );
  QVERIFY( layer( "charging_piles" )->labelsEnabled() );

  // Loading bays: thick lines (at least 1 mm), unlike the hairline flows.
  auto *bayRenderer = dynamic_cast<QgsSingleSymbolRenderer *>( layer( "loading_bays" )->renderer() );
  QVERIFY( bayRenderer );
  QVERIFY( static_cast<QgsLineSymbol *>( bayRenderer->symbol() )->width() >= 1.0 );

  // Flows: a class per tier; only the status-quo baseline is switched off.
  QgsVectorLayer *flows = layer( "flows" );
  verifyCategoriesCoverValues( flows, QStringLiteral( "flows" ) );
  const QgsCategoryList tiers = dynamic_cast<QgsCategorizedSymbolRenderer *>( flows->renderer() )->categories();
  for ( const QgsRendererCategory &tier : tiers )
    QCOMPARE( tier.renderState(), tier.value().toString() != QLatin1String( "baseline_hub_to_customer" ) );
  QVERIFY( countWhere( flows, QStringLiteral( "\"tier\" = 'baseline_hub_to_customer'" ) ) > 0 );
  for ( const QgsRendererCategory &tier : tiers )
  {
    if ( tier.renderState() )
      QVERIFY( static_cast<QgsLineSymbol *>( tier.symbol() )->width() < 1.0 );
  }

  // Candidates: every rejection reason (and acceptance) in the plan has its class.
  verifyCategoriesCoverValues( layer( "candidates" ), QStringLiteral( "candidates" ) );

  // Demand assignment: points served by a station or a centre are drawn by their own rules,
  // only the others fall in "not served".
  QgsVectorLayer *assignment = layer( "demand_assignment" );
  auto *assignmentRenderer = dynamic_cast<QgsRuleBasedRenderer *>( assignment->renderer() );
  QVERIFY( assignmentRenderer );
  const QgsRuleBasedRenderer::RuleList rules = assignmentRenderer->rootRule()->children();
  QString notServed;
  for ( QgsRuleBasedRenderer::Rule *rule : rules )
  {
    if ( rule->filterExpression().contains( QStringLiteral( "NOT IN" ) ) )
      notServed = rule->filterExpression();
  }
  QVERIFY( !notServed.isEmpty() );
  QCOMPARE( countWhere( assignment, notServed ), countWhere( assignment, QStringLiteral( "\"station_rank\" IS NULL AND \"centre_id\" IS NULL" ) ) );
  QVERIFY( countWhere( assignment, QStringLiteral( "\"served_by\" = 'station'" ) ) > 0 );

  verifySummaryTargets( *window );
}

void TestMainWindow::verifySummaryTargets( MainWindow &window )
{
  const QString summary = window.planPanel()->findChild<QLabel *>( QStringLiteral( "summaryLabel" ) )->text();

  // Every applicable target of the plan's compliance table, with its verdict.
  QgsVectorLayer *stations = layerForTable( window.project(), QStringLiteral( "stations" ) );
  const QString planPath = stations->source().section( QLatin1Char( '|' ), 0, 0 );
  QgsVectorLayer compliance( QStringLiteral( "%1|layername=compliance" ).arg( planPath ), QStringLiteral( "compliance" ), QStringLiteral( "ogr" ) );
  QVERIFY( compliance.isValid() );
  int applicable = 0;
  QgsFeature row;
  QgsFeatureIterator it = compliance.getFeatures();
  while ( it.nextFeature( row ) )
  {
    if ( row.attribute( QStringLiteral( "applicable" ) ).toInt() == 0 )
      continue;
    ++applicable;
    const std::string id = row.attribute( QStringLiteral( "target_id" ) ).toString().toStdString();
    const gf::ComplianceStatus status = row.attribute( QStringLiteral( "pass" ) ).toInt() == 1 ? gf::ComplianceStatus::Pass : gf::ComplianceStatus::Fail;
    const QString expected = QStringLiteral( "<b>%1</b></td><td>%2</td>" ).arg( gf::app::ComplianceText::status( status ),
                                                                            gf::app::ComplianceText::label( id ).toHtmlEscaped() );
    QVERIFY2( summary.contains( expected ), qPrintable( QStringLiteral( "%1 in %2" ).arg( expected, summary ) ) );
  }
  QVERIFY( applicable > 0 );
  QCOMPARE( summary.count( QStringLiteral( "<tr><td style" ) ), applicable );
}

void TestMainWindow::panelSetsObjectiveAndDatum()
{
  MainWindow window;
  gf::app::PlanPanel *panel = window.planPanel();
  auto *objectiveCombo = panel->findChild<QComboBox *>( QStringLiteral( "objectiveCombo" ) );
  auto *datumCombo = panel->findChild<QComboBox *>( QStringLiteral( "datumCombo" ) );
  QVERIFY( objectiveCombo && datumCombo );
  QCOMPARE( objectiveCombo->count(), 2 );
  QCOMPARE( datumCombo->count(), 4 );

  // Defaults: the preset's objective, and the datum the project declares.
  QVERIFY( panel->parameters().programme.stations.objective == gf::presetParameters( panel->preset() ).programme.stations.objective );
  QVERIFY( !panel->surveyDatum().has_value() );

  panel->setObjective( gf::StationObjective::Coverage );
  QCOMPARE( objectiveCombo->currentIndex(), 1 );
  QVERIFY( panel->parameters().programme.stations.objective == gf::StationObjective::Coverage );
  objectiveCombo->setCurrentIndex( 0 );
  QVERIFY( panel->parameters().programme.stations.objective == gf::StationObjective::PMedian );

  for ( const gf::gis::OffsetDatum datum : { gf::gis::OffsetDatum::None, gf::gis::OffsetDatum::Gcj02, gf::gis::OffsetDatum::Bd09 } )
  {
    panel->setSurveyDatum( datum );
    QVERIFY( panel->surveyDatum() == datum );
  }
  datumCombo->setCurrentIndex( 0 );
  QVERIFY( !panel->surveyDatum().has_value() );
  // A preset brings its own objective, as it brings its station count.
  panel->setObjective( gf::StationObjective::Coverage );
  panel->setPreset( gf::DistrictPreset::Linzi );
  QVERIFY( panel->parameters().programme.stations.objective == gf::presetParameters( gf::DistrictPreset::Linzi ).programme.stations.objective );
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
