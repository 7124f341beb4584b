#include "gui/edits/site_decision_markers.h"

#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsmapcanvas.h>
#include <qgsrubberband.h>
#include <qgsvectorlayer.h>

namespace gf::app {

namespace {

constexpr int kIconSize = 16;
constexpr int kLineWidth = 3;

QgsRubberBand *createBand( QgsMapCanvas *canvas, const QColor &color, QgsRubberBand::IconType icon )
{
  auto *band = new QgsRubberBand( canvas, QgsWkbTypes::PointGeometry );
  band->setColor( color );
  band->setIcon( icon );
  band->setIconSize( kIconSize );
  band->setWidth( kLineWidth );
  return band;
}

} // namespace

SiteDecisionMarkers::SiteDecisionMarkers( QgsMapCanvas *canvas, const SiteDecisions *decisions, QObject *parent )
  : QObject( parent )
  , mDecisions( decisions )
  , mLocked( createBand( canvas, QColor( 0x2e, 0x7d, 0x32 ), QgsRubberBand::ICON_BOX ) )
  , mBanned( createBand( canvas, QColor( 0xc6, 0x28, 0x28 ), QgsRubberBand::ICON_X ) )
{
  connect( mDecisions, &SiteDecisions::changed, this, &SiteDecisionMarkers::redraw );
}

void SiteDecisionMarkers::setOutletsLayer( QgsVectorLayer *layer )
{
  mOutlets = layer;
  redraw();
}

int SiteDecisionMarkers::markerCount( SiteDecisions::Kind kind ) const
{
  const QgsRubberBand *band = kind == SiteDecisions::Kind::Locked ? mLocked : kind == SiteDecisions::Kind::Banned ? mBanned : nullptr;
  return band ? band->numberOfVertices() : 0;
}

void SiteDecisionMarkers::redraw()
{
  mLocked->reset( QgsWkbTypes::PointGeometry );
  mBanned->reset( QgsWkbTypes::PointGeometry );
  if ( !mOutlets || mDecisions->isEmpty() )
    return;

  QgsFeatureIds ids;
  const QMap<qint64, SiteDecisions::Kind> &decisions = mDecisions->decisions();
  for ( auto it = decisions.cbegin(); it != decisions.cend(); ++it )
  {
    if ( it.value() != SiteDecisions::Kind::Candidate )
      ids.insert( it.key() );
  }
  QgsFeatureIterator features = mOutlets->getFeatures( QgsFeatureRequest().setFilterFids( ids ).setNoAttributes() );
  QgsFeature feature;
  while ( features.nextFeature( feature ) )
  {
    if ( !feature.hasGeometry() )
      continue;
    QgsRubberBand *band = mDecisions->decision( feature.id() ) == SiteDecisions::Kind::Locked ? mLocked : mBanned;
    band->addGeometry( feature.geometry(), mOutlets.data() );
  }
}

} // namespace gf::app
