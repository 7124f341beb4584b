// greenfreight-cli --lang: the summary, the help and the PDF report in the chosen language.
#include "cli_test_support.h"

#include <qgsapplication.h>

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gf::testing;

namespace {

//! A small plan (few stations) of the sample, so that each language runs quickly.
QStringList planArguments( const QString &language, bool report )
{
  QStringList arguments { QStringLiteral( "--lang" ), language, QStringLiteral( "plan" ), QStringLiteral( "--stations" ), QStringLiteral( "5" ),
                          QStringLiteral( "--out" ), QStringLiteral( "result" ) };
  if ( !report )
    arguments << QStringLiteral( "--no-report" );
  return arguments;
}

//! Lines of \a text that start (after indentation) with \a needle.
int countLines( const QString &text, const QString &needle )
{
  int count = 0;
  const QStringList lines = text.split( QLatin1Char( '\n' ) );
  for ( const QString &line : lines )
    count += line.trimmed().startsWith( needle ) ? 1 : 0;
  return count;
}

} // namespace

class TestCliLanguage : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
      QVERIFY2( QFileInfo::exists( kSample ), "the bundled sample district is missing" );
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void helpFollowsTheLanguage()
    {
      QTemporaryDir dir;
      const CliRun chinese = runCli( { QStringLiteral( "--lang" ), QStringLiteral( "zh_CN" ), QStringLiteral( "--help" ) }, dir.path() );
      QCOMPARE( chinese.exitCode, 0 );
      QVERIFY2( chinese.out.startsWith( QStringLiteral( "用法" ) ), qPrintable( chinese.out ) );
      // The option may also follow the command.
      const CliRun planHelp = runCli( { QStringLiteral( "plan" ), QStringLiteral( "--help" ), QStringLiteral( "--lang=zh_CN" ) }, dir.path() );
      QCOMPARE( planHelp.exitCode, 0 );
      QVERIFY2( planHelp.out.contains( QStringLiteral( "不生成 PDF 报告" ) ), qPrintable( planHelp.out ) );

      const CliRun english = runCli( { QStringLiteral( "--lang" ), QStringLiteral( "en" ), QStringLiteral( "--help" ) }, dir.path() );
      QCOMPARE( english.exitCode, 0 );
      QVERIFY2( english.out.startsWith( QStringLiteral( "usage: greenfreight-cli" ) ), qPrintable( english.out ) );
    }

    void unknownLanguageIsRefused()
    {
      QTemporaryDir dir;
      for ( const QStringList &arguments : { QStringList { QStringLiteral( "--lang" ), QStringLiteral( "fr" ), QStringLiteral( "--help" ) },
                                             QStringList { QStringLiteral( "plan" ), QStringLiteral( "--lang" ) } } )
      {
        const CliRun run = runCli( arguments, dir.path() );
        QCOMPARE( run.exitCode, 2 );
        QVERIFY( run.err.contains( QStringLiteral( "--lang" ) ) );
        QVERIFY( !QFileInfo::exists( dir.filePath( QStringLiteral( "result" ) ) ) );
      }
    }

    void summaryFollowsTheLanguage()
    {
      QTemporaryDir chineseDir;
      const CliRun chinese = runCli( planArguments( QStringLiteral( "zh_CN" ), true ), chineseDir.path() );
      QVERIFY2( chinese.exitCode == 0, qPrintable( chinese.err ) );
      QVERIFY2( chinese.out.startsWith( QStringLiteral( "绿色货运配送规划" ) ), qPrintable( chinese.out ) );
      QVERIFY( chinese.out.contains( QStringLiteral( "末端共同配送站" ) ) );
      QVERIFY( chinese.out.contains( QStringLiteral( "规划已写入：" ) ) );
      QVERIFY( !chinese.out.contains( QStringLiteral( "Plan written to" ) ) );

      QTemporaryDir englishDir;
      const CliRun english = runCli( planArguments( QStringLiteral( "en" ), false ), englishDir.path() );
      QVERIFY2( english.exitCode == 0, qPrintable( english.err ) );
      QVERIFY( english.out.startsWith( QStringLiteral( "GreenFreight Planner — programme plan" ) ) );
      QVERIFY( english.out.contains( QStringLiteral( "Plan written to:" ) ) );
      QVERIFY( !english.out.contains( QStringLiteral( "规划" ) ) );

      // Same plan, same verdicts: every target line is there in both languages with the same status.
      const int passed = countLines( english.out, QStringLiteral( "PASS" ) );
      const int failed = countLines( english.out, QStringLiteral( "FAIL" ) );
      QVERIFY( passed + failed > 0 );
      QCOMPARE( countLines( chinese.out, QStringLiteral( "达标" ) ), passed );
      QCOMPARE( countLines( chinese.out, QStringLiteral( "未达标" ) ), failed );

      // The report is Chinese too: its title names the district. pdftotext is optional.
      const QString pdftotext = QStandardPaths::findExecutable( QStringLiteral( "pdftotext" ) );
      if ( pdftotext.isEmpty() )
        QSKIP( "pdftotext (poppler-utils) is not installed: the report text is not checked" );
      QProcess process;
      process.start( pdftotext, { chineseDir.filePath( QStringLiteral( "result/plan.pdf" ) ), QStringLiteral( "-" ) } );
      QVERIFY( process.waitForFinished( 60000 ) );
      const QString reportText = QString::fromUtf8( process.readAllStandardOutput() );
      QVERIFY2( reportText.contains( QStringLiteral( "张店区" ) ), qPrintable( reportText.left( 400 ) ) );
      QVERIFY( reportText.contains( QStringLiteral( "末端共同配送站" ) ) );
    }
};

QTEST_MAIN( TestCliLanguage )
#include "test_cli_language.moc"
