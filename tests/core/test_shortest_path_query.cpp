// ShortestPathQuery and PhastQuery (contraction hierarchy) against Floyd–Warshall on random
// directed graphs: single and multiple sources, forbidden edges, zero weights, parallel edges,
// cutoff, predecessor edges and reuse across runs.
#include "engine/graph/contraction_hierarchy.h"
#include "engine/graph/shortest_path_query.h"
#include "graph_test_support.h"

#include <QtTest>

using namespace gf;
using namespace gf::testing;

namespace {

struct RandomGraph
{
  RoadGraph graph;
  EdgeWeights weights;
};

RandomGraph randomGraph( RandomSource &rng, std::uint32_t nodes, std::uint32_t edges )
{
  std::vector<PointXY> points;
  for ( std::uint32_t i = 0; i < nodes; ++i )
    points.push_back( PointXY{ rng.unit() * 1000, rng.unit() * 1000 } );
  std::vector<DirectedEdgeInput> input;
  for ( std::uint32_t i = 0; i < edges; ++i )
  {
    DirectedEdgeInput e;
    e.tail = rng.below( nodes );
    e.head = rng.below( nodes );
    // Small range so that ties and zero weights occur.
    e.attributes.lengthDm = static_cast<std::int32_t>( rng.below( 20 ) );
    input.push_back( e );
  }
  RoadGraphBuildOptions options;
  options.keepLargestComponentOnly = false;
  SilentProgress progress;
  Result<BuiltRoadGraph> built = RoadGraphBuilder::fromEdgeList( points, input, options, progress );
  RandomGraph result;
  if ( !built.isOk() )
    return result;
  result.graph = std::move( built->graph );
  result.weights = computeEdgeWeights( result.graph, CostMetric::DistanceDm );
  for ( Cost &w : result.weights )
  {
    if ( rng.unit() < 0.1 )
      w = kUnreachable;
  }
  return result;
}

} // namespace

class TestShortestPathQuery : public QObject
{
    Q_OBJECT

  private slots:
    void randomGraphsAgainstFloyd();
};

void TestShortestPathQuery::randomGraphsAgainstFloyd()
{
  RandomSource rng( 20240501 );
  int checkedGraphs = 0;
  for ( int round = 0; round < 60; ++round )
  {
    const std::uint32_t nodes = 5 + rng.below( 40 );
    const RandomGraph g = randomGraph( rng, nodes, nodes + rng.below( 3 * nodes ) );
    if ( g.graph.nodeCount() == 0 )
      continue;
    ++checkedGraphs;
    const CostTable reference = allPairsCosts( g.graph, g.weights );
    const NodeId n = static_cast<NodeId>( g.graph.nodeCount() );
    ShortestPathQuery query( g.graph, g.weights );  // reused by every search on this graph
    SilentProgress progress;
    const std::optional<ContractionHierarchy> hierarchy = ContractionHierarchy::build( g.graph, g.weights, progress );
    QVERIFY( hierarchy.has_value() );
    PhastQuery phast( *hierarchy );  // likewise

    for ( int search = 0; search < 8; ++search )
    {
      // One to three sources with initial costs; on some searches a cutoff.
      std::vector<std::pair<NodeId, Cost>> sources;
      const std::uint32_t sourceCount = 1 + rng.below( 3 );
      for ( std::uint32_t s = 0; s < sourceCount; ++s )
        sources.emplace_back( rng.below( n ), static_cast<Cost>( rng.below( 10 ) ) );
      const Cost cutoff = rng.unit() < 0.5 ? kUnreachable : static_cast<Cost>( rng.below( 60 ) );

      query.reset();
      phast.reset();
      for ( const auto &[node, initial] : sources )
      {
        query.addSource( node, initial );
        phast.addSource( node, initial );
      }
      query.run( cutoff );
      phast.run( cutoff );

      for ( NodeId v = 0; v < n; ++v )
      {
        std::int64_t expected = kNoPath;
        for ( const auto &[node, initial] : sources )
          expected = std::min( expected, initial + reference[node][v] );
        if ( expected > cutoff )
          expected = kUnreachable;
        QCOMPARE( std::int64_t( query.cost( v ) ), expected );
        QCOMPARE( std::int64_t( phast.cost( v ) ), expected );

        const EdgeId via = query.predecessorEdge( v );
        if ( query.cost( v ) >= kUnreachable )
        {
          QCOMPARE( via, kInvalidEdge );
        }
        else if ( via == kInvalidEdge )
        {
          // Only a source whose initial cost was not beaten has no predecessor.
          bool isSourceAtInitial = false;
          for ( const auto &[node, initial] : sources )
            isSourceAtInitial = isSourceAtInitial || ( node == v && initial == query.cost( v ) );
          QVERIFY( isSourceAtInitial );
        }
        else
        {
          QCOMPARE( g.graph.head()[via], v );
          QCOMPARE( query.cost( g.graph.tail()[via] ) + g.weights[via], query.cost( v ) );
        }
      }
    }
  }
  QVERIFY( checkedGraphs > 40 );
}

QTEST_APPLESS_MAIN( TestShortestPathQuery )
#include "test_shortest_path_query.moc"
