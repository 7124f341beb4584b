// Site decisions (lock, ban, free outlets by hand): the undo commands restore the exact
// previous state, and the window's decisions, made on the map selection, reach the next plan.
#include "common/app_paths.h"
#include "common/translation_loader.h"
#include "gui/edits/site_decision_command.h"
#include "gui/edits/site_decision_markers.h"
#include "gui/edits/site_decisions.h"
#include "gui/mainwindow/main_window.h"
#include "gui/mainwindow/plan_panel.h"
#include "gui/map/layer_loader.h"

#include <qgsapplication.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using gf::app::MainWindow;
using gf::app::SiteDecisionCommand;
using gf::app::SiteDecisions;
using Kind = gf::app::SiteDecisions::Kind;
using State = QMap<qint64, Kind>;

namespace {

constexpr int kPlanTimeoutMs = 60000;
constexpr int kPlanStations = 3;

//! The layer of \a table in \a group (the plan's, or with nullptr the project's own layers).
QgsVectorLayer *layerForTable( const MainWindow &window, const QString &table, const QgsLayerTreeGroup *group )
{
  const QList<QgsLayerTreeLayer *> nodes = ( group ? group : window.project()->layerTreeRoot() )->findLayers();
  for ( QgsLayerTreeLayer *node : nodes )
  {
    const bool inPlan = node->parent() != window.project()->layerTreeRoot();
    if ( gf::app::LayerLoader::tableName( node->layer() ) == table && inPlan == ( group != nullptr ) )
      return qobject_cast<QgsVectorLayer *>( node->layer() );
  }
  return nullptr;
}

//! Outlet feature id → plan station feature id, for the stations sited on an outlet.
QMap<qint64, QgsFeatureId> outletStations( QgsVectorLayer *stations )
{
  QMap<qint64, QgsFeatureId> outlets;
  QgsFeatureIterator it = stations->getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
  {
    if ( feature.attribute( QStringLiteral( "site_origin" ) ).toString() == QLatin1String( "outlet" ) )
      outlets.insert( feature.attribute( QStringLiteral( "candidate_fid" ) ).toLongLong(), feature.id() );
  }
  return outlets;
}

} // namespace

class TestSiteDecisions : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase();
    void cleanupTestCase();
    void commandsRestoreExactStates();
    void unchangedSitesMakeNoCommand();
    void decisionsOnTheMapReachTheNextPlan();
    void cataloguesTranslateTheDecisions();  // last: installs the Chinese catalogue

  private:
    bool runPlan( MainWindow &window );

    QTemporaryDir mOutputDir;
};

void TestSiteDecisions::initTestCase()
{
  QStandardPaths::setTestModeEnabled( true );
  QgsApplication::setPrefixPath( qEnvironmentVariableIsSet( "QGIS_PREFIX_PATH" ) ? qEnvironmentVariable( "QGIS_PREFIX_PATH" ) : QStringLiteral( "/usr" ), true );
  QgsApplication::initQgis();
  QVERIFY( mOutputDir.isValid() );
}

void TestSiteDecisions::cleanupTestCase()
{
  QgsApplication::exitQgis();
}

bool TestSiteDecisions::runPlan( MainWindow &window )
{
  window.planPanel()->setStationCount( kPlanStations );
  QSignalSpy finished( &window, &MainWindow::planFinished );
  window.findChild<QAction *>( QStringLiteral( "actionPlanStations" ) )->trigger();
  if ( !window.isPlanRunning() || !finished.wait( kPlanTimeoutMs ) )
    return false;
  return finished.constFirst().constFirst().toBool();
}

void TestSiteDecisions::commandsRestoreExactStates()
{
  SiteDecisions decisions;
  QUndoStack stack;
  QSignalSpy changed( &decisions, &SiteDecisions::changed );
  // Outlet 7 was banned and outlet 9 freed before; 3 and 5 have no decision (the project's status applies).
  decisions.setDecision( 7, Kind::Banned );
  decisions.setDecision( 9, Kind::Candidate );
  const State initial { { 7, Kind::Banned }, { 9, Kind::Candidate } };
  QCOMPARE( decisions.decisions(), initial );

  stack.push( SiteDecisionCommand::create( &decisions, { 3, 7, 9 }, Kind::Locked ).release() );
  const State locked { { 3, Kind::Locked }, { 7, Kind::Locked }, { 9, Kind::Locked } };
  QCOMPARE( decisions.decisions(), locked );
  QCOMPARE( stack.count(), 1 );  // one action, one undo step
  QCOMPARE( stack.undoText(), QStringLiteral( "Lock 3 site(s)" ) );

  stack.push( SiteDecisionCommand::create( &decisions, { 3, 5 }, Kind::Candidate ).release() );
  const State freed { { 3, Kind::Candidate }, { 5, Kind::Candidate }, { 7, Kind::Locked }, { 9, Kind::Locked } };
  QCOMPARE( decisions.decisions(), freed );

  stack.push( SiteDecisionCommand::create( &decisions, { 9 }, Kind::Banned ).release() );
  const State banned { { 3, Kind::Candidate }, { 5, Kind::Candidate }, { 7, Kind::Locked }, { 9, Kind::Banned } };
  QCOMPARE( decisions.decisions(), banned );
  QCOMPARE( decisions.count( Kind::Banned ), 1 );
  QCOMPARE( decisions.count( Kind::Candidate ), 2 );

  // Undo walks back through every state, down to the decisions made before the commands.
  stack.undo();
  QCOMPARE( decisions.decisions(), freed );
  stack.undo();
  QCOMPARE( decisions.decisions(), locked );
  stack.undo();
  QCOMPARE( decisions.decisions(), initial );
  QVERIFY( !decisions.decision( 3 ).has_value() );

  stack.redo();
  QCOMPARE( decisions.decisions(), locked );
  stack.redo();
  stack.redo();
  QCOMPARE( decisions.decisions(), banned );

  // The request carries every decision once, in outlet id order.
  const std::vector<gf::gis::SiteDecision> request = decisions.toRequest();
  QCOMPARE( request.size(), std::size_t( 4 ) );
  const State expected = banned;
  auto it = expected.cbegin();
  for ( const gf::gis::SiteDecision &decision : request )
  {
    QCOMPARE( decision.outletFeatureId, it.key() );
    QVERIFY( decision.kind == it.value() );
    ++it;
  }
  QVERIFY( changed.count() > 0 );
}

void TestSiteDecisions::unchangedSitesMakeNoCommand()
{
  SiteDecisions decisions;
  decisions.setDecision( 4, Kind::Locked );
  QSignalSpy changed( &decisions, &SiteDecisions::changed );
  QVERIFY( !SiteDecisionCommand::create( &decisions, { 4, 4 }, Kind::Locked ) );
  QVERIFY( !SiteDecisionCommand::create( &decisions, {}, Kind::Banned ) );
  // Only outlet 6 changes: a single command, not a group, and duplicates count once.
  std::unique_ptr<QUndoCommand> command = SiteDecisionCommand::create( &decisions, { 4, 6, 6 }, Kind::Locked );
  QVERIFY( command );
  QCOMPARE( command->childCount(), 0 );
  QCOMPARE( changed.count(), 0 );  // creating a command changes nothing until it is pushed
  command->redo();
  QCOMPARE( decisions.decisions(), ( State { { 4, Kind::Locked }, { 6, Kind::Locked } } ) );
  command->undo();
  QCOMPARE( decisions.decisions(), ( State { { 4, Kind::Locked } } ) );
}

void TestSiteDecisions::decisionsOnTheMapReachTheNextPlan()
{
  const QString sample = gf::app::AppPaths::sampleProject();
  QVERIFY2( !sample.isEmpty(), "the bundled sample-data/zhangdian-demo.gpkg was not found" );
  MainWindow window;
  window.show();
  const QDateTime projectModified = QFileInfo( sample ).lastModified();
  QVERIFY( window.openProject( sample ) );
  window.planPanel()->setOutputDirectory( mOutputDir.path() );
  QVERIFY( runPlan( window ) );

  // An accepted station candidate on an outlet that the free plan did not choose.
  QgsVectorLayer *stations = layerForTable( window, QStringLiteral( "stations" ), window.planGroup() );
  QgsVectorLayer *candidates = layerForTable( window, QStringLiteral( "candidates" ), window.planGroup() );
  QgsVectorLayer *outlets = layerForTable( window, QStringLiteral( "outlets" ), nullptr );
  QVERIFY( stations && candidates && outlets );
  const QMap<qint64, QgsFeatureId> freeStations = outletStations( stations );
  QVERIFY2( !freeStations.isEmpty(), "the sample's free plan should open at least one outlet" );
  qint64 lockedOutlet = -1;
  QgsFeatureIterator it = candidates->getFeatures( QgsFeatureRequest().setFilterExpression(
    QStringLiteral( "\"facility\" = 'station' AND \"site_origin\" = 'outlet' AND \"accepted\" = 1" ) ) );
  QgsFeature feature;
  while ( lockedOutlet < 0 && it.nextFeature( feature ) )
  {
    const qint64 outlet = feature.attribute( QStringLiteral( "source_fid" ) ).toLongLong();
    if ( !freeStations.contains( outlet ) )
      lockedOutlet = outlet;
  }
  QVERIFY( lockedOutlet >= 0 );
  const qint64 bannedOutlet = freeStations.firstKey();

  // Lock on the outlets layer; ban through the plan station sited on an outlet.
  outlets->selectByIds( { lockedOutlet } );
  window.findChild<QAction *>( QStringLiteral( "actionLockSites" ) )->trigger();
  outlets->removeSelection();
  stations->selectByIds( { freeStations.value( bannedOutlet ) } );
  window.findChild<QAction *>( QStringLiteral( "actionBanSites" ) )->trigger();
  stations->removeSelection();
  const State decided { { lockedOutlet, Kind::Locked }, { bannedOutlet, Kind::Banned } };
  QCOMPARE( window.siteDecisions().decisions(), decided );
  QCOMPARE( window.undoStack()->count(), 2 );
  QCOMPARE( window.siteDecisionMarkers().markerCount( Kind::Locked ), 1 );
  QCOMPARE( window.siteDecisionMarkers().markerCount( Kind::Banned ), 1 );
  QVERIFY( window.planPanel()->findChild<QLabel *>( QStringLiteral( "decisionLabel" ) )->text().contains( QStringLiteral( "1 locked, 1 banned" ) ) );

  // Nothing selected: no command. Undo/redo through the window's actions.
  window.findChild<QAction *>( QStringLiteral( "actionFreeSites" ) )->trigger();
  QCOMPARE( window.undoStack()->count(), 2 );
  window.findChild<QAction *>( QStringLiteral( "actionUndo" ) )->trigger();
  QCOMPARE( window.siteDecisions().decisions(), ( State { { lockedOutlet, Kind::Locked } } ) );
  QCOMPARE( window.siteDecisionMarkers().markerCount( Kind::Banned ), 0 );
  window.findChild<QAction *>( QStringLiteral( "actionRedo" ) )->trigger();
  QCOMPARE( window.siteDecisions().decisions(), decided );

  // The decisions are not written into the project file.
  QVERIFY( !outlets->isModified() );
  QCOMPARE( QFileInfo( sample ).lastModified(), projectModified );

  QVERIFY( runPlan( window ) );
  stations = layerForTable( window, QStringLiteral( "stations" ), window.planGroup() );
  QVERIFY( stations );
  QCOMPARE( stations->featureCount(), static_cast<long long>( kPlanStations ) );
  const QMap<qint64, QgsFeatureId> decidedStations = outletStations( stations );
  QVERIFY( decidedStations.contains( lockedOutlet ) );
  QVERIFY( !decidedStations.contains( bannedOutlet ) );
  const QString summary = window.planPanel()->findChild<QLabel *>( QStringLiteral( "summaryLabel" ) )->text();
  QVERIFY2( summary.contains( QStringLiteral( "1 locked, 1 banned, 0 freed" ) ), qPrintable( summary ) );

  // Another project starts without decisions or edits.
  QVERIFY( window.openProject( sample ) );
  QVERIFY( window.siteDecisions().isEmpty() );
  QCOMPARE( window.undoStack()->count(), 0 );
}

void TestSiteDecisions::cataloguesTranslateTheDecisions()
{
  QVERIFY( gf::app::TranslationLoader::install( *QCoreApplication::instance(), QStringLiteral( "en" ) ) );
  QCOMPARE( SiteDecisionCommand::tr( "Lock %n site(s)", nullptr, 1 ), QStringLiteral( "Lock 1 site" ) );
  QCOMPARE( SiteDecisionCommand::tr( "Ban %n site(s)", nullptr, 2 ), QStringLiteral( "Ban 2 sites" ) );

  QVERIFY( gf::app::TranslationLoader::install( *QCoreApplication::instance(), QStringLiteral( "zh" ) ) );
  MainWindow window;
  for ( const QString &name : { QStringLiteral( "actionLockSites" ), QStringLiteral( "actionBanSites" ), QStringLiteral( "actionFreeSites" ) } )
  {
    const QString text = window.findChild<QAction *>( name )->text();
    QVERIFY2( text.contains( QStringLiteral( "站址" ) ), qPrintable( text ) );
  }
  QVERIFY( window.findChild<QAction *>( QStringLiteral( "actionLockSites" ) )->toolTip().contains( QStringLiteral( "不保存到项目" ) ) );
}

QTEST_MAIN( TestSiteDecisions )
#include "test_site_decisions.moc"
