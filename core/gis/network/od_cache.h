#pragma once
// OD matrices cached in a GeoPackage (an SQLite table keyed by a hash of the network, the
// edge weights, the point sets and the options), reused when nothing changed.
#include "engine/planning/od_provider.h"
#include "gis/common/gis_error.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace gf::gis {

class OdCache final : public gf::OdProvider
{
  public:
    //! Matrices are kept in table gf_od_cache of \a geoPackagePath (created when missing).
    explicit OdCache( const QString &geoPackagePath );

    gf::Result<gf::OdMatrix> odMatrix( const gf::RoadGraph &graph, const gf::EdgeWeights &weights,
                                       const std::vector<gf::SnappedPoint> &origins,
                                       const std::vector<gf::SnappedPoint> &destinations,
                                       const gf::OdOptions &options, gf::ProgressSink &progress ) override;

    //! Hex SHA-256 of everything the matrix depends on (not the thread count).
    static QByteArray key( const gf::RoadGraph &graph, const gf::EdgeWeights &weights,
                           const std::vector<gf::SnappedPoint> &origins,
                           const std::vector<gf::SnappedPoint> &destinations, const gf::OdOptions &options );

    std::optional<gf::OdMatrix> load( const QByteArray &key ) const;
    GisError store( const QByteArray &key, const gf::OdMatrix &matrix );

    //! Matrices asked for since construction, and how many of them came from the file.
    int requestCount() const { return mRequests; }
    int hitCount() const { return mHits; }
    //! Why the last store failed (read-only file…); the plan goes on without the cache.
    const GisError &lastStoreError() const { return mLastStoreError; }

    //! Most recent matrices kept per file; older ones are dropped.
    static constexpr int kMaxEntries = 8;

  private:
    QString mPath;
    int mRequests = 0;
    int mHits = 0;
    GisError mLastStoreError;
};

} // namespace gf::gis
