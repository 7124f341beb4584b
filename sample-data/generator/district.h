#pragma once
#include <string>
#include <vector>

namespace gf::sample {

//! A position in metres: local district metres while generating, EPSG:4548 easting/northing once placed.
struct Point2
{
  double x = 0.0;
  double y = 0.0;
};

using Polyline = std::vector<Point2>;
using Ring = std::vector<Point2>; //!< closed implicitly: the first point is not repeated

//! Attributes of the `roads` layer; a restriction window is empty when truckRestricted is 0.
struct RoadAttributes
{
  std::string roadClass; //!< expressway, arterial, collector or branch
  std::string name;
  int speedKmh = 30;
  int oneway = 0; //!< 0 both directions, 1 digitising direction only
  int truckRestricted = 0;
  std::string restrictStart; //!< HH:MM
  std::string restrictEnd;   //!< HH:MM
  int lanes = 2;
};

struct Road
{
  Polyline points;
  RoadAttributes attributes;
};

struct Parcel
{
  Ring ring;
  std::string dlbm; //!< third land survey class code
  std::string dlmc; //!< its Chinese name
  double areaM2 = 0.0;
};

struct DemandPoint
{
  Point2 location;
  std::string demandType;
  std::string name;
  int parcelsPerDay = 0;
  double tonnesPerDay = 0.0;
  bool jointDistribution = false;
};

struct Hub
{
  Point2 location;
  std::string name;
  int capacityTonnesPerDay = 0;
};

struct Outlet
{
  Point2 location;
  std::string outletType;
  std::string name;
  int capacityParcelsPerDay = 0;
};

struct ControlLine
{
  Ring ring;
  std::string lineType; //!< basic_farmland, ecological_redline or urban_boundary
  std::string name;
};

//! Everything the sample GeoPackage holds, in output order.
struct District
{
  std::string name;
  std::string adcode;
  Ring boundary;
  std::vector<Road> roads;
  std::vector<Parcel> parcels;
  std::vector<DemandPoint> demand;
  std::vector<Hub> hubs;
  std::vector<Outlet> outlets;
  std::vector<ControlLine> controlLines;
};

} // namespace gf::sample
