#pragma once
// Origin–destination costs between snapped points, dense and row-major (OSRM's table shape).
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph.h"

#include <vector>

namespace gf {

class OdMatrix
{
  public:
    OdMatrix() = default;
    OdMatrix( std::size_t rows, std::size_t cols, Cost fill = kUnreachable )
      : mRows( rows ), mCols( cols ), mCosts( rows * cols, fill ) {}

    std::size_t rows() const { return mRows; }
    std::size_t cols() const { return mCols; }
    Cost at( std::size_t row, std::size_t col ) const { return mCosts[row * mCols + col]; }
    Cost &at( std::size_t row, std::size_t col ) { return mCosts[row * mCols + col]; }
    bool isReachable( std::size_t row, std::size_t col ) const { return at( row, col ) < kUnreachable; }
    const std::vector<Cost> &data() const { return mCosts; }

  private:
    std::size_t mRows = 0;
    std::size_t mCols = 0;
    std::vector<Cost> mCosts;
};

//! How the one-to-all searches run. Both give identical costs.
enum class OdAlgorithm
{
  Auto,      //!< PHAST when enough origins share the graph and there is no cutoff, else Dijkstra
  Dijkstra,  //!< plain Dijkstra per origin: no preprocessing, best for few origins or small cutoffs
  Phast,     //!< contraction hierarchy built once (or reused), then one linear sweep per 16 origins
};

struct OdOptions
{
  unsigned threads = 0;               //!< 0 = hardware concurrency
  Cost cutoff = kUnreachable;         //!< pairs costlier than this are reported unreachable
  double accessCostPerMetre = 10.0;   //!< cost units per metre of access leg (10 = decimetres)
  OdAlgorithm algorithm = OdAlgorithm::Auto;
};

//! Network cost from every origin to every destination, including access legs at both
//! ends and travel along the partial edges. Unreachable pairs hold kUnreachable.
Result<OdMatrix> computeOdMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                  const std::vector<SnappedPoint> &origins,
                                  const std::vector<SnappedPoint> &destinations,
                                  const OdOptions &options, ProgressSink &progress );

//! Network cost between graph nodes (no access legs): the shape of graph benchmarks and of
//! callers whose points already are nodes. accessCostPerMetre is unused.
Result<OdMatrix> computeNodeOdMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                      const std::vector<NodeId> &origins,
                                      const std::vector<NodeId> &destinations,
                                      const OdOptions &options, ProgressSink &progress );

//! PHAST batches keep the last contraction hierarchy they built, with exact copies of the
//! edges and weights it stands for, and reuse it while both are unchanged (a plan asks several
//! tables of one network). This forgets it: to time a cold build, or to free its memory.
void clearOdHierarchyCache();

} // namespace gf
