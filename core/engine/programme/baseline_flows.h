#pragma once
// The status quo the plan is measured against: every carrier delivers its share of each
// customer's goods from its own hub with its own vans, without joint distribution.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/planning/network_context.h"
#include "engine/planning/od_provider.h"
#include "engine/programme/flow.h"
#include "engine/scenario/scenario.h"

#include <vector>

namespace gf {

/**
 * One BaselineHubToCustomer flow per customer flagged in \a inProgramme (empty = all) and carrier: the customer's tonnes and parcels
 * split evenly over parameters.programme.baseline.carriers carriers, carrier k dispatching
 * from hub k modulo the hub count (carriers share the hubs there are). Customers that do not
 * snap or that no hub reaches get no flow. NoCandidates (subject "hub") without a hub on
 * the network, InvalidArgument when the carrier count is 0.
 */
Result<std::vector<Flow>> baselineFlows( const NetworkContext &network, const Scenario &scenario, const std::vector<char> &inProgramme,
                                         ProgressSink &progress, OdProvider *odProvider = nullptr );

} // namespace gf
