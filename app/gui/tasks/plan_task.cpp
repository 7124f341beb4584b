#include "gui/tasks/plan_task.h"

#include "gis/progress/feedback_progress_sink.h"

#include <qgsfeedback.h>

namespace gf::app {

PlanTask::PlanTask( const gf::gis::PlanJobRequest &request )
  : QgsTask( tr( "Planning %n station(s)", nullptr, static_cast<int>( request.parameters.stationCount ) ) )
  , mRequest( request )
  , mFeedback( std::make_unique<QgsFeedback>() )
{
  // The job reports from the worker thread; QgsTask::setProgress is meant to be called there.
  connect( mFeedback.get(), &QgsFeedback::progressChanged, this, [this]( double percent ) {
    setProgress( percent );
  }, Qt::DirectConnection );
}

PlanTask::~PlanTask() = default;

void PlanTask::cancel()
{
  mFeedback->cancel();
  QgsTask::cancel();
}

bool PlanTask::run()
{
  gf::gis::FeedbackProgressSink progress( mFeedback.get() );
  mResult = gf::gis::runPlanJob( mRequest, progress );
  return outcome() == Outcome::Succeeded;
}

void PlanTask::finished( bool )
{
  emit planFinished( outcome() );
}

PlanTask::Outcome PlanTask::outcome() const
{
  // A plan cut short by cancel is kept by the engine as "best so far"; the GUI keeps the
  // previous state instead, as the analyst asked to stop.
  if ( isCanceled() || mFeedback->isCanceled() || mResult.plan.canceled
       || mResult.error.engineError.code == gf::ErrorCode::Canceled )
    return Outcome::Canceled;
  if ( mResult.error.isError() )
    return Outcome::Failed;
  return Outcome::Succeeded;
}

} // namespace gf::app
