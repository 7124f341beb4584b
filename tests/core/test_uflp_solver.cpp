// Uncapacitated facility location against exhaustive enumeration on small random instances.
#include "engine/solvers/random_source.h"
#include "engine/solvers/uflp_solver.h"

#include "coverage_reference.h"

#include <QtTest>

#include <algorithm>
#include <limits>

using namespace gf;

namespace {

bool contains( const std::vector<std::uint32_t> &list, std::uint32_t value )
{
  return std::find( list.begin(), list.end(), value ) != list.end();
}

//! Lexicographic reference: fewest clients with positive weight left unserved, then least cost.
struct Reference
{
  std::uint32_t unserved = std::numeric_limits<std::uint32_t>::max();
  double cost = std::numeric_limits<double>::infinity();
};

//! Every allowed open set within the count limits.
Reference enumerate( const UflpProblem &problem, std::uint32_t minOpen, std::uint32_t maxOpen )
{
  const LocationProblem &location = problem.location;
  Reference best;
  for ( std::uint32_t mask = 1; mask < ( 1u << location.candidateCount ); ++mask )
  {
    const std::uint32_t count = static_cast<std::uint32_t>( __builtin_popcount( mask ) );
    if ( count < minOpen || count > maxOpen )
      continue;
    bool allowed = true;
    Reference value{ 0, 0.0 };
    for ( std::uint32_t j = 0; j < location.candidateCount; ++j )
    {
      const bool open = mask >> j & 1u;
      allowed = allowed && !( open && contains( location.banned, j ) ) && ( open || !contains( location.required, j ) );
      value.cost += open ? problem.fixedCost[j] : 0.0;
    }
    if ( !allowed )
      continue;
    for ( std::uint32_t i = 0; i < location.clientCount; ++i )
    {
      double nearest = kForbiddenAssignment;
      for ( std::uint32_t j = 0; j < location.candidateCount; ++j )
      {
        if ( mask >> j & 1u )
          nearest = std::min( nearest, location.costAt( i, j ) );
      }
      if ( nearest < kForbiddenAssignment )
        value.cost += location.weightOf( i ) * nearest;
      else if ( location.weightOf( i ) > 0.0 )
        ++value.unserved;
    }
    if ( value.unserved < best.unserved || ( value.unserved == best.unserved && value.cost < best.cost ) )
      best = value;
  }
  return best;
}

UflpProblem randomProblem( RandomSource &random, std::uint32_t n, std::uint32_t m, bool forbidden )
{
  UflpProblem problem;
  LocationProblem &location = problem.location;
  location.clientCount = n;
  location.candidateCount = m;
  location.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : location.cost )
    cost = forbidden && random.below( 5 ) == 0 ? kForbiddenAssignment : static_cast<double>( random.below( 50 ) );
  for ( std::uint32_t i = 0; i < n; ++i )
    location.clientWeight.push_back( 0.5 * random.below( 5 ) );
  for ( std::uint32_t j = 0; j < m; ++j )
    problem.fixedCost.push_back( static_cast<double>( random.below( 120 ) ) );
  return problem;
}

//! Rounds with required, banned, min and max counts as in matchesEnumeration; \a maxOpen gets the
//! effective maximum.
UflpOptions randomRules( RandomSource &random, int round, UflpProblem &problem, std::uint32_t &minOpen, std::uint32_t &maxOpen )
{
  const std::uint32_t m = problem.location.candidateCount;
  if ( round % 4 == 1 )
    problem.location.banned.push_back( random.below( m ) );
  const std::uint32_t required = random.below( m );
  if ( round % 5 == 2 && !contains( problem.location.banned, required ) )
    problem.location.required.push_back( required );
  const std::uint32_t eligible = m - static_cast<std::uint32_t>( problem.location.banned.size() );
  UflpOptions options;
  if ( round % 6 == 3 )
    options.minFacilities = 1 + random.below( eligible );
  if ( round % 7 == 4 )
    options.maxFacilities = std::max<std::uint32_t>( { 1u, options.minFacilities, static_cast<std::uint32_t>( problem.location.required.size() ) } );
  minOpen = std::max( 1u, options.minFacilities );
  maxOpen = options.maxFacilities > 0 ? options.maxFacilities : eligible;
  return options;
}

//! Fixed costs plus each client's cost from its assigned candidate in \a location.
double planCost( const UflpProblem &problem, const LocationSolution &solution )
{
  double objective = 0.0;
  for ( std::uint32_t j : solution.open )
    objective += problem.fixedCost[j];
  for ( std::uint32_t i = 0; i < problem.location.clientCount; ++i )
  {
    if ( solution.assignment[i] != kUnassigned )
      objective += problem.location.weightOf( i ) * problem.location.costAt( i, solution.assignment[i] );
  }
  return objective;
}

} // namespace

class TestUflpSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void provesLargerInstances();
    void stoppedEarlyKeepsBestSoFar();
    void sameSeedSameAnswer();
    void errorCodes();
    void sparseMatchesDense();
    void sparseCutoffMatchesForbiddenDense();
    void kNearestBoundHoldsForFullProblem();
};

void TestUflpSolver::matchesEnumeration()
{
  RandomSource random( 11 );
  for ( int round = 0; round < 400; ++round )
  {
    const std::uint32_t n = 2 + random.below( 12 );
    const std::uint32_t m = 2 + random.below( 9 );
    UflpProblem problem = randomProblem( random, n, m, round % 3 == 0 );
    std::uint32_t minOpen = 0;
    std::uint32_t maxOpen = 0;
    const UflpOptions options = randomRules( random, round, problem, minOpen, maxOpen );
    const Reference reference = enumerate( problem, minOpen, maxOpen );
    SilentProgress progress;
    const Result<LocationSolution> result = solveUflp( problem, options, progress );
    QVERIFY( result.isOk() );
    std::uint32_t unserved = 0;
    for ( std::uint32_t i = 0; i < n; ++i )
      unserved += result->assignment[i] == kUnassigned && problem.location.weightOf( i ) > 0.0 ? 1 : 0;
    QCOMPARE( unserved, reference.unserved );
    QVERIFY2( std::fabs( result->objective - reference.cost ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result->objective ).arg( reference.cost ) ) );
    if ( unserved == 0 )
    {
      // The branch and bound closes whatever gap the Lagrangian bound leaves.
      QVERIFY( result->provenOptimal );
      QVERIFY( result->lowerBound <= reference.cost + 1e-6 );
      QVERIFY( result->lowerBound >= reference.cost - 1e-6 );
    }
    const std::uint32_t count = static_cast<std::uint32_t>( result->open.size() );
    QVERIFY( count >= options.minFacilities && count <= maxOpen );
    for ( std::uint32_t j : problem.location.required )
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t j : problem.location.banned )
      QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), j ) );
    double objective = 0.0;
    for ( std::uint32_t j : result->open )
      objective += problem.fixedCost[j];
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      if ( result->assignment[i] != kUnassigned )
        objective += problem.location.weightOf( i ) * problem.location.costAt( i, result->assignment[i] );
    }
    QVERIFY( std::fabs( objective - result->objective ) < 1e-6 );
  }
}

void TestUflpSolver::provesLargerInstances()
{
  // Dense random costs up to 14 candidates: the plain Lagrangian bound often stops short here.
  RandomSource random( 17 );
  for ( int round = 0; round < 12; ++round )
  {
    UflpProblem problem = randomProblem( random, 30, 10 + random.below( 5 ), false );
    for ( double &cost : problem.fixedCost )
      cost *= 0.2;
    const Reference reference = enumerate( problem, 1, problem.location.candidateCount );
    SilentProgress progress;
    const Result<LocationSolution> result = solveUflp( problem, UflpOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( std::fabs( result->objective - reference.cost ) < 1e-6 );
    QVERIFY( result->provenOptimal );
    QVERIFY( result->lowerBound >= reference.cost - 1e-6 && result->lowerBound <= reference.cost + 1e-6 );
    // The same with every pair stored sparsely: the sparse branch and bound proves it too.
    const Result<LocationSolution> sparse = solveUflp( SparseUflpProblem{ sparseOf( problem.location, INFINITY, false ), problem.fixedCost },
                                                       UflpOptions(), progress );
    QVERIFY( sparse.isOk() );
    QVERIFY( std::fabs( sparse->objective - reference.cost ) < 1e-6 );
    QVERIFY( sparse->provenOptimal );
  }
}

void TestUflpSolver::stoppedEarlyKeepsBestSoFar()
{
  RandomSource random( 23 );
  UflpProblem problem = randomProblem( random, 30, 12, false );
  for ( double &cost : problem.fixedCost )
    cost *= 0.2;
  const Reference reference = enumerate( problem, 1, problem.location.candidateCount );
  UflpOptions options;
  options.timeLimitS = 0.0;
  SilentProgress progress;
  const Result<LocationSolution> timed = solveUflp( problem, options, progress );
  progress.cancel();
  const Result<LocationSolution> canceled = solveUflp( problem, UflpOptions(), progress );
  for ( const Result<LocationSolution> *result : { &timed, &canceled } )
  {
    QVERIFY( result->isOk() );
    QVERIFY( !( *result )->open.empty() );
    QVERIFY( ( *result )->objective >= reference.cost - 1e-6 );
    QVERIFY( ( *result )->lowerBound <= reference.cost + 1e-6 );
  }
  QVERIFY( canceled->canceled );
}

void TestUflpSolver::sameSeedSameAnswer()
{
  RandomSource random( 5 );
  const UflpProblem problem = randomProblem( random, 80, 30, false );
  UflpOptions options;
  options.seed = 9;
  SilentProgress progress;
  const Result<LocationSolution> first = solveUflp( problem, options, progress );
  const Result<LocationSolution> second = solveUflp( problem, options, progress );
  QVERIFY( first.isOk() && second.isOk() );
  QCOMPARE( first->open, second->open );
  QCOMPARE( first->objective, second->objective );
}

void TestUflpSolver::errorCodes()
{
  RandomSource random( 3 );
  UflpProblem problem = randomProblem( random, 5, 4, false );
  SilentProgress progress;
  UflpOptions options;
  options.minFacilities = 5;
  QCOMPARE( solveUflp( problem, options, progress ).error().code, ErrorCode::TooManyFacilities );
  options.minFacilities = 3;
  options.maxFacilities = 2;
  QCOMPARE( solveUflp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  options = UflpOptions();
  problem.fixedCost.pop_back();
  QCOMPARE( solveUflp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
  problem.fixedCost.push_back( -1.0 );
  QCOMPARE( solveUflp( problem, options, progress ).error().code, ErrorCode::InvalidArgument );
}

void TestUflpSolver::sparseMatchesDense()
{
  // Every allowed pair stored (with or without an infinite beyondCost): the dense answer.
  RandomSource random( 31 );
  for ( int round = 0; round < 200; ++round )
  {
    UflpProblem problem = randomProblem( random, 2 + random.below( 12 ), 2 + random.below( 9 ), round % 3 == 0 );
    std::uint32_t minOpen = 0;
    std::uint32_t maxOpen = 0;
    const UflpOptions options = randomRules( random, round, problem, minOpen, maxOpen );
    const Reference reference = enumerate( problem, minOpen, maxOpen );
    SilentProgress progress;
    const bool withBeyond = round % 2 == 0;
    const SparseUflpProblem sparse{ sparseOf( problem.location, INFINITY, withBeyond ), problem.fixedCost };
    const Result<LocationSolution> result = solveUflp( sparse, options, progress );
    QVERIFY( result.isOk() );
    std::uint32_t unserved = 0;
    for ( std::uint32_t i = 0; i < problem.location.clientCount; ++i )
      unserved += result->assignment[i] == kUnassigned && problem.location.weightOf( i ) > 0.0 ? 1 : 0;
    QCOMPARE( unserved, reference.unserved );
    QCOMPARE( result->clientsBeyondStored, 0u );
    QVERIFY2( std::fabs( result->objective - reference.cost ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result->objective ).arg( reference.cost ) ) );
    QVERIFY( std::fabs( planCost( problem, *result ) - result->objective ) < 1e-6 );
    if ( unserved == 0 )
      QVERIFY( result->lowerBound <= reference.cost + 1e-6 );
    // Without beyondCost the sparse branch and bound closes the gap, as the dense one does.
    if ( unserved == 0 && !withBeyond )
      QVERIFY( result->provenOptimal );
    if ( result->provenOptimal )
      QVERIFY( result->lowerBound >= reference.cost - 1e-6 );
    const std::uint32_t count = static_cast<std::uint32_t>( result->open.size() );
    QVERIFY( count >= minOpen && count <= maxOpen );
    for ( std::uint32_t j : problem.location.required )
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t j : problem.location.banned )
      QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), j ) );
  }
}

void TestUflpSolver::sparseCutoffMatchesForbiddenDense()
{
  RandomSource random( 32 );
  for ( int round = 0; round < 200; ++round )
  {
    UflpProblem problem = randomProblem( random, 2 + random.below( 12 ), 2 + random.below( 9 ), round % 3 == 0 );
    std::uint32_t minOpen = 0;
    std::uint32_t maxOpen = 0;
    const UflpOptions options = randomRules( random, round, problem, minOpen, maxOpen );
    const double cutoff = static_cast<double>( 5 + random.below( 40 ) );
    const SparseUflpProblem sparse{ sparseOf( problem.location, cutoff, false ), problem.fixedCost };
    UflpProblem forbidden = problem;
    for ( double &cost : forbidden.location.cost )
      cost = cost > cutoff ? kForbiddenAssignment : cost;
    const Reference reference = enumerate( forbidden, minOpen, maxOpen );
    SilentProgress progress;
    const Result<LocationSolution> result = solveUflp( sparse, options, progress );
    QVERIFY( result.isOk() );
    std::uint32_t unserved = 0;
    for ( std::uint32_t i = 0; i < problem.location.clientCount; ++i )
    {
      const std::uint32_t j = result->assignment[i];
      unserved += j == kUnassigned && problem.location.weightOf( i ) > 0.0 ? 1 : 0;
      if ( j != kUnassigned )
        QVERIFY( problem.location.costAt( i, j ) <= cutoff );
    }
    QCOMPARE( unserved, reference.unserved );
    QVERIFY2( std::fabs( result->objective - reference.cost ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result->objective ).arg( reference.cost ) ) );
    QVERIFY( std::fabs( planCost( forbidden, *result ) - result->objective ) < 1e-6 );
    if ( unserved == 0 )
    {
      QVERIFY( result->provenOptimal );
      QVERIFY( result->lowerBound >= reference.cost - 1e-6 && result->lowerBound <= reference.cost + 1e-6 );
    }
    const Result<LocationSolution> dense = solveUflp( forbidden, options, progress );
    QVERIFY( dense.isOk() );
    QVERIFY( std::fabs( dense->objective - result->objective ) < 1e-6 );
  }
}

void TestUflpSolver::kNearestBoundHoldsForFullProblem()
{
  // The k nearest pairs per client, the others at least the (k+1)-th cost: the bound holds for
  // the full problem, and a plan serving everyone through stored pairs costs what it says.
  RandomSource random( 33 );
  int proven = 0;
  for ( int round = 0; round < 300; ++round )
  {
    UflpProblem problem = randomProblem( random, 2 + random.below( 12 ), 2 + random.below( 9 ), round % 3 == 0 );
    std::uint32_t minOpen = 0;
    std::uint32_t maxOpen = 0;
    const UflpOptions options = randomRules( random, round, problem, minOpen, maxOpen );
    const std::uint32_t k = 1 + random.below( problem.location.candidateCount );
    const SparseUflpProblem sparse{ kNearestReduction( problem.location, k ), problem.fixedCost };
    const Reference reference = enumerate( problem, minOpen, maxOpen );
    SilentProgress progress;
    const Result<LocationSolution> result = solveUflp( sparse, options, progress );
    QVERIFY( result.isOk() );
    if ( reference.unserved == 0 )
      QVERIFY2( result->lowerBound <= reference.cost + 1e-6,
                qPrintable( QStringLiteral( "round %1: bound %2 above %3" ).arg( round ).arg( result->lowerBound ).arg( reference.cost ) ) );
    std::uint32_t unserved = 0;
    for ( std::uint32_t i = 0; i < problem.location.clientCount; ++i )
      unserved += result->assignment[i] == kUnassigned && problem.location.weightOf( i ) > 0.0 ? 1 : 0;
    QVERIFY( std::fabs( planCost( problem, *result ) - result->objective ) < 1e-6 );
    if ( result->clientsBeyondStored > 0 )
    {
      QVERIFY( !result->provenOptimal );
      continue;
    }
    if ( unserved == reference.unserved )
      QVERIFY( result->objective >= reference.cost - 1e-6 );
    if ( result->provenOptimal )
    {
      QCOMPARE( unserved, reference.unserved );
      QVERIFY( std::fabs( result->objective - reference.cost ) < 1e-6 );
      ++proven;
    }
    for ( std::uint32_t j : problem.location.required )
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), j ) );
    for ( std::uint32_t j : problem.location.banned )
      QVERIFY( !std::binary_search( result->open.begin(), result->open.end(), j ) );
  }
  QVERIFY( proven > 50 );
}

QTEST_APPLESS_MAIN( TestUflpSolver )
#include "test_uflp_solver.moc"
