// The land-use table loader: the compiled-in shipped table equals the source file, user files
// load, and bad files are reported with file, line, column and the offending text.
#include "gis/landuse/land_use_table_loader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gf;
using namespace gf::gis;

class TestLandUseTableLoader : public QObject
{
    Q_OBJECT

  private slots:
    void shippedMatchesSource();
    void userFile();
    void missingFile();
    void badRow();
    void missingColumn();
    void notUtf8();

  private:
    QString write( const QByteArray &bytes );
    QTemporaryDir mDir;
    int mFiles = 0;
};

QString TestLandUseTableLoader::write( const QByteArray &bytes )
{
  const QString path = mDir.filePath( QStringLiteral( "table%1.csv" ).arg( ++mFiles ) );
  QFile file( path );
  file.open( QIODevice::WriteOnly );
  file.write( bytes );
  return path;
}

void TestLandUseTableLoader::shippedMatchesSource()
{
  const auto shipped = LandUseTableLoader::loadShipped();
  QVERIFY( std::holds_alternative<LandUseTable>( shipped ) );
  const auto source = LandUseTableLoader::load( QStringLiteral( GF_SOURCE_DIR "/resources/landuse/land_use_suitability.csv" ) );
  QVERIFY( std::holds_alternative<LandUseTable>( source ) );
  const LandUseTable &a = std::get<LandUseTable>( shipped ), &b = std::get<LandUseTable>( source );
  QCOMPARE( a.classes().size(), b.classes().size() );
  QVERIFY( a.classes().size() > 100 );
  for ( std::size_t i = 0; i < a.classes().size(); ++i )
  {
    QCOMPARE( a.classes()[i].code, b.classes()[i].code );
    QCOMPARE( a.classes()[i].nameZh, b.classes()[i].nameZh );
  }
  QCOMPARE( QString::fromStdString( a.nameZh( "0508", LandUseSystem::Dlbm ) ), QStringLiteral( "物流仓储用地" ) );
}

void TestLandUseTableLoader::userFile()
{
  const QString path = write( "system,code,name_zh,name_en,crosswalk,commercial,centre,station,charging\n"
                              "dlbm,0599,本地物流用地,Local logistics,,0,suitable,conditional,excluded\n" );
  const auto table = LandUseTableLoader::load( path );
  QVERIFY( std::holds_alternative<LandUseTable>( table ) );
  QCOMPARE( std::get<LandUseTable>( table ).suitability( "0599", LandUseSystem::Dlbm, FacilityType::EndStation ),
            std::optional<Suitability>( Suitability::Conditional ) );
}

void TestLandUseTableLoader::missingFile()
{
  const QString path = mDir.filePath( QStringLiteral( "absent.csv" ) );
  const auto table = LandUseTableLoader::load( path );
  QVERIFY( std::holds_alternative<GisError>( table ) );
  QCOMPARE( std::get<GisError>( table ).code, GisErrorCode::FileNotFound );
  QCOMPARE( std::get<GisError>( table ).file, path );
}

void TestLandUseTableLoader::badRow()
{
  const QString path = write( "system,code,name_zh,name_en,crosswalk,commercial,centre,station,charging\n"
                              "dlbm,0508,物流仓储用地,Logistics,1101,0,suitable,suitable,suitable\n"
                              "\n"
                              "dlbm,0601,工业用地,Industrial,1001,0,suitable,maybe,conditional\n" );
  const auto table = LandUseTableLoader::load( path );
  QVERIFY( std::holds_alternative<GisError>( table ) );
  const GisError &error = std::get<GisError>( table );
  QCOMPARE( error.code, GisErrorCode::InvalidValue );
  QCOMPARE( error.file, path );
  QCOMPARE( error.row, qint64( 4 ) );
  QCOMPARE( error.field, QStringLiteral( "station" ) );
  QCOMPARE( error.value, QStringLiteral( "maybe" ) );
  QVERIFY( describeError( error ).contains( path ) );
}

void TestLandUseTableLoader::missingColumn()
{
  const QString path = write( "system,code,name_zh,name_en,crosswalk,commercial,centre,station\n"
                              "dlbm,0508,物流仓储用地,Logistics,1101,0,suitable,suitable\n" );
  const GisError error = std::get<GisError>( LandUseTableLoader::load( path ) );
  QCOMPARE( error.row, qint64( 1 ) );
  QCOMPARE( error.field, QStringLiteral( "charging" ) );
}

void TestLandUseTableLoader::notUtf8()
{
  // "物流" in GBK.
  const QString path = write( QByteArray( "system,code,name_zh,name_en,crosswalk,commercial,centre,station,charging\n"
                                          "dlbm,0508,\xce\xef\xc1\xf7,Logistics,1101,0,suitable,suitable,suitable\n" ) );
  const GisError error = std::get<GisError>( LandUseTableLoader::load( path ) );
  QCOMPARE( error.code, GisErrorCode::InvalidValue );
  QCOMPARE( error.expected, QStringLiteral( "UTF-8" ) );
}

QTEST_APPLESS_MAIN( TestLandUseTableLoader )
#include "test_land_use_table_loader.moc"
