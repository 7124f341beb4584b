#pragma once
// Opens the vector layers of a GeoPackage (a project or a plan) in drawing order, with the
// bundled styles and readable, translated names. The table name stays on each layer as a
// custom property, so code never depends on the display name.
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QgsMapLayer;
class QgsVectorLayer;

namespace gf::app {

struct LoadedLayers
{
  std::vector<std::unique_ptr<QgsVectorLayer>> layers;  //!< top of the map first
  QStringList invalidTables;                            //!< tables that failed to open
};

class LayerLoader
{
    Q_DECLARE_TR_FUNCTIONS( gf::app::LayerLoader )

  public:
    //! Custom property holding the GeoPackage table a layer was loaded from.
    static QString tablePropertyKey();

    //! The table \a layer was loaded from, empty for other layers.
    static QString tableName( const QgsMapLayer *layer );

    //! Translated name shown in the layer tree.
    static QString displayName( const QString &table );

    /**
     * Loads \a tables of the GeoPackage at \a path, or every table with geometry when
     * \a tables is empty, each styled when a bundled style of the same name exists.
     */
    static LoadedLayers load( const QString &path, const QStringList &tables = QStringList() );
};

} // namespace gf::app
