#pragma once
// The printed siting report for leadership meetings: an overview map of the district with the
// planned facilities, the KPIs against the programme targets and fact sheets of every site,
// rendered from a plan GeoPackage to PDF through a QGIS print layout.
#include "gis/common/gis_error.h"
#include "gis/report/report_layout_builder.h"
#include "gis/report/report_translator.h"

#include <QDate>
#include <QString>

namespace gf::gis {

struct ReportOptions
{
  QString title;                  //!< empty: "<district> green freight … siting plan report", translated
  QString districtName;           //!< e.g. "张店区"; used in the default title
  ReportLanguage language = ReportLanguage::Chinese;
  ReportPaper paper = ReportPaper::A4;
  QDate date;                     //!< printed on the title page; invalid: today
  QString catalogueDirectory;     //!< folder of greenfreight_zh_CN.qm; empty: see ReportTranslator
};

class PlanReport
{
  public:
    /**
     * Writes the report of the plan \a planGpkgPath to \a pdfPath. Base layers `roads` and
     * `boundary` come from \a projectPath when it has them (empty: none). The plan must hold
     * `stations` and `kpi`; `centres`, `charging_piles`, `loading_bays` and `compliance` are
     * shown when present. The PDF is replaced atomically: on any error an existing file at
     * \a pdfPath is left untouched. Call from the thread that owns the QgsApplication.
     */
    static GisError write( const QString &planGpkgPath, const QString &projectPath, const QString &pdfPath,
                           const ReportOptions &options = ReportOptions() );
};

} // namespace gf::gis
