#pragma once
// Exact p-median by Lagrangian branch and bound (after Christofides & Beasley 1982 and
// Beasley 1993): every node bounds its subproblem with PMedianLagrangian warm-started from
// its parent's multipliers, fixes candidates whose reduced-cost penalty lifts the bound past
// the incumbent, and branches on one candidate (open / closed): the one the node's averaged
// relaxed solutions open most fractionally. Nodes go best bound first, with the incumbent as
// cutoff; the relaxed solution of each node, completed by the swap local search, may improve
// the incumbent.
#include "engine/common/progress_sink.h"
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_problem.h"
#include "engine/solvers/swap_local_search.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <vector>

namespace gf {

class PMedianBranchAndBound
{
  public:
    using Clock = std::chrono::steady_clock;

    //! The problem as PMedianSearch sees it: \a eligible and \a fixedOpen per candidate, p open
    //! in all. \a search (over the same arguments) completes relaxed solutions; its state is
    //! overwritten. \a integralObjective lets a bound within 1 of the incumbent prune.
    PMedianBranchAndBound( const LocationProblem &problem, const CandidateRanking &ranking,
                           const std::vector<char> &eligible, const std::vector<char> &fixedOpen, std::uint32_t p,
                           SwapLocalSearch &search, bool integralObjective );

    //! Searches from the incumbent \a open (p distinct eligible candidates serving every
    //! servable client) of cost \a objective. \a rootMultipliers (per client, may be empty)
    //! warm-start the root bound. Returns true when the tree was exhausted, so the incumbent
    //! is optimal; false when canceled or past \a deadline.
    bool solve( const std::vector<std::uint32_t> &open, double objective, const std::vector<double> &rootMultipliers,
                ProgressSink &progress, Clock::time_point deadline );

    //! Best solution found (the incumbent if nothing better), and its cost.
    const std::vector<std::uint32_t> &best() const { return mBest; }
    double bestObjective() const { return mBestObjective; }

    //! Proven bound on the optimum: the incumbent's cost when the tree was exhausted, else the
    //! smallest bound of the nodes left open (never above the incumbent's cost).
    double lowerBound() const { return mLowerBound; }

    std::uint64_t nodeCount() const { return mNodeCount; }

  private:
    struct Node
    {
      std::vector<std::uint32_t> closed;     //!< candidates closed by branching or fixing
      std::vector<std::uint32_t> opened;     //!< candidates opened by branching or fixing
      std::vector<double> multipliers;       //!< the parent's best multipliers
      double bound = 0.0;                    //!< the parent's bound, valid for this node
    };

    //! Nodes whose bound reaches it cannot hold a better solution than the incumbent.
    double cutoff() const;
    //! Bounds \a node, fixes by reduced costs, and adds its children unless pruned. Returns
    //! false when canceled or past \a deadline: the node itself is then its only child.
    bool process( Node &node, ProgressSink &progress, Clock::time_point deadline, std::vector<Node> &children );
    //! Descends from \a open and keeps the local optimum if it beats the incumbent.
    void tryIncumbent( const std::vector<std::uint32_t> &open, ProgressSink &progress, Clock::time_point deadline );

    const LocationProblem &mProblem;
    const CandidateRanking &mRanking;
    const std::vector<char> &mEligible;
    const std::vector<char> &mFixedOpen;
    std::uint32_t mP;
    SwapLocalSearch &mSearch;
    bool mIntegral;

    std::vector<std::uint32_t> mBest;
    double mBestObjective = 0.0;
    double mLowerBound = 0.0;
    std::uint64_t mNodeCount = 0;
    //! The ranking over the candidates the root's fixing left eligible: the bounds of the
    //! nodes below walk only those.
    std::unique_ptr<CandidateRanking> mReducedRanking;
    const CandidateRanking *mNodeRanking = nullptr;
    std::vector<char> mNodeEligible;         //!< scratch: eligible at the node being processed
    std::vector<char> mNodeFixed;            //!< scratch: fixed open at the node being processed
    std::set<std::vector<std::uint32_t>> mTried;   //!< starts of the descents so far, sorted
};

} // namespace gf
