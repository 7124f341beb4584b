#pragma once
// Exact mode inside the planner: after the heuristic has solved a tier, a refiner given by
// the caller hands the same model to a MILP solver with the heuristic's solution as the
// incumbent (gf_milp implements it with CBC; gf_core links no solver). Used when
// PlanParameters::exactTimeLimitS is positive, for every tier the heuristic finished (a
// refiner returns an incumbent its bound already proves as it is).
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/mclp_solver.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/single_source_search.h"

namespace gf {

class ExactRefiner
{
  public:
    virtual ~ExactRefiner() = default;

    //! p-median with \a p open candidates, at most \a timeLimitS for the MILP.
    virtual Result<LocationSolution> refinePMedian( const LocationProblem &problem, std::uint32_t p, const LocationSolution &incumbent,
                                                    double timeLimitS, ProgressSink &progress ) = 0;

    //! Maximal covering with \a options' radius and p.
    virtual Result<CoverageSolution> refineMclp( const LocationProblem &problem, const MclpOptions &options,
                                                 const CoverageSolution &incumbent, double timeLimitS, ProgressSink &progress ) = 0;

    //! Single-source capacitated facility location (the centre tier).
    virtual Result<LocationSolution> refineSingleSource( const SingleSourceModel &model, const LocationSolution &incumbent,
                                                         double timeLimitS, ProgressSink &progress ) = 0;
};

} // namespace gf
