#pragma once
// Maximal covering location (MCLP): open p candidates covering the most client weight, a
// client being covered when an open candidate serves it within the radius, over a dense or
// a sparse matrix (both turned into the same coverage sets first). Clients with the
// same set of covering candidates are merged into one weighted client first, clients a
// required site covers are set aside, and MaximalCoverSearch (dominated candidates dropped,
// swap search, Lagrangian bound, branch and bound) picks the other sites with a proof or,
// at the time limit, an upper bound on the coverable weight.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/pmedian_solver.h"  // kUnassigned
#include "engine/solvers/sparse_location_problem.h"

#include <cstddef>
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

//! Per client the eligible candidates within the radius, ascending, with their costs, in CSR
//! form: what both covering models work on, built once from a dense or a sparse matrix.
struct CoverageSets
{
  std::uint32_t candidateCount = 0;
  std::vector<std::size_t> rowStart{ 0 };  //!< clientCount + 1 offsets into candidates
  std::vector<std::uint32_t> candidates;
  std::vector<double> costs;               //!< aligned with candidates
  std::vector<double> weight;              //!< per client
  double totalWeight = 0.0;

  std::uint32_t clientCount() const { return static_cast<std::uint32_t>( rowStart.size() - 1 ); }
  const std::uint32_t *begin( std::uint32_t client ) const { return candidates.data() + rowStart[client]; }
  const std::uint32_t *end( std::uint32_t client ) const { return candidates.data() + rowStart[client + 1]; }
  std::vector<std::uint32_t> row( std::uint32_t client ) const { return std::vector<std::uint32_t>( begin( client ), end( client ) ); }
};

//! Coverage sets of \a problem over the candidates marked in \a eligible.
CoverageSets coverageSetsOf( const LocationProblem &problem, const std::vector<char> &eligible, double radius );

//! Coverage sets of the stored pairs of \a problem. CoverageUndecidable (subject: the client)
//! when an unstored eligible pair may lie within the radius (beyondCost <= radius): the sparse
//! matrix cannot tell whether it covers.
Result<CoverageSets> coverageSetsOf( const SparseLocationProblem &problem, const std::vector<char> &eligible, double radius );

//! The covering solution of the \a open candidates: per client its nearest open candidate
//! within the radius, the covered, backup and total weight (bounds left at zero).
CoverageSolution coverageOf( const CoverageSets &sets, const std::vector<std::uint32_t> &open );
CoverageSolution coverageOf( const LocationProblem &problem, const std::vector<std::uint32_t> &open, double radius );

//! TooManyFacilities when p exceeds the eligible candidates, InvalidArgument for p = 0, a
//! negative radius or too many required candidates.
Result<CoverageSolution> solveMclp( const LocationProblem &problem, const MclpOptions &options, ProgressSink &progress );
//! As above over the stored pairs; CoverageUndecidable as for coverageSetsOf.
Result<CoverageSolution> solveMclp( const SparseLocationProblem &problem, const MclpOptions &options, ProgressSink &progress );
//! The model over ready coverage sets (\a rules: the candidates' flags, radius already applied).
Result<CoverageSolution> solveMclp( const CoverageSets &sets, const LocationSiteRules &rules, const MclpOptions &options,
                                    ProgressSink &progress );

} // namespace gf
