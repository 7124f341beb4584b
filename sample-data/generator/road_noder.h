#pragma once
#include "district.h"

#include <vector>

namespace gf::sample {

/**
 * \brief Turns drawn road polylines into segments that meet only at shared vertices.
 *
 * Vertices closer than the tolerance are merged, an end that touches another road gets a
 * vertex inserted there, crossings get a common vertex in both roads, and every road is then
 * split at each vertex it shares with another road. A graph builder that nodes at shared
 * vertices therefore sees every junction.
 */
class RoadNoder
{
  public:
    explicit RoadNoder( double toleranceM );

    std::vector<Road> node( const std::vector<Road> &roads ) const;

  private:
    double mToleranceM = 0.0;
};

} // namespace gf::sample
