#pragma once
// Reads a project GeoPackage (or any OGR source with the expected layers) through the QGIS
// providers into a gf::Scenario in the project's metric CRS.
#include "engine/scenario/scenario.h"
#include "gis/common/gis_error.h"
#include "gis/crs/china_offset_datum.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

namespace gf::gis {

struct ProjectData
{
  gf::Scenario scenario;
  QString crsAuthId;
  QStringList warnings;       //!< translated: values replaced by defaults, skipped features
};

struct ProjectReadOptions
{
  //! Datum of the geocoded point layers (demand, outlets, hubs); unset = as the project's
  //! gf_project.survey_datum says, WGS 84 / CGCS2000 when it says nothing.
  std::optional<OffsetDatum> surveyDatum;
};

class ProjectReader
{
  public:
    //! Layers roads, demand and outlets (candidates; optional `status` candidate/locked/banned);
    //! hubs, user_sites (points with `facility` centre/station/charging, optional `status` and
    //! `capacity`), parcels (land-use code in DLBM or YDYHFLDM), control_lines,
    //! restricted_zones and the table landuse_overrides (system, code, facility, suitability)
    //! are read when present.
    static std::variant<ProjectData, GisError> read( const QString &path, const ProjectReadOptions &options = ProjectReadOptions() );
};

} // namespace gf::gis
