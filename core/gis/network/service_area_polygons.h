#pragma once
// Service areas as polygons: the streets reached within each threshold, buffered by a trim
// distance and dissolved with GEOS, small holes filled. Each polygon contains the one of the
// smaller threshold, so the bands nest on the map.
#include "engine/graph/service_area.h"
#include "gis/common/gis_error.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsgeometry.h>

#include <QString>
#include <vector>

namespace gf::gis {

struct ServiceAreaPolygonOptions
{
  double trimDistanceM = 100.0;       //!< buffer around the reached streets; must be positive
  double maxFilledHoleAreaM2 = 10000.0; //!< holes smaller than this are filled; 0 keeps every hole
  int segmentsPerQuarter = 8;         //!< buffer arc resolution
};

struct ServiceAreaPolygon
{
  gf::Cost threshold = 0;
  QgsGeometry polygon;                //!< multipolygon; null when nothing was reached
  double reachableLengthM = 0.0;      //!< network length reached, each street once
};

class ServiceAreaPolygons
{
  public:
    //! One polygon per band of \a area, in the same order.
    static std::vector<ServiceAreaPolygon> build( const gf::ServiceArea &area,
                                                  const ServiceAreaPolygonOptions &options = ServiceAreaPolygonOptions() );

    //! Writes the polygon layer `service_areas` (threshold_m, area_m2, reachable_length_m) to a
    //! new GeoPackage at \a path, atomically. Thresholds are distances in decimetres.
    static GisError write( const QString &path, const QgsCoordinateReferenceSystem &crs,
                           const std::vector<ServiceAreaPolygon> &polygons );
};

} // namespace gf::gis
