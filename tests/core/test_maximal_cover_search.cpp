// Exact maximal covering on weighted rows against exhaustive enumeration on small random
// instances built to contain dominated columns and rows with equal column sets.
#include "engine/solvers/maximal_cover_search.h"
#include "engine/solvers/random_source.h"

#include <QtTest>

using namespace gf;

class TestMaximalCoverSearch : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void targetForm();
    void boundOnTimeLimit();
};

namespace {

struct Instance
{
  std::vector<std::vector<std::uint32_t>> rows;
  std::vector<double> weight;
  std::uint32_t columnCount = 0;
};

//! Rows of 1..4 random columns; every third instance also copies a column's rows into a
//! superset column, so dominated and equal columns occur; weights integral or fractional.
Instance randomInstance( RandomSource &random, bool integral )
{
  Instance instance;
  instance.columnCount = 2 + random.below( 12 );
  const std::uint32_t rowCount = 1 + random.below( 20 );
  instance.rows.resize( rowCount );
  for ( std::vector<std::uint32_t> &columns : instance.rows )
  {
    const std::uint32_t size = 1 + random.below( 4 );
    for ( std::uint32_t k = 0; k < size; ++k )
      columns.push_back( random.below( instance.columnCount ) );
    instance.weight.push_back( integral ? 1.0 + random.below( 9 ) : 0.25 + 3.0 * random.unit() );
  }
  if ( random.below( 3 ) == 0 )
  {
    const std::uint32_t from = random.below( instance.columnCount );
    const std::uint32_t to = random.below( instance.columnCount );
    for ( std::vector<std::uint32_t> &columns : instance.rows )
    {
      if ( std::find( columns.begin(), columns.end(), from ) != columns.end() )
        columns.push_back( to );
    }
  }
  return instance;
}

double coveredBy( const Instance &instance, std::uint32_t mask )
{
  double covered = 0.0;
  for ( std::uint32_t row = 0; row < instance.rows.size(); ++row )
  {
    const std::vector<std::uint32_t> &columns = instance.rows[row];
    if ( std::any_of( columns.begin(), columns.end(), [&]( std::uint32_t c ) { return mask >> c & 1u; } ) )
      covered += instance.weight[row];
  }
  return covered;
}

//! The best weight of at most \a k columns.
double bestOf( const Instance &instance, std::uint32_t k )
{
  double best = 0.0;
  for ( std::uint32_t mask = 0; mask < ( 1u << instance.columnCount ); ++mask )
  {
    if ( static_cast<std::uint32_t>( __builtin_popcount( mask ) ) <= k )
      best = std::max( best, coveredBy( instance, mask ) );
  }
  return best;
}

std::uint32_t maskOf( const std::vector<std::uint32_t> &columns )
{
  std::uint32_t mask = 0;
  for ( std::uint32_t column : columns )
    mask |= 1u << column;
  return mask;
}

} // namespace

void TestMaximalCoverSearch::matchesEnumeration()
{
  RandomSource random( 61 );
  const auto farAway = MaximalCoverSearch::Clock::now() + std::chrono::hours( 1 );
  for ( int round = 0; round < 400; ++round )
  {
    const Instance instance = randomInstance( random, round % 2 == 0 );
    const std::uint32_t k = 1 + random.below( instance.columnCount );
    const double reference = bestOf( instance, k );
    SilentProgress progress;
    MaximalCoverSearch search( instance.rows, instance.weight, instance.columnCount );
    const MaximalCoverResult result = search.solve( k, progress, farAway );
    QVERIFY( result.proven && !result.stopped );
    QVERIFY( result.columns.size() <= k );
    QVERIFY( std::is_sorted( result.columns.begin(), result.columns.end() ) );
    QVERIFY( qAbs( coveredBy( instance, maskOf( result.columns ) ) - result.coveredWeight ) < 1e-9 );
    QVERIFY2( qAbs( result.coveredWeight - reference ) < 1e-9,
              qPrintable( QStringLiteral( "round %1: %2 vs %3" ).arg( round ).arg( result.coveredWeight ).arg( reference ) ) );
    QVERIFY( result.weightBound >= reference - 1e-9 );
  }
}

void TestMaximalCoverSearch::targetForm()
{
  // Asking for the optimum finds a choice reaching it; asking for more proves there is none.
  RandomSource random( 67 );
  const auto farAway = MaximalCoverSearch::Clock::now() + std::chrono::hours( 1 );
  for ( int round = 0; round < 300; ++round )
  {
    const Instance instance = randomInstance( random, true );
    const std::uint32_t k = 1 + random.below( instance.columnCount );
    const double reference = bestOf( instance, k );
    SilentProgress progress;
    MaximalCoverSearch search( instance.rows, instance.weight, instance.columnCount );
    const MaximalCoverResult reached = search.solve( k, progress, farAway, reference );
    QVERIFY( !reached.stopped && reached.columns.size() <= k );
    QCOMPARE( coveredBy( instance, maskOf( reached.columns ) ), reference );
    const MaximalCoverResult beyond = search.solve( k, progress, farAway, reference + 1.0 );
    QVERIFY( !beyond.stopped );
    QVERIFY( beyond.coveredWeight <= reference );
    QVERIFY( beyond.weightBound >= reference );
  }
}

void TestMaximalCoverSearch::boundOnTimeLimit()
{
  // Stopped before it starts: still a cover and a bound on either side of the optimum.
  RandomSource random( 71 );
  const auto past = MaximalCoverSearch::Clock::now() - std::chrono::seconds( 1 );
  for ( int round = 0; round < 100; ++round )
  {
    const Instance instance = randomInstance( random, round % 2 == 0 );
    const std::uint32_t k = 1 + random.below( instance.columnCount );
    const double reference = bestOf( instance, k );
    SilentProgress progress;
    MaximalCoverSearch search( instance.rows, instance.weight, instance.columnCount );
    const MaximalCoverResult result = search.solve( k, progress, past );
    QVERIFY( result.columns.size() <= k );
    QVERIFY( result.coveredWeight <= reference + 1e-9 );
    QVERIFY( qAbs( coveredBy( instance, maskOf( result.columns ) ) - result.coveredWeight ) < 1e-9 );
    QVERIFY( result.weightBound >= reference - 1e-9 );
    QVERIFY( result.proven == !result.stopped );
  }
}

QTEST_APPLESS_MAIN( TestMaximalCoverSearch )
#include "test_maximal_cover_search.moc"
