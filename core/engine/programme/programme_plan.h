#pragma once
// The programme plan of a district: the three-tier network (hubs → public distribution
// centres → end joint distribution stations → customers), charging piles, curbside loading
// bays, the flows between them, KPIs against the status quo and the programme targets.
//
// Tiers are solved in sequence, stations first: the stations are where customers are served
// and what the programme counts, so their siting must not bend to the few centres; the
// centres are then sited for the stations actually chosen (and the large customers they
// serve directly). A joint model would let centre costs move stations by metres at most,
// because a station's inbound van costs are shared by all its customers and are an order of
// magnitude below the last-mile cost that the station objective already minimises.
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/landuse/land_use_table.h"
#include "engine/planning/od_provider.h"
#include "engine/planning/station_plan.h"
#include "engine/programme/candidate_generator.h"
#include "engine/programme/centre_tier.h"
#include "engine/programme/charging_sizing.h"
#include "engine/programme/compliance.h"
#include "engine/programme/fleet_estimate.h"
#include "engine/programme/flow.h"
#include "engine/programme/loading_bay_planner.h"
#include "engine/programme/programme_kpis.h"
#include "engine/scenario/scenario.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace gf {

enum class ChargingSiteKind : std::uint8_t
{
  Centre,    //!< piles at a distribution centre (part underground)
  Station,   //!< piles at an end station
  Public,    //!< a public charging site taking what the bases cannot
};

//! "centre", "station", "public".
const char *chargingSiteKindId( ChargingSiteKind kind );

struct ChargingPlanSite
{
  ChargingSiteKind kind = ChargingSiteKind::Centre;
  std::uint32_t baseIndex = 0;        //!< centre or station index; for Public the base it relieves
  std::uint32_t candidateIndex = 0;   //!< Public: into ProgrammePlan::chargingCandidates
  PointXY location;
  ChargingSite sizing;                //!< Public: only the piles and the vehicles taken over
  std::uint32_t nevVehicles = 0;      //!< NEV delivery vehicles charging here
};

//! A proposed site with its land use and control lines, for the natural-resources bureau.
struct SiteConflict
{
  FacilityType facility = FacilityType::EndStation;
  std::uint32_t facilityIndex = 0;    //!< index among the plan's centres, stations or public charging sites
  PointXY location;
  SiteLandUse landUse;
};

struct ProgrammePlan
{
  std::uint64_t scenarioRevision = 0;
  NetworkReport network;

  //! Candidates of every type, rejected ones included (the `candidates` layer).
  std::vector<SiteCandidate> stationCandidates;
  std::vector<SiteCandidate> centreCandidates;
  std::vector<SiteCandidate> chargingCandidates;

  //! Station tier: PlannedStation::candidateIndex indexes stationCandidates.
  StationPlan stations;
  //! Centre tier: PlannedCentre::siteIndex indexes centreCandidates. Its clients are the
  //! stations (client i = station i) followed by the large customers of largeCustomers.
  CentreTier centres;
  std::vector<std::uint32_t> largeCustomers;   //!< Scenario::demand indices served by centres
  //! Wholesale markets and industrial parks: bulk freight outside the distribution tiers and
  //! outside the KPIs (in the status quo too).
  std::vector<std::uint32_t> bulkCustomers;

  std::vector<Flow> flows;                     //!< plan tiers, then the baseline
  std::vector<ChargingPlanSite> charging;      //!< bases in centre then station order, then public sites
  LoadingBayPlan loadingBays;
  ProgrammeKpis kpis;
  std::vector<ComplianceRow> compliance;
  std::vector<SiteConflict> conflicts;
  std::uint32_t nevVehiclesAtPiles = 0;
  std::uint32_t availablePiles = 0;
  //! Share of large supermarkets and chain stores under joint distribution (none without them).
  std::optional<double> jointShareLargeBaseline;
  std::optional<double> jointShareLargePlan;
  bool canceled = false;
};

/**
 * Plans the whole programme for \a scenario with the land-use suitability \a table (and the
 * scenario's suitability overrides on top of it). Customers
 * without surveyed tonnes get parcels × fleet.parcelMassKg for the goods flows.
 * NoSuitableLand when no candidate of a facility type survives the land-use and control-line
 * screening; its subject names the type and counts the rejections by reason, e.g.
 * "centre;land_use_excluded=3120;area_too_small=41", so that the caller can explain.
 * \a exactRefiner (optional) runs exact mode on the station and centre tiers when
 * parameters.exactTimeLimitS is positive.
 */
Result<ProgrammePlan> planProgramme( const Scenario &scenario, const LandUseTable &table, ProgressSink &progress,
                                     OdProvider *odProvider = nullptr, ExactRefiner *exactRefiner = nullptr );

} // namespace gf
