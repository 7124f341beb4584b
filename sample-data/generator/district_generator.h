#pragma once
#include "district.h"
#include "name_pool.h"
#include "sample_random.h"
#include "warped_grid.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace gf::sample {

/**
 * \brief Builds the synthetic Zhangdian district: a warped arterial grid with a ring,
 * collectors, irregular branch streets, parcels with land-use codes, survey demand,
 * freight hubs, outlets and control lines.
 *
 * Geometry is generated in local metres (0–10 km) and placed at originM at the end, rounded
 * to centimetres so that equal vertices stay equal in every consumer.
 */
class DistrictGenerator
{
  public:
    DistrictGenerator( std::uint64_t seed, Point2 originM );

    //! Call once per generator: the random stream continues between calls.
    District generate();

  private:
    //! What a block of about 600 × 600 m is used for; decides streets and land use.
    enum class Zone
    {
      Farmland,
      PeriUrban,
      Residential,
      Core,
      Campus,
      Industrial,
      OldIndustrial,
      Hub,
      Park,
      Interchange,
    };

    //! Across-strip coordinate as a function of the along-strip coordinate, both in [0, 1].
    using AcrossFunction = std::function<double( double )>;

    //! A curve of one block sampled in world metres, so neighbours cut from it share vertices.
    struct SampledCurve
    {
      std::vector<double> along;
      Polyline points;
      Point2 pointAt( double b ) const;
      Polyline section( double from, double to ) const;
    };

    //! Quarter of a superblock: acrossU strips run along v, otherwise along u.
    struct Block
    {
      int i = 0;
      int j = 0;
      bool acrossU = true;
      double alongFrom = 0.0;
      double alongTo = 1.0;
      AcrossFunction first;
      AcrossFunction second;
      bool curvedEdges = false;
      Zone zone = Zone::Residential;
    };

    Zone superblockZone( int i, int j ) const;
    Zone quarterZone( int i, int j, int quarterU, int quarterV ) const;
    double riverU( double globalV ) const;
    bool isRingCorner( int i, int j, int quarterU, int quarterV ) const;

    SampledCurve sampleCurve( const Block &block, const AcrossFunction &across, int intervals ) const;
    Point2 blockPoint( const Block &block, double across, double along ) const;

    void addArterials();
    void addCollectors();
    void addRiverCorridor();
    void addBlocks();
    void subdivideBlock( const Block &block );
    void addRingCorners();
    void addIsolatedTracks();
    void addHubs();
    void addDemand();
    void addOutlets();
    void addControlLines();
    void placeAndRound();

    void addRoad( Polyline points, const char *roadClass, const std::string &name, Point2 contextM, bool oneway = false );
    void addParcel( Ring ring, Zone zone, const char *dlbm );
    const char *drawLandUse( Zone zone, const Point2 &centreM );
    Point2 interiorPoint( const Ring &ring, double marginM );
    std::vector<std::size_t> shuffledParcels( const std::function<bool( std::size_t )> &accept );

    SampleRandom mRandom;
    Point2 mOriginM;
    WarpedGrid mGrid;
    std::vector<double> mCollectorU; //!< per superblock column
    std::vector<double> mCollectorV; //!< per superblock row
    std::vector<Road> mDrawnRoads;   //!< before noding
    std::vector<Zone> mParcelZones;  //!< parallel to mDistrict.parcels
    NamePool mStreetNames;
    NamePool mIndustryStreetNames;
    District mDistrict;
};

} // namespace gf::sample
