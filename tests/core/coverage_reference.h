#pragma once
// Brute-force references shared by the covering-model tests.
#include "engine/solvers/location_problem.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/sparse_location_problem.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace gf {

//! Bans one random candidate in every fourth round and locks one open in every fifth
//! (when none is banned), so the enumeration also covers user-locked and excluded sites.
inline void addRandomSiteRules( RandomSource &random, int round, LocationProblem &problem )
{
  if ( round % 4 == 1 )
    problem.banned.push_back( random.below( problem.candidateCount ) );
  const std::uint32_t required = random.below( problem.candidateCount );
  if ( round % 5 == 2 && problem.banned.empty() )
    problem.required.push_back( required );
}

//! Open set \a mask honours the required and banned candidates.
inline bool isAllowedMask( const LocationProblem &problem, std::uint32_t mask )
{
  for ( std::uint32_t j : problem.banned )
  {
    if ( mask >> j & 1u )
      return false;
  }
  for ( std::uint32_t j : problem.required )
  {
    if ( !( mask >> j & 1u ) )
      return false;
  }
  return true;
}

//! Client weight within \a radius of a candidate in \a mask.
inline double coveredWeightOf( const LocationProblem &problem, std::uint32_t mask, double radius )
{
  double covered = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      const double cost = problem.costAt( i, j );
      if ( ( mask >> j & 1u ) && cost < kForbiddenAssignment && cost <= radius )
      {
        covered += problem.weightOf( i );
        break;
      }
    }
  }
  return covered;
}

//! Client weight within \a radius of at least two candidates in \a mask (backup coverage).
inline double backupWeightOf( const LocationProblem &problem, std::uint32_t mask, double radius )
{
  double twice = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    int within = 0;
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      const double cost = problem.costAt( i, j );
      within += ( mask >> j & 1u ) && cost < kForbiddenAssignment && cost <= radius ? 1 : 0;
    }
    twice += within >= 2 ? problem.weightOf( i ) : 0.0;
  }
  return twice;
}

//! Costs 0..99 (some forbidden), weights 0..4, so coverage sets repeat and some clients weigh nothing.
inline LocationProblem randomCoverageProblem( RandomSource &random, std::uint32_t n, std::uint32_t m )
{
  LocationProblem problem;
  problem.clientCount = n;
  problem.candidateCount = m;
  problem.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : problem.cost )
    cost = random.below( 10 ) == 0 ? kForbiddenAssignment : static_cast<double>( random.below( 100 ) );
  for ( std::uint32_t i = 0; i < n; ++i )
    problem.clientWeight.push_back( static_cast<double>( random.below( 5 ) ) );
  return problem;
}

//! The pairs of \a problem with a cost up to \a cutoff as a sparse problem (rows by cost, then
//! candidate; forbidden pairs left out). With \a keepBeyond the dropped pairs stay allowed at
//! a cost of at least the cheapest one dropped (infinite when none was).
inline SparseLocationProblem sparseOf( const LocationProblem &problem, double cutoff, bool keepBeyond )
{
  SparseLocationProblem sparse;
  sparse.clientCount = problem.clientCount;
  sparse.candidateCount = problem.candidateCount;
  sparse.clientWeight = problem.clientWeight;
  sparse.required = problem.required;
  sparse.banned = problem.banned;
  sparse.rowStart.push_back( 0 );
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    std::vector<SparseCostEntry> row;
    double beyond = INFINITY;
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      const double cost = problem.costAt( i, j );
      if ( cost <= cutoff && cost < kForbiddenAssignment )
        row.push_back( { j, cost } );
      else if ( cost < kForbiddenAssignment )
        beyond = std::min( beyond, cost );
    }
    std::stable_sort( row.begin(), row.end(), []( const SparseCostEntry &a, const SparseCostEntry &b ) { return a.cost < b.cost; } );
    sparse.entries.insert( sparse.entries.end(), row.begin(), row.end() );
    sparse.rowStart.push_back( sparse.entries.size() );
    if ( keepBeyond )
      sparse.beyondCost.push_back( beyond );
  }
  return sparse;
}

} // namespace gf
