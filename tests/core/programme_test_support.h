#pragma once
// Fixture builders shared by the programme tests: a small land-use table, rectangles and
// roads in metres.
#include "engine/landuse/land_use_table.h"
#include "engine/scenario/scenario.h"

#include <string>
#include <vector>

namespace gf::test {

//! Survey codes 0508 logistics (suitable everywhere), 05H1 commercial, 0701 residential,
//! 0103 dry land, 1101 river; 2023 codes 1101 logistics and 0901 commercial.
inline LandUseTable fixtureLandUseTable()
{
  const std::string csv = "system,code,name_zh,name_en,crosswalk,commercial,centre,station,charging\n"
                          "dlbm,0508,物流仓储用地,Logistics,1101,0,suitable,suitable,suitable\n"
                          "dlbm,05H1,商业服务业设施用地,Commercial,0901,1,conditional,suitable,suitable\n"
                          "dlbm,0701,城镇住宅用地,Urban residential,0701,0,excluded,conditional,conditional\n"
                          "dlbm,0103,旱地,Dry land,0103,0,excluded,excluded,excluded\n"
                          "dlbm,1101,河流水面,River,1701,0,excluded,excluded,excluded\n"
                          "ydyh2023,1101,物流仓储用地,Logistics,0508,0,suitable,suitable,conditional\n"
                          "ydyh2023,0901,商业用地,Commercial,05H1,1,conditional,suitable,suitable\n";
  return *LandUseTable::fromCsv( csv );
}

inline Polygon rectangle( double x0, double y0, double x1, double y1 )
{
  Polygon polygon;
  polygon.rings.push_back( { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 } } );
  return polygon;
}

inline LandParcel parcel( std::int64_t id, const std::string &code, Polygon shape, LandUseSystem system = LandUseSystem::Dlbm )
{
  LandParcel result;
  result.landUseSystem = system;
  result.sourceId = id;
  result.landUseCode = code;
  result.shape = std::move( shape );
  return result;
}

inline RoadSegmentInput road( std::vector<PointXY> points, RoadClass roadClass )
{
  RoadSegmentInput segment;
  segment.points = std::move( points );
  segment.roadClass = roadClass;
  return segment;
}

inline ControlLine controlLine( ControlLineType type, Polygon shape )
{
  ControlLine line;
  line.type = type;
  line.shape = std::move( shape );
  return line;
}

} // namespace gf::test
