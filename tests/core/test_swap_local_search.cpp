// Fast interchange against brute force: descents end in true swap-local optima and path
// relinking stops no worse than the best single step towards its target.
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/sparse_location_problem.h"
#include "engine/solvers/swap_local_search.h"

#include <QtTest>

#include <algorithm>

using namespace gf;

namespace {

LocationProblem randomProblem( RandomSource &random, std::uint32_t n, std::uint32_t m )
{
  LocationProblem problem;
  problem.clientCount = n;
  problem.candidateCount = m;
  for ( std::uint32_t i = 0; i < n * m; ++i )
    problem.cost.push_back( static_cast<double>( random.below( 1000 ) ) );
  for ( std::uint32_t i = 0; i < n; ++i )
    problem.clientWeight.push_back( 1.0 + random.below( 4 ) );
  return problem;
}

double costOf( const LocationProblem &problem, const std::vector<std::uint32_t> &open )
{
  double total = 0.0;
  for ( std::uint32_t i = 0; i < problem.clientCount; ++i )
  {
    double nearest = kForbiddenAssignment;
    for ( std::uint32_t j : open )
      nearest = std::min( nearest, problem.costAt( i, j ) );
    total += problem.weightOf( i ) * nearest;
  }
  return total;
}

std::vector<std::uint32_t> randomSet( RandomSource &random, std::uint32_t m, std::uint32_t p )
{
  std::vector<std::uint32_t> all( m );
  for ( std::uint32_t j = 0; j < m; ++j )
    all[j] = j;
  for ( std::uint32_t j = 0; j < p; ++j )
    std::swap( all[j], all[j + random.below( m - j )] );
  all.resize( p );
  return all;
}

std::vector<std::uint32_t> sorted( std::vector<std::uint32_t> open )
{
  std::sort( open.begin(), open.end() );
  return open;
}

} // namespace

class TestSwapLocalSearch : public QObject
{
    Q_OBJECT

  private slots:
    void descentEndsInSwapOptimum();
    void relinkingBeatsEveryFirstStep();
};

void TestSwapLocalSearch::descentEndsInSwapOptimum()
{
  RandomSource random( 17 );
  for ( int round = 0; round < 40; ++round )
  {
    const std::uint32_t m = 8 + random.below( 10 );
    const std::uint32_t p = 2 + random.below( m - 3 );
    const LocationProblem problem = randomProblem( random, 10 + random.below( 20 ), m );
    const std::vector<char> eligible( m, 1 );
    const std::vector<char> fixedOpen( m, 0 );
    // Odd rounds rank the same costs through the sparse shape (every pair stored).
    const CandidateRanking ranking = round % 2 ? CandidateRanking( kNearestReduction( problem, m ), eligible )
                                               : CandidateRanking( problem, eligible );
    SwapLocalSearch search( ranking, eligible, fixedOpen, 1e12 );
    search.reset( randomSet( random, m, p ) );
    SilentProgress progress;
    QVERIFY( search.descend( progress, SwapLocalSearch::Clock::now() + std::chrono::hours( 1 ) ) );
    const std::vector<std::uint32_t> open = search.open();
    const double objective = costOf( problem, open );
    QCOMPARE( search.objective(), objective );
    for ( std::size_t slot = 0; slot < open.size(); ++slot )
    {
      for ( std::uint32_t in = 0; in < m; ++in )
      {
        if ( std::find( open.begin(), open.end(), in ) != open.end() )
          continue;
        std::vector<std::uint32_t> neighbour = open;
        neighbour[slot] = in;
        QVERIFY( costOf( problem, neighbour ) >= objective - 1e-9 );
      }
    }
  }
}

void TestSwapLocalSearch::relinkingBeatsEveryFirstStep()
{
  RandomSource random( 23 );
  int relinked = 0;
  for ( int round = 0; round < 60; ++round )
  {
    const std::uint32_t m = 10 + random.below( 10 );
    const std::uint32_t p = 3 + random.below( m / 2 - 2 );
    const LocationProblem problem = randomProblem( random, 15 + random.below( 20 ), m );
    const std::vector<char> eligible( m, 1 );
    const std::vector<char> fixedOpen( m, 0 );
    const CandidateRanking ranking( problem, eligible );
    SwapLocalSearch search( ranking, eligible, fixedOpen, 1e12 );
    const std::vector<std::uint32_t> from = sorted( randomSet( random, m, p ) );
    const std::vector<std::uint32_t> to = sorted( randomSet( random, m, p ) );
    std::vector<std::uint32_t> entering;
    std::vector<std::uint32_t> leaving;
    std::set_difference( to.begin(), to.end(), from.begin(), from.end(), std::back_inserter( entering ) );
    std::set_difference( from.begin(), from.end(), to.begin(), to.end(), std::back_inserter( leaving ) );
    search.reset( from );
    const bool moved = search.relinkTowards( to );
    QCOMPARE( moved, entering.size() >= 2 );
    const std::vector<std::uint32_t> at = sorted( search.open() );
    if ( !moved )
    {
      QCOMPARE( at, from );
      continue;
    }
    ++relinked;
    // Strictly inside the path: keeps what both share, takes only their candidates, is neither end.
    QVERIFY( at != from && at != to );
    for ( std::uint32_t j : at )
      QVERIFY( std::binary_search( from.begin(), from.end(), j ) || std::binary_search( to.begin(), to.end(), j ) );
    for ( std::uint32_t j : from )
    {
      if ( std::binary_search( to.begin(), to.end(), j ) )
        QVERIFY( std::binary_search( at.begin(), at.end(), j ) );
    }
    QCOMPARE( search.objective(), costOf( problem, at ) );
    // The path's first step is the best swap towards the target; the result is the best point on the path.
    for ( std::uint32_t in : entering )
    {
      for ( std::uint32_t out : leaving )
      {
        std::vector<std::uint32_t> step = from;
        *std::find( step.begin(), step.end(), out ) = in;
        QVERIFY( search.objective() <= costOf( problem, step ) + 1e-9 );
      }
    }
  }
  QVERIFY( relinked > 20 );
}

QTEST_APPLESS_MAIN( TestSwapLocalSearch )
#include "test_swap_local_search.moc"
