// greenfreight-cli: headless entry point. Subcommands are classes in app/cli.
#include "cli/isochrone_command.h"
#include "cli/plan_command.h"
#include "common/app_paths.h"
#include "common/qgis_environment.h"
#include "common/translation_loader.h"

#include <qgsapplication.h>

#include <QTextStream>
#include <cstdio>

namespace {

/**
 * Takes `--lang VALUE` / `--lang=VALUE` out of \a arguments wherever it stands (before or
 * after the command), so that every command speaks the same language. Returns the value, or
 * an empty string when absent; \a missingValue is set for a trailing `--lang`.
 */
QString takeLanguageOption( QStringList &arguments, bool &missingValue )
{
  const QString option = QStringLiteral( "--lang" );
  QString value;
  missingValue = false;
  for ( int i = 0; i < arguments.size(); )
  {
    if ( arguments.at( i ).startsWith( option + QLatin1Char( '=' ) ) )
    {
      value = arguments.takeAt( i ).mid( option.size() + 1 );
      continue;
    }
    if ( arguments.at( i ) != option )
    {
      ++i;
      continue;
    }
    arguments.removeAt( i );
    if ( i < arguments.size() )
      value = arguments.takeAt( i );
    else
      missingValue = true;
  }
  return value;
}

} // namespace

int main( int argc, char **argv )
{
  gf::app::prepareQgisEnvironment( false );
  QgsApplication app( argc, argv, false );
  QgsApplication::initQgis();

  QTextStream out( stdout );
  QTextStream err( stderr );
  QStringList arguments = QCoreApplication::arguments().mid( 1 );
  bool missingLanguage = false;
  const QString requestedLanguage = takeLanguageOption( arguments, missingLanguage );
  const QString language = gf::app::TranslationLoader::resolveLanguage( requestedLanguage );
  if ( missingLanguage || ( !requestedLanguage.isEmpty() && gf::app::TranslationLoader::supportedLanguage( requestedLanguage ).isEmpty() ) )
  {
    err << QStringLiteral( "error: --lang takes zh_CN or en.\n" );
    err.flush();
    QgsApplication::exitQgis();
    return 2;
  }
  if ( !gf::app::TranslationLoader::install( app, language ) )
    err << QStringLiteral( "greenfreight-cli: no %1 catalogue in %2\n" ).arg( language, gf::app::AppPaths::translationsDirectory() );

  int exitCode = 0;
  if ( arguments.isEmpty() || arguments.first() == QLatin1String( "--help" ) || arguments.first() == QLatin1String( "-h" ) )
  {
    out << QCoreApplication::translate( "main", "usage: greenfreight-cli [--lang zh_CN|en] <command> [options]\n\ncommands:\n  plan       plan the green freight programme of a district project (run 'greenfreight-cli plan --help')\n  isochrone  service areas of a site as polygons (run 'greenfreight-cli isochrone --help')\n\n--lang chooses the language of the output (default: the system locale); the plan report is in Chinese unless 'plan --report-lang en'.\n" );
    exitCode = arguments.isEmpty() ? 2 : 0;
  }
  else if ( arguments.first() == QLatin1String( "plan" ) )
  {
    arguments.removeFirst();
    gf::app::PlanCommand command( out, err );
    exitCode = command.run( arguments );
  }
  else if ( arguments.first() == QLatin1String( "isochrone" ) )
  {
    arguments.removeFirst();
    gf::app::IsochroneCommand command( out, err );
    exitCode = command.run( arguments );
  }
  else
  {
    err << QCoreApplication::translate( "main", "error: unknown command '%1'. Run 'greenfreight-cli --help'." ).arg( arguments.first() ) << '\n';
    exitCode = 2;
  }
  out.flush();
  err.flush();
  QgsApplication::exitQgis();
  return exitCode;
}
