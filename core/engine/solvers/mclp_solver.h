#pragma once
// Maximal covering location (MCLP): open p candidates covering the most client weight, a
// client being covered when an open candidate serves it within the radius. Clients with the
// same set of covering candidates are merged into one weighted client first, clients a
// required site covers are set aside, and MaximalCoverSearch (dominated candidates dropped,
// swap search, Lagrangian bound, branch and bound) picks the other sites with a proof or,
// at the time limit, an upper bound on the coverable weight.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"  // kUnassigned

#include <cstdint>
#include <vector>

namespace gf {

struct MclpOptions
{
  double radius = 0.0;                    //!< covered when cost <= radius
  std::uint32_t p = 1;
  double timeLimitS = 60.0;
  //! Secondary objective: among solutions covering the most weight, prefer the most weight
  //! covered twice (backup coverage). Heuristic tie-break: a swap descent from the maximal
  //! covering solution that accepts a swap only if it keeps the covered weight and raises the
  //! backup weight, so the primary objective and its proof are kept; the backup weight is a
  //! swap local optimum, not proven maximal.
  bool backupCoverage = false;
};

//! Result of the covering models (MCLP and LSCP).
struct CoverageSolution
{
  std::vector<std::uint32_t> open;         //!< ascending
  std::vector<std::uint32_t> coveringSite; //!< per client: nearest open candidate within the radius, or kUnassigned
  double coveredWeight = 0.0;
  double backupWeight = 0.0;               //!< weight covered by at least two open candidates
  double totalWeight = 0.0;
  double coveredWeightBound = 0.0;         //!< MCLP: proven upper bound on the coverable weight
  std::uint32_t siteCountBound = 0;        //!< LSCP: proven lower bound on the number of sites
  std::uint32_t mergedClients = 0;         //!< distinct coverage sets the search worked on
  bool provenOptimal = false;
  bool canceled = false;                   //!< the caller canceled: best found so far (a time limit only leaves it unproven)
};

//! Candidates covering \a client: marked in \a eligible, allowed and within \a radius, ascending.
std::vector<std::uint32_t> coveringCandidates( const LocationProblem &problem, const std::vector<char> &eligible,
                                               std::uint32_t client, double radius );

//! The covering solution of the \a open candidates: per client its nearest open candidate
//! within \a radius, the covered, backup and total weight (bounds left at zero).
CoverageSolution coverageOf( const LocationProblem &problem, const std::vector<std::uint32_t> &open, double radius );

//! TooManyFacilities when p exceeds the eligible candidates, InvalidArgument for p = 0, a
//! negative radius or too many required candidates.
Result<CoverageSolution> solveMclp( const LocationProblem &problem, const MclpOptions &options, ProgressSink &progress );

} // namespace gf
