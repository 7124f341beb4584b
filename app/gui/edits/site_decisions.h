#pragma once
// The analyst's pending decisions on existing outlets (lock, ban, free), made on the map.
// They are not written to the project: the next plan run receives them as
// PlanJobRequest::siteDecisions. Edits go through SiteDecisionCommand on the window's undo stack.
#include "gis/plan/plan_job.h"

#include <QMap>
#include <QObject>

#include <optional>
#include <vector>

namespace gf::app {

class SiteDecisions : public QObject
{
    Q_OBJECT

  public:
    using Kind = gf::gis::SiteDecision::Kind;

    explicit SiteDecisions( QObject *parent = nullptr );

    //! The decision on outlet \a outletFeatureId; unset when the project's `status` applies.
    std::optional<Kind> decision( qint64 outletFeatureId ) const;

    //! Sets (or with std::nullopt removes) the decision on one outlet; emits changed() when it differs.
    void setDecision( qint64 outletFeatureId, std::optional<Kind> kind );

    //! Removes every decision (a new project was opened).
    void clear();

    bool isEmpty() const { return mDecisions.isEmpty(); }

    //! Number of outlets with decision \a kind.
    int count( Kind kind ) const;

    //! Every decision, by outlet feature id.
    const QMap<qint64, Kind> &decisions() const { return mDecisions; }

    //! The decisions as the plan job takes them, in outlet feature id order.
    std::vector<gf::gis::SiteDecision> toRequest() const;

  signals:
    void changed();

  private:
    QMap<qint64, Kind> mDecisions;
};

} // namespace gf::app
