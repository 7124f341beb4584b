// The single-source MILP (SSCFLP and capacitated p-median) over a sparse matrix against
// exhaustive enumeration of the FULL dense problem (single_source_reference.h) and against the
// dense MILP: all pairs stored gives the dense optimum; a cost cutoff means what forbidden dense
// entries mean; a k-nearest matrix gives a bound on the full optimum, exact when no client is
// left beyond its stored pairs; clients only ever use open sites (spopt #419); exact mode keeps
// plans over stored pairs and bounds that hold for the full problem.
#include "engine/solvers/cpmp_solver.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/sscflp_solver.h"
#include "milp/cbc_solver.h"
#include "milp/location_exact.h"
#include "milp/single_source_milp.h"
#include "coverage_reference.h"
#include "single_source_reference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace gf;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

//! The SSCFLP of \a problem within minOpen..maxOpen, or with \a p > 0 the capacitated p-median
//! of its costs (no fixed costs); the caller points it at a matrix.
SingleSourceModel modelOf( const SscflpProblem &problem, std::uint32_t p, std::uint32_t minOpen, std::uint32_t maxOpen )
{
  SingleSourceModel model;
  model.fixedCost = p > 0 ? std::vector<double>( problem.location.candidateCount, 0.0 ) : problem.fixedCost;
  model.capacity = problem.capacity;
  model.demand = problem.demand;
  model.minOpen = p > 0 ? p : minOpen;
  model.maxOpen = p > 0 ? p : maxOpen;
  return model;
}

//! A random model choice for round \a round: the capacitated p-median on odd rounds, the
//! SSCFLP (every third round with count limits) on even ones.
SingleSourceModel randomModel( RandomSource &random, int round, const SscflpProblem &problem )
{
  const std::uint32_t m = problem.location.candidateCount;
  if ( round % 2 == 1 )
    return modelOf( problem, 2 + random.below( m - 2 ), 0, 0 );
  if ( round % 3 == 0 )
  {
    const std::uint32_t minOpen = 1 + random.below( 2 );
    return modelOf( problem, 0, minOpen, minOpen + 1 + random.below( 2 ) );
  }
  return modelOf( problem, 0, 0, 0 );
}

SingleSourceReferenceData referenceOf( const SingleSourceModel &model, const LocationProblem &location )
{
  return { &location, model.fixedCost, model.capacity, model.demand, model.minOpen, model.maxOpen };
}

Result<MilpResult> solve( const MilpModel &model )
{
  SilentProgress progress;
  return solveWithCbc( model, MilpOptions(), progress );
}

//! Whether every assignment column of \a milp's solution \a values stays below its open column.
bool keepsOpening( const SingleSourceModel &model, const SingleSourceMilp &milp, const std::vector<double> &values )
{
  const std::vector<std::uint32_t> open = SingleSourceMilp::decodeOpen( model, values );
  for ( const AssignmentColumn &x : milp.assignmentColumns() )
  {
    if ( values[x.column] > 0.5 && !std::binary_search( open.begin(), open.end(), x.candidate ) )
      return false;
  }
  return true;
}

//! Whether every client of \a values sits on one of its x columns (no beyond column in use).
bool allOnStoredPairs( const SingleSourceMilp &milp, std::uint32_t clients, const std::vector<double> &values )
{
  std::vector<double> served( clients, 0.0 );
  for ( const AssignmentColumn &x : milp.assignmentColumns() )
    served[x.client] += values[x.column];
  return std::all_of( served.begin(), served.end(), []( double s ) { return s > 1.0 - 1e-6; } );
}

//! Whether every client of \a solution uses a stored pair of \a sparse.
bool onStoredPairs( const SparseLocationProblem &sparse, const LocationSolution &solution )
{
  for ( std::uint32_t i = 0; i < sparse.clientCount; ++i )
  {
    if ( std::none_of( sparse.begin( i ), sparse.end( i ), [&]( const SparseCostEntry &e ) { return e.candidate == solution.assignment[i]; } ) )
      return false;
  }
  return true;
}

//! A feasible but poor plan of \a model (sparse) over its stored pairs: the optimum of the same
//! constraints with every cost c turned into 1000 - c, priced at the real costs of \a dense.
std::optional<LocationSolution> poorPlan( const SingleSourceModel &model, const LocationProblem &dense )
{
  SparseLocationProblem reversed = *model.sparse;
  reversed.beyondCost.clear();
  for ( SparseCostEntry &entry : reversed.entries )
    entry.cost = 1000.0 - entry.cost;
  SingleSourceModel reversedModel = model;
  reversedModel.sparse = &reversed;
  for ( double &fixed : reversedModel.fixedCost )
    fixed = 1000.0 - fixed;
  const SingleSourceMilp milp( reversedModel );
  const Result<MilpResult> result = solve( milp.model() );
  if ( !result.isOk() || !result->hasSolution )
    return std::nullopt;
  LocationSolution plan;
  plan.open = SingleSourceMilp::decodeOpen( reversedModel, result->values );
  plan.assignment.assign( dense.clientCount, kUnassigned );
  for ( std::uint32_t j : plan.open )
    plan.objective += model.fixedCost[j];
  for ( const AssignmentColumn &x : milp.assignmentColumns() )
  {
    if ( result->values[x.column] > 0.5 )
    {
      plan.assignment[x.client] = x.candidate;
      plan.objective += dense.weightOf( x.client ) * dense.costAt( x.client, x.candidate );
    }
  }
  return plan;
}

//! The sparse heuristic on \a model's data: solveCpmp when \a pMedian, else solveSscflp.
Result<LocationSolution> solveHeuristic( const SscflpProblem &problem, const SparseLocationProblem &sparse,
                                         const SingleSourceModel &model, bool pMedian )
{
  SilentProgress progress;
  if ( pMedian )
  {
    CpmpOptions options;
    options.p = model.minOpen;
    return solveCpmp( SparseCpmpProblem{ sparse, problem.capacity, problem.demand }, options, progress );
  }
  SscflpOptions options;
  options.minFacilities = model.minOpen;
  options.maxFacilities = model.maxOpen;
  return solveSscflp( SparseSscflpProblem{ sparse, problem.fixedCost, problem.capacity, problem.demand }, options, progress );
}

} // namespace

class TestSingleSourceMilp : public QObject
{
    Q_OBJECT

  private slots:
    void allPairsGiveDenseOptimum();
    void cutoffMeansForbiddenPairs();
    void kNearestBoundsFullOptimum();
};

void TestSingleSourceMilp::allPairsGiveDenseOptimum()
{
  RandomSource random( 61 );
  int feasibleRounds = 0;
  for ( int round = 0; round < 8; ++round )
  {
    const std::uint32_t n = 6 + random.below( 3 );
    const std::uint32_t m = 4 + random.below( 2 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, round % 2 == 0 );
    problem.location.required = { 0 };
    problem.location.banned = { m - 1 };
    SingleSourceModel dense = randomModel( random, round, problem );
    dense.location = &problem.location;
    const double optimum = enumerateSingleSource( referenceOf( dense, problem.location ) );
    const Result<MilpResult> denseMilp = solve( SingleSourceMilp( dense ).model() );
    QVERIFY( denseMilp.isOk() );
    // Every pair stored, once as a k-nearest matrix (nothing beyond a full row), once as a cutoff.
    for ( const SparseLocationProblem &sparse : { kNearestReduction( problem.location, m ), sparseOf( problem.location, kInf, false ) } )
    {
      SingleSourceModel model = dense;
      model.location = nullptr;
      model.sparse = &sparse;
      const SingleSourceMilp milp( model );
      const Result<MilpResult> result = solve( milp.model() );
      QVERIFY( result.isOk() );
      if ( optimum == kInf )
      {
        QVERIFY( result->provenInfeasible && denseMilp->provenInfeasible );
        continue;
      }
      ++feasibleRounds;
      QVERIFY( result->provenOptimal && denseMilp->provenOptimal );
      QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
      QVERIFY( std::fabs( denseMilp->objective - optimum ) < 1e-6 );
      QVERIFY( keepsOpening( model, milp, result->values ) );
    }
  }
  QVERIFY( feasibleRounds > 0 );
}

void TestSingleSourceMilp::cutoffMeansForbiddenPairs()
{
  RandomSource random( 67 );
  int feasibleRounds = 0;
  int infeasibleRounds = 0;
  for ( int round = 0; round < 10; ++round )
  {
    const std::uint32_t n = 6 + random.below( 3 );
    const std::uint32_t m = 4 + random.below( 2 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, round % 2 == 1 );
    problem.location.banned = { 1 };
    const double radius = 25.0 + random.below( 30 );
    const SparseLocationProblem sparse = sparseOf( problem.location, radius, false );
    LocationProblem forbidden = problem.location;
    for ( double &cost : forbidden.cost )
      cost = cost <= radius ? cost : kForbiddenAssignment;
    SingleSourceModel denseModel = randomModel( random, round, problem );
    denseModel.location = &forbidden;
    SingleSourceModel model = denseModel;
    model.location = nullptr;
    model.sparse = &sparse;
    const double optimum = enumerateSingleSource( referenceOf( denseModel, forbidden ) );

    const SingleSourceMilp milp( model );
    const Result<MilpResult> sparseMilp = solve( milp.model() );
    const Result<MilpResult> denseMilp = solve( SingleSourceMilp( denseModel ).model() );
    QVERIFY( sparseMilp.isOk() && denseMilp.isOk() );
    if ( optimum == kInf )
    {
      QVERIFY( !sparseMilp->hasSolution && sparseMilp->provenInfeasible );
      QVERIFY( !denseMilp->hasSolution && denseMilp->provenInfeasible );
      ++infeasibleRounds;
      continue;
    }
    ++feasibleRounds;
    QVERIFY( sparseMilp->provenOptimal && denseMilp->provenOptimal );
    QVERIFY( std::fabs( sparseMilp->objective - optimum ) < 1e-6 );
    QVERIFY( std::fabs( denseMilp->objective - optimum ) < 1e-6 );
    QVERIFY( keepsOpening( model, milp, sparseMilp->values ) );

    // Exact mode from a poor plan: the optimum, proven, over the stored pairs.
    const std::optional<LocationSolution> poor = poorPlan( model, forbidden );
    QVERIFY( poor.has_value() );
    QVERIFY( isFeasibleSingleSource( referenceOf( denseModel, forbidden ), *poor ) );
    SilentProgress progress;
    const Result<LocationSolution> refined = refineSingleSource( model, *poor, ExactModeOptions(), progress );
    QVERIFY( refined.isOk() );
    QVERIFY( refined->provenOptimal );
    QVERIFY( std::fabs( refined->objective - optimum ) < 1e-6 );
    QVERIFY( std::fabs( refined->lowerBound - optimum ) < 1e-6 );
    QVERIFY( isFeasibleSingleSource( referenceOf( denseModel, forbidden ), *refined ) );
  }
  QVERIFY( feasibleRounds > 0 );
  QVERIFY( infeasibleRounds > 0 );
}

void TestSingleSourceMilp::kNearestBoundsFullOptimum()
{
  RandomSource random( 71 );
  int milpExactRounds = 0;
  int milpBeyondRounds = 0;
  int provenRounds = 0;
  int boundRounds = 0;
  for ( int round = 0; round < 16; ++round )
  {
    const std::uint32_t n = 6 + random.below( 3 );
    const std::uint32_t m = 4 + random.below( 2 );
    SscflpProblem problem = randomSscflpProblem( random, n, m, round % 2 == 0 );
    problem.location.required = { 2 };
    SingleSourceModel denseModel = randomModel( random, round, problem );
    denseModel.location = &problem.location;
    const double optimum = enumerateSingleSource( referenceOf( denseModel, problem.location ) );
    if ( optimum == kInf )
      continue;
    const SparseLocationProblem sparse = kNearestReduction( problem.location, 2 + random.below( 2 ) );
    SingleSourceModel model = denseModel;
    model.location = nullptr;
    model.sparse = &sparse;

    const SingleSourceMilp milp( model );
    const Result<MilpResult> result = solve( milp.model() );
    QVERIFY( result.isOk() && result->provenOptimal );
    QVERIFY( result->objective <= optimum + 1e-6 );
    QVERIFY( keepsOpening( model, milp, result->values ) );
    // No beyond column in use: the relaxation's optimum is a plan, so the full optimum.
    const bool stored = allOnStoredPairs( milp, n, result->values );
    if ( stored )
      QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
    ( stored ? milpExactRounds : milpBeyondRounds ) += 1;

    // Exact mode from a poor plan over the stored pairs, and from the sparse heuristic's plan.
    const std::optional<LocationSolution> poor = poorPlan( model, problem.location );
    std::vector<LocationSolution> incumbents;
    if ( poor )
      incumbents.push_back( *poor );
    SilentProgress progress;
    const Result<LocationSolution> heuristic = solveHeuristic( problem, sparse, model, round % 2 == 1 );
    if ( heuristic.isOk() )
    {
      QVERIFY( heuristic->lowerBound <= optimum + 1e-6 );
      incumbents.push_back( *heuristic );
    }
    for ( const LocationSolution &incumbent : incumbents )
    {
      QVERIFY( isFeasibleSingleSource( referenceOf( denseModel, problem.location ), incumbent ) );
      const Result<LocationSolution> refined = refineSingleSource( model, incumbent, ExactModeOptions(), progress );
      QVERIFY( refined.isOk() );
      QVERIFY( refined->lowerBound <= optimum + 1e-6 );
      QVERIFY( refined->lowerBound >= incumbent.lowerBound - 1e-6 );
      QVERIFY( refined->objective <= incumbent.objective + 1e-6 );
      QVERIFY( isFeasibleSingleSource( referenceOf( denseModel, problem.location ), *refined ) );
      QVERIFY( onStoredPairs( sparse, *refined ) );
      if ( refined->provenOptimal )
      {
        QVERIFY( std::fabs( refined->objective - optimum ) < 1e-6 );
        ++provenRounds;
      }
      else
      {
        // CBC's solution needed a beyond column: its bound, or ours where stronger.
        QVERIFY( std::fabs( refined->lowerBound - std::max( incumbent.lowerBound, result->objective ) ) < 1e-6 );
        ++boundRounds;
      }
    }
  }
  // The instances exercise both outcomes, of the MILP and of exact mode.
  QVERIFY( milpExactRounds > 0 );
  QVERIFY( milpBeyondRounds > 0 );
  QVERIFY( provenRounds > 0 );
  QVERIFY( boundRounds > 0 );
}

QTEST_APPLESS_MAIN( TestSingleSourceMilp )
#include "test_single_source_milp.moc"
