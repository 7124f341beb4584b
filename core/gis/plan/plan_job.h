#pragma once
// The main job shared by the GUI task, the CLI and the Processing algorithms:
// read project → plan → write plan GeoPackage (→ PDF report, from the thread owning QGIS).
#include "engine/common/progress_sink.h"
#include "engine/programme/programme_plan.h"
#include "gis/common/gis_error.h"
#include "gis/io/project_reader.h"
#include "gis/report/plan_report.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gf::gis {

//! An analyst's decision on one existing outlet, made on the map after a plan: it overrides
//! the outlet's `status` in the project for the next plan.
struct SiteDecision
{
  enum class Kind
  {
    Candidate,  //!< back to a free choice
    Locked,     //!< must open
    Banned,     //!< must stay closed
  };
  qint64 outletFeatureId = -1;
  Kind kind = Kind::Candidate;
};

struct PlanJobRequest
{
  QString projectPath;
  QString outputPath;                 //!< plan GeoPackage to write
  QString reportPath;                 //!< PDF siting report to write; empty = none
  QString odCachePath;                //!< GeoPackage keeping OD matrices; empty = no cache
  QString landUseTablePath;           //!< suitability CSV; empty = the table shipped in resources/
  ProjectReadOptions readOptions;
  ReportOptions reportOptions;        //!< language, district and catalogues of the PDF report
  gf::PlanParameters parameters;
  std::vector<SiteDecision> siteDecisions;  //!< applied in order after reading the project
};

struct PlanJobResult
{
  GisError error;                     //!< code Ok on success
  gf::Scenario scenario;
  gf::ProgrammePlan plan;
  QString outputPath;
  QString reportPath;                 //!< set when the report was written
  QStringList warnings;               //!< translated notes from reading the project
  int odMatrices = 0;                 //!< OD matrices the plan needed (counted with a cache only)
  int odCacheHits = 0;                //!< of those, reused from the cache
};

PlanJobResult runPlanJob( const PlanJobRequest &request, gf::ProgressSink &progress );

} // namespace gf::gis
