#pragma once
// Lower bound for the p-median by Lagrangian relaxation of the assignment constraints,
// maximised by subgradient optimisation (Polyak step towards the incumbent). The
// subproblem decomposes per candidate: open the p with the most negative reduced cost.
// With fixed costs and a range of facility counts the same relaxation bounds the
// uncapacitated facility location problem: open the candidates whose fixed cost plus
// reduced assignment costs is negative, as many as the range allows.
#include "engine/common/progress_sink.h"
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_problem.h"

#include <chrono>
#include <cstdint>
#include <vector>

namespace gf {

class PMedianLagrangian
{
  public:
    using Clock = std::chrono::steady_clock;

    //! Candidates in \a fixedOpen are always open; p counts them.
    PMedianLagrangian( const LocationProblem &problem, const CandidateRanking &ranking,
                       const std::vector<char> &eligible, const std::vector<char> &fixedOpen, std::uint32_t p );

    //! Facility location form: \a fixedCost per candidate (empty = none), between \a minOpen
    //! and \a maxOpen candidates open, the fixed ones included.
    PMedianLagrangian( const LocationProblem &problem, const CandidateRanking &ranking,
                       const std::vector<char> &eligible, const std::vector<char> &fixedOpen,
                       std::vector<double> fixedCost, std::uint32_t minOpen, std::uint32_t maxOpen );

    //! Starts the multipliers at each client's weighted cost in a known solution.
    void setMultipliers( const std::vector<double> &weightedCost ) { mMultiplier = weightedCost; }

    //! Runs up to \a maxIterations subgradient steps, stopping early once the bound reaches
    //! \a target. Returns false when canceled or past \a deadline.
    bool improve( double upperBound, double target, std::uint32_t maxIterations,
                  ProgressSink &progress, Clock::time_point deadline );

    //! Best bound so far (valid for the weighted cost of the servable, positive-weight clients).
    double bound() const { return mBound; }

    //! Candidates opened by the subproblem at the best multipliers: a good local-search start.
    const std::vector<std::uint32_t> &boundOpen() const { return mBoundOpen; }

  private:
    double evaluate( std::vector<std::uint32_t> &open );

    const LocationProblem &mProblem;
    const CandidateRanking &mRanking;
    std::vector<double> mFixedCost;
    std::uint32_t mMinOpen;
    std::uint32_t mMaxOpen;
    std::vector<std::uint32_t> mClients;
    std::vector<std::uint32_t> mFixed;
    std::vector<std::uint32_t> mFree;        //!< eligible and not fixed
    std::vector<double> mMultiplier;         //!< per client (indexed by client id)
    std::vector<double> mReduced;            //!< per candidate
    std::vector<char> mIsOpen;
    double mBound = 0.0;
    double mStepScale = 2.0;
    std::vector<std::uint32_t> mBoundOpen;
};

} // namespace gf
