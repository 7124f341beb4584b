#include "gis/network/service_area_polygons.h"

#include "gis/common/geometry_conversion.h"
#include "gis/io/geopackage_layer_writer.h"

#include <qgsfeature.h>
#include <qgsfields.h>

#include <QVector>

namespace gf::gis {

std::vector<ServiceAreaPolygon> ServiceAreaPolygons::build( const gf::ServiceArea &area, const ServiceAreaPolygonOptions &options )
{
  std::vector<ServiceAreaPolygon> polygons;
  polygons.reserve( area.bands.size() );
  QgsGeometry previous;
  for ( const gf::ServiceAreaBand &band : area.bands )
  {
    // The previous polygon joins the union, so nesting holds exactly despite GEOS rounding.
    QVector<QgsGeometry> parts;
    if ( !previous.isNull() )
      parts << previous;
    for ( const std::vector<gf::ServiceAreaLine> *lines : { &band.lines, &band.accessLeg } )
    {
      for ( const gf::ServiceAreaLine &line : *lines )
        parts << toQgsPolyline( { line.from, line.to } ).buffer( options.trimDistanceM, options.segmentsPerQuarter );
    }
    ServiceAreaPolygon polygon;
    polygon.threshold = band.threshold;
    polygon.reachableLengthM = band.reachableLengthM;
    if ( !parts.isEmpty() )
    {
      polygon.polygon = QgsGeometry::unaryUnion( parts );
      if ( options.maxFilledHoleAreaM2 > 0.0 )
        polygon.polygon = polygon.polygon.removeInteriorRings( options.maxFilledHoleAreaM2 );
      polygon.polygon.convertToMultiType();
      previous = polygon.polygon;
    }
    polygons.push_back( std::move( polygon ) );
  }
  return polygons;
}

GisError ServiceAreaPolygons::write( const QString &path, const QgsCoordinateReferenceSystem &crs,
                                     const std::vector<ServiceAreaPolygon> &polygons )
{
  QgsFields fields;
  fields.append( QgsField( QStringLiteral( "threshold_m" ), QVariant::Double ) );
  fields.append( QgsField( QStringLiteral( "area_m2" ), QVariant::Double ) );
  fields.append( QgsField( QStringLiteral( "reachable_length_m" ), QVariant::Double ) );
  return GeoPackageLayerWriter::writeAtomically( path, crs, [&]( GeoPackageLayerWriter &writer ) {
    return writer.writeLayer( QStringLiteral( "service_areas" ), fields, QgsWkbTypes::MultiPolygon, [&]( QgsFeatureSink &sink ) {
      for ( const ServiceAreaPolygon &polygon : polygons )
      {
        QgsFeature feature( fields );
        if ( !polygon.polygon.isNull() )
          feature.setGeometry( polygon.polygon );
        feature.setAttributes( QVector<QVariant>{ polygon.threshold / gf::kCostUnitsPerBaseUnit,
                                                  polygon.polygon.isNull() ? 0.0 : polygon.polygon.area(), polygon.reachableLengthM } );
        if ( !sink.addFeature( feature, QgsFeatureSink::FastInsert ) )
          return false;
      }
      return true;
    } );
  } );
}

} // namespace gf::gis
