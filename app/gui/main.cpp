// greenfreight [PROJECT.gpkg]: the desktop planner. Everything but start-up lives in gf_app.
#include "common/app_paths.h"
#include "common/qgis_environment.h"
#include "common/translation_loader.h"
#include "gui/mainwindow/main_window.h"

#include <qgsapplication.h>

#include <QCommandLineParser>
#include <QDir>
#include <QTimer>

#include <cstdio>

int main( int argc, char *argv[] )
{
  gf::app::prepareQgisEnvironment( true );
  QgsApplication application( argc, argv, true );
  QCoreApplication::setOrganizationName( QStringLiteral( "GreenFreight" ) );
  QCoreApplication::setApplicationName( QStringLiteral( "greenfreight" ) );
  QCoreApplication::setApplicationVersion( QStringLiteral( "0.1.0" ) );

  // Arguments are parsed before the translator exists (it depends on --lang), so help stays English.
  QCommandLineParser parser;
  parser.setApplicationDescription( QStringLiteral( "GreenFreight Planner: green freight distribution facility siting." ) );
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument( QStringLiteral( "project" ), QStringLiteral( "Project GeoPackage to open (default: the bundled Zhangdian sample)." ),
                                QStringLiteral( "[PROJECT.gpkg]" ) );
  const QCommandLineOption langOption( QStringLiteral( "lang" ), QStringLiteral( "User interface language: zh or en (default: system locale)." ),
                                       QStringLiteral( "zh|en" ) );
  const QCommandLineOption planOption( QStringLiteral( "plan" ), QStringLiteral( "Plan stations right after opening the project." ) );
  const QCommandLineOption screenshotOption( QStringLiteral( "screenshot" ),
                                             QStringLiteral( "Save the window as an image once loaded (and planned, with --plan), then exit." ),
                                             QStringLiteral( "FILE" ) );
  parser.addOption( langOption );
  parser.addOption( planOption );
  parser.addOption( screenshotOption );
  parser.process( application );

  QgsApplication::setPrefixPath( qEnvironmentVariable( "QGIS_PREFIX_PATH" ), true );
  QgsApplication::initQgis();

  const QString language = gf::app::TranslationLoader::resolveLanguage( parser.value( langOption ) );
  if ( !gf::app::TranslationLoader::install( application, language ) )
    std::fprintf( stderr, "greenfreight: no %s catalogue in %s\n", qPrintable( language ), qPrintable( gf::app::AppPaths::translationsDirectory() ) );

  // The window (and its project's layers) must be gone before exitQgis() unloads the providers.
  int status = 0;
  int exitCode = 0;
  {
    gf::app::MainWindow window;
    window.show();

    const QStringList positional = parser.positionalArguments();
    const QString project = positional.isEmpty() ? gf::app::AppPaths::sampleProject() : positional.constFirst();
    if ( project.isEmpty() )
      std::fprintf( stderr, "greenfreight: the bundled sample project was not found; use Project > Open\n" );
    const bool opened = !project.isEmpty() && window.openProject( QDir::fromNativeSeparators( project ) );

    const QString screenshot = parser.value( screenshotOption );
    auto takeScreenshot = [&] {
      if ( !window.saveScreenshot( screenshot ) )
      {
        std::fprintf( stderr, "greenfreight: cannot write %s\n", qPrintable( screenshot ) );
        status = 1;
      }
      QCoreApplication::quit();
    };
    const bool plan = opened && parser.isSet( planOption );
    if ( !screenshot.isEmpty() )
      QObject::connect( &window, &gf::app::MainWindow::planFinished, &window, takeScreenshot );
    QTimer::singleShot( 0, &window, [&] {
      const bool planning = plan && window.startPlan();
      if ( !planning && !screenshot.isEmpty() )
        takeScreenshot();
    } );

    exitCode = QgsApplication::exec();
  }
  QgsApplication::exitQgis();
  return status != 0 ? status : exitCode;
}
