#include "engine/solvers/location_site_rules.h"

#include <algorithm>
#include <string>

namespace gf {

Result<LocationSiteRules> checkLocationProblem( const LocationProblem &problem )
{
  if ( problem.clientCount == 0 )
    return makeError( ErrorCode::NoDemand );
  if ( problem.candidateCount == 0 )
    return makeError( ErrorCode::NoCandidates );
  if ( problem.cost.size() != static_cast<std::size_t>( problem.clientCount ) * problem.candidateCount )
    return makeError( ErrorCode::InvalidArgument, "cost" );
  if ( !problem.clientWeight.empty() && problem.clientWeight.size() != problem.clientCount )
    return makeError( ErrorCode::InvalidArgument, "clientWeight" );
  for ( double weight : problem.clientWeight )
  {
    if ( !( weight >= 0.0 ) || weight >= kForbiddenAssignment )
      return makeError( ErrorCode::InvalidArgument, "clientWeight" );
  }
  for ( double cost : problem.cost )
  {
    if ( cost < 0.0 )
      return makeError( ErrorCode::InvalidArgument, "cost" );
  }

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

} // namespace gf
