#pragma once
// Nearest segment and segments within a distance of a point, through a grid over segment
// boxes: road access of sites, and demand points (as zero-length segments) near loading bays.
#include "engine/landuse/box_grid.h"
#include "engine/landuse/polygon_grid.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace gf {

struct SegmentHit
{
  std::uint32_t owner = kNoIndex;   //!< owner given with the segment (e.g. a road index)
  std::uint32_t segment = kNoIndex; //!< position of the segment in the grid
  double distanceM = 0.0;
  PointXY closest;                  //!< closest point of the segment
};

class SegmentGrid
{
  public:
    SegmentGrid() = default;

    //! Adds a segment; call build() after the last one. a == b makes a point.
    void add( const PointXY &a, const PointXY &b, std::uint32_t owner );
    //! Builds the index; \a cellSizeM as for BoxGrid (0 = automatic).
    void build( double cellSizeM = 0.0 );

    std::size_t size() const { return mA.size(); }

    /**
     * The nearest segment within \a maxDistanceM whose owner passes \a accept (all when empty),
     * or a hit with owner kNoIndex. Ties go to the lower segment position.
     */
    SegmentHit nearest( const PointXY &point, double maxDistanceM, const std::function<bool( std::uint32_t )> &accept = {} ) const;

    //! Every segment within \a maxDistanceM, by segment position.
    std::vector<SegmentHit> within( const PointXY &point, double maxDistanceM ) const;

  private:
    std::vector<PointXY> mA, mB;
    std::vector<std::uint32_t> mOwner;
    BoxGrid mGrid;
};

} // namespace gf
