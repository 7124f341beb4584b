// Capacitated p-median against exhaustive enumeration of every assignment
// (single_source_reference.h), with site rules, and its error codes.
#include "engine/solvers/cpmp_solver.h"
#include "engine/solvers/random_source.h"
#include "coverage_reference.h"
#include "single_source_reference.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace gf;

namespace {

CpmpProblem randomProblem( RandomSource &random, std::uint32_t n, std::uint32_t m )
{
  CpmpProblem problem;
  LocationProblem &location = problem.location;
  location.clientCount = n;
  location.candidateCount = m;
  location.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : location.cost )
    cost = random.below( 10 ) == 0 ? kForbiddenAssignment : static_cast<double>( random.below( 50 ) );
  location.clientWeight.resize( n );
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    problem.demand.push_back( 1.0 + random.below( 4 ) );
    location.clientWeight[i] = 1.0 + random.below( 3 );
  }
  for ( std::uint32_t j = 0; j < m; ++j )
    problem.capacity.push_back( static_cast<double>( 4 + random.below( 10 ) ) );
  return problem;
}

SingleSourceReferenceData referenceData( const CpmpProblem &problem, std::uint32_t p )
{
  return { &problem.location, std::vector<double>( problem.location.candidateCount, 0.0 ), problem.capacity, problem.demand, p, p };
}

} // namespace

class TestCpmpSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void geometricTightMatchesEnumeration();
    void sameSeedSameAnswer();
    void errorCodes();
};

void TestCpmpSolver::matchesEnumeration()
{
  RandomSource random( 47 );
  int solved = 0;
  for ( int round = 0; round < 250; ++round )
  {
    const std::uint32_t n = 2 + random.below( 6 );
    const std::uint32_t m = 2 + random.below( 4 );
    CpmpProblem problem = randomProblem( random, n, m );
    addRandomSiteRules( random, round, problem.location );
    CpmpOptions options;
    options.p = 1 + random.below( m - 1 );
    const SingleSourceReferenceData data = referenceData( problem, options.p );
    const double reference = enumerateSingleSource( data );
    SilentProgress progress;
    const Result<LocationSolution> result = solveCpmp( problem, options, progress );
    if ( reference == std::numeric_limits<double>::infinity() )
    {
      QVERIFY( !result.isOk() );
      const ErrorCode code = result.error().code;
      QVERIFY( code == ErrorCode::CapacityBelowDemand || code == ErrorCode::Infeasible || code == ErrorCode::InvalidArgument
               || code == ErrorCode::TooManyFacilities );
      continue;
    }
    QVERIFY2( result.isOk(), qPrintable( QStringLiteral( "round %1: no solution" ).arg( round ) ) );
    ++solved;
    QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), options.p );
    QVERIFY2( std::fabs( result->objective - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result->objective ).arg( reference ) ) );
    QVERIFY( result->lowerBound <= reference + 1e-6 );
    QVERIFY( isFeasibleSingleSource( data, *result ) );
  }
  QVERIFY( solved > 100 );
}

// Points in the plane that are both clients and sites, with little spare capacity: the
// uncapacitated start is infeasible as it stands, so the capacitated location-allocation,
// pair re-optimisation and ejection chains all run; still the enumerated optimum.
void TestCpmpSolver::geometricTightMatchesEnumeration()
{
  RandomSource random( 2024 );
  for ( int round = 0; round < 40; ++round )
  {
    const std::uint32_t n = 5 + random.below( 3 );
    std::vector<double> x( n );
    std::vector<double> y( n );
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      x[i] = random.below( 100 );
      y[i] = random.below( 100 );
    }
    CpmpProblem problem;
    problem.location.clientCount = n;
    problem.location.candidateCount = n;
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      for ( std::uint32_t j = 0; j < n; ++j )
        problem.location.cost.push_back( std::sqrt( ( x[i] - x[j] ) * ( x[i] - x[j] ) + ( y[i] - y[j] ) * ( y[i] - y[j] ) ) );
      problem.demand.push_back( 1.0 + random.below( 9 ) );
    }
    CpmpOptions options;
    options.p = 2 + random.below( 2 );
    double total = 0.0;
    for ( double demand : problem.demand )
      total += demand;
    // Between 5 % and 35 % more capacity than demand over the p sites.
    const double capacity = std::ceil( total * ( 1.05 + 0.01 * random.below( 31 ) ) / options.p );
    problem.capacity.assign( n, capacity );
    const SingleSourceReferenceData data = referenceData( problem, options.p );
    const double reference = enumerateSingleSource( data );
    SilentProgress progress;
    const Result<LocationSolution> result = solveCpmp( problem, options, progress );
    if ( reference == std::numeric_limits<double>::infinity() )
    {
      QVERIFY( !result.isOk() );
      continue;
    }
    QVERIFY2( result.isOk(), qPrintable( QStringLiteral( "round %1: no solution" ).arg( round ) ) );
    QVERIFY2( std::fabs( result->objective - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result->objective ).arg( reference ) ) );
    QVERIFY( result->lowerBound <= reference + 1e-6 );
    QVERIFY( isFeasibleSingleSource( data, *result ) );
  }
}

void TestCpmpSolver::sameSeedSameAnswer()
{
  RandomSource random( 8 );
  CpmpProblem problem = randomProblem( random, 90, 90 );
  for ( double &capacity : problem.capacity )
    capacity *= 3.0;
  CpmpOptions options;
  options.p = 12;
  options.seed = 4;
  options.timeLimitS = 1000.0;
  options.maxIterations = 40;
  SilentProgress progress;
  const Result<LocationSolution> first = solveCpmp( problem, options, progress );
  const Result<LocationSolution> second = solveCpmp( problem, options, progress );
  QVERIFY( first.isOk() && second.isOk() );
  QCOMPARE( first->open, second->open );
  QCOMPARE( first->assignment, second->assignment );
  QVERIFY( isFeasibleSingleSource( referenceData( problem, options.p ), *first ) );
}

void TestCpmpSolver::errorCodes()
{
  RandomSource random( 3 );
  const CpmpProblem base = randomProblem( random, 6, 4 );
  SilentProgress progress;
  CpmpProblem problem = base;
  problem.capacity.assign( 4, 6.0 );
  problem.demand.assign( 6, 3.0 );
  CpmpOptions options;
  options.p = 2;
  // Four sites would hold the demand, two cannot.
  QCOMPARE( solveCpmp( problem, options, progress ).error().code, ErrorCode::CapacityBelowDemand );
  options.p = 5;
  QCOMPARE( solveCpmp( base, options, progress ).error().code, ErrorCode::TooManyFacilities );
  options.p = 0;
  QCOMPARE( solveCpmp( base, options, progress ).error().code, ErrorCode::InvalidArgument );
  problem = base;
  problem.capacity.pop_back();
  options.p = 2;
  QCOMPARE( solveCpmp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
}

QTEST_APPLESS_MAIN( TestCpmpSolver )
#include "test_cpmp_solver.moc"
