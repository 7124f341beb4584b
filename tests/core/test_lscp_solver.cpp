// Location set covering against exhaustive enumeration on small random instances.
#include "coverage_reference.h"
#include "engine/solvers/lscp_solver.h"

#include <QtTest>

using namespace gf;

class TestLscpSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void largerCoversMatchEnumeration();
    void errorCodes();
    void sparseMatchesDense();
};

void TestLscpSolver::matchesEnumeration()
{
  RandomSource random( 41 );
  int solved = 0;
  int uncoverable = 0;
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t n = 2 + random.below( 12 );
    const std::uint32_t m = 2 + random.below( 8 );
    LocationProblem problem = randomCoverageProblem( random, n, m );
    addRandomSiteRules( random, round, problem );
    LscpOptions options;
    options.radius = static_cast<double>( 30 + random.below( 70 ) );
    options.share = round % 3 == 0 ? 0.25 * ( 1 + random.below( 4 ) ) : 1.0;
    double total = 0.0;
    for ( std::uint32_t i = 0; i < n; ++i )
      total += problem.weightOf( i );
    const double target = options.share * total - 1e-9;
    std::uint32_t reference = UINT32_MAX;
    for ( std::uint32_t mask = 1; mask < ( 1u << m ); ++mask )
    {
      const std::uint32_t count = static_cast<std::uint32_t>( __builtin_popcount( mask ) );
      if ( count < reference && isAllowedMask( problem, mask ) && coveredWeightOf( problem, mask, options.radius ) >= target )
        reference = count;
    }
    SilentProgress progress;
    const Result<CoverageSolution> result = solveLscp( problem, options, progress );
    if ( reference == UINT32_MAX )
    {
      QVERIFY( !result.isOk() );
      QCOMPARE( result.error().code, ErrorCode::NothingCoverable );
      ++uncoverable;
      continue;
    }
    ++solved;
    QVERIFY( result.isOk() );
    QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), reference );
    QVERIFY( result->siteCountBound <= reference );
    std::uint32_t mask = 0;
    for ( std::uint32_t j : result->open )
      mask |= 1u << j;
    QVERIFY( isAllowedMask( problem, mask ) );
    QVERIFY( coveredWeightOf( problem, mask, options.radius ) >= target );
    QCOMPARE( result->coveredWeight, coveredWeightOf( problem, mask, options.radius ) );
  }
  QVERIFY( solved > 50 && uncoverable > 0 );
}

void TestLscpSolver::largerCoversMatchEnumeration()
{
  // Enough rows and columns that the reductions leave rows to the bound and the search.
  RandomSource random( 47 );
  int searched = 0;
  for ( int round = 0; round < 60; ++round )
  {
    const std::uint32_t n = 25 + random.below( 35 );
    const std::uint32_t m = 10 + random.below( 7 );
    LocationProblem problem = randomCoverageProblem( random, n, m );
    addRandomSiteRules( random, round, problem );
    LscpOptions options;
    options.radius = static_cast<double>( 15 + random.below( 25 ) );
    // Clients (with weight) each candidate covers, as bits, for a fast enumeration.
    std::vector<std::uint64_t> clientsOf( m, 0 );
    std::uint64_t needed = 0;
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      if ( problem.weightOf( i ) <= 0.0 )
        continue;
      needed |= std::uint64_t( 1 ) << i;
      for ( std::uint32_t j = 0; j < m; ++j )
      {
        if ( problem.costAt( i, j ) <= options.radius )
          clientsOf[j] |= std::uint64_t( 1 ) << i;
      }
    }
    std::uint32_t reference = UINT32_MAX;
    for ( std::uint32_t mask = 1; mask < ( 1u << m ); ++mask )
    {
      const std::uint32_t count = static_cast<std::uint32_t>( __builtin_popcount( mask ) );
      if ( count >= reference || !isAllowedMask( problem, mask ) )
        continue;
      std::uint64_t covered = 0;
      for ( std::uint32_t j = 0; j < m; ++j )
      {
        if ( mask >> j & 1u )
          covered |= clientsOf[j];
      }
      if ( ( covered & needed ) == needed )
        reference = count;
    }
    SilentProgress progress;
    const Result<CoverageSolution> result = solveLscp( problem, options, progress );
    if ( reference == UINT32_MAX )
    {
      QVERIFY( !result.isOk() );
      continue;
    }
    QVERIFY( result.isOk() );
    QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), reference );
    QVERIFY( result->provenOptimal );
    QCOMPARE( result->siteCountBound, reference );
    std::uint32_t mask = 0;
    for ( std::uint32_t j : result->open )
      mask |= 1u << j;
    QVERIFY( isAllowedMask( problem, mask ) );
    std::uint64_t covered = 0;
    for ( std::uint32_t j : result->open )
      covered |= clientsOf[j];
    QCOMPARE( covered & needed, needed );
    searched += reference >= 4 ? 1 : 0;
    // Stopped at once: a cover and a bound that still bracket the optimum.
    options.timeLimitS = 0.0;
    const Result<CoverageSolution> stopped = solveLscp( problem, options, progress );
    QVERIFY( stopped.isOk() );
    QVERIFY( stopped->siteCountBound <= reference );
    QVERIFY( stopped->open.size() >= reference );
    QCOMPARE( stopped->provenOptimal, stopped->open.size() == stopped->siteCountBound );
  }
  QVERIFY( searched > 20 );
}

void TestLscpSolver::errorCodes()
{
  LocationProblem problem;
  problem.clientCount = 2;
  problem.candidateCount = 2;
  problem.cost = { 1, 2, 50, kForbiddenAssignment };
  LscpOptions options;
  options.radius = 10;
  SilentProgress progress;
  const Result<CoverageSolution> result = solveLscp( problem, options, progress );
  QCOMPARE( result.error().code, ErrorCode::NothingCoverable );
  QCOMPARE( result.error().subject, std::string( "1" ) );
  options.share = 0.5;
  QVERIFY( solveLscp( problem, options, progress ).isOk() );
  options.share = 0.0;
  QCOMPARE( solveLscp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  options.share = 1.0;
  options.radius = -2.0;
  QCOMPARE( solveLscp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
}

void TestLscpSolver::sparseMatchesDense()
{
  // A sparse matrix that decides every coverage (all pairs, a cutoff at the radius, a larger
  // cutoff with beyondCost) gives the dense plan or the dense error; one whose beyondCost is
  // within the radius gives CoverageUndecidable.
  RandomSource random( 43 );
  for ( int round = 0; round < 200; ++round )
  {
    const std::uint32_t n = 2 + random.below( 12 );
    const std::uint32_t m = 2 + random.below( 8 );
    LocationProblem problem = randomCoverageProblem( random, n, m );
    addRandomSiteRules( random, round, problem );
    LscpOptions options;
    options.radius = static_cast<double>( 30 + random.below( 70 ) );
    options.share = round % 3 == 0 ? 0.25 * ( 1 + random.below( 4 ) ) : 1.0;
    SilentProgress progress;
    const Result<CoverageSolution> dense = solveLscp( problem, options, progress );
    for ( const SparseLocationProblem &sparse : { sparseOf( problem, INFINITY, false ), sparseOf( problem, options.radius, false ),
                                                  sparseOf( problem, options.radius + 5, true ) } )
    {
      const Result<CoverageSolution> result = solveLscp( sparse, options, progress );
      QCOMPARE( result.isOk(), dense.isOk() );
      if ( !dense.isOk() )
      {
        QCOMPARE( result.error().code, dense.error().code );
        continue;
      }
      QCOMPARE( result->open, dense->open );
      QCOMPARE( result->siteCountBound, dense->siteCountBound );
      QCOMPARE( result->coveredWeight, dense->coveredWeight );
    }
    // Unstored pairs that may cost just the radius: undecidable when a client misses an
    // eligible candidate (one that is not banned).
    SparseLocationProblem nearest = sparseOf( problem, options.radius - 1, true );
    std::fill( nearest.beyondCost.begin(), nearest.beyondCost.end(), options.radius );
    bool missing = false;
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      for ( std::uint32_t j = 0; j < m; ++j )
      {
        const bool banned = std::find( problem.banned.begin(), problem.banned.end(), j ) != problem.banned.end();
        missing = missing || ( !banned && !( problem.costAt( i, j ) <= options.radius - 1 ) );
      }
    }
    if ( missing )
      QCOMPARE( solveLscp( nearest, options, progress ).error().code, ErrorCode::CoverageUndecidable );
  }
}

QTEST_APPLESS_MAIN( TestLscpSolver )
#include "test_lscp_solver.moc"
