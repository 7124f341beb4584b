#pragma once
// Writes the layers of one GeoPackage, and replaces a target file atomically: everything goes
// to a temporary file in the target folder, renamed over the target only when complete.
// Shared by the plan writer and the service area writer.
#include "gis/common/gis_error.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsfeaturesink.h>
#include <qgsfields.h>
#include <qgswkbtypes.h>

#include <QString>
#include <functional>

namespace gf::gis {

class GeoPackageLayerWriter
{
  public:
    //! Fills one layer; false when the sink refused a feature.
    using FeatureFiller = std::function<bool( QgsFeatureSink & )>;
    //! Writes every layer of the file through the given writer.
    using LayersWriter = std::function<GisError( GeoPackageLayerWriter & )>;

    GeoPackageLayerWriter( const QString &path, const QgsCoordinateReferenceSystem &crs );

    //! The first layer creates the file, later ones are added to it.
    GisError writeLayer( const QString &layerName, const QgsFields &fields, QgsWkbTypes::Type type, const FeatureFiller &fill );

    //! Runs \a writeLayers on a temporary GeoPackage beside \a path and renames it to \a path
    //! on success; on any failure the temporary file is removed and \a path is left untouched.
    static GisError writeAtomically( const QString &path, const QgsCoordinateReferenceSystem &crs, const LayersWriter &writeLayers );

  private:
    GisError failure( const QString &layerName, const QString &detail ) const;

    QString mPath;
    QgsCoordinateReferenceSystem mCrs;
    bool mFirstLayer = true;
};

} // namespace gf::gis
