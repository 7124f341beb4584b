// greenfreight-bench od: our OD engine against QgsGraphAnalyzer::dijkstra on the same graph
// (the Beijing OSM graph of the SparseTaxi benchmark, and the sample district or any road
// layer), checked pair by pair.
#include "od_benchmark.h"

#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/od/od_matrix.h"
#include "engine/od/snapped_leg.h"
#include "engine/solvers/random_source.h"
#include "common/qgis_environment.h"
#include "gis/network/road_layer_importer.h"

#include <qgsapplication.h>

#include <qgsgraph.h>
#include <qgsgraphanalyzer.h>
#include <qgspointxy.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

using namespace gf;

namespace {

//! The SparseTaxi plane is in kilometres: metres for the nodes, decimetres for the costs.
constexpr double kMetresPerUnit = 1000.0;
constexpr double kDecimetresPerUnit = 10000.0;
constexpr double kPointOffsetM = 30.0;
constexpr double kSnapDistanceM = 500.0;

struct Options
{
  std::string sharedDir;
  std::uint32_t origins = 1000;
  std::uint32_t qgisOrigins = 100;
  std::uint32_t points = 10000;
  std::uint64_t seed = 2024;
  std::string network;  //!< road layer for the district case; empty: the sample district
  std::string layer;
};

struct LoadedNetwork
{
  RoadGraph graph;
  std::size_t clampedNegative = 0;  //!< input edges with a negative length, taken as 0
};

bool isDirectory( const std::string &path )
{
  struct stat info;
  return stat( path.c_str(), &info ) == 0 && S_ISDIR( info.st_mode );
}

double secondsSince( std::chrono::steady_clock::time_point start )
{
  return std::chrono::duration<double>( std::chrono::steady_clock::now() - start ).count();
}

//! A memory figure of /proc/self/status in MiB (VmHWM: peak resident, VmRSS: resident now),
//! or -1 when unavailable.
double statusMib( const char *key )
{
  std::ifstream status( "/proc/self/status" );
  std::string line;
  const std::size_t keyLength = std::strlen( key );
  while ( std::getline( status, line ) )
  {
    if ( line.compare( 0, keyLength, key ) == 0 )
      return std::strtod( line.c_str() + keyLength, nullptr ) / 1024.0;
  }
  return -1.0;
}

bool parseOptions( int argc, char **argv, Options &options )
{
  const char *env = std::getenv( "GF_SHARED_DIR" );
  if ( env && *env )
    options.sharedDir = env;
  else if ( isDirectory( "../shared" ) )
    options.sharedDir = "../shared";
#ifdef GF_SHARED_DIR
  else
    options.sharedDir = GF_SHARED_DIR;
#endif
  for ( int i = 1; i < argc; ++i )
  {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if ( arg == "--shared" && hasValue )
      options.sharedDir = argv[++i];
    else if ( arg == "--origins" && hasValue )
      options.origins = static_cast<std::uint32_t>( std::strtoul( argv[++i], nullptr, 10 ) );
    else if ( arg == "--qgis-origins" && hasValue )
      options.qgisOrigins = static_cast<std::uint32_t>( std::strtoul( argv[++i], nullptr, 10 ) );
    else if ( arg == "--points" && hasValue )
      options.points = static_cast<std::uint32_t>( std::strtoul( argv[++i], nullptr, 10 ) );
    else if ( arg == "--seed" && hasValue )
      options.seed = std::strtoull( argv[++i], nullptr, 10 );
    else if ( arg == "--network" && hasValue )
      options.network = argv[++i];
    else if ( arg == "--layer" && hasValue )
      options.layer = argv[++i];
    else
    {
      std::fprintf( stderr, "usage: greenfreight-bench od [--shared DIR] [--origins N] [--qgis-origins N] "
                            "[--points N] [--seed S] [--network FILE [--layer NAME]]\n" );
      return false;
    }
  }
  if ( options.origins == 0 || options.qgisOrigins == 0 )
  {
    std::fprintf( stderr, "od: --origins and --qgis-origins must be positive\n" );
    return false;
  }
  return true;
}

//! vertexMap.txt (`id osm_id x y`) and adjacentList.txt (node count, then `src dst length`).
bool loadBeijing( const std::string &dir, LoadedNetwork &network )
{
  std::ifstream vertexFile( dir + "/vertexMap.txt" );
  std::ifstream edgeFile( dir + "/adjacentList.txt" );
  if ( !vertexFile || !edgeFile )
    return false;
  std::vector<PointXY> points;
  std::uint64_t id = 0, osmId = 0;
  double x = 0.0, y = 0.0;
  while ( vertexFile >> id >> osmId >> x >> y )
  {
    if ( id != points.size() )
      return false;
    points.push_back( PointXY{ x * kMetresPerUnit, y * kMetresPerUnit } );
  }
  std::size_t declaredNodes = 0;
  if ( !( edgeFile >> declaredNodes ) || declaredNodes != points.size() )
    return false;
  std::vector<DirectedEdgeInput> edges;
  std::uint64_t tail = 0, head = 0;
  double length = 0.0;
  while ( edgeFile >> tail >> head >> length )
  {
    DirectedEdgeInput edge;
    edge.tail = static_cast<NodeId>( tail );
    edge.head = static_cast<NodeId>( head );
    if ( length < 0.0 )
    {
      ++network.clampedNegative;
      length = 0.0;
    }
    edge.attributes.lengthDm = static_cast<std::int32_t>( std::llround( length * kDecimetresPerUnit ) );
    edge.attributes.speedKmh = static_cast<float>( defaultSpeedKmh( edge.attributes.roadClass ) );
    edges.push_back( edge );
  }
  RoadGraphBuildOptions buildOptions;
  buildOptions.keepLargestComponentOnly = false;  // every node, as QGIS gets them
  buildOptions.localityOrder = true;
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::fromEdgeList( points, edges, buildOptions, progress );
  if ( !built.isOk() )
    return false;
  network.graph = std::move( built->graph );
  return true;
}

//! Distinct random nodes.
std::vector<NodeId> pickOrigins( RandomSource &rng, std::size_t nodeCount, std::uint32_t count )
{
  std::vector<NodeId> all( nodeCount );
  for ( NodeId n = 0; n < nodeCount; ++n )
    all[n] = n;
  const std::size_t k = std::min<std::size_t>( count, nodeCount );
  for ( std::size_t i = 0; i < k; ++i )
    std::swap( all[i], all[i + rng.below( static_cast<std::uint32_t>( nodeCount - i ) )] );
  all.resize( k );
  return all;
}

//! Points a few tens of metres off random pieces, snapped back.
std::vector<SnappedPoint> randomSnappedPoints( RandomSource &rng, const RoadGraph &graph, const EdgeSnapper &snapper,
                                               std::uint32_t count )
{
  std::vector<SnappedPoint> points;
  while ( points.size() < count )
  {
    const EdgeId e = rng.below( static_cast<std::uint32_t>( graph.edgeCount() ) );
    const PointXY &a = graph.nodePoint( graph.tail()[e] );
    const PointXY &b = graph.nodePoint( graph.head()[e] );
    const double t = rng.unit();
    const PointXY p{ a.x + t * ( b.x - a.x ) + ( rng.unit() - 0.5 ) * 2 * kPointOffsetM,
                     a.y + t * ( b.y - a.y ) + ( rng.unit() - 0.5 ) * 2 * kPointOffsetM };
    if ( std::optional<SnappedPoint> snapped = snapper.snap( p, kSnapDistanceM ) )
      points.push_back( *snapped );
  }
  return points;
}

//! Resets the process's peak resident memory (VmHWM) so that each case reports its own.
void resetPeakMemory()
{
  std::ofstream clearRefs( "/proc/self/clear_refs" );
  clearRefs << "5";
}

struct Timed
{
  double seconds = 0.0;
  Result<OdMatrix> matrix = Error{ ErrorCode::InvalidArgument, {} };
};

template<typename Compute>
Timed timeIt( Compute compute )
{
  Timed timed;
  const auto start = std::chrono::steady_clock::now();
  timed.matrix = compute();
  timed.seconds = secondsSince( start );
  return timed;
}

//! One benchmark row.
struct CaseRow
{
  std::string name;
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::size_t origins = 0;
  std::size_t destinations = 0;
  double ours1 = 0.0;
  double oursAll = 0.0;
  double qgis = 0.0;           //!< QGIS seconds for every origin (scaled when timed on a subset)
  std::size_t qgisTimed = 0;   //!< origins QGIS actually ran
  std::size_t compared = 0;    //!< pairs checked against QGIS
  std::size_t mismatches = 0;
  double peakMib = 0.0;
};

//! Our one-thread and all-thread runs of the same table; false if they fail or differ.
template<typename Compute>
bool timeOurs( CaseRow &row, unsigned allThreads, Compute compute, Timed &oneThread )
{
  // Cold: each run builds its contraction hierarchy, as a first call does.
  OdOptions options;
  options.threads = 1;
  clearOdHierarchyCache();
  resetPeakMemory();
  const double residentBefore = statusMib( "VmRSS:" );
  oneThread = timeIt( [&] { return compute( options ); } );
  row.peakMib = statusMib( "VmHWM:" ) - residentBefore;
  options.threads = allThreads;
  clearOdHierarchyCache();
  const Timed everyThread = timeIt( [&] { return compute( options ); } );
  row.ours1 = oneThread.seconds;
  row.oursAll = everyThread.seconds;
  if ( !oneThread.matrix.isOk() || !everyThread.matrix.isOk() || oneThread.matrix->data() != everyThread.matrix->data() )
  {
    std::fprintf( stderr, "od: %s: our matrix failed or differs between 1 and %u threads\n", row.name.c_str(), allThreads );
    return false;
  }
  return true;
}

//! The same graph for QGIS: same vertices, same directed edges, the same integer costs.
void buildQgisGraph( const RoadGraph &graph, const EdgeWeights &weights, QgsGraph &qgisGraph )
{
  for ( NodeId n = 0; n < graph.nodeCount(); ++n )
    qgisGraph.addVertex( QgsPointXY( graph.nodePoint( n ).x, graph.nodePoint( n ).y ) );
  for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
  {
    if ( weights[e] < kUnreachable )
      qgisGraph.addEdge( static_cast<int>( graph.tail()[e] ), static_cast<int>( graph.head()[e] ),
                         QVector<QVariant>{ QVariant( static_cast<double>( weights[e] ) ) } );
  }
}

//! A QGIS cost as ours: integer costs summed in doubles are exact.
Cost fromQgis( double cost )
{
  return std::isfinite( cost ) && cost >= 0.0 && cost < kUnreachable ? static_cast<Cost>( std::llround( cost ) ) : kUnreachable;
}

//! Origins × nodes: QGIS's dijkstra from each origin node, compared with every cost. \a warm
//! repeats our runs with the hierarchy kept from the cold ones (same costs required).
void runNodeCase( CaseRow &row, CaseRow &warm, const RoadGraph &graph, const EdgeWeights &weights,
                  const QgsGraph &qgisGraph, const std::vector<NodeId> &origins, const Options &options,
                  unsigned allThreads, bool &ok )
{
  std::vector<NodeId> allNodes( graph.nodeCount() );
  for ( NodeId n = 0; n < graph.nodeCount(); ++n )
    allNodes[n] = n;
  row.nodes = graph.nodeCount();
  row.edges = graph.edgeCount();
  row.origins = origins.size();
  row.destinations = allNodes.size();
  SilentProgress progress;
  Timed ours;
  ok = timeOurs( row, allThreads, [&]( const OdOptions &o ) {
    return computeNodeOdMatrix( graph, weights, origins, allNodes, o, progress ); }, ours ) && ok;
  if ( !ours.matrix.isOk() )
    return;
  // Warm: the hierarchy kept from the run before, as a second table on the same network.
  warm = row;
  warm.name = row.name + " (CH reused)";
  OdOptions reuse;
  reuse.threads = 1;
  const Timed warm1 = timeIt( [&] { return computeNodeOdMatrix( graph, weights, origins, allNodes, reuse, progress ); } );
  reuse.threads = allThreads;
  const Timed warmAll = timeIt( [&] { return computeNodeOdMatrix( graph, weights, origins, allNodes, reuse, progress ); } );
  warm.ours1 = warm1.seconds;
  warm.oursAll = warmAll.seconds;
  ok = ok && warm1.matrix.isOk() && warmAll.matrix.isOk() && warm1.matrix->data() == ours.matrix->data()
       && warmAll.matrix->data() == ours.matrix->data();

  row.qgisTimed = std::min<std::size_t>( options.qgisOrigins, origins.size() );
  QVector<double> qgisCost;
  const auto start = std::chrono::steady_clock::now();
  for ( std::size_t o = 0; o < row.qgisTimed; ++o )
  {
    QgsGraphAnalyzer::dijkstra( &qgisGraph, static_cast<int>( origins[o] ), 0, nullptr, &qgisCost );
    for ( NodeId n = 0; n < graph.nodeCount(); ++n )
      row.mismatches += ours.matrix->at( o, n ) != fromQgis( qgisCost[static_cast<int>( n )] );
    row.compared += graph.nodeCount();
  }
  row.qgis = secondsSince( start ) / static_cast<double>( row.qgisTimed ) * static_cast<double>( origins.size() );
  // The warm matrices equal the cold one, so they share its check.
  warm.qgis = row.qgis;
  warm.qgisTimed = row.qgisTimed;
  warm.compared = row.compared;
  warm.mismatches = row.mismatches;
}

//! Points × points with access legs. QGIS has no snapped points, so its side runs dijkstra
//! from both end nodes of each origin's piece (what an exact point cost needs) and our
//! costs are checked against those node costs combined with the same leg arithmetic.
void runPointCase( CaseRow &row, const RoadGraph &graph, const EdgeWeights &weights, const QgsGraph &qgisGraph,
                   const std::vector<SnappedPoint> &origins, const std::vector<SnappedPoint> &destinations,
                   const Options &options, unsigned allThreads, bool &ok )
{
  row.nodes = graph.nodeCount();
  row.edges = graph.edgeCount();
  row.origins = origins.size();
  row.destinations = destinations.size();
  SilentProgress progress;
  Timed ours;
  ok = timeOurs( row, allThreads, [&]( const OdOptions &o ) {
    return computeOdMatrix( graph, weights, origins, destinations, o, progress ); }, ours ) && ok;
  if ( !ours.matrix.isOk() )
    return;

  const double accessCostPerMetre = OdOptions().accessCostPerMetre;
  const SnappedTargets targets = makeSnappedTargets( destinations, weights, accessCostPerMetre );
  row.qgisTimed = std::min<std::size_t>( options.qgisOrigins, origins.size() );
  QVector<double> fromA, fromB;
  double qgisSeconds = 0.0;
  for ( std::size_t o = 0; o < row.qgisTimed; ++o )
  {
    const SnappedPoint &origin = origins[o];
    const auto start = std::chrono::steady_clock::now();
    QgsGraphAnalyzer::dijkstra( &qgisGraph, static_cast<int>( origin.nodeA ), 0, nullptr, &fromA );
    QgsGraphAnalyzer::dijkstra( &qgisGraph, static_cast<int>( origin.nodeB ), 0, nullptr, &fromB );
    qgisSeconds += secondsSince( start );
    // The origin's seeds at its piece ends, as addSnappedSource sets them.
    const Cost access = accessLegCost( origin, accessCostPerMetre );
    const Cost atA = addCosts( access, partialEdgeCost( origin.fractionFromA, origin.edgeBA, weights ) );
    const Cost atB = addCosts( access, partialEdgeCost( 1.0 - origin.fractionFromA, origin.edgeAB, weights ) );
    auto nodeCost = [&]( NodeId n )
    {
      return std::min( addCosts( atA, fromQgis( fromA[static_cast<int>( n )] ) ),
                       addCosts( atB, fromQgis( fromB[static_cast<int>( n )] ) ) );
    };
    for ( std::size_t d = 0; d < destinations.size(); ++d )
    {
      const SnappedTarget &target = targets.targets[d];
      const Cost expected = snappedCost( nodeCost( target.nodeA ), nodeCost( target.nodeB ), origin, target, weights,
                                         accessCostPerMetre );
      row.mismatches += ours.matrix->at( o, d ) != expected;
    }
    row.compared += destinations.size();
  }
  row.qgis = qgisSeconds / static_cast<double>( row.qgisTimed ) * static_cast<double>( origins.size() );
}

void printRow( const CaseRow &row )
{
  std::printf( "%-26s %7zu %7zu %7zu %7zu %9.3f %9.3f %9.3f %8.1fx %8.1fx %8.1f  qgis %zu/%zu origins%s, %zu pairs checked, "
               "%zu mismatches\n",
               row.name.c_str(), row.nodes, row.edges, row.origins, row.destinations, row.ours1, row.oursAll, row.qgis,
               row.qgis / row.ours1, row.qgis / row.oursAll, row.peakMib, row.qgisTimed, row.origins,
               row.qgisTimed < row.origins ? " (scaled)" : "", row.compared, row.mismatches );
}

//! A road layer through the same importer as the application.
bool loadRoadLayer( const std::string &path, const std::string &layer, RoadGraph &graph, std::string &crs )
{
  gf::gis::RoadImportOptions importOptions;
  importOptions.layerName = QString::fromStdString( layer );
  auto imported = gf::gis::RoadLayerImporter::import( QString::fromStdString( path ), importOptions );
  if ( !std::holds_alternative<gf::gis::RoadImport>( imported ) )
    return false;
  gf::gis::RoadImport &roads = std::get<gf::gis::RoadImport>( imported );
  RoadGraphBuildOptions buildOptions = roads.buildOptions;
  buildOptions.localityOrder = true;
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::build( roads.segments, buildOptions, progress );
  if ( !built.isOk() )
    return false;
  graph = std::move( built->graph );
  crs = roads.crs.authid().toStdString();
  return true;
}

//! Both cases on one graph; appends their rows.
bool runNetwork( const std::string &label, const RoadGraph &graph, const Options &options, unsigned allThreads,
                 std::vector<CaseRow> &rows )
{
  const EdgeWeights weights = computeEdgeWeights( graph, CostMetric::DistanceDm );
  QgsGraph qgisGraph;
  buildQgisGraph( graph, weights, qgisGraph );
  RandomSource rng( options.seed );
  const std::vector<NodeId> origins = pickOrigins( rng, graph.nodeCount(), options.origins );
  const EdgeSnapper snapper( graph );
  const std::vector<SnappedPoint> pointOrigins = randomSnappedPoints( rng, graph, snapper, options.origins );
  const std::vector<SnappedPoint> pointDestinations = randomSnappedPoints( rng, graph, snapper, options.points );

  bool ok = true;
  CaseRow nodes, warm;
  nodes.name = label + " nodes";
  runNodeCase( nodes, warm, graph, weights, qgisGraph, origins, options, allThreads, ok );
  rows.push_back( nodes );
  rows.push_back( warm );
  CaseRow points;
  points.name = label + " points";
  runPointCase( points, graph, weights, qgisGraph, pointOrigins, pointDestinations, options, allThreads, ok );
  rows.push_back( points );
  return ok;
}

} // namespace

int runOdBenchmark( int argc, char **argv )
{
  Options options;
  if ( !parseOptions( argc, argv, options ) )
    return 2;
  const std::string dir = options.sharedDir + "/realdata/beijing_osm_graph_sparsetaxi";
  LoadedNetwork beijing;
  if ( !loadBeijing( dir, beijing ) )
  {
    std::fprintf( stderr, "od: cannot read the Beijing graph in %s (use --shared DIR)\n", dir.c_str() );
    return 1;
  }
  const unsigned allThreads = std::max( 1u, std::thread::hardware_concurrency() );
  std::printf( "Beijing OSM graph (SparseTaxi): %zu nodes, %zu directed edges, %zu negative lengths taken as 0; "
               "costs in integer decimetres\n", beijing.graph.nodeCount(), beijing.graph.edgeCount(), beijing.clampedNegative );

  const std::string districtPath = options.network.empty() ? std::string( GF_SAMPLE_GPKG ) : options.network;
  const std::string districtLayer = options.network.empty() ? std::string( "roads" ) : options.layer;
  gf::app::prepareQgisEnvironment( false );
  QgsApplication qgis( argc, argv, false );
  QgsApplication::initQgis();
  RoadGraph district;
  std::string districtCrs;
  if ( !loadRoadLayer( districtPath, districtLayer, district, districtCrs ) )
  {
    std::fprintf( stderr, "od: cannot import the road layer %s%s%s\n", districtPath.c_str(), districtLayer.empty() ? "" : " layer ",
                  districtLayer.c_str() );
    QgsApplication::exitQgis();
    return 1;
  }

  std::vector<CaseRow> rows;
  std::printf( "road layer %s (%s): %zu nodes, %zu directed edges\n", districtPath.c_str(), districtCrs.c_str(),
               district.nodeCount(), district.edgeCount() );
  bool ok = runNetwork( "beijing", beijing.graph, options, allThreads, rows );
  ok = runNetwork( options.network.empty() ? "district" : "network", district, options, allThreads, rows ) && ok;
  QgsApplication::exitQgis();

  std::printf( "ours: computeNodeOdMatrix / computeOdMatrix (PHAST), building the contraction hierarchy inside every "
               "timed call except in the \"CH reused\" rows (pairs/peak there: see the row above); qgis: "
               "QgsGraphAnalyzer::dijkstra per origin node (points: from both ends of the origin's piece)\n" );
  std::printf( "threads: 1 and %u; times in seconds, wall clock; peak = MiB our one-thread call added at its peak "
               "(VmHWM during it minus VmRSS before it: hierarchy, searches and the result matrix)\n", allThreads );
  std::printf( "%-26s %7s %7s %7s %7s %9s %9s %9s %9s %9s %8s\n", "case", "nodes", "edges", "origins", "dests", "ours_1t",
               "ours_all", "qgis_1t", "ratio_1t", "ratio_all", "peak_MiB" );
  std::size_t mismatches = 0;
  for ( const CaseRow &row : rows )
  {
    printRow( row );
    mismatches += row.mismatches;
  }
  if ( !ok || mismatches > 0 )
  {
    std::fprintf( stderr, "od: %zu costs differ from QGIS or a run failed\n", mismatches );
    return 1;
  }
  std::printf( "od speedup vs qgis (1 thread): %.1fx\n", rows.front().qgis / rows.front().ours1 );
  return 0;
}
