#pragma once
// Validation shared by every location model: shape of the cost matrix, weights, and the
// required/banned candidate lists turned into per-candidate flags.
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <vector>

namespace gf {

struct LocationSiteRules
{
  std::vector<char> eligible;              //!< per candidate: not banned
  std::vector<char> fixedOpen;             //!< per candidate: required
  std::vector<std::uint32_t> required;     //!< ascending, without duplicates
  std::uint32_t eligibleCount = 0;
};

//! InvalidArgument (subject: the offending field), NoDemand or NoCandidates, else the flags.
Result<LocationSiteRules> checkLocationProblem( const LocationProblem &problem );
Result<LocationSiteRules> checkLocationProblem( const SparseLocationProblem &problem );

//! Models that open exactly p sites: InvalidArgument when p is 0 or below the required sites,
//! TooManyFacilities (subject: p) when p exceeds the sites that may open; Ok otherwise.
Error checkFacilityCount( const LocationSiteRules &rules, std::uint32_t p );

//! checkLocationProblem, then checkFacilityCount for \a p.
Result<LocationSiteRules> checkPSiteProblem( const LocationProblem &problem, std::uint32_t p );
Result<LocationSiteRules> checkPSiteProblem( const SparseLocationProblem &problem, std::uint32_t p );

//! Capacitated models: \a fixedCost (unless null), \a capacity and \a demand sized to the
//! \a clientCount × \a candidateCount problem (dense or sparse), finite and >= 0.
//! InvalidArgument (subject: the field), NoDemand when no client
//! has positive demand, CapacityBelowDemand when the eligible capacity is short of it.
Error checkCapacitatedData( std::uint32_t clientCount, std::uint32_t candidateCount, const LocationSiteRules &rules,
                            const std::vector<double> *fixedCost,
                            const std::vector<double> &capacity, const std::vector<double> &demand );

} // namespace gf
