#pragma once
// Sparse OD results: per origin only the destinations within a cost cutoff and/or the k
// nearest, sorted by cost (then destination index). The shape for 10^5 × 10^4 problems whose
// dense matrix would not fit, and for "nearest stations" queries.
#include "engine/od/od_matrix.h"

#include <cstdint>
#include <vector>

namespace gf {

struct OdEntry
{
  std::uint32_t destination = 0;  //!< index into the destinations given
  Cost cost = kUnreachable;

  bool operator==( const OdEntry &other ) const { return destination == other.destination && cost == other.cost; }
};

class SparseOdMatrix
{
  public:
    SparseOdMatrix() = default;
    //! Rows given as lists; each must already be sorted.
    explicit SparseOdMatrix( std::size_t cols, const std::vector<std::vector<OdEntry>> &rows );

    std::size_t rows() const { return mFirst.empty() ? 0 : mFirst.size() - 1; }
    std::size_t cols() const { return mCols; }
    std::size_t entryCount() const { return mEntries.size(); }
    const OdEntry *begin( std::size_t row ) const { return mEntries.data() + mFirst[row]; }
    const OdEntry *end( std::size_t row ) const { return mEntries.data() + mFirst[row + 1]; }
    std::size_t size( std::size_t row ) const { return mFirst[row + 1] - mFirst[row]; }

  private:
    std::size_t mCols = 0;
    std::vector<std::size_t> mFirst;  //!< CSR offsets, rows + 1
    std::vector<OdEntry> mEntries;
};

struct SparseOdOptions
{
  unsigned threads = 0;               //!< 0 = hardware concurrency
  Cost cutoff = kUnreachable;         //!< keep pairs with cost <= cutoff
  std::size_t nearestCount = 0;       //!< keep at most this many per origin, 0 = no limit
  double accessCostPerMetre = 10.0;
  OdAlgorithm algorithm = OdAlgorithm::Auto;
};

//! Like computeOdMatrix, keeping per origin only the reachable pairs within the cutoff and,
//! when nearestCount > 0, the nearestCount cheapest of them (ties by destination index).
Result<SparseOdMatrix> computeSparseOdMatrix( const RoadGraph &graph, const EdgeWeights &weights,
                                              const std::vector<SnappedPoint> &origins,
                                              const std::vector<SnappedPoint> &destinations,
                                              const SparseOdOptions &options, ProgressSink &progress );

} // namespace gf
