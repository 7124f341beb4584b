#pragma once
// The vertex p-center as a MILP for CBC: binary open y_i, fractional assignment x_ij with
// sum_i x_ij = 1 and x_ij <= y_i, sum y = p, and the radius r >= sum_i c_ij x_ij per client,
// minimised. For CBC in exact mode (location_exact.h) and as the benchmark's peer.
#include "engine/solvers/location_problem.h"
#include "milp/milp_model.h"

#include <cstdint>

namespace gf {

class PCenterMilp
{
  public:
    //! Clients with zero weight or that nothing can serve are left out, as solvePCenter does.
    PCenterMilp( const LocationProblem &problem, std::uint32_t p );

    const MilpModel &model() const { return mModel; }

  private:
    MilpModel mModel;
};

} // namespace gf
