// p-center solver against exhaustive enumeration on small random instances.
#include "engine/solvers/pcenter_solver.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/sparse_location_problem.h"

#include "coverage_reference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace gf;

namespace {

bool contains( const std::vector<std::uint32_t> &list, std::uint32_t value )
{
  return std::find( list.begin(), list.end(), value ) != list.end();
}

bool isServable( const LocationProblem &problem, std::uint32_t client )
{
  for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
  {
    if ( !contains( problem.banned, j ) && problem.costAt( client, j ) < kForbiddenAssignment )
      return true;
  }
  return false;
}

//! Smallest radius over every allowed p-subset serving each servable positive-weight client;
//! infinity when no subset serves them all.
double enumerate( const LocationProblem &problem, std::uint32_t p )
{
  double best = std::numeric_limits<double>::infinity();
  for ( std::uint32_t mask = 0; mask < ( 1u << problem.candidateCount ); ++mask )
  {
    if ( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) != p )
      continue;
    bool allowed = true;
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
      allowed = allowed && !( ( mask >> j & 1u ) && contains( problem.banned, j ) );
    for ( std::uint32_t j : problem.required )
      allowed = allowed && ( mask >> j & 1u );
    if ( !allowed )
      continue;
    double radius = 0.0;
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    {
      if ( problem.weightOf( i ) <= 0.0 || !isServable( problem, i ) )
        continue;
      double nearest = kForbiddenAssignment;
      for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
      {
        if ( mask >> j & 1u )
          nearest = std::min( nearest, problem.costAt( i, j ) );
      }
      radius = std::max( radius, nearest );
    }
    if ( radius < kForbiddenAssignment )
      best = std::min( best, radius );
  }
  return best;
}

LocationProblem randomProblem( RandomSource &random, std::uint32_t n, std::uint32_t m, bool forbidden )
{
  LocationProblem problem;
  problem.clientCount = n;
  problem.candidateCount = m;
  problem.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : problem.cost )
    cost = forbidden && random.below( 4 ) == 0 ? kForbiddenAssignment : static_cast<double>( random.below( 60 ) );
  for ( std::uint32_t i = 0; i < n; ++i )
    problem.clientWeight.push_back( random.below( 5 ) == 0 ? 0.0 : 1.0 );
  return problem;
}

//! Points in a square with rounded Euclidean costs: many ties and covers that greedy misses,
//! so the exact core search and the local search both get to decide radii.
LocationProblem planarProblem( RandomSource &random, std::uint32_t n )
{
  std::vector<double> x( n ), y( n );
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    x[i] = random.below( 100 );
    y[i] = random.below( 100 );
  }
  LocationProblem problem;
  problem.clientCount = n;
  problem.candidateCount = n;
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    for ( std::uint32_t j = 0; j < n; ++j )
      problem.cost.push_back( std::round( std::hypot( x[i] - x[j], y[i] - y[j] ) ) );
  }
  return problem;
}

//! \a problem with every pair \a sparse does not store at \a unstored( client ): the full
//! problems the sparse one cannot tell apart range from beyondCost (the cheapest) to forbidden.
template<typename Unstored>
LocationProblem withUnstoredAt( const LocationProblem &problem, const SparseLocationProblem &sparse, Unstored unstored )
{
  LocationProblem result = problem;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    std::vector<char> stored( problem.candidateCount, 0 );
    for ( const SparseCostEntry *it = sparse.begin( i ); it != sparse.end( i ); ++it )
      stored[it->candidate] = 1;
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      if ( !stored[j] )
        result.cost[static_cast<std::size_t>( i ) * problem.candidateCount + j] = unstored( i );
    }
  }
  return result;
}

//! Same answer from the dense and the sparse solver: objective, proof and open count, or the error.
void compareAnswers( const Result<LocationSolution> &dense, const Result<LocationSolution> &sparse )
{
  QCOMPARE( sparse.isOk(), dense.isOk() );
  if ( !dense.isOk() )
  {
    QCOMPARE( sparse.error().code, dense.error().code );
    return;
  }
  QCOMPARE( sparse->objective, dense->objective );
  QCOMPARE( sparse->lowerBound, dense->lowerBound );
  QCOMPARE( sparse->provenOptimal, dense->provenOptimal );
  QCOMPARE( sparse->open.size(), dense->open.size() );
}

std::uint32_t randomP( RandomSource &random, const LocationProblem &problem )
{
  const std::uint32_t eligible = problem.candidateCount - static_cast<std::uint32_t>( problem.banned.size() );
  return std::max<std::uint32_t>( static_cast<std::uint32_t>( problem.required.size() ), 1 + random.below( eligible ) );
}

class CancelAtOnce final : public ProgressSink
{
  public:
    void setProgress( double ) override {}
    bool isCanceled() const override { return true; }
};

} // namespace

class TestPCenterSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void matchesEnumerationPlanar();
    void canceledKeepsBestAndBound();
    void sameSeedSameAnswer();
    void errorCodes();
    void sparseWholeMatrixMatchesDense();
    void sparseCutoffMatchesForbiddenDense();
    void kNearestDecidedOrUndecidable();
    void kNearestCanceledBoundHolds();
    void sparseErrorCodes();
};

void TestPCenterSolver::matchesEnumeration()
{
  RandomSource random( 42 );
  int infeasibleSeen = 0;
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t n = 3 + random.below( 10 );
    const std::uint32_t m = 2 + random.below( 8 );
    LocationProblem problem = randomProblem( random, n, m, round % 3 == 0 );
    if ( round % 4 == 1 )
      problem.banned.push_back( random.below( m ) );
    const std::uint32_t required = random.below( m );
    if ( round % 5 == 2 && !contains( problem.banned, required ) )
      problem.required.push_back( required );
    const std::uint32_t eligible = m - static_cast<std::uint32_t>( problem.banned.size() );
    const std::uint32_t p = std::max<std::uint32_t>( static_cast<std::uint32_t>( problem.required.size() ), 1 + random.below( eligible ) );
    PCenterOptions options;
    options.p = p;
    SilentProgress progress;
    const Result<LocationSolution> result = solvePCenter( problem, options, progress );
    const double reference = enumerate( problem, p );
    if ( reference == std::numeric_limits<double>::infinity() )
    {
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, ErrorCode::Infeasible );
      ++infeasibleSeen;
      continue;
    }
    QVERIFY( result.isOk() );
    QCOMPARE( result->objective, reference );
    QVERIFY( result->lowerBound <= reference );
    QVERIFY( result->provenOptimal );
    QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), p );
    for ( std::uint32_t j : problem.required )
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t j : problem.banned )
      QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      const std::uint32_t j = result->assignment[i];
      if ( !isServable( problem, i ) )
        QCOMPARE( j, kUnassigned );
      else if ( problem.weightOf( i ) > 0.0 )
        QVERIFY( j != kUnassigned && problem.costAt( i, j ) <= result->objective );
    }
  }
  QVERIFY( infeasibleSeen > 0 );
}

void TestPCenterSolver::matchesEnumerationPlanar()
{
  RandomSource random( 11 );
  for ( int round = 0; round < 40; ++round )
  {
    const std::uint32_t n = 12 + random.below( 5 );
    LocationProblem problem = planarProblem( random, n );
    if ( round % 3 == 1 )
      problem.required.push_back( random.below( n ) );
    if ( round % 4 == 2 )
      problem.banned.push_back( ( problem.required.empty() ? 0 : problem.required[0] + 1 ) % n );
    const std::uint32_t p = 2 + random.below( 4 );
    PCenterOptions options;
    options.p = p;
    options.seed = 1 + round;
    SilentProgress progress;
    const Result<LocationSolution> result = solvePCenter( problem, options, progress );
    QVERIFY( result.isOk() );
    QCOMPARE( result->objective, enumerate( problem, p ) );
    QVERIFY( result->provenOptimal );
    QCOMPARE( result->lowerBound, result->objective );
    for ( std::uint32_t j : problem.required )
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t j : problem.banned )
      QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), j ) );
  }
}

void TestPCenterSolver::canceledKeepsBestAndBound()
{
  RandomSource random( 5 );
  const LocationProblem problem = planarProblem( random, 16 );
  PCenterOptions options;
  options.p = 3;
  CancelAtOnce cancel;
  const Result<LocationSolution> result = solvePCenter( problem, options, cancel );
  QVERIFY( result.isOk() );
  QVERIFY( result->canceled );
  QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), options.p );
  const double optimum = enumerate( problem, options.p );
  QVERIFY( result->objective >= optimum );
  QVERIFY( result->lowerBound <= optimum );
  double radius = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    radius = std::max( radius, problem.costAt( i, result->assignment[i] ) );
  QCOMPARE( radius, result->objective );
}

void TestPCenterSolver::sameSeedSameAnswer()
{
  RandomSource random( 7 );
  const LocationProblem problem = randomProblem( random, 60, 40, false );
  PCenterOptions options;
  options.p = 6;
  SilentProgress progress;
  const Result<LocationSolution> first = solvePCenter( problem, options, progress );
  const Result<LocationSolution> second = solvePCenter( problem, options, progress );
  QVERIFY( first.isOk() && second.isOk() );
  QCOMPARE( first->open, second->open );
  QCOMPARE( first->objective, second->objective );
}

void TestPCenterSolver::errorCodes()
{
  RandomSource random( 3 );
  LocationProblem problem = randomProblem( random, 5, 4, false );
  SilentProgress progress;
  PCenterOptions options;
  options.p = 5;
  QCOMPARE( solvePCenter( problem, options, progress ).error().code, ErrorCode::TooManyFacilities );
  options.p = 0;
  QCOMPARE( solvePCenter( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  options.p = 1;
  problem.required = { 0, 1 };
  QCOMPARE( solvePCenter( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  LocationProblem empty;
  QCOMPARE( solvePCenter( empty, options, progress ).error().code, ErrorCode::NoDemand );
}

void TestPCenterSolver::sparseWholeMatrixMatchesDense()
{
  RandomSource random( 21 );
  for ( int round = 0; round < 200; ++round )
  {
    LocationProblem problem = round % 2 == 0 ? randomProblem( random, 3 + random.below( 10 ), 2 + random.below( 8 ), round % 3 == 0 )
                                             : planarProblem( random, 10 + random.below( 5 ) );
    addRandomSiteRules( random, round, problem );
    PCenterOptions options;
    options.p = randomP( random, problem );
    SilentProgress progress;
    const Result<LocationSolution> dense = solvePCenter( problem, options, progress );
    // Every allowed pair stored, with nothing beyond (infinite beyondCost) or without beyondCost.
    compareAnswers( dense, solvePCenter( sparseOf( problem, INFINITY, round % 4 == 0 ), options, progress ) );
    const double reference = enumerate( problem, options.p );
    if ( reference < std::numeric_limits<double>::infinity() )
      QCOMPARE( dense->objective, reference );
  }
}

void TestPCenterSolver::sparseCutoffMatchesForbiddenDense()
{
  RandomSource random( 22 );
  int infeasibleSeen = 0;
  for ( int round = 0; round < 200; ++round )
  {
    LocationProblem problem = round % 2 == 0 ? randomProblem( random, 3 + random.below( 10 ), 2 + random.below( 8 ), round % 3 == 0 )
                                             : planarProblem( random, 10 + random.below( 5 ) );
    addRandomSiteRules( random, round, problem );
    const double cutoff = static_cast<double>( 10 + random.below( 60 ) );
    const SparseLocationProblem sparse = sparseOf( problem, cutoff, false );
    const LocationProblem forbidden = withUnstoredAt( problem, sparse, []( std::uint32_t ) { return kForbiddenAssignment; } );
    PCenterOptions options;
    options.p = randomP( random, problem );
    SilentProgress progress;
    const Result<LocationSolution> result = solvePCenter( sparse, options, progress );
    const double reference = enumerate( forbidden, options.p );
    if ( reference == std::numeric_limits<double>::infinity() )
    {
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, ErrorCode::Infeasible );
      ++infeasibleSeen;
      continue;
    }
    QVERIFY( result.isOk() );
    QCOMPARE( result->objective, reference );
    QVERIFY( result->provenOptimal );
    QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), options.p );
    for ( std::uint32_t j : problem.required )
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t j : problem.banned )
      QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    {
      const std::uint32_t j = result->assignment[i];
      if ( j != kUnassigned )
        QVERIFY( forbidden.costAt( i, j ) <= cutoff );
      if ( isServable( forbidden, i ) && forbidden.weightOf( i ) > 0.0 )
        QVERIFY( j != kUnassigned && forbidden.costAt( i, j ) <= result->objective );
    }
    compareAnswers( solvePCenter( forbidden, options, progress ), result );
  }
  QVERIFY( infeasibleSeen > 0 );
}

void TestPCenterSolver::kNearestDecidedOrUndecidable()
{
  // The sparse problem only knows an unstored pair costs at least beyondCost: its full problems
  // range from every unstored pair at beyondCost (least optimum) to every one forbidden (the
  // stored pairs alone, greatest). The answer is decided exactly when both optima agree.
  RandomSource random( 23 );
  int decided = 0;
  int undecidable = 0;
  for ( int round = 0; round < 300; ++round )
  {
    LocationProblem problem = round % 2 == 0 ? randomProblem( random, 3 + random.below( 10 ), 2 + random.below( 8 ), round % 3 == 0 )
                                             : planarProblem( random, 10 + random.below( 5 ) );
    addRandomSiteRules( random, round, problem );
    const SparseLocationProblem sparse = round % 3 == 2 ? sparseOf( problem, static_cast<double>( 10 + random.below( 60 ) ), true )
                                                        : kNearestReduction( problem, 1 + random.below( problem.candidateCount ) );
    PCenterOptions options;
    options.p = randomP( random, problem );
    SilentProgress progress;
    const double least = enumerate( withUnstoredAt( problem, sparse, [&]( std::uint32_t i ) { return std::min( sparse.beyondCost[i], kForbiddenAssignment ); } ), options.p );
    const LocationProblem storedOnly = withUnstoredAt( problem, sparse, []( std::uint32_t ) { return kForbiddenAssignment; } );
    double greatest = enumerate( storedOnly, options.p );
    // enumerate leaves unservable clients out; a client only unstored pairs serve has no bound.
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    {
      if ( problem.weightOf( i ) > 0.0 && isServable( problem, i ) && !isServable( storedOnly, i ) && sparse.beyondCost[i] < INFINITY )
        greatest = std::numeric_limits<double>::infinity();
    }
    const double full = enumerate( problem, options.p );
    QVERIFY( least <= full && full <= greatest );
    const Result<LocationSolution> result = solvePCenter( sparse, options, progress );
    if ( least == std::numeric_limits<double>::infinity() )
    {
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, ErrorCode::Infeasible );
      continue;
    }
    if ( least < greatest )
    {
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, ErrorCode::CoverageUndecidable );
      ++undecidable;
      continue;
    }
    QVERIFY( result.isOk() );
    QCOMPARE( result->objective, full );
    QCOMPARE( result->lowerBound, full );
    QVERIFY( result->provenOptimal );
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    {
      const std::uint32_t j = result->assignment[i];
      if ( isServable( problem, i ) && problem.weightOf( i ) > 0.0 )
        QVERIFY( j != kUnassigned && problem.costAt( i, j ) <= result->objective );
    }
    ++decided;
  }
  QVERIFY( decided > 20 );
  QVERIFY( undecidable > 20 );
}

void TestPCenterSolver::kNearestCanceledBoundHolds()
{
  RandomSource random( 24 );
  int answered = 0;
  for ( int round = 0; round < 40; ++round )
  {
    const LocationProblem problem = planarProblem( random, 14 );
    const SparseLocationProblem sparse = kNearestReduction( problem, 3 + random.below( 8 ) );
    PCenterOptions options;
    options.p = 2 + random.below( 3 );
    CancelAtOnce cancel;
    const Result<LocationSolution> result = solvePCenter( sparse, options, cancel );
    if ( !result.isOk() )
    {
      QCOMPARE( result.error().code, ErrorCode::Canceled );
      continue;
    }
    QVERIFY( result->canceled );
    const double full = enumerate( problem, options.p );
    QVERIFY( result->lowerBound <= full );
    QVERIFY( result->objective >= full );
    double radius = 0.0;
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
      radius = std::max( radius, problem.costAt( i, result->assignment[i] ) );
    QCOMPARE( radius, result->objective );
    ++answered;
  }
  QVERIFY( answered > 0 );
}

void TestPCenterSolver::sparseErrorCodes()
{
  RandomSource random( 25 );
  const LocationProblem problem = randomProblem( random, 5, 4, false );
  SparseLocationProblem sparse = sparseOf( problem, INFINITY, false );
  SilentProgress progress;
  PCenterOptions options;
  options.p = 5;
  QCOMPARE( solvePCenter( sparse, options, progress ).error().code, ErrorCode::TooManyFacilities );
  options.p = 0;
  QCOMPARE( solvePCenter( sparse, options, progress ).error().code, ErrorCode::InvalidArgument );
  options.p = 1;
  sparse.beyondCost = { 1.0 };
  QCOMPARE( solvePCenter( sparse, options, progress ).error().code, ErrorCode::InvalidArgument );
  sparse.beyondCost.clear();
  sparse.rowStart.pop_back();
  QCOMPARE( solvePCenter( sparse, options, progress ).error().code, ErrorCode::InvalidArgument );
}

QTEST_APPLESS_MAIN( TestPCenterSolver )
#include "test_pcenter_solver.moc"
