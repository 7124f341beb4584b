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
    //! Over model.location, or over the stored pairs of model.sparse: one x_ij per stored pair,
    //! each with its own x_ij <= y_j. When the sparse matrix allows unstored pairs (k nearest),
    //! one continuous column h_i per client that may be served beyond its stored pairs, at
    //! weight * beyondCost[i], using no capacity and opening nothing (BEAMR, as PMedianMilp): a
    //! relaxation of the full problem, so its optimum is a lower bound for it, and a solution
    //! without h_i is a plan of the full problem at its real cost.
    explicit SingleSourceMilp( const SingleSourceModel &model );

    const MilpModel &model() const { return mModel; }

    //! Every x_ij column, client-major.
    const std::vector<AssignmentColumn> &assignmentColumns() const { return mAssignmentColumns; }

    //! Open candidates, ascending, of a solution \a values of the model of \a model.
    static std::vector<std::uint32_t> decodeOpen( const SingleSourceModel &model, const std::vector<double> &values );

  private:
    MilpModel mModel;
    std::vector<AssignmentColumn> mAssignmentColumns;
};

} // namespace gf
