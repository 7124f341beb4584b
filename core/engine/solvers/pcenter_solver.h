#pragma once
// Vertex p-center: open p candidates minimising the largest cost from a client to its nearest
// open candidate. Exact by search over the sorted distinct costs: radius r is feasible when p
// candidates cover every client within r, decided by the p-median machinery on 0/1 costs
// (0 = within r): objective 0 proves a cover, a Lagrangian bound of 1 proves there is none.
// Just below the best radius, an undecided check falls back to a bounded exact cover search.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"

#include <cstdint>

namespace gf {

struct PCenterOptions
{
  std::uint32_t p = 1;
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;
};

//! objective is the radius over the clients with positive weight that some allowed candidate
//! serves (the others are unassigned); lowerBound is a proven bound on the optimal radius.
//! Infeasible when p candidates cannot serve every servable client.
Result<LocationSolution> solvePCenter( const LocationProblem &problem, const PCenterOptions &options,
                                       ProgressSink &progress );

} // namespace gf
