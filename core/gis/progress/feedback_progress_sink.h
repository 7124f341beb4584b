#pragma once
// Adapts QgsFeedback (from a QgsTask or Processing) to the engine's ProgressSink.
#include "engine/common/progress_sink.h"

#include <mutex>

class QgsFeedback;

namespace gf::gis {

class FeedbackProgressSink final : public gf::ProgressSink
{
  public:
    explicit FeedbackProgressSink( QgsFeedback *feedback );
    void setProgress( double fraction ) override;
    bool isCanceled() const override;

  private:
    QgsFeedback *mFeedback = nullptr;
    std::mutex mMutex;  // engine workers may report concurrently
};

} // namespace gf::gis
