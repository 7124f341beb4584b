#pragma once
// The distribution-centre tier: which public distribution centres to open, with fixed costs
// and capacities, to supply the end stations and the large customers from the freight hubs
// at the least daily cost: single-source capacitated facility location over network
// distances, with the programme's minimum and maximum number of centres.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/planning/exact_refiner.h"
#include "engine/planning/network_context.h"
#include "engine/planning/od_provider.h"
#include "engine/scenario/scenario.h"

#include <cstdint>
#include <vector>

namespace gf {

struct CentreSite
{
  PointXY location;
  double capacityTonnesPerDay = 0.0;
  double fixedCostCnyPerDay = 0.0;
  bool required = false;
  bool banned = false;
};

//! What a centre supplies: an end station (its customers' goods together) or a large customer.
struct CentreClient
{
  PointXY location;
  double tonnesPerDay = 0.0;
  double parcelsPerDay = 0.0;
};

struct PlannedCentre
{
  std::uint32_t siteIndex = 0;             //!< into the sites given to planCentreTier
  std::uint32_t hubIndex = kNoHub;         //!< nearest hub on the network (Scenario::hubs)
  double inboundDistanceM = 0.0;           //!< hub → centre
  double throughputTonnesPerDay = 0.0;
  double throughputParcelsPerDay = 0.0;
  std::uint32_t clientCount = 0;

  static constexpr std::uint32_t kNoHub = UINT32_MAX;
};

struct CentreTier
{
  std::vector<PlannedCentre> centres;       //!< by site index
  std::vector<std::uint32_t> clientCentre;  //!< per client: index into centres, or UINT32_MAX
  std::vector<double> clientDistanceM;      //!< per client: centre → client
  std::vector<std::uint32_t> unsnappedSites;
  double objectiveCnyPerDay = 0.0;          //!< fixed plus transport cost of the solution
  double lowerBoundCnyPerDay = 0.0;
  double gap = 0.0;
  bool provenOptimal = false;
  bool canceled = false;
};

//! Transport cost of one tonne over one kilometre for a vehicle type at the plan's load
//! factor, empty return included: what the centre tier weighs distances with.
double costCnyPerTonneKm( const VehicleSpec &vehicle, double loadFactor );

/**
 * Opens between centres.minCount and centres.maxCount centres among \a sites for \a clients.
 * Each client is served by exactly one centre within its capacity, each centre is supplied
 * from its nearest hub.
 * Costs per day: the fixed cost of every open centre plus, per client, tonnes × (van cost
 * per tonne-km × centre → client + truck cost per tonne-km × hub → centre).
 * NoCandidates when no site snaps to the network, CapacityBelowDemand when the sites cannot
 * hold the clients' tonnes. \a exactRefiner (optional) runs exact mode after the heuristic
 * when parameters.exactTimeLimitS is positive.
 */
Result<CentreTier> planCentreTier( const NetworkContext &network, const Scenario &scenario,
                                   const std::vector<CentreSite> &sites, const std::vector<CentreClient> &clients,
                                   ProgressSink &progress, OdProvider *odProvider = nullptr,
                                   ExactRefiner *exactRefiner = nullptr );

} // namespace gf
