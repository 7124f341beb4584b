#pragma once
// The p-median as a MILP (strong formulation: x_ij <= y_j), for CBC in exact mode
// (location_exact.h) and as the benchmark's peer.
#include "engine/solvers/location_problem.h"
#include "milp/milp_model.h"

#include <cstdint>

namespace gf {

class PMedianMilp
{
  public:
    //! Columns for open candidates (binary) and allowed client-candidate pairs (continuous).
    PMedianMilp( const LocationProblem &problem, std::uint32_t p );

    const MilpModel &model() const { return mModel; }

  private:
    MilpModel mModel;
};

} // namespace gf
