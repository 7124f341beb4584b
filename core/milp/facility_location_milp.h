#pragma once
// Uncapacitated and multi-source capacitated facility location as a MILP for CBC: binary
// open y_i, fractional assignment x_ij in [0, 1], sum_i x_ij = 1, the strong x_ij <= y_i rows
// and, when capacities are given, sum_j d_j x_ij <= Q_i y_i. For CBC in exact mode
// (location_exact.h) and as the benchmark's peer.
#include "engine/solvers/location_problem.h"
#include "milp/location_milp_columns.h"
#include "milp/milp_model.h"

#include <vector>

namespace gf {

class FacilityLocationMilp
{
  public:
    //! \a capacity empty = uncapacitated (then \a demand is not used). Costs are for a client's
    //! whole demand, times its weight; clients nothing can serve are left out.
    //! \a minOpen / \a maxOpen (0 = none) limit the number of open candidates.
    FacilityLocationMilp( const LocationProblem &problem, const std::vector<double> &fixedCost,
                          const std::vector<double> &capacity, const std::vector<double> &demand,
                          std::uint32_t minOpen = 0, std::uint32_t maxOpen = 0 );

    const MilpModel &model() const { return mModel; }

    //! Every x_ij column, client-major.
    const std::vector<AssignmentColumn> &assignmentColumns() const { return mAssignmentColumns; }

  private:
    MilpModel mModel;
    std::vector<AssignmentColumn> mAssignmentColumns;
};

} // namespace gf
