#include "gui/edits/site_decisions.h"

#include <algorithm>

namespace gf::app {

SiteDecisions::SiteDecisions( QObject *parent )
  : QObject( parent )
{
}

std::optional<SiteDecisions::Kind> SiteDecisions::decision( qint64 outletFeatureId ) const
{
  const auto it = mDecisions.constFind( outletFeatureId );
  if ( it == mDecisions.constEnd() )
    return std::nullopt;
  return *it;
}

void SiteDecisions::setDecision( qint64 outletFeatureId, std::optional<Kind> kind )
{
  if ( decision( outletFeatureId ) == kind )
    return;
  if ( kind )
    mDecisions.insert( outletFeatureId, *kind );
  else
    mDecisions.remove( outletFeatureId );
  emit changed();
}

void SiteDecisions::clear()
{
  if ( mDecisions.isEmpty() )
    return;
  mDecisions.clear();
  emit changed();
}

int SiteDecisions::count( Kind kind ) const
{
  return static_cast<int>( std::count( mDecisions.cbegin(), mDecisions.cend(), kind ) );
}

std::vector<gf::gis::SiteDecision> SiteDecisions::toRequest() const
{
  std::vector<gf::gis::SiteDecision> request;
  request.reserve( static_cast<std::size_t>( mDecisions.size() ) );
  for ( auto it = mDecisions.cbegin(); it != mDecisions.cend(); ++it )
    request.push_back( { it.key(), it.value() } );
  return request;
}

} // namespace gf::app
