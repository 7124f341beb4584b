#include "gui/edits/site_decision_command.h"

namespace gf::app {

namespace {

QString commandText( SiteDecisions::Kind kind, int sites )
{
  switch ( kind )
  {
    case SiteDecisions::Kind::Locked:
      return SiteDecisionCommand::tr( "Lock %n site(s)", nullptr, sites );
    case SiteDecisions::Kind::Banned:
      return SiteDecisionCommand::tr( "Ban %n site(s)", nullptr, sites );
    case SiteDecisions::Kind::Candidate:
      break;
  }
  return SiteDecisionCommand::tr( "Free %n site(s)", nullptr, sites );
}

} // namespace

SiteDecisionCommand::SiteDecisionCommand( SiteDecisions *decisions, qint64 outletFeatureId, SiteDecisions::Kind kind, QUndoCommand *parent )
  : QUndoCommand( commandText( kind, 1 ), parent )
  , mDecisions( decisions )
  , mOutletFeatureId( outletFeatureId )
  , mKind( kind )
  , mPrevious( decisions->decision( outletFeatureId ) )
{
}

std::unique_ptr<QUndoCommand> SiteDecisionCommand::create( SiteDecisions *decisions, const QList<qint64> &outletFeatureIds, SiteDecisions::Kind kind )
{
  QList<qint64> changing;
  for ( qint64 id : outletFeatureIds )
  {
    if ( decisions->decision( id ) != kind && !changing.contains( id ) )
      changing << id;
  }
  if ( changing.isEmpty() )
    return nullptr;
  if ( changing.size() == 1 )
    return std::make_unique<SiteDecisionCommand>( decisions, changing.constFirst(), kind );
  auto group = std::make_unique<QUndoCommand>( commandText( kind, changing.size() ) );
  for ( qint64 id : std::as_const( changing ) )
    new SiteDecisionCommand( decisions, id, kind, group.get() );
  return group;
}

void SiteDecisionCommand::redo()
{
  mDecisions->setDecision( mOutletFeatureId, mKind );
}

void SiteDecisionCommand::undo()
{
  mDecisions->setDecision( mOutletFeatureId, mPrevious );
}

} // namespace gf::app
