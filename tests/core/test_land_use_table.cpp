// The land-use suitability table: parsing, malformed rows, the two code systems, the
// crosswalk, overrides, and the shipped table against the classes the programme needs.
#include "engine/landuse/land_use_table.h"

#include <QtTest>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace gf;

namespace {

const char *kHeader = "system,code,level,name_zh,name_en,crosswalk,commercial,centre,station,charging,note\n";

std::string fixtureCsv()
{
  return std::string( kHeader ) +
         "dlbm,0508,2,物流仓储用地,Logistics and warehousing,1101,0,suitable,suitable,suitable,\n"
         "dlbm,1101,2,河流水面,River,1701,0,excluded,excluded,excluded,\"2023 code 1101 is logistics, not water\"\n"
         "dlbm,05H1,2,商业服务业设施用地,Commercial,0901;0902,1,conditional,suitable,suitable,\n"
         "dlbm,0301,2,乔木林地,Arbor forest,,0,excluded,excluded,excluded,\n"
         "\n"
         "ydyh2023,1101,2,物流仓储用地,Logistics and warehousing,0508,0,suitable,suitable,conditional,\n"
         "ydyh2023,0901,2,商业用地,Commercial land,05H1,1,conditional,suitable,suitable,\n"
         "ydyh2023,0902,2,商务金融用地,\"Business, finance\",05H1,1,excluded,suitable,conditional,\n"
         "ydyh2023,1701,2,河流水面,River,1101,0,excluded,excluded,excluded,\n";
}

std::string readFile( const std::string &path )
{
  std::ifstream in( path, std::ios::binary );
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string shippedCsv()
{
  return readFile( std::string( GF_SOURCE_DIR ) + "/resources/landuse/land_use_suitability.csv" );
}

} // namespace

class TestLandUseTable : public QObject
{
    Q_OBJECT

  private slots:
    void parsesFixture();
    void malformedRows_data();
    void malformedRows();
    void systemsAreDistinct();
    void crosswalk();
    void refinementsFallBackToParent();
    void overrides();
    void shippedTableParses();
    void shippedTableCoversSampleDistrict();
    void shippedTableCoversProgrammeClasses();
    void shippedCrosswalkResolves();
};

void TestLandUseTable::parsesFixture()
{
  const Result<LandUseTable> table = LandUseTable::fromCsv( fixtureCsv() );
  QVERIFY( table.isOk() );
  QCOMPARE( table->classes().size(), std::size_t( 8 ) );
  const LandUseClass *commercial = table->find( "05H1", LandUseSystem::Dlbm );
  QVERIFY( commercial );
  QCOMPARE( commercial->nameZh, std::string( "商业服务业设施用地" ) );
  QVERIFY( commercial->commercial );
  QCOMPARE( commercial->crosswalk, ( std::vector<std::string>{ "0901", "0902" } ) );
  QCOMPARE( commercial->suitabilityFor( FacilityType::DistributionCentre ), Suitability::Conditional );
  QCOMPARE( commercial->suitabilityFor( FacilityType::EndStation ), Suitability::Suitable );
  QCOMPARE( table->find( "1101", LandUseSystem::Dlbm )->note, std::string( "2023 code 1101 is logistics, not water" ) );
  QCOMPARE( table->nameEn( "0902", LandUseSystem::Ydyh2023 ), std::string( "Business, finance" ) );
  QVERIFY( table->isCommercial( "0902", LandUseSystem::Ydyh2023 ) );
  QVERIFY( !table->isCommercial( "0508", LandUseSystem::Dlbm ) );
  QVERIFY( !table->isCommercial( "9999", LandUseSystem::Dlbm ) );
  QCOMPARE( table->nameZh( "9999", LandUseSystem::Dlbm ), std::string() );
  QVERIFY( !table->suitability( "9999", LandUseSystem::Dlbm, FacilityType::EndStation ).has_value() );

  // Column order is free and CRLF line ends, a byte-order mark and blanks around fields are accepted.
  const std::string reordered = "\xEF\xBB\xBF" "code,system,name_en,name_zh,crosswalk,commercial,charging,station,centre\r\n"
                                " 0601 ,dlbm,Industrial,工业用地,1001,0,conditional,conditional,suitable\r\n";
  const Result<LandUseTable> other = LandUseTable::fromCsv( reordered );
  QVERIFY( other.isOk() );
  QCOMPARE( other->suitability( "0601", LandUseSystem::Dlbm, FacilityType::DistributionCentre ), std::optional<Suitability>( Suitability::Suitable ) );
  QCOMPARE( other->suitability( "0601", LandUseSystem::Dlbm, FacilityType::ChargingSite ), std::optional<Suitability>( Suitability::Conditional ) );
}

void TestLandUseTable::malformedRows_data()
{
  QTest::addColumn<QString>( "csv" );
  QTest::addColumn<QString>( "subject" );
  const QString header = QString::fromUtf8( kHeader );
  const QString good = QStringLiteral( "dlbm,0508,2,a,b,1101,0,suitable,suitable,suitable,\n" );
  QTest::newRow( "field count" ) << header + good + "dlbm,0601,2,a,b,1001,0,suitable,suitable\n" << "3";
  QTest::newRow( "suitability" ) << header + good + "dlbm,0601,2,a,b,1001,0,suitable,maybe,suitable,\n" << "3:station";
  QTest::newRow( "system" ) << header + "dlbn,0508,2,a,b,1101,0,suitable,suitable,suitable,\n" << "2:system";
  QTest::newRow( "commercial" ) << header + "dlbm,0508,2,a,b,1101,yes,suitable,suitable,suitable,\n" << "2:commercial";
  QTest::newRow( "level" ) << header + "dlbm,0508,4,a,b,1101,0,suitable,suitable,suitable,\n" << "2:level";
  QTest::newRow( "empty code" ) << header + "dlbm,,2,a,b,1101,0,suitable,suitable,suitable,\n" << "2:code";
  QTest::newRow( "duplicate" ) << header + good + "\n" + good << "4:code";
  QTest::newRow( "missing column" ) << QStringLiteral( "system,code,name_zh,name_en,crosswalk,commercial,centre,station\n" ) + good << "1:charging";
  QTest::newRow( "unterminated quote" ) << header + good + "dlbm,0601,2,\"a,b,1001,0,suitable,suitable,suitable,\n" << "3";
  QTest::newRow( "text after quote" ) << header + "dlbm,0601,2,\"a\"x,b,1001,0,suitable,suitable,suitable,\n" << "2";
  QTest::newRow( "header only" ) << header << "1";
  // A quoted field spanning lines: the error names the line where the bad record starts.
  QTest::newRow( "multi-line quote" ) << header + "dlbm,0508,2,a,\"b\nc\",1101,0,suitable,suitable,suitable,\n" + "dlbm,0601,2,a,b,1001,0,x,suitable,suitable,\n" << "4:centre";
}

void TestLandUseTable::malformedRows()
{
  QFETCH( QString, csv );
  QFETCH( QString, subject );
  const Result<LandUseTable> table = LandUseTable::fromCsv( csv.toStdString() );
  QVERIFY( !table.isOk() );
  QCOMPARE( table.error().code, ErrorCode::InvalidArgument );
  QCOMPARE( QString::fromStdString( table.error().subject ), subject );
}

void TestLandUseTable::systemsAreDistinct()
{
  const Result<LandUseTable> table = LandUseTable::fromCsv( fixtureCsv() );
  QVERIFY( table.isOk() );
  // "1101" is a river in the survey and logistics land in the 2023 classification.
  QCOMPARE( table->nameZh( "1101", LandUseSystem::Dlbm ), std::string( "河流水面" ) );
  QCOMPARE( table->nameZh( "1101", LandUseSystem::Ydyh2023 ), std::string( "物流仓储用地" ) );
  QCOMPARE( table->suitability( "1101", LandUseSystem::Dlbm, FacilityType::DistributionCentre ), std::optional<Suitability>( Suitability::Excluded ) );
  QCOMPARE( table->suitability( "1101", LandUseSystem::Ydyh2023, FacilityType::DistributionCentre ), std::optional<Suitability>( Suitability::Suitable ) );
  QVERIFY( !table->find( "0508", LandUseSystem::Ydyh2023 ) );
  QVERIFY( !table->find( "0901", LandUseSystem::Dlbm ) );
}

void TestLandUseTable::crosswalk()
{
  const Result<LandUseTable> table = LandUseTable::fromCsv( fixtureCsv() );
  QVERIFY( table.isOk() );
  const std::vector<const LandUseClass *> toNew = table->crosswalk( "0508", LandUseSystem::Dlbm );
  QCOMPARE( toNew.size(), std::size_t( 1 ) );
  QCOMPARE( toNew[0]->system, LandUseSystem::Ydyh2023 );
  QCOMPARE( toNew[0]->code, std::string( "1101" ) );
  const std::vector<const LandUseClass *> toSurvey = table->crosswalk( "1101", LandUseSystem::Ydyh2023 );
  QCOMPARE( toSurvey.size(), std::size_t( 1 ) );
  QCOMPARE( toSurvey[0]->code, std::string( "0508" ) );
  QCOMPARE( toSurvey[0]->system, LandUseSystem::Dlbm );
  const std::vector<const LandUseClass *> river = table->crosswalk( "1101", LandUseSystem::Dlbm );
  QCOMPARE( river.size(), std::size_t( 1 ) );
  QCOMPARE( river[0]->code, std::string( "1701" ) );
  const std::vector<const LandUseClass *> commercial = table->crosswalk( "05H1", LandUseSystem::Dlbm );
  QCOMPARE( commercial.size(), std::size_t( 2 ) );
  QCOMPARE( commercial[1]->code, std::string( "0902" ) );
  QVERIFY( table->crosswalk( "0301", LandUseSystem::Dlbm ).empty() );
  QVERIFY( table->crosswalk( "9999", LandUseSystem::Dlbm ).empty() );
}

void TestLandUseTable::refinementsFallBackToParent()
{
  const Result<LandUseTable> table = LandUseTable::fromCsv( fixtureCsv() );
  QVERIFY( table.isOk() );
  QCOMPARE( table->find( "110101", LandUseSystem::Ydyh2023 ), table->find( "1101", LandUseSystem::Ydyh2023 ) );
  QCOMPARE( table->find( "0301K", LandUseSystem::Dlbm ), table->find( "0301", LandUseSystem::Dlbm ) );
  QCOMPARE( table->find( " 05H1 ", LandUseSystem::Dlbm ), table->find( "05H1", LandUseSystem::Dlbm ) );
  // Refinement rules belong to one system each; first levels are not a fallback.
  QVERIFY( !table->find( "110101", LandUseSystem::Dlbm ) );
  QVERIFY( !table->find( "0301K", LandUseSystem::Ydyh2023 ) );
  QVERIFY( !table->find( "0509", LandUseSystem::Dlbm ) );
  QVERIFY( table->isCommercial( "090101", LandUseSystem::Ydyh2023 ) );
}

void TestLandUseTable::overrides()
{
  Result<LandUseTable> table = LandUseTable::fromCsv( fixtureCsv() );
  QVERIFY( table.isOk() );
  table->setOverride( { LandUseSystem::Dlbm, "05H1", FacilityType::EndStation, Suitability::Excluded } );
  QCOMPARE( table->suitability( "05H1", LandUseSystem::Dlbm, FacilityType::EndStation ), std::optional<Suitability>( Suitability::Excluded ) );
  // Only that facility type and that system change.
  QCOMPARE( table->suitability( "05H1", LandUseSystem::Dlbm, FacilityType::ChargingSite ), std::optional<Suitability>( Suitability::Suitable ) );
  QCOMPARE( table->find( "05H1", LandUseSystem::Dlbm )->suitabilityFor( FacilityType::EndStation ), Suitability::Suitable );
  // A parent's override reaches its refinements, an exact override wins over the parent's.
  table->setOverride( { LandUseSystem::Ydyh2023, "1101", FacilityType::EndStation, Suitability::Conditional } );
  QCOMPARE( table->suitability( "110102", LandUseSystem::Ydyh2023, FacilityType::EndStation ), std::optional<Suitability>( Suitability::Conditional ) );
  table->setOverride( { LandUseSystem::Ydyh2023, "110102", FacilityType::EndStation, Suitability::Excluded } );
  QCOMPARE( table->suitability( "110102", LandUseSystem::Ydyh2023, FacilityType::EndStation ), std::optional<Suitability>( Suitability::Excluded ) );
  QCOMPARE( table->suitability( "110101", LandUseSystem::Ydyh2023, FacilityType::EndStation ), std::optional<Suitability>( Suitability::Conditional ) );
  // A local code unknown to the table becomes usable.
  table->setOverride( { LandUseSystem::Dlbm, "0599", FacilityType::DistributionCentre, Suitability::Suitable } );
  QCOMPARE( table->suitability( "0599", LandUseSystem::Dlbm, FacilityType::DistributionCentre ), std::optional<Suitability>( Suitability::Suitable ) );
  QVERIFY( !table->suitability( "0599", LandUseSystem::Dlbm, FacilityType::EndStation ).has_value() );
  // Replacing keeps one entry per key; the list is ordered by system, code, facility.
  table->setOverride( { LandUseSystem::Dlbm, "05H1", FacilityType::EndStation, Suitability::Conditional } );
  const std::vector<SuitabilityOverride> list = table->overrides();
  QCOMPARE( list.size(), std::size_t( 4 ) );
  QCOMPARE( list[0].code, std::string( "0599" ) );
  QCOMPARE( list[1].code, std::string( "05H1" ) );
  QCOMPARE( list[1].suitability, Suitability::Conditional );
  QCOMPARE( list[3].code, std::string( "110102" ) );
  table->clearOverrides();
  QCOMPARE( table->suitability( "05H1", LandUseSystem::Dlbm, FacilityType::EndStation ), std::optional<Suitability>( Suitability::Suitable ) );
}

void TestLandUseTable::shippedTableParses()
{
  const std::string text = shippedCsv();
  QVERIFY2( !text.empty(), "resources/landuse/land_use_suitability.csv is missing" );
  const Result<LandUseTable> table = LandUseTable::fromCsv( text );
  QVERIFY2( table.isOk(), table.isOk() ? "" : table.error().subject.c_str() );
  for ( const LandUseClass &landUse : table->classes() )
  {
    QVERIFY2( !landUse.nameZh.empty() && !landUse.nameEn.empty(), landUse.code.c_str() );
    // Level follows the code's shape: two digits, four characters (with K/A/H forms), six digits.
    const int expectedLevel = landUse.code.size() == 2 ? 1 : ( landUse.code.size() == 6 ? 3 : 2 );
    QVERIFY2( landUse.level == expectedLevel, landUse.code.c_str() );
  }
}

void TestLandUseTable::shippedTableCoversSampleDistrict()
{
  // The sample README lists the DLBM codes its parcels use; every one must be in the table.
  const std::string readme = readFile( std::string( GF_SOURCE_DIR ) + "/sample-data/README.md" );
  const std::size_t start = readme.find( "Codes used:" );
  QVERIFY( start != std::string::npos );
  const std::string paragraph = readme.substr( start, readme.find( "\n\n", start ) - start );
  const std::regex codePattern( "\\b[0-9]{2}[0-9H][0-9]\\b" );
  std::set<std::string> codes;
  for ( auto it = std::sregex_iterator( paragraph.begin(), paragraph.end(), codePattern ); it != std::sregex_iterator(); ++it )
    codes.insert( it->str() );
  QVERIFY( codes.size() >= 10 );
  QVERIFY( codes.count( "05H1" ) && codes.count( "08H2" ) );

  const Result<LandUseTable> table = LandUseTable::fromCsv( shippedCsv() );
  QVERIFY( table.isOk() );
  for ( const std::string &code : codes )
    QVERIFY2( table->find( code, LandUseSystem::Dlbm ), code.c_str() );
  // The district's centre land (logistics, industry) and farmland get the expected verdicts.
  QCOMPARE( table->suitability( "0508", LandUseSystem::Dlbm, FacilityType::DistributionCentre ), std::optional<Suitability>( Suitability::Suitable ) );
  QCOMPARE( table->suitability( "0601", LandUseSystem::Dlbm, FacilityType::DistributionCentre ), std::optional<Suitability>( Suitability::Suitable ) );
  for ( const char *farmland : { "0101", "0102", "0103", "0810", "1101", "1104", "1004" } )
  {
    for ( FacilityType type : { FacilityType::DistributionCentre, FacilityType::EndStation, FacilityType::ChargingSite } )
      QVERIFY2( table->suitability( farmland, LandUseSystem::Dlbm, type ) == Suitability::Excluded, farmland );
  }
  QVERIFY( table->isCommercial( "05H1", LandUseSystem::Dlbm ) );
  QVERIFY( !table->isCommercial( "0701", LandUseSystem::Dlbm ) );
}

void TestLandUseTable::shippedTableCoversProgrammeClasses()
{
  const Result<LandUseTable> table = LandUseTable::fromCsv( shippedCsv() );
  QVERIFY( table.isOk() );
  for ( const char *code : { "0101", "0102", "0103", "0201", "0301", "0305", "0307", "0401", "0404", "05H1", "0508", "0601", "0602",
                             "0603", "0701", "0702", "08H1", "08H2", "0809", "0810", "09", "1001", "1002", "1003", "1004", "1005",
                             "1006", "1007", "1008", "1009", "1101", "1104", "1107", "1109", "1201", "1202", "1203", "1207" } )
    QVERIFY2( table->find( code, LandUseSystem::Dlbm ), code );
  for ( int first = 1; first <= 24; ++first )
  {
    const std::string code = ( first < 10 ? "0" : "" ) + std::to_string( first );
    QVERIFY2( table->find( code, LandUseSystem::Ydyh2023 ), code.c_str() );
  }
  for ( const char *code : { "0701", "0702", "0901", "0902", "0904", "1001", "1101", "1102", "1207", "1208", "1307", "1401", "1701", "2301" } )
    QVERIFY2( table->find( code, LandUseSystem::Ydyh2023 ), code );
  QCOMPARE( table->nameZh( "1101", LandUseSystem::Ydyh2023 ), std::string( "物流仓储用地" ) );
  QCOMPARE( table->nameZh( "1208", LandUseSystem::Ydyh2023 ), std::string( "交通场站用地" ) );
  QCOMPARE( table->nameZh( "1001", LandUseSystem::Dlbm ), std::string( "铁路用地" ) );
  QCOMPARE( table->nameZh( "0702", LandUseSystem::Dlbm ), std::string( "农村宅基地" ) );
  // Commercial land is the commercial/service family of either system and nothing else.
  for ( const LandUseClass &landUse : table->classes() )
  {
    const bool family = landUse.system == LandUseSystem::Dlbm ? landUse.code == "05H1" : landUse.code.compare( 0, 2, "09" ) == 0;
    QVERIFY2( landUse.commercial == family, landUse.code.c_str() );
  }
}

void TestLandUseTable::shippedCrosswalkResolves()
{
  const Result<LandUseTable> table = LandUseTable::fromCsv( shippedCsv() );
  QVERIFY( table.isOk() );
  for ( const LandUseClass &landUse : table->classes() )
  {
    const LandUseSystem other = landUse.system == LandUseSystem::Dlbm ? LandUseSystem::Ydyh2023 : LandUseSystem::Dlbm;
    for ( const std::string &target : landUse.crosswalk )
      QVERIFY2( table->find( target, other ), ( landUse.code + " -> " + target ).c_str() );
    QCOMPARE( table->crosswalk( landUse.code, landUse.system ).size(), landUse.crosswalk.size() );
  }
  // Second-level survey classes map into the 2023 classes of the same meaning.
  QCOMPARE( table->crosswalk( "0508", LandUseSystem::Dlbm ).front()->nameZh, std::string( "物流仓储用地" ) );
  QCOMPARE( table->crosswalk( "0601", LandUseSystem::Dlbm ).front()->code, std::string( "1001" ) );
  QCOMPARE( table->crosswalk( "1005", LandUseSystem::Dlbm ).front()->code, std::string( "1208" ) );
  QCOMPARE( table->crosswalk( "0702", LandUseSystem::Dlbm ).front()->code, std::string( "0703" ) );
}

QTEST_APPLESS_MAIN( TestLandUseTable )
#include "test_land_use_table.moc"
