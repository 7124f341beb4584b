#pragma once
// Location set covering (LSCP): the fewest candidates covering every client within the
// radius, or at least a given share of the client weight. Covering everything first reduces
// the rows (a client with one candidate forces it; a client whose candidates include all of
// another's is dropped; a candidate whose clients another covers too is dropped), then takes
// the Lagrangian bound and heuristic cover of the rows left (Beasley 1990), and asks
// MaximalCoverSearch whether one site fewer than the last cover covers every client (its
// coverage as the target) until that is proven impossible or the cover meets the bound
// (the Lagrangian one, or the count of clients pairwise sharing no candidate). A share below 1 searches the site count
// with the MCLP solver: a count is enough when its cover reaches the target, and proven too
// small when the MCLP bound stays below it.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/mclp_solver.h"

#include <cstdint>

namespace gf {

struct LscpOptions
{
  double radius = 0.0;                    //!< covered when cost <= radius
  double share = 1.0;                     //!< fraction of the total client weight to cover, (0, 1]
  double timeLimitS = 60.0;
};

//! NothingCoverable when the target cannot be reached with every candidate open (with share 1:
//! a client with weight that no candidate covers; subject: that client), InvalidArgument for
//! a negative radius or a share outside (0, 1].
Result<CoverageSolution> solveLscp( const LocationProblem &problem, const LscpOptions &options, ProgressSink &progress );
//! As above over the stored pairs; CoverageUndecidable (subject: the client) when an unstored
//! pair may lie within the radius.
Result<CoverageSolution> solveLscp( const SparseLocationProblem &problem, const LscpOptions &options, ProgressSink &progress );

} // namespace gf
