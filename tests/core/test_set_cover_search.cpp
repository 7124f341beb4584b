// Exact set covering against exhaustive enumeration on small random instances.
#include "engine/solvers/random_source.h"
#include "engine/solvers/set_cover_search.h"

#include <QtTest>

using namespace gf;

class TestSetCoverSearch : public QObject
{
    Q_OBJECT

  private slots:
    void matchesEnumeration();
    void limitAndUncoverable();
};

namespace {

bool covers( const std::vector<std::vector<std::uint32_t>> &rows, std::uint32_t mask )
{
  for ( const std::vector<std::uint32_t> &columns : rows )
  {
    if ( std::none_of( columns.begin(), columns.end(), [&]( std::uint32_t c ) { return mask >> c & 1u; } ) )
      return false;
  }
  return true;
}

//! Rows of 1..4 random columns (duplicates allowed), so dominated rows and columns occur.
std::vector<std::vector<std::uint32_t>> randomRows( RandomSource &random, std::uint32_t rowCount, std::uint32_t columnCount )
{
  std::vector<std::vector<std::uint32_t>> rows( rowCount );
  for ( std::vector<std::uint32_t> &columns : rows )
  {
    const std::uint32_t size = 1 + random.below( 4 );
    for ( std::uint32_t k = 0; k < size; ++k )
      columns.push_back( random.below( columnCount ) );
  }
  return rows;
}

} // namespace

void TestSetCoverSearch::matchesEnumeration()
{
  RandomSource random( 53 );
  const auto farAway = SetCoverSearch::Clock::now() + std::chrono::hours( 1 );
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t columnCount = 2 + random.below( 13 );
    const std::uint32_t rowCount = 1 + random.below( 25 );
    const std::vector<std::vector<std::uint32_t>> rows = randomRows( random, rowCount, columnCount );
    std::vector<std::uint32_t> fixed;
    std::uint32_t fixedMask = 0;
    if ( round % 4 == 1 )
    {
      fixed.push_back( random.below( columnCount ) );
      fixedMask = 1u << fixed.back();
    }
    std::uint32_t reference = UINT32_MAX;
    for ( std::uint32_t mask = 0; mask < ( 1u << columnCount ); ++mask )
    {
      const std::uint32_t count = static_cast<std::uint32_t>( __builtin_popcount( mask ) );
      if ( ( mask & fixedMask ) == fixedMask && count < reference && covers( rows, mask ) )
        reference = count;
    }
    SilentProgress progress;
    SetCoverSearch search( rows, columnCount );
    const SetCoverResult result = search.solve( fixed, 0, false, progress, farAway );
    QVERIFY( result.found && result.complete );
    QCOMPARE( static_cast<std::uint32_t>( result.columns.size() ), reference );
    QCOMPARE( result.lowerBound, reference );
    std::uint32_t mask = 0;
    for ( std::uint32_t column : result.columns )
      mask |= 1u << column;
    QVERIFY( covers( rows, mask ) );
    QCOMPARE( mask & fixedMask, fixedMask );

    // The decision form: a cover within the optimum exists, none within one less.
    const SetCoverResult within = search.solve( fixed, reference, true, progress, farAway );
    QVERIFY( within.found && within.columns.size() <= reference );
    if ( reference > std::max<std::uint32_t>( 1, static_cast<std::uint32_t>( fixed.size() ) ) )
    {
      const SetCoverResult below = search.solve( fixed, reference - 1, true, progress, farAway );
      QVERIFY( !below.found && below.complete );
      QVERIFY( below.lowerBound >= reference );
    }
  }
}

void TestSetCoverSearch::limitAndUncoverable()
{
  SilentProgress progress;
  const auto farAway = SetCoverSearch::Clock::now() + std::chrono::hours( 1 );
  // Rows {0}, {1}, {0, 1}, {}: the empty row can never be covered.
  SetCoverSearch uncoverable( { { 0 }, { 1 }, { 0, 1 }, {} }, 2 );
  const SetCoverResult none = uncoverable.solve( {}, 0, false, progress, farAway );
  QVERIFY( !none.found && none.complete );
  // A triangle of pairs needs two of three columns.
  SetCoverSearch triangle( { { 0, 1 }, { 1, 2 }, { 0, 2 } }, 3 );
  const SetCoverResult two = triangle.solve( {}, 0, false, progress, farAway );
  QCOMPARE( two.columns.size(), std::size_t( 2 ) );
  QCOMPARE( two.lowerBound, 2u );
  QVERIFY( !triangle.solve( {}, 1, true, progress, farAway ).found );
}

QTEST_APPLESS_MAIN( TestSetCoverSearch )
#include "test_set_cover_search.moc"
