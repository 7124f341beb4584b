#pragma once
// Writes a plan GeoPackage atomically: everything goes to a temporary file in the target
// folder, which replaces the target only when complete.
#include "engine/planning/station_plan.h"
#include "engine/scenario/scenario.h"
#include "gis/common/gis_error.h"

#include <QString>

namespace gf::gis {

class PlanWriter
{
  public:
    //! Layers stations, demand_assignment, allocation_lines; tables kpi, network_report.
    static GisError write( const QString &path, const gf::Scenario &scenario, const gf::StationPlan &plan );
};

} // namespace gf::gis
