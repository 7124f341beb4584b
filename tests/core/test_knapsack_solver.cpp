// 0-1 knapsack (minimising form) against brute force over every subset: the dynamic
// programme (integral weights), the branch and bound (fractional weights), and the bound
// that stays valid when the node limit stops the search.
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

QTEST_APPLESS_MAIN( TestKnapsackSolver )
#include "test_knapsack_solver.moc"
