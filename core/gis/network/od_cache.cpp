#include "gis/network/od_cache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

#include <cstring>
#include <memory>

namespace gf::gis {

namespace {

// Bump when the key's contents or the blob layout change.
constexpr int kCacheFormat = 1;

struct DatabaseCloser
{
  void operator()( sqlite3 *db ) const { sqlite3_close( db ); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

struct StatementFinalizer
{
  void operator()( sqlite3_stmt *statement ) const { sqlite3_finalize( statement ); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

Database openDatabase( const QString &path, int flags )
{
  sqlite3 *db = nullptr;
  if ( sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, flags, nullptr ) != SQLITE_OK )
  {
    sqlite3_close( db );
    return nullptr;
  }
  sqlite3_busy_timeout( db, 2000 );
  return Database( db );
}

Statement prepare( sqlite3 *db, const char *sql )
{
  sqlite3_stmt *statement = nullptr;
  if ( sqlite3_prepare_v2( db, sql, -1, &statement, nullptr ) != SQLITE_OK )
    return nullptr;
  return Statement( statement );
}

template<typename T>
void addVector( QCryptographicHash &hash, const std::vector<T> &values )
{
  const quint64 count = values.size();
  hash.addData( reinterpret_cast<const char *>( &count ), sizeof( count ) );
  if ( !values.empty() )
    hash.addData( reinterpret_cast<const char *>( values.data() ), static_cast<int>( values.size() * sizeof( T ) ) );
}

void addPoints( QCryptographicHash &hash, const std::vector<gf::SnappedPoint> &points )
{
  const quint64 count = points.size();
  hash.addData( reinterpret_cast<const char *>( &count ), sizeof( count ) );
  for ( const gf::SnappedPoint &point : points )
  {
    // Only what the OD engine reads, field by field: no padding bytes in the hash.
    const double values[] = { point.accessDistanceM, point.fractionFromA };
    const quint32 ids[] = { point.nodeA, point.nodeB, point.edgeAB, point.edgeBA };
    hash.addData( reinterpret_cast<const char *>( values ), sizeof( values ) );
    hash.addData( reinterpret_cast<const char *>( ids ), sizeof( ids ) );
  }
}

GisError storeError( const QString &path, sqlite3 *db )
{
  GisError error;
  error.code = GisErrorCode::WriteFailed;
  error.file = path;
  error.layer = QStringLiteral( "gf_od_cache" );
  error.value = db ? QString::fromUtf8( sqlite3_errmsg( db ) ) : QStringLiteral( "cannot open" );
  return error;
}

} // namespace

OdCache::OdCache( const QString &geoPackagePath )
  : mPath( geoPackagePath )
{
}

QByteArray OdCache::key( const gf::RoadGraph &graph, const gf::EdgeWeights &weights,
                         const std::vector<gf::SnappedPoint> &origins,
                         const std::vector<gf::SnappedPoint> &destinations, const gf::OdOptions &options )
{
  QCryptographicHash hash( QCryptographicHash::Sha256 );
  const qint32 format = kCacheFormat;
  hash.addData( reinterpret_cast<const char *>( &format ), sizeof( format ) );
  addVector( hash, graph.firstOut() );
  addVector( hash, graph.head() );
  addVector( hash, weights );
  addPoints( hash, origins );
  addPoints( hash, destinations );
  const qint64 cutoff = options.cutoff;
  hash.addData( reinterpret_cast<const char *>( &cutoff ), sizeof( cutoff ) );
  hash.addData( reinterpret_cast<const char *>( &options.accessCostPerMetre ), sizeof( options.accessCostPerMetre ) );
  return hash.result().toHex();
}

std::optional<gf::OdMatrix> OdCache::load( const QByteArray &key ) const
{
  if ( !QFile::exists( mPath ) )
    return std::nullopt;
  Database db = openDatabase( mPath, SQLITE_OPEN_READONLY );
  if ( !db )
    return std::nullopt;
  Statement select = prepare( db.get(), "SELECT origin_count, destination_count, costs FROM gf_od_cache WHERE key = ?" );
  if ( !select )
    return std::nullopt;  // no cache table yet
  sqlite3_bind_text( select.get(), 1, key.constData(), key.size(), SQLITE_TRANSIENT );
  if ( sqlite3_step( select.get() ) != SQLITE_ROW )
    return std::nullopt;
  const auto rows = static_cast<std::size_t>( sqlite3_column_int64( select.get(), 0 ) );
  const auto cols = static_cast<std::size_t>( sqlite3_column_int64( select.get(), 1 ) );
  const void *blob = sqlite3_column_blob( select.get(), 2 );
  const auto bytes = static_cast<std::size_t>( sqlite3_column_bytes( select.get(), 2 ) );
  if ( bytes != rows * cols * sizeof( gf::Cost ) )
    return std::nullopt;
  gf::OdMatrix matrix( rows, cols );
  if ( bytes > 0 )
    std::memcpy( &matrix.at( 0, 0 ), blob, bytes );
  return matrix;
}

GisError OdCache::store( const QByteArray &key, const gf::OdMatrix &matrix )
{
  QDir().mkpath( QFileInfo( mPath ).absolutePath() );
  Database db = openDatabase( mPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE );
  if ( !db )
    return storeError( mPath, nullptr );
  const char *schema = "CREATE TABLE IF NOT EXISTS gf_od_cache ("
                       " key TEXT PRIMARY KEY, origin_count INTEGER NOT NULL, destination_count INTEGER NOT NULL,"
                       " created_utc TEXT NOT NULL, costs BLOB NOT NULL)";
  if ( sqlite3_exec( db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr ) != SQLITE_OK
       || sqlite3_exec( db.get(), schema, nullptr, nullptr, nullptr ) != SQLITE_OK )
    return storeError( mPath, db.get() );
  Statement insert = prepare( db.get(), "INSERT OR REPLACE INTO gf_od_cache (key, origin_count, destination_count, created_utc, costs) VALUES (?, ?, ?, ?, ?)" );
  if ( !insert )
    return storeError( mPath, db.get() );
  const QByteArray created = QDateTime::currentDateTimeUtc().toString( Qt::ISODateWithMs ).toUtf8();
  sqlite3_bind_text( insert.get(), 1, key.constData(), key.size(), SQLITE_TRANSIENT );
  sqlite3_bind_int64( insert.get(), 2, static_cast<sqlite3_int64>( matrix.rows() ) );
  sqlite3_bind_int64( insert.get(), 3, static_cast<sqlite3_int64>( matrix.cols() ) );
  sqlite3_bind_text( insert.get(), 4, created.constData(), created.size(), SQLITE_TRANSIENT );
  sqlite3_bind_blob64( insert.get(), 5, matrix.data().data(), matrix.data().size() * sizeof( gf::Cost ), SQLITE_STATIC );
  if ( sqlite3_step( insert.get() ) != SQLITE_DONE )
  {
    sqlite3_exec( db.get(), "ROLLBACK", nullptr, nullptr, nullptr );
    return storeError( mPath, db.get() );
  }
  const QByteArray prune = QStringLiteral( "DELETE FROM gf_od_cache WHERE key NOT IN (SELECT key FROM gf_od_cache ORDER BY created_utc DESC, key LIMIT %1)" )
                             .arg( kMaxEntries ).toUtf8();
  if ( sqlite3_exec( db.get(), prune.constData(), nullptr, nullptr, nullptr ) != SQLITE_OK
       || sqlite3_exec( db.get(), "COMMIT", nullptr, nullptr, nullptr ) != SQLITE_OK )
  {
    sqlite3_exec( db.get(), "ROLLBACK", nullptr, nullptr, nullptr );
    return storeError( mPath, db.get() );
  }
  return GisError{};
}

gf::Result<gf::OdMatrix> OdCache::odMatrix( const gf::RoadGraph &graph, const gf::EdgeWeights &weights,
                                            const std::vector<gf::SnappedPoint> &origins,
                                            const std::vector<gf::SnappedPoint> &destinations,
                                            const gf::OdOptions &options, gf::ProgressSink &progress )
{
  const QByteArray cacheKey = key( graph, weights, origins, destinations, options );
  ++mRequests;
  if ( std::optional<gf::OdMatrix> cached = load( cacheKey ) )
  {
    ++mHits;
    progress.setProgress( 1.0 );
    return std::move( *cached );
  }
  gf::Result<gf::OdMatrix> computed = gf::computeOdMatrix( graph, weights, origins, destinations, options, progress );
  if ( computed )
    mLastStoreError = store( cacheKey, *computed );
  return computed;
}

} // namespace gf::gis
