#pragma once
// Multi-source capacitated facility location: open candidates with fixed costs and
// capacities; every client's demand may be split over open candidates. For a fixed open set
// the assignment is a transportation problem, solved exactly; add/drop/swap local search in
// a seeded perturbation loop chooses the open set. Lower bound: Lagrangian relaxation of the
// demand constraints, with continuous-knapsack facility subproblems and the relaxed
// "open capacity covers total demand" cut, by subgradient optimisation.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"

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

struct CflpOptions
{
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
  std::uint32_t maxIterations = 0;        //!< perturbation rounds; 0 = from the instance size
};

struct CflpSolution
{
  LocationSolution location;              //!< open, objective, bound; assignment = largest share
  std::vector<double> share;              //!< clients × candidates, client-major: fraction of demand served
};

//! CapacityBelowDemand when the eligible candidates cannot hold the total demand (or a
//! client's demand cannot reach enough capacity), InvalidArgument for malformed vectors.
Result<CflpSolution> solveCflp( const CflpProblem &problem, const CflpOptions &options, ProgressSink &progress );

} // namespace gf
