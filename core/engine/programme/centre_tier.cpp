#include "engine/programme/centre_tier.h"

#include "engine/solvers/sscflp_solver.h"

#include <algorithm>
#include <limits>

namespace gf {

namespace {

constexpr double kOdDone = 0.4;

double metresFromCost( Cost cost )
{
  return static_cast<double>( cost ) / kCostUnitsPerBaseUnit;
}

//! Network distance from the nearest hub to each snapped site, and which hub.
struct Inbound
{
  std::vector<double> distanceM;
  std::vector<std::uint32_t> hub;
};

Result<Inbound> inboundLegs( const NetworkContext &network, const Scenario &scenario, const SnappedSet &sites,
                             OdProvider &provider, const OdOptions &options, ProgressSink &progress )
{
  Inbound inbound;
  inbound.distanceM.assign( sites.points.size(), 0.0 );
  inbound.hub.assign( sites.points.size(), PlannedCentre::kNoHub );
  const SnappedSet hubs = network.snap( NetworkContext::locationsOf( scenario.hubs ), scenario.parameters.snapMaxDistanceM );
  if ( hubs.points.empty() )
    return inbound;
  Result<OdMatrix> od = provider.odMatrix( network.graph(), network.distanceWeights(), hubs.points, sites.points, options, progress );
  if ( !od )
    return od.error();
  for ( std::size_t site = 0; site < sites.points.size(); ++site )
  {
    Cost best = kUnreachable;
    for ( std::size_t hub = 0; hub < hubs.points.size(); ++hub )
    {
      if ( od->at( hub, site ) < best )
      {
        best = od->at( hub, site );
        inbound.hub[site] = hubs.sourceIndex[hub];
      }
    }
    inbound.distanceM[site] = best < kUnreachable ? metresFromCost( best ) : 0.0;
  }
  return inbound;
}

} // namespace

double costCnyPerTonneKm( const VehicleSpec &vehicle, double loadFactor )
{
  const double tonnesCarried = vehicle.payloadTonnes * loadFactor;
  if ( tonnesCarried <= 0.0 )
    return 0.0;
  const double perKm = vehicle.costCnyPerKm + ( vehicle.operatingSpeedKmh > 0.0 ? vehicle.costCnyPerHour / vehicle.operatingSpeedKmh : 0.0 );
  // Loaded out, empty back: every loaded kilometre costs two driven ones.
  return 2.0 * perKm / tonnesCarried;
}

Result<CentreTier> planCentreTier( const NetworkContext &network, const Scenario &scenario,
                                   const std::vector<CentreSite> &sites, const std::vector<CentreClient> &clients,
                                   ProgressSink &progress, OdProvider *odProvider, ExactRefiner *exactRefiner )
{
  const PlanParameters &parameters = scenario.parameters;
  const FleetParameters &fleet = parameters.programme.fleet;
  CentreTier tier;
  tier.clientCentre.assign( clients.size(), UINT32_MAX );
  tier.clientDistanceM.assign( clients.size(), 0.0 );
  if ( clients.empty() )
    return tier;

  const SnappedSet snappedSites = network.snap( NetworkContext::locationsOf( sites ), parameters.snapMaxDistanceM );
  tier.unsnappedSites = snappedSites.unsnapped;
  if ( snappedSites.points.empty() )
    return makeError( ErrorCode::NoCandidates, "centre" );
  // Clients are stations and customers already placed on the network; one that does not
  // snap cannot be supplied and stays unassigned.
  const SnappedSet snappedClients = network.snap( NetworkContext::locationsOf( clients ), parameters.snapMaxDistanceM );

  OdOptions odOptions;
  odOptions.threads = parameters.threads;
  DirectOdProvider directOd;
  OdProvider &provider = odProvider ? *odProvider : directOd;
  ProgressPhase odPhase( progress, 0.0, kOdDone );
  Result<OdMatrix> outbound = provider.odMatrix( network.graph(), network.distanceWeights(), snappedSites.points, snappedClients.points, odOptions, odPhase );
  if ( !outbound )
    return outbound.error();
  Result<Inbound> inbound = inboundLegs( network, scenario, snappedSites, provider, odOptions, odPhase );
  if ( !inbound )
    return inbound.error();

  const double vanCost = costCnyPerTonneKm( fleet.nevVan, fleet.planLoadFactor );
  const double truckCost = costCnyPerTonneKm( fleet.heavyTruck, fleet.planLoadFactor );
  SscflpProblem problem;
  LocationProblem &location = problem.location;
  location.clientCount = static_cast<std::uint32_t>( snappedClients.points.size() );
  location.candidateCount = static_cast<std::uint32_t>( snappedSites.points.size() );
  location.cost.resize( static_cast<std::size_t>( location.clientCount ) * location.candidateCount );
  for ( std::uint32_t client = 0; client < location.clientCount; ++client )
  {
    const double tonnes = clients[snappedClients.sourceIndex[client]].tonnesPerDay;
    problem.demand.push_back( tonnes );
    for ( std::uint32_t site = 0; site < location.candidateCount; ++site )
    {
      const Cost distance = outbound->at( site, client );
      location.cost[static_cast<std::size_t>( client ) * location.candidateCount + site]
        = distance < kUnreachable ? tonnes * ( vanCost * metresFromCost( distance ) + truckCost * inbound->distanceM[site] ) / 1000.0
                                  : kForbiddenAssignment;
    }
  }
  for ( std::uint32_t site = 0; site < location.candidateCount; ++site )
  {
    const CentreSite &centre = sites[snappedSites.sourceIndex[site]];
    problem.fixedCost.push_back( centre.fixedCostCnyPerDay );
    problem.capacity.push_back( centre.capacityTonnesPerDay );
    if ( centre.required )
      location.required.push_back( site );
    if ( centre.banned )
      location.banned.push_back( site );
  }

  SscflpOptions options;
  options.minFacilities = parameters.programme.centres.minCount;
  options.maxFacilities = parameters.programme.centres.maxCount;
  options.seed = parameters.seed;
  options.timeLimitS = parameters.timeLimitS;
  const bool exact = exactRefiner && parameters.exactTimeLimitS > 0.0;
  const double heuristicDone = exact ? 0.5 * ( kOdDone + 1.0 ) : 1.0;
  ProgressPhase solvePhase( progress, kOdDone, heuristicDone );
  Result<LocationSolution> solved = solveSscflp( problem, options, solvePhase );
  if ( solved && exact && !solved->canceled )
  {
    ProgressPhase exactPhase( progress, heuristicDone, 1.0 );
    solved = exactRefiner->refineSingleSource( sscflpModel( problem, options ), *solved, parameters.exactTimeLimitS, exactPhase );
  }
  if ( !solved )
    return solved.error();
  const LocationSolution &solution = *solved;
  tier.objectiveCnyPerDay = solution.objective;
  tier.lowerBoundCnyPerDay = solution.lowerBound;
  tier.gap = solution.gap();
  tier.provenOptimal = solution.provenOptimal;
  tier.canceled = solution.canceled;

  std::vector<std::uint32_t> centreOfSite( location.candidateCount, UINT32_MAX );
  for ( std::uint32_t site : solution.open )
  {
    PlannedCentre centre;
    centre.siteIndex = snappedSites.sourceIndex[site];
    centre.hubIndex = inbound->hub[site];
    centre.inboundDistanceM = inbound->distanceM[site];
    centreOfSite[site] = static_cast<std::uint32_t>( tier.centres.size() );
    tier.centres.push_back( centre );
  }
  for ( std::uint32_t client = 0; client < location.clientCount; ++client )
  {
    const std::uint32_t site = solution.assignment[client];
    if ( site == kUnassigned )
      continue;
    const std::uint32_t clientIndex = snappedClients.sourceIndex[client];
    const CentreClient &served = clients[clientIndex];
    PlannedCentre &centre = tier.centres[centreOfSite[site]];
    tier.clientCentre[clientIndex] = centreOfSite[site];
    tier.clientDistanceM[clientIndex] = metresFromCost( outbound->at( site, client ) );
    centre.throughputTonnesPerDay += served.tonnesPerDay;
    centre.throughputParcelsPerDay += served.parcelsPerDay;
    ++centre.clientCount;
  }
  progress.setProgress( 1.0 );
  return tier;
}

} // namespace gf
