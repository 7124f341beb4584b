#include "cli/plan_command.h"

#include "common/app_paths.h"
#include "engine/scenario/plan_parameters.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
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

} // namespace

PlanCommand::PlanCommand( QTextStream &out, QTextStream &err )
  : mOut( out ), mErr( err )
{
}

PlanCommand::ParseOutcome PlanCommand::parse( const QStringList &arguments )
{
  QCommandLineParser parser;
  parser.setApplicationDescription( tr( "Plan end joint distribution stations on a district project and write the plan GeoPackage." ) );
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
  parser.addOptions( { helpOption, projectOption, presetOption, stationsOption, radiusOption, outOption, seedOption, threadsOption, timeOption, cacheOption, noCacheOption } );

  QStringList withProgram = arguments;
  withProgram.prepend( QStringLiteral( "greenfreight-cli plan" ) );
  if ( !parser.parse( withProgram ) )
  {
    mErr << tr( "error: %1" ).arg( parser.errorText() ) << '\n' << tr( "Run 'greenfreight-cli plan --help' for the options." ) << '\n';
    return ParseOutcome::Invalid;
  }
  if ( parser.isSet( helpOption ) )
  {
    QString help = parser.helpText();
    help.replace( 0, help.indexOf( QLatin1Char( '\n' ) ), tr( "Usage: greenfreight-cli plan [options]" ) );
    mOut << help;
    return ParseOutcome::HelpShown;
  }
  if ( !parser.positionalArguments().isEmpty() )
  {
    mErr << tr( "error: unexpected argument '%1'." ).arg( parser.positionalArguments().first() ) << '\n';
    return ParseOutcome::Invalid;
  }

  const QString presetId = parser.value( presetOption ).toLower();
  const std::optional<gf::DistrictPreset> preset = gf::presetFromId( presetId.toStdString() );
  if ( !preset )
  {
    mErr << tr( "error: unknown preset '%1'; use zhangdian or linzi." ).arg( parser.value( presetOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mRequest.parameters = gf::presetParameters( *preset );

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
       || !positiveNumber( timeOption, 0.1, mRequest.parameters.timeLimitS ) )
    return ParseOutcome::Invalid;
  if ( stations != static_cast<double>( static_cast<std::uint32_t>( stations ) ) )
  {
    mErr << tr( "error: --stations must be a whole number, got '%1'." ).arg( parser.value( stationsOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mRequest.parameters.stationCount = static_cast<std::uint32_t>( stations );
  mRequest.parameters.seed = static_cast<std::uint64_t>( seed );
  mRequest.parameters.threads = static_cast<unsigned>( threads );

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
  const gf::StationPlan &plan = result.plan;
  const gf::StationPlanKpis &kpis = plan.kpis;
  const gf::NetworkReport &network = plan.network;
  const std::size_t keptNodes = network.components.empty() ? 0 : network.components.front().nodeCount;
  mOut << tr( "GreenFreight Planner — end station plan" ) << '\n';
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
  mOut << tr( "  OD matrix:      %1" ).arg( mRequest.odCachePath.isEmpty() ? tr( "computed (no cache)" )
                                           : result.odCacheHit ? tr( "reused from cache %1" ).arg( mRequest.odCachePath )
                                           : tr( "computed and cached in %1" ).arg( mRequest.odCachePath ) ) << '\n';
  mOut << tr( "  Stations:       %1 of %2 candidate sites" ).arg( kpis.stations ).arg( result.scenario.candidates.size() ) << '\n';
  mOut << tr( "  Demand points:  %1, assigned %2" ).arg( kpis.demandPoints ).arg( kpis.assignedPoints ) << '\n';
  mOut << tr( "  Coverage within %1: %2 of points, %3 of parcels" )
            .arg( metres( mRequest.parameters.serviceRadiusM ), percent( kpis.coverageShareByPoints ), percent( kpis.coverageShareByParcels ) ) << '\n';
  mOut << tr( "  Network distance: mean %1 (parcel-weighted), max %2" ).arg( metres( kpis.meanDistanceM ), metres( kpis.maxDistanceM ) ) << '\n';
  mOut << tr( "  Objective:      %1 parcel·m/day; lower bound %2; gap %3" )
            .arg( kpis.objective, 0, 'f', 0 ).arg( kpis.lowerBound, 0, 'f', 0 ).arg( percent( kpis.gap ) ) << '\n';
  mOut << tr( "  Plan written to: %1" ).arg( QDir::toNativeSeparators( result.outputPath ) ) << '\n';
}

} // namespace gf::app
