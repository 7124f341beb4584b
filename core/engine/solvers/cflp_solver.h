#pragma once
// Multi-source capacitated facility location: open candidates with fixed costs and
// capacities; every client's demand may be split over open candidates. For a fixed open set
// the assignment is a transportation problem, solved exactly. Exact search: Lagrangian
// relaxation of the demand constraints (continuous-knapsack candidate subproblems, open set
// covering the total demand with a given number of candidates) by subgradient optimisation,
// one branch-and-bound tree per number of open candidates with reduced-cost fixing, and the
// relaxed open sets priced as incumbents. Stopped early, it returns the best plan with the
// least bound of the unexplored nodes. Over a dense or a sparse matrix: the search and the
// transportation problems only ever visit the allowed pairs.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <vector>

namespace gf {

//! Costs are per client and candidate for serving the client's whole demand (times its
//! weight); a fraction of the demand costs that fraction.
struct CflpProblem
{
  LocationProblem location;
  std::vector<double> fixedCost;          //!< per candidate, >= 0
  std::vector<double> capacity;           //!< per candidate, >= 0
  std::vector<double> demand;             //!< per client, >= 0
};

//! The same over the stored pairs of a sparse matrix (see SparseLocationProblem).
struct SparseCflpProblem
{
  SparseLocationProblem location;
  std::vector<double> fixedCost;          //!< per candidate, >= 0
  std::vector<double> capacity;           //!< per candidate, >= 0
  std::vector<double> demand;             //!< per client, >= 0
};

struct CflpOptions
{
  std::uint32_t minFacilities = 0;        //!< 0 = no minimum
  std::uint32_t maxFacilities = 0;        //!< 0 = no maximum
  //! Open set to start from (its number within the limits); empty = the uncapacitated
  //! optimum with capacity added, which may miss a tight maximum (then no plan is found).
  std::vector<std::uint32_t> start;
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
};

//! One client's fraction of demand served by one candidate.
struct CflpShare
{
  std::uint32_t client = 0;
  std::uint32_t candidate = 0;
  double fraction = 0.0;
};

struct CflpSolution
{
  LocationSolution location;              //!< open, objective, bound; assignment = largest share
  std::vector<double> share;              //!< dense problems: clients × candidates, client-major: fraction of demand served
  std::vector<CflpShare> shares;          //!< the positive fractions, by client then candidate (dense and sparse)
};

//! CapacityBelowDemand when the eligible candidates cannot hold the total demand (or a
//! client's demand cannot reach enough capacity), InvalidArgument for malformed vectors.
Result<CflpSolution> solveCflp( const CflpProblem &problem, const CflpOptions &options, ProgressSink &progress );

//! The same over the stored pairs, never densified (share stays empty: see shares).
//! Without beyondCost (a cutoff) the unstored pairs are forbidden: the answer of the dense
//! problem with those entries forbidden, transportation over the stored arcs only.
//! With beyondCost (k-nearest) the unstored pairs are allowed but their costs unknown, and with
//! capacities a client may need one for feasibility or for a cheaper plan, so the handling is
//! conservative: the plan over the stored arcs is a plan of the full problem at its exact cost,
//! and its lowerBound is only each client's cheapest possible pair (weight × the least of its
//! stored costs and beyondCost), which holds for the full problem; provenOptimal only when that
//! meets the plan. When the stored arcs cannot route the demand but some client's unstored pairs
//! might: CoverageUndecidable (subject: that client).
Result<CflpSolution> solveCflp( const SparseCflpProblem &problem, const CflpOptions &options, ProgressSink &progress );

} // namespace gf
