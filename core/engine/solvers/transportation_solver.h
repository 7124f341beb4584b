#pragma once
// Exact transportation problem for a fixed set of open facilities: clients with demand are
// split over open facilities with capacities at least cost. Every client starts at its
// cheapest facility; successive shortest paths then move the overload of full facilities to
// facilities with spare capacity. Paths run over facility nodes only (a hop a -> b moves part
// of one client served by a to b), so each Dijkstra is over a handful of nodes with Johnson
// potentials, and stops at the first facility with spare capacity.
#include <cstdint>
#include <vector>

namespace gf {

class TransportationSolver
{
  public:
    //! \a unitCost is client-major (clients × facilities); entries >= \a forbidden are not allowed.
    //! Returns false when the demand cannot be routed (capacity short or a client with no arc).
    bool solve( const std::vector<double> &demand, const std::vector<double> &capacity,
                const std::vector<double> &unitCost, double forbidden );

    double cost() const { return mCost; }

    //! Flow from client to facility after solve(), client-major.
    const std::vector<double> &flow() const { return mFlow; }

  private:
    bool augment( const std::vector<double> &unitCost, double forbidden );
    void addFlow( std::uint32_t client, std::uint32_t facility, double amount );

    std::uint32_t mClients = 0;
    std::uint32_t mFacilities = 0;
    std::vector<double> mFlow;
    std::vector<double> mCapacity;
    std::vector<double> mLoad;                           //!< per facility: demand routed to it
    std::vector<std::vector<std::uint32_t>> mServed;     //!< per facility: clients with flow (may hold stale entries)
    std::vector<double> mPotential;                      //!< per facility, then the sink
    std::vector<double> mDistance;
    std::vector<std::uint32_t> mPred;                    //!< facility node a path arrives from
    std::vector<std::uint32_t> mPredClient;              //!< client whose flow that hop moves
    std::vector<char> mDone;
    double mCost = 0.0;
};

} // namespace gf
