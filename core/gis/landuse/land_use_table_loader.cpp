#include "gis/landuse/land_use_table_loader.h"

#include "engine/landuse/csv_text.h"

#include <QFile>
#include <QStringList>

#include <mutex>

// Q_INIT_RESOURCE must be called outside any namespace; gf_gis is a static library, so the
// resource is registered explicitly before first use.
static void initLandUseResource()
{
  static std::once_flag sOnce;
  std::call_once( sOnce, [] { Q_INIT_RESOURCE( land_use ); } );
}

namespace gf::gis {

namespace {

//! Line and column of an engine error subject "<line>" or "<line>:<column>".
GisError tableError( const QString &path, const std::string &text, const gf::Error &error )
{
  GisError gisError;
  gisError.code = GisErrorCode::InvalidValue;
  gisError.file = path;
  gisError.engineError = error;
  const QString subject = QString::fromStdString( error.subject );
  const int colon = subject.indexOf( QLatin1Char( ':' ) );
  bool ok = false;
  const qint64 line = subject.left( colon < 0 ? subject.size() : colon ).toLongLong( &ok );
  gisError.row = ok ? line : -1;
  if ( colon >= 0 )
    gisError.field = subject.mid( colon + 1 );

  // The offending text: the named column of that record, or the whole record.
  const gf::Result<std::vector<gf::CsvRecord>> records = gf::parseCsvText( text );
  if ( records && ok && !records->empty() )
  {
    const std::vector<std::string> &header = records->front().fields;
    for ( const gf::CsvRecord &record : *records )
    {
      if ( static_cast<qint64>( record.line ) != line )
        continue;
      for ( std::size_t i = 0; i < header.size() && i < record.fields.size(); ++i )
      {
        if ( !gisError.field.isEmpty() && QString::fromStdString( header[i] ).trimmed() == gisError.field )
          gisError.value = QString::fromStdString( record.fields[i] );
      }
      if ( gisError.field.isEmpty() || record.line == 1 )
      {
        QStringList fields;
        for ( const std::string &field : record.fields )
          fields << QString::fromStdString( field );
        gisError.value = fields.join( QLatin1Char( ',' ) );
      }
    }
  }
  return gisError;
}

std::variant<gf::LandUseTable, GisError> parse( const QString &path, const QByteArray &bytes )
{
  // Invalid UTF-8 decodes to replacement characters and so does not survive a round trip
  // (GBK-encoded exports from older desktop tools are the usual case).
  if ( QString::fromUtf8( bytes ).toUtf8() != bytes )
  {
    GisError error;
    error.code = GisErrorCode::InvalidValue;
    error.file = path;
    error.value = QStringLiteral( "encoding" );
    error.expected = QStringLiteral( "UTF-8" );
    return error;
  }
  const std::string text = bytes.toStdString();
  gf::Result<gf::LandUseTable> table = gf::LandUseTable::fromCsv( text );
  if ( !table )
    return tableError( path, text, table.error() );
  return std::move( table.value() );
}

} // namespace

QString LandUseTableLoader::shippedTablePath()
{
  return QStringLiteral( ":/greenfreight/landuse/land_use_suitability.csv" );
}

std::variant<gf::LandUseTable, GisError> LandUseTableLoader::loadShipped()
{
  initLandUseResource();
  return load( shippedTablePath() );
}

std::variant<gf::LandUseTable, GisError> LandUseTableLoader::load( const QString &path )
{
  QFile file( path );
  if ( !file.exists() )
  {
    GisError error;
    error.code = GisErrorCode::FileNotFound;
    error.file = path;
    return error;
  }
  if ( !file.open( QIODevice::ReadOnly ) )
  {
    GisError error;
    error.code = GisErrorCode::FileUnreadable;
    error.file = path;
    error.value = file.errorString();
    return error;
  }
  return parse( path, file.readAll() );
}

} // namespace gf::gis
