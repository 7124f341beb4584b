#pragma once
// Weighted cost of every allowed client–candidate pair of a single-source model, looked up by
// the pair. Dense problems keep a clients × candidates table (one index per lookup: the
// search's hot path); sparse ones keep per client its allowed candidates sorted by index, found
// by binary search, so that memory stays proportional to the stored pairs.
#include "engine/solvers/candidate_ranking.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace gf {

class SingleSourceCostTable
{
  public:
    enum class Storage
    {
      Dense,
      Sparse
    };

    //! The pairs of \a ranking, each times its client's weight; every other pair costs infinity.
    SingleSourceCostTable( const CandidateRanking &ranking, Storage storage );

    double at( std::uint32_t client, std::uint32_t candidate ) const
    {
      if ( mStorage == Storage::Dense )
        return mCost[static_cast<std::size_t>( client ) * mCandidates + candidate];
      const std::uint32_t *first = mRowCandidates.data() + mRowStart[client];
      const std::uint32_t *last = mRowCandidates.data() + mRowStart[client + 1];
      const std::uint32_t *found = std::lower_bound( first, last, candidate );
      return found != last && *found == candidate ? mCost[static_cast<std::size_t>( found - mRowCandidates.data() )] : kNoCost;
    }

    static constexpr double kNoCost = std::numeric_limits<double>::infinity();

  private:
    Storage mStorage;
    std::uint32_t mCandidates = 0;
    std::vector<double> mCost;                  //!< dense: client-major table; sparse: aligned with mRowCandidates
    std::vector<std::size_t> mRowStart;         //!< sparse: CSR offsets, clients + 1
    std::vector<std::uint32_t> mRowCandidates;  //!< sparse: per client, ascending
};

} // namespace gf
