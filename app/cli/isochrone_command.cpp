#include "cli/isochrone_command.h"

#include "common/app_paths.h"
#include "gis/io/project_reader.h"
#include "gis/network/site_service_area.h"

#include <qgscoordinatereferencesystem.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTime>
#include <cmath>

namespace gf::app {

namespace {

//! "a,b,c" → numbers; nothing if any item is not a finite number.
std::optional<std::vector<double>> parseNumbers( const QString &text )
{
  std::vector<double> numbers;
  for ( const QString &item : text.split( QLatin1Char( ',' ) ) )
  {
    bool ok = false;
    const double value = item.trimmed().toDouble( &ok );
    if ( !ok || !std::isfinite( value ) )
      return std::nullopt;
    numbers.push_back( value );
  }
  return numbers;
}

} // namespace

IsochroneCommand::IsochroneCommand( QTextStream &out, QTextStream &err )
  : mOut( out ), mErr( err )
{
}

ParseOutcome IsochroneCommand::parse( const QStringList &arguments )
{
  QCommandLineParser parser;
  parser.setApplicationDescription( tr( "Compute the service areas (isochrones) of a site on the project's road network and write them as nested polygons." ) );
  const QCommandLineOption helpOption( { QStringLiteral( "h" ), QStringLiteral( "help" ) }, tr( "Show this help." ) );
  const QCommandLineOption projectOption( QStringLiteral( "project" ), tr( "Project GeoPackage with the layer roads (default: the bundled sample district)." ), tr( "FILE" ) );
  const QCommandLineOption atOption( QStringLiteral( "at" ), tr( "Site coordinates in the project CRS." ), tr( "X,Y" ) );
  const QCommandLineOption costsOption( QStringLiteral( "costs" ), tr( "Network distances in metres, one polygon each, e.g. 500,1000,2000." ), tr( "METRES" ) );
  const QCommandLineOption profileOption( QStringLiteral( "profile" ), tr( "Vehicle: truck, nev_van or e_tricycle. Default nev_van." ), tr( "NAME" ), QStringLiteral( "nev_van" ) );
  const QCommandLineOption trimOption( QStringLiteral( "trim" ), tr( "Distance in metres around the reached roads that the polygons cover. Default 100." ), tr( "METRES" ) );
  const QCommandLineOption timeOption( QStringLiteral( "time" ), tr( "Time of day for truck restrictions. Default 12:00." ), tr( "HH:MM" ) );
  const QCommandLineOption outOption( QStringLiteral( "out" ), tr( "GeoPackage to write (replaced if it exists)." ), tr( "FILE" ) );
  parser.addOptions( { helpOption, projectOption, atOption, costsOption, profileOption, trimOption, timeOption, outOption } );

  const ParseOutcome outcome = SubcommandParser::parse( parser, helpOption, arguments, QStringLiteral( "isochrone" ), tr( "Usage: greenfreight-cli isochrone --at X,Y --costs METRES --out FILE [options]" ), mOut, mErr );
  if ( outcome != ParseOutcome::Run )
    return outcome;
  for ( const QCommandLineOption *required : { &atOption, &costsOption, &outOption } )
  {
    if ( !parser.isSet( *required ) )
    {
      mErr << tr( "error: --%1 is required." ).arg( required->names().constFirst() ) << '\n';
      return ParseOutcome::Invalid;
    }
  }

  const std::optional<std::vector<double>> at = parseNumbers( parser.value( atOption ) );
  if ( !at || at->size() != 2 )
  {
    mErr << tr( "error: --at must be two numbers X,Y in the project CRS, got '%1'." ).arg( parser.value( atOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mSite = gf::PointXY{ ( *at )[0], ( *at )[1] };

  const std::optional<std::vector<gf::Cost>> thresholds = gis::distanceThresholds( parser.value( costsOption ) );
  if ( !thresholds )
  {
    mErr << tr( "error: --costs must be distances in metres between 0 and %1, separated by commas, got '%2'." )
              .arg( gis::maxThresholdM(), 0, 'f', 0 ).arg( parser.value( costsOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mThresholds = *thresholds;

  const std::optional<gf::VehicleKind> vehicle = gis::serviceAreaVehicleFromId( parser.value( profileOption ) );
  if ( !vehicle )
  {
    mErr << tr( "error: unknown profile '%1'; use truck, nev_van or e_tricycle." ).arg( parser.value( profileOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  mVehicle = *vehicle;

  if ( parser.isSet( trimOption ) )
  {
    bool ok = false;
    mPolygonOptions.trimDistanceM = parser.value( trimOption ).toDouble( &ok );
    if ( !ok || !( mPolygonOptions.trimDistanceM > 0.0 ) || !std::isfinite( mPolygonOptions.trimDistanceM ) )
    {
      mErr << tr( "error: --trim must be a positive number of metres, got '%1'." ).arg( parser.value( trimOption ) ) << '\n';
      return ParseOutcome::Invalid;
    }
  }
  if ( parser.isSet( timeOption ) )
  {
    const QTime time = QTime::fromString( parser.value( timeOption ), QStringLiteral( "H:mm" ) );
    if ( !time.isValid() )
    {
      mErr << tr( "error: --time must be a time of day HH:MM, got '%1'." ).arg( parser.value( timeOption ) ) << '\n';
      return ParseOutcome::Invalid;
    }
    mMinuteOfDay = time.hour() * 60 + time.minute();
  }

  mProjectPath = parser.isSet( projectOption ) ? parser.value( projectOption ) : AppPaths::sampleProject();
  if ( mProjectPath.isEmpty() )
  {
    mErr << tr( "error: the bundled sample district was not found; pass --project FILE." ) << '\n';
    return ParseOutcome::Invalid;
  }
  if ( !QFileInfo( mProjectPath ).isFile() )
  {
    mErr << tr( "error: project file '%1' does not exist." ).arg( mProjectPath ) << '\n';
    return ParseOutcome::Invalid;
  }
  const QFileInfo out( parser.value( outOption ) );
  if ( out.isDir() )
  {
    mErr << tr( "error: output '%1' is a folder; name the GeoPackage to write." ).arg( parser.value( outOption ) ) << '\n';
    return ParseOutcome::Invalid;
  }
  if ( out.exists() && out.canonicalFilePath() == QFileInfo( mProjectPath ).canonicalFilePath() )
  {
    mErr << tr( "error: the output would replace the project file '%1'." ).arg( mProjectPath ) << '\n';
    return ParseOutcome::Invalid;
  }
  mOutputPath = out.absoluteFilePath();
  return ParseOutcome::Run;
}

int IsochroneCommand::run( const QStringList &arguments )
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
  return compute() ? 0 : 1;
}

bool IsochroneCommand::compute()
{
  std::variant<gis::ProjectData, gis::GisError> read = gis::ProjectReader::read( mProjectPath );
  if ( std::holds_alternative<gis::GisError>( read ) )
  {
    mErr << tr( "error: %1" ).arg( gis::describeError( std::get<gis::GisError>( read ) ) ) << '\n';
    return false;
  }
  const gis::ProjectData &data = std::get<gis::ProjectData>( read );
  for ( const QString &warning : data.warnings )
    mErr << tr( "warning: %1" ).arg( warning ) << '\n';
  const gf::Scenario &scenario = data.scenario;

  gf::SilentProgress progress;
  const gf::Result<gis::SiteServiceArea> area = gis::computeSiteServiceArea( scenario, { mSite, mThresholds, mVehicle, mMinuteOfDay }, progress );
  if ( !area )
  {
    mErr << tr( "error: %1" ).arg( gis::describeEngineError( area.error() ) ) << '\n';
    return false;
  }
  if ( !area->site )
  {
    mErr << tr( "error: the site (%1, %2) is more than %3 m from any road of the network. Check the coordinates and that they are in the project CRS %4." )
              .arg( mSite.x, 0, 'f', 1 ).arg( mSite.y, 0, 'f', 1 ).arg( scenario.parameters.snapMaxDistanceM ).arg( QString::fromStdString( scenario.crsAuthId ) ) << '\n';
    return false;
  }
  if ( area->siteRoadClosed )
    mErr << tr( "warning: the road nearest to the site is closed to this vehicle at this time; the service area ends there." ) << '\n';
  const std::vector<gis::ServiceAreaPolygon> polygons = gis::ServiceAreaPolygons::build( area->area, mPolygonOptions );
  const gis::GisError written = gis::ServiceAreaPolygons::write( mOutputPath, QgsCoordinateReferenceSystem( QString::fromStdString( scenario.crsAuthId ) ), polygons );
  if ( written.isError() )
  {
    mErr << tr( "error: %1" ).arg( gis::describeError( written ) ) << '\n';
    return false;
  }

  mOut << tr( "GreenFreight Planner — service areas" ) << '\n';
  mOut << tr( "  Site: (%1, %2) in %3, %4 m from the road" )
            .arg( mSite.x, 0, 'f', 1 ).arg( mSite.y, 0, 'f', 1 ).arg( QString::fromStdString( scenario.crsAuthId ) )
            .arg( area->site->accessDistanceM, 0, 'f', 1 ) << '\n';
  for ( const gis::ServiceAreaPolygon &polygon : polygons )
  {
    mOut << tr( "  Within %1 m: %2 km of road, %3 km²" )
              .arg( polygon.threshold / gf::kCostUnitsPerBaseUnit, 0, 'f', 0 )
              .arg( polygon.reachableLengthM / 1000.0, 0, 'f', 2 )
              .arg( polygon.polygon.isNull() ? 0.0 : polygon.polygon.area() / 1e6, 0, 'f', 3 ) << '\n';
  }
  mOut << tr( "  Written to: %1" ).arg( QDir::toNativeSeparators( mOutputPath ) ) << '\n';
  return true;
}

} // namespace gf::app
