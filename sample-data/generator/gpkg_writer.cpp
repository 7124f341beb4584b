#include "gpkg_writer.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace gf::sample {

namespace {

// GDAL stamps gpkg_contents.last_change with the current time unless told otherwise;
// a fixed date keeps repeated runs identical.
constexpr const char *kFixedTimestamp = "2023-06-01T00:00:00.000Z";

struct FieldSpec
{
  const char *name;
  OGRFieldType type;
};

struct FeatureDeleter
{
  void operator()( OGRFeature *feature ) const { OGRFeature::DestroyFeature( feature ); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

struct DatasetCloser
{
  void operator()( GDALDataset *dataset ) const { GDALClose( dataset ); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

std::string lastGdalError( const std::string &what )
{
  const std::string detail = CPLGetLastErrorMsg();
  return detail.empty() ? what : what + ": " + detail;
}

OGRLinearRing toLinearRing( const Ring &ring )
{
  OGRLinearRing linear;
  for ( const Point2 &p : ring )
    linear.addPoint( p.x, p.y );
  linear.closeRings();
  return linear;
}

std::unique_ptr<OGRGeometry> polygonGeometry( const Ring &ring )
{
  auto polygon = std::make_unique<OGRPolygon>();
  OGRLinearRing linear = toLinearRing( ring );
  polygon->addRing( &linear );
  return polygon;
}

std::unique_ptr<OGRGeometry> pointGeometry( const Point2 &p )
{
  return std::make_unique<OGRPoint>( p.x, p.y );
}

std::unique_ptr<OGRGeometry> lineGeometry( const Polyline &points )
{
  auto line = std::make_unique<OGRLineString>();
  for ( const Point2 &p : points )
    line->addPoint( p.x, p.y );
  return line;
}

//! Sets one attribute per call; names must match the layer's FieldSpecs.
using FeatureFiller = std::function<void( OGRFeature &feature, std::size_t index )>;
using GeometryMaker = std::function<std::unique_ptr<OGRGeometry>( std::size_t index )>;

class LayerWriter
{
  public:
    LayerWriter( GDALDataset &dataset, OGRSpatialReference *srs )
      : mDataset( dataset )
      , mSrs( srs )
    {}

    std::string write( const char *name, OGRwkbGeometryType type, const char *description, const std::vector<FieldSpec> &fields,
                       std::size_t count, const GeometryMaker &geometry, const FeatureFiller &fill ) const
    {
      char **options = nullptr;
      options = CSLSetNameValue( options, "FID", "fid" );
      options = CSLSetNameValue( options, "IDENTIFIER", name );
      options = CSLSetNameValue( options, "DESCRIPTION", description );
      if ( type != wkbNone )
      {
        options = CSLSetNameValue( options, "GEOMETRY_NAME", "geom" );
        options = CSLSetNameValue( options, "SPATIAL_INDEX", "YES" );
      }
      OGRLayer *layer = mDataset.CreateLayer( name, type == wkbNone ? nullptr : mSrs, type, options );
      CSLDestroy( options );
      if ( !layer )
        return lastGdalError( std::string( "cannot create layer " ) + name );
      for ( const FieldSpec &spec : fields )
      {
        OGRFieldDefn field( spec.name, spec.type );
        if ( layer->CreateField( &field ) != OGRERR_NONE )
          return lastGdalError( std::string( "cannot create field " ) + spec.name );
      }
      if ( layer->StartTransaction() != OGRERR_NONE )
        return lastGdalError( "cannot start a transaction" );
      for ( std::size_t k = 0; k < count; ++k )
      {
        FeaturePtr feature( OGRFeature::CreateFeature( layer->GetLayerDefn() ) );
        if ( geometry )
          feature->SetGeometryDirectly( geometry( k ).release() );
        fill( *feature, k );
        if ( layer->CreateFeature( feature.get() ) != OGRERR_NONE )
          return lastGdalError( std::string( "cannot write a feature to " ) + name );
      }
      if ( layer->CommitTransaction() != OGRERR_NONE )
        return lastGdalError( std::string( "cannot commit layer " ) + name );
      return {};
    }

  private:
    GDALDataset &mDataset;
    OGRSpatialReference *mSrs = nullptr;
};

void setOptionalText( OGRFeature &feature, const char *field, const std::string &value )
{
  if ( !value.empty() )
    feature.SetField( field, value.c_str() );
}

} // namespace

GpkgWriter::GpkgWriter( int epsg )
  : mEpsg( epsg )
{
}

std::string GpkgWriter::write( const District &district, const ProjectInfo &project, const std::string &path ) const
{
  GDALAllRegister();
  CPLErrorReset();
  CPLSetConfigOption( "OGR_CURRENT_DATE", kFixedTimestamp );
  GDALDriver *driver = GetGDALDriverManager()->GetDriverByName( "GPKG" );
  if ( !driver )
    return "the GDAL GeoPackage driver is not available";

  // Keeps the .gpkg extension, which the driver expects.
  const std::string partial = path + ".partial.gpkg";
  VSIUnlink( partial.c_str() );
  DatasetPtr dataset( driver->Create( partial.c_str(), 0, 0, 0, GDT_Unknown, nullptr ) );
  if ( !dataset )
    return lastGdalError( "cannot create " + partial );

  OGRSpatialReference srs;
  if ( srs.importFromEPSG( mEpsg ) != OGRERR_NONE )
    return "unknown CRS EPSG:" + std::to_string( mEpsg );
  srs.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
  const LayerWriter writer( *dataset, &srs );

  const std::vector<std::function<std::string()>> steps = {
    [&] {
      return writer.write( "boundary", wkbPolygon, "District outline (synthetic)", { { "name", OFTString }, { "adcode", OFTString } }, 1,
                           [&]( std::size_t ) { return polygonGeometry( district.boundary ); },
                           [&]( OGRFeature &f, std::size_t ) {
                             f.SetField( "name", district.name.c_str() );
                             f.SetField( "adcode", district.adcode.c_str() );
                           } );
    },
    [&] {
      return writer.write( "roads", wkbLineString, "Road segments between junctions",
                           { { "road_class", OFTString }, { "name", OFTString }, { "speed_kmh", OFTInteger }, { "oneway", OFTInteger },
                             { "truck_restricted", OFTInteger }, { "restrict_start", OFTString }, { "restrict_end", OFTString }, { "lanes", OFTInteger } },
                           district.roads.size(), [&]( std::size_t k ) { return lineGeometry( district.roads[k].points ); },
                           [&]( OGRFeature &f, std::size_t k ) {
                             const RoadAttributes &a = district.roads[k].attributes;
                             f.SetField( "road_class", a.roadClass.c_str() );
                             setOptionalText( f, "name", a.name );
                             f.SetField( "speed_kmh", a.speedKmh );
                             f.SetField( "oneway", a.oneway );
                             f.SetField( "truck_restricted", a.truckRestricted );
                             setOptionalText( f, "restrict_start", a.restrictStart );
                             setOptionalText( f, "restrict_end", a.restrictEnd );
                             f.SetField( "lanes", a.lanes );
                           } );
    },
    [&] {
      return writer.write( "parcels", wkbPolygon, "Land parcels with third land survey classes",
                           { { "DLBM", OFTString }, { "DLMC", OFTString }, { "area_m2", OFTReal } }, district.parcels.size(),
                           [&]( std::size_t k ) { return polygonGeometry( district.parcels[k].ring ); },
                           [&]( OGRFeature &f, std::size_t k ) {
                             const Parcel &p = district.parcels[k];
                             f.SetField( "DLBM", p.dlbm.c_str() );
                             f.SetField( "DLMC", p.dlmc.c_str() );
                             f.SetField( "area_m2", p.areaM2 );
                           } );
    },
    [&] {
      return writer.write( "demand", wkbPoint, "Freight demand survey points",
                           { { "demand_type", OFTString }, { "name", OFTString }, { "parcels_per_day", OFTInteger }, { "tonnes_per_day", OFTReal },
                             { "joint_distribution", OFTString } },
                           district.demand.size(), [&]( std::size_t k ) { return pointGeometry( district.demand[k].location ); },
                           [&]( OGRFeature &f, std::size_t k ) {
                             const DemandPoint &d = district.demand[k];
                             f.SetField( "demand_type", d.demandType.c_str() );
                             f.SetField( "name", d.name.c_str() );
                             f.SetField( "parcels_per_day", d.parcelsPerDay );
                             f.SetField( "tonnes_per_day", d.tonnesPerDay );
                             f.SetField( "joint_distribution", d.jointDistribution ? "yes" : "no" );
                           } );
    },
    [&] {
      return writer.write( "hubs", wkbPoint, "Freight hubs (logistics parks)", { { "name", OFTString }, { "capacity_tonnes_per_day", OFTInteger } },
                           district.hubs.size(), [&]( std::size_t k ) { return pointGeometry( district.hubs[k].location ); },
                           [&]( OGRFeature &f, std::size_t k ) {
                             f.SetField( "name", district.hubs[k].name.c_str() );
                             f.SetField( "capacity_tonnes_per_day", district.hubs[k].capacityTonnesPerDay );
                           } );
    },
    [&] {
      return writer.write( "outlets", wkbPoint, "Existing outlets: candidate end stations",
                           { { "outlet_type", OFTString }, { "name", OFTString }, { "capacity_parcels_per_day", OFTInteger } }, district.outlets.size(),
                           [&]( std::size_t k ) { return pointGeometry( district.outlets[k].location ); },
                           [&]( OGRFeature &f, std::size_t k ) {
                             const Outlet &o = district.outlets[k];
                             f.SetField( "outlet_type", o.outletType.c_str() );
                             f.SetField( "name", o.name.c_str() );
                             f.SetField( "capacity_parcels_per_day", o.capacityParcelsPerDay );
                           } );
    },
    [&] {
      return writer.write( "control_lines", wkbPolygon, "Planning control lines", { { "line_type", OFTString }, { "name", OFTString } },
                           district.controlLines.size(), [&]( std::size_t k ) { return polygonGeometry( district.controlLines[k].ring ); },
                           [&]( OGRFeature &f, std::size_t k ) {
                             f.SetField( "line_type", district.controlLines[k].lineType.c_str() );
                             f.SetField( "name", district.controlLines[k].name.c_str() );
                           } );
    },
    [&] {
      return writer.write( "gf_project", wkbNone, "GreenFreight project metadata",
                           { { "name", OFTString }, { "preset", OFTString }, { "crs", OFTString }, { "generator_version", OFTString }, { "seed", OFTInteger64 } },
                           1, nullptr,
                           [&]( OGRFeature &f, std::size_t ) {
                             f.SetField( "name", project.name.c_str() );
                             f.SetField( "preset", project.preset.c_str() );
                             f.SetField( "crs", project.crs.c_str() );
                             f.SetField( "generator_version", project.generatorVersion.c_str() );
                             f.SetField( "seed", static_cast<GIntBig>( project.seed ) );
                           } );
    },
  };

  for ( const auto &step : steps )
  {
    const std::string error = step();
    if ( !error.empty() )
    {
      dataset.reset();
      VSIUnlink( partial.c_str() );
      return error;
    }
  }

  dataset.reset();
  if ( CPLGetLastErrorType() == CE_Failure )
  {
    VSIUnlink( partial.c_str() );
    return lastGdalError( "cannot finish " + partial );
  }
  if ( std::rename( partial.c_str(), path.c_str() ) != 0 )
  {
    VSIUnlink( partial.c_str() );
    return "cannot move " + partial + " to " + path;
  }
  return {};
}

} // namespace gf::sample
