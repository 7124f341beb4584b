#pragma once
// Reads road lines from any OGR source (GeoPackage, Shapefile with its .cpg or a chosen
// encoding, FileGDB, GeoJSON, OSM PBF/XML) into engine segments in a metric CRS, with
// attribute mapping and per-class defaults for missing fields.
#include "engine/graph/road_graph_builder.h"
#include "gis/common/gis_error.h"

#include <qgscoordinatereferencesystem.h>

#include <QString>
#include <QStringList>
#include <variant>
#include <vector>

namespace gf::gis {

//! Which source fields carry the road attributes; an empty name means "not available".
struct RoadFieldMapping
{
  QString roadClass = QStringLiteral( "road_class" );
  QString speedKmh = QStringLiteral( "speed_kmh" );
  QString oneWay = QStringLiteral( "oneway" );
  QString truckRestricted = QStringLiteral( "truck_restricted" );
  QString restrictStart = QStringLiteral( "restrict_start" );
  QString restrictEnd = QStringLiteral( "restrict_end" );
  QString bridge = QStringLiteral( "bridge" );  //!< 0/1 or yes/no
  QString tunnel = QStringLiteral( "tunnel" );  //!< 0/1 or yes/no
  QString layer = QStringLiteral( "layer" );    //!< integer level, as OSM's layer=*

  //! OpenStreetMap as read by OGR: `highway`, and oneway/maxspeed/hgv/access/bridge/tunnel/layer
  //! in `other_tags`.
  static RoadFieldMapping openStreetMap();
  bool isOpenStreetMap() const { return mOsm; }

  private:
    bool mOsm = false;
};

struct RoadImportOptions
{
  QString layerName;                      //!< empty: "roads", else the only line layer ("lines" for OSM)
  QString encoding;                       //!< empty: as declared by the source (.cpg), else e.g. "GBK"
  RoadFieldMapping fields;                //!< OSM sources switch to openStreetMap() automatically
  QgsCoordinateReferenceSystem targetCrs; //!< invalid: the layer's own if metric, else the CGCS2000 GK zone
  //! Join roads where they cross at grade; bridges and tunnels stay unconnected. Passed on
  //! in RoadImport::buildOptions.
  bool nodeAtCrossings = false;
};

struct RoadImport
{
  std::vector<gf::RoadSegmentInput> segments;
  std::vector<qint64> sourceIds;          //!< feature id per segment
  gf::RoadGraphBuildOptions buildOptions; //!< how to build the graph from the segments, per the options
  QgsCoordinateReferenceSystem crs;       //!< CRS of the segments
  QString layerName;
  QStringList warnings;                   //!< translated
};

class RoadLayerImporter
{
  public:
    static std::variant<RoadImport, GisError> import( const QString &path, const RoadImportOptions &options = RoadImportOptions() );

    //! The metric CRS for analysis around a layer in \a crs with extent centre \a centre.
    static QgsCoordinateReferenceSystem analysisCrs( const QgsCoordinateReferenceSystem &crs, const QgsPointXY &centre );
};

} // namespace gf::gis
