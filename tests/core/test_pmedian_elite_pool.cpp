// Elite pool invariants against a brute-force record of every offer.
#include "engine/solvers/pmedian_elite_pool.h"
#include "engine/solvers/random_source.h"

#include <QtTest>

#include <algorithm>
#include <limits>

using namespace gf;

class TestPMedianElitePool : public QObject
{
    Q_OBJECT

  private slots:
    void difference();
    void keepsBestAndDistinct();
};

void TestPMedianElitePool::difference()
{
  QCOMPARE( PMedianElitePool::difference( { 1, 4, 7 }, { 1, 4, 7 } ), std::size_t( 0 ) );
  QCOMPARE( PMedianElitePool::difference( { 1, 4, 7 }, { 2, 4, 8 } ), std::size_t( 2 ) );
  QCOMPARE( PMedianElitePool::difference( { 0, 1 }, { 2, 3 } ), std::size_t( 2 ) );
}

void TestPMedianElitePool::keepsBestAndDistinct()
{
  RandomSource random( 8 );
  PMedianElitePool pool( 5 );
  double bestOffered = std::numeric_limits<double>::infinity();
  for ( int offer = 0; offer < 400; ++offer )
  {
    // Three of eight candidates, objective a function of the set so equal sets agree.
    std::vector<std::uint32_t> open;
    while ( open.size() < 3 )
    {
      const std::uint32_t j = random.below( 8 );
      if ( std::find( open.begin(), open.end(), j ) == open.end() )
        open.push_back( j );
    }
    std::vector<std::uint32_t> key = open;
    std::sort( key.begin(), key.end() );
    const double objective = static_cast<double>( ( key[0] * 31 + key[1] * 7 + key[2] * 13 ) % 23 );
    const bool wasFull = pool.entries().size() == 5;
    const double worst = pool.empty() ? 0.0 : pool.entries().back().objective;
    const bool pooled = std::any_of( pool.entries().begin(), pool.entries().end(),
                                     [&]( const PMedianElitePool::Entry &entry ) { return entry.open == key; } );
    const bool added = pool.offer( open, objective );
    QCOMPARE( added, !pooled && ( !wasFull || objective < worst ) );
    bestOffered = std::min( bestOffered, objective );
    // The pool never loses its best: relinking partners come from it, so the best only improves.
    QCOMPARE( pool.best().objective, bestOffered );
    QVERIFY( pool.entries().size() <= 5 );
    for ( std::size_t i = 0; i < pool.entries().size(); ++i )
    {
      QVERIFY( std::is_sorted( pool.entries()[i].open.begin(), pool.entries()[i].open.end() ) );
      if ( i > 0 )
      {
        QVERIFY( pool.entries()[i - 1].objective <= pool.entries()[i].objective );
        for ( std::size_t k = 0; k < i; ++k )
          QVERIFY( pool.entries()[k].open != pool.entries()[i].open );
      }
    }
  }
}

QTEST_APPLESS_MAIN( TestPMedianElitePool )
#include "test_pmedian_elite_pool.moc"
