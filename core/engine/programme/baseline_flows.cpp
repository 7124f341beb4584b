#include "engine/programme/baseline_flows.h"

namespace gf {

Result<std::vector<Flow>> baselineFlows( const NetworkContext &network, const Scenario &scenario, const std::vector<char> &inProgramme,
                                         ProgressSink &progress, OdProvider *odProvider )
{
  const PlanParameters &parameters = scenario.parameters;
  const std::uint32_t carriers = parameters.programme.baseline.carriers;
  if ( carriers == 0 )
    return makeError( ErrorCode::InvalidArgument, "baseline.carriers" );
  const SnappedSet hubs = network.snap( NetworkContext::locationsOf( scenario.hubs ), parameters.snapMaxDistanceM );
  if ( hubs.points.empty() )
    return makeError( ErrorCode::NoCandidates, "hub" );
  const SnappedSet customers = network.snap( NetworkContext::locationsOf( scenario.demand ), inProgramme, parameters.snapMaxDistanceM );

  OdOptions odOptions;
  odOptions.threads = parameters.threads;
  DirectOdProvider directOd;
  OdProvider &provider = odProvider ? *odProvider : directOd;
  Result<OdMatrix> od = provider.odMatrix( network.graph(), network.distanceWeights(), hubs.points, customers.points, odOptions, progress );
  if ( !od )
    return od.error();

  std::vector<Flow> flows;
  flows.reserve( customers.points.size() * carriers );
  for ( std::size_t customer = 0; customer < customers.points.size(); ++customer )
  {
    const DemandPoint &point = scenario.demand[customers.sourceIndex[customer]];
    for ( std::uint32_t carrier = 0; carrier < carriers; ++carrier )
    {
      const std::size_t hub = carrier % hubs.points.size();
      const Cost cost = od->at( hub, customer );
      if ( cost >= kUnreachable )
        continue;
      Flow flow;
      flow.tier = FlowTier::BaselineHubToCustomer;
      flow.fromIndex = hubs.sourceIndex[hub];
      flow.toIndex = customers.sourceIndex[customer];
      flow.from = scenario.hubs[flow.fromIndex].location;
      flow.to = point.location;
      flow.tonnesPerDay = point.tonnesPerDay / carriers;
      flow.parcelsPerDay = point.parcelsPerDay / carriers;
      flow.networkDistanceM = static_cast<double>( cost ) / kCostUnitsPerBaseUnit;
      flow.carrier = carrier;
      flows.push_back( flow );
    }
  }
  progress.setProgress( 1.0 );
  return flows;
}

} // namespace gf
