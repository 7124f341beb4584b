// Lagrangian branch and bound of the single-source models against exhaustive enumeration of
// every assignment (single_source_reference.h): SSCFLP with fixed costs and count limits, and
// the capacitated p-median; the bound never exceeds the optimum, also when stopped early.
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/single_source_branch_and_bound.h"
#include "coverage_reference.h"
#include "single_source_reference.h"

#include <QtTest>

#include <chrono>
#include <limits>

using namespace gf;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct RandomModel
{
  LocationProblem location;
  std::vector<double> fixedCost;
  std::vector<double> capacity;
  std::vector<double> demand;
  std::uint32_t minOpen = 0;
  std::uint32_t maxOpen = 0;
};

//! Round by round: SSCFLP (some with count limits) and capacitated p-median (no fixed costs,
//! exactly p open), some with quarter costs so that bounds are not rounded up.
RandomModel randomModel( RandomSource &random, int round, std::uint32_t minClients = 2, std::uint32_t minCandidates = 2 )
{
  RandomModel model;
  const std::uint32_t n = minClients + random.below( 7 );
  const std::uint32_t m = minCandidates + random.below( 3 );
  const bool pMedian = round % 2 == 1;
  const double unit = round % 3 == 0 ? 0.25 : 1.0;
  model.location.clientCount = n;
  model.location.candidateCount = m;
  model.location.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : model.location.cost )
    cost = random.below( 8 ) == 0 ? kForbiddenAssignment : unit * random.below( 60 );
  for ( std::uint32_t i = 0; i < n; ++i )
    model.demand.push_back( 1.0 + random.below( 5 ) );
  for ( std::uint32_t j = 0; j < m; ++j )
  {
    model.capacity.push_back( static_cast<double>( 3 + random.below( 12 ) ) );
    model.fixedCost.push_back( pMedian ? 0.0 : unit * random.below( 80 ) );
  }
  addRandomSiteRules( random, round, model.location );
  if ( pMedian )
  {
    model.minOpen = 1 + random.below( m - 1 );
    model.maxOpen = model.minOpen;
  }
  else if ( round % 4 == 0 )
  {
    model.minOpen = 1 + random.below( 2 );
    model.maxOpen = model.minOpen + random.below( 2 );
  }
  return model;
}

SingleSourceModel singleSourceModel( const RandomModel &model )
{
  SingleSourceModel result;
  result.location = &model.location;
  result.fixedCost = model.fixedCost;
  result.capacity = model.capacity;
  result.demand = model.demand;
  result.minOpen = model.minOpen;
  result.maxOpen = model.maxOpen;
  return result;
}

//! The solution of \a result as a LocationSolution (open candidates ascending).
LocationSolution solutionOf( const SingleSourceBranchAndBoundResult &result )
{
  LocationSolution solution;
  for ( std::uint32_t j = 0; j < result.isOpen.size(); ++j )
  {
    if ( result.isOpen[j] )
      solution.open.push_back( j );
  }
  solution.assignment = result.assignment;
  solution.objective = result.objective;
  return solution;
}

} // namespace

class TestSingleSourceBranchAndBound : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void stoppedEarlyBoundHolds();
};

void TestSingleSourceBranchAndBound::matchesEnumeration()
{
  RandomSource random( 7 );
  int solved = 0;
  for ( int round = 0; round < 300; ++round )
  {
    const RandomModel randomInstance = randomModel( random, round );
    const Result<LocationSiteRules> rules = checkLocationProblem( randomInstance.location );
    QVERIFY( rules.isOk() );
    const SingleSourceModel model = singleSourceModel( randomInstance );
    const SingleSourceReferenceData data{ &randomInstance.location, model.fixedCost, model.capacity, model.demand, model.minOpen, model.maxOpen };
    const double reference = enumerateSingleSource( data );
    const CandidateRanking ranking( randomInstance.location, rules->eligible );
    SingleSourceBranchAndBound tree( model, *rules, ranking );
    SilentProgress progress;
    const SingleSourceBranchAndBoundResult result
      = tree.solve( kInfinity, {}, std::chrono::steady_clock::now() + std::chrono::seconds( 10 ), 1000000, progress );
    const QString where = QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result.objective ).arg( reference );
    QVERIFY2( result.finished, qPrintable( where ) );
    if ( reference == kInfinity )
    {
      QVERIFY2( result.objective == kInfinity && result.assignment.empty(), qPrintable( where ) );
      continue;
    }
    ++solved;
    QVERIFY2( std::fabs( result.objective - reference ) < 1e-6, qPrintable( where ) );
    QVERIFY2( result.lowerBound <= reference + 1e-6 && result.lowerBound >= reference - 1e-6, qPrintable( where ) );
    QVERIFY2( isFeasibleSingleSource( data, solutionOf( result ) ), qPrintable( where ) );
  }
  QVERIFY( solved > 150 );
}

void TestSingleSourceBranchAndBound::stoppedEarlyBoundHolds()
{
  RandomSource random( 11 );
  int bracketed = 0;
  for ( int round = 0; round < 160; ++round )
  {
    // Larger than above, so that a root alone rarely settles them.
    const RandomModel randomInstance = randomModel( random, round, 4, 3 );
    const Result<LocationSiteRules> rules = checkLocationProblem( randomInstance.location );
    QVERIFY( rules.isOk() );
    const SingleSourceModel model = singleSourceModel( randomInstance );
    const SingleSourceReferenceData data{ &randomInstance.location, model.fixedCost, model.capacity, model.demand, model.minOpen, model.maxOpen };
    const double reference = enumerateSingleSource( data );
    if ( reference == kInfinity )
      continue;
    const CandidateRanking ranking( randomInstance.location, rules->eligible );
    SingleSourceBranchAndBound tree( model, *rules, ranking );
    SilentProgress progress;
    // A node limit of 1 or 2 stops most trees after the root.
    const SingleSourceBranchAndBoundResult result
      = tree.solve( kInfinity, {}, std::chrono::steady_clock::now() + std::chrono::seconds( 10 ), 1 + round % 2, progress );
    const QString where = QStringLiteral( "round %1: bound %2, objective %3, optimum %4" )
                            .arg( round ).arg( result.lowerBound ).arg( result.objective ).arg( reference );
    QVERIFY2( result.lowerBound <= reference + 1e-6, qPrintable( where ) );
    QVERIFY2( result.objective >= reference - 1e-6, qPrintable( where ) );
    if ( result.objective < kInfinity )
      QVERIFY2( isFeasibleSingleSource( data, solutionOf( result ) ), qPrintable( where ) );
    bracketed += result.finished ? 0 : 1;
  }
  // Enough trees were really cut short for the statement to mean something.
  QVERIFY( bracketed > 10 );
}

QTEST_APPLESS_MAIN( TestSingleSourceBranchAndBound )
#include "test_single_source_branch_and_bound.moc"
