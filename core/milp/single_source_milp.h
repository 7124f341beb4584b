#pragma once
// The single-source capacitated models (SSCFLP, capacitated p-median) as a MILP for CBC:
// binary open y_i and assignment x_ij, sum_i x_ij = 1, sum_j d_j x_ij <= Q_i y_i, the strong
// x_ij <= y_i rows, and the facility count limits. For CBC in exact mode
// (location_exact.h) and as the benchmark's peer.
#include "engine/solvers/single_source_search.h"
#include "milp/location_milp_columns.h"
#include "milp/milp_model.h"

namespace gf {

class SingleSourceMilp
{
  public:
    explicit SingleSourceMilp( const SingleSourceModel &model );

    const MilpModel &model() const { return mModel; }

    //! Every x_ij column, client-major.
    const std::vector<AssignmentColumn> &assignmentColumns() const { return mAssignmentColumns; }

  private:
    MilpModel mModel;
    std::vector<AssignmentColumn> mAssignmentColumns;
};

} // namespace gf
