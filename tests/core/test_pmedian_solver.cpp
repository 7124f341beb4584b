// p-median solver against exhaustive enumeration on small random instances.
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/random_source.h"
#include "pmedian_reference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace gf;

namespace {

LocationProblem randomProblem( RandomSource &random, std::uint32_t n, std::uint32_t m, bool weighted, bool forbidden )
{
  LocationProblem problem;
  problem.clientCount = n;
  problem.candidateCount = m;
  problem.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : problem.cost )
  {
    cost = static_cast<double>( random.below( 100 ) );
    if ( forbidden && random.below( 4 ) == 0 )
      cost = kForbiddenAssignment;
  }
  if ( weighted )
  {
    for ( std::uint32_t i = 0; i < n; ++i )
      problem.clientWeight.push_back( 0.5 + random.below( 10 ) * 0.25 );
  }
  return problem;
}

double unservedWeightOf( const LocationProblem &problem, const LocationSolution &solution )
{
  double total = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    if ( solution.assignment[i] == kUnassigned )
      total += problem.weightOf( i );
  }
  return total;
}

//! Objective, assignments and open set must agree with each other.
void verifyConsistent( const LocationProblem &problem, const LocationSolution &solution, std::uint32_t p )
{
  QCOMPARE( static_cast<std::uint32_t>( solution.open.size() ), p );
  QVERIFY( std::is_sorted( solution.open.begin(), solution.open.end() ) );
  QVERIFY( std::adjacent_find( solution.open.begin(), solution.open.end() ) == solution.open.end() );
  double objective = 0.0;
  std::uint32_t unserved = 0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    const std::uint32_t j = solution.assignment[i];
    double nearest = kForbiddenAssignment;
    for ( std::uint32_t open : solution.open )
      nearest = std::min( nearest, problem.costAt( i, open ) );
    if ( j == kUnassigned )
    {
      ++unserved;
      QVERIFY( nearest >= kForbiddenAssignment );
      continue;
    }
    QVERIFY( std::binary_search( solution.open.begin(), solution.open.end(), j ) );
    QCOMPARE( problem.costAt( i, j ), nearest );
    objective += problem.weightOf( i ) * nearest;
  }
  QCOMPARE( solution.unservedClients, unserved );
  QVERIFY( std::fabs( solution.objective - objective ) < 1e-6 );
}

} // namespace

class TestPMedianSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration_data();
    void matchesEnumeration();
    void requiredAndBannedRespected();
    void unservableClientsUnassigned();
    void sameSeedSameAnswer();
    void eliteSearchMatchesEnumeration();
    void regionalShakesKeepRules();
    void threadCountKeepsAnswer();
    void tooManyFacilities();
    void invalidInputs();
    void cancelKeepsBestSoFar();
};

void TestPMedianSolver::matchesEnumeration_data()
{
  QTest::addColumn<bool>( "weighted" );
  QTest::addColumn<bool>( "forbidden" );
  QTest::newRow( "unit weights" ) << false << false;
  QTest::newRow( "weights" ) << true << false;
  QTest::newRow( "forbidden pairs" ) << true << true;
}

void TestPMedianSolver::matchesEnumeration()
{
  QFETCH( bool, weighted );
  QFETCH( bool, forbidden );
  RandomSource random( weighted * 2 + forbidden + 11 );
  for ( int round = 0; round < 60; ++round )
  {
    const std::uint32_t n = 5 + random.below( 12 );
    const std::uint32_t m = 3 + random.below( 10 );
    const std::uint32_t p = 1 + random.below( m );
    const LocationProblem problem = randomProblem( random, n, m, weighted, forbidden );
    const PMedianReference reference = enumeratePMedian( problem, p );
    PMedianOptions options;
    options.p = p;
    options.seed = round;
    SilentProgress progress;
    const Result<LocationSolution> result = solvePMedian( problem, options, progress );
    QVERIFY( result.isOk() );
    verifyConsistent( problem, *result, p );
    QVERIFY( std::fabs( unservedWeightOf( problem, *result ) - reference.unservedWeight ) < 1e-9 );
    QVERIFY2( std::fabs( result->objective - reference.cost ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs optimum %3" ).arg( round ).arg( result->objective ).arg( reference.cost ) ) );
    QVERIFY( result->lowerBound <= reference.cost + 1e-6 );
    QVERIFY( !result->canceled );
  }
}

void TestPMedianSolver::requiredAndBannedRespected()
{
  RandomSource random( 5 );
  for ( int round = 0; round < 60; ++round )
  {
    const std::uint32_t n = 6 + random.below( 10 );
    const std::uint32_t m = 6 + random.below( 7 );
    LocationProblem problem = randomProblem( random, n, m, true, false );
    const std::uint32_t p = 2 + random.below( m - 4 );
    // One required and two banned candidates, all distinct.
    const std::uint32_t required = random.below( m );
    problem.required = { required };
    problem.banned = { ( required + 1 ) % m, ( required + 2 ) % m };
    const PMedianReference reference = enumeratePMedian( problem, p );
    PMedianOptions options;
    options.p = p;
    SilentProgress progress;
    const Result<LocationSolution> result = solvePMedian( problem, options, progress );
    QVERIFY( result.isOk() );
    verifyConsistent( problem, *result, p );
    QVERIFY( std::binary_search( result->open.begin(), result->open.end(), required ) );
    for ( std::uint32_t banned : problem.banned )
      QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), banned ) );
    QVERIFY( std::fabs( result->objective - reference.cost ) < 1e-6 );
    QVERIFY( result->lowerBound <= reference.cost + 1e-6 );
  }
}

void TestPMedianSolver::unservableClientsUnassigned()
{
  // Client 2 can only use banned candidate 1; client 3 nothing at all.
  LocationProblem problem;
  problem.clientCount = 4;
  problem.candidateCount = 3;
  const double x = kForbiddenAssignment;
  problem.cost = { 1, 5, 9,
                   4, 2, 7,
                   x, 1, x,
                   x, x, std::numeric_limits<double>::quiet_NaN() };
  problem.banned = { 1 };
  PMedianOptions options;
  options.p = 1;
  SilentProgress progress;
  const Result<LocationSolution> result = solvePMedian( problem, options, progress );
  QVERIFY( result.isOk() );
  QCOMPARE( result->open, std::vector<std::uint32_t>{ 0 } );
  QCOMPARE( result->assignment, ( std::vector<std::uint32_t>{ 0, 0, kUnassigned, kUnassigned } ) );
  QCOMPARE( result->unservedClients, 2u );
  QCOMPARE( result->objective, 5.0 );
}

void TestPMedianSolver::sameSeedSameAnswer()
{
  RandomSource random( 99 );
  const LocationProblem problem = randomProblem( random, 150, 120, true, false );
  PMedianOptions options;
  options.p = 12;
  options.seed = 7;
  options.maxIterations = 60;
  options.computeLowerBound = false;  // keep the metaheuristic running instead of stopping on proof
  SilentProgress progress;
  const Result<LocationSolution> first = solvePMedian( problem, options, progress );
  const Result<LocationSolution> second = solvePMedian( problem, options, progress );
  QVERIFY( first.isOk() && second.isOk() );
  QCOMPARE( first->open, second->open );
  QCOMPARE( first->assignment, second->assignment );
  QCOMPARE( first->objective, second->objective );
}

void TestPMedianSolver::eliteSearchMatchesEnumeration()
{
  // Without a bound nothing is proven, so every run goes through the VNS chains and relinking.
  RandomSource random( 41 );
  for ( int round = 0; round < 25; ++round )
  {
    const std::uint32_t n = 8 + random.below( 10 );
    const std::uint32_t m = 6 + random.below( 8 );
    const std::uint32_t p = 2 + random.below( m - 2 );
    const LocationProblem problem = randomProblem( random, n, m, true, false );
    const PMedianReference reference = enumeratePMedian( problem, p );
    PMedianOptions options;
    options.p = p;
    options.seed = round;
    options.threads = 1 + round % 3;
    options.maxIterations = 20;
    options.computeLowerBound = false;
    SilentProgress progress;
    const Result<LocationSolution> result = solvePMedian( problem, options, progress );
    QVERIFY( result.isOk() );
    verifyConsistent( problem, *result, p );
    QVERIFY( std::fabs( result->objective - reference.cost ) < 1e-6 );
  }
}

void TestPMedianSolver::regionalShakesKeepRules()
{
  // Points in the plane with many medians, the case the regional multi-swap shakes are for;
  // without a bound every run goes through them, and required sites must never leave.
  RandomSource random( 59 );
  for ( int round = 0; round < 20; ++round )
  {
    const std::uint32_t n = 10 + random.below( 5 );
    std::vector<double> x( n );
    std::vector<double> y( n );
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
        problem.cost.push_back( std::floor( std::hypot( x[i] - x[j], y[i] - y[j] ) ) );
    }
    const std::uint32_t required = random.below( n );
    problem.required = { required, ( required + 3 ) % n };
    problem.banned = { ( required + 1 ) % n };
    const std::uint32_t p = n - 3 - random.below( 4 );
    const PMedianReference reference = enumeratePMedian( problem, p );
    PMedianOptions options;
    options.p = p;
    options.seed = round;
    options.maxIterations = 30;
    options.computeLowerBound = false;
    SilentProgress progress;
    const Result<LocationSolution> result = solvePMedian( problem, options, progress );
    QVERIFY( result.isOk() );
    verifyConsistent( problem, *result, p );
    for ( std::uint32_t site : problem.required )
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), site ) );
    QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), problem.banned.front() ) );
    QVERIFY2( std::fabs( result->objective - reference.cost ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs optimum %3" ).arg( round ).arg( result->objective ).arg( reference.cost ) ) );
  }
}

void TestPMedianSolver::threadCountKeepsAnswer()
{
  RandomSource random( 77 );
  for ( int round = 0; round < 3; ++round )
  {
    const LocationProblem problem = randomProblem( random, 160, 140, true, false );
    PMedianOptions options;
    options.p = 10 + 5 * round;
    options.seed = 3 + round;
    options.maxIterations = 40;
    options.computeLowerBound = false;
    SilentProgress progress;
    const Result<LocationSolution> single = solvePMedian( problem, options, progress );
    QVERIFY( single.isOk() );
    for ( unsigned threads : { 2u, 4u } )
    {
      options.threads = threads;
      const Result<LocationSolution> parallel = solvePMedian( problem, options, progress );
      QVERIFY( parallel.isOk() );
      QCOMPARE( parallel->open, single->open );
      QCOMPARE( parallel->objective, single->objective );
    }
  }
}

void TestPMedianSolver::tooManyFacilities()
{
  RandomSource random( 3 );
  LocationProblem problem = randomProblem( random, 10, 6, false, false );
  problem.banned = { 0, 1 };
  PMedianOptions options;
  options.p = 5;
  SilentProgress progress;
  const Result<LocationSolution> result = solvePMedian( problem, options, progress );
  QVERIFY( !result.isOk() );
  QCOMPARE( result.error().code, ErrorCode::TooManyFacilities );
  options.p = 4;
  QVERIFY( solvePMedian( problem, options, progress ).isOk() );
}

void TestPMedianSolver::invalidInputs()
{
  RandomSource random( 4 );
  SilentProgress progress;
  PMedianOptions options;
  options.p = 2;
  LocationProblem problem = randomProblem( random, 8, 6, false, false );

  LocationProblem shortCost = problem;
  shortCost.cost.pop_back();
  QCOMPARE( solvePMedian( shortCost, options, progress ).error().code, ErrorCode::InvalidArgument );

  LocationProblem conflicting = problem;
  conflicting.required = { 3 };
  conflicting.banned = { 3 };
  QCOMPARE( solvePMedian( conflicting, options, progress ).error().code, ErrorCode::InvalidArgument );

  LocationProblem tooManyRequired = problem;
  tooManyRequired.required = { 0, 1, 2 };
  QCOMPARE( solvePMedian( tooManyRequired, options, progress ).error().code, ErrorCode::InvalidArgument );

  LocationProblem noClients;
  noClients.candidateCount = 3;
  QCOMPARE( solvePMedian( noClients, options, progress ).error().code, ErrorCode::NoDemand );

  options.p = 0;
  QCOMPARE( solvePMedian( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
}

namespace {

//! Reports cancellation once it has been polled a given number of times.
class CancelAfter final : public ProgressSink
{
  public:
    explicit CancelAfter( int polls ) : mPolls( polls ) {}
    void setProgress( double ) override {}
    bool isCanceled() const override { return --mPolls < 0; }

  private:
    mutable int mPolls;
};

} // namespace

void TestPMedianSolver::cancelKeepsBestSoFar()
{
  RandomSource random( 21 );
  const LocationProblem problem = randomProblem( random, 200, 150, false, false );
  PMedianOptions options;
  options.p = 10;
  options.computeLowerBound = false;

  CancelAfter immediately( 0 );
  const Result<LocationSolution> none = solvePMedian( problem, options, immediately );
  QVERIFY( !none.isOk() );
  QCOMPARE( none.error().code, ErrorCode::Canceled );

  CancelAfter later( 40 );
  const Result<LocationSolution> partial = solvePMedian( problem, options, later );
  QVERIFY( partial.isOk() );
  QVERIFY( partial->canceled );
  verifyConsistent( problem, *partial, options.p );
}

QTEST_APPLESS_MAIN( TestPMedianSolver )
#include "test_pmedian_solver.moc"
