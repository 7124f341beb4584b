#pragma once
// A uniform grid over axis-aligned boxes: the items whose box comes within a distance of a
// point, without testing every item. The spatial index under the polygon and segment grids.
#include "engine/landuse/polygon_geometry.h"

#include <cstdint>
#include <vector>

namespace gf {

class BoxGrid
{
  public:
    BoxGrid() = default;

    //! A cell size of 0 chooses one from the extent and the item count (about one item per
    //! cell); the grid never exceeds about four million cells. Empty boxes are never found.
    explicit BoxGrid( std::vector<BoundingBox> boxes, double cellSizeM = 0.0 );

    std::size_t size() const { return mBoxes.size(); }
    const BoundingBox &box( std::uint32_t item ) const { return mBoxes[item]; }

    //! Items whose box intersects the square of half size \a radius around \a point, ascending.
    std::vector<std::uint32_t> candidates( const PointXY &point, double radius ) const;

  private:
    std::size_t cellIndex( std::int64_t column, std::int64_t row ) const { return static_cast<std::size_t>( row * mColumns + column ); }
    //! Column/row range of the cells a box overlaps, clamped to the grid; false when outside.
    bool cellRange( const BoundingBox &box, std::int64_t &c0, std::int64_t &c1, std::int64_t &r0, std::int64_t &r1 ) const;

    std::vector<BoundingBox> mBoxes;
    double mOriginX = 0.0, mOriginY = 0.0, mCellSize = 1.0;
    std::int64_t mColumns = 0, mRows = 0;
    std::vector<std::uint32_t> mCellStart;  //!< CSR: items of cell c are mCellItems[mCellStart[c], mCellStart[c+1])
    std::vector<std::uint32_t> mCellItems;
};

} // namespace gf
