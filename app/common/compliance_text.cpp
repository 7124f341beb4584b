#include "common/compliance_text.h"

#include <cmath>

namespace gf::app {

QString ComplianceText::label( const std::string &id )
{
  if ( id == "transport_cost_reduction" )
    return tr( "Transport cost −10 %" );
  if ( id == "energy_intensity_reduction" )
    return tr( "Energy per unit turnover −3 %" );
  if ( id == "utilisation_increase" )
    return tr( "Vehicle utilisation +20 %" );
  if ( id == "nev_pile_ratio" )
    return tr( "NEV vehicles : piles < 3 : 1" );
  if ( id == "station_count" )
    return tr( "End joint distribution stations" );
  if ( id == "loading_bays" )
    return tr( "Curbside loading bays" );
  if ( id == "joint_distribution_share_large" )
    return tr( "Joint distribution of large supermarkets and chain stores ≥ 50 %" );
  if ( id == "underground_piles_at_centres" )
    return tr( "Piles reserved underground at centres" );
  return QString::fromStdString( id );
}

QString ComplianceText::value( const std::string &id, double value )
{
  if ( !std::isfinite( value ) )
    return QStringLiteral( "∞" );
  if ( id == "station_count" || id == "loading_bays" )
    return QString::number( value, 'f', 0 );
  if ( id == "nev_pile_ratio" )
    return QStringLiteral( "%1 : 1" ).arg( value, 0, 'f', 2 );
  return QString::number( 100.0 * value, 'f', 1 ) + QStringLiteral( " %" );
}

QString ComplianceText::status( gf::ComplianceStatus status )
{
  switch ( status )
  {
    case gf::ComplianceStatus::Pass:
      return tr( "PASS" );
    case gf::ComplianceStatus::Fail:
      return tr( "FAIL" );
    case gf::ComplianceStatus::NotApplicable:
      break;
  }
  return tr( "n/a" );
}

} // namespace gf::app
