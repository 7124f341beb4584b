#pragma once
// Service areas of one site on a scenario's road network, shared by `greenfreight-cli
// isochrone` and the Processing algorithm greenfreight:serviceareas: graph, snapping,
// vehicle weights with the truck zones at a time of day, and the reached network per band.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/graph/edge_snapper.h"
#include "engine/graph/service_area.h"
#include "engine/graph/vehicle_profile.h"
#include "engine/scenario/scenario.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace gf::gis {

struct SiteServiceAreaRequest
{
  gf::PointXY site;                   //!< in the scenario CRS
  std::vector<gf::Cost> thresholds;   //!< network distances in decimetres, see distanceThresholds()
  gf::VehicleKind vehicle = gf::VehicleKind::LightNevVan;
  int minuteOfDay = 12 * 60;          //!< for the truck time windows of restricted zones
};

struct SiteServiceArea
{
  //! Empty when no road lies within the scenario's snapMaxDistanceM; area is then empty too.
  std::optional<gf::SnappedPoint> site;
  bool siteRoadClosed = false;        //!< the road nearest to the site is closed to the vehicle then
  gf::ServiceArea area;
};

//! Builds the road graph of \a scenario and computes the service area of the request's site.
gf::Result<SiteServiceArea> computeSiteServiceArea( const gf::Scenario &scenario, const SiteServiceAreaRequest &request,
                                                    gf::ProgressSink &progress );

//! Largest distance in metres a threshold may have.
double maxThresholdM();

//! Metres → ascending, unique thresholds in decimetres; nothing if one is negative, not finite
//! or above maxThresholdM().
std::optional<std::vector<gf::Cost>> distanceThresholds( const std::vector<double> &metres );

//! As above, from metres separated by commas, e.g. "500,1000,2000".
std::optional<std::vector<gf::Cost>> distanceThresholds( const QString &metres );

//! Vehicle ids accepted for service areas, in display order: truck, nev_van, e_tricycle.
QStringList serviceAreaVehicleIds();

//! The vehicle of an id of serviceAreaVehicleIds() (case-insensitive).
std::optional<gf::VehicleKind> serviceAreaVehicleFromId( const QString &id );

} // namespace gf::gis
