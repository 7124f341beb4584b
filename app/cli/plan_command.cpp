#include "cli/plan_command.h"

#include "common/app_paths.h"
#include "common/compliance_text.h"
#include "engine/scenario/plan_parameters.h"
#include "engine/scenario/programme_parameter_registry.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <csignal>
#include <unistd.h>

namespace gf::app {

namespace {

std::atomic<bool> sInterrupted{ false };

void onInterrupt( int )
{
  sInterrupted.store( true );
}

//! Progress on a terminal; Ctrl+C cancels and keeps any previous plan file.
class ConsoleProgress final : public gf::ProgressSink
{
  public:
    explicit ConsoleProgress( QTextStream &err ) : mErr( err ), mInteractive( isatty( STDERR_FILENO ) != 0 ) {}

    void setProgress( double fraction ) override
    {
      const int percent = static_cast<int>( fraction * 100.0 );
      if ( !mInteractive || percent <= mLastPercent.exchange( percent ) )
        return;
      const std::lock_guard<std::mutex> lock( mMutex );
      mErr << QStringLiteral( "\r%1 %2%" ).arg( PlanCommand::tr( "Planning…" ) ).arg( percent ) << Qt::flush;
    }
    bool isCanceled() const override { return sInterrupted.load(); }

    void finish()
    {
      if ( mInteractive && mLastPercent >= 0 )
        mErr << QStringLiteral( "\r" ) << QString( 40, QLatin1Char( ' ' ) ) << QStringLiteral( "\r" ) << Qt::flush;
    }

  private:
    QTextStream &mErr;
    bool mInteractive;
    std::atomic<int> mLastPercent{ -1 };
    std::mutex mMutex;
};

QString percent( double share )
{
  return QString::number( 100.0 * share, 'f', 1 ) + QStringLiteral( " %" );
}

QString metres( double value )
{
  return QString::number( value, 'f', 0 ) + QStringLiteral( " m" );
}

//! Relative change from \a before to \a after, signed, as "-12.3 %".
QString change( double before, double after )
{
  if ( before <= 0.0 )
    return QStringLiteral( "–" );
  return QStringLiteral( "%1%2 %" ).arg( after >= before ? QStringLiteral( "+" ) : QString() ).arg( 100.0 * ( after / before - 1.0 ), 0, 'f', 1 );
}

} // namespace

PlanCommand::PlanCommand( QTextStream &out, QTextStream &err )
  : mOut( out ), mErr( err )
{
}

ParseOutcome PlanCommand::parse( const QStringList &arguments )
{
  QCommandLineParser parser;
  parser.setApplicationDescription( tr( "Plan the green freight programme of a district (distribution centres, end stations, charging piles, loading bays) and write the plan GeoPackage and report." ) );
  const QCommandLineOption helpOption( { QStringLiteral( "h" ), QStringLiteral( "help" ) }, tr( "Show this help." ) );
  const QCommandLineOption projectOption( QStringLiteral( "project" ), tr( "Project GeoPackage with layers roads, demand, outlets (default: the bundled sample district)." ), tr( "FILE" ) );
  const QCommandLineOption presetOption( QStringLiteral( "preset" ), tr( "District preset: zhangdian (40 stations) or linzi (10 stations). Default zhangdian." ), tr( "NAME" ), QStringLiteral( "zhangdian" ) );
  const QCommandLineOption stationsOption( QStringLiteral( "stations" ), tr( "Number of stations to open (overrides the preset)." ), tr( "N" ) );
  const QCommandLineOption radiusOption( QStringLiteral( "radius" ), tr( "Service radius in metres for the coverage figure. Default 1000." ), tr( "METRES" ) );
  const QCommandLineOption outOption( QStringLiteral( "out" ), tr( "Output folder; the plan is written to DIR/plan.gpkg. Default ./out." ), tr( "DIR" ), QStringLiteral( "out" ) );
  const QCommandLineOption seedOption( QStringLiteral( "seed" ), tr( "Seed of the solver's randomness (same seed, same plan). Default 1." ), tr( "N" ) );
  const QCommandLineOption threadsOption( QStringLiteral( "threads" ), tr( "Worker threads, 0 = all cores. Default 0." ), tr( "N" ) );
  const QCommandLineOption cacheOption( QStringLiteral( "od-cache" ), tr( "GeoPackage that keeps OD matrices for reuse (default: the project file; for the bundled sample DIR/od_cache.gpkg)." ), tr( "FILE" ) );
  const QCommandLineOption noCacheOption( QStringLiteral( "no-od-cache" ), tr( "Compute the OD matrix without reading or writing a cache." ) );
  const QCommandLineOption timeOption( QStringLiteral( "time-limit" ), tr( "Solver time limit in seconds. Default 30." ), tr( "SECONDS" ) );
  const QCommandLineOption exactOption( QStringLiteral( "exact" ), tr( "Exact mode: after the heuristic, give each tier's model to the MILP solver (CBC) for at most SECONDS to improve the plan or prove it optimal. Default 0 (off)." ), tr( "SECONDS" ) );
  const QCommandLineOption objectiveOption( QStringLiteral( "objective" ), tr( "Station objective: pmedian (least parcel-weighted distance) or coverage (most parcels within the radius). Default pmedian." ), tr( "NAME" ) );
  const QCommandLineOption datumOption( QStringLiteral( "survey-datum" ), tr( "Datum of the geocoded point layers: wgs84, cgcs2000, gcj02 (Amap) or bd09 (Baidu). Default: as the project's gf_project table says, else wgs84." ), tr( "NAME" ) );
  const QCommandLineOption landUseOption( QStringLiteral( "land-use-table" ), tr( "Land-use suitability CSV replacing the shipped table." ), tr( "FILE" ) );
  const QCommandLineOption setOption( QStringLiteral( "set" ), tr( "Set a plan parameter by key, e.g. --set charging.max_vehicles_per_pile=2.5 (repeatable; keys are listed in the plan's parameters table)." ), tr( "KEY=VALUE" ) );
  const QCommandLineOption curveOption( QStringLiteral( "curve" ), tr( "Also solve for every number of stations from MIN to MAX and print the cost and coverage curve, e.g. --curve 10:40." ), tr( "MIN:MAX" ) );
  const QCommandLineOption noReportOption( QStringLiteral( "no-report" ), tr( "Do not write the PDF report." ) );
  const QCommandLineOption reportLanguageOption( QStringLiteral( "report-lang" ), tr( "Language of the PDF report: zh_CN (default, for the leadership meeting) or en." ), tr( "LANG" ), QStringLiteral( "zh_CN" ) );
  parser.addOptions( { helpOption, projectOption, presetOption, stationsOption, radiusOption, objectiveOption, outOption, seedOption, threadsOption, timeOption,
                       exactOption, cacheOption, noCacheOption, datumOption, landUseOption, setOption, curveOption, noReportOption, reportLanguageOption } );

  const ParseOutcome outcome = SubcommandParser::parse( parser, helpOption, arguments, QStringLiteral( "plan" ), tr( "Usage: greenfreight-cli plan [options]" ), mOut, mErr );
  if ( outcome != ParseOutcome::Run )
    return outcome;

  const QString presetId = parser.value( presetOption ).toLower();
  const std::optional<gf::DistrictPreset> preset = gf::presetFromId( presetId.toStdString() );
  if ( !preset )
  {
    mErr << tr( "error: unknown preset '%1'; use zhangdian or linzi." ).arg( parser.value( presetOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mRequest.parameters = gf::presetParameters( *preset );
  // The report is read at the district's leadership meeting: Chinese unless asked otherwise,
  // whatever the language of this terminal.
  const QString reportLanguage = parser.value( reportLanguageOption ).toLower();
  if ( reportLanguage != QLatin1String( "zh_cn" ) && reportLanguage != QLatin1String( "zh" ) && reportLanguage != QLatin1String( "en" ) )
  {
    mErr << tr( "error: unknown report language '%1'; use zh_CN or en." ).arg( parser.value( reportLanguageOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  const bool chineseReport = reportLanguage != QLatin1String( "en" );
  mRequest.reportOptions.language = chineseReport ? gis::ReportLanguage::Chinese : gis::ReportLanguage::English;
  const bool linzi = *preset == gf::DistrictPreset::Linzi;
  mRequest.reportOptions.districtName = chineseReport ? ( linzi ? QStringLiteral( "临淄区" ) : QStringLiteral( "张店区" ) )
                                                      : ( linzi ? QStringLiteral( "Linzi District" ) : QStringLiteral( "Zhangdian District" ) );
  mRequest.reportOptions.catalogueDirectory = AppPaths::translationsDirectory();

  auto positiveNumber = [this, &parser]( const QCommandLineOption &option, double minimum, double &value ) {
    if ( !parser.isSet( option ) )
      return true;
    bool ok = false;
    const double parsed = parser.value( option ).toDouble( &ok );
    if ( !ok || parsed < minimum )
    {
      mErr << tr( "error: --%1 must be a number of at least %2, got '%3'." ).arg( option.names().constFirst() ).arg( minimum ).arg( parser.value( option ) ) << '\n';
      return false;
    }
    value = parsed;
    return true;
  };
  double stations = mRequest.parameters.stationCount;
  double seed = static_cast<double>( mRequest.parameters.seed );
  double threads = mRequest.parameters.threads;
  if ( !positiveNumber( stationsOption, 1, stations ) || !positiveNumber( radiusOption, 1, mRequest.parameters.serviceRadiusM )
       || !positiveNumber( seedOption, 0, seed ) || !positiveNumber( threadsOption, 0, threads )
       || !positiveNumber( timeOption, 0.1, mRequest.parameters.timeLimitS )
       || !positiveNumber( exactOption, 0, mRequest.parameters.exactTimeLimitS ) )
    return ParseOutcome::Invalid;
  if ( stations != static_cast<double>( static_cast<std::uint32_t>( stations ) ) )
  {
    mErr << tr( "error: --stations must be a whole number, got '%1'." ).arg( parser.value( stationsOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mRequest.parameters.stationCount = static_cast<std::uint32_t>( stations );
  mRequest.parameters.seed = static_cast<std::uint64_t>( seed );
  mRequest.parameters.threads = static_cast<unsigned>( threads );
  if ( parser.isSet( objectiveOption ) )
  {
    const QString objective = parser.value( objectiveOption ).toLower();
    if ( objective == QLatin1String( "pmedian" ) )
      mRequest.parameters.programme.stations.objective = gf::StationObjective::PMedian;
    else if ( objective == QLatin1String( "coverage" ) )
      mRequest.parameters.programme.stations.objective = gf::StationObjective::Coverage;
    else
    {
      mErr << tr( "error: unknown objective '%1'; use pmedian or coverage." ).arg( parser.value( objectiveOption ) ) << '\n';
      return ParseOutcome::Invalid;
    }
  }
  if ( parser.isSet( datumOption ) )
  {
    mRequest.readOptions.surveyDatum = gis::offsetDatumFromId( parser.value( datumOption ) );
    if ( !mRequest.readOptions.surveyDatum )
    {
      mErr << tr( "error: unknown survey datum '%1'; use wgs84, cgcs2000, gcj02 or bd09." ).arg( parser.value( datumOption ) ) << '\n';
      return ParseOutcome::Invalid;
    }
  }
  if ( parser.isSet( curveOption ) )
  {
    const QStringList bounds = parser.value( curveOption ).split( QLatin1Char( ':' ) );
    bool okMin = false;
    bool okMax = false;
    const uint curveMin = bounds.size() == 2 ? bounds[0].toUInt( &okMin ) : 0;
    const uint curveMax = bounds.size() == 2 ? bounds[1].toUInt( &okMax ) : 0;
    if ( !okMin || !okMax || curveMin < 1 || curveMax <= curveMin )
    {
      mErr << tr( "error: --curve must be MIN:MAX with 1 <= MIN < MAX, got '%1'." ).arg( parser.value( curveOption ) ) << '\n';
      return ParseOutcome::Invalid;
    }
    mRequest.parameters.programme.stations.curveMin = curveMin;
    mRequest.parameters.programme.stations.curveMax = curveMax;
  }
  mRequest.landUseTablePath = parser.value( landUseOption );
  const QStringList settings = parser.values( setOption );
  for ( const QString &setting : settings )
  {
    const int equals = setting.indexOf( QLatin1Char( '=' ) );
    const std::string key = setting.left( equals ).trimmed().toStdString();
    const gf::ParameterEntry *entry = equals > 0 ? gf::findParameter( key ) : nullptr;
    if ( !entry )
    {
      mErr << tr( "error: --set '%1': unknown parameter key; the keys are listed in the plan's parameters table." ).arg( setting ) << '\n';
      return ParseOutcome::Invalid;
    }
    const gf::Result<double> value = gf::parseParameterValue( *entry, setting.mid( equals + 1 ).trimmed().toStdString() );
    const gf::Error error = value ? gf::setParameterValue( mRequest.parameters, key, *value ) : value.error();
    if ( error.code != gf::ErrorCode::Ok )
    {
      mErr << tr( "error: --set '%1': the value is not valid for this parameter (range %2 to %3)." )
                .arg( setting ).arg( entry->minValue ).arg( entry->maxValue ) << '\n';
      return ParseOutcome::Invalid;
    }
  }

  mRequest.projectPath = parser.isSet( projectOption ) ? parser.value( projectOption ) : AppPaths::sampleProject();
  if ( mRequest.projectPath.isEmpty() )
  {
    mErr << tr( "error: the bundled sample district was not found; pass --project FILE." ) << '\n';
    return ParseOutcome::Invalid;
  }
  if ( !QFileInfo( mRequest.projectPath ).isFile() )
  {
    mErr << tr( "error: project file '%1' does not exist." ).arg( mRequest.projectPath ) << '\n';
    return ParseOutcome::Invalid;
  }
  const QFileInfo outDir( parser.value( outOption ) );
  if ( outDir.exists() && !outDir.isDir() )
  {
    mErr << tr( "error: output '%1' exists and is not a folder." ).arg( parser.value( outOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mRequest.outputPath = QDir( parser.value( outOption ) ).absoluteFilePath( QStringLiteral( "plan.gpkg" ) );
  if ( !parser.isSet( noReportOption ) )
    mRequest.reportPath = QDir( parser.value( outOption ) ).absoluteFilePath( QStringLiteral( "plan.pdf" ) );
  // The bundled sample stays pristine: its cache lives beside the plan.
  if ( parser.isSet( noCacheOption ) )
    mRequest.odCachePath.clear();
  else if ( parser.isSet( cacheOption ) )
    mRequest.odCachePath = parser.value( cacheOption );
  else if ( parser.isSet( projectOption ) )
    mRequest.odCachePath = mRequest.projectPath;
  else
    mRequest.odCachePath = QDir( parser.value( outOption ) ).absoluteFilePath( QStringLiteral( "od_cache.gpkg" ) );
  return ParseOutcome::Run;
}

int PlanCommand::run( const QStringList &arguments )
{
  switch ( parse( arguments ) )
  {
    case ParseOutcome::HelpShown:
      return 0;
    case ParseOutcome::Invalid:
      return 2;
    case ParseOutcome::Run:
      break;
  }

  std::signal( SIGINT, onInterrupt );
  ConsoleProgress progress( mErr );
  const gis::PlanJobResult result = gis::runPlanJob( mRequest, progress );
  progress.finish();
  for ( const QString &warning : result.warnings )
    mErr << tr( "warning: %1" ).arg( warning ) << '\n';
  if ( result.error.isError() )
  {
    mErr << tr( "error: %1" ).arg( gis::describeError( result.error ) ) << '\n';
    return 1;
  }
  printSummary( result );
  return 0;
}

void PlanCommand::printSummary( const gis::PlanJobResult &result )
{
  const gf::ProgrammePlan &plan = result.plan;
  const gf::StationPlanKpis &kpis = plan.stations.kpis;
  const gf::NetworkReport &network = plan.network;
  const std::size_t keptNodes = network.components.empty() ? 0 : network.components.front().nodeCount;
  mOut << tr( "GreenFreight Planner — programme plan" ) << '\n';
  mOut << tr( "  Project:        %1 (%2)" ).arg( QDir::toNativeSeparators( mRequest.projectPath ), QString::fromStdString( result.scenario.crsAuthId ) ) << '\n';
  mOut << tr( "  Road network:   %1 nodes, %2 directed edges, %3 km; %4 components, largest %5 nodes kept" )
            .arg( network.nodes ).arg( network.edges ).arg( network.totalLengthM / 1000.0, 0, 'f', 1 )
            .arg( network.components.size() ).arg( keptNodes ) << '\n';
  if ( network.components.size() > 1 )
  {
    const gf::ComponentInfo &second = network.components[1];
    mOut << tr( "                  next largest component: %1 nodes near (%2, %3), not connected to the kept network" )
              .arg( second.nodeCount ).arg( second.location.x, 0, 'f', 0 ).arg( second.location.y, 0, 'f', 0 ) << '\n';
  }
  mOut << tr( "  Network checks: %1 dangling ends, %2 duplicate and %3 zero-length pieces removed, %4 vertices merged" )
            .arg( network.danglingEnds.size() ).arg( network.duplicatePieces ).arg( network.zeroLengthPieces ).arg( network.mergedVertices ) << '\n';
  mOut << tr( "  OD matrices:    %1" ).arg( mRequest.odCachePath.isEmpty() ? tr( "computed (no cache)" )
                                             : tr( "%1 of %2 reused from cache %3" ).arg( result.odCacheHits ).arg( result.odMatrices ).arg( mRequest.odCachePath ) ) << '\n';
  auto accepted = []( const std::vector<gf::SiteCandidate> &candidates ) {
    return std::count_if( candidates.begin(), candidates.end(), []( const gf::SiteCandidate &c ) { return c.isAccepted(); } );
  };
  mOut << tr( "  Candidates:     centres %1 of %2, stations %3 of %4, public charging %5 of %6 pass land use and control lines" )
            .arg( accepted( plan.centreCandidates ) ).arg( plan.centreCandidates.size() )
            .arg( accepted( plan.stationCandidates ) ).arg( plan.stationCandidates.size() )
            .arg( accepted( plan.chargingCandidates ) ).arg( plan.chargingCandidates.size() ) << '\n';
  mOut << tr( "  Centres:        %1 open; cost %2 CNY/day, lower bound %3, gap %4" )
            .arg( plan.centres.centres.size() ).arg( plan.centres.objectiveCnyPerDay, 0, 'f', 0 )
            .arg( plan.centres.lowerBoundCnyPerDay, 0, 'f', 0 ).arg( percent( plan.centres.gap ) ) << '\n';
  mOut << tr( "  Stations:       %1; %2 station customers, %3 assigned; %4 large customers served by centres" )
            .arg( kpis.stations ).arg( kpis.demandPoints ).arg( kpis.assignedPoints ).arg( plan.largeCustomers.size() ) << '\n';
  mOut << tr( "  Coverage within %1: %2 of points, %3 of parcels" )
            .arg( metres( mRequest.parameters.serviceRadiusM ), percent( kpis.coverageShareByPoints ), percent( kpis.coverageShareByParcels ) ) << '\n';
  mOut << tr( "  Network distance: mean %1 (parcel-weighted), max %2" ).arg( metres( kpis.meanDistanceM ), metres( kpis.maxDistanceM ) ) << '\n';
  mOut << tr( "  Station objective: %1; lower bound %2; gap %3" )
            .arg( kpis.objective, 0, 'f', 0 ).arg( kpis.lowerBound, 0, 'f', 0 ).arg( percent( kpis.gap ) ) << '\n';
  if ( !plan.stations.curve.empty() )
  {
    mOut << tr( "  Curve over the number of stations (p-median; coverage within %1):" ).arg( metres( mRequest.parameters.serviceRadiusM ) ) << '\n';
    for ( const gf::StationCurvePoint &point : plan.stations.curve )
      mOut << tr( "    %1 stations: mean distance %2, coverage %3, gap %4" )
                .arg( point.stations, 3 ).arg( metres( point.meanDistanceM ), percent( point.coverageShareByParcels ), percent( point.gap ) ) << '\n';
  }
  mOut << tr( "  Charging:       %1 piles for %2 NEV vehicles at %3 sites" )
            .arg( plan.availablePiles ).arg( plan.nevVehiclesAtPiles ).arg( plan.charging.size() ) << '\n';
  mOut << tr( "  Loading bays:   %1 (target %2), serving %3 of %4 parcels/day within walking distance" )
            .arg( plan.loadingBays.bays.size() ).arg( plan.loadingBays.targetCount )
            .arg( plan.loadingBays.coveredDeliveries, 0, 'f', 0 ).arg( plan.loadingBays.totalDeliveries, 0, 'f', 0 ) << '\n';
  const gf::KpiTotals &before = plan.kpis.baseline.total;
  const gf::KpiTotals &after = plan.kpis.plan.total;
  mOut << tr( "  Against the status quo (per day):" ) << '\n';
  mOut << tr( "    vehicle-km %1 → %2 (%3), cost %4 → %5 CNY (%6), CO₂ %7 → %8 kg (%9)" )
            .arg( before.vehicleKm, 0, 'f', 0 ).arg( after.vehicleKm, 0, 'f', 0 ).arg( change( before.vehicleKm, after.vehicleKm ) )
            .arg( before.costCny, 0, 'f', 0 ).arg( after.costCny, 0, 'f', 0 ).arg( change( before.costCny, after.costCny ) )
            .arg( before.co2Kg, 0, 'f', 0 ).arg( after.co2Kg, 0, 'f', 0 ).arg( change( before.co2Kg, after.co2Kg ) ) << '\n';
  mOut << tr( "    energy per tonne-km %1 → %2 kWh (%3), load factor %4 → %5" )
            .arg( before.energyKwhPerTonneKm(), 0, 'f', 3 ).arg( after.energyKwhPerTonneKm(), 0, 'f', 3 )
            .arg( change( before.energyKwhPerTonneKm(), after.energyKwhPerTonneKm() ) )
            .arg( percent( before.loadFactor() ), percent( after.loadFactor() ) ) << '\n';
  mOut << tr( "  Programme targets:" ) << '\n';
  for ( const gf::ComplianceRow &row : plan.compliance )
  {
    const QString status = ComplianceText::status( row.status );
    if ( row.status == gf::ComplianceStatus::NotApplicable )
    {
      mOut << QStringLiteral( "    %1  %2" ).arg( status, -5 ).arg( ComplianceText::label( row.id ) ) << '\n';
      continue;
    }
    mOut << QStringLiteral( "    %1  %2: " ).arg( status, -5 ).arg( ComplianceText::label( row.id ) )
         << tr( "achieved %1, target %2" ).arg( ComplianceText::value( row.id, row.achieved ), ComplianceText::value( row.id, row.target ) ) << '\n';
  }
  mOut << tr( "  Plan written to: %1" ).arg( QDir::toNativeSeparators( result.outputPath ) ) << '\n';
  if ( !result.reportPath.isEmpty() )
    mOut << tr( "  Report written to: %1" ).arg( QDir::toNativeSeparators( result.reportPath ) ) << '\n';
}

} // namespace gf::app
