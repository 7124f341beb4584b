// p-center, UFLP and multi-source CFLP on small OR-Library instances against their published optima.
#include "engine/solvers/cflp_solver.h"
#include "engine/solvers/pcenter_solver.h"
#include "engine/solvers/uflp_solver.h"
#include "instance_readers.h"

#include <QtTest>

using namespace gf;

namespace {

QString benchmarkFile( const QString &relative )
{
  return QStringLiteral( GF_SHARED_DIR "/benchmarks/" ) + relative;
}

} // namespace

class TestLocationOrlib : public QObject
{
    Q_OBJECT

  private slots:
    void init();
    void pCenter_data();
    void pCenter();
    void uflp_data();
    void uflp();
    void cflp_data();
    void cflp();
};

void TestLocationOrlib::init()
{
  if ( !QFileInfo::exists( benchmarkFile( QString() ) ) )
    QSKIP( "shared benchmark data not available" );
}

void TestLocationOrlib::pCenter_data()
{
  QTest::addColumn<QString>( "file" );
  QTest::addColumn<double>( "radius" );
  // Pullan's radii (../shared/benchmarks/README.md, section 1).
  QTest::newRow( "pmed1" ) << "pmed_orlib/pmed1.txt" << 127.0;
  QTest::newRow( "pmed4" ) << "pmed_orlib/pmed4.txt" << 74.0;
  QTest::newRow( "pmed5" ) << "pmed_orlib/pmed5.txt" << 48.0;
}

void TestLocationOrlib::pCenter()
{
  QFETCH( QString, file );
  QFETCH( double, radius );
  const auto instance = readOrlibPMedian( benchmarkFile( file ).toStdString() );
  QVERIFY( instance.has_value() );
  PCenterOptions options;
  options.p = instance->p;
  SilentProgress progress;
  const Result<LocationSolution> result = solvePCenter( instance->problem, options, progress );
  QVERIFY( result.isOk() );
  QCOMPARE( result->objective, radius );
  QVERIFY( result->lowerBound <= radius );
}

void TestLocationOrlib::uflp_data()
{
  QTest::addColumn<QString>( "file" );
  QTest::addColumn<double>( "optimum" );
  // Beasley's uncapopt values (README section 2).
  QTest::newRow( "cap71" ) << "cap_orlib/cap71.txt" << 932615.750;
  QTest::newRow( "cap101" ) << "cap_orlib/cap101.txt" << 796648.437;
  QTest::newRow( "cap134" ) << "cap_orlib/cap134.txt" << 928941.750;
}

void TestLocationOrlib::uflp()
{
  QFETCH( QString, file );
  QFETCH( double, optimum );
  const auto instance = readOrlibCap( benchmarkFile( file ).toStdString() );
  QVERIFY( instance.has_value() );
  SilentProgress progress;
  const Result<LocationSolution> result = solveUflp( UflpProblem{ instance->problem, instance->fixedCost }, UflpOptions(), progress );
  QVERIFY( result.isOk() );
  // The published values carry three decimals.
  QVERIFY( std::fabs( result->objective - optimum ) < 0.002 );
  QVERIFY( result->lowerBound <= optimum + 0.002 );
}

void TestLocationOrlib::cflp_data()
{
  QTest::addColumn<QString>( "file" );
  QTest::addColumn<double>( "optimum" );
  // Beasley's capopt values (README section 2).
  QTest::newRow( "cap41" ) << "cap_orlib/cap41.txt" << 1040444.375;
  QTest::newRow( "cap63" ) << "cap_orlib/cap63.txt" << 1014062.050;
}

void TestLocationOrlib::cflp()
{
  QFETCH( QString, file );
  QFETCH( double, optimum );
  const auto instance = readOrlibCap( benchmarkFile( file ).toStdString() );
  QVERIFY( instance.has_value() );
  const CflpProblem problem{ instance->problem, instance->fixedCost, instance->capacity, instance->demand };
  SilentProgress progress;
  const Result<CflpSolution> result = solveCflp( problem, CflpOptions(), progress );
  QVERIFY( result.isOk() );
  QVERIFY( std::fabs( result->location.objective - optimum ) < 0.002 );
  QVERIFY( result->location.lowerBound <= optimum + 0.002 );
}

QTEST_APPLESS_MAIN( TestLocationOrlib )
#include "test_location_orlib.moc"
