#pragma once
// The planner's exact mode with CBC: forwards each tier to location_exact.h.
#include "engine/planning/exact_refiner.h"

namespace gf {

class CbcExactRefiner final : public ExactRefiner
{
  public:
    //! \a threads for CBC (0 = 1).
    explicit CbcExactRefiner( unsigned threads = 1 ) : mThreads( threads == 0 ? 1 : threads ) {}

    Result<LocationSolution> refinePMedian( const LocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                            double timeLimitS, ProgressSink &progress ) override;
    Result<CoverageSolution> refineMclp( const LocationProblem &problem, const MclpOptions &options,
                                         const CoverageSolution &incumbent, double timeLimitS, ProgressSink &progress ) override;
    Result<LocationSolution> refineSingleSource( const SingleSourceModel &model, const LocationSolution &incumbent,
                                                 double timeLimitS, ProgressSink &progress ) override;

  private:
    unsigned mThreads = 1;
};

} // namespace gf
