// The sparse p-median MILP against exhaustive enumeration of the FULL dense problem: all
// pairs stored gives the dense optimum; a k-nearest matrix with beyondCost (BEAMR) gives a
// lower bound, exact when no client falls beyond its stored pairs; clients only ever use open
// sites and exactly p open (spopt #419); a cost cutoff means what forbidden dense entries mean.
#include "engine/solvers/random_source.h"
#include "milp/cbc_solver.h"
#include "milp/location_exact.h"
#include "milp/pmedian_milp.h"
#include "pmedian_reference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

using namespace gf;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

LocationProblem randomProblem( RandomSource &random, std::uint32_t clients, std::uint32_t candidates, std::uint32_t maxCost )
{
  LocationProblem problem;
  problem.clientCount = clients;
  problem.candidateCount = candidates;
  for ( std::uint32_t k = 0; k < clients * candidates; ++k )
    problem.cost.push_back( static_cast<double>( random.below( maxCost ) ) );
  for ( std::uint32_t k = 0; k < clients; ++k )
    problem.clientWeight.push_back( 1.0 + random.below( 4 ) );
  return problem;
}

std::vector<std::uint32_t> openOf( std::uint32_t mask, std::uint32_t candidates )
{
  std::vector<std::uint32_t> open;
  for ( std::uint32_t j = 0; j < candidates; ++j )
  {
    if ( mask >> j & 1u )
      open.push_back( j );
  }
  return open;
}

//! Least \a value over the open sets of size p that keep the required/banned rules.
double enumerate( const LocationProblem &problem, std::uint32_t p,
                  const std::function<double( const std::vector<std::uint32_t> & )> &value )
{
  double best = kInf;
  for ( std::uint32_t mask = 0; mask < ( 1u << problem.candidateCount ); ++mask )
  {
    bool allowed = static_cast<std::uint32_t>( __builtin_popcount( mask ) ) == p;
    for ( std::uint32_t j : problem.required )
      allowed = allowed && ( mask >> j & 1u );
    for ( std::uint32_t j : problem.banned )
      allowed = allowed && !( mask >> j & 1u );
    if ( allowed )
      best = std::min( best, value( openOf( mask, problem.candidateCount ) ) );
  }
  return best;
}

//! Cost of \a open in the sparse model, straight from its definition: each client at its
//! cheapest open stored pair, or at beyondCost when given and lower; kInf when a client with
//! stored pairs to candidates not banned has none open and no beyondCost; clients with no
//! such pair and no beyondCost count 0 (nothing may serve them).
double sparseCost( const SparseLocationProblem &problem, const std::vector<std::uint32_t> &open )
{
  double total = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    double cost = problem.allowsUnstoredPairs() ? problem.beyondCost[i] : kInf;   // infinite: nothing beyond the row
    bool servable = cost < kInf;
    for ( const SparseCostEntry *entry = problem.begin( i ); entry != problem.end( i ); ++entry )
    {
      servable = servable || !std::count( problem.banned.begin(), problem.banned.end(), entry->candidate );
      if ( std::count( open.begin(), open.end(), entry->candidate ) )
        cost = std::min( cost, entry->cost );
    }
    total += servable ? problem.weightOf( i ) * cost : 0.0;
  }
  return total;
}

Result<MilpResult> solve( const MilpModel &model )
{
  SilentProgress progress;
  return solveWithCbc( model, MilpOptions(), progress );
}

//! Column of candidate \a j's open variable: the first columns, one per candidate not banned.
std::uint32_t openColumn( const LocationProblem &problem, std::uint32_t j )
{
  return j - static_cast<std::uint32_t>( std::count_if( problem.banned.begin(), problem.banned.end(),
                                                        [j]( std::uint32_t b ) { return b < j; } ) );
}

//! A feasible but poor incumbent: the last eligible candidates, required first.
LocationSolution poorIncumbent( const LocationProblem &problem, std::uint32_t p )
{
  LocationSolution incumbent;
  incumbent.open = problem.required;
  for ( std::uint32_t j = problem.candidateCount; j-- > 0 && incumbent.open.size() < p; )
  {
    if ( !std::count( problem.banned.begin(), problem.banned.end(), j ) && !std::count( incumbent.open.begin(), incumbent.open.end(), j ) )
      incumbent.open.push_back( j );
  }
  std::sort( incumbent.open.begin(), incumbent.open.end() );
  incumbent.objective = pmedianValueOf( problem, incumbent.open ).cost;
  incumbent.assignment.assign( problem.clientCount, kUnassigned );
  return incumbent;
}

bool keepsRules( const LocationProblem &problem, const std::vector<std::uint32_t> &open, std::uint32_t p )
{
  bool ok = open.size() == p && std::is_sorted( open.begin(), open.end() );
  for ( std::uint32_t j : problem.required )
    ok = ok && std::binary_search( open.begin(), open.end(), j );
  for ( std::uint32_t j : problem.banned )
    ok = ok && !std::binary_search( open.begin(), open.end(), j );
  return ok;
}

} // namespace

class TestPMedianMilp : public QObject
{
    Q_OBJECT

  private slots:
    void allPairsGiveDenseOptimum();
    void kNearestBoundsFullOptimum();
    void clientsUseOnlyOpenSites();
    void cutoffMeansForbiddenPairs();
    void heuristicIncumbentRefined();
};

void TestPMedianMilp::allPairsGiveDenseOptimum()
{
  RandomSource random( 41 );
  for ( int round = 0; round < 6; ++round )
  {
    LocationProblem dense = randomProblem( random, 9 + random.below( 5 ), 6 + random.below( 4 ), 60 );
    dense.required = { 0 };
    dense.banned = { 1 };
    const std::uint32_t p = 2 + random.below( dense.candidateCount - 3 );
    const double optimum = enumerate( dense, p, [&]( const std::vector<std::uint32_t> &open ) { return pmedianValueOf( dense, open ).cost; } );
    // Every pair stored, once as a k-nearest matrix (nothing beyond a full row), once as a cutoff.
    for ( const SparseLocationProblem &sparse : { kNearestReduction( dense, dense.candidateCount ), sparseOf( dense, kInf, false ) } )
    {
      const Result<MilpResult> milp = solve( PMedianMilp( sparse, p ).model() );
      QVERIFY( milp.isOk() && milp->provenOptimal );
      QVERIFY( std::fabs( milp->objective - optimum ) < 1e-6 );

      SilentProgress progress;
      const Result<LocationSolution> refined = refinePMedian( sparse, p, poorIncumbent( dense, p ), ExactModeOptions(), progress );
      QVERIFY( refined.isOk() );
      QVERIFY( refined->provenOptimal );
      QCOMPARE( refined->unservedClients + refined->clientsBeyondStored, 0u );
      QVERIFY( std::fabs( refined->objective - optimum ) < 1e-6 );
      QVERIFY( std::fabs( refined->lowerBound - optimum ) < 1e-6 );
      QVERIFY( keepsRules( dense, refined->open, p ) );
      QVERIFY( std::fabs( pmedianValueOf( dense, refined->open ).cost - optimum ) < 1e-6 );
    }
  }
}

void TestPMedianMilp::kNearestBoundsFullOptimum()
{
  RandomSource random( 43 );
  int exactRounds = 0;
  int boundRounds = 0;
  int milpExactRounds = 0;
  int milpBeyondRounds = 0;
  for ( int round = 0; round < 16; ++round )
  {
    LocationProblem dense = randomProblem( random, 10 + random.below( 4 ), 7 + random.below( 3 ), 100 );
    dense.required = { 2 };
    dense.banned = { 0 };
    const std::uint32_t p = 2 + random.below( 2 );
    const std::uint32_t k = 2 + random.below( 2 );
    const SparseLocationProblem sparse = kNearestReduction( dense, k );
    const double optimum = enumerate( dense, p, [&]( const std::vector<std::uint32_t> &open ) { return pmedianValueOf( dense, open ).cost; } );
    const double sparseOptimum = enumerate( dense, p, [&]( const std::vector<std::uint32_t> &open ) { return sparseCost( sparse, open ); } );

    const PMedianMilp milp( sparse, p );
    const Result<MilpResult> result = solve( milp.model() );
    QVERIFY( result.isOk() && result->provenOptimal );
    QVERIFY( std::fabs( result->objective - sparseOptimum ) < 1e-6 );
    QVERIFY( result->objective <= optimum + 1e-6 );
    // No h_i in use: every client's stored x columns sum to 1, and the bound is the optimum.
    std::vector<double> served( dense.clientCount, 0.0 );
    for ( const AssignmentColumn &x : milp.assignmentColumns() )
      served[x.client] += result->values[x.column];
    const bool noBeyond = std::all_of( served.begin(), served.end(), []( double s ) { return s > 1.0 - 1e-6; } );
    if ( noBeyond )
      QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
    ( noBeyond ? milpExactRounds : milpBeyondRounds ) += 1;

    SilentProgress progress;
    const Result<LocationSolution> refined = refinePMedian( sparse, p, poorIncumbent( dense, p ), ExactModeOptions(), progress );
    QVERIFY( refined.isOk() );
    QVERIFY( refined->lowerBound <= optimum + 1e-6 );
    QVERIFY( keepsRules( dense, refined->open, p ) );
    for ( std::uint32_t i = 0; i < dense.clientCount; ++i )
    {
      const std::uint32_t j = refined->assignment[i];
      QVERIFY( j == kUnassigned || std::binary_search( refined->open.begin(), refined->open.end(), j ) );
    }
    QVERIFY( std::fabs( refined->lowerBound - sparseOptimum ) < 1e-6 );
    if ( refined->clientsBeyondStored == 0 )
      QVERIFY( refined->objective >= optimum - 1e-6 );
    if ( refined->provenOptimal )
    {
      QCOMPARE( refined->unservedClients + refined->clientsBeyondStored, 0u );
      QVERIFY( std::fabs( refined->objective - optimum ) < 1e-6 );
      ++exactRounds;
    }
    else
    {
      QVERIFY( refined->objective > refined->lowerBound + 1e-6 || refined->clientsBeyondStored > 0 );
      ++boundRounds;
    }
  }
  // The instances exercise both outcomes, of the MILP and of the refinement.
  QVERIFY( milpExactRounds > 0 );
  QVERIFY( milpBeyondRounds > 0 );
  QVERIFY( exactRounds > 0 );
  QVERIFY( boundRounds > 0 );
}

void TestPMedianMilp::clientsUseOnlyOpenSites()
{
  RandomSource random( 47 );
  for ( int round = 0; round < 8; ++round )
  {
    LocationProblem dense = randomProblem( random, 12, 8, 100 );
    dense.required = { 3 };
    dense.banned = { 5 };
    const std::uint32_t p = 2 + random.below( 2 );
    const SparseLocationProblem sparse = round % 2 == 0 ? kNearestReduction( dense, 3 ) : sparseOf( dense, 80.0, false );
    const PMedianMilp milp( sparse, p );
    const Result<MilpResult> result = solve( milp.model() );
    QVERIFY( result.isOk() && result->provenOptimal );
    QVERIFY( result->hasSolution );
    const std::vector<std::uint32_t> open = PMedianMilp::decodeOpen( sparse, result->values );
    QVERIFY( keepsRules( dense, open, p ) );
    double openSum = 0.0;
    for ( std::uint32_t j = 0; j < dense.candidateCount; ++j )
    {
      if ( !std::count( dense.banned.begin(), dense.banned.end(), j ) )
        openSum += result->values[openColumn( dense, j )];
    }
    QVERIFY( std::fabs( openSum - p ) < 1e-6 );
    for ( const AssignmentColumn &x : milp.assignmentColumns() )
      QVERIFY( result->values[x.column] <= result->values[openColumn( dense, x.candidate )] + 1e-6 );
    // Allocating to closed sites would price the open set below what it costs.
    QVERIFY( std::fabs( result->objective - sparseCost( sparse, open ) ) < 1e-6 );
  }
}

void TestPMedianMilp::cutoffMeansForbiddenPairs()
{
  RandomSource random( 53 );
  int feasibleRounds = 0;
  for ( int round = 0; round < 10; ++round )
  {
    LocationProblem dense = randomProblem( random, 10 + random.below( 4 ), 7 + random.below( 3 ), 100 );
    dense.banned = { 1 };
    // Client 0 is out of reach of every candidate: both forms leave it out.
    for ( std::uint32_t j = 0; j < dense.candidateCount; ++j )
      dense.cost[j] = 500.0;
    const double radius = 40.0 + random.below( 30 );
    const std::uint32_t p = 3 + random.below( 2 );
    const SparseLocationProblem sparse = sparseOf( dense, radius, false );
    QCOMPARE( sparse.rowSize( 0 ), std::size_t( 0 ) );
    LocationProblem forbidden = dense;
    for ( double &cost : forbidden.cost )
      cost = cost <= radius ? cost : kForbiddenAssignment;
    const double optimum = enumerate( dense, p, [&]( const std::vector<std::uint32_t> &open ) { return sparseCost( sparse, open ); } );

    const Result<MilpResult> sparseMilp = solve( PMedianMilp( sparse, p ).model() );
    const Result<MilpResult> denseMilp = solve( PMedianMilp( forbidden, p ).model() );
    QVERIFY( sparseMilp.isOk() && denseMilp.isOk() );
    if ( optimum == kInf )
    {
      QVERIFY( !sparseMilp->hasSolution && sparseMilp->provenInfeasible );
      QVERIFY( !denseMilp->hasSolution && denseMilp->provenInfeasible );
      continue;
    }
    ++feasibleRounds;
    QVERIFY( sparseMilp->provenOptimal && denseMilp->provenOptimal );
    QVERIFY( std::fabs( sparseMilp->objective - optimum ) < 1e-6 );
    QVERIFY( std::fabs( denseMilp->objective - optimum ) < 1e-6 );
    QVERIFY( std::fabs( sparseCost( sparse, PMedianMilp::decodeOpen( sparse, sparseMilp->values ) ) - optimum ) < 1e-6 );
  }
  QVERIFY( feasibleRounds > 0 );
}

void TestPMedianMilp::heuristicIncumbentRefined()
{
  // The pipeline of exact mode on a sparse matrix: our heuristic's solution and bound, then CBC.
  RandomSource random( 59 );
  for ( int round = 0; round < 6; ++round )
  {
    LocationProblem dense = randomProblem( random, 12 + random.below( 4 ), 8 + random.below( 3 ), 100 );
    dense.required = { 1 };
    const std::uint32_t p = 2 + random.below( 3 );
    const SparseLocationProblem sparse = kNearestReduction( dense, 3 + random.below( 3 ) );
    const double optimum = enumerate( dense, p, [&]( const std::vector<std::uint32_t> &open ) { return pmedianValueOf( dense, open ).cost; } );
    PMedianOptions options;
    options.p = p;
    SilentProgress progress;
    const Result<LocationSolution> heuristic = solvePMedian( sparse, options, progress );
    QVERIFY( heuristic.isOk() );
    QVERIFY( heuristic->lowerBound <= optimum + 1e-6 );
    const Result<LocationSolution> refined = refinePMedian( sparse, p, *heuristic, ExactModeOptions(), progress );
    QVERIFY( refined.isOk() );
    QVERIFY( refined->lowerBound <= optimum + 1e-6 );
    QVERIFY( refined->lowerBound >= heuristic->lowerBound - 1e-6 );
    QVERIFY( keepsRules( dense, refined->open, p ) );
    if ( refined->clientsBeyondStored == 0 )
      QVERIFY( std::fabs( refined->objective - pmedianValueOf( dense, refined->open ).cost ) < 1e-6 );
    if ( refined->provenOptimal )
      QVERIFY( std::fabs( refined->objective - optimum ) < 1e-6 );
  }
}

QTEST_APPLESS_MAIN( TestPMedianMilp )
#include "test_pmedian_milp.moc"
