// Curve mode against per-p exhaustive enumeration: every point's objective is the p-median
// optimum, its bound does not exceed it, and its coverage share is recomputed from its sites.
#include "engine/solvers/pmedian_curve.h"
#include "engine/solvers/random_source.h"
#include "coverage_reference.h"

#include <QtTest>

#include <limits>

using namespace gf;

namespace {

//! Weighted cost of serving every client from its nearest site in \a mask (infinity if one cannot be).
double maskCost( const LocationProblem &problem, std::uint32_t mask )
{
  double total = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    double nearest = std::numeric_limits<double>::infinity();
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      if ( ( mask >> j & 1u ) && problem.costAt( i, j ) < kForbiddenAssignment )
        nearest = std::min( nearest, problem.costAt( i, j ) );
    }
    total += problem.weightOf( i ) * nearest;
  }
  return total;
}

double optimum( const LocationProblem &problem, std::uint32_t p )
{
  double best = std::numeric_limits<double>::infinity();
  for ( std::uint32_t mask = 1; mask < ( 1u << problem.candidateCount ); ++mask )
  {
    if ( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) == p && isAllowedMask( problem, mask ) )
      best = std::min( best, maskCost( problem, mask ) );
  }
  return best;
}

//! Share of the weight whose nearest site of \a open is within \a radius.
double coverageShare( const LocationProblem &problem, const std::vector<std::uint32_t> &open, double radius )
{
  double covered = 0.0;
  double total = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    double nearest = std::numeric_limits<double>::infinity();
    for ( std::uint32_t j : open )
      nearest = std::min( nearest, problem.costAt( i, j ) );
    total += problem.weightOf( i );
    covered += nearest <= radius ? problem.weightOf( i ) : 0.0;
  }
  return covered / total;
}

} // namespace

class TestPMedianCurve : public QObject
{
    Q_OBJECT

  private slots:
    void matchesPerPEnumeration();
    void errorCodes();
};

void TestPMedianCurve::matchesPerPEnumeration()
{
  RandomSource random( 77 );
  for ( int round = 0; round < 60; ++round )
  {
    LocationProblem problem;
    problem.clientCount = 6 + random.below( 8 );
    problem.candidateCount = 4 + random.below( 5 );
    problem.cost.resize( static_cast<std::size_t>( problem.clientCount ) * problem.candidateCount );
    for ( double &cost : problem.cost )
      cost = static_cast<double>( 1 + random.below( 90 ) );
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
      problem.clientWeight.push_back( 1.0 + random.below( 4 ) );
    addRandomSiteRules( random, round, problem );
    const std::uint32_t eligible = problem.candidateCount - static_cast<std::uint32_t>( problem.banned.size() );
    PMedianCurveOptions options;
    options.pMin = std::max<std::uint32_t>( 1, static_cast<std::uint32_t>( problem.required.size() ) );
    options.pMax = eligible;
    options.coverageRadius = 30.0;
    SilentProgress progress;
    const Result<std::vector<PMedianCurvePoint>> curve = solvePMedianCurve( problem, options, progress );
    QVERIFY( curve.isOk() );
    QCOMPARE( static_cast<std::uint32_t>( curve->size() ), options.pMax - options.pMin + 1 );
    for ( const PMedianCurvePoint &point : *curve )
    {
      const double reference = optimum( problem, point.p );
      QCOMPARE( static_cast<std::uint32_t>( point.open.size() ), point.p );
      QVERIFY2( std::fabs( point.objective - reference ) < 1e-6,
                qPrintable( QStringLiteral( "round %1 p %2: %3 vs %4" ).arg( round ).arg( point.p ).arg( point.objective ).arg( reference ) ) );
      QVERIFY( point.lowerBound <= reference + 1e-6 );
      QVERIFY( point.gap >= -1e-12 && point.gap <= 1.0 );
      QVERIFY( std::fabs( point.coveredWeightShare - coverageShare( problem, point.open, options.coverageRadius ) ) < 1e-12 );
      for ( std::uint32_t j : problem.required )
        QVERIFY( std::binary_search( point.open.begin(), point.open.end(), j ) );
      for ( std::uint32_t j : problem.banned )
        QVERIFY( !std::binary_search( point.open.begin(), point.open.end(), j ) );
    }
  }
}

void TestPMedianCurve::errorCodes()
{
  LocationProblem problem;
  problem.clientCount = 3;
  problem.candidateCount = 2;
  problem.cost = { 1, 2, 3, 4, 5, 6 };
  SilentProgress progress;
  PMedianCurveOptions options;
  options.pMin = 0;
  options.pMax = 2;
  QCOMPARE( solvePMedianCurve( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  options.pMin = 2;
  options.pMax = 1;
  QCOMPARE( solvePMedianCurve( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  options.pMin = 1;
  options.pMax = 3;
  QCOMPARE( solvePMedianCurve( problem, options, progress ).error().code, ErrorCode::TooManyFacilities );
  // Canceled before the first point: no curve.
  progress.cancel();
  options.pMax = 2;
  QCOMPARE( solvePMedianCurve( problem, options, progress ).error().code, ErrorCode::Canceled );
}

QTEST_APPLESS_MAIN( TestPMedianCurve )
#include "test_pmedian_curve.moc"
