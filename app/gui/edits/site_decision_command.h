#pragma once
// Undo command setting the decision on one outlet; several outlets make one command with
// children (see create()), so that one action is one undo step.
#include "gui/edits/site_decisions.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <memory>

namespace gf::app {

class SiteDecisionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS( gf::app::SiteDecisionCommand )

  public:
    //! The previous decision on \a outletFeatureId is read now: push the command right away.
    SiteDecisionCommand( SiteDecisions *decisions, qint64 outletFeatureId, SiteDecisions::Kind kind, QUndoCommand *parent = nullptr );

    /**
     * One command giving \a kind to every outlet of \a outletFeatureIds whose decision differs,
     * or nullptr when none does (nothing to undo).
     */
    static std::unique_ptr<QUndoCommand> create( SiteDecisions *decisions, const QList<qint64> &outletFeatureIds, SiteDecisions::Kind kind );

    void redo() override;
    void undo() override;

  private:
    SiteDecisions *mDecisions = nullptr;
    qint64 mOutletFeatureId = -1;
    SiteDecisions::Kind mKind = SiteDecisions::Kind::Candidate;
    std::optional<SiteDecisions::Kind> mPrevious;
};

} // namespace gf::app
