// The printed siting report: a plan on the sample district rendered to PDF and read back with
// poppler (pdfinfo, pdftotext, pdffonts): pages, Chinese text, every site, embedded CJK fonts,
// optional sections, and the atomic write that keeps a previous report on failure.
#include "gis/report/plan_report.h"

#include <qgsapplication.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRawFont>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gf::gis;

namespace {

const QString kChineseTitle = QStringLiteral( "张店区绿色货运配送设施选址规划报告" );

//! Standard output of a poppler tool, or a null string when it failed.
QString runTool( const QString &program, const QStringList &arguments )
{
  QProcess process;
  process.start( program, arguments );
  if ( !process.waitForFinished( 30000 ) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 )
    return QString();
  return QString::fromUtf8( process.readAllStandardOutput() );
}

int pageCount( const QString &pdf )
{
  const QRegularExpressionMatch match = QRegularExpression( QStringLiteral( "^Pages:\\s+(\\d+)" ), QRegularExpression::MultilineOption )
                                          .match( runTool( QStringLiteral( "pdfinfo" ), { pdf } ) );
  return match.hasMatch() ? match.captured( 1 ).toInt() : -1;
}

/**
 * \a text without white space (table cells wrap long names over lines), as glyphs of the
 * report font. Qt's PDF text layer maps each glyph back to the lowest code point sharing it,
 * e.g. the Kangxi radical ⾊ (U+2F8A) for 色: the page shows the right character but the
 * extracted text differs, so text is compared glyph by glyph.
 */
QString searchable( QString text )
{
  static const QRawFont font = QRawFont::fromFont( QFont( QStringLiteral( "Noto Sans CJK SC" ) ) );
  text.remove( QRegularExpression( QStringLiteral( "\\s" ) ) );
  const QVector<quint32> glyphs = font.glyphIndexesForString( text );
  if ( glyphs.size() != text.size() )
    return text;
  QString key( text.size(), QChar() );
  for ( int i = 0; i < text.size(); ++i )
    key[i] = glyphs.at( i ) != 0 ? QChar( static_cast<ushort>( glyphs.at( i ) ) ) : text.at( i );
  return key;
}

QString pdfText( const QString &pdf )
{
  return searchable( runTool( QStringLiteral( "pdftotext" ), { QStringLiteral( "-enc" ), QStringLiteral( "UTF-8" ), pdf, QStringLiteral( "-" ) } ) );
}

//! Adds (or replaces) layer \a name in the GeoPackage \a path.
bool writeLayer( const QString &path, const QString &name, QgsWkbTypes::Type type, const QList<QPair<QString, QVariant::Type>> &fieldSpecs,
                 const QList<QPair<QString, QVariantList>> &rows, bool createFile = false )
{
  QgsFields fields;
  for ( const auto &spec : fieldSpecs )
    fields.append( QgsField( spec.first, spec.second ) );
  QgsVectorFileWriter::SaveVectorOptions options;
  options.driverName = QStringLiteral( "GPKG" );
  options.layerName = name;
  options.actionOnExistingFile = createFile ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
  std::unique_ptr<QgsVectorFileWriter> writer( QgsVectorFileWriter::create( path, fields, type, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4548" ) ),
                                                                          QgsCoordinateTransformContext(), options ) );
  if ( !writer || writer->hasError() != QgsVectorFileWriter::NoError )
    return false;
  for ( const auto &row : rows )
  {
    QgsFeature feature( fields );
    if ( !row.first.isEmpty() )
      feature.setGeometry( QgsGeometry::fromWkt( row.first ) );
    feature.setAttributes( row.second.toVector() );
    if ( !writer->addFeature( feature ) )
      return false;
  }
  return true;
}

/*
 * Five stations inside the sample district (EPSG:4548), one with a name long enough to wrap
 * in its table cell, in the layout of the plan writer's `stations` layer and `kpi` table.
 */
const char *const kStationNames[] = { "共和社区快递服务站", "马尚邮政所", "淄博市张店区科苑街道办事处齐悦国际社区共同配送服务中心", "华联超市南定店", "体育场便利店" };
const char *const kStationKinds[] = { "express_point", "post_office", "community_station", "supermarket", "convenience_store" };
constexpr double kObjective = 987654.0;

bool writePlan( const QString &path )
{
  QList<QPair<QString, QVariantList>> stations;
  for ( int i = 0; i < 5; ++i )
  {
    // Ranks written out of order: the fact sheet must sort them.
    const int rank = 5 - i;
    stations.append( { QStringLiteral( "Point (%1 %2)" ).arg( 590000 + 1500 * i ).arg( 4072000 + 1200 * i ),
                       { rank, QString::fromUtf8( kStationNames[i] ), QString::fromLatin1( kStationKinds[i] ), QStringLiteral( "outlet" ),
                         100 + i, 2, 200.0 + i, 412.5 } } );
  }
  return writeLayer( path, QStringLiteral( "stations" ), QgsWkbTypes::Point,
                     { { QStringLiteral( "rank" ), QVariant::Int }, { QStringLiteral( "name" ), QVariant::String },
                       { QStringLiteral( "site_kind" ), QVariant::String }, { QStringLiteral( "site_origin" ), QVariant::String },
                       { QStringLiteral( "candidate_fid" ), QVariant::LongLong }, { QStringLiteral( "assigned_demand" ), QVariant::Int },
                       { QStringLiteral( "served_parcels_per_day" ), QVariant::Double }, { QStringLiteral( "mean_distance_m" ), QVariant::Double } },
                     stations, true )
         && writeLayer( path, QStringLiteral( "kpi" ), QgsWkbTypes::NoGeometry,
                        { { QStringLiteral( "indicator" ), QVariant::String }, { QStringLiteral( "value" ), QVariant::Double },
                          { QStringLiteral( "unit" ), QVariant::String } },
                        { { QString(), { QStringLiteral( "stations" ), 5.0, QStringLiteral( "count" ) } },
                          { QString(), { QStringLiteral( "coverage_points" ), 93.4, QStringLiteral( "%" ) } },
                          { QString(), { QStringLiteral( "objective" ), kObjective, QStringLiteral( "parcel*m/day" ) } },
                          { QString(), { QStringLiteral( "proven_optimal" ), 1.0, QStringLiteral( "bool" ) } },
                          { QString(), { QStringLiteral( "a_future_indicator" ), 7.0, QStringLiteral( "count" ) } } } );
}

QByteArray fileContents( const QString &path )
{
  QFile file( path );
  return file.open( QIODevice::ReadOnly ) ? file.readAll() : QByteArray();
}

} // namespace

class TestPlanReport : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      QgsApplication::init();
      QgsApplication::initQgis();
      for ( const char *tool : { "pdfinfo", "pdftotext", "pdffonts" } )
      {
        if ( QStandardPaths::findExecutable( QString::fromLatin1( tool ) ).isEmpty() )
          QSKIP( "poppler-utils is not installed" );
      }
      QVERIFY( mDir.isValid() );
      mProject = QStringLiteral( GF_SOURCE_DIR "/sample-data/zhangdian-demo.gpkg" );
      mPlan = mDir.filePath( QStringLiteral( "plan.gpkg" ) );
      QVERIFY( writePlan( mPlan ) );
      for ( const char *name : kStationNames )
        mStationNames << QString::fromUtf8( name );
    }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void chineseReportShowsTitleStationsAndEmbedsCjkFont()
    {
      const QString pdf = mDir.filePath( QStringLiteral( "report_zh.pdf" ) );
      const GisError error = PlanReport::write( mPlan, mProject, pdf, chineseOptions() );
      QVERIFY2( !error.isError(), qPrintable( describeError( error ) ) );
      QCOMPARE( fileContents( pdf ).left( 5 ), QByteArray( "%PDF-" ) );
      // Map page, KPI page, one page of five stations: no compliance table, no centres.
      QCOMPARE( pageCount( pdf ), 3 );

      const QString text = pdfText( pdf );
      QVERIFY( text.contains( searchable( kChineseTitle ) ) );
      QVERIFY( text.contains( searchable( QStringLiteral( "关键绩效指标" ) ) ) );
      QVERIFY( text.contains( searchable( QStringLiteral( "服务半径内需求点覆盖率" ) ) ) );
      QVERIFY( text.contains( searchable( QString::number( kObjective, 'f', 0 ) ) ) );
      QVERIFY( text.contains( searchable( QStringLiteral( "a_future_indicator" ) ) ) );
      // Ranked order in the fact sheet: rank 1 is the last station written.
      QVERIFY( text.indexOf( searchable( mStationNames.at( 4 ) ) ) < text.indexOf( searchable( mStationNames.at( 0 ) ) ) );
      // Site kinds in Chinese, not as ids.
      QVERIFY( text.contains( searchable( QStringLiteral( "邮政网点" ) ) ) );
      QVERIFY( !text.contains( searchable( QStringLiteral( "post_office" ) ) ) );
      for ( const QString &name : qAsConst( mStationNames ) )
        QVERIFY2( text.contains( searchable( name ) ), qPrintable( name ) );

      const QStringList fontLines = runTool( QStringLiteral( "pdffonts" ), { pdf } ).split( QLatin1Char( '\n' ) );
      const bool cjkEmbedded = std::any_of( fontLines.begin(), fontLines.end(), []( const QString &line ) {
        const QStringList columns = line.simplified().split( QLatin1Char( ' ' ) );
        // name type [encoding…] emb sub uni object-id generation: emb is the 5th column from the end.
        return line.contains( QLatin1String( "CJK" ), Qt::CaseInsensitive ) && columns.size() >= 6 && columns.at( columns.size() - 5 ) == QLatin1String( "yes" );
      } );
      QVERIFY2( cjkEmbedded, qPrintable( fontLines.join( QLatin1Char( '\n' ) ) ) );
    }

    void englishReportUsesSourceText()
    {
      const QString pdf = mDir.filePath( QStringLiteral( "report_en.pdf" ) );
      ReportOptions options = chineseOptions();
      options.language = ReportLanguage::English;
      options.districtName = QStringLiteral( "Zhangdian" );
      options.paper = ReportPaper::A3;
      const GisError error = PlanReport::write( mPlan, mProject, pdf, options );
      QVERIFY2( !error.isError(), qPrintable( describeError( error ) ) );
      const QString text = pdfText( pdf );
      QVERIFY( text.contains( searchable( QStringLiteral( "Zhangdian Green Freight Distribution Facility Siting Plan Report" ) ) ) );
      QVERIFY( text.contains( searchable( QStringLiteral( "Key performance indicators" ) ) ) );
      QVERIFY( !text.contains( searchable( QStringLiteral( "关键绩效指标" ) ) ) );
      const QString info = runTool( QStringLiteral( "pdfinfo" ), { pdf } );
      QVERIFY2( info.contains( QLatin1String( "(A3)" ) ), qPrintable( info ) );
    }

    void optionalSectionsAppearWhenPresent()
    {
      const QString plan = mDir.filePath( QStringLiteral( "plan_full.gpkg" ) );
      QFile::remove( plan );
      QVERIFY( QFile::copy( mPlan, plan ) );
      // The plan writer's compliance table: shares as fractions, no unit column.
      QVERIFY( writeLayer( plan, QStringLiteral( "compliance" ), QgsWkbTypes::NoGeometry,
                           { { QStringLiteral( "target_id" ), QVariant::String }, { QStringLiteral( "target" ), QVariant::Double },
                             { QStringLiteral( "achieved" ), QVariant::Double }, { QStringLiteral( "margin" ), QVariant::Double },
                             { QStringLiteral( "status" ), QVariant::String }, { QStringLiteral( "pass" ), QVariant::Int },
                             { QStringLiteral( "applicable" ), QVariant::Int } },
                           { { QString(), { QStringLiteral( "station_count" ), 40.0, 40.0, 0.0, QStringLiteral( "pass" ), 1, 1 } },
                             { QString(), { QStringLiteral( "loading_bays" ), 30.0, 12.0, -18.0, QStringLiteral( "fail" ), 0, 1 } },
                             { QString(), { QStringLiteral( "transport_cost_reduction" ), 0.10, 0.125, 0.025, QStringLiteral( "pass" ), 1, 1 } },
                             { QString(), { QStringLiteral( "utilisation_increase" ), 0.0, 0.3, 0.0, QStringLiteral( "not_applicable" ), 0, 0 } } } ) );
      // Enough centres to need more than one page: the table must flow on, not be cut.
      QList<QPair<QString, QVariantList>> centres;
      QStringList centreNames;
      for ( int i = 1; i <= 90; ++i )
      {
        centreNames << QStringLiteral( "中心%1号" ).arg( i );
        centres.append( { QStringLiteral( "Point (%1 4075000)" ).arg( 594000 + 10 * i ), { i, centreNames.constLast(), 1200.0 + i } } );
      }
      QVERIFY( writeLayer( plan, QStringLiteral( "centres" ), QgsWkbTypes::Point,
                           { { QStringLiteral( "centre_id" ), QVariant::Int }, { QStringLiteral( "name" ), QVariant::String },
                             { QStringLiteral( "capacity_t_per_day" ), QVariant::Double } },
                           centres ) );

      const QString pdf = mDir.filePath( QStringLiteral( "report_full.pdf" ) );
      const GisError error = PlanReport::write( plan, mProject, pdf, chineseOptions() );
      QVERIFY2( !error.isError(), qPrintable( describeError( error ) ) );
      const QString text = pdfText( pdf );
      // 达标 in the heading 规划目标达标情况, the two met rows and the 未达标 row.
      QCOMPARE( text.count( searchable( QStringLiteral( "达标" ) ) ), 4 );
      QCOMPARE( text.count( searchable( QStringLiteral( "未达标" ) ) ), 1 );
      QVERIFY( text.contains( searchable( QStringLiteral( "不适用" ) ) ) );
      // A cost reduction of 0.125 against 0.10 is shown as 12.5 % against 10, margin 2.5.
      QVERIFY( text.contains( searchable( QStringLiteral( "运输成本降低1012.5%" ) ) ) );
      QVERIFY( text.contains( searchable( QStringLiteral( "2.5达标" ) ) ) );
      QVERIFY( text.contains( searchable( QStringLiteral( "公共配送中心" ) ) ) );
      QVERIFY( text.contains( searchable( QStringLiteral( "能力（吨/日）" ) ) ) );
      for ( const QString &name : qAsConst( centreNames ) )
        QVERIFY2( text.contains( searchable( name ) ), qPrintable( name ) );
      // Map, KPIs, compliance, stations, and at least two pages of 90 centres.
      QVERIFY2( pageCount( pdf ) >= 6, qPrintable( QString::number( pageCount( pdf ) ) ) );
    }

    void missingLayerNamesThePlanAndKeepsThePreviousReport()
    {
      const QString plan = mDir.filePath( QStringLiteral( "no_stations.gpkg" ) );
      QVERIFY( writeLayer( plan, QStringLiteral( "kpi" ), QgsWkbTypes::NoGeometry,
                           { { QStringLiteral( "indicator" ), QVariant::String }, { QStringLiteral( "value" ), QVariant::Double },
                             { QStringLiteral( "unit" ), QVariant::String } },
                           { { QString(), { QStringLiteral( "stations" ), 0.0, QStringLiteral( "count" ) } } }, true ) );
      QTemporaryDir outDir;
      const QString pdf = outDir.filePath( QStringLiteral( "report.pdf" ) );
      QVERIFY( QFile::copy( mDir.filePath( QStringLiteral( "report_zh.pdf" ) ), pdf ) );
      const QByteArray before = fileContents( pdf );
      QVERIFY( !before.isEmpty() );

      const GisError error = PlanReport::write( plan, mProject, pdf, chineseOptions() );
      QCOMPARE( error.code, GisErrorCode::LayerMissing );
      QCOMPARE( error.file, plan );
      QCOMPARE( error.layer, QStringLiteral( "stations" ) );
      QVERIFY( describeError( error ).contains( plan ) );
      QCOMPARE( fileContents( pdf ), before );
      QCOMPARE( QDir( outDir.path() ).entryList( QDir::Files | QDir::Hidden ), QStringList{ QStringLiteral( "report.pdf" ) } );
    }

    void unwritableTargetIsAnErrorNamingIt()
    {
      // A folder cannot be created below a regular file, whoever runs the test.
      const QString blocker = mDir.filePath( QStringLiteral( "not_a_folder" ) );
      QFile file( blocker );
      QVERIFY( file.open( QIODevice::WriteOnly ) );
      file.close();
      const QString pdf = blocker + QStringLiteral( "/report.pdf" );
      const GisError error = PlanReport::write( mPlan, mProject, pdf, chineseOptions() );
      QCOMPARE( error.code, GisErrorCode::WriteFailed );
      QCOMPARE( error.file, pdf );
      QVERIFY( describeError( error ).contains( pdf ) );
    }

    void missingPlanFileIsAnError()
    {
      const QString plan = mDir.filePath( QStringLiteral( "absent.gpkg" ) );
      const GisError error = PlanReport::write( plan, mProject, mDir.filePath( QStringLiteral( "absent.pdf" ) ), chineseOptions() );
      QCOMPARE( error.code, GisErrorCode::FileNotFound );
      QCOMPARE( error.file, plan );
      QVERIFY( !QFile::exists( mDir.filePath( QStringLiteral( "absent.pdf" ) ) ) );
    }

  private:
    static ReportOptions chineseOptions()
    {
      ReportOptions options;
      options.districtName = QStringLiteral( "张店区" );
      options.language = ReportLanguage::Chinese;
      options.catalogueDirectory = QStringLiteral( GF_BIN_DIR "/../share/greenfreight/translations" );
      return options;
    }

    QTemporaryDir mDir;
    QString mProject;
    QString mPlan;
    QStringList mStationNames;
};

QTEST_MAIN( TestPlanReport )
#include "test_plan_report.moc"
