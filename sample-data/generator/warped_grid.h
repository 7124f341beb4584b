#pragma once
#include "district.h"

#include <vector>

namespace gf::sample {

class SampleRandom;

/**
 * \brief A square grid of superblocks whose nodes are jittered, so arterials meet at
 * slightly irregular angles and the district outline is not a perfect square.
 *
 * Inside superblock (i, j) a point is addressed by (u, v) in [0, 1]², mapped bilinearly.
 * Lines of constant u or v are straight, and a shared superblock edge maps identically
 * from both sides, which keeps neighbouring parcels and roads vertex-exact.
 */
class WarpedGrid
{
  public:
    WarpedGrid( int cells, double cellSizeM, SampleRandom &random );

    int cells() const { return mCells; }
    double cellSizeM() const { return mCellSizeM; }

    //! Grid node (i, j), 0 <= i, j <= cells().
    Point2 node( int i, int j ) const;

    //! Point (u, v) of superblock (i, j).
    Point2 map( int i, int j, double u, double v ) const;

  private:
    int mCells = 0;
    double mCellSizeM = 0.0;
    std::vector<Point2> mNodes;
};

} // namespace gf::sample
