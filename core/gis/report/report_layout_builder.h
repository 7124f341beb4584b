#pragma once
// Lays out the pages of a printed report: a title page with an overview map and table
// sections that flow over as many pages as they need. Knows nothing of plans; PlanReport
// decides what goes in.
#include "gis/report/report_translator.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsrectangle.h>
#include <qgstablecell.h>
#include <qgstextformat.h>

#include <QList>
#include <QString>
#include <QStringList>

class QgsMapLayer;
class QgsPrintLayout;

namespace gf::gis {

enum class ReportPaper
{
  A4,
  A3,
};

//! One column of a report table: its heading and share of the table width (0 = automatic).
struct ReportColumn
{
  QString heading;
  double widthShare = 0.0;
  Qt::AlignmentFlag alignment = Qt::AlignLeft;
};

class ReportLayoutBuilder
{
  public:
    //! Font families used throughout: CJK fonts, which also carry Latin glyphs.
    static const QString kSansFamily;
    static const QString kSerifFamily;

    ReportLayoutBuilder( QgsPrintLayout &layout, const ReportTranslator &text, ReportPaper paper );

    /**
     * Page 1: \a title, \a subtitle (date line), an overview map of \a layers (top first)
     * zoomed to \a extent in \a crs, with legend, scale bar and north arrow.
     */
    void addMapPage( const QString &title, const QString &subtitle, const QList<QgsMapLayer *> &layers,
                     const QgsRectangle &extent, const QgsCoordinateReferenceSystem &crs );

    //! A section starting on a new page: \a heading, an optional \a note below it, then a table
    //! continued on further pages (header repeated) until all \a rows are shown.
    void addTableSection( const QString &heading, const QString &note, const QList<ReportColumn> &columns, const QgsTableContents &rows );

    //! Text format of the body text at \a sizePt (scaled with the paper size).
    QgsTextFormat textFormat( double sizePt, const QColor &color = QColor( 0, 0, 0 ) ) const;

    int pageCount() const;

  private:
    //! Appends a page and returns its index.
    int addPage();
    //! A label at \a y (mm from the page top) spanning the printable width; returns its height.
    double addLabel( int page, double y, const QString &text, const QFont &font, double heightMm );
    QFont font( const QString &family, double sizePt, bool bold = false ) const;

    QgsPrintLayout &mLayout;
    const ReportTranslator &mText;
    double mPageWidthMm;
    double mPageHeightMm;
    double mMarginMm;
    double mFontScale;     //!< 1 on A4, larger on A3 so that the report looks the same
};

} // namespace gf::gis
