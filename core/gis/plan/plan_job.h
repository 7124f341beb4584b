#pragma once
// The main job shared by the GUI task, the CLI and the Processing algorithms:
// read project → plan → write plan GeoPackage.
#include "engine/common/progress_sink.h"
#include "engine/planning/station_plan.h"
#include "gis/common/gis_error.h"

#include <QString>
#include <QStringList>

namespace gf::gis {

struct PlanJobRequest
{
  QString projectPath;
  QString outputPath;                 //!< plan GeoPackage to write
  QString odCachePath;                //!< GeoPackage keeping OD matrices; empty = no cache
  gf::PlanParameters parameters;
};

struct PlanJobResult
{
  GisError error;                     //!< code Ok on success
  gf::Scenario scenario;
  gf::StationPlan plan;
  QString outputPath;
  QStringList warnings;               //!< translated notes from reading the project
  bool odCacheHit = false;            //!< the OD matrix came from the cache
};

PlanJobResult runPlanJob( const PlanJobRequest &request, gf::ProgressSink &progress );

} // namespace gf::gis
