#include "engine/programme/programme_plan.h"

#include "engine/planning/network_context.h"
#include "engine/programme/baseline_flows.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace gf {

namespace {

// Progress phases; the OD matrices of the station tier dominate.
constexpr double kNetworkDone = 0.10;
constexpr double kCandidatesDone = 0.15;
constexpr double kStationsDone = 0.55;
constexpr double kCentresDone = 0.72;
constexpr double kBaselineDone = 0.82;
constexpr double kBaysDone = 0.95;

//! How far from a control line's boundary a site counts as touching it.
constexpr double kControlLineTouchM = 50.0;

//! Customers a distribution centre delivers directly: stores take whole van loads.
bool isLargeCustomer( const DemandPoint &point )
{
  return point.type == DemandType::Supermarket || point.type == DemandType::ChainStore;
}

//! Bulk business-to-business freight (wholesale markets, industrial parks) moves in full
//! truckloads from the hubs; it is outside the urban distribution network the programme
//! plans, in the plan and in the status quo alike.
bool isBulkCustomer( const DemandPoint &point )
{
  return point.type == DemandType::WholesaleMarket || point.type == DemandType::IndustrialPark;
}

//! The error for a facility type without any accepted candidate, rejections counted by reason.
Error noSuitableLand( FacilityType facility, const std::vector<SiteCandidate> &candidates )
{
  std::map<std::string, std::size_t> counts;
  for ( const SiteCandidate &candidate : candidates )
    ++counts[candidateRejectionId( candidate.rejection )];
  std::string subject = facilityTypeId( facility );
  for ( const auto &[reason, count] : counts )
    subject += ";" + reason + "=" + std::to_string( count );
  return makeError( ErrorCode::NoSuitableLand, subject );
}

//! Accepted candidates as the solver's sites, and the candidate index of each site.
std::vector<CandidateSite> stationSites( const std::vector<SiteCandidate> &candidates, std::vector<std::uint32_t> &siteCandidate )
{
  std::vector<CandidateSite> sites;
  for ( std::uint32_t i = 0; i < candidates.size(); ++i )
  {
    const SiteCandidate &candidate = candidates[i];
    if ( !candidate.isAccepted() )
      continue;
    CandidateSite site;
    site.sourceId = candidate.sourceId;
    site.name = candidate.name;
    site.location = candidate.location;
    site.origin = candidate.origin;
    site.capacityParcelsPerDay = candidate.capacity;
    site.required = candidate.required;
    site.banned = candidate.banned;
    sites.push_back( std::move( site ) );
    siteCandidate.push_back( i );
  }
  return sites;
}

std::vector<CentreSite> centreSites( const std::vector<SiteCandidate> &candidates, const CentreParameters &parameters,
                                     std::vector<std::uint32_t> &siteCandidate )
{
  std::vector<CentreSite> sites;
  for ( std::uint32_t i = 0; i < candidates.size(); ++i )
  {
    const SiteCandidate &candidate = candidates[i];
    if ( !candidate.isAccepted() )
      continue;
    CentreSite site;
    site.location = candidate.location;
    site.capacityTonnesPerDay = candidate.capacity;
    site.fixedCostCnyPerDay = parameters.fixedCostCnyPerDay;
    site.required = candidate.required;
    site.banned = candidate.banned;
    sites.push_back( site );
    siteCandidate.push_back( i );
  }
  return sites;
}

//! Tonnes per day each station hands to its customers.
std::vector<double> stationTonnes( const Scenario &scenario, const StationPlan &stations )
{
  std::vector<double> tonnes( stations.stations.size(), 0.0 );
  for ( const DemandAssignment &assignment : stations.assignments )
  {
    if ( assignment.status == AssignmentStatus::Assigned )
      tonnes[assignment.stationIndex] += scenario.demand[assignment.demandIndex].tonnesPerDay;
  }
  return tonnes;
}

//! Flows of the three tiers from the solved station and centre tiers.
std::vector<Flow> planFlows( const Scenario &scenario, const ProgrammePlan &plan )
{
  std::vector<Flow> flows;
  const StationPlan &stations = plan.stations;
  const CentreTier &centres = plan.centres;
  const std::vector<double> tonnesOfStation = stationTonnes( scenario, stations );

  for ( const DemandAssignment &assignment : stations.assignments )
  {
    if ( assignment.status != AssignmentStatus::Assigned )
      continue;
    const DemandPoint &point = scenario.demand[assignment.demandIndex];
    const PlannedStation &station = stations.stations[assignment.stationIndex];
    Flow flow;
    flow.tier = FlowTier::StationToCustomer;
    flow.fromIndex = assignment.stationIndex;
    flow.toIndex = assignment.demandIndex;
    flow.from = plan.stationCandidates[station.candidateIndex].location;
    flow.to = point.location;
    flow.tonnesPerDay = point.tonnesPerDay;
    flow.parcelsPerDay = point.parcelsPerDay;
    flow.networkDistanceM = assignment.networkDistanceM;
    flows.push_back( flow );
  }

  for ( std::uint32_t client = 0; client < centres.clientCentre.size(); ++client )
  {
    const std::uint32_t centreIndex = centres.clientCentre[client];
    if ( centreIndex == UINT32_MAX )
      continue;
    const PlannedCentre &centre = centres.centres[centreIndex];
    Flow flow;
    flow.fromIndex = centreIndex;
    flow.from = plan.centreCandidates[centre.siteIndex].location;
    flow.networkDistanceM = centres.clientDistanceM[client];
    if ( client < stations.stations.size() )
    {
      const PlannedStation &station = stations.stations[client];
      flow.tier = FlowTier::CentreToStation;
      flow.toIndex = client;
      flow.to = plan.stationCandidates[station.candidateIndex].location;
      flow.tonnesPerDay = tonnesOfStation[client];
      flow.parcelsPerDay = station.servedParcelsPerDay;
    }
    else
    {
      const std::uint32_t demandIndex = plan.largeCustomers[client - stations.stations.size()];
      const DemandPoint &point = scenario.demand[demandIndex];
      flow.tier = FlowTier::CentreToCustomer;
      flow.toIndex = demandIndex;
      flow.to = point.location;
      flow.tonnesPerDay = point.tonnesPerDay;
      flow.parcelsPerDay = point.parcelsPerDay;
    }
    flows.push_back( flow );
  }

  for ( std::uint32_t centreIndex = 0; centreIndex < centres.centres.size(); ++centreIndex )
  {
    const PlannedCentre &centre = centres.centres[centreIndex];
    if ( centre.hubIndex == PlannedCentre::kNoHub )
      continue;
    Flow flow;
    flow.tier = FlowTier::HubToCentre;
    flow.fromIndex = centre.hubIndex;
    flow.toIndex = centreIndex;
    flow.from = scenario.hubs[centre.hubIndex].location;
    flow.to = plan.centreCandidates[centre.siteIndex].location;
    flow.tonnesPerDay = centre.throughputTonnesPerDay;
    flow.parcelsPerDay = centre.throughputParcelsPerDay;
    flow.networkDistanceM = centre.inboundDistanceM;
    flows.push_back( flow );
  }
  return flows;
}

//! The flows of one tier leaving one base.
std::vector<Flow> flowsFrom( const std::vector<Flow> &flows, std::uint32_t baseIndex, std::initializer_list<FlowTier> tiers )
{
  std::vector<Flow> selected;
  for ( const Flow &flow : flows )
  {
    if ( flow.fromIndex == baseIndex && std::find( tiers.begin(), tiers.end(), flow.tier ) != tiers.end() )
      selected.push_back( flow );
  }
  return selected;
}

double squaredDistance( const PointXY &a, const PointXY &b )
{
  return ( a.x - b.x ) * ( a.x - b.x ) + ( a.y - b.y ) * ( a.y - b.y );
}

/**
 * Piles at every centre and station for the NEV fleets based there, then public charging
 * sites for what the bases cannot hold: each base with overflow hands it to the nearest
 * accepted charging candidate (straight line; a public site may take several bases).
 */
void planCharging( const Scenario &scenario, ProgrammePlan &plan )
{
  const ProgrammeParameters &parameters = scenario.parameters.programme;
  const FleetParameters &fleet = parameters.fleet;
  auto addBase = [&]( ChargingSiteKind kind, ChargingBase base, std::uint32_t index, const PointXY &location,
                      const FleetEstimate &estimate ) {
    ChargingPlanSite site;
    site.kind = kind;
    site.baseIndex = index;
    site.location = location;
    site.sizing = sizeChargingSite( chargingDemand( estimate, parameters ), base, parameters );
    site.nevVehicles = site.sizing.demand.vehicles;
    plan.charging.push_back( site );
  };
  for ( std::uint32_t c = 0; c < plan.centres.centres.size(); ++c )
  {
    const FleetEstimate vans = estimateFleet( flowsFrom( plan.flows, c, { FlowTier::CentreToStation, FlowTier::CentreToCustomer } ),
                                              VehicleType::NevVan, fleet.planLoadFactor, fleet );
    addBase( ChargingSiteKind::Centre, ChargingBase::Centre, c, plan.centreCandidates[plan.centres.centres[c].siteIndex].location, vans );
  }
  for ( std::uint32_t s = 0; s < plan.stations.stations.size(); ++s )
  {
    const FleetEstimate tricycles = estimateFleet( flowsFrom( plan.flows, s, { FlowTier::StationToCustomer } ),
                                                   VehicleType::ETricycle, fleet.planLoadFactor, fleet );
    addBase( ChargingSiteKind::Station, ChargingBase::Station, s, plan.stationCandidates[plan.stations.stations[s].candidateIndex].location, tricycles );
  }

  const std::size_t baseCount = plan.charging.size();
  std::map<std::uint32_t, std::size_t> publicSiteOfCandidate;
  for ( std::size_t b = 0; b < baseCount; ++b )
  {
    const ChargingPlanSite base = plan.charging[b];
    if ( base.sizing.overflowPiles == 0 )
      continue;
    std::uint32_t nearest = UINT32_MAX;
    double nearestSquared = std::numeric_limits<double>::infinity();
    for ( std::uint32_t i = 0; i < plan.chargingCandidates.size(); ++i )
    {
      const SiteCandidate &candidate = plan.chargingCandidates[i];
      const double d2 = squaredDistance( candidate.location, base.location );
      if ( candidate.isAccepted() && d2 < nearestSquared )
      {
        nearestSquared = d2;
        nearest = i;
      }
    }
    if ( nearest == UINT32_MAX )
      continue;  // no land for public charging: the overflow stays unserved and the ratio shows it
    auto [entry, inserted] = publicSiteOfCandidate.emplace( nearest, plan.charging.size() );
    if ( inserted )
    {
      ChargingPlanSite site;
      site.kind = ChargingSiteKind::Public;
      site.baseIndex = static_cast<std::uint32_t>( b );
      site.candidateIndex = nearest;
      site.location = plan.chargingCandidates[nearest].location;
      plan.charging.push_back( site );
    }
    ChargingPlanSite &site = plan.charging[entry->second];
    site.sizing.dcPiles += base.sizing.overflowPiles;
    site.sizing.demand.vehicles += base.sizing.overflowVehicles;
    site.sizing.demand.gridKwhPerDay += base.sizing.overflowGridKwhPerDay;
  }

  for ( const ChargingPlanSite &site : plan.charging )
  {
    plan.availablePiles += site.sizing.sitePiles();
    if ( site.kind != ChargingSiteKind::Public )
      plan.nevVehiclesAtPiles += site.nevVehicles;
  }
}

void addConflicts( const CandidateGenerator &generator, ProgrammePlan &plan )
{
  auto add = [&]( FacilityType facility, std::uint32_t index, const PointXY &location ) {
    SiteConflict conflict;
    conflict.facility = facility;
    conflict.facilityIndex = index;
    conflict.location = location;
    conflict.landUse = generator.siteLandUse( location, facility, kControlLineTouchM );
    plan.conflicts.push_back( std::move( conflict ) );
  };
  for ( std::uint32_t c = 0; c < plan.centres.centres.size(); ++c )
    add( FacilityType::DistributionCentre, c, plan.centreCandidates[plan.centres.centres[c].siteIndex].location );
  for ( std::uint32_t s = 0; s < plan.stations.stations.size(); ++s )
    add( FacilityType::EndStation, s, plan.stationCandidates[plan.stations.stations[s].candidateIndex].location );
  std::uint32_t publicIndex = 0;
  for ( const ChargingPlanSite &site : plan.charging )
  {
    if ( site.kind == ChargingSiteKind::Public )
      add( FacilityType::ChargingSite, publicIndex++, site.location );
  }
}

void evaluate( const Scenario &scenario, ProgrammePlan &plan )
{
  const ProgrammeParameters &parameters = scenario.parameters.programme;
  plan.kpis = computeProgrammeKpis( plan.flows, parameters );
  ComplianceInputs inputs;
  inputs.baseline = plan.kpis.baseline.total;
  inputs.plan = plan.kpis.plan.total;
  inputs.nevVehiclesAtPiles = plan.nevVehiclesAtPiles;
  inputs.availablePiles = plan.availablePiles;
  inputs.stations = static_cast<std::uint32_t>( plan.stations.stations.size() );
  inputs.loadingBays = static_cast<std::uint32_t>( plan.loadingBays.bays.size() );
  inputs.jointShareLarge = planJointShareLarge( scenario.demand, plan.flows );
  plan.jointShareLargePlan = inputs.jointShareLarge;
  plan.jointShareLargeBaseline = baselineJointShareLarge( scenario.demand, parameters.baseline );
  inputs.centres = static_cast<std::uint32_t>( plan.centres.centres.size() );
  for ( const ChargingPlanSite &site : plan.charging )
  {
    if ( site.kind == ChargingSiteKind::Centre && site.sizing.undergroundPiles > 0 )
      ++inputs.centresWithUndergroundPiles;
  }
  plan.compliance = evaluateCompliance( parameters.targets, inputs );
}

} // namespace

const char *chargingSiteKindId( ChargingSiteKind kind )
{
  switch ( kind )
  {
    case ChargingSiteKind::Centre:
      return "centre";
    case ChargingSiteKind::Station:
      return "station";
    case ChargingSiteKind::Public:
      return "public";
  }
  return "public";
}

namespace {

//! The scenario with tonnes estimated from parcels where the survey gives none.
Scenario withEstimatedTonnes( const Scenario &scenario )
{
  Scenario estimated = scenario;
  const double tonnesPerParcel = scenario.parameters.programme.fleet.parcelMassKg / 1000.0;
  for ( DemandPoint &point : estimated.demand )
  {
    if ( point.tonnesPerDay <= 0.0 )
      point.tonnesPerDay = point.parcelsPerDay * tonnesPerParcel;
  }
  return estimated;
}

} // namespace

Result<ProgrammePlan> planProgramme( const Scenario &surveyed, const LandUseTable &shippedTable, ProgressSink &progress, OdProvider *odProvider,
                                     ExactRefiner *exactRefiner )
{
  // The table is copied only when the scenario changes it.
  std::optional<LandUseTable> overridden;
  if ( !surveyed.suitabilityOverrides.empty() )
  {
    overridden = shippedTable;
    for ( const SuitabilityOverride &entry : surveyed.suitabilityOverrides )
      overridden->setOverride( entry );
  }
  const LandUseTable &table = overridden ? *overridden : shippedTable;
  const bool tonnesMissing = std::any_of( surveyed.demand.begin(), surveyed.demand.end(), []( const DemandPoint &point ) { return point.tonnesPerDay <= 0.0; } );
  const Scenario estimated = tonnesMissing ? withEstimatedTonnes( surveyed ) : Scenario();
  const Scenario &scenario = tonnesMissing ? estimated : surveyed;
  const ProgrammeParameters &parameters = scenario.parameters.programme;
  ProgrammePlan plan;
  plan.scenarioRevision = scenario.revision;

  ProgressPhase networkPhase( progress, 0.0, kNetworkDone );
  Result<NetworkContext> network = NetworkContext::build( scenario, networkPhase );
  if ( !network )
    return network.error();
  plan.network = network->report();

  const CandidateGenerator generator( scenario, table );
  ProgressPhase candidatePhase( progress, kNetworkDone, kCandidatesDone );
  const struct
  {
    FacilityType facility;
    std::vector<SiteCandidate> &candidates;
  } candidateLists[] = {
    { FacilityType::EndStation, plan.stationCandidates },
    { FacilityType::DistributionCentre, plan.centreCandidates },
    { FacilityType::ChargingSite, plan.chargingCandidates },
  };
  for ( const auto &list : candidateLists )
  {
    Result<std::vector<SiteCandidate>> generated = generator.generate( candidateOptionsFor( list.facility, parameters ), candidatePhase );
    if ( !generated )
      return generated.error();
    list.candidates = std::move( *generated );
  }

  // Stations serve every customer but the large ones, which centres deliver directly.
  std::vector<std::uint32_t> stationSiteCandidate;
  const std::vector<CandidateSite> sites = stationSites( plan.stationCandidates, stationSiteCandidate );
  if ( sites.empty() )
    return noSuitableLand( FacilityType::EndStation, plan.stationCandidates );
  std::vector<char> servedByStation( scenario.demand.size(), 1 );
  std::vector<char> inProgramme( scenario.demand.size(), 1 );
  for ( std::uint32_t i = 0; i < scenario.demand.size(); ++i )
  {
    if ( isLargeCustomer( scenario.demand[i] ) )
    {
      servedByStation[i] = 0;
      plan.largeCustomers.push_back( i );
    }
    else if ( isBulkCustomer( scenario.demand[i] ) )
    {
      servedByStation[i] = 0;
      inProgramme[i] = 0;
      plan.bulkCustomers.push_back( i );
    }
  }
  ProgressPhase stationPhase( progress, kCandidatesDone, kStationsDone );
  Result<StationPlan> stations = planStationTier( *network, scenario, sites, servedByStation, stationPhase, odProvider, exactRefiner );
  if ( !stations )
    return stations.error();
  plan.stations = std::move( *stations );
  for ( PlannedStation &station : plan.stations.stations )
    station.candidateIndex = stationSiteCandidate[station.candidateIndex];
  for ( std::uint32_t &unsnapped : plan.stations.unsnappedCandidates )
    unsnapped = stationSiteCandidate[unsnapped];
  plan.canceled = plan.stations.canceled || progress.isCanceled();

  std::vector<std::uint32_t> centreSiteCandidate;
  const std::vector<CentreSite> centreSiteList = centreSites( plan.centreCandidates, parameters.centres, centreSiteCandidate );
  if ( centreSiteList.empty() )
    return noSuitableLand( FacilityType::DistributionCentre, plan.centreCandidates );
  std::vector<CentreClient> clients;
  const std::vector<double> tonnesOfStation = stationTonnes( scenario, plan.stations );
  for ( std::uint32_t s = 0; s < plan.stations.stations.size(); ++s )
    clients.push_back( { plan.stationCandidates[plan.stations.stations[s].candidateIndex].location, tonnesOfStation[s],
                         plan.stations.stations[s].servedParcelsPerDay } );
  for ( std::uint32_t demandIndex : plan.largeCustomers )
  {
    const DemandPoint &point = scenario.demand[demandIndex];
    clients.push_back( { point.location, point.tonnesPerDay, point.parcelsPerDay } );
  }
  ProgressPhase centrePhase( progress, kStationsDone, kCentresDone );
  Result<CentreTier> centres = planCentreTier( *network, scenario, centreSiteList, clients, centrePhase, odProvider, exactRefiner );
  if ( !centres )
    return centres.error();
  plan.centres = std::move( *centres );
  for ( PlannedCentre &centre : plan.centres.centres )
    centre.siteIndex = centreSiteCandidate[centre.siteIndex];
  for ( std::uint32_t &unsnapped : plan.centres.unsnappedSites )
    unsnapped = centreSiteCandidate[unsnapped];
  plan.canceled = plan.canceled || plan.centres.canceled;

  plan.flows = planFlows( scenario, plan );
  if ( !scenario.hubs.empty() )
  {
    ProgressPhase baselinePhase( progress, kCentresDone, kBaselineDone );
    Result<std::vector<Flow>> baseline = baselineFlows( *network, scenario, inProgramme, baselinePhase, odProvider );
    if ( !baseline )
      return baseline.error();
    plan.flows.insert( plan.flows.end(), baseline->begin(), baseline->end() );
  }

  ProgressPhase bayPhase( progress, kBaselineDone, kBaysDone );
  Result<LoadingBayPlan> bays = planLoadingBays( scenario, table, parameters.loadingBays, bayPhase );
  if ( !bays )
    return bays.error();
  plan.loadingBays = std::move( *bays );

  planCharging( scenario, plan );
  addConflicts( generator, plan );
  evaluate( scenario, plan );
  progress.setProgress( 1.0 );
  return plan;
}

} // namespace gf
