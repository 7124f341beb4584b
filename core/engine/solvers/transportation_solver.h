#pragma once
// Exact transportation problem for a fixed set of open facilities: clients with demand are
// split over open facilities with capacities at least cost. Every client starts at its
// cheapest facility; successive shortest paths then move the overload of full facilities to
// facilities with spare capacity. Paths run over facility nodes only (a hop a -> b moves part
// of one client served by a to b), so each Dijkstra is over a handful of nodes with Johnson
// potentials, and stops at the first facility with spare capacity. The allowed pairs are arcs
// per client, so a sparse cost matrix is routed over its stored pairs only.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gf {

class TransportationSolver
{
  public:
    //! An allowed client -> facility pair and its cost per unit of demand.
    struct Arc
    {
      std::uint32_t facility = 0;
      double unitCost = 0.0;
    };

    //! \a unitCost is client-major (clients × facilities); entries >= \a forbidden are not allowed.
    //! Returns false when the demand cannot be routed (capacity short or a client with no arc).
    bool solve( const std::vector<double> &demand, const std::vector<double> &capacity,
                const std::vector<double> &unitCost, double forbidden );

    //! The same over arcs: client c's are arcs[arcFirst[c]] .. arcs[arcFirst[c + 1]] (clients + 1 offsets).
    bool solve( const std::vector<double> &demand, const std::vector<double> &capacity, const std::vector<std::size_t> &arcFirst,
                const std::vector<Arc> &arcs );

    double cost() const { return mCost; }

    //! Flow from client to facility after the dense solve(), client-major.
    const std::vector<double> &flow() const { return mFlow; }

    //! Flow on each arc after the arc solve(), aligned with its arcs.
    const std::vector<double> &arcFlow() const { return mArcFlow; }

    //! Demand routed to \a facility.
    double load( std::uint32_t facility ) const { return mLoad[facility]; }

  private:
    bool route( const std::vector<double> &demand );
    bool augment();
    void addFlow( std::size_t arc, double amount );

    std::uint32_t mClients = 0;
    std::uint32_t mFacilities = 0;
    const std::vector<std::size_t> *mArcFirst = nullptr;
    const std::vector<Arc> *mArcs = nullptr;
    std::vector<std::uint32_t> mArcClient;               //!< per arc
    std::vector<double> mArcFlow;                        //!< per arc
    std::vector<std::size_t> mDenseFirst;                //!< arcs of the dense solve()
    std::vector<Arc> mDenseArcs;
    std::vector<double> mFlow;
    std::vector<double> mCapacity;
    std::vector<double> mLoad;                           //!< per facility: demand routed to it
    std::vector<std::vector<std::size_t>> mServed;       //!< per facility: arcs into it with flow (may hold stale entries)
    std::vector<double> mPotential;                      //!< per facility, then the sink
    std::vector<double> mDistance;
    std::vector<std::uint32_t> mPred;                    //!< facility node a path arrives from
    std::vector<std::size_t> mPredArc;                   //!< arc a hop moves flow onto
    std::vector<std::size_t> mPredFrom;                  //!< arc that hop moves flow off
    std::vector<char> mDone;
    double mCost = 0.0;
};

} // namespace gf
