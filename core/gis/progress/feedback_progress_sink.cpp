#include "gis/progress/feedback_progress_sink.h"

#include <qgsfeedback.h>

namespace gf::gis {

FeedbackProgressSink::FeedbackProgressSink( QgsFeedback *feedback )
  : mFeedback( feedback )
{
}

void FeedbackProgressSink::setProgress( double fraction )
{
  const std::lock_guard<std::mutex> lock( mMutex );
  if ( mFeedback )
    mFeedback->setProgress( 100.0 * fraction );
}

bool FeedbackProgressSink::isCanceled() const
{
  return mFeedback && mFeedback->isCanceled();
}

} // namespace gf::gis
