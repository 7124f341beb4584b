#pragma once
// Uncapacitated facility location: open any number of candidates (optionally between a
// minimum and a maximum), paying each one's fixed cost plus the weighted cost of serving
// every client from its nearest open candidate. Add/drop/swap local search in a seeded
// perturbation loop, with the Lagrangian bound of PMedianLagrangian; when that bound leaves a
// gap, the branch and bound of the capacitated solver (with no capacity binding) closes it.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"

#include <cstdint>
#include <vector>

namespace gf {

struct UflpProblem
{
  LocationProblem location;
  std::vector<double> fixedCost;          //!< per candidate, >= 0
};

struct UflpOptions
{
  std::uint32_t minFacilities = 0;        //!< 0 = no minimum (at least one candidate always opens)
  std::uint32_t maxFacilities = 0;        //!< 0 = no maximum
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
  std::uint32_t maxIterations = 0;        //!< perturbation rounds; 0 = from the instance size
  bool prove = true;                      //!< branch and bound until the bound meets the plan
};

//! objective includes the fixed costs of the open candidates. Clients no allowed candidate
//! serves stay unassigned. TooManyFacilities when minFacilities exceeds the eligible
//! candidates, InvalidArgument for inconsistent limits or fixed costs.
Result<LocationSolution> solveUflp( const UflpProblem &problem, const UflpOptions &options, ProgressSink &progress );

} // namespace gf
