// Lagrangian branch and bound for the p-median against exhaustive enumeration, and on pmed1.
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/pmedian_branch_and_bound.h"
#include "engine/solvers/pmedian_lagrangian.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/swap_local_search.h"
#include "instance_readers.h"
#include "pmedian_reference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace gf;

namespace {

constexpr double kMissingCost = 1e12;


//! Integral costs in [0, 100) or real ones in [0, 100), optional fractional weights.
LocationProblem randomProblem( RandomSource &random, std::uint32_t n, std::uint32_t m, bool integral )
{
  LocationProblem problem;
  problem.clientCount = n;
  problem.candidateCount = m;
  problem.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( double &cost : problem.cost )
    cost = integral ? static_cast<double>( random.below( 100 ) ) : random.unit() * 100.0;
  if ( !integral )
  {
    for ( std::uint32_t i = 0; i < n; ++i )
      problem.clientWeight.push_back( 0.5 + random.below( 10 ) * 0.25 );
  }
  return problem;
}

//! Counts the cancel polls and cancels from the given one on.
class CancelAfter final : public ProgressSink
{
  public:
    explicit CancelAfter( int polls ) : mPolls( polls ) {}
    void setProgress( double ) override {}
    bool isCanceled() const override { return mPolls-- <= 0; }

  private:
    mutable int mPolls;
};

//! What a tree needs besides itself, built as PMedianSearch builds it.
struct TreeInput
{
  TreeInput( const LocationProblem &problem )
    : rules( *checkLocationProblem( problem ) )
    , ranking( problem, rules.eligible )
    , search( ranking, rules.eligible, rules.fixedOpen, kMissingCost )
  {}

  //! A poor start: the required candidates, then the highest-indexed eligible ones.
  std::vector<std::uint32_t> start( std::uint32_t p ) const
  {
    std::vector<std::uint32_t> open = rules.required;
    for ( std::uint32_t j = static_cast<std::uint32_t>( rules.eligible.size() ); j-- > 0 && open.size() < p; )
    {
      if ( rules.eligible[j] && !rules.fixedOpen[j] )
        open.push_back( j );
    }
    return open;
  }

  LocationSiteRules rules;
  CandidateRanking ranking;
  SwapLocalSearch search;
};

bool isIntegral( const LocationProblem &problem )
{
  return problem.clientWeight.empty()
         && std::all_of( problem.cost.begin(), problem.cost.end(), []( double cost ) { return cost == std::floor( cost ); } );
}

//! \a best holds p distinct candidates, the required ones and no banned one, and costs \a objective.
void verifySolution( const LocationProblem &problem, std::uint32_t p, std::vector<std::uint32_t> best, double objective )
{
  std::sort( best.begin(), best.end() );
  QCOMPARE( static_cast<std::uint32_t>( best.size() ), p );
  QVERIFY( std::adjacent_find( best.begin(), best.end() ) == best.end() );
  for ( std::uint32_t j : problem.required )
    QVERIFY( std::binary_search( best.begin(), best.end(), j ) );
  for ( std::uint32_t j : problem.banned )
    QVERIFY( !std::binary_search( best.begin(), best.end(), j ) );
  QVERIFY( std::fabs( pmedianValueOf( problem, best ).cost - objective ) < 1e-6 );
}

} // namespace

class TestPMedianBranchAndBound : public QObject
{
    Q_OBJECT

  private slots:
    void provesEnumeratedOptimum_data();
    void provesEnumeratedOptimum();
    void cancelKeepsIncumbentAndBound();
    void deflectedBoundIsLagrangianValue();
    void provesPmed1();
};

void TestPMedianBranchAndBound::provesEnumeratedOptimum_data()
{
  QTest::addColumn<bool>( "integral" );
  QTest::addColumn<bool>( "siteRules" );
  QTest::newRow( "integral" ) << true << false;
  QTest::newRow( "real weighted" ) << false << false;
  QTest::newRow( "required and banned" ) << true << true;
}

void TestPMedianBranchAndBound::provesEnumeratedOptimum()
{
  QFETCH( bool, integral );
  QFETCH( bool, siteRules );
  RandomSource random( 31 + integral * 2 + siteRules );
  int branched = 0;
  for ( int round = 0; round < 100; ++round )
  {
    const std::uint32_t n = 20 + random.below( 30 );
    const std::uint32_t m = 8 + random.below( 8 );
    LocationProblem problem = randomProblem( random, n, m, integral );
    std::uint32_t p = 2 + random.below( m - 4 );
    if ( siteRules )
    {
      const std::uint32_t required = random.below( m );
      problem.required = { required };
      problem.banned = { ( required + 1 ) % m, ( required + 3 ) % m };
      p = std::min( p, m - 3 );
    }
    const double optimum = enumeratePMedian( problem, p ).cost;
    TreeInput input( problem );
    const std::vector<std::uint32_t> start = input.start( p );
    PMedianBranchAndBound tree( problem, input.ranking, input.rules.eligible, input.rules.fixedOpen, p, input.search,
                                isIntegral( problem ) );
    SilentProgress progress;
    const bool finished = tree.solve( start, pmedianValueOf( problem, start ).cost, {}, progress,
                                      PMedianBranchAndBound::Clock::now() + std::chrono::seconds( 60 ) );
    const QString context = QStringLiteral( "round %1: %2 vs optimum %3, bound %4" )
                              .arg( round ).arg( tree.bestObjective() ).arg( optimum ).arg( tree.lowerBound() );
    QVERIFY2( finished, qPrintable( context ) );
    QVERIFY2( std::fabs( tree.bestObjective() - optimum ) < 1e-6, qPrintable( context ) );
    QCOMPARE( tree.lowerBound(), tree.bestObjective() );
    verifySolution( problem, p, tree.best(), tree.bestObjective() );
    branched += tree.nodeCount() > 1 ? 1 : 0;
  }
  // Many of these need more than the root: the branching itself is under test.
  QVERIFY( branched >= 10 );
}

void TestPMedianBranchAndBound::cancelKeepsIncumbentAndBound()
{
  RandomSource random( 77 );
  int stoppedEarly = 0;
  for ( int round = 0; round < 30; ++round )
  {
    const std::uint32_t m = 12 + random.below( 5 );
    LocationProblem problem = randomProblem( random, 40, m, round % 2 == 0 );
    const std::uint32_t p = 3 + random.below( 4 );
    const double optimum = enumeratePMedian( problem, p ).cost;
    TreeInput input( problem );
    const std::vector<std::uint32_t> start = input.start( p );
    const double startCost = pmedianValueOf( problem, start ).cost;
    for ( int polls : { 0, 1, 5, 20, 100 } )
    {
      PMedianBranchAndBound tree( problem, input.ranking, input.rules.eligible, input.rules.fixedOpen, p, input.search,
                                  isIntegral( problem ) );
      CancelAfter progress( polls );
      const bool finished = tree.solve( start, startCost, {}, progress, PMedianBranchAndBound::Clock::now() + std::chrono::seconds( 60 ) );
      stoppedEarly += finished ? 0 : 1;
      QVERIFY( tree.lowerBound() <= optimum + 1e-6 );
      QVERIFY( tree.bestObjective() <= startCost );
      QVERIFY( tree.bestObjective() >= optimum - 1e-6 );
      verifySolution( problem, p, tree.best(), tree.bestObjective() );
      if ( finished )
        QVERIFY( std::fabs( tree.bestObjective() - optimum ) < 1e-6 );
    }
  }
  // The polls above must actually interrupt some searches for the test to mean anything.
  QVERIFY( stoppedEarly > 30 );
}

//! The Lagrangian function at \a multipliers, straight from the matrix: every client adds its
//! multiplier, every candidate its reduced cost sum_i min( 0, w_i c_ij - v_i ), the required
//! ones always and the p - |required| most negative of the other allowed ones.
double lagrangianValue( const LocationProblem &problem, std::uint32_t p, const std::vector<double> &multipliers )
{
  std::vector<double> reduced( problem.candidateCount, 0.0 );
  double value = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    value += multipliers[i];
    for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
      reduced[j] += std::min( 0.0, problem.weightOf( i ) * problem.costAt( i, j ) - multipliers[i] );
  }
  std::vector<double> free;
  for ( std::uint32_t j = 0; j < problem.candidateCount; ++j )
  {
    const bool required = std::count( problem.required.begin(), problem.required.end(), j ) > 0;
    const bool banned = std::count( problem.banned.begin(), problem.banned.end(), j ) > 0;
    if ( required )
      value += reduced[j];
    else if ( !banned )
      free.push_back( reduced[j] );
  }
  std::sort( free.begin(), free.end() );
  for ( std::size_t k = 0; k + problem.required.size() < p; ++k )
    value += free[k];
  return value;
}

void TestPMedianBranchAndBound::deflectedBoundIsLagrangianValue()
{
  // The root bound at scale on small instances: deflected steps from the incumbent's costs or
  // from a dual ascent. The bound reported is the Lagrangian function at the multipliers
  // reported, so it never exceeds the optimum, and it climbs above its start.
  RandomSource random( 5 );
  int climbed = 0;
  for ( int round = 0; round < 60; ++round )
  {
    const std::uint32_t n = 20 + random.below( 30 );
    const std::uint32_t m = 8 + random.below( 8 );
    LocationProblem problem = randomProblem( random, n, m, round % 2 == 0 );
    std::uint32_t p = 2 + random.below( m - 4 );
    if ( round % 3 == 2 )
    {
      problem.required = { round % m };
      problem.banned = { ( round + 1 ) % m };
      p = std::min( p, m - 2 );
    }
    const double optimum = enumeratePMedian( problem, p ).cost;
    TreeInput input( problem );
    const std::vector<std::uint32_t> start = input.start( p );
    const double startCost = pmedianValueOf( problem, start ).cost;
    std::vector<double> startMultipliers( n, 0.0 );
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      startMultipliers[i] = std::numeric_limits<double>::infinity();
      for ( std::uint32_t j : start )
        startMultipliers[i] = std::min( startMultipliers[i], problem.weightOf( i ) * problem.costAt( i, j ) );
    }
    for ( bool ascent : { false, true } )
    {
      PMedianLagrangian lagrangian( input.ranking, input.rules.eligible, input.rules.fixedOpen, p );
      lagrangian.setMultipliers( startMultipliers );
      SilentProgress progress;
      const PMedianLagrangian::Clock::time_point deadline = PMedianLagrangian::Clock::now() + std::chrono::seconds( 60 );
      if ( ascent )
        QVERIFY( lagrangian.ascend( startCost / ( 2.0 * p ), 0.1 * startCost / n, 20, progress, deadline ) );
      lagrangian.setStepScale( 0.5 );
      lagrangian.setDeflection( 0.9 );
      QVERIFY( lagrangian.improve( startCost, std::numeric_limits<double>::infinity(), 300, progress, deadline ) );
      const double bound = lagrangian.bound();
      const QString context = QStringLiteral( "round %1%2: bound %3, optimum %4" )
                                .arg( round ).arg( ascent ? " (ascent)" : "" ).arg( bound ).arg( optimum );
      QVERIFY2( bound <= optimum + 1e-6, qPrintable( context ) );
      QVERIFY2( std::fabs( bound - lagrangianValue( problem, p, lagrangian.bestMultipliers() ) ) < 1e-6, qPrintable( context ) );
      climbed += bound > lagrangianValue( problem, p, startMultipliers ) + 1e-6 ? 1 : 0;
    }
  }
  QVERIFY( climbed >= 60 );
}

void TestPMedianBranchAndBound::provesPmed1()
{
  const QString path = QStringLiteral( GF_SHARED_DIR "/benchmarks/pmed_orlib/pmed1.txt" );
  if ( !QFileInfo::exists( path ) )
    QSKIP( "shared benchmark data not available" );
  const auto instance = readOrlibPMedian( path.toStdString() );
  QVERIFY( instance.has_value() );
  const LocationProblem &problem = instance->problem;
  TreeInput input( problem );
  const std::vector<std::uint32_t> start = input.start( instance->p );
  PMedianBranchAndBound tree( problem, input.ranking, input.rules.eligible, input.rules.fixedOpen, instance->p,
                              input.search, true );
  SilentProgress progress;
  QVERIFY( tree.solve( start, pmedianValueOf( problem, start ).cost, {}, progress, PMedianBranchAndBound::Clock::now() + std::chrono::seconds( 60 ) ) );
  // Beasley's pmedopt value (../shared/benchmarks/README.md, section 1).
  QCOMPARE( tree.bestObjective(), 5819.0 );
  QCOMPARE( tree.lowerBound(), 5819.0 );
  verifySolution( problem, instance->p, tree.best(), 5819.0 );
}

QTEST_APPLESS_MAIN( TestPMedianBranchAndBound )
#include "test_pmedian_branch_and_bound.moc"
