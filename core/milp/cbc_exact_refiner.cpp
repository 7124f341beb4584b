#include "milp/cbc_exact_refiner.h"

#include "milp/location_exact.h"

namespace gf {

namespace {

ExactModeOptions exactOptions( double timeLimitS, unsigned threads )
{
  ExactModeOptions options;
  options.timeLimitS = timeLimitS;
  options.threads = threads;
  return options;
}

} // namespace

Result<LocationSolution> CbcExactRefiner::refinePMedian( const LocationProblem &problem, std::uint32_t p,
                                                         const LocationSolution &incumbent, double timeLimitS, ProgressSink &progress )
{
  return gf::refinePMedian( problem, p, incumbent, exactOptions( timeLimitS, mThreads ), progress );
}

Result<CoverageSolution> CbcExactRefiner::refineMclp( const LocationProblem &problem, const MclpOptions &options,
                                                      const CoverageSolution &incumbent, double timeLimitS, ProgressSink &progress )
{
  return gf::refineMclp( problem, options, incumbent, exactOptions( timeLimitS, mThreads ), progress );
}

Result<LocationSolution> CbcExactRefiner::refineSingleSource( const SingleSourceModel &model, const LocationSolution &incumbent,
                                                              double timeLimitS, ProgressSink &progress )
{
  return gf::refineSingleSource( model, incumbent, exactOptions( timeLimitS, mThreads ), progress );
}

} // namespace gf
