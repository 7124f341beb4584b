// p-median on OR-Library pmed1..pmed5 (Beasley) against the published optima.
#include "engine/solvers/pmedian_solver.h"
#include "instance_readers.h"

#include <QtTest>

using namespace gf;

class TestPMedianOrlib : public QObject
{
    Q_OBJECT

  private slots:
    void knownOptimum_data();
    void knownOptimum();
};

void TestPMedianOrlib::knownOptimum_data()
{
  QTest::addColumn<QString>( "file" );
  QTest::addColumn<double>( "optimum" );
  // Beasley's pmedopt values (../shared/benchmarks/README.md, section 1).
  QTest::newRow( "pmed1" ) << "pmed1.txt" << 5819.0;
  QTest::newRow( "pmed2" ) << "pmed2.txt" << 4093.0;
  QTest::newRow( "pmed3" ) << "pmed3.txt" << 4250.0;
  QTest::newRow( "pmed4" ) << "pmed4.txt" << 3034.0;
  QTest::newRow( "pmed5" ) << "pmed5.txt" << 1355.0;
}

void TestPMedianOrlib::knownOptimum()
{
  QFETCH( QString, file );
  QFETCH( double, optimum );
  const QString folder = QStringLiteral( GF_SHARED_DIR "/benchmarks/pmed_orlib" );
  if ( !QFileInfo::exists( folder ) )
    QSKIP( "shared benchmark data not available" );
  const auto instance = readOrlibPMedian( ( folder + '/' + file ).toStdString() );
  QVERIFY( instance.has_value() );
  PMedianOptions options;
  options.p = instance->p;
  SilentProgress progress;
  const Result<LocationSolution> result = solvePMedian( instance->problem, options, progress );
  QVERIFY( result.isOk() );
  QCOMPARE( result->objective, optimum );
  QVERIFY( result->lowerBound <= optimum );
  QCOMPARE( result->unservedClients, 0u );
}

QTEST_APPLESS_MAIN( TestPMedianOrlib )
#include "test_pmedian_orlib.moc"
