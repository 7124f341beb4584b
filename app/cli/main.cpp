// greenfreight-cli: headless entry point. Subcommands are classes in app/cli.
#include "cli/isochrone_command.h"
#include "cli/plan_command.h"
#include "common/qgis_environment.h"

#include <qgsapplication.h>

#include <QTextStream>
#include <cstdio>

int main( int argc, char **argv )
{
  gf::app::prepareQgisEnvironment( false );
  QgsApplication app( argc, argv, false );
  QgsApplication::initQgis();

  QTextStream out( stdout );
  QTextStream err( stderr );
  QStringList arguments = QCoreApplication::arguments().mid( 1 );
  int exitCode = 0;
  if ( arguments.isEmpty() || arguments.first() == QLatin1String( "--help" ) || arguments.first() == QLatin1String( "-h" ) )
  {
    out << QCoreApplication::translate( "main", "usage: greenfreight-cli <command> [options]\n\ncommands:\n  plan       plan end stations on a district project (run 'greenfreight-cli plan --help')\n  isochrone  service areas of a site as polygons (run 'greenfreight-cli isochrone --help')\n" );
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
