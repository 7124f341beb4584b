// Programme parameters: the district presets carry the seed targets of the 2023 work plans
// (DESIGN.md), and every registry key reads and writes exactly its own field.
#include "engine/scenario/programme_parameter_registry.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <set>

namespace {

//! A valid value of the entry that differs from `current`.
double otherValue( const gf::ParameterEntry &entry, double current )
{
  switch ( entry.kind )
  {
    case gf::ParameterKind::Boolean:
      return current != 0.0 ? 0.0 : 1.0;
    case gf::ParameterKind::Choice:
      return current == 0.0 ? 1.0 : 0.0;
    case gf::ParameterKind::Integer:
      return current == entry.minValue ? entry.minValue + 1.0 : entry.minValue;
    case gf::ParameterKind::Real:
      break;
  }
  const double middle = entry.minValue + ( entry.maxValue - entry.minValue ) * 0.37;
  return middle == current ? entry.maxValue : middle;
}

std::vector<double> allValues( const gf::PlanParameters &parameters )
{
  std::vector<double> values;
  for ( const gf::ParameterEntry &entry : gf::parameterRegistry() )
    values.push_back( *gf::parameterValue( parameters, entry.key ) );
  return values;
}

} // namespace

class TestProgrammeParameters : public QObject
{
    Q_OBJECT

  private slots:
    void zhangdianPresetCarriesSeedTargets()
    {
      const gf::PlanParameters p = gf::presetParameters( gf::DistrictPreset::Zhangdian );
      QCOMPARE( p.stationCount, 40u );
      QCOMPARE( p.programme.targets.stationCount, 40u );
      QCOMPARE( p.programme.targets.transportCostReduction, 0.10 );
      QCOMPARE( p.programme.targets.energyIntensityReduction, 0.03 );
      QCOMPARE( p.programme.targets.utilisationIncrease, 0.20 );
      QCOMPARE( p.programme.targets.maxVehiclesPerPile, 3.0 );
      QCOMPARE( p.programme.charging.maxVehiclesPerPile, 3.0 );
      QCOMPARE( p.programme.targets.jointDistributionShareLarge, 0.5 );
      QCOMPARE( p.programme.targets.loadingBays, 0u );  // "per city target": none set
      QVERIFY( !p.programme.targets.undergroundPilesAtCentres );
      QCOMPARE( p.programme.stations.outletPreference, 0.2 );  // co-use of existing outlets
    }

    void linziPresetCarriesSeedTargets()
    {
      const gf::PlanParameters p = gf::presetParameters( gf::DistrictPreset::Linzi );
      QCOMPARE( p.stationCount, 10u );
      QCOMPARE( p.programme.targets.stationCount, 10u );
      QCOMPARE( p.programme.targets.loadingBays, 30u );
      QCOMPARE( p.programme.loadingBays.targetCount, 30u );
      QCOMPARE( p.programme.targets.maxVehiclesPerPile, 3.0 );
      QCOMPARE( p.programme.targets.jointDistributionShareLarge, 0.5 );
      QVERIFY( p.programme.targets.undergroundPilesAtCentres );
      QVERIFY( p.programme.charging.centreUndergroundShare > 0.0 );
      // Linzi's plan sets no cost, energy or utilisation target.
      QCOMPARE( p.programme.targets.transportCostReduction, 0.0 );
      QCOMPARE( p.programme.targets.energyIntensityReduction, 0.0 );
      QCOMPARE( p.programme.targets.utilisationIncrease, 0.0 );
    }

    void presetIds()
    {
      QCOMPARE( gf::presetFromId( "linzi" ), std::optional<gf::DistrictPreset>( gf::DistrictPreset::Linzi ) );
      QCOMPARE( gf::presetFromId( "zhangdian" ), std::optional<gf::DistrictPreset>( gf::DistrictPreset::Zhangdian ) );
      QVERIFY( !gf::presetFromId( "Linzi" ) );
    }

    void registryEntriesAreWellFormed()
    {
      std::set<std::string> keys;
      for ( const gf::ParameterEntry &entry : gf::parameterRegistry() )
      {
        QVERIFY2( keys.insert( entry.key ).second, entry.key.c_str() );
        QCOMPARE( entry.group, entry.key.substr( 0, entry.key.find( '.' ) ) );
        QVERIFY2( !entry.source.empty(), entry.key.c_str() );
        QVERIFY2( entry.minValue <= entry.defaultValue && entry.defaultValue <= entry.maxValue, entry.key.c_str() );
        QCOMPARE( entry.choices.empty(), entry.kind != gf::ParameterKind::Choice );
        QCOMPARE( gf::findParameter( entry.key ), &entry );
      }
      QVERIFY( keys.count( "fleet.nev_van.payload_t" ) );
      QVERIFY( keys.count( "energy.grid_kg_co2_per_kwh" ) );
      QVERIFY( keys.count( "targets.station_count" ) );
      QVERIFY( !gf::findParameter( "fleet.nev_van" ) );
    }

    void defaultsAreTheRegistryDefaults()
    {
      // A default-constructed plan holds exactly the documented defaults.
      const gf::PlanParameters parameters;
      for ( const gf::ParameterEntry &entry : gf::parameterRegistry() )
        QVERIFY2( *gf::parameterValue( parameters, entry.key ) == entry.defaultValue, entry.key.c_str() );
      QVERIFY( parameters.programme.fleet.nevVan.electric );
      QVERIFY( parameters.programme.fleet.eTricycle.electric );
      QVERIFY( !parameters.programme.fleet.dieselVan.electric );
      QCOMPARE( parameters.programme.energy.gridKgCo2PerKwh, 0.5703 );
    }

    void setGetRoundTripTouchesOnlyItsKey()
    {
      const std::vector<gf::ParameterEntry> &entries = gf::parameterRegistry();
      for ( std::size_t i = 0; i < entries.size(); ++i )
      {
        gf::PlanParameters parameters;
        std::vector<double> expected = allValues( parameters );
        const double value = otherValue( entries[i], expected[i] );
        QVERIFY2( value != expected[i], entries[i].key.c_str() );
        QCOMPARE( gf::setParameterValue( parameters, entries[i].key, value ).code, gf::ErrorCode::Ok );
        expected[i] = value;
        // Catches two keys bound to one field, or a key writing a neighbour.
        QVERIFY2( allValues( parameters ) == expected, entries[i].key.c_str() );
      }
    }

    void fieldsAreReachedByKey()
    {
      gf::PlanParameters parameters;
      QCOMPARE( gf::setParameterValue( parameters, "fleet.nev_van.payload_t", 1.8 ).code, gf::ErrorCode::Ok );
      QCOMPARE( parameters.programme.fleet.nevVan.payloadTonnes, 1.8 );
      QCOMPARE( gf::setParameterValue( parameters, "stations.objective", 1 ).code, gf::ErrorCode::Ok );
      QVERIFY( parameters.programme.stations.objective == gf::StationObjective::Coverage );
      QCOMPARE( gf::setParameterValue( parameters, "loading_bays.window_end_min", 1200 ).code, gf::ErrorCode::Ok );
      QCOMPARE( static_cast<int>( parameters.programme.loadingBays.window.endMin ), 1200 );
      QCOMPARE( gf::setParameterValue( parameters, "plan.station_count", 12 ).code, gf::ErrorCode::Ok );
      QCOMPARE( parameters.stationCount, 12u );
    }

    void badKeysAndValuesAreRefused_data()
    {
      QTest::addColumn<QString>( "key" );
      QTest::addColumn<double>( "value" );
      QTest::newRow( "unknown key" ) << "fleet.nev_van.colour" << 1.0;
      QTest::newRow( "empty key" ) << "" << 1.0;
      QTest::newRow( "nan" ) << "energy.diesel_cny_per_l" << std::numeric_limits<double>::quiet_NaN();
      QTest::newRow( "infinite" ) << "energy.diesel_cny_per_l" << std::numeric_limits<double>::infinity();
      QTest::newRow( "below minimum" ) << "fleet.nev_van.payload_t" << 0.0;
      QTest::newRow( "above maximum" ) << "baseline.nev_share" << 1.01;
      QTest::newRow( "fractional integer" ) << "plan.station_count" << 10.5;
      QTest::newRow( "negative integer" ) << "baseline.carriers" << -1.0;
      QTest::newRow( "boolean 2" ) << "charging.tricycles_use_piles" << 2.0;
      QTest::newRow( "choice out of range" ) << "stations.objective" << 2.0;
      QTest::newRow( "shifts above 3" ) << "fleet.shifts_per_day" << 4.0;
    }

    void badKeysAndValuesAreRefused()
    {
      QFETCH( QString, key );
      QFETCH( double, value );
      gf::PlanParameters parameters;
      const std::vector<double> before = allValues( parameters );
      const gf::Error error = gf::setParameterValue( parameters, key.toStdString(), value );
      QCOMPARE( error.code, gf::ErrorCode::InvalidArgument );
      QCOMPARE( error.subject, key.toStdString() );
      QVERIFY( allValues( parameters ) == before );
      if ( !gf::findParameter( key.toStdString() ) )
        QCOMPARE( gf::parameterValue( parameters, key.toStdString() ).error().code, gf::ErrorCode::InvalidArgument );
    }

    void textFormsRoundTrip()
    {
      const gf::ParameterEntry &objective = *gf::findParameter( "stations.objective" );
      QCOMPARE( *gf::parseParameterValue( objective, "coverage" ), 1.0 );
      QCOMPARE( gf::formatParameterValue( objective, 1.0 ), std::string( "coverage" ) );
      const gf::ParameterEntry &flag = *gf::findParameter( "charging.tricycles_use_piles" );
      QCOMPARE( *gf::parseParameterValue( flag, "true" ), 1.0 );
      QCOMPARE( gf::formatParameterValue( flag, 0.0 ), std::string( "false" ) );
      const gf::ParameterEntry &price = *gf::findParameter( "energy.diesel_cny_per_l" );
      QCOMPARE( *gf::parseParameterValue( price, "7.25" ), 7.25 );
      QCOMPARE( gf::formatParameterValue( price, 0.1 ), std::string( "0.1" ) );
      QVERIFY( !gf::parseParameterValue( price, "7,25" ).isOk() );
      QVERIFY( !gf::parseParameterValue( price, "abc" ).isOk() );
      QVERIFY( !gf::parseParameterValue( price, "" ).isOk() );
      for ( const gf::ParameterEntry &entry : gf::parameterRegistry() )
      {
        const std::string text = gf::formatParameterValue( entry, entry.defaultValue );
        QVERIFY2( *gf::parseParameterValue( entry, text ) == entry.defaultValue, entry.key.c_str() );
      }
    }
};

QTEST_APPLESS_MAIN( TestProgrammeParameters )
#include "test_programme_parameters.moc"
