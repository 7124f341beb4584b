#pragma once
// The GreenFreight main window: map canvas and layer tree over a project owned by the
// window, the plan dock, and a status bar with coordinates, CRS and the plan task's progress.
#include "gui/edits/site_decisions.h"
#include "gui/tasks/plan_task.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;
class QUndoStack;
class QgsLayerTreeGroup;
class QgsLayerTreeMapCanvasBridge;
class QgsLayerTreeView;
class QgsMapCanvas;
class QgsMapTool;
class QgsMessageBar;
class QgsPointXY;
class QgsProject;

namespace gf::app {

class PlanPanel;
class SiteDecisionMarkers;

class MainWindow : public QMainWindow
{
    Q_OBJECT

  public:
    explicit MainWindow( QWidget *parent = nullptr );
    ~MainWindow() override;

    //! Replaces the map with the layers of the project GeoPackage at \a path. On failure the
    //! current map stays and the message bar says why.
    bool openProject( const QString &path );

    QString projectPath() const { return mProjectPath; }
    QgsProject *project() const { return mProject; }
    QgsMapCanvas *mapCanvas() const { return mCanvas; }
    QgsMessageBar *messageBar() const { return mMessageBar; }
    PlanPanel *planPanel() const { return mPlanPanel; }

    //! The analyst's edits (site decisions); cleared when another project is opened.
    QUndoStack *undoStack() const { return mUndoStack; }

    //! Decisions on outlets that the next plan receives; not written to the project.
    const SiteDecisions &siteDecisions() const { return *mSiteDecisions; }

    const SiteDecisionMarkers &siteDecisionMarkers() const { return *mDecisionMarkers; }

    /**
     * Outlet feature ids selected on the map: on the `outlets` layer, and on the plan's
     * `stations` layer for stations sited on an outlet.
     */
    QList<qint64> selectedOutletIds() const;

    //! The layer tree group holding the last plan's layers, or nullptr.
    QgsLayerTreeGroup *planGroup() const;

    bool isPlanRunning() const { return !mPlanTask.isNull(); }

    //! Waits (bounded) until the canvas has rendered, then saves the window as an image.
    bool saveScreenshot( const QString &path );

  public slots:
    //! Starts planning in a background task; false when no project is open or one is running.
    bool startPlan();
    void cancelPlan();
    //! Gives \a kind to the selected outlets (selectedOutletIds()) as one undo step.
    void decideSelectedSites( gf::app::SiteDecisions::Kind kind );
    void zoomFull();

  signals:
    //! The plan task ended; on success its layers are on the map, otherwise the map is as before.
    void planFinished( bool success );

  private:
    void createActions();
    void createMenusAndToolBars();
    void createDocks();
    void createStatusBar();
    void openProjectDialog();
    void showCoordinates( const QgsPointXY &point );
    void updateCrsLabel();
    void setPlanRunning( bool running );
    void onPlanFinished( const PlanTask &task, PlanTask::Outcome outcome );
    bool showPlan( const gf::gis::PlanJobResult &result, const gf::gis::PlanJobRequest &request, const QString &path );
    void removePlanGroup();
    QString planSummary( const gf::gis::PlanJobResult &result, const gf::gis::PlanJobRequest &request, const QString &path ) const;
    void updateDecisionNote();

    QgsProject *mProject = nullptr;
    QgsMapCanvas *mCanvas = nullptr;
    QgsMapTool *mPanTool = nullptr;
    QgsMessageBar *mMessageBar = nullptr;
    QgsLayerTreeView *mLayerTreeView = nullptr;
    QgsLayerTreeMapCanvasBridge *mBridge = nullptr;
    PlanPanel *mPlanPanel = nullptr;
    QUndoStack *mUndoStack = nullptr;
    SiteDecisions *mSiteDecisions = nullptr;
    SiteDecisionMarkers *mDecisionMarkers = nullptr;

    QAction *mActionOpen = nullptr;
    QAction *mActionPlan = nullptr;
    QAction *mActionCancelPlan = nullptr;
    QAction *mActionZoomFull = nullptr;
    QAction *mActionQuit = nullptr;
    QAction *mActionUndo = nullptr;
    QAction *mActionRedo = nullptr;
    QAction *mActionLockSites = nullptr;
    QAction *mActionBanSites = nullptr;
    QAction *mActionFreeSites = nullptr;

    QLabel *mCoordinatesLabel = nullptr;
    QLabel *mCrsLabel = nullptr;
    QProgressBar *mProgressBar = nullptr;
    QToolButton *mCancelButton = nullptr;

    QString mProjectPath;
    QPointer<PlanTask> mPlanTask;
};

} // namespace gf::app
