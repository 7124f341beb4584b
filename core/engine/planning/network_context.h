#pragma once
// The road graph of a scenario built once, with its snapping index and distance weights,
// shared by every tier of a plan.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/graph/edge_snapper.h"
#include "engine/graph/road_graph_builder.h"
#include "engine/scenario/scenario.h"

#include <memory>
#include <vector>

namespace gf {

//! Points snapped to the network, with their positions in the caller's list.
struct SnappedSet
{
  std::vector<SnappedPoint> points;
  std::vector<std::uint32_t> sourceIndex;   //!< index in the caller's list, per snapped point
  std::vector<std::uint32_t> unsnapped;     //!< indices farther than the limit from any road
};

class NetworkContext
{
  public:
    //! Builds the graph of the scenario's roads with its parameters' snapping tolerance.
    static Result<NetworkContext> build( const Scenario &scenario, ProgressSink &progress );

    const RoadGraph &graph() const { return mBuilt->graph; }
    const NetworkReport &report() const { return mBuilt->report; }
    const EdgeWeights &distanceWeights() const { return mDistanceWeights; }

    SnappedSet snap( const std::vector<PointXY> &locations, double maxDistanceM ) const;
    //! Only the locations flagged in \a include (empty = all); indices refer to \a locations.
    SnappedSet snap( const std::vector<PointXY> &locations, const std::vector<char> &include, double maxDistanceM ) const;

    //! The locations of any list of items with a `location` member.
    template<typename Item>
    static std::vector<PointXY> locationsOf( const std::vector<Item> &items )
    {
      std::vector<PointXY> locations;
      locations.reserve( items.size() );
      for ( const Item &item : items )
        locations.push_back( item.location );
      return locations;
    }

  private:
    NetworkContext() = default;

    // Behind pointers so that the snapper's reference to the graph survives moves.
    std::unique_ptr<BuiltRoadGraph> mBuilt;
    std::unique_ptr<EdgeSnapper> mSnapper;
    EdgeWeights mDistanceWeights;
};

} // namespace gf
