#pragma once
// Where the planner gets its OD matrix: computed directly, or from a cache kept by the
// caller (gf_gis stores matrices in the project GeoPackage).
#include "engine/od/od_matrix.h"

namespace gf {

class OdProvider
{
  public:
    virtual ~OdProvider() = default;
    virtual Result<OdMatrix> odMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                       const std::vector<SnappedPoint> &origins,
                                       const std::vector<SnappedPoint> &destinations,
                                       const OdOptions &options, ProgressSink &progress ) = 0;
};

//! Computes every matrix with computeOdMatrix.
class DirectOdProvider final : public OdProvider
{
  public:
    Result<OdMatrix> odMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                               const std::vector<SnappedPoint> &origins,
                               const std::vector<SnappedPoint> &destinations,
                               const OdOptions &options, ProgressSink &progress ) override
    {
      return computeOdMatrix( graph, weights, origins, destinations, options, progress );
    }
};

} // namespace gf
