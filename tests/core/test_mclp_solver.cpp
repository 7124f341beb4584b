// Maximal covering against exhaustive enumeration on small random instances.
#include "coverage_reference.h"
#include "engine/solvers/mclp_solver.h"

#include <QtTest>

using namespace gf;

class TestMclpSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void mergesIdenticalCoverage();
    void backupCoverage();
    void errorCodes();
    void sparseMatchesDense();
};

void TestMclpSolver::matchesEnumeration()
{
  RandomSource random( 31 );
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t n = 2 + random.below( 14 );
    const std::uint32_t m = 2 + random.below( 8 );
    LocationProblem problem = randomCoverageProblem( random, n, m );
    addRandomSiteRules( random, round, problem );
    MclpOptions options;
    options.radius = static_cast<double>( random.below( 80 ) );
    options.p = std::max<std::uint32_t>( static_cast<std::uint32_t>( problem.required.size() ),
                                         1 + random.below( m - static_cast<std::uint32_t>( problem.banned.size() ) ) );
    double reference = 0.0;
    for ( std::uint32_t mask = 0; mask < ( 1u << m ); ++mask )
    {
      if ( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) == options.p && isAllowedMask( problem, mask ) )
        reference = std::max( reference, coveredWeightOf( problem, mask, options.radius ) );
    }
    SilentProgress progress;
    const Result<CoverageSolution> result = solveMclp( problem, options, progress );
    QVERIFY( result.isOk() );
    QCOMPARE( result->coveredWeight, reference );
    QVERIFY( result->coveredWeightBound >= reference );
    QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), options.p );
    std::uint32_t mask = 0;
    for ( std::uint32_t j : result->open )
      mask |= 1u << j;
    QVERIFY( isAllowedMask( problem, mask ) );
    QCOMPARE( coveredWeightOf( problem, mask, options.radius ), result->coveredWeight );
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      bool covered = false;
      for ( std::uint32_t j : result->open )
        covered = covered || problem.costAt( i, j ) <= options.radius;
      const std::uint32_t j = result->coveringSite[i];
      QCOMPARE( j != kUnassigned, covered );
      if ( j != kUnassigned )
        QVERIFY( ( mask >> j & 1u ) && problem.costAt( i, j ) <= options.radius );
    }
  }
}

void TestMclpSolver::mergesIdenticalCoverage()
{
  // Clients 0, 1 and 3 are covered by candidate 0 alone; client 2 by candidate 1 alone.
  LocationProblem problem;
  problem.clientCount = 4;
  problem.candidateCount = 2;
  problem.cost = { 1, 50, 2, 60, 70, 3, 4, 80 };
  problem.clientWeight = { 1, 1, 2.5, 1 };
  MclpOptions options;
  options.radius = 10;
  SilentProgress progress;
  const Result<CoverageSolution> result = solveMclp( problem, options, progress );
  QVERIFY( result.isOk() );
  QCOMPARE( result->mergedClients, 2u );
  QCOMPARE( result->open, std::vector<std::uint32_t>{ 0 } );
  QCOMPARE( result->coveredWeight, 3.0 );
  QCOMPARE( result->totalWeight, 5.5 );
  QVERIFY( result->provenOptimal );
}

void TestMclpSolver::backupCoverage()
{
  // The tie-break is a swap descent: it must keep the maximal coverage, report the backup
  // weight of its open set, never do worse than the plain solution, and on these small
  // instances almost always reach the enumerated best backup among maximal covers.
  RandomSource random( 37 );
  int reached = 0;
  int rounds = 0;
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t n = 4 + random.below( 12 );
    const std::uint32_t m = 3 + random.below( 8 );
    LocationProblem problem = randomCoverageProblem( random, n, m );
    addRandomSiteRules( random, round, problem );
    MclpOptions options;
    options.radius = static_cast<double>( 20 + random.below( 80 ) );
    options.p = std::max<std::uint32_t>( static_cast<std::uint32_t>( problem.required.size() ),
                                         1 + random.below( m - static_cast<std::uint32_t>( problem.banned.size() ) ) );
    double bestCover = 0.0;
    double bestBackup = 0.0;
    for ( std::uint32_t mask = 0; mask < ( 1u << m ); ++mask )
    {
      if ( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) != options.p || !isAllowedMask( problem, mask ) )
        continue;
      const double cover = coveredWeightOf( problem, mask, options.radius );
      const double backup = backupWeightOf( problem, mask, options.radius );
      if ( cover > bestCover || ( cover == bestCover && backup > bestBackup ) )
      {
        bestCover = cover;
        bestBackup = backup;
      }
    }
    SilentProgress progress;
    const Result<CoverageSolution> plain = solveMclp( problem, options, progress );
    options.backupCoverage = true;
    const Result<CoverageSolution> result = solveMclp( problem, options, progress );
    QVERIFY( plain.isOk() && result.isOk() );
    std::uint32_t mask = 0;
    for ( std::uint32_t j : result->open )
      mask |= 1u << j;
    QCOMPARE( static_cast<std::uint32_t>( result->open.size() ), options.p );
    QVERIFY( isAllowedMask( problem, mask ) );
    QCOMPARE( result->coveredWeight, bestCover );
    QCOMPARE( result->backupWeight, backupWeightOf( problem, mask, options.radius ) );
    QVERIFY( result->backupWeight <= bestBackup );
    QVERIFY( result->backupWeight >= plain->backupWeight );
    reached += result->backupWeight == bestBackup ? 1 : 0;
    ++rounds;
  }
  QVERIFY2( reached >= rounds * 9 / 10, qPrintable( QStringLiteral( "%1 of %2" ).arg( reached ).arg( rounds ) ) );
}

void TestMclpSolver::errorCodes()
{
  RandomSource random( 2 );
  const LocationProblem problem = randomCoverageProblem( random, 4, 3 );
  SilentProgress progress;
  MclpOptions options;
  options.p = 4;
  QCOMPARE( solveMclp( problem, options, progress ).error().code, ErrorCode::TooManyFacilities );
  options.p = 0;
  QCOMPARE( solveMclp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  options.p = 1;
  options.radius = -1;
  QCOMPARE( solveMclp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
}

void TestMclpSolver::sparseMatchesDense()
{
  // All pairs, the pairs within the radius only (a cutoff), and the pairs within a larger
  // cutoff kept with their beyondCost: the sparse matrix decides every coverage, so the plan
  // is the dense one. A k-nearest matrix whose beyondCost is within the radius cannot.
  RandomSource random( 37 );
  for ( int round = 0; round < 200; ++round )
  {
    const std::uint32_t n = 2 + random.below( 14 );
    const std::uint32_t m = 2 + random.below( 8 );
    LocationProblem problem = randomCoverageProblem( random, n, m );
    addRandomSiteRules( random, round, problem );
    MclpOptions options;
    options.radius = static_cast<double>( random.below( 80 ) );
    options.p = std::max<std::uint32_t>( static_cast<std::uint32_t>( problem.required.size() ),
                                         1 + random.below( m - static_cast<std::uint32_t>( problem.banned.size() ) ) );
    options.backupCoverage = round % 2 == 0;
    SilentProgress progress;
    const Result<CoverageSolution> dense = solveMclp( problem, options, progress );
    QVERIFY( dense.isOk() );
    for ( const SparseLocationProblem &sparse : { sparseOf( problem, INFINITY, false ), sparseOf( problem, options.radius, false ),
                                                  sparseOf( problem, options.radius + 5, true ) } )
    {
      const Result<CoverageSolution> result = solveMclp( sparse, options, progress );
      QVERIFY( result.isOk() );
      QCOMPARE( result->coveredWeight, dense->coveredWeight );
      QCOMPARE( result->backupWeight, dense->backupWeight );
      QCOMPARE( result->coveredWeightBound, dense->coveredWeightBound );
      QCOMPARE( result->open, dense->open );
      QCOMPARE( result->coveringSite, dense->coveringSite );
    }
  }

  // Client 1 keeps only its nearest candidate; the other may be as near as 5 <= radius.
  LocationProblem problem;
  problem.clientCount = 2;
  problem.candidateCount = 2;
  problem.cost = { 1, 2, 3, 9 };
  MclpOptions options;
  options.radius = 6;
  SparseLocationProblem sparse = sparseOf( problem, 4, true );
  sparse.beyondCost = { 20, 5 };
  SilentProgress progress;
  const Result<CoverageSolution> undecidable = solveMclp( sparse, options, progress );
  QVERIFY( !undecidable.isOk() );
  QCOMPARE( undecidable.error().code, ErrorCode::CoverageUndecidable );
  QCOMPARE( undecidable.error().subject, std::string( "1" ) );
  // The only unstored pair banned: nothing is left to decide.
  sparse.banned = { 1 };
  QVERIFY( solveMclp( sparse, options, progress ).isOk() );
}

QTEST_APPLESS_MAIN( TestMclpSolver )
#include "test_mclp_solver.moc"
