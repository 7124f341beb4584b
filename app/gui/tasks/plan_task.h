#pragma once
// Runs the station plan (read project → plan → write plan GeoPackage) off the GUI thread.
// The job only sees a ProgressSink over this task's QgsFeedback, which cancel() trips.
#include "gis/plan/plan_job.h"

#include <qgstaskmanager.h>

#include <memory>

class QgsFeedback;

namespace gf::app {

class PlanTask : public QgsTask
{
    Q_OBJECT

  public:
    enum class Outcome
    {
      Succeeded,
      Failed,
      Canceled,
    };
    Q_ENUM( Outcome )

    explicit PlanTask( const gf::gis::PlanJobRequest &request );
    ~PlanTask() override;

    void cancel() override;

    const gf::gis::PlanJobRequest &request() const { return mRequest; }

    //! Valid once planFinished() has been emitted.
    const gf::gis::PlanJobResult &result() const { return mResult; }

  signals:
    //! Emitted on the GUI thread when the task ends, however it ends; result() is then final.
    void planFinished( gf::app::PlanTask::Outcome outcome );

  protected:
    bool run() override;
    void finished( bool result ) override;

  private:
    Outcome outcome() const;

    gf::gis::PlanJobRequest mRequest;
    gf::gis::PlanJobResult mResult;
    std::unique_ptr<QgsFeedback> mFeedback;
};

} // namespace gf::app
