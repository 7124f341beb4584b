#include "gis/report/report_layout_builder.h"

#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutmeasurement.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutpoint.h>
#include <qgslayoutsize.h>
#include <qgslayouttablecolumn.h>
#include <qgslegendstyle.h>
#include <qgspathresolver.h>
#include <qgsprintlayout.h>
#include <qgssymbollayerutils.h>

#include <QFileInfo>

namespace gf::gis {

namespace {

constexpr double kA4WidthMm = 210.0;
constexpr double kCellMarginMm = 1.2;
constexpr double kGridStrokeMm = 0.3;

} // namespace

const QString ReportLayoutBuilder::kSansFamily = QStringLiteral( "Noto Sans CJK SC" );
const QString ReportLayoutBuilder::kSerifFamily = QStringLiteral( "Noto Serif CJK SC" );

ReportLayoutBuilder::ReportLayoutBuilder( QgsPrintLayout &layout, const ReportTranslator &text, ReportPaper paper )
  : mLayout( layout ), mText( text )
{
  // Portrait pages; A3 is A4 scaled by √2, so every position and font scales with it.
  mPageWidthMm = paper == ReportPaper::A3 ? 297.0 : kA4WidthMm;
  mPageHeightMm = paper == ReportPaper::A3 ? 420.0 : 297.0;
  mFontScale = mPageWidthMm / kA4WidthMm;
  mMarginMm = 15.0 * mFontScale;
}

int ReportLayoutBuilder::pageCount() const
{
  return mLayout.pageCollection()->pageCount();
}

int ReportLayoutBuilder::addPage()
{
  auto *page = new QgsLayoutItemPage( &mLayout );
  page->setPageSize( QgsLayoutSize( mPageWidthMm, mPageHeightMm ) );
  mLayout.pageCollection()->addPage( page );
  return pageCount() - 1;
}

QFont ReportLayoutBuilder::font( const QString &family, double sizePt, bool bold ) const
{
  QFont result( family );
  result.setPointSizeF( sizePt * mFontScale );
  result.setBold( bold );
  return result;
}

QgsTextFormat ReportLayoutBuilder::textFormat( double sizePt, const QColor &color ) const
{
  QgsTextFormat format;
  format.setFont( font( kSansFamily, sizePt ) );
  format.setSize( sizePt * mFontScale );
  format.setSizeUnit( QgsUnitTypes::RenderPoints );
  format.setColor( color );
  return format;
}

double ReportLayoutBuilder::addLabel( int page, double y, const QString &text, const QFont &labelFont, double heightMm )
{
  auto *label = new QgsLayoutItemLabel( &mLayout );
  label->setText( text );
  label->setFont( labelFont );
  label->setHAlign( Qt::AlignHCenter );
  label->setVAlign( Qt::AlignVCenter );
  mLayout.addLayoutItem( label );
  label->attemptResize( QgsLayoutSize( mPageWidthMm - 2 * mMarginMm, heightMm ) );
  label->attemptMove( QgsLayoutPoint( mMarginMm, y ), true, false, page );
  return heightMm;
}

void ReportLayoutBuilder::addMapPage( const QString &title, const QString &subtitle, const QList<QgsMapLayer *> &layers,
                                      const QgsRectangle &extent, const QgsCoordinateReferenceSystem &crs )
{
  const double s = mFontScale;
  const int page = addPage();
  double y = mMarginMm;
  y += addLabel( page, y, title, font( kSerifFamily, 20, true ), 14 * s );
  y += addLabel( page, y, subtitle, font( kSansFamily, 11 ), 8 * s ) + 4 * s;

  const double mapWidth = mPageWidthMm - 2 * mMarginMm;
  const double mapHeight = mPageHeightMm * 0.62;
  auto *map = new QgsLayoutItemMap( &mLayout );
  mLayout.addLayoutItem( map );
  map->attemptResize( QgsLayoutSize( mapWidth, mapHeight ) );
  map->attemptMove( QgsLayoutPoint( mMarginMm, y ), true, false, page );
  map->setFrameEnabled( true );
  map->setFrameStrokeWidth( QgsLayoutMeasurement( 0.3 ) );
  map->setCrs( crs );
  map->setLayers( layers );
  map->setKeepLayerSet( true );
  if ( !extent.isEmpty() )
    map->zoomToExtent( extent );

  // North arrow in the map's upper right corner, rotating with the map.
  const double arrowSize = 14 * s;
  const QString arrowPath = QgsSymbolLayerUtils::svgSymbolNameToPath( QStringLiteral( "arrows/NorthArrow_02.svg" ), QgsPathResolver() );
  if ( QFileInfo::exists( arrowPath ) )
  {
    auto *arrow = new QgsLayoutItemPicture( &mLayout );
    mLayout.addLayoutItem( arrow );
    arrow->setPicturePath( arrowPath, QgsLayoutItemPicture::FormatSVG );
    arrow->setLinkedMap( map );
    arrow->setNorthMode( QgsLayoutItemPicture::GridNorth );
    arrow->attemptResize( QgsLayoutSize( arrowSize, arrowSize ) );
    arrow->attemptMove( QgsLayoutPoint( mMarginMm + mapWidth - arrowSize - 3 * s, y + 3 * s ), true, false, page );
  }
  else
  {
    // Without the QGIS SVG library a text arrow still tells the reader where north is.
    auto *arrow = new QgsLayoutItemLabel( &mLayout );
    arrow->setText( mText.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "N\n↑" ) ) );
    arrow->setFont( font( kSansFamily, 14, true ) );
    arrow->setHAlign( Qt::AlignHCenter );
    mLayout.addLayoutItem( arrow );
    arrow->attemptResize( QgsLayoutSize( arrowSize, arrowSize ) );
    arrow->attemptMove( QgsLayoutPoint( mMarginMm + mapWidth - arrowSize - 3 * s, y + 3 * s ), true, false, page );
  }
  y += mapHeight + 5 * s;

  auto *scaleBar = new QgsLayoutItemScaleBar( &mLayout );
  scaleBar->setStyle( QStringLiteral( "Single Box" ) );
  mLayout.addLayoutItem( scaleBar );
  scaleBar->setLinkedMap( map );
  scaleBar->applyDefaultSize( QgsUnitTypes::DistanceKilometers );
  scaleBar->setNumberOfSegmentsLeft( 0 );
  scaleBar->setUnitLabel( mText.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "km" ) ) );
  scaleBar->setTextFormat( textFormat( 9 ) );
  scaleBar->update();
  scaleBar->setReferencePoint( QgsLayoutItem::UpperRight );
  scaleBar->attemptMove( QgsLayoutPoint( mMarginMm + mapWidth, y ), true, false, page );

  auto *legend = new QgsLayoutItemLegend( &mLayout );
  mLayout.addLayoutItem( legend );
  legend->setTitle( mText.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Legend" ) ) );
  legend->setLinkedMap( map );
  legend->setColumnCount( 2 );
  legend->setSplitLayer( true );
  legend->setStyleFont( QgsLegendStyle::Title, font( kSansFamily, 12, true ) );
  legend->setStyleFont( QgsLegendStyle::Group, font( kSansFamily, 10, true ) );
  legend->setStyleFont( QgsLegendStyle::Subgroup, font( kSansFamily, 10, true ) );
  legend->setStyleFont( QgsLegendStyle::SymbolLabel, font( kSansFamily, 9 ) );
  legend->setResizeToContents( true );
  legend->attemptMove( QgsLayoutPoint( mMarginMm, y ), true, false, page );
  legend->adjustBoxSize();
}

void ReportLayoutBuilder::addTableSection( const QString &heading, const QString &note, const QList<ReportColumn> &columns, const QgsTableContents &rows )
{
  const double s = mFontScale;
  const int page = addPage();
  double y = mMarginMm;
  y += addLabel( page, y, heading, font( kSansFamily, 15, true ), 10 * s ) + 2 * s;
  if ( !note.isEmpty() )
    y += addLabel( page, y, note, font( kSansFamily, 9 ), 6 * s ) + 2 * s;

  const double frameWidth = mPageWidthMm - 2 * mMarginMm;
  const double contentWidth = frameWidth - columns.size() * 2 * kCellMarginMm - ( columns.size() + 1 ) * kGridStrokeMm;
  QgsLayoutTableColumns headers;
  QList<double> widths;
  for ( const ReportColumn &column : columns )
  {
    QgsLayoutTableColumn header( column.heading );
    header.setHAlignment( column.alignment );
    headers << header;
    widths << column.widthShare * contentWidth;
  }
  QgsTableContents cells = rows;
  for ( QgsTableRow &row : cells )
  {
    for ( int c = 0; c < row.size() && c < columns.size(); ++c )
      row[c].setHorizontalAlignment( columns.at( c ).alignment );
  }

  auto *table = new QgsLayoutItemManualTable( &mLayout );
  mLayout.addMultiFrame( table );
  table->setIncludeTableHeader( true );
  table->setHeaders( headers );
  table->setColumnWidths( widths );
  table->setHeaderMode( QgsLayoutTable::AllFrames );
  table->setWrapBehavior( QgsLayoutTable::WrapText );
  table->setCellMargin( kCellMarginMm );
  table->setGridStrokeWidth( kGridStrokeMm );
  table->setGridColor( QColor( 120, 120, 120 ) );
  QgsTextFormat headerFormat = textFormat( 10 );
  QFont headerFont = headerFormat.font();
  headerFont.setBold( true );
  headerFormat.setFont( headerFont );
  table->setHeaderTextFormat( headerFormat );
  table->setContentTextFormat( textFormat( 9.5 ) );
  table->setTableContents( cells );

  auto *frame = new QgsLayoutFrame( &mLayout, table );
  frame->attemptResize( QgsLayoutSize( frameWidth, mPageHeightMm - mMarginMm - y ) );
  frame->attemptMove( QgsLayoutPoint( mMarginMm, y ), true, false, page );
  table->addFrame( frame );
  // Creates the continuation pages now, before the next section appends its own page.
  table->setResizeMode( QgsLayoutMultiFrame::RepeatUntilFinished );
  table->recalculateFrameSizes();
}

} // namespace gf::gis
