#pragma once
#include "district.h"

#include <string>

namespace gf::sample {

//! Project facts written into the `gf_project` table.
struct ProjectInfo
{
  std::string name;
  std::string preset;
  std::string crs;
  std::string generatorVersion;
  long long seed = 0;
};

/**
 * \brief Writes a District as a GeoPackage with GDAL/OGR, atomically: the file is built
 * beside the target under a temporary name and renamed over it only when complete.
 */
class GpkgWriter
{
  public:
    //! EPSG code of every layer.
    explicit GpkgWriter( int epsg );

    //! Returns an empty string on success, otherwise what went wrong.
    std::string write( const District &district, const ProjectInfo &project, const std::string &path ) const;

  private:
    int mEpsg = 0;
};

} // namespace gf::sample
