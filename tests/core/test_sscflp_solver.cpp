// Single-source capacitated facility location against exhaustive enumeration of every
// assignment (single_source_reference.h), with site rules and count limits.
#include "engine/solvers/random_source.h"
#include "engine/solvers/sscflp_solver.h"
#include "coverage_reference.h"
#include "single_source_reference.h"

#include <QtTest>

#include <limits>

using namespace gf;

namespace {

SingleSourceReferenceData referenceData( const SscflpProblem &problem, const SscflpOptions &options )
{
  return { &problem.location, problem.fixedCost, problem.capacity, problem.demand, options.minFacilities, options.maxFacilities };
}

} // namespace

class TestSscflpSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void sameSeedSameAnswer();
    void errorCodes();
};

void TestSscflpSolver::matchesEnumeration()
{
  RandomSource random( 31 );
  int solved = 0;
  for ( int round = 0; round < 250; ++round )
  {
    const std::uint32_t n = 2 + random.below( 6 );
    const std::uint32_t m = 2 + random.below( 4 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, false );
    addRandomSiteRules( random, round, problem.location );
    SscflpOptions options;
    if ( round % 3 == 0 )
    {
      options.minFacilities = 1 + random.below( 2 );
      options.maxFacilities = options.minFacilities + random.below( 2 );
    }
    const SingleSourceReferenceData data = referenceData( problem, options );
    const double reference = enumerateSingleSource( data );
    SilentProgress progress;
    const Result<LocationSolution> result = solveSscflp( problem, options, progress );
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
    QVERIFY2( std::fabs( result->objective - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result->objective ).arg( reference ) ) );
    QVERIFY( result->lowerBound <= reference + 1e-6 );
    QVERIFY( isFeasibleSingleSource( data, *result ) );
  }
  QVERIFY( solved > 100 );
}

void TestSscflpSolver::sameSeedSameAnswer()
{
  RandomSource random( 5 );
  SscflpProblem problem = randomSscflpProblem( random, 80, 16, false );
  for ( double &capacity : problem.capacity )
    capacity *= 3.0;
  SscflpOptions options;
  options.seed = 9;
  options.timeLimitS = 1000.0;
  options.maxIterations = 40;
  SilentProgress progress;
  const Result<LocationSolution> first = solveSscflp( problem, options, progress );
  const Result<LocationSolution> second = solveSscflp( problem, options, progress );
  QVERIFY( first.isOk() && second.isOk() );
  QCOMPARE( first->open, second->open );
  QCOMPARE( first->assignment, second->assignment );
  QCOMPARE( first->objective, second->objective );
  QVERIFY( isFeasibleSingleSource( referenceData( problem, options ), *first ) );
}

void TestSscflpSolver::errorCodes()
{
  RandomSource random( 2 );
  const SscflpProblem base = randomSscflpProblem( random, 5, 3, false );
  SilentProgress progress;
  SscflpProblem problem = base;
  problem.capacity.assign( 3, 1.0 );
  QCOMPARE( solveSscflp( problem, SscflpOptions(), progress ).error().code, ErrorCode::CapacityBelowDemand );
  // Enough capacity in total, but one client's demand fits no single candidate.
  problem = base;
  problem.capacity.assign( 3, 100.0 );
  problem.demand[2] = 150.0;
  const Result<LocationSolution> tooBig = solveSscflp( problem, SscflpOptions(), progress );
  QCOMPARE( tooBig.error().code, ErrorCode::CapacityBelowDemand );
  QCOMPARE( tooBig.error().subject, std::string( "2" ) );
  // One site may open but no single site holds the demand.
  problem = base;
  problem.capacity.assign( 3, 12.0 );
  problem.demand.assign( 5, 4.0 );
  SscflpOptions oneSite;
  oneSite.maxFacilities = 1;
  QCOMPARE( solveSscflp( problem, oneSite, progress ).error().code, ErrorCode::CapacityBelowDemand );
  problem = base;
  problem.demand.pop_back();
  QCOMPARE( solveSscflp( problem, SscflpOptions(), progress ).error().code, ErrorCode::InvalidArgument );
  problem = base;
  problem.demand.assign( 5, 0.0 );
  QCOMPARE( solveSscflp( problem, SscflpOptions(), progress ).error().code, ErrorCode::NoDemand );
  SscflpOptions tooMany;
  tooMany.minFacilities = 4;
  QCOMPARE( solveSscflp( base, tooMany, progress ).error().code, ErrorCode::TooManyFacilities );
}

QTEST_APPLESS_MAIN( TestSscflpSolver )
#include "test_sscflp_solver.moc"
