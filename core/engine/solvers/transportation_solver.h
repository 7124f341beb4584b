#pragma once
// Exact transportation problem for a fixed set of open facilities: clients with demand are
// split over open facilities with capacities at least cost. Successive shortest paths with
// Dijkstra on reduced costs (Johnson potentials); every augmentation exhausts a client's
// demand, a facility's capacity or a reverse flow.
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

    std::uint32_t mClients = 0;
    std::uint32_t mFacilities = 0;
    std::vector<double> mFlow;
    std::vector<double> mSupply;        //!< per client: demand still to route
    std::vector<double> mSpare;         //!< per facility: capacity still free
    std::vector<double> mPotential;     //!< per node: clients, then facilities
    std::vector<double> mDistance;
    std::vector<std::uint32_t> mPred;
    std::vector<char> mDone;
    double mCost = 0.0;
};

} // namespace gf
