#include "gui/map/layer_styler.h"

#include <qgsmaplayer.h>
#include <qgsmessagelog.h>

#include <QDomDocument>
#include <QFile>

namespace gf::app {

namespace {

QString stylePath( const QString &styleName )
{
  return QStringLiteral( ":/greenfreight/styles/%1.qml" ).arg( styleName );
}

} // namespace

bool LayerStyler::hasStyle( const QString &styleName )
{
  return QFile::exists( stylePath( styleName ) );
}

bool LayerStyler::apply( QgsMapLayer *layer, const QString &styleName )
{
  QFile file( stylePath( styleName ) );
  if ( !layer || !file.open( QIODevice::ReadOnly ) )
    return false;

  QDomDocument document;
  if ( !document.setContent( &file ) )
    return false;

  QString errorMessage;
  if ( !layer->importNamedStyle( document, errorMessage ) )
  {
    QgsMessageLog::logMessage( QStringLiteral( "%1: %2" ).arg( styleName, errorMessage ), QStringLiteral( "GreenFreight" ) );
    return false;
  }
  layer->triggerRepaint();
  return true;
}

} // namespace gf::app
