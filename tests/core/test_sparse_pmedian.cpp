// p-median over sparse cost matrices against the dense solver and exhaustive enumeration:
// a sparse copy of the whole matrix gives the dense answer, k-nearest reductions give bounds
// that hold for the full problem, and the k-doubling driver reaches the full optimum.
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/sparse_location_problem.h"
#include "pmedian_reference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace gf;

namespace {

//! Best subset of exactly p candidates respecting required/banned: fewest unserved weight,
//! then least cost (the order the solvers optimise in).
//! Clients and candidates at random points of a square, integral rounded distances.
LocationProblem geometricProblem( RandomSource &random, std::uint32_t n, std::uint32_t m, bool weighted )
{
  LocationProblem problem;
  problem.clientCount = n;
  problem.candidateCount = m;
  std::vector<double> x( n + m );
  std::vector<double> y( n + m );
  for ( std::uint32_t k = 0; k < n + m; ++k )
  {
    x[k] = random.below( 1000 );
    y[k] = random.below( 1000 );
  }
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    for ( std::uint32_t j = 0; j < m; ++j )
      problem.cost.push_back( std::round( std::hypot( x[i] - x[n + j], y[i] - y[n + j] ) ) );
    if ( weighted )
      problem.clientWeight.push_back( 1.0 + random.below( 5 ) );
  }
  return problem;
}

//! Every allowed pair of \a problem stored, nothing else allowed (cutoff semantics).
SparseLocationProblem storedPairsOf( const LocationProblem &problem )
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
    // Stored in candidate order, not by cost: the solver may not rely on the order.
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      if ( problem.costAt( i, j ) < kForbiddenAssignment )
        sparse.entries.push_back( { j, problem.costAt( i, j ) } );
    }
    sparse.rowStart.push_back( sparse.entries.size() );
  }
  return sparse;
}

PMedianOptions optionsFor( std::uint32_t p )
{
  PMedianOptions options;
  options.p = p;
  options.seed = 7;
  options.timeLimitS = 10.0;
  return options;
}

//! For answers compared field by field with the dense solver: the dense p-median also runs
//! a branch and bound over its matrix that the sparse one skips, and that the relinking phase
//! gates, so the comparison stops before it.
PMedianOptions comparableOptionsFor( std::uint32_t p )
{
  PMedianOptions options = optionsFor( p );
  options.pathRelinking = false;
  return options;
}

} // namespace

class TestSparsePMedian : public QObject
{
    Q_OBJECT

  private slots:
    void fullSparseMatchesDense();
    void cutoffMatchesForbiddenDense();
    void kNearestBoundsHoldForFullProblem();
    void driverReachesFullOptimum();
    void clientsBeyondStoredAreCounted();
    void requiredAndBannedRespected();
    void invalidInputsRejected();
    void sameSeedSameAnswer();
    void odMatrixSemantics();
};

void TestSparsePMedian::fullSparseMatchesDense()
{
  RandomSource random( 11 );
  for ( int round = 0; round < 30; ++round )
  {
    const std::uint32_t m = 6 + random.below( 7 );
    const std::uint32_t p = 1 + random.below( m - 2 );
    const LocationProblem problem = geometricProblem( random, 10 + random.below( 30 ), m, round % 2 == 1 );
    SilentProgress progress;
    const Result<LocationSolution> dense = solvePMedian( problem, comparableOptionsFor( p ), progress );
    // The whole matrix both ways: as a cutoff (no beyond costs) and as a k-nearest with k = m.
    for ( const SparseLocationProblem &sparse : { storedPairsOf( problem ), kNearestReduction( problem, m ) } )
    {
      const Result<LocationSolution> solution = solvePMedian( sparse, comparableOptionsFor( p ), progress );
      QVERIFY( dense && solution );
      QCOMPARE( solution->open, dense->open );
      QCOMPARE( solution->assignment, dense->assignment );
      QCOMPARE( solution->objective, dense->objective );
      QCOMPARE( solution->lowerBound, dense->lowerBound );
      QCOMPARE( solution->provenOptimal, dense->provenOptimal );
      QCOMPARE( solution->clientsBeyondStored, 0u );
    }
    QCOMPARE( dense->objective, enumeratePMedian( problem, p ).cost );
  }
}

void TestSparsePMedian::cutoffMatchesForbiddenDense()
{
  RandomSource random( 12 );
  for ( int round = 0; round < 30; ++round )
  {
    const std::uint32_t m = 6 + random.below( 7 );
    const std::uint32_t p = 1 + random.below( m - 2 );
    LocationProblem problem = geometricProblem( random, 10 + random.below( 30 ), m, round % 2 == 0 );
    // A service radius: the pairs beyond it may not be used at all.
    const double radius = 250.0 + random.below( 400 );
    for ( double &cost : problem.cost )
      cost = cost <= radius ? cost : kForbiddenAssignment;
    SilentProgress progress;
    const Result<LocationSolution> dense = solvePMedian( problem, comparableOptionsFor( p ), progress );
    const Result<LocationSolution> sparse = solvePMedian( storedPairsOf( problem ), comparableOptionsFor( p ), progress );
    QVERIFY( dense && sparse );
    QCOMPARE( sparse->open, dense->open );
    QCOMPARE( sparse->assignment, dense->assignment );
    QCOMPARE( sparse->objective, dense->objective );
    QCOMPARE( sparse->lowerBound, dense->lowerBound );
    QCOMPARE( sparse->unservedClients, dense->unservedClients );
    const PMedianReference optimum = enumeratePMedian( problem, p );
    double unservedWeight = 0.0;
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
      unservedWeight += sparse->assignment[i] == kUnassigned ? problem.weightOf( i ) : 0.0;
    QCOMPARE( unservedWeight, optimum.unservedWeight );
    QCOMPARE( sparse->objective, optimum.cost );
  }
}

void TestSparsePMedian::kNearestBoundsHoldForFullProblem()
{
  RandomSource random( 13 );
  for ( int round = 0; round < 12; ++round )
  {
    const std::uint32_t m = 8 + random.below( 5 );
    const std::uint32_t p = 2 + random.below( 4 );
    const LocationProblem problem = geometricProblem( random, 20 + random.below( 20 ), m, round % 2 == 0 );
    const double optimum = enumeratePMedian( problem, p ).cost;
    for ( std::uint32_t k = 1; k <= m; ++k )
    {
      const SparseLocationProblem sparse = kNearestReduction( problem, k );
      SilentProgress progress;
      const Result<LocationSolution> solution = solvePMedian( sparse, optionsFor( p ), progress );
      QVERIFY( solution );
      QVERIFY( solution->lowerBound <= optimum + 1e-9 );
      if ( solution->clientsBeyondStored == 0 )
      {
        // Every client served through a stored pair: the objective is exact for the full problem.
        QCOMPARE( solution->objective, pmedianValueOf( problem, solution->open ).cost );
        QVERIFY( solution->objective >= optimum );
        if ( solution->provenOptimal )
          QCOMPARE( solution->objective, optimum );
      }
    }
  }
}

void TestSparsePMedian::driverReachesFullOptimum()
{
  RandomSource random( 14 );
  for ( int round = 0; round < 20; ++round )
  {
    const std::uint32_t m = 8 + random.below( 5 );
    const std::uint32_t p = 2 + random.below( 4 );
    const LocationProblem problem = geometricProblem( random, 20 + random.below( 30 ), m, round % 2 == 1 );
    const double optimum = enumeratePMedian( problem, p ).cost;
    SilentProgress progress;
    const Result<LocationSolution> solution = solvePMedianKNearest( problem, 1 + random.below( 3 ), optionsFor( p ), progress );
    QVERIFY( solution );
    QCOMPARE( solution->objective, optimum );
    QCOMPARE( solution->objective, pmedianValueOf( problem, solution->open ).cost );
    QVERIFY( solution->lowerBound <= optimum + 1e-9 );
    QCOMPARE( solution->clientsBeyondStored, 0u );
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
      QVERIFY( std::binary_search( solution->open.begin(), solution->open.end(), solution->assignment[i] ) );
  }
}

void TestSparsePMedian::clientsBeyondStoredAreCounted()
{
  // Two clusters far apart, one median, each client storing only its nearest candidate: the
  // far cluster's clients are beyond their stored pairs, never charged a made-up cost.
  LocationProblem problem;
  problem.clientCount = 4;
  problem.candidateCount = 2;
  problem.cost = { 1, 100, 2, 100, 100, 3, 100, 4 };
  problem.clientWeight = { 5, 1, 1, 1 };
  const SparseLocationProblem sparse = kNearestReduction( problem, 1 );
  QCOMPARE( sparse.beyondCost, ( std::vector<double>{ 100, 100, 100, 100 } ) );
  SilentProgress progress;
  const Result<LocationSolution> solution = solvePMedian( sparse, optionsFor( 1 ), progress );
  QVERIFY( solution );
  QCOMPARE( solution->open, std::vector<std::uint32_t>{ 0 } );
  QCOMPARE( solution->clientsBeyondStored, 2u );
  QCOMPARE( solution->assignment, ( std::vector<std::uint32_t>{ 0, 0, kUnassigned, kUnassigned } ) );
  QCOMPARE( solution->objective, 5.0 * 1 + 2.0 );
  QVERIFY( !solution->provenOptimal );
  // The full optimum opens candidate 0 at 5 + 2 + 100 + 100 = 207; the bound must not exceed it.
  QVERIFY( solution->lowerBound <= 207.0 );
  const Result<LocationSolution> full = solvePMedianKNearest( problem, 1, optionsFor( 1 ), progress );
  QVERIFY( full );
  QCOMPARE( full->objective, 207.0 );
  QCOMPARE( full->lowerBound, 207.0 );
  QVERIFY( full->provenOptimal );
}

void TestSparsePMedian::requiredAndBannedRespected()
{
  RandomSource random( 15 );
  for ( int round = 0; round < 20; ++round )
  {
    const std::uint32_t m = 8 + random.below( 4 );
    const std::uint32_t p = 3 + random.below( 3 );
    LocationProblem problem = geometricProblem( random, 15 + random.below( 20 ), m, round % 2 == 0 );
    problem.required = { random.below( m / 2 ) };
    problem.banned = { m / 2 + random.below( m / 2 ) };
    const double optimum = enumeratePMedian( problem, p ).cost;
    SilentProgress progress;
    for ( std::uint32_t k : { 2u, m } )
    {
      const Result<LocationSolution> solution = solvePMedian( kNearestReduction( problem, k ), optionsFor( p ), progress );
      QVERIFY( solution );
      QVERIFY( std::binary_search( solution->open.begin(), solution->open.end(), problem.required[0] ) );
      QVERIFY( !std::binary_search( solution->open.begin(), solution->open.end(), problem.banned[0] ) );
      QVERIFY( solution->lowerBound <= optimum + 1e-9 );
    }
    const Result<LocationSolution> driven = solvePMedianKNearest( problem, 1, optionsFor( p ), progress );
    QVERIFY( driven );
    QCOMPARE( driven->objective, optimum );
    QVERIFY( std::binary_search( driven->open.begin(), driven->open.end(), problem.required[0] ) );
    QVERIFY( !std::binary_search( driven->open.begin(), driven->open.end(), problem.banned[0] ) );
  }
}

void TestSparsePMedian::invalidInputsRejected()
{
  RandomSource random( 16 );
  LocationProblem problem = geometricProblem( random, 10, 6, false );
  problem.banned = { 0, 1 };
  const SparseLocationProblem sparse = kNearestReduction( problem, 3 );
  SilentProgress progress;
  QCOMPARE( solvePMedian( sparse, optionsFor( 5 ), progress ).error().code, ErrorCode::TooManyFacilities );
  QCOMPARE( solvePMedianKNearest( problem, 3, optionsFor( 5 ), progress ).error().code, ErrorCode::TooManyFacilities );
  QCOMPARE( solvePMedian( sparse, optionsFor( 0 ), progress ).error().code, ErrorCode::InvalidArgument );

  SparseLocationProblem duplicate = sparse;
  duplicate.entries[1].candidate = duplicate.entries[0].candidate;
  QCOMPARE( solvePMedian( duplicate, optionsFor( 2 ), progress ).error().code, ErrorCode::InvalidArgument );
  SparseLocationProblem outOfRange = sparse;
  outOfRange.entries[0].candidate = 6;
  QCOMPARE( solvePMedian( outOfRange, optionsFor( 2 ), progress ).error().code, ErrorCode::InvalidArgument );
  SparseLocationProblem shortBeyond = sparse;
  shortBeyond.beyondCost.pop_back();
  QCOMPARE( solvePMedian( shortBeyond, optionsFor( 2 ), progress ).error().code, ErrorCode::InvalidArgument );
  SparseLocationProblem badRows = sparse;
  badRows.rowStart.back() += 1;
  QCOMPARE( solvePMedian( badRows, optionsFor( 2 ), progress ).error().code, ErrorCode::InvalidArgument );
  SparseLocationProblem empty;
  QCOMPARE( solvePMedian( empty, optionsFor( 1 ), progress ).error().code, ErrorCode::NoDemand );
}

void TestSparsePMedian::sameSeedSameAnswer()
{
  RandomSource random( 17 );
  const LocationProblem problem = geometricProblem( random, 300, 60, true );
  SilentProgress progress;
  PMedianOptions options = optionsFor( 12 );
  options.threads = 1;
  const Result<LocationSolution> first = solvePMedian( kNearestReduction( problem, 8 ), options, progress );
  options.threads = 2;
  const Result<LocationSolution> second = solvePMedian( kNearestReduction( problem, 8 ), options, progress );
  QVERIFY( first && second );
  QCOMPARE( first->open, second->open );
  QCOMPARE( first->objective, second->objective );
  QCOMPARE( first->lowerBound, second->lowerBound );
  const Result<LocationSolution> driven = solvePMedianKNearest( problem, 4, options, progress );
  const Result<LocationSolution> drivenAgain = solvePMedianKNearest( problem, 4, options, progress );
  QVERIFY( driven && drivenAgain );
  QCOMPARE( driven->open, drivenAgain->open );
  QCOMPARE( driven->lowerBound, drivenAgain->lowerBound );
  QVERIFY( driven->lowerBound <= driven->objective );
}

void TestSparsePMedian::odMatrixSemantics()
{
  const SparseOdMatrix od( 3, { { { 1, 5 }, { 0, 7 } }, { { 2, 4 } }, {} } );
  SparseOdOptions cutoff;
  cutoff.cutoff = 10;
  const SparseLocationProblem cut = sparseProblemFromOd( od, cutoff );
  QCOMPARE( cut.clientCount, 3u );
  QCOMPARE( cut.candidateCount, 3u );
  QVERIFY( cut.beyondCost.empty() );
  QCOMPARE( cut.rowSize( 0 ), std::size_t( 2 ) );
  QCOMPARE( cut.begin( 0 )[1].candidate, 0u );
  QCOMPARE( cut.begin( 0 )[1].cost, 7.0 );

  SparseOdOptions nearest;
  nearest.nearestCount = 2;
  const SparseLocationProblem near = sparseProblemFromOd( od, nearest );
  // A full row: unstored pairs cost at least its last stored cost; shorter rows hold all.
  QCOMPARE( near.beyondCost[0], 7.0 );
  QVERIFY( std::isinf( near.beyondCost[1] ) );
  QVERIFY( std::isinf( near.beyondCost[2] ) );
}

QTEST_APPLESS_MAIN( TestSparsePMedian )
#include "test_sparse_pmedian.moc"
