#include "engine/solvers/location_site_rules.h"

#include <algorithm>
#include <string>

namespace gf {

namespace {

//! The checks and flags both matrix shapes share; \a P is LocationProblem or SparseLocationProblem.
template<typename P>
Error checkShape( const P &problem )
{
  if ( problem.clientCount == 0 )
    return makeError( ErrorCode::NoDemand );
  if ( problem.candidateCount == 0 )
    return makeError( ErrorCode::NoCandidates );
  if ( !problem.clientWeight.empty() && problem.clientWeight.size() != problem.clientCount )
    return makeError( ErrorCode::InvalidArgument, "clientWeight" );
  for ( double weight : problem.clientWeight )
  {
    if ( !( weight >= 0.0 ) || weight >= kForbiddenAssignment )
      return makeError( ErrorCode::InvalidArgument, "clientWeight" );
  }
  return Error{};
}

template<typename P>
Result<LocationSiteRules> siteRulesOf( const P &problem )
{
  LocationSiteRules rules;
  rules.eligible.assign( problem.candidateCount, 1 );
  rules.fixedOpen.assign( problem.candidateCount, 0 );
  for ( std::uint32_t candidate : problem.banned )
  {
    if ( candidate >= problem.candidateCount )
      return makeError( ErrorCode::InvalidArgument, "banned" );
    rules.eligible[candidate] = 0;
  }
  for ( std::uint32_t candidate : problem.required )
  {
    if ( candidate >= problem.candidateCount || !rules.eligible[candidate] )
      return makeError( ErrorCode::InvalidArgument, "required" );
    rules.fixedOpen[candidate] = 1;
  }
  for ( std::uint32_t candidate = 0; candidate < problem.candidateCount; ++candidate )
  {
    if ( rules.fixedOpen[candidate] )
      rules.required.push_back( candidate );
    rules.eligibleCount += rules.eligible[candidate] ? 1 : 0;
  }
  return rules;
}

template<typename Problem>
Result<LocationSiteRules> checkWithCount( const Problem &problem, std::uint32_t p )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem );
  if ( !rules )
    return rules;
  if ( Error count = checkFacilityCount( *rules, p ); count.code != ErrorCode::Ok )
    return count;
  return rules;
}

} // namespace

Result<LocationSiteRules> checkLocationProblem( const LocationProblem &problem )
{
  if ( Error shape = checkShape( problem ); shape.code != ErrorCode::Ok )
    return shape;
  if ( problem.cost.size() != static_cast<std::size_t>( problem.clientCount ) * problem.candidateCount )
    return makeError( ErrorCode::InvalidArgument, "cost" );
  for ( double cost : problem.cost )
  {
    if ( cost < 0.0 )
      return makeError( ErrorCode::InvalidArgument, "cost" );
  }
  return siteRulesOf( problem );
}

Result<LocationSiteRules> checkLocationProblem( const SparseLocationProblem &problem )
{
  if ( Error shape = checkShape( problem ); shape.code != ErrorCode::Ok )
    return shape;
  const std::vector<std::size_t> &rowStart = problem.rowStart;
  if ( rowStart.size() != static_cast<std::size_t>( problem.clientCount ) + 1 || rowStart.front() != 0
       || rowStart.back() != problem.entries.size() || !std::is_sorted( rowStart.begin(), rowStart.end() ) )
    return makeError( ErrorCode::InvalidArgument, "rowStart" );
  // A candidate stored twice in a row would be counted twice by the searches.
  std::vector<std::uint32_t> seenIn( problem.candidateCount, UINT32_MAX );
  for ( std::uint32_t client = 0; client < problem.clientCount; ++client )
  {
    for ( const SparseCostEntry *it = problem.begin( client ); it != problem.end( client ); ++it )
    {
      if ( it->candidate >= problem.candidateCount || seenIn[it->candidate] == client || it->cost < 0.0 )
        return makeError( ErrorCode::InvalidArgument, "entries" );
      seenIn[it->candidate] = client;
    }
  }
  if ( !problem.beyondCost.empty()
       && ( problem.beyondCost.size() != problem.clientCount
            || std::any_of( problem.beyondCost.begin(), problem.beyondCost.end(), []( double cost ) { return !( cost >= 0.0 ); } ) ) )
    return makeError( ErrorCode::InvalidArgument, "beyondCost" );
  return siteRulesOf( problem );
}

Error checkFacilityCount( const LocationSiteRules &rules, std::uint32_t p )
{
  if ( p == 0 )
    return makeError( ErrorCode::InvalidArgument, "p" );
  if ( p < rules.required.size() )
    return makeError( ErrorCode::InvalidArgument, "required" );
  if ( p > rules.eligibleCount )
    return makeError( ErrorCode::TooManyFacilities, std::to_string( p ) );
  return Error{};
}

Result<LocationSiteRules> checkPSiteProblem( const LocationProblem &problem, std::uint32_t p )
{
  return checkWithCount( problem, p );
}

Result<LocationSiteRules> checkPSiteProblem( const SparseLocationProblem &problem, std::uint32_t p )
{
  return checkWithCount( problem, p );
}

Error checkCapacitatedData( std::uint32_t clientCount, std::uint32_t candidateCount, const LocationSiteRules &rules,
                            const std::vector<double> *fixedCost,
                            const std::vector<double> &capacity, const std::vector<double> &demand )
{
  auto valid = []( const std::vector<double> &values, std::uint32_t size ) {
    return values.size() == size
           && std::all_of( values.begin(), values.end(), []( double v ) { return v >= 0.0 && v < kForbiddenAssignment; } );
  };
  if ( fixedCost && !valid( *fixedCost, candidateCount ) )
    return makeError( ErrorCode::InvalidArgument, "fixedCost" );
  if ( !valid( capacity, candidateCount ) )
    return makeError( ErrorCode::InvalidArgument, "capacity" );
  if ( !valid( demand, clientCount ) )
    return makeError( ErrorCode::InvalidArgument, "demand" );
  double totalDemand = 0.0;
  double totalCapacity = 0.0;
  for ( double value : demand )
    totalDemand += value;
  for ( std::uint32_t candidate = 0; candidate < candidateCount; ++candidate )
    totalCapacity += rules.eligible[candidate] ? capacity[candidate] : 0.0;
  if ( !( totalDemand > 0.0 ) )
    return makeError( ErrorCode::NoDemand );
  if ( totalCapacity < totalDemand )
    return makeError( ErrorCode::CapacityBelowDemand );
  return Error{};
}

} // namespace gf
