#pragma once
// Reads a project GeoPackage (or any OGR source with the expected layers) through the QGIS
// providers into a gf::Scenario in the project's metric CRS.
#include "engine/scenario/scenario.h"
#include "gis/common/gis_error.h"

#include <QString>
#include <QStringList>
#include <variant>

namespace gf::gis {

struct ProjectData
{
  gf::Scenario scenario;
  QString crsAuthId;
  QStringList warnings;       //!< translated: values replaced by defaults, skipped features
};

class ProjectReader
{
  public:
    //! Layers roads, demand, outlets (candidates) and hubs; parcels, boundary are optional.
    static std::variant<ProjectData, GisError> read( const QString &path );
};

} // namespace gf::gis
