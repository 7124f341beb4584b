#pragma once
// Which polygons (parcels, control lines, zones) contain a point or lie within a distance of
// it, through a grid over their bounding boxes.
#include "engine/landuse/box_grid.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace gf {

//! "No such index" for parcel, road and control-line references.
inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

struct PolygonHit
{
  std::uint32_t index = kNoIndex;     //!< position in the polygons given to the grid
  bool inside = false;
  double boundaryDistanceM = 0.0;     //!< distance from the point to the polygon's boundary
};

class PolygonGrid
{
  public:
    PolygonGrid() = default;

    //! The polygons must outlive the grid; see BoxGrid for the cell size.
    explicit PolygonGrid( std::vector<const Polygon *> polygons, double cellSizeM = 0.0 );

    std::size_t size() const { return mPolygons.size(); }

    //! Indices of the polygons containing \a point, ascending.
    std::vector<std::uint32_t> containing( const PointXY &point ) const;

    //! Polygons containing \a point or whose boundary is within \a maxDistanceM, ascending.
    std::vector<PolygonHit> near( const PointXY &point, double maxDistanceM ) const;

  private:
    std::vector<const Polygon *> mPolygons;
    BoxGrid mGrid;
};

} // namespace gf
