// 0-1 knapsack (minimising form) against brute force over every subset and, on larger
// instances, against the textbook table over the capacity: the branch and bound, the dynamic
// programme over states (forced by a node limit of one), and the bound that stays valid when
// the node limit stops the search.
#include "engine/solvers/knapsack_solver.h"
#include "engine/solvers/random_source.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace gf;

namespace {

//! Least total value of a subset within the capacity (items of value >= 0 never help).
double bruteForce( const std::vector<double> &value, const std::vector<double> &weight, double capacity )
{
  const std::size_t n = value.size();
  double best = 0.0;
  for ( std::uint32_t mask = 0; mask < ( 1u << n ); ++mask )
  {
    double total = 0.0;
    double used = 0.0;
    for ( std::size_t k = 0; k < n; ++k )
    {
      if ( mask & ( 1u << k ) )
      {
        total += value[k];
        used += weight[k];
      }
    }
    if ( used <= capacity + 1e-9 )
      best = std::min( best, total );
  }
  return best;
}

//! Least total value within an integral capacity by the table over every used capacity.
double byCapacityTable( const std::vector<double> &value, const std::vector<double> &weight, std::size_t capacity )
{
  std::vector<double> best( capacity + 1, 0.0 );
  for ( std::size_t k = 0; k < value.size(); ++k )
  {
    const std::size_t w = static_cast<std::size_t>( weight[k] );
    for ( std::size_t used = capacity + 1; used-- > w; )
      best[used] = std::min( best[used], best[used - w] + value[k] );
  }
  return best[capacity];
}

//! Value and weight of the solver's chosen items.
void chosenTotals( const KnapsackSolver &solver, const std::vector<double> &value, const std::vector<double> &weight,
                   double &total, double &used )
{
  total = 0.0;
  used = 0.0;
  for ( std::size_t k = 0; k < value.size(); ++k )
  {
    if ( solver.chosen()[k] )
    {
      total += value[k];
      used += weight[k];
    }
  }
}

} // namespace

class TestKnapsackSolver : public QObject
{
    Q_OBJECT

  private slots:
    void matchesBruteForce_data();
    void matchesBruteForce();
    void boundValidUnderNodeLimit();
    void statesMatchBruteForce();
    void statesMatchTable_data();
    void statesMatchTable();
};

void TestKnapsackSolver::matchesBruteForce_data()
{
  QTest::addColumn<bool>( "integral" );
  QTest::newRow( "dynamic programme" ) << true;
  QTest::newRow( "branch and bound" ) << false;
}

void TestKnapsackSolver::matchesBruteForce()
{
  QFETCH( bool, integral );
  RandomSource random( integral ? 11 : 12 );
  KnapsackSolver solver;
  for ( int round = 0; round < 400; ++round )
  {
    const std::uint32_t n = 1 + random.below( 14 );
    std::vector<double> value( n );
    std::vector<double> weight( n );
    for ( std::uint32_t k = 0; k < n; ++k )
    {
      value[k] = static_cast<double>( random.below( 60 ) ) - 45.0;
      weight[k] = static_cast<double>( random.below( 20 ) ) + ( integral ? 0.0 : 0.25 * random.below( 4 ) );
    }
    const double capacity = static_cast<double>( random.below( 60 ) ) + ( integral ? 0.0 : 0.5 );
    solver.solve( value, weight, capacity, 1000000 );
    const double expected = bruteForce( value, weight, capacity );
    double total = 0.0;
    double used = 0.0;
    chosenTotals( solver, value, weight, total, used );
    QVERIFY( used <= capacity + 1e-9 );
    QCOMPARE( total + 1.0, solver.value() + 1.0 );
    QVERIFY2( std::fabs( solver.value() - expected ) < 1e-6, qPrintable( QStringLiteral( "round %1" ).arg( round ) ) );
    QVERIFY( solver.bound() <= expected + 1e-6 );
    QVERIFY( solver.bound() >= expected - 1e-6 );
  }
}

void TestKnapsackSolver::boundValidUnderNodeLimit()
{
  // Fractional weights force the branch and bound; a node limit of a few nodes stops it.
  RandomSource random( 13 );
  KnapsackSolver solver;
  for ( int round = 0; round < 300; ++round )
  {
    const std::uint32_t n = 8 + random.below( 9 );
    std::vector<double> value( n );
    std::vector<double> weight( n );
    for ( std::uint32_t k = 0; k < n; ++k )
    {
      value[k] = -1.0 - static_cast<double>( random.below( 50 ) );
      weight[k] = 1.5 + static_cast<double>( random.below( 30 ) ) + 0.1 * random.below( 10 );
    }
    const double capacity = 20.5 + static_cast<double>( random.below( 60 ) );
    solver.solve( value, weight, capacity, 1 + random.below( 5 ) );
    const double expected = bruteForce( value, weight, capacity );
    double total = 0.0;
    double used = 0.0;
    chosenTotals( solver, value, weight, total, used );
    QVERIFY( used <= capacity + 1e-9 );
    QVERIFY( solver.value() >= expected - 1e-6 );
    QVERIFY( solver.bound() <= expected + 1e-6 );
  }
}

void TestKnapsackSolver::statesMatchBruteForce()
{
  // A node limit of one stops the first search at once: the states decide, fractional weights,
  // ties in value per weight and zero values included.
  RandomSource random( 14 );
  KnapsackSolver solver;
  for ( int round = 0; round < 600; ++round )
  {
    const std::uint32_t n = 1 + random.below( 14 );
    std::vector<double> value( n );
    std::vector<double> weight( n );
    for ( std::uint32_t k = 0; k < n; ++k )
    {
      weight[k] = static_cast<double>( random.below( 12 ) ) + 0.25 * random.below( 4 );
      const std::uint32_t kind = random.below( 4 );
      if ( kind == 0 )
        value[k] = 0.0;
      else if ( kind == 1 )
        value[k] = -2.0 * weight[k];
      else
        value[k] = static_cast<double>( random.below( 40 ) ) - 30.0;
    }
    const double capacity = static_cast<double>( random.below( 50 ) ) + 0.25 * random.below( 4 );
    solver.solve( value, weight, capacity, 1 );
    const double expected = bruteForce( value, weight, capacity );
    double total = 0.0;
    double used = 0.0;
    chosenTotals( solver, value, weight, total, used );
    QVERIFY( used <= capacity + 1e-9 );
    QVERIFY( std::fabs( total - solver.value() ) < 1e-9 );
    QVERIFY2( std::fabs( solver.value() - expected ) < 1e-9, qPrintable( QStringLiteral( "round %1" ).arg( round ) ) );
    QVERIFY( std::fabs( solver.bound() - expected ) < 1e-9 );
  }
}

void TestKnapsackSolver::statesMatchTable_data()
{
  QTest::addColumn<qulonglong>( "nodeLimit" );
  QTest::newRow( "states only" ) << qulonglong( 1 );
  QTest::newRow( "search first" ) << qulonglong( 1000000 );
}

void TestKnapsackSolver::statesMatchTable()
{
  // Up to 80 items of integral weight, uncorrelated, strongly correlated (value per weight
  // nearly equal: the search alone stalls), all equal, or with zero values.
  QFETCH( qulonglong, nodeLimit );
  RandomSource random( 15 );
  KnapsackSolver solver;
  for ( int round = 0; round < 200; ++round )
  {
    const std::uint32_t n = 20 + random.below( 61 );
    const std::uint32_t kind = random.below( 4 );
    std::vector<double> value( n );
    std::vector<double> weight( n );
    double totalWeight = 0.0;
    for ( std::uint32_t k = 0; k < n; ++k )
    {
      weight[k] = 1.0 + static_cast<double>( random.below( 100 ) );
      if ( kind == 0 )
        value[k] = static_cast<double>( random.below( 120 ) ) - 100.0;
      else if ( kind == 1 )
        value[k] = -weight[k] - 10.0;
      else if ( kind == 2 )
        value[k] = -weight[k];
      else
        value[k] = random.below( 3 ) == 0 ? 0.0 : -static_cast<double>( random.below( 100 ) );
      totalWeight += weight[k];
    }
    const std::size_t capacity = static_cast<std::size_t>( totalWeight * ( 0.1 + 0.1 * random.below( 7 ) ) );
    solver.solve( value, weight, static_cast<double>( capacity ), nodeLimit );
    const double expected = byCapacityTable( value, weight, capacity );
    double total = 0.0;
    double used = 0.0;
    chosenTotals( solver, value, weight, total, used );
    QVERIFY( used <= static_cast<double>( capacity ) );
    QVERIFY( std::fabs( total - solver.value() ) < 1e-9 );
    QVERIFY2( std::fabs( solver.value() - expected ) < 1e-9, qPrintable( QStringLiteral( "round %1 kind %2" ).arg( round ).arg( kind ) ) );
    // The search proves its packing within a relative tolerance; the states exactly.
    QVERIFY( solver.bound() <= expected + 1e-9 );
    QVERIFY( solver.bound() >= expected - ( nodeLimit == 1 ? 1e-9 : 1e-8 * std::fabs( expected ) ) );
  }
}

QTEST_APPLESS_MAIN( TestKnapsackSolver )
#include "test_knapsack_solver.moc"
