// Exact mode (CBC below our incumbent) for every location model, against exhaustive
// enumeration: deliberately poor incumbents must be improved to the optimum and proven,
// optimal ones proven, and the decoded solutions must keep the rules of each model.
#include "engine/solvers/random_source.h"
#include "milp/cbc_solver.h"
#include "milp/facility_location_milp.h"
#include "milp/location_exact.h"
#include "milp/location_milp_columns.h"
#include "milp/pmedian_milp.h"
#include "single_source_reference.h"

#include <QtTest>

#include <algorithm>
#include <functional>
#include <limits>

using namespace gf;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

LocationProblem randomProblem( RandomSource &random, std::uint32_t clients, std::uint32_t candidates, std::uint32_t maxCost )
{
  LocationProblem problem;
  problem.clientCount = clients;
  problem.candidateCount = candidates;
  for ( std::uint32_t k = 0; k < clients * candidates; ++k )
    problem.cost.push_back( static_cast<double>( random.below( maxCost ) ) );
  for ( std::uint32_t k = 0; k < clients; ++k )
    problem.clientWeight.push_back( 1.0 + random.below( 4 ) );
  return problem;
}

std::vector<std::uint32_t> openOf( std::uint32_t mask, std::uint32_t candidates )
{
  std::vector<std::uint32_t> open;
  for ( std::uint32_t j = 0; j < candidates; ++j )
  {
    if ( mask >> j & 1u )
      open.push_back( j );
  }
  return open;
}

//! Best \a value over the open sets that keep the required/banned rules and \a countOk;
//! \a maximize for covered weight.
double enumerate( const LocationProblem &problem, const std::function<bool( std::uint32_t )> &countOk,
                  const std::function<double( const std::vector<std::uint32_t> & )> &value, bool maximize = false )
{
  double best = maximize ? -kInf : kInf;
  for ( std::uint32_t mask = 0; mask < ( 1u << problem.candidateCount ); ++mask )
  {
    bool allowed = countOk( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) );
    for ( std::uint32_t j : problem.required )
      allowed = allowed && ( mask >> j & 1u );
    for ( std::uint32_t j : problem.banned )
      allowed = allowed && !( mask >> j & 1u );
    if ( !allowed )
      continue;
    const double v = value( openOf( mask, problem.candidateCount ) );
    best = maximize ? std::max( best, v ) : std::min( best, v );
  }
  return best;
}

double nearestCost( const LocationProblem &problem, std::uint32_t client, const std::vector<std::uint32_t> &open )
{
  double nearest = kInf;
  for ( std::uint32_t j : open )
    nearest = std::min( nearest, problem.costAt( client, j ) );
  return nearest;
}

double medianCost( const LocationProblem &problem, const std::vector<std::uint32_t> &open )
{
  double total = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    total += problem.weightOf( i ) * nearestCost( problem, i, open );
  return total;
}

double centerRadius( const LocationProblem &problem, const std::vector<std::uint32_t> &open )
{
  double radius = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    radius = std::max( radius, nearestCost( problem, i, open ) );
  return radius;
}

double coveredWeight( const LocationProblem &problem, const std::vector<std::uint32_t> &open, double radius )
{
  double covered = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
    covered += nearestCost( problem, i, open ) <= radius ? problem.weightOf( i ) : 0.0;
  return covered;
}

//! A feasible but poor open set of \a count candidates: the last eligible ones, required first.
std::vector<std::uint32_t> poorOpenSet( const LocationProblem &problem, std::uint32_t count )
{
  std::vector<std::uint32_t> open = problem.required;
  for ( std::uint32_t j = problem.candidateCount; j-- > 0 && open.size() < count; )
  {
    const bool skip = std::count( problem.banned.begin(), problem.banned.end(), j ) || std::count( open.begin(), open.end(), j );
    if ( !skip )
      open.push_back( j );
  }
  std::sort( open.begin(), open.end() );
  return open;
}

LocationSolution incumbentOf( const LocationProblem &problem, const std::vector<std::uint32_t> &open, double objective )
{
  LocationSolution incumbent;
  incumbent.open = open;
  incumbent.objective = objective;
  incumbent.assignment.assign( problem.clientCount, kUnassigned );
  return incumbent;
}

bool keepsRules( const LocationProblem &problem, const std::vector<std::uint32_t> &open )
{
  for ( std::uint32_t j : problem.required )
  {
    if ( !std::binary_search( open.begin(), open.end(), j ) )
      return false;
  }
  for ( std::uint32_t j : problem.banned )
  {
    if ( std::binary_search( open.begin(), open.end(), j ) )
      return false;
  }
  return true;
}

} // namespace

class TestLocationExact : public QObject
{
    Q_OBJECT

  private slots:
    void cbcAgreesWithEnumeration();
    void pMedianExactModeProvesOptimum();
    void pMedianPoorIncumbentImproved();
    void pCenterPoorIncumbentImproved();
    void uflpKeepsCountLimits();
    void cflpSharesFeasibleAndOptimal();
    void singleSourceImprovedWithinCapacities();
    void mclpImprovedAndBounded();
    void lscpFewestSites();
    void canceledKeepsIncumbent();
};

void TestLocationExact::cbcAgreesWithEnumeration()
{
  RandomSource random( 17 );
  for ( int round = 0; round < 8; ++round )
  {
    LocationProblem problem = randomProblem( random, 8 + random.below( 6 ), 5 + random.below( 5 ), 50 );
    problem.required = { 0 };
    problem.banned = { 1 };
    const std::uint32_t p = 2 + random.below( problem.candidateCount - 3 );
    const PMedianMilp milp( problem, p );
    MilpOptions options;
    SilentProgress progress;
    const Result<MilpResult> result = solveWithCbc( milp.model(), options, progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    const double optimum = enumerate( problem, [p]( std::uint32_t count ) { return count == p; },
                                      [&]( const std::vector<std::uint32_t> &open ) { return medianCost( problem, open ); } );
    QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
    const std::vector<std::uint32_t> open = LocationMilpColumns::decodeOpen( problem, result->values );
    QCOMPARE( static_cast<std::uint32_t>( open.size() ), p );
    QVERIFY( keepsRules( problem, open ) );
  }
}

void TestLocationExact::pMedianExactModeProvesOptimum()
{
  RandomSource random( 23 );
  const LocationProblem problem = randomProblem( random, 14, 12, 1000 );
  PMedianExactOptions options;
  options.heuristic.p = 4;
  options.heuristic.computeLowerBound = false;  // leave the proof to CBC
  SilentProgress progress;
  const Result<LocationSolution> result = solvePMedianExact( problem, options, progress );
  QVERIFY( result.isOk() );
  QVERIFY( result->provenOptimal );
  const double optimum = enumerate( problem, []( std::uint32_t count ) { return count == 4; },
                                    [&]( const std::vector<std::uint32_t> &open ) { return medianCost( problem, open ); } );
  QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
  QVERIFY( std::fabs( result->lowerBound - optimum ) < 1e-6 );
}

void TestLocationExact::pMedianPoorIncumbentImproved()
{
  RandomSource random( 29 );
  int improvedRounds = 0;  // the incumbent was not already optimal
  for ( int round = 0; round < 5; ++round )
  {
    LocationProblem problem = randomProblem( random, 12, 9, 100 );
    problem.required = { 2 };
    problem.banned = { 4 };
    const std::uint32_t p = 3;
    const auto value = [&]( const std::vector<std::uint32_t> &open ) { return medianCost( problem, open ); };
    const double optimum = enumerate( problem, [p]( std::uint32_t count ) { return count == p; }, value );
    const std::vector<std::uint32_t> poor = poorOpenSet( problem, p );
    improvedRounds += value( poor ) > optimum + 1e-6 ? 1 : 0;
    SilentProgress progress;
    const Result<LocationSolution> result =
      refinePMedian( problem, p, incumbentOf( problem, poor, value( poor ) ), ExactModeOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
    QVERIFY( std::fabs( result->objective - value( result->open ) ) < 1e-6 );
    QVERIFY( result->lowerBound <= optimum + 1e-6 );
    QVERIFY( keepsRules( problem, result->open ) );
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
      QCOMPARE( problem.costAt( i, result->assignment[i] ), nearestCost( problem, i, result->open ) );
  }
  QVERIFY( improvedRounds > 0 );
}

void TestLocationExact::pCenterPoorIncumbentImproved()
{
  RandomSource random( 31 );
  int improvedRounds = 0;  // the incumbent was not already optimal
  for ( int round = 0; round < 5; ++round )
  {
    LocationProblem problem = randomProblem( random, 12, 9, 100 );
    problem.banned = { 0 };
    const std::uint32_t p = 3;
    const auto value = [&]( const std::vector<std::uint32_t> &open ) { return centerRadius( problem, open ); };
    const double optimum = enumerate( problem, [p]( std::uint32_t count ) { return count == p; }, value );
    const std::vector<std::uint32_t> poor = poorOpenSet( problem, p );
    improvedRounds += value( poor ) > optimum ? 1 : 0;
    SilentProgress progress;
    const Result<LocationSolution> result =
      refinePCenter( problem, p, incumbentOf( problem, poor, value( poor ) ), ExactModeOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    QCOMPARE( result->objective, optimum );
    QCOMPARE( value( result->open ), optimum );
    QVERIFY( result->lowerBound <= optimum + 1e-6 );
    QVERIFY( keepsRules( problem, result->open ) );
  }
  QVERIFY( improvedRounds > 0 );
}

void TestLocationExact::uflpKeepsCountLimits()
{
  RandomSource random( 37 );
  int improvedRounds = 0;  // the incumbent was not already optimal
  for ( int round = 0; round < 5; ++round )
  {
    UflpProblem problem;
    problem.location = randomProblem( random, 10, 8, 100 );
    problem.location.required = { 1 };
    for ( std::uint32_t j = 0; j < 8; ++j )
      problem.fixedCost.push_back( 20.0 + random.below( 80 ) );
    UflpOptions limits;
    limits.minFacilities = 2;
    limits.maxFacilities = 3;
    const auto value = [&]( const std::vector<std::uint32_t> &open ) {
      double total = medianCost( problem.location, open );
      for ( std::uint32_t j : open )
        total += problem.fixedCost[j];
      return total;
    };
    const double optimum = enumerate( problem.location, []( std::uint32_t count ) { return count >= 2 && count <= 3; }, value );
    const std::vector<std::uint32_t> poor = poorOpenSet( problem.location, 3 );
    improvedRounds += value( poor ) > optimum + 1e-6 ? 1 : 0;
    SilentProgress progress;
    const Result<LocationSolution> result =
      refineUflp( problem, limits, incumbentOf( problem.location, poor, value( poor ) ), ExactModeOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
    QVERIFY( std::fabs( value( result->open ) - optimum ) < 1e-6 );
    QVERIFY( result->open.size() >= 2 && result->open.size() <= 3 );
    QVERIFY( keepsRules( problem.location, result->open ) );
  }
  QVERIFY( improvedRounds > 0 );
}

void TestLocationExact::cflpSharesFeasibleAndOptimal()
{
  RandomSource random( 41 );
  for ( int round = 0; round < 4; ++round )
  {
    CflpProblem problem;
    problem.location = randomProblem( random, 9, 6, 100 );
    for ( std::uint32_t j = 0; j < 6; ++j )
    {
      problem.fixedCost.push_back( 30.0 + random.below( 100 ) );
      problem.capacity.push_back( 10.0 + random.below( 15 ) );
    }
    for ( std::uint32_t i = 0; i < 9; ++i )
      problem.demand.push_back( 2.0 + random.below( 6 ) );
    // A poor incumbent: the heuristic's answer with the dearest candidate forced open.
    const std::uint32_t dearest =
      static_cast<std::uint32_t>( std::max_element( problem.fixedCost.begin(), problem.fixedCost.end() ) - problem.fixedCost.begin() );
    CflpProblem forced = problem;
    forced.location.required = { dearest };
    SilentProgress progress;
    Result<CflpSolution> poor = solveCflp( forced, CflpOptions(), progress );
    QVERIFY( poor.isOk() );
    // Its bound is for the forced problem, not for this one.
    poor->location.lowerBound = 0.0;
    poor->location.provenOptimal = false;
    // The reference: CBC on the plain model, without our incumbent.
    const Result<MilpResult> plain = solveWithCbc(
      FacilityLocationMilp( problem.location, problem.fixedCost, problem.capacity, problem.demand ).model(), MilpOptions(), progress );
    QVERIFY( plain.isOk() && plain->provenOptimal );

    const Result<CflpSolution> result = refineCflp( problem, *poor, ExactModeOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->location.provenOptimal );
    QVERIFY( std::fabs( result->location.objective - plain->objective ) < 1e-6 * std::max( 1.0, plain->objective ) );
    QVERIFY( result->location.lowerBound <= result->location.objective + 1e-9 );
    // Shares: every client whole, every open candidate within its capacity, the objective theirs.
    double objective = 0.0;
    for ( std::uint32_t j : result->location.open )
      objective += problem.fixedCost[j];
    std::vector<double> load( 6, 0.0 );
    for ( std::uint32_t i = 0; i < 9; ++i )
    {
      double served = 0.0;
      for ( std::uint32_t j = 0; j < 6; ++j )
      {
        const double share = result->share[i * 6 + j];
        QVERIFY( share == 0.0 || std::binary_search( result->location.open.begin(), result->location.open.end(), j ) );
        served += share;
        load[j] += share * problem.demand[i];
        objective += share * problem.location.weightOf( i ) * problem.location.costAt( i, j );
      }
      QVERIFY( std::fabs( served - 1.0 ) < 1e-6 );
    }
    for ( std::uint32_t j = 0; j < 6; ++j )
      QVERIFY( load[j] <= problem.capacity[j] + 1e-6 );
    QVERIFY( std::fabs( objective - result->location.objective ) < 1e-6 * std::max( 1.0, objective ) );
  }
}

void TestLocationExact::singleSourceImprovedWithinCapacities()
{
  RandomSource random( 43 );
  for ( int round = 0; round < 4; ++round )
  {
    const LocationProblem location = randomProblem( random, 7, 5, 100 );
    SingleSourceModel model;
    model.location = &location;
    for ( std::uint32_t j = 0; j < 5; ++j )
    {
      model.fixedCost.push_back( 30.0 + random.below( 100 ) );
      model.capacity.push_back( 8.0 + random.below( 10 ) );
    }
    for ( std::uint32_t i = 0; i < 7; ++i )
      model.demand.push_back( 1.0 + random.below( 5 ) );
    model.maxOpen = 4;
    // A poor incumbent: every client on the largest candidate that still has room.
    LocationSolution poor;
    poor.assignment.assign( 7, kUnassigned );
    std::vector<double> room = model.capacity;
    std::vector<std::uint32_t> bySize = { 0, 1, 2, 3, 4 };
    std::stable_sort( bySize.begin(), bySize.end(), [&]( std::uint32_t a, std::uint32_t b ) { return room[a] > room[b]; } );
    for ( std::uint32_t i = 0; i < 7; ++i )
    {
      for ( std::uint32_t j : bySize )
      {
        if ( room[j] >= model.demand[i] )
        {
          room[j] -= model.demand[i];
          poor.assignment[i] = j;
          poor.objective += location.weightOf( i ) * location.costAt( i, j );
          break;
        }
      }
    }
    if ( std::count( poor.assignment.begin(), poor.assignment.end(), kUnassigned ) > 0 )
      continue;
    std::vector<char> used( 5, 0 );
    for ( std::uint32_t j : poor.assignment )
      used[j] = 1;
    for ( std::uint32_t j = 0; j < 5; ++j )
    {
      if ( used[j] )
      {
        poor.open.push_back( j );
        poor.objective += model.fixedCost[j];
      }
    }
    if ( poor.open.size() > model.maxOpen )
      continue;
    SingleSourceReferenceData reference;
    reference.problem = &location;
    reference.fixedCost = model.fixedCost;
    reference.capacity = model.capacity;
    reference.demand = model.demand;
    reference.maxOpen = model.maxOpen;
    const double optimum = enumerateSingleSource( reference );

    SilentProgress progress;
    const Result<LocationSolution> result = refineSingleSource( model, poor, ExactModeOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    QVERIFY( std::fabs( result->objective - optimum ) < 1e-6 );
    QVERIFY( result->lowerBound <= optimum + 1e-6 );
    QVERIFY( result->open.size() <= model.maxOpen );
    std::vector<double> load( 5, 0.0 );
    double objective = 0.0;
    for ( std::uint32_t j : result->open )
      objective += model.fixedCost[j];
    for ( std::uint32_t i = 0; i < 7; ++i )
    {
      const std::uint32_t j = result->assignment[i];
      QVERIFY( std::binary_search( result->open.begin(), result->open.end(), j ) );
      load[j] += model.demand[i];
      objective += location.weightOf( i ) * location.costAt( i, j );
    }
    for ( std::uint32_t j = 0; j < 5; ++j )
      QVERIFY( load[j] <= model.capacity[j] + 1e-9 );
    QVERIFY( std::fabs( objective - result->objective ) < 1e-6 );
  }
}

void TestLocationExact::mclpImprovedAndBounded()
{
  RandomSource random( 47 );
  int improvedRounds = 0;  // the incumbent was not already optimal
  for ( int round = 0; round < 5; ++round )
  {
    LocationProblem problem = randomProblem( random, 14, 9, 100 );
    problem.required = { 3 };
    MclpOptions mclp;
    mclp.p = 3;
    mclp.radius = 30.0;
    const auto value = [&]( const std::vector<std::uint32_t> &open ) { return coveredWeight( problem, open, mclp.radius ); };
    const double optimum = enumerate( problem, []( std::uint32_t count ) { return count == 3; }, value, true );
    const std::vector<std::uint32_t> poor = poorOpenSet( problem, 3 );
    CoverageSolution incumbent = coverageOf( problem, poor, mclp.radius );
    incumbent.coveredWeightBound = incumbent.totalWeight;
    improvedRounds += value( poor ) < optimum ? 1 : 0;
    SilentProgress progress;
    const Result<CoverageSolution> result = refineMclp( problem, mclp, incumbent, ExactModeOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    QCOMPARE( result->coveredWeight, optimum );
    QCOMPARE( value( result->open ), optimum );
    QVERIFY( result->coveredWeightBound >= optimum - 1e-6 );
    QVERIFY( result->coveredWeightBound <= optimum + 1e-6 );
    QVERIFY( keepsRules( problem, result->open ) );
  }
  QVERIFY( improvedRounds > 0 );
}

void TestLocationExact::lscpFewestSites()
{
  RandomSource random( 53 );
  for ( int round = 0; round < 5; ++round )
  {
    LocationProblem problem = randomProblem( random, 14, 10, 100 );
    problem.banned = { 5 };
    LscpOptions lscp;
    lscp.radius = 40.0;
    std::vector<std::uint32_t> all;
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
    {
      if ( j != 5 )
        all.push_back( j );
    }
    const double total = coveredWeight( problem, all, lscp.radius );
    double allWeight = 0.0;
    for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
      allWeight += problem.weightOf( i );
    if ( total < allWeight )
      continue;
    const double fewest = enumerate( problem, []( std::uint32_t ) { return true; }, [&]( const std::vector<std::uint32_t> &open ) {
      return coveredWeight( problem, open, lscp.radius ) == allWeight ? static_cast<double>( open.size() ) : kInf;
    } );
    SilentProgress progress;
    const Result<CoverageSolution> result = refineLscp( problem, lscp, coverageOf( problem, all, lscp.radius ), ExactModeOptions(), progress );
    QVERIFY( result.isOk() );
    QVERIFY( result->provenOptimal );
    QCOMPARE( static_cast<double>( result->open.size() ), fewest );
    QCOMPARE( static_cast<double>( result->siteCountBound ), fewest );
    QCOMPARE( result->coveredWeight, allWeight );
    QVERIFY( keepsRules( problem, result->open ) );
  }
}

void TestLocationExact::canceledKeepsIncumbent()
{
  class CanceledProgress final : public ProgressSink
  {
    public:
      void setProgress( double ) override {}
      bool isCanceled() const override { return true; }
  };
  RandomSource random( 59 );
  const LocationProblem problem = randomProblem( random, 12, 9, 100 );
  const std::vector<std::uint32_t> poor = poorOpenSet( problem, 3 );
  LocationSolution incumbent = incumbentOf( problem, poor, medianCost( problem, poor ) );
  incumbent.lowerBound = 0.5 * incumbent.objective;
  CanceledProgress progress;
  const Result<LocationSolution> result = refinePMedian( problem, 3, incumbent, ExactModeOptions(), progress );
  QVERIFY( result.isOk() );
  QVERIFY( result->canceled );
  QCOMPARE( result->open, poor );
  QCOMPARE( result->objective, incumbent.objective );
  QCOMPARE( result->lowerBound, incumbent.lowerBound );
  QVERIFY( !result->provenOptimal );
}

QTEST_APPLESS_MAIN( TestLocationExact )
#include "test_location_exact.moc"
