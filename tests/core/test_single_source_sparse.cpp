// The single-source models (SSCFLP and capacitated p-median) over sparse matrices, against
// the dense solver and exhaustive enumeration (single_source_reference.h): the whole matrix
// stored gives the dense answer; a cutoff gives the answer of the dense problem with the dropped
// pairs forbidden; a k-nearest matrix gives a plan of the full problem with a bound that holds
// for it; infeasible inputs give their error codes.
#include "engine/solvers/cpmp_solver.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/sparse_location_problem.h"
#include "engine/solvers/sscflp_solver.h"
#include "coverage_reference.h"
#include "single_source_reference.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace gf;

namespace {

constexpr double kNoPlan = std::numeric_limits<double>::infinity();

//! One of the two models: the capacitated p-median of \a problem's costs when p > 0 (fixed costs
//! ignored), else the SSCFLP within minOpen..maxOpen.
struct ModelChoice
{
  std::uint32_t p = 0;
  std::uint32_t minOpen = 0;
  std::uint32_t maxOpen = 0;
};

ModelChoice randomChoice( RandomSource &random, int round, std::uint32_t m )
{
  ModelChoice choice;
  if ( round % 2 == 1 )
    choice.p = 1 + random.below( m );
  else if ( round % 3 == 0 )
  {
    choice.minOpen = 1 + random.below( 2 );
    choice.maxOpen = choice.minOpen + random.below( 2 );
  }
  return choice;
}

SingleSourceReferenceData referenceData( const SscflpProblem &problem, const LocationProblem &location, const ModelChoice &choice )
{
  if ( choice.p > 0 )
    return { &location, std::vector<double>( location.candidateCount, 0.0 ), problem.capacity, problem.demand, choice.p, choice.p };
  return { &location, problem.fixedCost, problem.capacity, problem.demand, choice.minOpen, choice.maxOpen };
}

SscflpOptions sscflpOptions( const ModelChoice &choice )
{
  SscflpOptions options;
  options.minFacilities = choice.minOpen;
  options.maxFacilities = choice.maxOpen;
  return options;
}

CpmpOptions cpmpOptions( const ModelChoice &choice )
{
  CpmpOptions options;
  options.p = choice.p;
  return options;
}

Result<LocationSolution> solveDense( const SscflpProblem &problem, const ModelChoice &choice )
{
  SilentProgress progress;
  if ( choice.p > 0 )
    return solveCpmp( CpmpProblem{ problem.location, problem.capacity, problem.demand }, cpmpOptions( choice ), progress );
  return solveSscflp( problem, sscflpOptions( choice ), progress );
}

Result<LocationSolution> solveSparse( const SscflpProblem &problem, const SparseLocationProblem &location, const ModelChoice &choice )
{
  SilentProgress progress;
  if ( choice.p > 0 )
    return solveCpmp( SparseCpmpProblem{ location, problem.capacity, problem.demand }, cpmpOptions( choice ), progress );
  return solveSscflp( SparseSscflpProblem{ location, problem.fixedCost, problem.capacity, problem.demand }, sscflpOptions( choice ),
                      progress );
}

//! \a problem with every pair that \a sparse does not store forbidden.
LocationProblem storedOnly( const LocationProblem &problem, const SparseLocationProblem &sparse )
{
  LocationProblem stored = problem;
  stored.cost.assign( stored.cost.size(), kForbiddenAssignment );
  for ( std::uint32_t i = 0; i < sparse.clientCount; ++i )
  {
    for ( const SparseCostEntry *it = sparse.begin( i ); it != sparse.end( i ); ++it )
      stored.cost[static_cast<std::size_t>( i ) * stored.candidateCount + it->candidate] = it->cost;
  }
  return stored;
}

bool isInfeasibleCode( ErrorCode code )
{
  return code == ErrorCode::CapacityBelowDemand || code == ErrorCode::Infeasible || code == ErrorCode::TooManyFacilities;
}

} // namespace

class TestSingleSourceSparse : public QObject
{
    Q_OBJECT

  private slots:
    void wholeMatrixEqualsDense();
    void cutoffMatchesForbiddenPairs();
    void kNearestPlanAndBoundHold();
    void fewStoredPairsProven();
    void growingRowsDecide();
    void errorCodes();
};

void TestSingleSourceSparse::wholeMatrixEqualsDense()
{
  // Every allowed pair stored: as a cutoff, the same plan and bound as the dense solver, on
  // instances too large to enumerate; as a k-nearest matrix with nothing beyond, the same plan
  // (the search may skip bound steps that assume no unstored pair, so the bound may be lower).
  RandomSource random( 17 );
  for ( int round = 0; round < 6; ++round )
  {
    // Drawn one by one: the order of evaluation of function arguments is unspecified.
    const std::uint32_t n = 40 + random.below( 30 );
    const std::uint32_t m = 8 + random.below( 6 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, true );
    addRandomSiteRules( random, round, problem.location );
    for ( double &capacity : problem.capacity )
      capacity *= 8.0;
    ModelChoice choice;
    choice.p = round % 2 == 1 ? problem.location.candidateCount / 2 : 0;
    const Result<LocationSolution> dense = solveDense( problem, choice );
    QVERIFY( dense.isOk() );
    for ( const SparseLocationProblem &location : { cutoffReduction( problem.location, kForbiddenAssignment ),
                                                    kNearestReduction( problem.location, problem.location.candidateCount ) } )
    {
      const Result<LocationSolution> sparse = solveSparse( problem, location, choice );
      QVERIFY2( sparse.isOk(), qPrintable( QStringLiteral( "round %1" ).arg( round ) ) );
      QCOMPARE( sparse->objective, dense->objective );
      if ( location.allowsUnstoredPairs() )
        QVERIFY( sparse->lowerBound <= dense->lowerBound + 1e-6 );
      else
        QCOMPARE( sparse->lowerBound, dense->lowerBound );
      QCOMPARE( sparse->open, dense->open );
      QCOMPARE( sparse->assignment, dense->assignment );
    }
    // A real cutoff: the same as the dense solver with the dropped pairs forbidden.
    const SparseLocationProblem cutoff = cutoffReduction( problem.location, 45.0 );
    SscflpProblem forbidden = problem;
    forbidden.location = storedOnly( problem.location, cutoff );
    const Result<LocationSolution> denseCutoff = solveDense( forbidden, choice );
    const Result<LocationSolution> sparseCutoff = solveSparse( problem, cutoff, choice );
    QVERIFY( denseCutoff.isOk() && sparseCutoff.isOk() );
    QCOMPARE( sparseCutoff->objective, denseCutoff->objective );
    QCOMPARE( sparseCutoff->lowerBound, denseCutoff->lowerBound );
    QCOMPARE( sparseCutoff->open, denseCutoff->open );
    QCOMPARE( sparseCutoff->assignment, denseCutoff->assignment );
  }
}

void TestSingleSourceSparse::cutoffMatchesForbiddenPairs()
{
  RandomSource random( 23 );
  int solved = 0;
  int infeasible = 0;
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t n = 2 + random.below( 6 );
    const std::uint32_t m = 2 + random.below( 4 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, true );
    addRandomSiteRules( random, round, problem.location );
    const ModelChoice choice = randomChoice( random, round, m );
    const double cutoff = static_cast<double>( 15 + random.below( 45 ) );
    const SparseLocationProblem location = cutoffReduction( problem.location, cutoff );
    const LocationProblem stored = storedOnly( problem.location, location );
    const SingleSourceReferenceData data = referenceData( problem, stored, choice );
    const double reference = enumerateSingleSource( data );
    const Result<LocationSolution> result = solveSparse( problem, location, choice );
    if ( reference == kNoPlan )
    {
      QVERIFY2( !result.isOk() && isInfeasibleCode( result.error().code ),
                qPrintable( QStringLiteral( "round %1: a plan where none exists" ).arg( round ) ) );
      ++infeasible;
      continue;
    }
    QVERIFY2( result.isOk(), qPrintable( QStringLiteral( "round %1: no plan" ).arg( round ) ) );
    ++solved;
    QVERIFY2( std::fabs( result->objective - reference ) < 1e-6,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result->objective ).arg( reference ) ) );
    QVERIFY( result->lowerBound <= reference + 1e-6 );
    QVERIFY( isFeasibleSingleSource( data, *result ) );
  }
  QVERIFY( solved > 100 );
  QVERIFY( infeasible > 10 );
}

void TestSingleSourceSparse::kNearestPlanAndBoundHold()
{
  // The k nearest pairs stored, the others at least the (k+1)-th cost: the plan is one of the
  // full problem at its exact cost over stored pairs, and the bound holds for the full problem.
  RandomSource random( 61 );
  int planned = 0;
  int proven = 0;
  int undecidable = 0;
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t n = 2 + random.below( 6 );
    const std::uint32_t m = 2 + random.below( 4 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, true );
    addRandomSiteRules( random, round, problem.location );
    const ModelChoice choice = randomChoice( random, round, m );
    const SparseLocationProblem location = kNearestReduction( problem.location, 1 + random.below( m ) );
    const double reference = enumerateSingleSource( referenceData( problem, problem.location, choice ) );
    const Result<LocationSolution> result = solveSparse( problem, location, choice );
    if ( !result.isOk() )
    {
      const ErrorCode code = result.error().code;
      QVERIFY2( code == ErrorCode::CoverageUndecidable || ( isInfeasibleCode( code ) && reference == kNoPlan ),
                qPrintable( QStringLiteral( "round %1: error %2" ).arg( round ).arg( static_cast<int>( code ) ) ) );
      undecidable += code == ErrorCode::CoverageUndecidable ? 1 : 0;
      continue;
    }
    ++planned;
    QVERIFY( reference < kNoPlan );
    QVERIFY( isFeasibleSingleSource( referenceData( problem, storedOnly( problem.location, location ), choice ), *result ) );
    QVERIFY( result->objective >= reference - 1e-6 );
    QVERIFY2( result->lowerBound <= reference + 1e-6,
              qPrintable( QStringLiteral( "round %1: bound %2 above %3" ).arg( round ).arg( result->lowerBound ).arg( reference ) ) );
    if ( result->provenOptimal )
    {
      QVERIFY( std::fabs( result->objective - reference ) < 1e-6 );
      ++proven;
    }
  }
  QVERIFY( planned > 100 );
  QVERIFY( proven > 50 );
  QVERIFY( undecidable > 0 );
}

void TestSingleSourceSparse::fewStoredPairsProven()
{
  // A cutoff that keeps a few pairs per client among 3000 candidates: clients × candidates is
  // above the branch and bound's limit, the stored pairs far below it, so the tree runs and
  // proves the optimum of the dense problem with the dropped pairs forbidden.
  RandomSource random( 29 );
  for ( int round = 0; round < 6; ++round )
  {
    SscflpProblem problem = randomSscflpProblem( random, 7, 3000, true );
    // Only the first ten candidates are near anyone.
    for ( std::uint32_t i = 0; i < 7; ++i )
      std::fill( problem.location.cost.begin() + i * 3000 + 10, problem.location.cost.begin() + ( i + 1 ) * 3000, 500.0 );
    ModelChoice choice;
    choice.p = round % 2 == 1 ? 3 : 0;
    const SparseLocationProblem cutoff = cutoffReduction( problem.location, 40.0 );
    const LocationProblem stored = storedOnly( problem.location, cutoff );
    const SingleSourceReferenceData data = referenceData( problem, stored, choice );
    // Enumerated over the ten near candidates: the others serve no one, and opening one (the
    // p-median's count) costs what opening an unused near one does, nothing.
    LocationProblem near = stored;
    near.candidateCount = 10;
    near.cost.clear();
    for ( std::uint32_t i = 0; i < 7; ++i )
      near.cost.insert( near.cost.end(), stored.cost.begin() + i * 3000, stored.cost.begin() + i * 3000 + 10 );
    const double reference = enumerateSingleSource( referenceData( problem, near, choice ) );
    const Result<LocationSolution> result = solveSparse( problem, cutoff, choice );
    if ( reference == kNoPlan )
    {
      QVERIFY( !result.isOk() && isInfeasibleCode( result.error().code ) );
      continue;
    }
    QVERIFY2( result.isOk(), qPrintable( QStringLiteral( "round %1" ).arg( round ) ) );
    QVERIFY2( result->provenOptimal, qPrintable( QStringLiteral( "round %1: bound %2, optimum %3" ).arg( round ).arg( result->lowerBound ).arg( reference ) ) );
    QVERIFY( std::fabs( result->objective - reference ) < 1e-6 );
    QVERIFY( isFeasibleSingleSource( data, *result ) );
  }
}

void TestSingleSourceSparse::growingRowsDecide()
{
  // From one stored pair per client the driver grows the rows until the answer is decided: the
  // enumerated optimum of the full problem, proven, or its error code when it has no plan, where
  // the first rows alone were often undecidable.
  RandomSource random( 31 );
  int undecidedFirst = 0;
  int solved = 0;
  int infeasible = 0;
  for ( int round = 0; round < 60; ++round )
  {
    const std::uint32_t n = 3 + random.below( 4 );
    const std::uint32_t m = 3 + random.below( 3 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, true );
    addRandomSiteRules( random, round, problem.location );
    const ModelChoice choice = randomChoice( random, round, m );
    const SingleSourceReferenceData data = referenceData( problem, problem.location, choice );
    const double reference = enumerateSingleSource( data );
    const Result<LocationSolution> first = solveSparse( problem, kNearestReduction( problem.location, 1 ), choice );
    undecidedFirst += !first.isOk() && first.error().code == ErrorCode::CoverageUndecidable ? 1 : 0;
    SilentProgress progress;
    const Result<LocationSolution> result =
      choice.p > 0 ? solveCpmpKNearest( CpmpProblem{ problem.location, problem.capacity, problem.demand }, 1, cpmpOptions( choice ), progress )
                   : solveSscflpKNearest( problem, 1, sscflpOptions( choice ), progress );
    if ( reference == kNoPlan )
    {
      QVERIFY2( !result.isOk() && isInfeasibleCode( result.error().code ), qPrintable( QStringLiteral( "round %1" ).arg( round ) ) );
      ++infeasible;
      continue;
    }
    QVERIFY2( result.isOk(), qPrintable( QStringLiteral( "round %1" ).arg( round ) ) );
    ++solved;
    QVERIFY( result->provenOptimal );
    QVERIFY( std::fabs( result->objective - reference ) < 1e-6 );
    QVERIFY( isFeasibleSingleSource( data, *result ) );
  }
  QVERIFY( undecidedFirst > 5 );
  QVERIFY( solved > 20 );
  QVERIFY( infeasible > 3 );
}

void TestSingleSourceSparse::errorCodes()
{
  // Three clients of demand 2, three candidates of capacity 3; costs by hand.
  SscflpProblem problem;
  problem.location.clientCount = 3;
  problem.location.candidateCount = 3;
  problem.location.cost = { 1, 5, 9,
                            2, 4, 8,
                            7, 3, 6 };
  problem.demand.assign( 3, 2.0 );
  problem.capacity.assign( 3, 3.0 );
  problem.fixedCost.assign( 3, 10.0 );
  const ModelChoice sscflp;
  ModelChoice cpmp;
  cpmp.p = 3;
  for ( const ModelChoice &choice : { sscflp, cpmp } )
  {
    // Cutoff 1: client 1 has no stored pair at all.
    Result<LocationSolution> result = solveSparse( problem, cutoffReduction( problem.location, 1.0 ), choice );
    QCOMPARE( result.error().code, ErrorCode::CapacityBelowDemand );
    QCOMPARE( result.error().subject, std::string( "1" ) );
    // Cutoff 3: clients 0 and 1 may only use candidate 0, which holds one of them.
    const SparseLocationProblem cutoff = cutoffReduction( problem.location, 3.0 );
    QCOMPARE( enumerateSingleSource( referenceData( problem, storedOnly( problem.location, cutoff ), choice ) ), kNoPlan );
    result = solveSparse( problem, cutoff, choice );
    QVERIFY( !result.isOk() && isInfeasibleCode( result.error().code ) );
    // The nearest pair only: the same, but their unstored pairs might serve them.
    result = solveSparse( problem, kNearestReduction( problem.location, 1 ), choice );
    QCOMPARE( result.error().code, ErrorCode::CoverageUndecidable );
    QCOMPARE( result.error().subject, std::string( "0" ) );
  }
  // Every client fits a stored candidate, but candidate 2 serves nobody within the cutoff and the
  // other two hold 5 of the demand of 6.
  problem.capacity = { 3.0, 2.0, 20.0 };
  QCOMPARE( solveSparse( problem, cutoffReduction( problem.location, 5.0 ), sscflp ).error().code, ErrorCode::CapacityBelowDemand );
  // A client whose stored candidates are all too small, with candidates beyond: undecidable.
  problem.capacity = { 1.0, 1.0, 20.0 };
  const Result<LocationSolution> small = solveSparse( problem, kNearestReduction( problem.location, 2 ), sscflp );
  QCOMPARE( small.error().code, ErrorCode::CoverageUndecidable );
  QCOMPARE( small.error().subject, std::string( "0" ) );
  // p above the candidates that may open.
  ModelChoice tooMany;
  tooMany.p = 4;
  QCOMPARE( solveSparse( problem, kNearestReduction( problem.location, 2 ), tooMany ).error().code, ErrorCode::TooManyFacilities );
}

QTEST_APPLESS_MAIN( TestSingleSourceSparse )
#include "test_single_source_sparse.moc"
