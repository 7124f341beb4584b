#pragma once
// Vertex p-center: open p candidates minimising the largest cost from a client to its nearest
// open candidate. Exact by binary search over the sorted distinct costs up to the farthest-first
// radius: radius r is feasible when p candidates cover every client within r. Each radius is
// decided by greedy cover, then by turns of an exact cover search over a small core of clients
// (a core without a cover proves there is none; a core cover missing clients grows the core)
// and a weighted swap local search (Pullan 2008) that finds the tight covers.
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
