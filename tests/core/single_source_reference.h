#pragma once
// Brute-force reference for the single-source models (SSCFLP, capacitated p-median): every
// assignment of clients to candidates is enumerated, and the open set is the candidates used
// plus the required ones, topped up with the cheapest unused candidates to a minimum count.
#include "engine/solvers/location_problem.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/sscflp_solver.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace gf {

struct SingleSourceReferenceData
{
  const LocationProblem *problem = nullptr;
  std::vector<double> fixedCost;
  std::vector<double> capacity;
  std::vector<double> demand;
  std::uint32_t minOpen = 0;      //!< 0 = none
  std::uint32_t maxOpen = 0;      //!< 0 = none
};

//! Optimum, or infinity when no assignment fits the capacities and the count limits.
inline double enumerateSingleSource( const SingleSourceReferenceData &data )
{
  const LocationProblem &problem = *data.problem;
  const std::uint32_t n = problem.clientCount;
  const std::uint32_t m = problem.candidateCount;
  std::vector<char> banned( m, 0 );
  std::vector<char> required( m, 0 );
  for ( std::uint32_t j : problem.banned )
    banned[j] = 1;
  for ( std::uint32_t j : problem.required )
    required[j] = 1;
  double best = std::numeric_limits<double>::infinity();
  std::vector<std::uint32_t> assign( n, 0 );
  std::vector<double> load( m, 0.0 );
  // Depth-first over clients; capacities are checked as clients are placed.
  auto place = [&]( auto &&self, std::uint32_t client, double cost ) -> void {
    if ( client == n )
    {
      std::vector<char> open( required );
      for ( std::uint32_t i = 0; i < n; ++i )
        open[assign[i]] = 1;
      double total = cost;
      std::uint32_t count = 0;
      std::vector<double> unusedFixed;
      for ( std::uint32_t j = 0; j < m; ++j )
      {
        if ( open[j] )
        {
          ++count;
          total += data.fixedCost[j];
        }
        else if ( !banned[j] )
          unusedFixed.push_back( data.fixedCost[j] );
      }
      if ( data.maxOpen > 0 && count > data.maxOpen )
        return;
      std::sort( unusedFixed.begin(), unusedFixed.end() );
      for ( std::size_t k = 0; count < data.minOpen; ++k, ++count )
      {
        if ( k >= unusedFixed.size() )
          return;
        total += unusedFixed[k];
      }
      best = std::min( best, total );
      return;
    }
    for ( std::uint32_t j = 0; j < m; ++j )
    {
      const double c = problem.costAt( client, j );
      if ( banned[j] || c >= kForbiddenAssignment || load[j] + data.demand[client] > data.capacity[j] )
        continue;
      assign[client] = j;
      load[j] += data.demand[client];
      self( self, client + 1, cost + problem.weightOf( client ) * c );
      load[j] -= data.demand[client];
    }
  };
  place( place, 0, 0.0 );
  return best;
}

//! Whether \a solution is a feasible single-source solution of \a data priced at its objective.
inline bool isFeasibleSingleSource( const SingleSourceReferenceData &data, const LocationSolution &solution )
{
  const LocationProblem &problem = *data.problem;
  std::vector<double> load( problem.candidateCount, 0.0 );
  double objective = 0.0;
  for ( std::uint32_t j : solution.open )
    objective += data.fixedCost[j];
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    const std::uint32_t j = solution.assignment[i];
    if ( j >= problem.candidateCount || !std::binary_search( solution.open.begin(), solution.open.end(), j )
         || problem.costAt( i, j ) >= kForbiddenAssignment )
      return false;
    load[j] += data.demand[i];
    objective += problem.weightOf( i ) * problem.costAt( i, j );
  }
  for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
  {
    if ( load[j] > data.capacity[j] + 1e-9 )
      return false;
  }
  for ( std::uint32_t j : problem.required )
  {
    if ( !std::binary_search( solution.open.begin(), solution.open.end(), j ) )
      return false;
  }
  for ( std::uint32_t j : problem.banned )
  {
    if ( std::binary_search( solution.open.begin(), solution.open.end(), j ) )
      return false;
  }
  const std::uint32_t count = static_cast<std::uint32_t>( solution.open.size() );
  return std::fabs( objective - solution.objective ) <= 1e-6 * std::max( 1.0, objective ) && count >= data.minOpen
         && ( data.maxOpen == 0 || count <= data.maxOpen );
}

//! A random SSCFLP instance: integral costs (an eighth of the pairs forbidden), demands 1–5,
//! capacities 3–14, fixed costs 0–79; with \a weighted also client weights 1–3.
inline SscflpProblem randomSscflpProblem( RandomSource &random, std::uint32_t n, std::uint32_t m, bool weighted )
{
  SscflpProblem problem;
  LocationProblem &location = problem.location;
  location.clientCount = n;
  location.candidateCount = m;
  location.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : location.cost )
    cost = random.below( 8 ) == 0 ? kForbiddenAssignment : static_cast<double>( random.below( 60 ) );
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    problem.demand.push_back( 1.0 + random.below( 5 ) );
    if ( weighted )
      location.clientWeight.push_back( 1.0 + random.below( 3 ) );
  }
  for ( std::uint32_t j = 0; j < m; ++j )
  {
    problem.capacity.push_back( static_cast<double>( 3 + random.below( 12 ) ) );
    problem.fixedCost.push_back( static_cast<double>( random.below( 80 ) ) );
  }
  return problem;
}

} // namespace gf
