#pragma once
// Lower bound for the p-median by Lagrangian relaxation of the assignment constraints,
// maximised by subgradient optimisation (Polyak step towards the incumbent, optionally
// deflected and started from a dual ascent for large instances). The
// subproblem decomposes per candidate: open the p with the most negative reduced cost.
// With fixed costs and a range of facility counts the same relaxation bounds the
// uncapacitated facility location problem: open the candidates whose fixed cost plus
// reduced assignment costs is negative, as many as the range allows.
#include "engine/common/progress_sink.h"
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_problem.h"

#include <chrono>
#include <cstdint>
#include <utility>
#include <vector>

namespace gf {

class PMedianLagrangian
{
  public:
    using Clock = std::chrono::steady_clock;

    //! Candidates in \a fixedOpen are always open; p counts them. The costs are those of
    //! \a ranking; when it has beyond costs, every client also has a pseudo-facility that is
    //! always open at weight × beyondCost (its unranked pairs), so the bound holds for the full
    //! problem of a k-nearest reduction.
    PMedianLagrangian( const CandidateRanking &ranking, const std::vector<char> &eligible,
                       const std::vector<char> &fixedOpen, std::uint32_t p );

    //! Facility location form: \a fixedCost per candidate (empty = none), between \a minOpen
    //! and \a maxOpen candidates open, the fixed ones included.
    PMedianLagrangian( const CandidateRanking &ranking, const std::vector<char> &eligible,
                       const std::vector<char> &fixedOpen, std::vector<double> fixedCost, std::uint32_t minOpen,
                       std::uint32_t maxOpen );

    //! Starts the multipliers at each client's weighted cost in a known solution.
    void setMultipliers( const std::vector<double> &weightedCost ) { mMultiplier = weightedCost; }

    //! Dual ascent in the manner of Erlenkotter's DUALOC, with every open candidate priced at
    //! \a facilityPrice: from its nearest cost each client's multiplier climbs, by at most
    //! \a stepCost × weight per pass, while no candidate it reaches is charged more than the
    //! price. The result replaces the current multipliers when its Lagrangian value is higher
    //! (both values count towards bound()). A start near the optimum in a few passes where the
    //! incumbent's costs start far below it (20000 × 2000, p = 20: gap 2.5 % against 33 %).
    //! Returns false when canceled or past \a deadline.
    bool ascend( double facilityPrice, double stepCost, std::uint32_t passes, ProgressSink &progress,
                 Clock::time_point deadline );

    //! Runs up to \a maxIterations subgradient steps, stopping early once the bound reaches
    //! \a target. Returns false when canceled or past \a deadline.
    bool improve( double upperBound, double target, std::uint32_t maxIterations,
                  ProgressSink &progress, Clock::time_point deadline );

    //! Best bound so far (valid for the weighted cost of the positive-weight clients that are
    //! servable, through ranked pairs or, with beyond costs, unranked ones).
    double bound() const { return mBound; }

    //! Candidates opened by the subproblem at the best multipliers: a good local-search start.
    const std::vector<std::uint32_t> &boundOpen() const { return mBoundOpen; }

    //! Clients whose pseudo-facility serves them in the relaxed solution at the best multipliers
    //! (weight × beyondCost below the multiplier): where longer rankings would raise the bound.
    std::vector<std::uint32_t> clientsServedBeyond() const;

    //! Multipliers and per-candidate reduced costs at the best bound: the parent's start in a
    //! branch and bound, and its reduced-cost fixing.
    const std::vector<double> &bestMultipliers() const { return mBestMultiplier; }
    const std::vector<double> &bestReduced() const { return mBestReduced; }

    //! Scale of the first subgradient steps (default 2): smaller for warm starts near the optimum.
    void setStepScale( double scale ) { mStepScale = scale; }

    //! Steps along d = g + \a deflection × d_prev instead of the subgradient g (default 0). With
    //! 10^4 and more clients the plain subgradient zigzags: on 20000 × 2000, p = 20, 0.7 leaves
    //! a gap of 0.37 % after 400 steps where the plain steps leave 1.2 %. In the branch and
    //! bound's short node runs the plain steps prune more.
    void setDeflection( double deflection ) { mDeflection = deflection; }

    //! Share of the subgradient steps of improve() whose relaxed solution opened \a candidate,
    //! step k weighing k^2 so that the late steps near the optimum count most: an estimate of
    //! the candidate's value in the LP relaxation (primal recovery by averaging). 0 before any step.
    double openShare( std::uint32_t candidate ) const
    {
      return mShareWeight > 0.0 ? mOpenWeight[candidate] / mShareWeight : 0.0;
    }

  private:
    double evaluate( std::vector<std::uint32_t> &open );
    //! Per client of mClients, one minus the times the relaxed solution \a open serves it.
    void subgradientAt( const std::vector<std::uint32_t> &open, std::vector<double> &subgradient );
    //! Evaluates the current multipliers and keeps them if they give the best bound.
    void record();

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
    std::size_t mPrefixPairs = 0;            //!< pairs the last evaluate() walked
    double mBound = 0.0;
    double mStepScale = 2.0;
    double mDeflection = 0.0;
    std::vector<double> mDirection;          //!< per client: the last deflected step direction
    std::vector<std::uint32_t> mBoundOpen;
    std::vector<double> mOpenWeight;         //!< per candidate: the weights of the steps opening it
    double mShareWeight = 0.0;               //!< the weights of all steps
    std::uint32_t mStepCount = 0;            //!< subgradient steps so far
    std::vector<double> mBestMultiplier;
    std::vector<double> mBestReduced;
};

} // namespace gf
