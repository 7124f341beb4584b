#pragma once
// One layer of a project file opened through the OGR provider, with the transform into the
// project's metric CRS and typed access to fields by name. Every reader goes through it,
// so errors name the file, layer, field and feature the same way everywhere.
#include "engine/graph/road_graph.h"
#include "gis/common/gis_error.h"
#include "gis/crs/china_offset_datum.h"

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgsfeature.h>
#include <qgswkbtypes.h>

#include <QString>
#include <memory>
#include <optional>
#include <variant>

class QgsVectorLayer;

namespace gf::gis {

class LayerSource
{
  public:
    //! Opens layer \a layerName of \a path; the geometry must be of \a expectedType.
    //! \a encoding overrides the declared attribute encoding (Shapefiles without .cpg).
    static std::variant<std::unique_ptr<LayerSource>, GisError> open( const QString &path, const QString &layerName,
                                                                      QgsWkbTypes::GeometryType expectedType,
                                                                      const QString &encoding = QString() );
    //! True when \a path holds a layer called \a layerName.
    static bool hasLayer( const QString &path, const QString &layerName );
    //! Names of the layers of \a path with geometry \a type, in source order.
    static QStringList layerNames( const QString &path, QgsWkbTypes::GeometryType type );

    ~LayerSource();

    QgsVectorLayer *layer() const { return mLayer.get(); }
    QgsCoordinateReferenceSystem crs() const;
    //! Subsequent geometries are transformed into \a target.
    void setTargetCrs( const QgsCoordinateReferenceSystem &target );
    //! The layer's lon/lat are in a web-map datum (GCJ-02, BD-09): geometries are moved to
    //! WGS 84 before the transform. An error when the layer CRS is not geographic.
    GisError setOffsetDatum( OffsetDatum datum );
    //! Geometry of \a feature in the target CRS.
    QgsGeometry targetGeometry( const QgsFeature &feature ) const;

    bool hasField( const QString &name ) const;
    //! Error unless the layer has the field.
    GisError requireField( const QString &name ) const;

    //! Field value or \a fallback when the field is missing or NULL.
    QString text( const QgsFeature &feature, const QString &field, const QString &fallback = QString() ) const;
    //! Yes/no value (yes, y, 1, true, 是); false when missing.
    bool flag( const QgsFeature &feature, const QString &field ) const;
    //! Numeric value; \a fallback when missing or NULL, an error when not a number.
    std::variant<double, GisError> number( const QgsFeature &feature, const QString &field, double fallback ) const;

    //! Time window from two "HH:MM" fields; an empty window when both are missing or NULL,
    //! an error naming the field when one is malformed.
    std::variant<gf::TimeWindow, GisError> timeWindow( const QgsFeature &feature, const QString &startField, const QString &endField ) const;

    GisError error( GisErrorCode code, const QString &field = QString(), qint64 row = -1, const QString &value = QString() ) const;

  private:
    LayerSource( const QString &path, const QString &layerName, std::unique_ptr<QgsVectorLayer> layer );

    QString mPath;
    QString mLayerName;
    std::unique_ptr<QgsVectorLayer> mLayer;
    QgsCoordinateTransform mTransform;
    OffsetDatum mOffsetDatum = OffsetDatum::None;
};

} // namespace gf::gis
