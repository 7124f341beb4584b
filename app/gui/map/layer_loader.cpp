#include "gui/map/layer_loader.h"

#include "gui/map/layer_styler.h"

#include <qgsmaplayer.h>
#include <qgsproviderregistry.h>
#include <qgsprovidersublayerdetails.h>
#include <qgsvectorlayer.h>

#include <QFileInfo>

#include <algorithm>

namespace gf::app {

namespace {

// Bottom of the map first: areas, then lines, then points, results above their inputs.
const QStringList kDrawOrder {
  QStringLiteral( "boundary" ),
  QStringLiteral( "parcels" ),
  QStringLiteral( "control_lines" ),
  QStringLiteral( "roads" ),
  QString(),  // any table not listed here
  QStringLiteral( "flows" ),
  QStringLiteral( "allocation_lines" ),
  QStringLiteral( "loading_bays" ),
  QStringLiteral( "candidates" ),
  QStringLiteral( "outlets" ),
  QStringLiteral( "demand" ),
  QStringLiteral( "demand_assignment" ),
  QStringLiteral( "hubs" ),
  QStringLiteral( "charging_piles" ),
  QStringLiteral( "stations" ),
  QStringLiteral( "centres" ),
};

int drawRank( const QString &table )
{
  const int rank = static_cast<int>( kDrawOrder.indexOf( table ) );
  return rank >= 0 ? rank : static_cast<int>( kDrawOrder.indexOf( QString() ) );
}

QStringList spatialTables( const QString &path )
{
  QStringList tables;
  const QList<QgsProviderSublayerDetails> sublayers = QgsProviderRegistry::instance()->querySublayers( path );
  for ( const QgsProviderSublayerDetails &sublayer : sublayers )
  {
    if ( sublayer.type() != QgsMapLayerType::VectorLayer || sublayer.providerKey() != QLatin1String( "ogr" ) )
      continue;
    const QgsWkbTypes::Type type = sublayer.wkbType();
    if ( type == QgsWkbTypes::NoGeometry || type == QgsWkbTypes::Unknown )
      continue;
    tables << sublayer.name();
  }
  return tables;
}

} // namespace

QString LayerLoader::tablePropertyKey()
{
  return QStringLiteral( "greenfreight/table" );
}

QString LayerLoader::tableName( const QgsMapLayer *layer )
{
  return layer ? layer->customProperty( tablePropertyKey() ).toString() : QString();
}

QString LayerLoader::displayName( const QString &table )
{
  if ( table == QLatin1String( "boundary" ) )
    return tr( "District boundary" );
  if ( table == QLatin1String( "parcels" ) )
    return tr( "Land parcels" );
  if ( table == QLatin1String( "control_lines" ) )
    return tr( "Control lines" );
  if ( table == QLatin1String( "roads" ) )
    return tr( "Roads" );
  if ( table == QLatin1String( "outlets" ) )
    return tr( "Existing outlets" );
  if ( table == QLatin1String( "demand" ) )
    return tr( "Freight demand" );
  if ( table == QLatin1String( "hubs" ) )
    return tr( "Freight hubs" );
  if ( table == QLatin1String( "stations" ) )
    return tr( "Planned stations" );
  if ( table == QLatin1String( "demand_assignment" ) )
    return tr( "Demand assignment" );
  if ( table == QLatin1String( "allocation_lines" ) )
    return tr( "Allocation lines" );
  if ( table == QLatin1String( "centres" ) )
    return tr( "Public distribution centres" );
  if ( table == QLatin1String( "charging_piles" ) )
    return tr( "Charging piles" );
  if ( table == QLatin1String( "loading_bays" ) )
    return tr( "Curbside loading bays" );
  if ( table == QLatin1String( "flows" ) )
    return tr( "Freight flows" );
  if ( table == QLatin1String( "candidates" ) )
    return tr( "Candidate sites" );
  return table;
}

LoadedLayers LayerLoader::load( const QString &path, const QStringList &tables )
{
  LoadedLayers loaded;
  if ( !QFileInfo( path ).isFile() )
    return loaded;

  QStringList ordered = tables.isEmpty() ? spatialTables( path ) : tables;
  std::stable_sort( ordered.begin(), ordered.end(), []( const QString &a, const QString &b ) {
    return drawRank( a ) > drawRank( b );
  } );

  const QgsVectorLayer::LayerOptions options( true, false );
  for ( const QString &table : std::as_const( ordered ) )
  {
    const QString uri = QStringLiteral( "%1|layername=%2" ).arg( path, table );
    auto layer = std::make_unique<QgsVectorLayer>( uri, displayName( table ), QStringLiteral( "ogr" ), options );
    if ( !layer->isValid() )
    {
      loaded.invalidTables << table;
      continue;
    }
    layer->setCustomProperty( tablePropertyKey(), table );
    if ( LayerStyler::hasStyle( table ) )
      LayerStyler::apply( layer.get(), table );
    loaded.layers.push_back( std::move( layer ) );
  }
  return loaded;
}

} // namespace gf::app
