#include "gui/mainwindow/main_window.h"

#include "common/app_paths.h"
#include "common/compliance_text.h"
#include "gui/edits/site_decision_command.h"
#include "gui/edits/site_decision_markers.h"
#include "gui/mainwindow/plan_panel.h"
#include "gui/map/layer_loader.h"

#include <algorithm>
#include <memory>

#include <qgsapplication.h>
#include <qgsfeatureiterator.h>
#include <qgscoordinatereferencesystem.h>
#include <qgslayertree.h>
#include <qgslayertreemapcanvasbridge.h>
#include <qgslayertreemodel.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsmaptoolpan.h>
#include <qgsmessagebar.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

// Resources of a static library must be registered by name, outside any namespace.
static void initGreenfreightResources()
{
  Q_INIT_RESOURCE( resources );
}

namespace gf::app {

namespace {

const QString kPlanGroupProperty = QStringLiteral( "greenfreight/plan-group" );
// LayerLoader puts them in drawing order (facilities on top, flows at the bottom).
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
// Shown on demand: every site screened, accepted or not, would hide the plan itself.
const QStringList kHiddenPlanTables { QStringLiteral( "candidates" ) };
constexpr int kCanvasWaitMs = 20000;
constexpr int kTaskShutdownWaitMs = 10000;
constexpr int kMessageDurationS = 8;
const QString kOutletsTable = QStringLiteral( "outlets" );
const QString kStationsTable = QStringLiteral( "stations" );

QIcon icon( const QString &name )
{
  return QIcon( QStringLiteral( ":/greenfreight/icons/%1.svg" ).arg( name ) );
}

//! A fresh file name per run: layers of earlier plans may still hold their file open.
QString uniquePlanPath( const QString &directory )
{
  const QString stem = QStringLiteral( "plan-%1" ).arg( QDateTime::currentDateTime().toString( QStringLiteral( "yyyyMMdd-HHmmss" ) ) );
  const QDir dir( directory );
  QString path = dir.absoluteFilePath( stem + QStringLiteral( ".gpkg" ) );
  for ( int suffix = 2; QFileInfo::exists( path ); ++suffix )
    path = dir.absoluteFilePath( QStringLiteral( "%1-%2.gpkg" ).arg( stem ).arg( suffix ) );
  return path;
}

} // namespace

MainWindow::MainWindow( QWidget *parent )
  : QMainWindow( parent )
{
  initGreenfreightResources();
  setObjectName( QStringLiteral( "greenfreightMainWindow" ) );
  setWindowTitle( tr( "GreenFreight Planner" ) );
  setWindowIcon( icon( QStringLiteral( "greenfreight" ) ) );

  mProject = new QgsProject( this );

  mCanvas = new QgsMapCanvas();
  mCanvas->setObjectName( QStringLiteral( "mapCanvas" ) );
  mCanvas->setProject( mProject );
  mCanvas->setCanvasColor( Qt::white );
  mCanvas->enableAntiAliasing( true );
  mCanvas->setParallelRenderingEnabled( true );
  mCanvas->setCachingEnabled( true );
  mPanTool = new QgsMapToolPan( mCanvas );
  mCanvas->setMapTool( mPanTool );

  mMessageBar = new QgsMessageBar();
  auto *central = new QWidget( this );
  auto *centralLayout = new QVBoxLayout( central );
  centralLayout->setContentsMargins( 0, 0, 0, 0 );
  centralLayout->setSpacing( 0 );
  centralLayout->addWidget( mMessageBar );
  centralLayout->addWidget( mCanvas, 1 );
  setCentralWidget( central );

  mUndoStack = new QUndoStack( this );
  mSiteDecisions = new SiteDecisions( this );
  mDecisionMarkers = new SiteDecisionMarkers( mCanvas, mSiteDecisions, this );
  connect( mSiteDecisions, &SiteDecisions::changed, this, &MainWindow::updateDecisionNote );

  mBridge = new QgsLayerTreeMapCanvasBridge( mProject->layerTreeRoot(), mCanvas, this );
  // The bridge's first-layer set-up targets QgsProject::instance(); this window sets CRS and extent itself.
  mBridge->setAutoSetupOnFirstLayer( false );
  connect( mProject, &QgsProject::crsChanged, this, [this] {
    mCanvas->setDestinationCrs( mProject->crs() );
    updateCrsLabel();
  } );

  createActions();
  createDocks();
  createMenusAndToolBars();
  createStatusBar();
  setPlanRunning( false );
  resize( 1400, 900 );
}

MainWindow::~MainWindow()
{
  // The task outlives the window in the global task manager: stop it before the project goes.
  if ( mPlanTask )
  {
    mPlanTask->cancel();
    if ( mPlanTask )
      mPlanTask->waitForFinished( kTaskShutdownWaitMs );
  }
}

void MainWindow::createActions()
{
  mActionOpen = new QAction( icon( QStringLiteral( "open" ) ), tr( "&Open Project…" ), this );
  mActionOpen->setObjectName( QStringLiteral( "actionOpenProject" ) );
  mActionOpen->setShortcut( QKeySequence::Open );
  mActionOpen->setToolTip( tr( "Open a project GeoPackage (roads, parcels, demand, outlets, hubs)" ) );
  connect( mActionOpen, &QAction::triggered, this, &MainWindow::openProjectDialog );

  mActionPlan = new QAction( icon( QStringLiteral( "plan" ) ), tr( "&Plan Stations" ), this );
  mActionPlan->setObjectName( QStringLiteral( "actionPlanStations" ) );
  mActionPlan->setShortcut( QKeySequence( Qt::Key_F5 ) );
  mActionPlan->setToolTip( tr( "Site end-point joint distribution stations on the road network" ) );
  connect( mActionPlan, &QAction::triggered, this, &MainWindow::startPlan );

  mActionCancelPlan = new QAction( icon( QStringLiteral( "cancel" ) ), tr( "&Cancel Plan" ), this );
  mActionCancelPlan->setObjectName( QStringLiteral( "actionCancelPlan" ) );
  mActionCancelPlan->setShortcut( QKeySequence( Qt::Key_Escape ) );
  connect( mActionCancelPlan, &QAction::triggered, this, &MainWindow::cancelPlan );

  mActionZoomFull = new QAction( icon( QStringLiteral( "zoom-full" ) ), tr( "Zoom &Full" ), this );
  mActionZoomFull->setObjectName( QStringLiteral( "actionZoomFull" ) );
  mActionZoomFull->setShortcut( QKeySequence( Qt::CTRL | Qt::SHIFT | Qt::Key_F ) );
  connect( mActionZoomFull, &QAction::triggered, this, &MainWindow::zoomFull );

  mActionUndo = mUndoStack->createUndoAction( this, tr( "&Undo" ) );
  mActionUndo->setObjectName( QStringLiteral( "actionUndo" ) );
  mActionUndo->setShortcut( QKeySequence::Undo );
  mActionRedo = mUndoStack->createRedoAction( this, tr( "&Redo" ) );
  mActionRedo->setObjectName( QStringLiteral( "actionRedo" ) );
  mActionRedo->setShortcut( QKeySequence::Redo );

  const auto decisionAction = [this]( const QString &text, const QString &name, const QString &toolTip, SiteDecisions::Kind kind ) {
    auto *action = new QAction( text, this );
    action->setObjectName( name );
    action->setToolTip( toolTip );
    connect( action, &QAction::triggered, this, [this, kind] { decideSelectedSites( kind ); } );
    return action;
  };
  mActionLockSites = decisionAction( tr( "&Lock Selected Sites" ), QStringLiteral( "actionLockSites" ),
                                     tr( "The outlets selected on the map (outlets layer, or plan stations sited on an outlet) must open in the next plan. "
                                         "Not saved to the project." ), SiteDecisions::Kind::Locked );
  mActionBanSites = decisionAction( tr( "&Ban Selected Sites" ), QStringLiteral( "actionBanSites" ),
                                    tr( "The outlets selected on the map (outlets layer, or plan stations sited on an outlet) must stay closed in the next plan. "
                                        "Not saved to the project." ), SiteDecisions::Kind::Banned );
  mActionFreeSites = decisionAction( tr( "&Free Selected Sites" ), QStringLiteral( "actionFreeSites" ),
                                     tr( "The next plan may open or leave closed the outlets selected on the map, whatever the project's status says. "
                                         "Not saved to the project." ), SiteDecisions::Kind::Candidate );

  mActionQuit = new QAction( tr( "&Quit" ), this );
  mActionQuit->setObjectName( QStringLiteral( "actionQuit" ) );
  mActionQuit->setShortcut( QKeySequence::Quit );
  mActionQuit->setMenuRole( QAction::QuitRole );
  connect( mActionQuit, &QAction::triggered, this, &QWidget::close );
}

void MainWindow::createDocks()
{
  mLayerTreeView = new QgsLayerTreeView();
  mLayerTreeView->setObjectName( QStringLiteral( "layerTreeView" ) );
  auto *model = new QgsLayerTreeModel( mProject->layerTreeRoot(), this );
  model->setFlag( QgsLayerTreeModel::AllowNodeReorder );
  model->setFlag( QgsLayerTreeModel::AllowNodeRename );
  model->setFlag( QgsLayerTreeModel::AllowNodeChangeVisibility );
  model->setFlag( QgsLayerTreeModel::AllowLegendChangeState );
  model->setFlag( QgsLayerTreeModel::ShowLegendAsTree );
  model->setFlag( QgsLayerTreeModel::UseTextFormatting );
  mLayerTreeView->setModel( model );

  auto *layersDock = new QDockWidget( tr( "Layers" ), this );
  layersDock->setObjectName( QStringLiteral( "layersDock" ) );
  layersDock->setWidget( mLayerTreeView );
  addDockWidget( Qt::LeftDockWidgetArea, layersDock );

  mPlanPanel = new PlanPanel( mActionPlan );
  mPlanPanel->setObjectName( QStringLiteral( "planPanel" ) );
  auto *planDock = new QDockWidget( tr( "Station Plan" ), this );
  planDock->setObjectName( QStringLiteral( "planDock" ) );
  planDock->setWidget( mPlanPanel );
  addDockWidget( Qt::LeftDockWidgetArea, planDock );
  resizeDocks( { layersDock }, { 330 }, Qt::Horizontal );
}

void MainWindow::createMenusAndToolBars()
{
  QMenu *projectMenu = menuBar()->addMenu( tr( "&Project" ) );
  projectMenu->addAction( mActionOpen );
  projectMenu->addSeparator();
  projectMenu->addAction( mActionQuit );

  QMenu *editMenu = menuBar()->addMenu( tr( "&Edit" ) );
  editMenu->addAction( mActionUndo );
  editMenu->addAction( mActionRedo );
  editMenu->addSeparator();
  editMenu->addAction( mActionLockSites );
  editMenu->addAction( mActionBanSites );
  editMenu->addAction( mActionFreeSites );

  QMenu *viewMenu = menuBar()->addMenu( tr( "&View" ) );
  viewMenu->addAction( mActionZoomFull );
  viewMenu->addSeparator();
  const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
  for ( QDockWidget *dock : docks )
    viewMenu->addAction( dock->toggleViewAction() );

  QMenu *planMenu = menuBar()->addMenu( tr( "P&lan" ) );
  planMenu->addAction( mActionPlan );
  planMenu->addAction( mActionCancelPlan );

  QToolBar *toolBar = addToolBar( tr( "Main" ) );
  toolBar->setObjectName( QStringLiteral( "mainToolBar" ) );
  toolBar->setToolButtonStyle( Qt::ToolButtonTextBesideIcon );
  toolBar->addAction( mActionOpen );
  toolBar->addAction( mActionZoomFull );
  toolBar->addSeparator();
  toolBar->addAction( mActionPlan );

  QToolBar *editToolBar = addToolBar( tr( "Site Decisions" ) );
  editToolBar->setObjectName( QStringLiteral( "siteDecisionsToolBar" ) );
  editToolBar->addAction( mActionUndo );
  editToolBar->addAction( mActionRedo );
  editToolBar->addSeparator();
  editToolBar->addAction( mActionLockSites );
  editToolBar->addAction( mActionBanSites );
  editToolBar->addAction( mActionFreeSites );
}

void MainWindow::createStatusBar()
{
  mProgressBar = new QProgressBar();
  mProgressBar->setObjectName( QStringLiteral( "planProgressBar" ) );
  mProgressBar->setRange( 0, 100 );
  mProgressBar->setMaximumWidth( 220 );
  mProgressBar->setFormat( tr( "Planning… %p%" ) );
  mCancelButton = new QToolButton();
  mCancelButton->setObjectName( QStringLiteral( "cancelPlanButton" ) );
  mCancelButton->setDefaultAction( mActionCancelPlan );
  mCancelButton->setToolButtonStyle( Qt::ToolButtonTextBesideIcon );
  mCancelButton->setAutoRaise( true );

  mCoordinatesLabel = new QLabel();
  mCoordinatesLabel->setMinimumWidth( 260 );
  mCrsLabel = new QLabel();

  statusBar()->addPermanentWidget( mProgressBar );
  statusBar()->addPermanentWidget( mCancelButton );
  statusBar()->addPermanentWidget( mCoordinatesLabel );
  statusBar()->addPermanentWidget( mCrsLabel );
  connect( mCanvas, &QgsMapCanvas::xyCoordinates, this, &MainWindow::showCoordinates );
  updateCrsLabel();
}

bool MainWindow::openProject( const QString &path )
{
  LoadedLayers loaded = LayerLoader::load( path );
  if ( loaded.layers.empty() )
  {
    mMessageBar->pushCritical( tr( "Cannot open project" ),
                               tr( "“%1” is not a GeoPackage with map layers that can be read." ).arg( QDir::toNativeSeparators( path ) ) );
    return false;
  }

  removePlanGroup();
  // Decisions refer to the outlets of the project they were made on.
  mDecisionMarkers->setOutletsLayer( nullptr );
  mUndoStack->clear();
  mSiteDecisions->clear();
  mProject->clear();
  mProject->setTitle( QFileInfo( path ).completeBaseName() );
  // The project takes the CRS of its first layer that has one: all project layers share the analysis CRS.
  for ( const auto &layer : loaded.layers )
  {
    if ( layer->crs().isValid() )
    {
      mProject->setCrs( layer->crs() );
      break;
    }
  }
  QgsLayerTree *root = mProject->layerTreeRoot();
  for ( auto &layer : loaded.layers )
  {
    QgsVectorLayer *added = layer.release();
    mProject->addMapLayer( added, false );
    // Legends start folded so that the whole layer list fits; the analyst unfolds what matters.
    root->addLayer( added )->setExpanded( false );
  }

  const QMap<QString, QgsMapLayer *> layers = mProject->mapLayers();
  for ( QgsMapLayer *layer : layers )
  {
    if ( LayerLoader::tableName( layer ) == kOutletsTable )
      mDecisionMarkers->setOutletsLayer( qobject_cast<QgsVectorLayer *>( layer ) );
  }

  mProjectPath = QFileInfo( path ).absoluteFilePath();
  setWindowTitle( tr( "%1 — GreenFreight Planner" ).arg( QFileInfo( path ).fileName() ) );
  mPlanPanel->setOutputDirectory( QDir::toNativeSeparators( AppPaths::defaultOutputDirectory( mProjectPath ) ) );
  mPlanPanel->setSummary( QString() );
  mBridge->setCanvasLayers();
  zoomFull();

  if ( !loaded.invalidTables.isEmpty() )
    mMessageBar->pushWarning( tr( "Some layers could not be read" ), loaded.invalidTables.join( QStringLiteral( ", " ) ) );
  return true;
}

QgsLayerTreeGroup *MainWindow::planGroup() const
{
  const QList<QgsLayerTreeGroup *> groups = mProject->layerTreeRoot()->findGroups();
  for ( QgsLayerTreeGroup *group : groups )
  {
    if ( group->customProperty( kPlanGroupProperty ).toBool() )
      return group;
  }
  return nullptr;
}

bool MainWindow::saveScreenshot( const QString &path )
{
  QEventLoop loop;
  QTimer timeout;
  timeout.setSingleShot( true );
  connect( &timeout, &QTimer::timeout, &loop, &QEventLoop::quit );
  connect( mCanvas, &QgsMapCanvas::mapCanvasRefreshed, &loop, &QEventLoop::quit );
  timeout.start( kCanvasWaitMs );
  mCanvas->refresh();
  loop.exec();
  return grab().save( path );
}

bool MainWindow::startPlan()
{
  if ( mPlanTask || mProjectPath.isEmpty() )
    return false;

  QString directory = QDir::fromNativeSeparators( mPlanPanel->outputDirectory() );
  if ( directory.isEmpty() )
    directory = AppPaths::defaultOutputDirectory( mProjectPath );
  if ( !QDir().mkpath( directory ) )
  {
    mMessageBar->pushCritical( tr( "Cannot plan" ),
                               tr( "The output folder “%1” cannot be created. Choose another folder in the plan panel." ).arg( QDir::toNativeSeparators( directory ) ) );
    return false;
  }

  gf::gis::PlanJobRequest request;
  request.projectPath = mProjectPath;
  request.outputPath = uniquePlanPath( directory );
  request.parameters = mPlanPanel->parameters();
  request.readOptions.surveyDatum = mPlanPanel->surveyDatum();
  request.siteDecisions = mSiteDecisions->toRequest();

  auto *task = new PlanTask( request );
  connect( task, &QgsTask::progressChanged, mProgressBar, [this]( double percent ) {
    mProgressBar->setValue( static_cast<int>( percent ) );
  } );
  connect( task, &PlanTask::planFinished, this, [this, task]( PlanTask::Outcome outcome ) {
    onPlanFinished( *task, outcome );
  } );
  mPlanTask = task;
  setPlanRunning( true );
  statusBar()->showMessage( task->description() );
  QgsApplication::taskManager()->addTask( task );
  return true;
}

void MainWindow::cancelPlan()
{
  if ( mPlanTask )
    mPlanTask->cancel();
}

void MainWindow::zoomFull()
{
  mCanvas->zoomToFullExtent();
  mCanvas->refresh();
}

void MainWindow::openProjectDialog()
{
  const QString start = mProjectPath.isEmpty() ? QDir::homePath() : QFileInfo( mProjectPath ).absolutePath();
  const QString path = QFileDialog::getOpenFileName( this, tr( "Open Project" ), start, tr( "GeoPackage (*.gpkg)" ) );
  if ( !path.isEmpty() )
    openProject( path );
}

void MainWindow::showCoordinates( const QgsPointXY &point )
{
  mCoordinatesLabel->setText( tr( "Coordinate %1, %2" ).arg( point.x(), 0, 'f', 1 ).arg( point.y(), 0, 'f', 1 ) );
}

void MainWindow::updateCrsLabel()
{
  const QgsCoordinateReferenceSystem crs = mProject->crs();
  mCrsLabel->setText( crs.isValid() ? crs.userFriendlyIdentifier( QgsCoordinateReferenceSystem::MediumString ) : tr( "No CRS" ) );
}

void MainWindow::setPlanRunning( bool running )
{
  mActionPlan->setEnabled( !running );
  mActionOpen->setEnabled( !running );
  mActionCancelPlan->setEnabled( running );
  mProgressBar->setValue( 0 );
  mProgressBar->setVisible( running );
  mCancelButton->setVisible( running );
  if ( !running )
    statusBar()->clearMessage();
}

void MainWindow::onPlanFinished( const PlanTask &task, PlanTask::Outcome outcome )
{
  mPlanTask = nullptr;
  setPlanRunning( false );

  bool success = false;
  switch ( outcome )
  {
    case PlanTask::Outcome::Canceled:
      mMessageBar->pushMessage( tr( "Plan canceled" ), tr( "The map is unchanged." ), Qgis::MessageLevel::Info, kMessageDurationS );
      break;
    case PlanTask::Outcome::Failed:
      mMessageBar->pushCritical( tr( "Plan failed" ), gf::gis::describeError( task.result().error ) );
      break;
    case PlanTask::Outcome::Succeeded:
    {
      const QString path = task.result().outputPath.isEmpty() ? task.request().outputPath : task.result().outputPath;
      success = showPlan( task.result(), task.request(), path );
      break;
    }
  }
  emit planFinished( success );
}

bool MainWindow::showPlan( const gf::gis::PlanJobResult &result, const gf::gis::PlanJobRequest &request, const QString &path )
{
  LoadedLayers loaded = LayerLoader::load( path, kPlanTables );
  if ( loaded.layers.size() != static_cast<std::size_t>( kPlanTables.size() ) )
  {
    mMessageBar->pushCritical( tr( "Plan failed" ),
                               tr( "The plan was written to “%1” but its layers cannot be read." ).arg( QDir::toNativeSeparators( path ) ) );
    return false;
  }

  removePlanGroup();
  QgsLayerTreeGroup *group = mProject->layerTreeRoot()->insertGroup(
    0, tr( "Plan: %n station(s)", nullptr, static_cast<int>( result.plan.stations.stations.size() ) ) );
  group->setCustomProperty( kPlanGroupProperty, true );
  for ( auto &layer : loaded.layers )
  {
    QgsVectorLayer *added = layer.release();
    mProject->addMapLayer( added, false );
    const QString table = LayerLoader::tableName( added );
    QgsLayerTreeLayer *node = group->addLayer( added );
    node->setExpanded( table == QLatin1String( "demand_assignment" ) );
    node->setItemVisibilityChecked( !kHiddenPlanTables.contains( table ) );
  }

  mPlanPanel->setSummary( planSummary( result, request, path ) );
  mMessageBar->pushMessage( tr( "Plan written" ), QDir::toNativeSeparators( path ), Qgis::MessageLevel::Success, kMessageDurationS );
  return true;
}

void MainWindow::removePlanGroup()
{
  QgsLayerTreeGroup *group = planGroup();
  if ( !group )
    return;
  const QStringList layerIds = group->findLayerIds();
  mProject->layerTreeRoot()->removeChildNode( group );
  mProject->removeMapLayers( layerIds );
}

QString MainWindow::planSummary( const gf::gis::PlanJobResult &result, const gf::gis::PlanJobRequest &request, const QString &path ) const
{
  const gf::PlanParameters &parameters = request.parameters;
  const gf::StationPlanKpis &kpis = result.plan.stations.kpis;
  const QLocale locale;
  QStringList lines;
  lines << tr( "<b>%n station(s)</b> for %1 demand points", nullptr, static_cast<int>( kpis.stations ) ).arg( kpis.demandPoints );
  lines << tr( "%n distribution centre(s), %1 charging piles, %2 loading bays", nullptr, static_cast<int>( result.plan.centres.centres.size() ) )
             .arg( result.plan.availablePiles ).arg( result.plan.loadingBays.bays.size() );
  const auto passed = std::count_if( result.plan.compliance.begin(), result.plan.compliance.end(),
                                     []( const gf::ComplianceRow &row ) { return row.status == gf::ComplianceStatus::Pass; } );
  const auto applicable = std::count_if( result.plan.compliance.begin(), result.plan.compliance.end(),
                                         []( const gf::ComplianceRow &row ) { return row.status != gf::ComplianceStatus::NotApplicable; } );
  lines << tr( "Programme targets met: %1 of %2" ).arg( passed ).arg( applicable );
  QStringList targets;
  for ( const gf::ComplianceRow &row : result.plan.compliance )
  {
    if ( row.status == gf::ComplianceStatus::NotApplicable )
      continue;
    const QString color = row.status == gf::ComplianceStatus::Pass ? QStringLiteral( "#2e7d32" ) : QStringLiteral( "#c62828" );
    targets << QStringLiteral( "<tr><td style=\"color:%1\"><b>%2</b></td><td>%3</td><td align=\"right\">%4 / %5</td></tr>" )
                 .arg( color, ComplianceText::status( row.status ), ComplianceText::label( row.id ).toHtmlEscaped(),
                       ComplianceText::value( row.id, row.achieved ), ComplianceText::value( row.id, row.target ) );
  }
  if ( !targets.isEmpty() )
    lines << QStringLiteral( "<table cellspacing=\"2\"><tr><th></th><th align=\"left\">%1</th><th align=\"right\">%2</th></tr>%3</table>" )
               .arg( tr( "Target" ), tr( "Achieved / required" ), targets.join( QString() ) );
  if ( !request.siteDecisions.empty() )
  {
    const auto applied = [&request]( gf::gis::SiteDecision::Kind kind ) {
      return static_cast<int>( std::count_if( request.siteDecisions.begin(), request.siteDecisions.end(),
                                              [kind]( const gf::gis::SiteDecision &decision ) { return decision.kind == kind; } ) );
    };
    lines << tr( "Site decisions applied: %1 locked, %2 banned, %3 freed" )
               .arg( applied( gf::gis::SiteDecision::Kind::Locked ) )
               .arg( applied( gf::gis::SiteDecision::Kind::Banned ) )
               .arg( applied( gf::gis::SiteDecision::Kind::Candidate ) );
  }
  lines << tr( "Assigned: %1 of %2 demand points" ).arg( kpis.assignedPoints ).arg( kpis.demandPoints );
  lines << tr( "Within %1 m: %2 % of parcels, %3 % of points" )
        .arg( locale.toString( parameters.serviceRadiusM, 'f', 0 ),
              locale.toString( 100.0 * kpis.coverageShareByParcels, 'f', 1 ),
              locale.toString( 100.0 * kpis.coverageShareByPoints, 'f', 1 ) );
  lines << tr( "Network distance: mean %1 m, max %2 m" )
        .arg( locale.toString( kpis.meanDistanceM, 'f', 0 ), locale.toString( kpis.maxDistanceM, 'f', 0 ) );
  const QString folderUrl = QUrl::fromLocalFile( QFileInfo( path ).absolutePath() ).toString();
  lines << tr( "Written to <a href=\"%1\">%2</a>" ).arg( folderUrl, QDir::toNativeSeparators( path ).toHtmlEscaped() );
  return lines.join( QStringLiteral( "<br>" ) );
}

QList<qint64> MainWindow::selectedOutletIds() const
{
  QList<qint64> ids;
  const QList<QgsMapLayer *> layers = mProject->mapLayers().values();
  for ( QgsMapLayer *mapLayer : layers )
  {
    auto *layer = qobject_cast<QgsVectorLayer *>( mapLayer );
    const QString table = LayerLoader::tableName( layer );
    if ( !layer || layer->selectedFeatureCount() == 0 )
      continue;
    if ( table == kOutletsTable )
    {
      const QgsFeatureIds selected = layer->selectedFeatureIds();
      for ( QgsFeatureId id : selected )
        ids << id;
    }
    else if ( table == kStationsTable && layer->fields().indexOf( QStringLiteral( "candidate_fid" ) ) >= 0 )
    {
      QgsFeatureIterator features = layer->getSelectedFeatures();
      QgsFeature feature;
      while ( features.nextFeature( feature ) )
      {
        // Stations on parcels or user sites have no outlet to decide on.
        if ( feature.attribute( QStringLiteral( "site_origin" ) ).toString() == QLatin1String( "outlet" ) )
          ids << feature.attribute( QStringLiteral( "candidate_fid" ) ).toLongLong();
      }
    }
  }
  std::sort( ids.begin(), ids.end() );
  ids.erase( std::unique( ids.begin(), ids.end() ), ids.end() );
  return ids;
}

void MainWindow::decideSelectedSites( SiteDecisions::Kind kind )
{
  const QList<qint64> ids = selectedOutletIds();
  if ( ids.isEmpty() )
  {
    mMessageBar->pushMessage( tr( "No site selected" ),
                              tr( "Select outlets on the outlets layer, or plan stations sited on an outlet, then try again." ),
                              Qgis::MessageLevel::Info, kMessageDurationS );
    return;
  }
  std::unique_ptr<QUndoCommand> command = SiteDecisionCommand::create( mSiteDecisions, ids, kind );
  if ( command )
    mUndoStack->push( command.release() );
}

void MainWindow::updateDecisionNote()
{
  QString note;
  if ( !mSiteDecisions->isEmpty() )
    note = tr( "Site decisions for the next plan: %1 locked, %2 banned, %3 freed (not saved to the project)" )
             .arg( mSiteDecisions->count( SiteDecisions::Kind::Locked ) )
             .arg( mSiteDecisions->count( SiteDecisions::Kind::Banned ) )
             .arg( mSiteDecisions->count( SiteDecisions::Kind::Candidate ) );
  mPlanPanel->setDecisionNote( note );
}

} // namespace gf::app
