// greenfreight-sample-generator OUTPUT.gpkg
// Writes the synthetic Zhangdian demo district. The same binary always writes the same content.

#include "district_generator.h"
#include "gpkg_writer.h"

#include <ogr_spatialref.h>

#include <cmath>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <string>

namespace {

constexpr std::uint64_t kSeed = 370303;          // Zhangdian's administrative code
constexpr int kTargetEpsg = 4548;                // CGCS2000 / 3-degree Gauss-Kruger CM 117E
constexpr int kGeographicEpsg = 4490;            // CGCS2000
constexpr double kCentreLongitude = 118.05;      // Zhangdian, Zibo
constexpr double kCentreLatitude = 36.80;
constexpr double kHalfExtentM = 5000.0;
constexpr const char *kGeneratorVersion = "1.0";

void printUsage( std::ostream &out )
{
  out << "Usage: greenfreight-sample-generator OUTPUT.gpkg\n"
         "Writes the synthetic Zhangdian demo district (EPSG:4548) as a GeoPackage.\n"
         "An existing OUTPUT is replaced atomically once the new file is complete.\n";
}

//! District origin (south-west of the local frame) in EPSG:4548, rounded to 10 m so it does
//! not depend on the last digits of the PROJ version in use.
bool districtOrigin( gf::sample::Point2 &origin, std::string &error )
{
  OGRSpatialReference geographic;
  OGRSpatialReference projected;
  if ( geographic.importFromEPSG( kGeographicEpsg ) != OGRERR_NONE || projected.importFromEPSG( kTargetEpsg ) != OGRERR_NONE )
  {
    error = "the PROJ database does not know EPSG:4490 or EPSG:4548";
    return false;
  }
  geographic.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
  projected.SetAxisMappingStrategy( OAMS_TRADITIONAL_GIS_ORDER );
  std::unique_ptr<OGRCoordinateTransformation> transform( OGRCreateCoordinateTransformation( &geographic, &projected ) );
  double x = kCentreLongitude;
  double y = kCentreLatitude;
  if ( !transform || !transform->Transform( 1, &x, &y ) )
  {
    error = "cannot transform the district centre to EPSG:4548";
    return false;
  }
  origin.x = std::round( x / 10.0 ) * 10.0 - kHalfExtentM;
  origin.y = std::round( y / 10.0 ) * 10.0 - kHalfExtentM;
  return true;
}

} // namespace

int main( int argc, char **argv )
{
  if ( argc == 2 && ( std::strcmp( argv[1], "--help" ) == 0 || std::strcmp( argv[1], "-h" ) == 0 ) )
  {
    printUsage( std::cout );
    return 0;
  }
  if ( argc != 2 || argv[1][0] == '-' )
  {
    printUsage( std::cerr );
    return 2;
  }
  const std::string output = argv[1];

  gf::sample::Point2 origin;
  std::string error;
  if ( !districtOrigin( origin, error ) )
  {
    std::cerr << "greenfreight-sample-generator: " << error << '\n';
    return 1;
  }

  gf::sample::DistrictGenerator generator( kSeed, origin );
  const gf::sample::District district = generator.generate();

  gf::sample::ProjectInfo project;
  project.name = "张店区绿色货运配送示范（合成样例）";
  project.preset = "zhangdian";
  project.crs = "EPSG:" + std::to_string( kTargetEpsg );
  project.generatorVersion = kGeneratorVersion;
  project.seed = static_cast<long long>( kSeed );

  error = gf::sample::GpkgWriter( kTargetEpsg ).write( district, project, output );
  if ( !error.empty() )
  {
    std::cerr << "greenfreight-sample-generator: " << error << '\n';
    return 1;
  }

  std::map<std::string, int> roadClasses;
  for ( const gf::sample::Road &road : district.roads )
    ++roadClasses[road.attributes.roadClass];
  std::cout << "Wrote " << output << ": " << district.roads.size() << " road segments (";
  for ( const auto &[roadClass, count] : roadClasses )
    std::cout << roadClass << ' ' << count << ( roadClass == roadClasses.rbegin()->first ? "" : ", " );
  std::cout << "), " << district.parcels.size() << " parcels, " << district.demand.size() << " demand points, " << district.hubs.size()
            << " hubs, " << district.outlets.size() << " outlets, " << district.controlLines.size() << " control lines\n";
  return 0;
}
