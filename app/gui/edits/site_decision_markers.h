#pragma once
// Draws the pending site decisions over the map: a green box on each locked outlet, a red
// cross on each banned one. Canvas items rather than a layer, so that the decisions never
// enter the project, the layer tree or an export: they only exist until the next plan reads them.
#include "gui/edits/site_decisions.h"

#include <QObject>
#include <QPointer>

class QgsMapCanvas;
class QgsRubberBand;
class QgsVectorLayer;

namespace gf::app {

class SiteDecisionMarkers : public QObject
{
    Q_OBJECT

  public:
    //! The markers are items of \a canvas, which owns and deletes them.
    SiteDecisionMarkers( QgsMapCanvas *canvas, const SiteDecisions *decisions, QObject *parent = nullptr );

    //! The layer whose feature ids the decisions refer to; nullptr hides every marker.
    void setOutletsLayer( QgsVectorLayer *layer );

    //! Number of outlets marked with \a kind (free outlets are not marked).
    int markerCount( SiteDecisions::Kind kind ) const;

  private:
    void redraw();

    const SiteDecisions *mDecisions = nullptr;
    QPointer<QgsVectorLayer> mOutlets;
    QgsRubberBand *mLocked = nullptr;
    QgsRubberBand *mBanned = nullptr;
};

} // namespace gf::app
