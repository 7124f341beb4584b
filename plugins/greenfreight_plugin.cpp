#include "greenfreight_plugin.h"

#include "greenfreight_provider.h"
#include "gis/report/report_translator.h"

#include <qgis.h>
#include <qgsapplication.h>
#include <qgsprocessingregistry.h>

#include <QCoreApplication>
#include <QLocale>

namespace gf::plugins {

namespace {

// QGIS reads these before creating the plugin; the untranslated text is what the plugin
// manager shows when no catalogue is loaded.
const QString sName = QStringLiteral( "GreenFreight Planner" );
const QString sDescription = QStringLiteral( "Green freight distribution facility siting in the Processing toolbox" );
const QString sCategory = QStringLiteral( "Plugins" );
const QString sVersion = QStringLiteral( "0.1.0" );
const QString sIcon = QStringLiteral( ":/images/themes/default/processingAlgorithm.svg" );

} // namespace

GreenFreightPlugin::GreenFreightPlugin()
  : QgisPlugin( sName, sDescription, sCategory, sVersion, QgisPlugin::UI )
{
}

void GreenFreightPlugin::initGui()
{
  if ( mProvider )
    return;
  // The catalogues are installed beside the application's, where the report finds them too.
  auto translator = std::make_unique<QTranslator>();
  if ( translator->load( QLocale( QgsApplication::locale() ), QStringLiteral( "greenfreight" ), QStringLiteral( "_" ),
                         gis::ReportTranslator::defaultCatalogueDirectory() ) )
  {
    QCoreApplication::installTranslator( translator.get() );
    mTranslator = std::move( translator );
  }
  mProvider = new GreenFreightProvider();
  if ( !QgsApplication::processingRegistry()->addProvider( mProvider ) )
    mProvider = nullptr;  // the registry has deleted it (id clash or failed load)
}

void GreenFreightPlugin::unload()
{
  if ( mProvider )
    QgsApplication::processingRegistry()->removeProvider( mProvider );
  mProvider = nullptr;
  if ( mTranslator )
    QCoreApplication::removeTranslator( mTranslator.get() );
  mTranslator.reset();
}

} // namespace gf::plugins

QGISEXTERN QgisPlugin *classFactory( QgisInterface * )
{
  return new gf::plugins::GreenFreightPlugin();
}

QGISEXTERN const QString *name()
{
  return &gf::plugins::sName;
}

QGISEXTERN const QString *description()
{
  return &gf::plugins::sDescription;
}

QGISEXTERN const QString *category()
{
  return &gf::plugins::sCategory;
}

QGISEXTERN int type()
{
  return QgisPlugin::UI;
}

QGISEXTERN const QString *version()
{
  return &gf::plugins::sVersion;
}

QGISEXTERN const QString *icon()
{
  return &gf::plugins::sIcon;
}

QGISEXTERN void unload( QgisPlugin *plugin )
{
  delete plugin;
}
