#include "engine/programme/compliance.h"

#include <limits>

namespace gf {

namespace {

constexpr double kRelativeSlack = 1e-9;

bool isLarge( const DemandPoint &point )
{
  return point.type == DemandType::Supermarket || point.type == DemandType::ChainStore;
}

ComplianceRow notApplicable( const char *id, double target )
{
  ComplianceRow row;
  row.id = id;
  row.target = target;
  return row;
}

//! A row that passes when achieved >= target (less the slack).
ComplianceRow atLeast( const char *id, double target, double achieved, double slack )
{
  ComplianceRow row = notApplicable( id, target );
  row.achieved = achieved;
  row.margin = achieved - target;
  row.status = row.margin >= -slack ? ComplianceStatus::Pass : ComplianceStatus::Fail;
  return row;
}

ComplianceRow reduction( const char *id, double target, double baseline, double plan )
{
  if ( target <= 0.0 || !( baseline > 0.0 ) )
    return notApplicable( id, target );
  return atLeast( id, target, 1.0 - plan / baseline, kRelativeSlack );
}

ComplianceRow count( const char *id, std::uint32_t target, std::uint32_t achieved )
{
  if ( target == 0 )
    return notApplicable( id, 0.0 );
  return atLeast( id, target, achieved, 0.0 );
}

ComplianceRow pileRatio( double target, std::uint32_t vehicles, std::uint32_t piles )
{
  ComplianceRow row = notApplicable( "nev_pile_ratio", target );
  if ( target <= 0.0 )
    return row;
  if ( vehicles == 0 )
    row.achieved = 0.0;
  else if ( piles == 0 )
    row.achieved = std::numeric_limits<double>::infinity();
  else
    row.achieved = static_cast<double>( vehicles ) / piles;
  row.margin = target - row.achieved;
  // Strict: vehicles < target × piles, compared without the division's rounding.
  const bool below = vehicles == 0 || static_cast<double>( vehicles ) < target * piles;
  row.status = below ? ComplianceStatus::Pass : ComplianceStatus::Fail;
  return row;
}

} // namespace

const char *complianceStatusId( ComplianceStatus status )
{
  switch ( status )
  {
    case ComplianceStatus::Pass:
      return "pass";
    case ComplianceStatus::Fail:
      return "fail";
    case ComplianceStatus::NotApplicable:
      return "not_applicable";
  }
  return "not_applicable";
}

std::vector<ComplianceRow> evaluateCompliance( const ProgrammeTargets &targets, const ComplianceInputs &inputs )
{
  std::vector<ComplianceRow> rows;
  rows.push_back( reduction( "transport_cost_reduction", targets.transportCostReduction,
                             inputs.baseline.costCny, inputs.plan.costCny ) );
  rows.push_back( reduction( "energy_intensity_reduction", targets.energyIntensityReduction,
                             inputs.baseline.energyKwhPerTonneKm(), inputs.plan.energyKwhPerTonneKm() ) );
  const double baselineLoad = inputs.baseline.loadFactor();
  if ( targets.utilisationIncrease > 0.0 && baselineLoad > 0.0 )
    rows.push_back( atLeast( "utilisation_increase", targets.utilisationIncrease,
                             inputs.plan.loadFactor() / baselineLoad - 1.0, kRelativeSlack ) );
  else
    rows.push_back( notApplicable( "utilisation_increase", targets.utilisationIncrease ) );
  rows.push_back( pileRatio( targets.maxVehiclesPerPile, inputs.nevVehiclesAtPiles, inputs.availablePiles ) );
  rows.push_back( count( "station_count", targets.stationCount, inputs.stations ) );
  rows.push_back( count( "loading_bays", targets.loadingBays, inputs.loadingBays ) );
  if ( targets.jointDistributionShareLarge > 0.0 && inputs.jointShareLarge )
    rows.push_back( atLeast( "joint_distribution_share_large", targets.jointDistributionShareLarge,
                             *inputs.jointShareLarge, kRelativeSlack ) );
  else
    rows.push_back( notApplicable( "joint_distribution_share_large", targets.jointDistributionShareLarge ) );
  if ( targets.undergroundPilesAtCentres )
  {
    const double share = inputs.centres > 0
                         ? static_cast<double>( inputs.centresWithUndergroundPiles ) / inputs.centres
                         : 0.0;
    rows.push_back( atLeast( "underground_piles_at_centres", 1.0, share, 0.0 ) );
  }
  else
    rows.push_back( notApplicable( "underground_piles_at_centres", 0.0 ) );
  return rows;
}

std::optional<double> planJointShareLarge( const std::vector<DemandPoint> &demand, const std::vector<Flow> &flows )
{
  std::vector<bool> served( demand.size(), false );
  for ( const Flow &flow : flows )
  {
    const bool joint = flow.tier == FlowTier::CentreToCustomer || flow.tier == FlowTier::StationToCustomer;
    if ( joint && flow.toIndex < demand.size() && ( flow.tonnesPerDay > 0.0 || flow.parcelsPerDay > 0.0 ) )
      served[flow.toIndex] = true;
  }
  std::size_t large = 0;
  std::size_t joint = 0;
  for ( std::size_t i = 0; i < demand.size(); ++i )
  {
    if ( !isLarge( demand[i] ) )
      continue;
    ++large;
    joint += served[i] ? 1 : 0;
  }
  if ( large == 0 )
    return std::nullopt;
  return static_cast<double>( joint ) / static_cast<double>( large );
}

std::optional<double> baselineJointShareLarge( const std::vector<DemandPoint> &demand, const BaselineParameters &baseline )
{
  std::size_t large = 0;
  std::size_t flagged = 0;
  for ( const DemandPoint &point : demand )
  {
    if ( !isLarge( point ) )
      continue;
    ++large;
    flagged += point.jointDistribution ? 1 : 0;
  }
  if ( large == 0 )
    return std::nullopt;
  if ( flagged == 0 )
    return baseline.largeCustomerJointShare;
  return static_cast<double>( flagged ) / static_cast<double>( large );
}

} // namespace gf
