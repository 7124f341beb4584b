// greenfreight-bench od: our OD engine against QgsGraphAnalyzer::dijkstra on the same graph
// (the Beijing OSM graph of the SparseTaxi benchmark), checked pair by pair.
#include "od_benchmark.h"

#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/od/od_matrix.h"
#include "engine/solvers/random_source.h"

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

//! Peak resident memory of the process in MiB (VmHWM), or -1 when unavailable.
double peakMemoryMib()
{
  std::ifstream status( "/proc/self/status" );
  std::string line;
  while ( std::getline( status, line ) )
  {
    if ( line.rfind( "VmHWM:", 0 ) == 0 )
      return std::strtod( line.c_str() + 6, nullptr ) / 1024.0;
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
    else if ( arg == "--network" )
    {
      std::fprintf( stderr, "od: --network (any road layer) needs the QGIS import of gf_gis, not wired in yet\n" );
      return false;
    }
    else
    {
      std::fprintf( stderr, "usage: greenfreight-bench od [--shared DIR] [--origins N] [--qgis-origins N] "
                            "[--points N] [--seed S]\n" );
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

void printRow( const char *name, std::size_t nodes, std::size_t edges, std::size_t origins, std::size_t destinations,
               double ours1, double oursAll, double qgis, double peakMib )
{
  if ( qgis > 0 )
  {
    std::printf( "%-18s %7zu %7zu %7zu %7zu %10.3f %10.3f %10.3f %8.1fx %8.1fx %9.1f\n", name, nodes, edges, origins,
                 destinations, ours1, oursAll, qgis, qgis / ours1, qgis / oursAll, peakMib );
  }
  else
  {
    std::printf( "%-18s %7zu %7zu %7zu %7zu %10.3f %10.3f %10s %9s %9s %9.1f\n", name, nodes, edges, origins,
                 destinations, ours1, oursAll, "-", "-", "-", peakMib );
  }
}

} // namespace

int runOdBenchmark( int argc, char **argv )
{
  Options options;
  if ( !parseOptions( argc, argv, options ) )
    return 2;
  const std::string dir = options.sharedDir + "/realdata/beijing_osm_graph_sparsetaxi";
  LoadedNetwork network;
  if ( !loadBeijing( dir, network ) )
  {
    std::fprintf( stderr, "od: cannot read the Beijing graph in %s (use --shared DIR)\n", dir.c_str() );
    return 1;
  }
  const RoadGraph &graph = network.graph;
  const EdgeWeights weights = computeEdgeWeights( graph, CostMetric::DistanceDm );
  const unsigned allThreads = std::max( 1u, std::thread::hardware_concurrency() );
  std::printf( "Beijing OSM graph (SparseTaxi): %zu nodes, %zu directed edges, %zu negative lengths taken as 0; "
               "costs in integer decimetres\n", graph.nodeCount(), graph.edgeCount(), network.clampedNegative );

  RandomSource rng( options.seed );
  const std::vector<NodeId> origins = pickOrigins( rng, graph.nodeCount(), options.origins );
  std::vector<NodeId> allNodes( graph.nodeCount() );
  for ( NodeId n = 0; n < graph.nodeCount(); ++n )
    allNodes[n] = n;

  // Our engine first, so that the peak memory is ours and not QGIS's graph.
  SilentProgress progress;
  OdOptions oneThread;
  oneThread.threads = 1;
  OdOptions everyThread;
  everyThread.threads = allThreads;
  const Timed nodes1 = timeIt( [&] { return computeNodeOdMatrix( graph, weights, origins, allNodes, oneThread, progress ); } );
  const Timed nodesAll = timeIt( [&] { return computeNodeOdMatrix( graph, weights, origins, allNodes, everyThread, progress ); } );
  if ( !nodes1.matrix.isOk() || !nodesAll.matrix.isOk() || nodes1.matrix->data() != nodesAll.matrix->data() )
  {
    std::fprintf( stderr, "od: our node matrix failed or differs between 1 and %u threads\n", allThreads );
    return 1;
  }
  const double nodesPeakMib = peakMemoryMib();

  const EdgeSnapper snapper( graph );
  const std::vector<SnappedPoint> pointOrigins = randomSnappedPoints( rng, graph, snapper, options.origins );
  const std::vector<SnappedPoint> pointDestinations = randomSnappedPoints( rng, graph, snapper, options.points );
  const Timed points1 = timeIt( [&] { return computeOdMatrix( graph, weights, pointOrigins, pointDestinations, oneThread, progress ); } );
  const Timed pointsAll = timeIt( [&] { return computeOdMatrix( graph, weights, pointOrigins, pointDestinations, everyThread, progress ); } );
  if ( !points1.matrix.isOk() || !pointsAll.matrix.isOk() || points1.matrix->data() != pointsAll.matrix->data() )
  {
    std::fprintf( stderr, "od: our point matrix failed or differs between 1 and %u threads\n", allThreads );
    return 1;
  }
  const double pointsPeakMib = peakMemoryMib();

  // The same graph for QGIS: same vertices, same directed edges, the same integer costs.
  const auto buildStart = std::chrono::steady_clock::now();
  QgsGraph qgisGraph;
  for ( NodeId n = 0; n < graph.nodeCount(); ++n )
    qgisGraph.addVertex( QgsPointXY( graph.nodePoint( n ).x, graph.nodePoint( n ).y ) );
  for ( EdgeId e = 0; e < graph.edgeCount(); ++e )
    qgisGraph.addEdge( static_cast<int>( graph.tail()[e] ), static_cast<int>( graph.head()[e] ),
                       QVector<QVariant>{ QVariant( static_cast<double>( weights[e] ) ) } );
  const double qgisBuildSeconds = secondsSince( buildStart );

  const std::size_t qgisOrigins = std::min<std::size_t>( options.qgisOrigins, origins.size() );
  std::size_t mismatches = 0;
  QVector<double> qgisCost;
  const auto qgisStart = std::chrono::steady_clock::now();
  for ( std::size_t o = 0; o < qgisOrigins; ++o )
  {
    QgsGraphAnalyzer::dijkstra( &qgisGraph, static_cast<int>( origins[o] ), 0, nullptr, &qgisCost );
    for ( NodeId n = 0; n < graph.nodeCount(); ++n )
    {
      const Cost ours = nodes1.matrix->at( o, n );
      const double theirs = qgisCost[static_cast<int>( n )];
      const bool theirsReachable = std::isfinite( theirs ) && theirs >= 0.0;
      // Integer costs summed in doubles are exact: any difference beyond rounding is a bug.
      if ( ( ours < kUnreachable ) != theirsReachable || ( theirsReachable && std::abs( theirs - ours ) > 0.5 ) )
        ++mismatches;
    }
  }
  const double qgisMeasured = secondsSince( qgisStart );
  const double qgisScaled = qgisMeasured / static_cast<double>( qgisOrigins ) * static_cast<double>( origins.size() );

  std::printf( "QGIS: QgsGraph built in %.2f s; QgsGraphAnalyzer::dijkstra timed on %zu of %zu origins and scaled "
               "per origin; %zu x %zu distances compared: %zu mismatches\n",
               qgisBuildSeconds, qgisOrigins, origins.size(), qgisOrigins, graph.nodeCount(), mismatches );
  std::printf( "threads: 1 and %u; times in seconds; peak = VmHWM MiB after our runs\n", allThreads );
  std::printf( "%-18s %7s %7s %7s %7s %10s %10s %10s %9s %9s %9s\n", "case", "nodes", "edges", "origins", "dests",
               "ours_1t", "ours_all", "qgis_1t", "ratio_1t", "ratio_all", "peak_MiB" );
  printRow( "origins x nodes", graph.nodeCount(), graph.edgeCount(), origins.size(), allNodes.size(), nodes1.seconds,
            nodesAll.seconds, qgisScaled, nodesPeakMib );
  printRow( "points x points", graph.nodeCount(), graph.edgeCount(), pointOrigins.size(), pointDestinations.size(),
            points1.seconds, pointsAll.seconds, 0.0, pointsPeakMib );
  if ( mismatches > 0 )
  {
    std::fprintf( stderr, "od: %zu distances differ from QGIS\n", mismatches );
    return 1;
  }
  std::printf( "od speedup vs qgis (1 thread): %.1fx\n", qgisScaled / nodes1.seconds );
  return 0;
}
