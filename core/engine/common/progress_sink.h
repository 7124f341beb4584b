#pragma once
// Progress and cancellation between the engine and whoever runs it (a QgsTask, a
// Processing feedback, the CLI). Implementations must be safe to call from worker threads.
#include <atomic>

namespace gf {

class ProgressSink
{
  public:
    virtual ~ProgressSink() = default;

    //! Fraction done, 0..1.
    virtual void setProgress( double fraction ) = 0;

    //! Polled by the engine at loop granularity.
    virtual bool isCanceled() const = 0;
};

//! A sink that ignores progress and can be canceled programmatically (tests, CLI).
class SilentProgress final : public ProgressSink
{
  public:
    void setProgress( double ) override {}
    bool isCanceled() const override { return mCanceled.load( std::memory_order_relaxed ); }
    void cancel() { mCanceled.store( true, std::memory_order_relaxed ); }

  private:
    std::atomic<bool> mCanceled{ false };
};

//! Maps a sub-range [begin, end] of the parent's progress to 0..1 for one phase.
class ProgressPhase final : public ProgressSink
{
  public:
    ProgressPhase( ProgressSink &parent, double begin, double end );
    void setProgress( double fraction ) override;
    bool isCanceled() const override;

  private:
    ProgressSink &mParent;
    double mBegin;
    double mEnd;
};

} // namespace gf
