#include "district_generator.h"

#include "name_pool.h"
#include "road_noder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <string>

namespace gf::sample {

namespace {

constexpr int kCells = 8;                 // 8 × 1.25 km superblocks
constexpr double kCellM = 1250.0;
constexpr int kRingLow = 1;               // grid lines carrying the ring expressway
constexpr int kRingHigh = 7;
constexpr int kRiverColumn = 2;           // superblock column the river runs through
constexpr double kRiverHalfWidth = 0.025; // in superblock u; about 30 m
constexpr double kBankHalfWidth = 0.085;  // riverside roads sit here, green strips in between
constexpr double kRedLineHalfWidth = 0.07;
constexpr double kCornerRadius = 0.25;    // ring corners are rounded through the corner quarter
constexpr int kCurveIntervals = 12;
constexpr double kNodingToleranceM = 0.02;
constexpr double kPi = 3.14159265358979323846;
constexpr double kCoreHalfSizeM = 1200.0;

struct LandUseClass
{
  const char *code;
  const char *name;
};

// Third national land survey working classification (第三次全国国土调查工作分类).
constexpr std::array<LandUseClass, 14> kLandUseClasses = { {
  { "0101", "水田" },
  { "0102", "水浇地" },
  { "0103", "旱地" },
  { "0508", "物流仓储用地" },
  { "05H1", "商业服务业设施用地" },
  { "0601", "工业用地" },
  { "0701", "城镇住宅用地" },
  { "0810", "公园与绿地" },
  { "08H1", "机关团体新闻出版用地" },
  { "08H2", "科教文卫用地" },
  { "1004", "城镇村道路用地" },
  { "1101", "河流水面" },
  { "1104", "坑塘水面" },
  { "1201", "空闲地" },
} };

const char *landUseName( const std::string &code )
{
  for ( const LandUseClass &landUse : kLandUseClasses )
  {
    if ( code == landUse.code )
      return landUse.name;
  }
  return "";
}

struct Share
{
  const char *code;
  double weight;
};

// Place words for generated Chinese names (streets, communities, shops).
const std::vector<std::string> kPlaceWords = {
  "和平", "安居", "乐业", "翠竹", "青松", "梧桐", "丁香", "玉兰", "海棠", "桃园", "梨园", "杏林", "柳荫", "荷塘",
  "文化", "兴学", "育才", "科苑", "丰收", "幸福", "振华", "建设", "胜利", "光明", "团结", "友谊", "民生", "齐悦",
  "泰和", "昌盛", "兴业", "富源", "宝山", "金城", "银河", "星辰", "朝阳", "东风", "西城", "南苑", "北斗", "太平",
  "永安", "长宁", "惠民", "利民", "新华", "中兴", "华侨", "马尚", "湖田", "傅家", "沣水", "房镇", "南定", "中埠",
  "体育场", "车站", "公园", "鲁泰", "金茵", "丽景", "阳光", "锦绣", "书香", "颐丰", "凯瑞", "华府", "御景", "雍华",
  "紫园", "松龄", "齐园", "鲁中", "淄川", "新城", "桓台", "临淄", "博山", "周村", "沂源", "高青", "孝妇", "般阳",
};

const std::vector<std::string> kIndustryWords = {
  "机电", "化工", "建材", "纺织", "陶瓷", "医药", "新材料", "装备", "冶金", "电子", "精工", "汽配", "包装", "食品",
  "环保", "能源", "铝业", "玻璃", "泵业", "电机", "耐材", "钢构", "印染", "塑业",
};

double distance( const Point2 &a, const Point2 &b )
{
  return std::hypot( a.x - b.x, a.y - b.y );
}

double signedArea( const Ring &ring )
{
  if ( ring.size() < 3 )
    return 0.0;
  // Relative to the first vertex: projected coordinates are large and would lose digits.
  const Point2 base = ring.front();
  double twiceArea = 0.0;
  for ( std::size_t k = 1; k + 1 < ring.size(); ++k )
  {
    const double ax = ring[k].x - base.x;
    const double ay = ring[k].y - base.y;
    const double bx = ring[k + 1].x - base.x;
    const double by = ring[k + 1].y - base.y;
    twiceArea += ax * by - bx * ay;
  }
  return 0.5 * twiceArea;
}

bool containsPoint( const Ring &ring, const Point2 &p )
{
  bool inside = false;
  for ( std::size_t k = 0, previous = ring.size() - 1; k < ring.size(); previous = k++ )
  {
    const Point2 &a = ring[k];
    const Point2 &b = ring[previous];
    if ( ( a.y > p.y ) != ( b.y > p.y ) && p.x < ( b.x - a.x ) * ( p.y - a.y ) / ( b.y - a.y ) + a.x )
      inside = !inside;
  }
  return inside;
}

double distanceToSegment( const Point2 &p, const Point2 &a, const Point2 &b )
{
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double lengthSquared = dx * dx + dy * dy;
  double t = lengthSquared > 0.0 ? ( ( p.x - a.x ) * dx + ( p.y - a.y ) * dy ) / lengthSquared : 0.0;
  t = std::clamp( t, 0.0, 1.0 );
  return distance( p, { a.x + t * dx, a.y + t * dy } );
}

double distanceToRing( const Ring &ring, const Point2 &p )
{
  double best = std::numeric_limits<double>::max();
  for ( std::size_t k = 0, previous = ring.size() - 1; k < ring.size(); previous = k++ )
    best = std::min( best, distanceToSegment( p, ring[previous], ring[k] ) );
  return best;
}

Point2 placed( const Point2 &p, const Point2 &origin )
{
  return { std::round( ( p.x + origin.x ) * 100.0 ) / 100.0, std::round( ( p.y + origin.y ) * 100.0 ) / 100.0 };
}

double roundTo( double value, double step )
{
  return std::round( value / step ) * step;
}

void appendWithoutRepeat( Polyline &target, const Polyline &points )
{
  for ( const Point2 &p : points )
  {
    if ( target.empty() || target.back().x != p.x || target.back().y != p.y )
      target.push_back( p );
  }
}

} // namespace

Point2 DistrictGenerator::SampledCurve::pointAt( double b ) const
{
  for ( std::size_t k = 0; k < along.size(); ++k )
  {
    if ( along[k] == b )
      return points[k];
  }
  std::size_t k = 0;
  while ( k + 2 < along.size() && along[k + 1] < b )
    ++k;
  const double t = ( b - along[k] ) / ( along[k + 1] - along[k] );
  return { points[k].x + t * ( points[k + 1].x - points[k].x ), points[k].y + t * ( points[k + 1].y - points[k].y ) };
}

Polyline DistrictGenerator::SampledCurve::section( double from, double to ) const
{
  if ( from > to )
  {
    Polyline reversed = section( to, from );
    std::reverse( reversed.begin(), reversed.end() );
    return reversed;
  }
  Polyline result { pointAt( from ) };
  for ( std::size_t k = 0; k < along.size(); ++k )
  {
    if ( along[k] > from && along[k] < to )
      result.push_back( points[k] );
  }
  result.push_back( pointAt( to ) );
  return result;
}

DistrictGenerator::DistrictGenerator( std::uint64_t seed, Point2 originM )
  : mRandom( seed )
  , mOriginM( originM )
  , mGrid( kCells, kCellM, mRandom )
  , mStreetNames( kPlaceWords )
  , mIndustryStreetNames( kIndustryWords )
{
  for ( int k = 0; k < kCells; ++k )
  {
    mCollectorU.push_back( 0.5 + mRandom.uniform( -0.08, 0.08 ) );
    mCollectorV.push_back( 0.5 + mRandom.uniform( -0.08, 0.08 ) );
  }
}

District DistrictGenerator::generate()
{
  mDistrict = District();
  mDistrict.name = "张店区";
  mDistrict.adcode = "370303";
  for ( int i = 0; i < kCells; ++i )
    mDistrict.boundary.push_back( mGrid.node( i, 0 ) );
  for ( int j = 0; j < kCells; ++j )
    mDistrict.boundary.push_back( mGrid.node( kCells, j ) );
  for ( int i = kCells; i > 0; --i )
    mDistrict.boundary.push_back( mGrid.node( i, kCells ) );
  for ( int j = kCells; j > 0; --j )
    mDistrict.boundary.push_back( mGrid.node( 0, j ) );

  addArterials();
  addCollectors();
  addRiverCorridor();
  addBlocks();
  addRingCorners();
  addIsolatedTracks();
  mDistrict.roads = RoadNoder( kNodingToleranceM ).node( mDrawnRoads );
  addHubs();
  addDemand();
  addOutlets();
  addControlLines();
  placeAndRound();
  return mDistrict;
}

DistrictGenerator::Zone DistrictGenerator::superblockZone( int i, int j ) const
{
  if ( j == 0 || ( i == 0 && j <= 4 ) )
    return Zone::Farmland;
  if ( i == 0 || ( j == kCells - 1 && i <= 2 ) )
    return Zone::PeriUrban;
  if ( i == kCells - 1 || j == kCells - 1 )
    return Zone::Industrial;
  if ( ( i == 3 || i == 4 ) && ( j == 3 || j == 4 ) )
    return Zone::Core;
  if ( i == 1 && j == 5 )
    return Zone::Campus;
  if ( i == 6 && ( j == 4 || j == 5 ) )
    return Zone::OldIndustrial;
  return Zone::Residential;
}

bool DistrictGenerator::isRingCorner( int i, int j, int quarterU, int quarterV ) const
{
  const int low = kRingLow;
  const int high = kRingHigh - 1;
  return ( i == low && j == low && quarterU == 0 && quarterV == 0 ) || ( i == high && j == low && quarterU == 1 && quarterV == 0 )
         || ( i == low && j == high && quarterU == 0 && quarterV == 1 ) || ( i == high && j == high && quarterU == 1 && quarterV == 1 );
}

DistrictGenerator::Zone DistrictGenerator::quarterZone( int i, int j, int quarterU, int quarterV ) const
{
  if ( isRingCorner( i, j, quarterU, quarterV ) )
    return Zone::Interchange;
  if ( i == 3 && j == 3 && quarterU == 1 && quarterV == 1 )
    return Zone::Park;
  // The two logistics parks sit in the outer quarters of a north and an east superblock.
  if ( ( i == 5 && j == kCells - 1 && quarterU == 1 && quarterV == 1 ) || ( i == kCells - 1 && j == 3 && quarterU == 1 && quarterV == 1 ) )
    return Zone::Hub;
  return superblockZone( i, j );
}

double DistrictGenerator::riverU( double globalV ) const
{
  return 0.5 + 0.16 * std::sin( 0.85 * globalV + 0.6 ) + 0.04 * std::sin( 2.3 * globalV );
}

Point2 DistrictGenerator::blockPoint( const Block &block, double across, double along ) const
{
  return block.acrossU ? mGrid.map( block.i, block.j, across, along ) : mGrid.map( block.i, block.j, along, across );
}

DistrictGenerator::SampledCurve DistrictGenerator::sampleCurve( const Block &block, const AcrossFunction &across, int intervals ) const
{
  SampledCurve curve;
  for ( int k = 0; k <= intervals; ++k )
  {
    const double b = k == intervals ? block.alongTo : block.alongFrom + ( block.alongTo - block.alongFrom ) * k / intervals;
    curve.along.push_back( b );
    curve.points.push_back( blockPoint( block, across( b ), b ) );
  }
  return curve;
}

void DistrictGenerator::addRoad( Polyline points, const char *roadClass, const std::string &name, Point2 contextM, bool oneway )
{
  RoadAttributes attributes;
  attributes.roadClass = roadClass;
  attributes.name = name;
  const Point2 ringLow = mGrid.node( kRingLow, kRingLow );
  const Point2 ringHigh = mGrid.node( kRingHigh, kRingHigh );
  const bool insideRing = contextM.x > ringLow.x + 60.0 && contextM.x < ringHigh.x - 60.0 && contextM.y > ringLow.y + 60.0 && contextM.y < ringHigh.y - 60.0;
  const Point2 centre = mGrid.node( kCells / 2, kCells / 2 );
  const bool inCore = std::abs( contextM.x - centre.x ) < kCoreHalfSizeM && std::abs( contextM.y - centre.y ) < kCoreHalfSizeM;
  const std::string roadClassName = roadClass;
  if ( roadClassName == "expressway" )
  {
    attributes.speedKmh = 80;
    attributes.lanes = 6;
  }
  else if ( roadClassName == "arterial" )
  {
    attributes.speedKmh = insideRing ? 50 : 60;
    attributes.lanes = insideRing ? 6 : 4;
  }
  else if ( roadClassName == "collector" )
  {
    attributes.speedKmh = 40;
    attributes.lanes = insideRing ? 4 : 2;
  }
  else
  {
    const bool track = name.find( "机耕路" ) != std::string::npos || name.find( "园路" ) != std::string::npos;
    attributes.speedKmh = track ? 20 : 30;
    attributes.lanes = track ? 1 : 2;
  }
  if ( oneway )
  {
    attributes.oneway = 1;
    attributes.lanes = 1;
    attributes.speedKmh = 20;
  }
  // Heavy trucks are banned from the centre in the daytime and from inner arterials at the morning peak.
  if ( roadClassName != "expressway" && inCore )
  {
    attributes.truckRestricted = 1;
    attributes.restrictStart = "07:00";
    attributes.restrictEnd = "20:00";
  }
  else if ( roadClassName == "arterial" && insideRing )
  {
    attributes.truckRestricted = 1;
    attributes.restrictStart = "07:00";
    attributes.restrictEnd = "09:00";
  }
  mDrawnRoads.push_back( { std::move( points ), attributes } );
}

void DistrictGenerator::addArterials()
{
  const std::array<const char *, kCells> rowNames = { "", "南外环路", "联通路", "共青团路", "人民路", "新村路", "华光路", "北外环路" };
  const std::array<const char *, kCells> columnNames = { "", "西外环路", "西五路", "西二路", "柳泉路", "中心路", "金晶大道", "东外环路" };

  // Where a ring edge leaves its straight line for the rounded corner at grid node (gi, gj).
  const auto cornerCut = [this]( int gi, int gj, bool onRow ) {
    const int i = gi == kRingLow ? kRingLow : kRingHigh - 1;
    const int j = gj == kRingLow ? kRingLow : kRingHigh - 1;
    const double cu = gi == kRingLow ? 0.0 : 1.0;
    const double cv = gj == kRingLow ? 0.0 : 1.0;
    const double su = gi == kRingLow ? 1.0 : -1.0;
    const double sv = gj == kRingLow ? 1.0 : -1.0;
    return onRow ? mGrid.map( i, j, cu + su * kCornerRadius, cv ) : mGrid.map( i, j, cu, cv + sv * kCornerRadius );
  };

  for ( int line = 1; line < kCells; ++line )
  {
    const bool ringLine = line == kRingLow || line == kRingHigh;
    for ( int k = 0; k < kCells; ++k )
    {
      for ( const bool onRow : { true, false } )
      {
        Point2 from = onRow ? mGrid.node( k, line ) : mGrid.node( line, k );
        Point2 to = onRow ? mGrid.node( k + 1, line ) : mGrid.node( line, k + 1 );
        const std::string name = onRow ? rowNames[static_cast<std::size_t>( line )] : columnNames[static_cast<std::size_t>( line )];
        const Point2 middle { 0.5 * ( from.x + to.x ), 0.5 * ( from.y + to.y ) };
        if ( !ringLine || k < kRingLow || k >= kRingHigh )
        {
          addRoad( { from, to }, "arterial", name, middle );
          continue;
        }
        // The ring bypasses its corner nodes; the straight stubs stay arterial.
        if ( k == kRingLow )
        {
          const Point2 cut = onRow ? cornerCut( kRingLow, line, true ) : cornerCut( line, kRingLow, false );
          addRoad( { from, cut }, "arterial", name, middle );
          from = cut;
        }
        if ( k == kRingHigh - 1 )
        {
          const Point2 cut = onRow ? cornerCut( kRingHigh, line, true ) : cornerCut( line, kRingHigh, false );
          addRoad( { cut, to }, "arterial", name, middle );
          to = cut;
        }
        addRoad( { from, to }, "expressway", name, middle );
      }
    }
  }
}

void DistrictGenerator::addRingCorners()
{
  for ( const int gi : { kRingLow, kRingHigh } )
  {
    for ( const int gj : { kRingLow, kRingHigh } )
    {
      const int i = gi == kRingLow ? kRingLow : kRingHigh - 1;
      const int j = gj == kRingLow ? kRingLow : kRingHigh - 1;
      const double cu = gi == kRingLow ? 0.0 : 1.0;
      const double cv = gj == kRingLow ? 0.0 : 1.0;
      const double su = gi == kRingLow ? 1.0 : -1.0;
      const double sv = gj == kRingLow ? 1.0 : -1.0;
      Polyline arc;
      for ( int step = 0; step <= kCurveIntervals; ++step )
      {
        const double phi = 0.5 * kPi * step / kCurveIntervals;
        // Exact ends so the arc shares its vertices with the straight ring edges.
        const double u = step == kCurveIntervals ? cu : cu + su * kCornerRadius * ( 1.0 - std::sin( phi ) );
        const double v = step == 0 ? cv : cv + sv * kCornerRadius * ( 1.0 - std::cos( phi ) );
        arc.push_back( mGrid.map( i, j, u, v ) );
      }
      const std::string name = std::string( gj == kRingLow ? "南" : "北" ) + ( gi == kRingLow ? "西" : "东" ) + "外环立交";
      addRoad( arc, "expressway", name, arc[arc.size() / 2] );
    }
  }
}

void DistrictGenerator::addCollectors()
{
  const std::array<const char *, kCells> rowNames = { "南定路", "世纪路", "上海路", "南京路", "杏园路", "北京路", "齐鲁路", "房镇路" };
  const std::array<const char *, kCells> columnNames = { "西七路", "西六路", "", "西一路", "东一路", "东二路", "东三路", "东四路" };
  for ( int j = 0; j < kCells; ++j )
  {
    for ( int i = 0; i < kCells; ++i )
    {
      const double uc = mCollectorU[static_cast<std::size_t>( i )];
      const double vc = mCollectorV[static_cast<std::size_t>( j )];
      const Point2 crossing = mGrid.map( i, j, uc, vc );
      Polyline row { mGrid.map( i, j, 0.0, vc ) };
      if ( i != kRiverColumn )
        row.push_back( crossing );
      row.push_back( mGrid.map( i, j, 1.0, vc ) );
      addRoad( row, "collector", rowNames[static_cast<std::size_t>( j )], mGrid.map( i, j, 0.5, vc ) );
      if ( i != kRiverColumn )
        addRoad( { mGrid.map( i, j, uc, 0.0 ), crossing, mGrid.map( i, j, uc, 1.0 ) }, "collector", columnNames[static_cast<std::size_t>( i )], crossing );
    }
  }
}

void DistrictGenerator::addRiverCorridor()
{
  const std::array<double, 4> offsets = { -kBankHalfWidth, -kRiverHalfWidth, kRiverHalfWidth, kBankHalfWidth };
  for ( int j = 0; j < kCells; ++j )
  {
    for ( const double bank : { -kBankHalfWidth, kBankHalfWidth } )
    {
      Polyline road;
      for ( int k = 0; k <= 2 * kCurveIntervals; ++k )
      {
        const double v = k == 2 * kCurveIntervals ? 1.0 : static_cast<double>( k ) / ( 2 * kCurveIntervals );
        road.push_back( mGrid.map( kRiverColumn, j, riverU( j + v ) + bank, v ) );
      }
      addRoad( road, "collector", bank < 0.0 ? "西滨河路" : "东滨河路", road[road.size() / 2] );
    }

    // Green bank, water, green bank: one parcel each per half superblock, cut like the blocks beside.
    for ( int half = 0; half < 2; ++half )
    {
      Block block;
      block.i = kRiverColumn;
      block.j = j;
      block.alongFrom = half == 0 ? 0.0 : mCollectorV[static_cast<std::size_t>( j )];
      block.alongTo = half == 0 ? mCollectorV[static_cast<std::size_t>( j )] : 1.0;
      std::vector<SampledCurve> curves;
      for ( const double offset : offsets )
        curves.push_back( sampleCurve( block, [this, j, offset]( double v ) { return riverU( j + v ) + offset; }, kCurveIntervals ) );
      for ( std::size_t m = 0; m + 1 < curves.size(); ++m )
      {
        Ring ring = curves[m].section( block.alongFrom, block.alongTo );
        appendWithoutRepeat( ring, curves[m + 1].section( block.alongTo, block.alongFrom ) );
        addParcel( ring, Zone::Park, m == 1 ? "1101" : "0810" );
      }
    }
  }
}

void DistrictGenerator::addBlocks()
{
  for ( int j = 0; j < kCells; ++j )
  {
    for ( int i = 0; i < kCells; ++i )
    {
      const double uc = mCollectorU[static_cast<std::size_t>( i )];
      const double vc = mCollectorV[static_cast<std::size_t>( j )];
      for ( int quarterV = 0; quarterV < 2; ++quarterV )
      {
        for ( int quarterU = 0; quarterU < 2; ++quarterU )
        {
          const double vFrom = quarterV == 0 ? 0.0 : vc;
          const double vTo = quarterV == 0 ? vc : 1.0;
          Block block;
          block.i = i;
          block.j = j;
          block.zone = quarterZone( i, j, quarterU, quarterV );
          if ( i == kRiverColumn )
          {
            // Beside the river the edge bends, so strips must run along it.
            block.acrossU = true;
            block.curvedEdges = true;
            block.alongFrom = vFrom;
            block.alongTo = vTo;
            if ( quarterU == 0 )
            {
              block.first = []( double ) { return 0.0; };
              block.second = [this, j]( double v ) { return riverU( j + v ) - kBankHalfWidth; };
            }
            else
            {
              block.first = [this, j]( double v ) { return riverU( j + v ) + kBankHalfWidth; };
              block.second = []( double ) { return 1.0; };
            }
          }
          else
          {
            const double uFrom = quarterU == 0 ? 0.0 : uc;
            const double uTo = quarterU == 0 ? uc : 1.0;
            block.acrossU = mRandom.chance( 0.5 );
            block.alongFrom = block.acrossU ? vFrom : uFrom;
            block.alongTo = block.acrossU ? vTo : uTo;
            const double acrossFrom = block.acrossU ? uFrom : vFrom;
            const double acrossTo = block.acrossU ? uTo : vTo;
            block.first = [acrossFrom]( double ) { return acrossFrom; };
            block.second = [acrossTo]( double ) { return acrossTo; };
          }
          subdivideBlock( block );
        }
      }
    }
  }
}

void DistrictGenerator::subdivideBlock( const Block &block )
{
  struct Layout
  {
    double stripWidthM;
    double parcelDepthM;
    double streetChance;
    double bendChance;
    double deadEndChance;
    double crossStreetChance;
    double onewayChance;
  };
  static const std::map<Zone, Layout> kLayouts = {
    { Zone::Core, { 95.0, 110.0, 0.92, 0.15, 0.1, 0.65, 0.15 } },
    { Zone::Residential, { 120.0, 150.0, 0.88, 0.4, 0.2, 0.5, 0.08 } },
    { Zone::PeriUrban, { 170.0, 200.0, 0.7, 0.45, 0.3, 0.25, 0.0 } },
    { Zone::Campus, { 200.0, 220.0, 0.6, 0.5, 0.3, 0.3, 0.0 } },
    { Zone::Industrial, { 200.0, 240.0, 0.7, 0.1, 0.25, 0.3, 0.0 } },
    { Zone::OldIndustrial, { 160.0, 200.0, 0.7, 0.1, 0.2, 0.3, 0.0 } },
    { Zone::Hub, { 300.0, 320.0, 0.0, 0.0, 0.0, 0.0, 0.0 } },
    { Zone::Farmland, { 260.0, 280.0, 0.12, 0.3, 0.5, 0.0, 0.0 } },
    { Zone::Park, { 1.0e9, 1.0e9, 0.0, 0.0, 0.0, 0.0, 0.0 } },
    { Zone::Interchange, { 1.0e9, 1.0e9, 0.0, 0.0, 0.0, 0.0, 0.0 } },
  };
  const Layout &layout = kLayouts.at( block.zone );

  const double b0 = block.alongFrom;
  const double b1 = block.alongTo;
  const double bMiddle = 0.5 * ( b0 + b1 );
  const double acrossM = distance( blockPoint( block, block.first( bMiddle ), bMiddle ), blockPoint( block, block.second( bMiddle ), bMiddle ) );
  const auto middleAcross = [&block]( double b ) { return 0.5 * ( block.first( b ) + block.second( b ) ); };
  const double alongM = distance( blockPoint( block, middleAcross( b0 ), b0 ), blockPoint( block, middleAcross( b1 ), b1 ) );
  const int strips = std::max( 1, static_cast<int>( std::lround( acrossM / layout.stripWidthM ) ) );

  const int edgeIntervals = block.curvedEdges ? kCurveIntervals : 1;
  std::vector<SampledCurve> curves { sampleCurve( block, block.first, edgeIntervals ) };
  std::vector<bool> curveIsStreet { false };
  for ( int m = 1; m < strips; ++m )
  {
    // Offsets stay below half a strip (0.1 + 0.1 + 0.25), so neighbouring curves never cross.
    const double share = ( m + mRandom.uniform( -0.1, 0.1 ) ) / strips;
    const double skew = mRandom.uniform( -0.2, 0.2 ) / strips;
    const double bend = mRandom.chance( layout.bendChance ) ? mRandom.uniform( -0.25, 0.25 ) / strips : 0.0;
    const AcrossFunction across = [&block, share, skew, bend, b0, b1]( double b ) {
      const double t = ( b - b0 ) / ( b1 - b0 );
      const double fraction = share + skew * ( t - 0.5 ) + bend * std::sin( kPi * t );
      return block.first( b ) + fraction * ( block.second( b ) - block.first( b ) );
    };
    const bool straight = !block.curvedEdges && skew == 0.0 && bend == 0.0;
    curves.push_back( sampleCurve( block, across, straight ? 1 : kCurveIntervals ) );
    curveIsStreet.push_back( mRandom.chance( layout.streetChance ) );
  }
  curves.push_back( sampleCurve( block, block.second, edgeIntervals ) );
  curveIsStreet.push_back( false );

  const bool industrial = block.zone == Zone::Industrial || block.zone == Zone::OldIndustrial || block.zone == Zone::Hub;
  const auto streetName = [&]( bool deadEnd ) {
    if ( block.zone == Zone::Farmland )
      return mStreetNames.take( mRandom, "机耕路" );
    if ( industrial )
      return mIndustryStreetNames.take( mRandom, "路" );
    if ( deadEnd )
      return mStreetNames.take( mRandom, "巷" );
    return mStreetNames.take( mRandom, mRandom.chance( 0.35 ) ? "街" : "路" );
  };

  for ( std::size_t m = 1; m + 1 < curves.size(); ++m )
  {
    if ( !curveIsStreet[m] )
      continue;
    double from = b0;
    double to = b1;
    const bool deadEnd = mRandom.chance( layout.deadEndChance );
    if ( deadEnd )
    {
      const double keep = mRandom.uniform( 0.55, 0.8 );
      if ( mRandom.chance( 0.5 ) )
        to = b0 + keep * ( b1 - b0 );
      else
        from = b1 - keep * ( b1 - b0 );
    }
    Polyline points = curves[m].section( from, to );
    const bool oneway = !deadEnd && mRandom.chance( layout.onewayChance );
    if ( oneway && mRandom.chance( 0.5 ) )
      std::reverse( points.begin(), points.end() );
    const Point2 context = points[points.size() / 2];
    addRoad( std::move( points ), "branch", streetName( deadEnd ), context, oneway );
  }

  std::vector<double> crossStreets;
  if ( strips >= 2 && alongM > 300.0 && mRandom.chance( layout.crossStreetChance ) )
  {
    const double bc = b0 + ( b1 - b0 ) * mRandom.uniform( 0.35, 0.65 );
    crossStreets.push_back( bc );
    Polyline points;
    for ( const SampledCurve &curve : curves )
      points.push_back( curve.pointAt( bc ) );
    const Point2 context = points[points.size() / 2];
    addRoad( std::move( points ), "branch", streetName( false ), context );
  }

  const char *dominant = drawLandUse( block.zone, blockPoint( block, middleAcross( bMiddle ), bMiddle ) );
  const int depthCount = std::max( 1, static_cast<int>( std::lround( alongM / layout.parcelDepthM ) ) );
  for ( std::size_t m = 0; m + 1 < curves.size(); ++m )
  {
    std::vector<double> cuts { b0 };
    for ( int p = 1; p < depthCount; ++p )
    {
      const double t = ( p + mRandom.uniform( -0.15, 0.15 ) ) / depthCount;
      const double cut = b0 + t * ( b1 - b0 );
      const bool nearCrossStreet = !crossStreets.empty() && std::abs( cut - crossStreets.front() ) < 0.3 * ( b1 - b0 ) / depthCount;
      if ( !nearCrossStreet )
        cuts.push_back( cut );
    }
    cuts.insert( cuts.end(), crossStreets.begin(), crossStreets.end() );
    cuts.push_back( b1 );
    std::sort( cuts.begin(), cuts.end() );
    for ( std::size_t p = 0; p + 1 < cuts.size(); ++p )
    {
      Ring ring = curves[m].section( cuts[p], cuts[p + 1] );
      appendWithoutRepeat( ring, curves[m + 1].section( cuts[p + 1], cuts[p] ) );
      if ( ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y )
        ring.pop_back();
      const bool keepDominant = mRandom.chance( 0.65 );
      const char *code = keepDominant ? dominant : drawLandUse( block.zone, ring.front() );
      addParcel( std::move( ring ), block.zone, code );
    }
  }
}

const char *DistrictGenerator::drawLandUse( Zone zone, const Point2 &centreM )
{
  static const std::map<Zone, std::vector<Share>> kMixes = {
    { Zone::Core, { { "05H1", 0.50 }, { "0701", 0.22 }, { "08H1", 0.08 }, { "08H2", 0.06 }, { "0810", 0.06 }, { "1201", 0.04 }, { "1004", 0.04 } } },
    { Zone::Residential, { { "0701", 0.62 }, { "05H1", 0.12 }, { "08H2", 0.08 }, { "08H1", 0.04 }, { "0810", 0.06 }, { "1201", 0.05 }, { "0601", 0.02 }, { "1004", 0.01 } } },
    { Zone::PeriUrban, { { "0701", 0.35 }, { "0103", 0.22 }, { "0102", 0.10 }, { "0601", 0.10 }, { "1201", 0.10 }, { "1104", 0.05 }, { "0810", 0.03 }, { "05H1", 0.05 } } },
    { Zone::Campus, { { "08H2", 0.80 }, { "0701", 0.08 }, { "0810", 0.08 }, { "05H1", 0.04 } } },
    { Zone::Industrial, { { "0601", 0.62 }, { "0508", 0.20 }, { "1201", 0.08 }, { "0810", 0.04 }, { "08H1", 0.02 }, { "05H1", 0.04 } } },
    { Zone::OldIndustrial, { { "0601", 0.50 }, { "0508", 0.15 }, { "0701", 0.20 }, { "1201", 0.10 }, { "05H1", 0.05 } } },
    { Zone::Hub, { { "0508", 1.0 } } },
    { Zone::Farmland, { { "0103", 0.59 }, { "0102", 0.25 }, { "0101", 0.06 }, { "1104", 0.06 }, { "1201", 0.04 } } },
    { Zone::Park, { { "0810", 1.0 } } },
    { Zone::Interchange, { { "0810", 0.7 }, { "1004", 0.3 } } },
  };
  // Warehousing clusters around the two logistics parks.
  static const std::vector<Share> kNearHub = { { "0508", 0.60 }, { "0601", 0.30 }, { "1201", 0.05 }, { "05H1", 0.05 } };
  const Point2 northHub = mGrid.map( 5, kCells - 1, 0.75, 0.75 );
  const Point2 eastHub = mGrid.map( kCells - 1, 3, 0.75, 0.75 );
  const bool nearHub = zone == Zone::Industrial && std::min( distance( centreM, northHub ), distance( centreM, eastHub ) ) < 1800.0;
  const std::vector<Share> &mix = nearHub ? kNearHub : kMixes.at( zone );

  double draw = mRandom.unit();
  for ( const Share &share : mix )
  {
    draw -= share.weight;
    if ( draw < 0.0 )
      return share.code;
  }
  return mix.back().code;
}

void DistrictGenerator::addParcel( Ring ring, Zone zone, const char *dlbm )
{
  if ( ring.size() < 3 )
    return;
  if ( signedArea( ring ) < 0.0 )
    std::reverse( ring.begin(), ring.end() );
  Parcel parcel;
  parcel.ring = std::move( ring );
  parcel.dlbm = dlbm;
  parcel.dlmc = landUseName( parcel.dlbm );
  mDistrict.parcels.push_back( std::move( parcel ) );
  mParcelZones.push_back( zone );
}

Point2 DistrictGenerator::interiorPoint( const Ring &ring, double marginM )
{
  double minX = ring.front().x;
  double maxX = minX;
  double minY = ring.front().y;
  double maxY = minY;
  for ( const Point2 &p : ring )
  {
    minX = std::min( minX, p.x );
    maxX = std::max( maxX, p.x );
    minY = std::min( minY, p.y );
    maxY = std::max( maxY, p.y );
  }
  // Rejection sampling; keeps the candidate farthest from the edges if the margin never fits.
  Point2 best { 0.5 * ( minX + maxX ), 0.5 * ( minY + maxY ) };
  double bestClearance = containsPoint( ring, best ) ? distanceToRing( ring, best ) : -1.0;
  for ( int attempt = 0; attempt < 400; ++attempt )
  {
    const Point2 p { mRandom.uniform( minX, maxX ), mRandom.uniform( minY, maxY ) };
    if ( !containsPoint( ring, p ) )
      continue;
    const double clearance = distanceToRing( ring, p );
    if ( clearance >= marginM )
      return p;
    if ( clearance > bestClearance )
    {
      best = p;
      bestClearance = clearance;
    }
  }
  return best;
}

std::vector<std::size_t> DistrictGenerator::shuffledParcels( const std::function<bool( std::size_t )> &accept )
{
  std::vector<std::size_t> indices;
  for ( std::size_t k = 0; k < mDistrict.parcels.size(); ++k )
  {
    if ( accept( k ) )
      indices.push_back( k );
  }
  // Fisher–Yates with our own integer draw, so the order is the same with every standard library.
  for ( std::size_t k = indices.size(); k > 1; --k )
    std::swap( indices[k - 1], indices[static_cast<std::size_t>( mRandom.integer( 0, static_cast<int>( k ) - 1 ) )] );
  return indices;
}

void DistrictGenerator::addIsolatedTracks()
{
  // A few deliberately disconnected bits (a park path, farm tracks) for the component report.
  std::size_t park = mDistrict.parcels.size();
  std::vector<std::size_t> fields;
  for ( std::size_t k = 0; k < mDistrict.parcels.size(); ++k )
  {
    const double area = std::abs( signedArea( mDistrict.parcels[k].ring ) );
    if ( mParcelZones[k] == Zone::Park && area > 200000.0 )
      park = k;
    if ( mParcelZones[k] == Zone::Farmland && mDistrict.parcels[k].dlbm == "0103" && area > 60000.0 )
      fields.push_back( k );
  }
  if ( park < mDistrict.parcels.size() )
  {
    const Point2 c = interiorPoint( mDistrict.parcels[park].ring, 150.0 );
    addRoad( { { c.x - 60.0, c.y - 20.0 }, { c.x, c.y + 15.0 }, { c.x + 70.0, c.y + 5.0 } }, "branch", "人民公园园路", c );
  }
  if ( fields.size() >= 2 )
  {
    const Point2 c = interiorPoint( mDistrict.parcels[fields.front()].ring, 100.0 );
    addRoad( { c, { c.x - 60.0, c.y } }, "branch", "南庄机耕路", c );
    addRoad( { c, { c.x + 55.0, c.y + 10.0 } }, "branch", "南庄机耕路", c );
    addRoad( { c, { c.x, c.y + 50.0 } }, "branch", "南庄机耕路", c );
    const Point2 d = interiorPoint( mDistrict.parcels[fields.back()].ring, 100.0 );
    addRoad( { { d.x - 40.0, d.y - 20.0 }, { d.x + 40.0, d.y + 20.0 } }, "branch", "北洼机耕路", d );
  }
}

void DistrictGenerator::addHubs()
{
  struct HubSpec
  {
    int i;
    int j;
    const char *name;
    int capacityTonnesPerDay;
  };
  const std::array<HubSpec, 2> specs = { { { 5, kCells - 1, "淄博传化公路港", 3500 }, { kCells - 1, 3, "鲁中现代综合物流园", 2800 } } };
  for ( const HubSpec &spec : specs )
  {
    const Point2 anchor = mGrid.map( spec.i, spec.j, 0.75, 0.75 );
    std::size_t best = 0;
    double bestArea = -1.0;
    for ( std::size_t k = 0; k < mDistrict.parcels.size(); ++k )
    {
      const double area = std::abs( signedArea( mDistrict.parcels[k].ring ) );
      if ( mParcelZones[k] == Zone::Hub && distance( mDistrict.parcels[k].ring.front(), anchor ) < 900.0 && area > bestArea )
      {
        best = k;
        bestArea = area;
      }
    }
    mDistrict.hubs.push_back( { interiorPoint( mDistrict.parcels[best].ring, 40.0 ), spec.name, spec.capacityTonnesPerDay } );
  }
}

void DistrictGenerator::addDemand()
{
  struct DemandSpec
  {
    const char *type;
    int count;
    std::vector<std::string> landUses;
    int parcelsLow;
    int parcelsHigh;
    double tonnesLow;
    double tonnesHigh;
    double jointShare;
    std::vector<std::string> fixedNames;
  };
  const std::vector<DemandSpec> specs = {
    { "community", 480, { "0701" }, 120, 1200, 0.3, 2.5, 0.25, {} },
    { "university", 8, { "08H2" }, 1500, 6000, 2.0, 8.0, 0.5,
      { "山东理工大学", "山东理工大学西校区", "淄博职业学院", "淄博师范高等专科学校", "淄博市技师学院", "山东铝业职业学院", "淄博电子工程学校", "张店区职业中专" } },
    { "business_district", 30, { "05H1" }, 600, 2500, 1.5, 6.0, 0.3,
      { "银座商城商圈", "茂业天地商圈", "华润万象汇", "淄博万达广场", "海月龙宫商圈", "张店商厦", "美食街商圈", "淄博日报社商务区" } },
    { "supermarket", 45, { "05H1" }, 40, 250, 4.0, 20.0, 0.3, {} },
    { "chain_store", 130, { "05H1", "0701" }, 15, 120, 0.3, 2.5, 0.3, {} },
    { "wholesale_market", 12, { "05H1", "0508" }, 150, 900, 25.0, 150.0, 0.15,
      { "鲁中果品批发市场", "淄博农产品批发市场", "张店小商品城", "鲁中建材市场", "淄博汽配城", "鲁中服装批发城", "淄博海鲜水产批发市场", "张店粮油批发市场",
        "淄博五金机电城", "鲁中蔬菜批发市场", "淄博副食品批发市场", "张店花卉市场" } },
    { "industrial_park", 45, { "0601", "0508" }, 80, 500, 40.0, 300.0, 0.1, {} },
  };
  const std::array<const char *, 6> communitySuffixes = { "小区", "花园", "家园", "苑", "新村", "公寓" };
  const std::array<const char *, 6> supermarketBrands = { "银座超市", "大润发", "利群超市", "华联超市", "佳乐家", "家家悦" };
  const std::array<const char *, 5> storeBrands = { "统一银座便利", "全家便利店", "易捷便利", "美宜佳", "鲁中连锁" };
  NamePool placeNames( kPlaceWords );
  NamePool industryNames( kIndustryWords );

  for ( const DemandSpec &spec : specs )
  {
    const std::string type = spec.type;
    std::vector<std::size_t> candidates = shuffledParcels( [&]( std::size_t k ) {
      const Zone zone = mParcelZones[k];
      if ( zone == Zone::Hub || std::find( spec.landUses.begin(), spec.landUses.end(), mDistrict.parcels[k].dlbm ) == spec.landUses.end() )
        return false;
      if ( type == "business_district" )
        return zone == Zone::Core;
      if ( type == "wholesale_market" )
        return zone != Zone::Core;
      return true;
    } );
    if ( type == "university" )
      std::stable_partition( candidates.begin(), candidates.end(), [this]( std::size_t k ) { return mParcelZones[k] == Zone::Campus; } );
    if ( candidates.empty() )
      continue;
    for ( int n = 0; n < spec.count; ++n )
    {
      const Parcel &parcel = mDistrict.parcels[candidates[static_cast<std::size_t>( n ) % candidates.size()]];
      DemandPoint point;
      point.location = interiorPoint( parcel.ring, 8.0 );
      point.demandType = type;
      if ( static_cast<std::size_t>( n ) < spec.fixedNames.size() )
        point.name = spec.fixedNames[static_cast<std::size_t>( n )];
      else if ( type == "community" )
        point.name = placeNames.take( mRandom, communitySuffixes[static_cast<std::size_t>( mRandom.integer( 0, communitySuffixes.size() - 1 ) )] );
      else if ( type == "supermarket" )
        point.name = supermarketBrands[static_cast<std::size_t>( mRandom.integer( 0, supermarketBrands.size() - 1 ) )] + placeNames.take( mRandom, "店" );
      else if ( type == "chain_store" )
        point.name = storeBrands[static_cast<std::size_t>( mRandom.integer( 0, storeBrands.size() - 1 ) )] + placeNames.take( mRandom, "店" );
      else if ( type == "industrial_park" )
        point.name = "张店" + industryNames.take( mRandom, mRandom.chance( 0.5 ) ? "产业园" : "工业园" );
      else
        point.name = placeNames.take( mRandom, type == "university" ? "学院" : type == "business_district" ? "商务中心" : "批发市场" );
      point.parcelsPerDay = mRandom.integer( spec.parcelsLow, spec.parcelsHigh );
      point.tonnesPerDay = roundTo( mRandom.uniform( spec.tonnesLow, spec.tonnesHigh ), 0.01 );
      point.jointDistribution = mRandom.chance( spec.jointShare );
      mDistrict.demand.push_back( point );
    }
  }
}

void DistrictGenerator::addOutlets()
{
  struct OutletSpec
  {
    const char *type;
    int count;
    std::vector<std::string> landUses;
    int capacityLow;
    int capacityHigh;
  };
  const std::vector<OutletSpec> specs = {
    { "express_point", 72, { "0701", "05H1", "08H2" }, 300, 1500 },
    { "post_office", 10, { "05H1", "08H1" }, 500, 2000 },
    { "convenience_store", 36, { "0701", "05H1" }, 100, 400 },
    { "supermarket", 14, { "05H1" }, 200, 800 },
    { "community_station", 20, { "0701" }, 200, 600 },
  };
  const std::array<const char *, 6> expressBrands = { "菜鸟驿站", "妈妈驿站", "兔喜生活", "中通快递超市", "京东快递站", "顺丰驿站" };
  const std::array<const char *, 4> storeBrands = { "便利蜂", "好邻居便利", "十足便利", "鲁中连锁便利" };
  const std::array<const char *, 4> supermarketBrands = { "银座超市", "利群超市", "佳乐家", "华联超市" };
  NamePool placeNames( kPlaceWords );
  for ( const OutletSpec &spec : specs )
  {
    const std::string type = spec.type;
    const std::vector<std::size_t> candidates = shuffledParcels( [&]( std::size_t k ) {
      return mParcelZones[k] != Zone::Hub && std::find( spec.landUses.begin(), spec.landUses.end(), mDistrict.parcels[k].dlbm ) != spec.landUses.end();
    } );
    if ( candidates.empty() )
      continue;
    for ( int n = 0; n < spec.count; ++n )
    {
      Outlet outlet;
      outlet.location = interiorPoint( mDistrict.parcels[candidates[static_cast<std::size_t>( n ) % candidates.size()]].ring, 6.0 );
      outlet.outletType = type;
      if ( type == "express_point" )
        outlet.name = expressBrands[static_cast<std::size_t>( mRandom.integer( 0, expressBrands.size() - 1 ) )] + placeNames.take( mRandom, "店" );
      else if ( type == "post_office" )
        outlet.name = "张店" + placeNames.take( mRandom, "邮政所" );
      else if ( type == "convenience_store" )
        outlet.name = storeBrands[static_cast<std::size_t>( mRandom.integer( 0, storeBrands.size() - 1 ) )] + placeNames.take( mRandom, "店" );
      else if ( type == "supermarket" )
        outlet.name = supermarketBrands[static_cast<std::size_t>( mRandom.integer( 0, supermarketBrands.size() - 1 ) )] + placeNames.take( mRandom, "店" );
      else
        outlet.name = placeNames.take( mRandom, "社区服务站" );
      outlet.capacityParcelsPerDay = static_cast<int>( roundTo( mRandom.integer( spec.capacityLow, spec.capacityHigh ), 10.0 ) );
      mDistrict.outlets.push_back( outlet );
    }
  }
}

void DistrictGenerator::addControlLines()
{
  // Outlines follow grid nodes, so they run along arterials like real zoning lines do.
  const auto outline = [this]( const std::vector<std::pair<int, int>> &nodes ) {
    Ring ring;
    for ( const auto &[i, j] : nodes )
      ring.push_back( mGrid.node( i, j ) );
    return ring;
  };
  const auto walk = [this]( std::vector<std::pair<int, int>> &nodes, int i0, int j0, int i1, int j1 ) {
    const int steps = std::max( std::abs( i1 - i0 ), std::abs( j1 - j0 ) );
    for ( int s = 0; s < steps; ++s )
      nodes.emplace_back( i0 + ( i1 - i0 ) * s / steps, j0 + ( j1 - j0 ) * s / steps );
  };

  std::vector<std::pair<int, int>> southWest;
  walk( southWest, 0, 0, 2, 0 );
  walk( southWest, 2, 0, 2, 1 );
  walk( southWest, 2, 1, 1, 1 );
  walk( southWest, 1, 1, 1, 5 );
  walk( southWest, 1, 5, 0, 5 );
  walk( southWest, 0, 5, 0, 0 );
  mDistrict.controlLines.push_back( { outline( southWest ), "basic_farmland", "张店区永久基本农田（西南片）" } );

  std::vector<std::pair<int, int>> southEast;
  walk( southEast, 3, 0, kCells, 0 );
  walk( southEast, kCells, 0, kCells, 1 );
  walk( southEast, kCells, 1, 3, 1 );
  walk( southEast, 3, 1, 3, 0 );
  mDistrict.controlLines.push_back( { outline( southEast ), "basic_farmland", "张店区永久基本农田（东南片）" } );

  Ring redLine;
  const int samplesPerCell = 2 * kCurveIntervals;
  for ( int k = 0; k <= kCells * samplesPerCell; ++k )
  {
    const int j = std::min( k / samplesPerCell, kCells - 1 );
    const double v = static_cast<double>( k - j * samplesPerCell ) / samplesPerCell;
    redLine.push_back( mGrid.map( kRiverColumn, j, riverU( j + v ) - kRedLineHalfWidth, v ) );
  }
  for ( int k = kCells * samplesPerCell; k >= 0; --k )
  {
    const int j = std::min( k / samplesPerCell, kCells - 1 );
    const double v = static_cast<double>( k - j * samplesPerCell ) / samplesPerCell;
    redLine.push_back( mGrid.map( kRiverColumn, j, riverU( j + v ) + kRedLineHalfWidth, v ) );
  }
  mDistrict.controlLines.push_back( { redLine, "ecological_redline", "猪龙河生态保护红线" } );

  std::vector<std::pair<int, int>> urban;
  walk( urban, 1, 1, kCells, 1 );
  walk( urban, kCells, 1, kCells, kCells );
  walk( urban, kCells, kCells, 0, kCells );
  walk( urban, 0, kCells, 0, 5 );
  walk( urban, 0, 5, 1, 5 );
  walk( urban, 1, 5, 1, 1 );
  mDistrict.controlLines.push_back( { outline( urban ), "urban_boundary", "张店区城镇开发边界" } );

  for ( ControlLine &line : mDistrict.controlLines )
  {
    if ( signedArea( line.ring ) < 0.0 )
      std::reverse( line.ring.begin(), line.ring.end() );
  }
}

void DistrictGenerator::placeAndRound()
{
  const auto placeAll = [this]( std::vector<Point2> &points ) {
    for ( Point2 &p : points )
      p = placed( p, mOriginM );
  };
  placeAll( mDistrict.boundary );
  for ( Road &road : mDistrict.roads )
    placeAll( road.points );
  for ( Parcel &parcel : mDistrict.parcels )
  {
    placeAll( parcel.ring );
    parcel.areaM2 = roundTo( std::abs( signedArea( parcel.ring ) ), 0.01 );
  }
  for ( DemandPoint &point : mDistrict.demand )
    point.location = placed( point.location, mOriginM );
  for ( Hub &hub : mDistrict.hubs )
    hub.location = placed( hub.location, mOriginM );
  for ( Outlet &outlet : mDistrict.outlets )
    outlet.location = placed( outlet.location, mOriginM );
  for ( ControlLine &line : mDistrict.controlLines )
    placeAll( line.ring );
}

} // namespace gf::sample
