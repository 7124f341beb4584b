// Exact p-median mode (CBC) against exhaustive enumeration.
#include "engine/solvers/random_source.h"
#include "milp/pmedian_milp.h"

#include <QtTest>

#include <algorithm>
#include <limits>

using namespace gf;

namespace {

double bruteForce( const LocationProblem &problem, std::uint32_t p )
{
  double best = std::numeric_limits<double>::infinity();
  for ( std::uint32_t mask = 0; mask < ( 1u << problem.candidateCount ); ++mask )
  {
    if ( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) != p )
      continue;
    bool allowed = true;
    for ( std::uint32_t j : problem.required )
      allowed = allowed && ( mask >> j & 1u );
    for ( std::uint32_t j : problem.banned )
      allowed = allowed && !( mask >> j & 1u );
    if ( !allowed )
      continue;
    double total = 0.0;
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    {
      double nearest = std::numeric_limits<double>::infinity();
      for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
      {
        if ( mask >> j & 1u )
          nearest = std::min( nearest, problem.costAt( i, j ) );
      }
      total += problem.weightOf( i ) * nearest;
    }
    best = std::min( best, total );
  }
  return best;
}

} // namespace

class TestPMedianMilp : public QObject
{
    Q_OBJECT

  private slots:
    void cbcAgreesWithEnumeration();
    void exactModeProvesOptimum();
};

void TestPMedianMilp::cbcAgreesWithEnumeration()
{
  RandomSource random( 17 );
  for ( int round = 0; round < 8; ++round )
  {
    LocationProblem problem;
    problem.clientCount = 8 + random.below( 6 );
    problem.candidateCount = 5 + random.below( 5 );
    for ( std::uint32_t k = 0; k < problem.clientCount * problem.candidateCount; ++k )
      problem.cost.push_back( static_cast<double>( random.below( 50 ) ) );
    problem.required = { 0 };
    problem.banned = { 1 };
    const std::uint32_t p = 2 + random.below( problem.candidateCount - 3 );
    const PMedianMilp milp( problem, p );
    MilpOptions options;
    SilentProgress progress;
    const Result<MilpResult> result = solveWithCbc( milp.model(), options, progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    QVERIFY( std::fabs( result->objective - bruteForce( problem, p ) ) < 1e-6 );
    const std::vector<std::uint32_t> open = milp.decodeOpen( result->values );
    QCOMPARE( static_cast<std::uint32_t>( open.size() ), p );
    QVERIFY( std::binary_search( open.begin(), open.end(), 0u ) );
    QVERIFY( !std::binary_search( open.begin(), open.end(), 1u ) );
  }
}

void TestPMedianMilp::exactModeProvesOptimum()
{
  RandomSource random( 23 );
  LocationProblem problem;
  problem.clientCount = 14;
  problem.candidateCount = 12;
  for ( std::uint32_t k = 0; k < problem.clientCount * problem.candidateCount; ++k )
    problem.cost.push_back( static_cast<double>( random.below( 1000 ) ) );
  PMedianExactOptions options;
  options.heuristic.p = 4;
  options.heuristic.computeLowerBound = false;  // leave the proof to CBC
  SilentProgress progress;
  const Result<LocationSolution> result = solvePMedianExact( problem, options, progress );
  QVERIFY( result.isOk() );
  QVERIFY( result->provenOptimal );
  const double optimum = bruteForce( problem, 4 );
  QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
  QVERIFY( result->lowerBound <= optimum + 1e-6 );
  QVERIFY( result->lowerBound >= optimum - 1e-6 );
}

QTEST_APPLESS_MAIN( TestPMedianMilp )
#include "test_pmedian_milp.moc"
