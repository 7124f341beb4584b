#pragma once
// Writes a programme plan GeoPackage atomically: everything goes to a temporary file in the
// target folder, which replaces the target only when complete.
#include "engine/programme/programme_plan.h"
#include "engine/scenario/scenario.h"
#include "gis/common/gis_error.h"

#include <QString>

namespace gf::gis {

class PlanWriter
{
  public:
    /**
     * Layers centres, stations, charging_piles, loading_bays, flows, demand_assignment,
     * allocation_lines and candidates (every type, rejected ones with the reason); tables
     * kpi, compliance, landuse_conflicts, station_curve (empty without a curve), parameters
     * and network_report.
     */
    static GisError write( const QString &path, const gf::Scenario &scenario, const gf::ProgrammePlan &plan );
};

} // namespace gf::gis
