// Multi-source capacitated facility location against exhaustive enumeration: every open set,
// each priced by a unit-by-unit min-cost flow with Bellman-Ford (exact for integral demands).
#include "engine/solvers/cflp_solver.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/transportation_solver.h"

#include "coverage_reference.h"

#include <QtTest>

#include <algorithm>
#include <functional>
#include <limits>

using namespace gf;

namespace {

constexpr double kNoRoute = std::numeric_limits<double>::infinity();

//! Least cost of routing every unit of integral demand to the open candidates of \a mask.
double unitFlowCost( const CflpProblem &problem, std::uint32_t mask )
{
  const LocationProblem &location = problem.location;
  const std::uint32_t n = location.clientCount;
  const std::uint32_t m = location.candidateCount;
  std::vector<int> flow( static_cast<std::size_t>( n ) * m, 0 );
  std::vector<int> supply( n );
  std::vector<int> spare( m );
  for ( std::uint32_t i = 0; i < n; ++i )
    supply[i] = static_cast<int>( problem.demand[i] );
  for ( std::uint32_t j = 0; j < m; ++j )
    spare[j] = ( mask >> j & 1u ) ? static_cast<int>( problem.capacity[j] ) : 0;
  auto unit = [&]( std::uint32_t i, std::uint32_t j ) {
    const double cost = location.costAt( i, j );
    return ( mask >> j & 1u ) && cost < kForbiddenAssignment ? location.weightOf( i ) * cost / problem.demand[i] : kNoRoute;
  };
  double total = 0.0;
  // Nodes: clients 0..n-1, candidates n..n+m-1. One unit per round along a cheapest path.
  while ( std::any_of( supply.begin(), supply.end(), []( int s ) { return s > 0; } ) )
  {
    std::vector<double> distance( n + m, kNoRoute );
    std::vector<int> pred( n + m, -1 );
    for ( std::uint32_t i = 0; i < n; ++i )
      distance[i] = supply[i] > 0 ? 0.0 : kNoRoute;
    for ( std::uint32_t round = 0; round < n + m; ++round )
    {
      for ( std::uint32_t i = 0; i < n; ++i )
      {
        for ( std::uint32_t j = 0; j < m; ++j )
        {
          if ( distance[i] + unit( i, j ) < distance[n + j] - 1e-12 )
          {
            distance[n + j] = distance[i] + unit( i, j );
            pred[n + j] = static_cast<int>( i );
          }
          if ( flow[i * m + j] > 0 && distance[n + j] - unit( i, j ) < distance[i] - 1e-12 )
          {
            distance[i] = distance[n + j] - unit( i, j );
            pred[i] = static_cast<int>( n + j );
          }
        }
      }
    }
    int target = -1;
    for ( std::uint32_t j = 0; j < m; ++j )
    {
      if ( spare[j] > 0 && distance[n + j] < kNoRoute && ( target < 0 || distance[n + j] < distance[target] ) )
        target = static_cast<int>( n + j );
    }
    if ( target < 0 )
      return kNoRoute;
    total += distance[target];
    --spare[target - n];
    int node = target;
    while ( pred[node] >= 0 )
    {
      const int from = pred[node];
      if ( node >= static_cast<int>( n ) )
        ++flow[from * m + ( node - n )];
      else
        --flow[node * m + ( from - n )];
      node = from;
    }
    --supply[node];
  }
  return total;
}

//! The least cost over the allowed open sets of \a minOpen to \a maxOpen candidates; \a worst
//! (when given) receives the costliest feasible one among them.
double enumerate( const CflpProblem &problem, std::uint32_t minOpen = 1, std::uint32_t maxOpen = 32,
                  std::uint32_t *worst = nullptr )
{
  const LocationProblem &location = problem.location;
  double best = kNoRoute;
  double worstCost = -1.0;
  for ( std::uint32_t mask = 1; mask < ( 1u << location.candidateCount ); ++mask )
  {
    const std::uint32_t count = static_cast<std::uint32_t>( __builtin_popcount( mask ) );
    if ( count < minOpen || count > maxOpen )
      continue;
    bool allowed = true;
    double fixed = 0.0;
    for ( std::uint32_t j = 0; j < location.candidateCount; ++j )
    {
      const bool open = mask >> j & 1u;
      const bool banned = std::find( location.banned.begin(), location.banned.end(), j ) != location.banned.end();
      const bool required = std::find( location.required.begin(), location.required.end(), j ) != location.required.end();
      allowed = allowed && !( open && banned ) && ( open || !required );
      fixed += open ? problem.fixedCost[j] : 0.0;
    }
    const double cost = allowed ? fixed + unitFlowCost( problem, mask ) : kNoRoute;
    best = std::min( best, cost );
    if ( worst && cost < kNoRoute && cost > worstCost )
    {
      worstCost = cost;
      *worst = mask;
    }
  }
  return best;
}

CflpProblem randomProblem( RandomSource &random, std::uint32_t n, std::uint32_t m )
{
  CflpProblem problem;
  LocationProblem &location = problem.location;
  location.clientCount = n;
  location.candidateCount = m;
  location.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : location.cost )
    cost = random.below( 8 ) == 0 ? kForbiddenAssignment : static_cast<double>( random.below( 60 ) );
  for ( std::uint32_t i = 0; i < n; ++i )
    problem.demand.push_back( 1.0 + random.below( 5 ) );
  for ( std::uint32_t j = 0; j < m; ++j )
  {
    problem.capacity.push_back( static_cast<double>( random.below( 14 ) ) );
    problem.fixedCost.push_back( static_cast<double>( random.below( 80 ) ) );
  }
  return problem;
}

//! The instances of the enumeration rounds: up to 7 clients and 6 candidates, equal capacities
//! every third round (they take the exact counting path of the relaxation, unequal ones the
//! knapsack), banned and required sites as in the coverage tests.
CflpProblem randomRuledProblem( RandomSource &random, int round )
{
  const std::uint32_t n = 2 + random.below( 6 );
  const std::uint32_t m = 2 + random.below( 5 );
  CflpProblem problem = randomProblem( random, n, m );
  if ( round % 3 == 0 )
    std::fill( problem.capacity.begin(), problem.capacity.end(), static_cast<double>( 4 + random.below( 10 ) ) );
  addRandomSiteRules( random, round, problem.location );
  return problem;
}

//! \a solution's shares (the sparse list) are complete per client with demand, only at open
//! candidates over pairs \a allowed permits, within capacity, and priced at its objective over
//! \a problem's costs.
void checkShares( const CflpProblem &problem, const CflpSolution &solution, const std::function<bool( std::uint32_t, std::uint32_t )> &allowed )
{
  const LocationSolution &location = solution.location;
  const LocationProblem &costs = problem.location;
  double objective = 0.0;
  for ( std::uint32_t j : location.open )
    objective += problem.fixedCost[j];
  std::vector<double> load( costs.candidateCount, 0.0 );
  std::vector<double> served( costs.clientCount, 0.0 );
  for ( const CflpShare &share : solution.shares )
  {
    QVERIFY( share.fraction > 0.0 );
    QVERIFY( std::binary_search( location.open.begin(), location.open.end(), share.candidate ) );
    QVERIFY( allowed( share.client, share.candidate ) );
    served[share.client] += share.fraction;
    load[share.candidate] += share.fraction * problem.demand[share.client];
    objective += share.fraction * costs.costAt( share.client, share.candidate );
  }
  for ( std::uint32_t i = 0; i < costs.clientCount; ++i )
    QVERIFY( std::fabs( served[i] - ( problem.demand[i] > 0.0 ? 1.0 : 0.0 ) ) < 1e-9 );
  for ( std::uint32_t j = 0; j < costs.candidateCount; ++j )
    QVERIFY( load[j] <= problem.capacity[j] + 1e-9 );
  QVERIFY( std::fabs( objective - location.objective ) < 1e-6 );
}

SparseCflpProblem sparseOf( const CflpProblem &problem, const SparseLocationProblem &location )
{
  return SparseCflpProblem{ location, problem.fixedCost, problem.capacity, problem.demand };
}

} // namespace

class TestCflpSolver : public QObject
{
    Q_OBJECT

  private slots:
    void transportationMatchesUnitFlow();
    void matchesEnumeration();
    void facilityLimitsMatchEnumeration();
    void timeLimitKeepsBestSoFar();
    void sameSeedSameAnswer();
    void errorCodes();
    void transportationOverArcs();
    void sparseCutoffMatchesForbiddenDense();
    void kNearestPlanAndBoundHold();
};

void TestCflpSolver::transportationMatchesUnitFlow()
{
  RandomSource random( 5 );
  int routed = 0;
  for ( int round = 0; round < 400; ++round )
  {
    const std::uint32_t n = 1 + random.below( 9 );
    const std::uint32_t m = 1 + random.below( 6 );
    const CflpProblem problem = randomProblem( random, n, m );
    std::vector<double> unitCost;
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      for ( std::uint32_t j = 0; j < m; ++j )
      {
        const double cost = problem.location.costAt( i, j );
        unitCost.push_back( cost < kForbiddenAssignment ? cost / problem.demand[i] : kForbiddenAssignment );
      }
    }
    const double reference = unitFlowCost( problem, ( 1u << m ) - 1 );
    TransportationSolver solver;
    const bool solved = solver.solve( problem.demand, problem.capacity, unitCost, kForbiddenAssignment );
    QCOMPARE( solved, reference != kNoRoute );
    if ( !solved )
      continue;
    ++routed;
    QVERIFY2( std::fabs( solver.cost() - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( solver.cost() ).arg( reference ) ) );
    // The flow: every client whole, only on allowed arcs, no facility over its capacity.
    std::vector<double> load( m, 0.0 );
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      double served = 0.0;
      for ( std::uint32_t j = 0; j < m; ++j )
      {
        const double flow = solver.flow()[i * m + j];
        QVERIFY( flow >= -1e-9 );
        QVERIFY( flow <= 1e-9 || unitCost[i * m + j] < kForbiddenAssignment );
        served += flow;
        load[j] += flow;
      }
      QVERIFY( std::fabs( served - problem.demand[i] ) < 1e-9 );
    }
    for ( std::uint32_t j = 0; j < m; ++j )
      QVERIFY( load[j] <= problem.capacity[j] + 1e-9 );
  }
  QVERIFY( routed > 100 );
}

void TestCflpSolver::matchesEnumeration()
{
  RandomSource random( 21 );
  int solved = 0;
  for ( int round = 0; round < 300; ++round )
  {
    CflpProblem problem = randomRuledProblem( random, round );
    const std::uint32_t n = problem.location.clientCount;
    const std::uint32_t m = problem.location.candidateCount;
    const double reference = enumerate( problem );
    SilentProgress progress;
    const Result<CflpSolution> result = solveCflp( problem, CflpOptions(), progress );
    if ( reference == kNoRoute )
    {
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, ErrorCode::CapacityBelowDemand );
      continue;
    }
    ++solved;
    QVERIFY( result.isOk() );
    const LocationSolution &location = result->location;
    QVERIFY2( std::fabs( location.objective - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( location.objective ).arg( reference ) ) );
    // The branch and bound finishes on these sizes: its bound proves the optimum.
    QVERIFY( location.provenOptimal );
    QVERIFY( location.lowerBound <= reference + 1e-6 );
    QVERIFY( location.lowerBound >= reference - 1e-6 );
    for ( std::uint32_t j : problem.location.required )
      QVERIFY( std::binary_search( location.open.begin(), location.open.end(), j ) );
    for ( std::uint32_t j : problem.location.banned )
      QVERIFY( !std::binary_search( location.open.begin(), location.open.end(), j ) );
    // Shares: complete per client, only at open allowed candidates, within capacity, and priced right.
    double objective = 0.0;
    for ( std::uint32_t j : location.open )
      objective += problem.fixedCost[j];
    std::vector<double> load( m, 0.0 );
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      double total = 0.0;
      for ( std::uint32_t j = 0; j < m; ++j )
      {
        const double share = result->share[i * m + j];
        QVERIFY( share >= -1e-12 );
        if ( share <= 1e-12 )
          continue;
        QVERIFY( std::binary_search( location.open.begin(), location.open.end(), j ) );
        QVERIFY( problem.location.costAt( i, j ) < kForbiddenAssignment );
        total += share;
        load[j] += share * problem.demand[i];
        objective += share * problem.location.costAt( i, j );
      }
      QVERIFY( std::fabs( total - 1.0 ) < 1e-9 );
    }
    for ( std::uint32_t j = 0; j < m; ++j )
      QVERIFY( load[j] <= problem.capacity[j] + 1e-9 );
    QVERIFY( std::fabs( objective - location.objective ) < 1e-6 );
  }
  QVERIFY( solved > 100 );
}

void TestCflpSolver::facilityLimitsMatchEnumeration()
{
  RandomSource random( 31 );
  int solved = 0;
  for ( int round = 0; round < 200; ++round )
  {
    const std::uint32_t n = 2 + random.below( 6 );
    const std::uint32_t m = 3 + random.below( 5 );
    CflpProblem problem = randomProblem( random, n, m );
    if ( round % 3 == 0 )
      std::fill( problem.capacity.begin(), problem.capacity.end(), static_cast<double>( 4 + random.below( 10 ) ) );
    CflpOptions options;
    options.minFacilities = 1 + random.below( m );
    // A maximum needs a start within it (the uncapacitated start may exceed it): the costliest
    // feasible set, so the search still has to find the optimum.
    const bool limited = round % 2 == 1;
    if ( limited )
      options.maxFacilities = options.minFacilities + random.below( m - options.minFacilities + 1 );
    const std::uint32_t maxOpen = limited ? options.maxFacilities : m;
    std::uint32_t worst = 0;
    const double reference = enumerate( problem, options.minFacilities, maxOpen, &worst );
    if ( reference == kNoRoute )
      continue;
    for ( std::uint32_t j = 0; j < m && limited; ++j )
    {
      if ( worst >> j & 1u )
        options.start.push_back( j );
    }
    SilentProgress progress;
    const Result<CflpSolution> result = solveCflp( problem, options, progress );
    QVERIFY( result.isOk() );
    ++solved;
    const LocationSolution &location = result->location;
    QVERIFY2( std::fabs( location.objective - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( location.objective ).arg( reference ) ) );
    QVERIFY( location.provenOptimal );
    QVERIFY( location.lowerBound <= reference + 1e-6 );
    QVERIFY( location.open.size() >= options.minFacilities && location.open.size() <= maxOpen );
  }
  QVERIFY( solved > 100 );
}

void TestCflpSolver::timeLimitKeepsBestSoFar()
{
  RandomSource random( 13 );
  CflpProblem problem = randomProblem( random, 60, 20 );
  std::fill( problem.capacity.begin(), problem.capacity.end(), 40.0 );
  CflpOptions options;
  options.timeLimitS = 0.0;
  SilentProgress progress;
  const Result<CflpSolution> stopped = solveCflp( problem, options, progress );
  const Result<CflpSolution> finished = solveCflp( problem, CflpOptions(), progress );
  QVERIFY( stopped.isOk() && finished.isOk() );
  QVERIFY( finished->location.provenOptimal );
  // Stopped at once: a feasible plan no better than the optimum, and an honest bound below it.
  QVERIFY( stopped->location.objective >= finished->location.objective - 1e-6 );
  QVERIFY( stopped->location.lowerBound <= finished->location.objective + 1e-6 );
  QVERIFY( !stopped->location.provenOptimal || std::fabs( stopped->location.objective - finished->location.objective ) < 1e-6 );
  std::vector<double> load( 20, 0.0 );
  for ( std::uint32_t i = 0; i < 60; ++i )
  {
    double total = 0.0;
    for ( std::uint32_t j = 0; j < 20; ++j )
    {
      total += stopped->share[i * 20 + j];
      load[j] += stopped->share[i * 20 + j] * problem.demand[i];
    }
    QVERIFY( std::fabs( total - 1.0 ) < 1e-9 );
  }
  for ( std::uint32_t j = 0; j < 20; ++j )
    QVERIFY( load[j] <= problem.capacity[j] + 1e-9 );
}

void TestCflpSolver::sameSeedSameAnswer()
{
  RandomSource random( 8 );
  CflpProblem problem = randomProblem( random, 40, 15 );
  std::fill( problem.capacity.begin(), problem.capacity.end(), 30.0 );
  SilentProgress progress;
  const Result<CflpSolution> first = solveCflp( problem, CflpOptions(), progress );
  const Result<CflpSolution> second = solveCflp( problem, CflpOptions(), progress );
  QVERIFY( first.isOk() && second.isOk() );
  QCOMPARE( first->location.open, second->location.open );
  QCOMPARE( first->location.objective, second->location.objective );
  QCOMPARE( first->share, second->share );
}

void TestCflpSolver::errorCodes()
{
  RandomSource random( 4 );
  CflpProblem problem = randomProblem( random, 4, 3 );
  SilentProgress progress;
  problem.demand = { 5, 5, 5, 5 };
  problem.capacity = { 6, 6, 7 };
  QCOMPARE( solveCflp( problem, CflpOptions(), progress ).error().code, ErrorCode::CapacityBelowDemand );
  problem.capacity = { 6, 6, 8 };
  problem.location.banned = { 2 };
  QCOMPARE( solveCflp( problem, CflpOptions(), progress ).error().code, ErrorCode::CapacityBelowDemand );
  problem.location.banned.clear();
  problem.capacity.pop_back();
  QCOMPARE( solveCflp( problem, CflpOptions(), progress ).error().code, ErrorCode::InvalidArgument );
  problem.capacity = { 6, 6, 8 };
  CflpOptions options;
  options.minFacilities = 4;
  QCOMPARE( solveCflp( problem, options, progress ).error().code, ErrorCode::TooManyFacilities );
  options.minFacilities = 3;
  options.maxFacilities = 2;
  QCOMPARE( solveCflp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  options = CflpOptions();
  options.start = { 3 };
  QCOMPARE( solveCflp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  problem.demand[0] = -1.0;
  QCOMPARE( solveCflp( problem, CflpOptions(), progress ).error().code, ErrorCode::InvalidArgument );
}

void TestCflpSolver::transportationOverArcs()
{
  // Arcs in any order per client give the dense optimum.
  RandomSource random( 6 );
  for ( int round = 0; round < 200; ++round )
  {
    const std::uint32_t n = 1 + random.below( 9 );
    const std::uint32_t m = 1 + random.below( 6 );
    const CflpProblem problem = randomProblem( random, n, m );
    std::vector<std::size_t> arcFirst{ 0 };
    std::vector<TransportationSolver::Arc> arcs;
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      for ( std::uint32_t j = m; j-- > 0; )
      {
        const double cost = problem.location.costAt( i, j );
        if ( cost < kForbiddenAssignment )
          arcs.push_back( { j, cost / problem.demand[i] } );
      }
      arcFirst.push_back( arcs.size() );
    }
    const double reference = unitFlowCost( problem, ( 1u << m ) - 1 );
    TransportationSolver solver;
    QCOMPARE( solver.solve( problem.demand, problem.capacity, arcFirst, arcs ), reference != kNoRoute );
    if ( reference == kNoRoute )
      continue;
    QVERIFY( std::fabs( solver.cost() - reference ) < 1e-6 );
    std::vector<double> load( m, 0.0 );
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      double served = 0.0;
      for ( std::size_t arc = arcFirst[i]; arc < arcFirst[i + 1]; ++arc )
      {
        QVERIFY( solver.arcFlow()[arc] >= -1e-9 );
        served += solver.arcFlow()[arc];
        load[arcs[arc].facility] += solver.arcFlow()[arc];
      }
      QVERIFY( std::fabs( served - problem.demand[i] ) < 1e-9 );
    }
    for ( std::uint32_t j = 0; j < m; ++j )
    {
      QVERIFY( load[j] <= problem.capacity[j] + 1e-9 );
      QVERIFY( std::fabs( load[j] - solver.load( j ) ) < 1e-9 );
    }
  }
}

void TestCflpSolver::sparseCutoffMatchesForbiddenDense()
{
  RandomSource random( 41 );
  int solved = 0;
  for ( int round = 0; round < 250; ++round )
  {
    CflpProblem problem = randomRuledProblem( random, round );
    // Every pair stored (cutoff at infinity) in some rounds, a real cutoff in the others.
    const double cutoff = round % 4 == 0 ? INFINITY : static_cast<double>( 15 + random.below( 45 ) );
    CflpProblem forbidden = problem;
    for ( double &cost : forbidden.location.cost )
      cost = cost > cutoff ? kForbiddenAssignment : cost;
    const double reference = enumerate( forbidden );
    SilentProgress progress;
    const Result<CflpSolution> result = solveCflp( sparseOf( problem, gf::sparseOf( problem.location, cutoff, false ) ), CflpOptions(), progress );
    if ( reference == kNoRoute )
    {
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, ErrorCode::CapacityBelowDemand );
      continue;
    }
    ++solved;
    QVERIFY( result.isOk() );
    const LocationSolution &location = result->location;
    QVERIFY2( std::fabs( location.objective - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( location.objective ).arg( reference ) ) );
    QVERIFY( location.provenOptimal );
    QVERIFY( location.lowerBound <= reference + 1e-6 && location.lowerBound >= reference - 1e-6 );
    QVERIFY( result->share.empty() );
    for ( std::uint32_t j : problem.location.required )
      QVERIFY( std::binary_search( location.open.begin(), location.open.end(), j ) );
    for ( std::uint32_t j : problem.location.banned )
      QVERIFY( !std::binary_search( location.open.begin(), location.open.end(), j ) );
    checkShares( problem, *result, [&]( std::uint32_t i, std::uint32_t j ) { return forbidden.location.costAt( i, j ) < kForbiddenAssignment; } );
    // The dense solver lists the same shares.
    const Result<CflpSolution> dense = solveCflp( forbidden, CflpOptions(), progress );
    QVERIFY( dense.isOk() );
    QVERIFY( std::fabs( dense->location.objective - location.objective ) < 1e-6 );
    checkShares( forbidden, *dense, [&]( std::uint32_t i, std::uint32_t j ) { return forbidden.location.costAt( i, j ) < kForbiddenAssignment; } );
  }
  QVERIFY( solved > 80 );
}

void TestCflpSolver::kNearestPlanAndBoundHold()
{
  // Only the k nearest pairs stored, the others at least the (k+1)-th cost: the plan is one of
  // the full problem at its exact cost and the bound holds for the full problem.
  RandomSource random( 42 );
  int planned = 0;
  int undecidable = 0;
  for ( int round = 0; round < 250; ++round )
  {
    const std::uint32_t n = 2 + random.below( 6 );
    const std::uint32_t m = 2 + random.below( 5 );
    CflpProblem problem = randomProblem( random, n, m );
    if ( round % 4 == 1 )
      problem.location.banned.push_back( random.below( m ) );
    const std::uint32_t k = 1 + random.below( m );
    const SparseLocationProblem location = kNearestReduction( problem.location, k );
    const double reference = enumerate( problem );
    SilentProgress progress;
    const Result<CflpSolution> result = solveCflp( sparseOf( problem, location ), CflpOptions(), progress );
    if ( !result.isOk() )
    {
      const ErrorCode code = result.error().code;
      QVERIFY( code == ErrorCode::CoverageUndecidable || code == ErrorCode::CapacityBelowDemand );
      if ( code == ErrorCode::CapacityBelowDemand )
        QCOMPARE( reference, kNoRoute );
      undecidable += code == ErrorCode::CoverageUndecidable ? 1 : 0;
      continue;
    }
    ++planned;
    QVERIFY( reference < kNoRoute );
    const LocationSolution &plan = result->location;
    QVERIFY( plan.objective >= reference - 1e-6 );
    QVERIFY2( plan.lowerBound <= reference + 1e-6,
              qPrintable( QStringLiteral( "round %1: bound %2 above %3" ).arg( round ).arg( plan.lowerBound ).arg( reference ) ) );
    if ( plan.provenOptimal )
      QVERIFY( std::fabs( plan.objective - reference ) < 1e-6 );
    checkShares( problem, *result, [&]( std::uint32_t i, std::uint32_t j ) {
      return std::any_of( location.begin( i ), location.end( i ), [&]( const SparseCostEntry &e ) { return e.candidate == j; } );
    } );
  }
  QVERIFY( planned > 80 );
  QVERIFY( undecidable > 0 );
}

QTEST_APPLESS_MAIN( TestCflpSolver )
#include "test_cflp_solver.moc"
