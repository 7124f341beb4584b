#pragma once
// The programme targets of the district work plan checked against a plan: one row per target
// with a stable id, target, achieved value, margin and pass / fail / not applicable.
#include "engine/programme/flow.h"
#include "engine/programme/programme_kpis.h"
#include "engine/scenario/programme_parameters.h"
#include "engine/scenario/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gf {

enum class ComplianceStatus : std::uint8_t
{
  Pass,
  Fail,
  NotApplicable,   //!< the preset sets no such target, or nothing to measure it on
};

//! "pass", "fail", "not_applicable".
const char *complianceStatusId( ComplianceStatus status );

struct ComplianceRow
{
  std::string id;        //!< stable, e.g. "transport_cost_reduction"; text comes from the app
  double target = 0.0;
  double achieved = 0.0;
  double margin = 0.0;   //!< how far achieved is beyond the target in the good direction
  ComplianceStatus status = ComplianceStatus::NotApplicable;
};

//! What the plan achieved, as the orchestrator knows it.
struct ComplianceInputs
{
  KpiTotals baseline;
  KpiTotals plan;
  std::uint32_t nevVehiclesAtPiles = 0;   //!< NEV delivery vehicles that charge at piles
  std::uint32_t availablePiles = 0;       //!< at bases and public charging sites
  std::uint32_t stations = 0;
  std::uint32_t loadingBays = 0;
  std::optional<double> jointShareLarge;  //!< nullopt without large customers
  std::uint32_t centres = 0;
  std::uint32_t centresWithUndergroundPiles = 0;
};

/**
 * Rows in this order, each not applicable when its target is 0 (false):
 * - "transport_cost_reduction": achieved 1 − plan / baseline cost, margin achieved − target;
 * - "energy_intensity_reduction": the same with kWh per tonne-km;
 * - "utilisation_increase": achieved plan / baseline load factor − 1, margin achieved − target;
 * - "nev_pile_ratio": achieved vehicles / piles (0 without vehicles, infinity without piles),
 *   margin target − achieved, pass only when strictly below the target;
 * - "station_count", "loading_bays": counts, margin achieved − target;
 * - "joint_distribution_share_large": share, margin achieved − target;
 * - "underground_piles_at_centres": target 1, achieved the share of centres with underground
 *   piles, margin achieved − 1.
 * Except for the strict ratio a row passes when margin >= 0, with 1e-9 of slack for relative
 * changes computed in floating point (a cost of exactly 90 % of the baseline meets −10 %).
 * Relative rows are not applicable when the baseline value is 0.
 */
std::vector<ComplianceRow> evaluateCompliance( const ProgrammeTargets &targets, const ComplianceInputs &inputs );

//! Share of large customers (supermarkets, chain stores) that the plan serves jointly: with
//! goods on a CentreToCustomer or StationToCustomer flow (toIndex = index in `demand`).
//! nullopt when there is no large customer.
std::optional<double> planJointShareLarge( const std::vector<DemandPoint> &demand, const std::vector<Flow> &flows );

//! Today's share: customers flagged jointDistribution in the survey; when none is flagged the
//! survey is taken to be silent and baseline.largeCustomerJointShare applies.
std::optional<double> baselineJointShareLarge( const std::vector<DemandPoint> &demand, const BaselineParameters &baseline );

} // namespace gf
