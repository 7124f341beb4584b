#pragma once
// Uncapacitated and multi-source capacitated facility location as a MILP for CBC: binary
// open y_i, fractional assignment x_ij in [0, 1], sum_i x_ij = 1, the strong x_ij <= y_i rows
// and, when capacities are given, sum_j d_j x_ij <= Q_i y_i. Used by the benchmark as the peer.
#include "engine/solvers/location_problem.h"
#include "milp/milp_model.h"

#include <vector>

namespace gf {

class FacilityLocationMilp
{
  public:
    //! \a capacity empty = uncapacitated (then \a demand is not used). Costs are for a client's
    //! whole demand, times its weight; clients nothing can serve are left out.
    FacilityLocationMilp( const LocationProblem &problem, const std::vector<double> &fixedCost,
                          const std::vector<double> &capacity, const std::vector<double> &demand );

    const MilpModel &model() const { return mModel; }

  private:
    MilpModel mModel;
};

} // namespace gf
