#include "engine/common/progress_sink.h"

#include <algorithm>

namespace gf {

ProgressPhase::ProgressPhase( ProgressSink &parent, double begin, double end )
  : mParent( parent ), mBegin( begin ), mEnd( end )
{
}

void ProgressPhase::setProgress( double fraction )
{
  mParent.setProgress( mBegin + ( mEnd - mBegin ) * std::clamp( fraction, 0.0, 1.0 ) );
}

bool ProgressPhase::isCanceled() const
{
  return mParent.isCanceled();
}

} // namespace gf
