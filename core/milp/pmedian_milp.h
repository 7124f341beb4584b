#pragma once
// The p-median as a MILP (strong formulation: x_ij <= y_j), for CBC in exact mode
// (location_exact.h) and as the benchmark's peer, over a dense or a sparse cost matrix.
#include "engine/solvers/location_problem.h"
#include "engine/solvers/sparse_location_problem.h"
#include "milp/location_milp_columns.h"
#include "milp/milp_model.h"

#include <cstdint>
#include <vector>

namespace gf {

class PMedianMilp
{
  public:
    //! Columns for open candidates (binary) and allowed client-candidate pairs (continuous).
    PMedianMilp( const LocationProblem &problem, std::uint32_t p );

    //! Sparse form: x_ij only for the stored pairs, each with its own x_ij <= y_j (the rows
    //! spopt #419 left out, letting clients use closed sites). When the problem allows
    //! unstored pairs, one column h_i per client with an allowed beyondCost, at weight *
    //! beyondCost[i], stands for all of them (BEAMR, Church 2008): the optimum is then a lower
    //! bound on the full problem, equal to it when no h_i is used. Clients with neither stored
    //! pairs nor h_i are left out.
    PMedianMilp( const SparseLocationProblem &problem, std::uint32_t p );

    const MilpModel &model() const { return mModel; }

    //! Every x_ij column, client-major.
    const std::vector<AssignmentColumn> &assignmentColumns() const { return mAssignmentColumns; }

    //! Open candidates, ascending, of a solution \a values of the sparse model of \a problem.
    static std::vector<std::uint32_t> decodeOpen( const SparseLocationProblem &problem, const std::vector<double> &values );

  private:
    MilpModel mModel;
    std::vector<AssignmentColumn> mAssignmentColumns;

    //! Column x_ij with its row x_ij <= y_j (recorded in mAssignmentColumns); returns the column.
    std::uint32_t addPair( const LocationMilpColumns &open, std::uint32_t client, std::uint32_t candidate, double objective );

    //! sum x_ij = 1 over one client's \a columns, unless it has none.
    void addServeRow( const std::vector<std::uint32_t> &columns );
};

} // namespace gf
