#pragma once
// Builds a RoadGraph from polylines: nodes shared vertices within a tolerance (and, when
// asked, crossings at grade), drops zero-length and duplicate pieces, applies one-way, and
// keeps the largest connected component (or all), reporting the others.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/graph/road_graph.h"

#include <string>
#include <vector>

namespace gf {

struct RoadSegmentInput
{
  std::vector<PointXY> points;     //!< metric CRS, at least two
  RoadClass roadClass = RoadClass::Branch;
  double speedKmh = 0.0;           //!< 0 means the class default
  OneWay oneWay = OneWay::Both;
  bool truckRestricted = false;
  TimeWindow truckWindow;
  //! 0 at grade, > 0 bridge or elevated road, < 0 tunnel (OSM `layer` semantics).
  int gradeLevel = 0;
};

struct RoadGraphBuildOptions
{
  double snapToleranceM = 0.5;         //!< vertices closer than this become one node
  bool keepLargestComponentOnly = true;
  //! Number nodes along a Hilbert curve instead of by first appearance: neighbours get
  //! nearby ids, which makes searches on city-size graphs markedly faster (cache locality).
  bool localityOrder = false;
  //! Split segments where they cross in their interior and join them there, but only when
  //! both are at grade (level 0): bridges and tunnels pass over or under everything.
  bool nodeAtCrossings = false;
};

struct ComponentInfo
{
  std::size_t nodeCount = 0;
  double lengthM = 0.0;
  PointXY location;                    //!< a node of the component, to show on the map
  bool kept = false;
};

struct NetworkReport
{
  std::size_t inputSegments = 0;
  std::size_t invalidSegments = 0;      //!< fewer than two distinct points
  std::size_t zeroLengthPieces = 0;
  std::size_t duplicatePieces = 0;
  std::size_t mergedVertices = 0;       //!< vertices merged into a node within the tolerance
  std::size_t crossingsNoded = 0;       //!< interior crossings joined (nodeAtCrossings)
  std::size_t crossingsSeparated = 0;   //!< interior crossings left unconnected: a bridge or tunnel
  std::size_t nodes = 0;
  std::size_t edges = 0;                //!< directed
  double totalLengthM = 0.0;            //!< kept network, each street counted once
  double lengthByClassM[kRoadClassCount] = {};
  std::vector<ComponentInfo> components; //!< largest first
  std::vector<PointXY> danglingEnds;    //!< nodes of degree one in the kept network
};

struct BuiltRoadGraph
{
  RoadGraph graph;
  NetworkReport report;
};

//! A directed edge between given nodes, for graphs that arrive already noded.
struct DirectedEdgeInput
{
  NodeId tail = kInvalidNode;
  NodeId head = kInvalidNode;
  EdgeAttributes attributes;        //!< sourceFeature is set to the input index
};

class RoadGraphBuilder
{
  public:
    static Result<BuiltRoadGraph> build( const std::vector<RoadSegmentInput> &segments,
                                         const RoadGraphBuildOptions &options,
                                         ProgressSink &progress );

    //! Builds from explicit nodes and directed edges (no noding; snapToleranceM is unused).
    //! Self loops count as zero-length pieces, repeated tail→head pairs as duplicates;
    //! an edge naming a missing node is an InvalidArgument error.
    static Result<BuiltRoadGraph> fromEdgeList( const std::vector<PointXY> &nodePoints,
                                                const std::vector<DirectedEdgeInput> &edges,
                                                const RoadGraphBuildOptions &options,
                                                ProgressSink &progress );

  private:
    struct Parts;  //!< nodes and directed pieces before components are known
    //! Components, the kept part, the CSR arrays and the report: shared by both entry points.
    static Result<BuiltRoadGraph> finish( Parts &parts, const RoadGraphBuildOptions &options,
                                          NetworkReport report, ProgressSink &progress );
};

} // namespace gf
