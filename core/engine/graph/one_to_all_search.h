#pragma once
// What the OD engine needs from a one-to-all search, so that it can run on plain Dijkstra
// (ShortestPathQuery) or on a contraction hierarchy (PhastQuery) alike.
#include "engine/common/types.h"

#include <cstddef>

namespace gf {

class OneToAllSearch
{
  public:
    virtual ~OneToAllSearch() = default;

    //! Forgets the previous search.
    virtual void reset() = 0;
    //! Adds a source node with an initial cost.
    virtual void addSource( NodeId node, Cost initialCost ) = 0;
    //! Computes the costs; nodes costlier than the cutoff count as unreachable.
    virtual void run( Cost cutoff = kUnreachable ) = 0;
    //! Cost to a node after run(), kUnreachable if not reached.
    virtual Cost cost( NodeId node ) const = 0;
    //! out[i] = cost( nodes[i] ) for count nodes: one call per row where a search can gather faster.
    virtual void costs( const NodeId *nodes, std::size_t count, Cost *out ) const
    {
      for ( std::size_t i = 0; i < count; ++i )
        out[i] = cost( nodes[i] );
    }
};

} // namespace gf
