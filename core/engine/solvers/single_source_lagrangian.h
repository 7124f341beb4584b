#pragma once
// Lagrangian relaxation of the single-source models with the assignment constraints relaxed:
// for multipliers u (one per client), every candidate's subproblem is a 0-1 knapsack of the
// clients cheaper there than their multiplier (KnapsackSolver); the open set is then chosen
// under the facility count limits, or without limits under the "open capacity covers the
// demand" cut, solved as an integer knapsack. Evaluated for the whole model or for a branch-and-
// bound node (candidates fixed open or closed, clients fixed to a candidate or away from one).
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/knapsack_solver.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/single_source_cost_table.h"
#include "engine/solvers/single_source_search.h"

#include <cstdint>
#include <vector>

namespace gf {

//! Branching decisions of one node. Empty vectors mean nothing fixed.
struct SingleSourceFixing
{
  enum Status : char
  {
    Free = 0,
    Open = 1,
    Closed = 2
  };
  std::vector<char> status;               //!< per candidate
  std::vector<std::uint32_t> forcedTo;    //!< per client: its candidate, or kUnassigned
  std::vector<std::uint64_t> forbidden;   //!< client * candidates + candidate, ascending
};

class SingleSourceLagrangian
{
  public:
    //! \a ranking: the allowed pairs (unweighted costs, client weights) of the model.
    SingleSourceLagrangian( const SingleSourceModel &model, const LocationSiteRules &rules, const CandidateRanking &ranking );

    std::uint32_t clientCount() const { return mClients; }
    std::uint32_t candidateCount() const { return mCandidates; }
    //! Weighted cost of serving \a client from \a candidate; infinity where not allowed.
    double costOf( std::uint32_t client, std::uint32_t candidate ) const { return mCosts.at( client, candidate ); }
    //! Every cost and fixed cost integral (over a k-nearest matrix also the unstored ones, when
    //! the caller says so): bounds may be rounded up.
    bool integralCosts() const { return mIntegralCosts; }
    //! An objective no plan exceeds (every client at its dearest allowed candidate, every fixed
    //! cost paid): the subgradient steps' target while no incumbent is known.
    double worstObjective() const { return mWorstObjective; }

    //! k-nearest models: each client's multiplier at most its least unstored cost, so that no
    //! unstored pair would enter a knapsack and the bound over the stored pairs holds for the full
    //! problem (restricting the multipliers weakens the Lagrangian dual, never invalidates it).
    void capMultipliers( std::vector<double> &multiplier ) const;

    //! Without a facility count limit the open capacity must cover the demand: by default as an
    //! integer knapsack (the tighter bound the branch and bound needs), or, with \a linear, by the
    //! cheapest capacity with one candidate opened fractionally (cheaper per step: the search's
    //! subgradient steps on SSCFLP OR p1-p4 took 1.5-5x longer with the knapsack).
    void setLinearCover( bool linear ) { mLinearCover = linear; }

    //! The Lagrangian bound for \a multiplier within \a fixing (null: none); infinity when the
    //! fixing leaves no feasible open set. Fills the relaxed solution read by the accessors.
    double evaluate( const std::vector<double> &multiplier, const SingleSourceFixing *fixing );

    //! Per candidate: open level in the relaxed solution (0 or 1; the linear count-free cover
    //! may leave one fractional), fixed cost plus knapsack bound, clients chosen.
    const std::vector<double> &level() const { return mLevel; }
    const std::vector<double> &value() const { return mValue; }
    const std::vector<std::vector<std::uint32_t>> &chosen() const { return mChosen; }
    //! Per client: 1 - sum of level × chosen (the subgradient).
    const std::vector<double> &subgradient() const { return mSubgradient; }
    //! Per client: the cheapest open candidate whose knapsack chose it, or kUnassigned.
    const std::vector<std::uint32_t> &preferred() const { return mPreferred; }

    //! Neither fixed by the rules nor by the fixing of the last evaluation.
    bool isFree( std::uint32_t candidate ) const { return mStatus[candidate] == 0; }

    //! The bound of the last evaluation with \a candidate also fixed open (or closed), the
    //! knapsack values unchanged: a valid bound of that restricted problem.
    double boundWith( std::uint32_t candidate, bool open );

    //! True when the last relaxed solution serves every client exactly once from an open
    //! candidate (then it is feasible); \a assignment and \a objective get it.
    bool relaxedSolutionFeasible( std::vector<std::uint32_t> &assignment, double &objective ) const;

  private:
    double chooseOpenSet( const std::vector<char> &status, std::vector<double> &level );

    const SingleSourceModel &mModel;
    const LocationSiteRules &mRules;
    const CandidateRanking &mRanking;
    SingleSourceCostTable mCosts;
    //! k-nearest models: per client weight × beyondCost, the largest multiplier the bound may use
    std::vector<double> mMultiplierCap;
    std::uint32_t mClients = 0;
    std::uint32_t mCandidates = 0;
    double mTotalDemand = 0.0;
    bool mIntegralCosts = true;
    double mWorstObjective = 0.0;
    bool mLinearCover = false;
    KnapsackSolver mKnapsack;
    KnapsackSolver mCover;
    std::vector<double> mLevel;
    std::vector<double> mValue;
    std::vector<std::vector<std::uint32_t>> mChosen;
    std::vector<double> mSubgradient;
    std::vector<std::uint32_t> mPreferred;
    std::vector<char> mStatus;                 //!< of the last evaluation: fixing and banned merged
    double mMultiplierSum = 0.0;
    double mOpenCost = 0.0;                    //!< of the last evaluation's open set
    std::vector<double> mProbeLevel;
    std::vector<std::uint32_t> mOpenOrder;     //!< chooseOpenSet: the free candidates by value
    std::vector<std::uint32_t> mRest;          //!< chooseOpenSet: those not opened by value
    // Item gathering, reused across evaluations.
    std::vector<std::size_t> mItemFirst;
    std::vector<std::uint32_t> mItemClients;
    std::vector<double> mItemCosts;            //!< weighted, aligned with mItemClients
    std::vector<std::size_t> mNext;
    std::vector<char> mForbiddenClient;        //!< per client: the current fixing forbids one of its pairs
    std::vector<double> mItemValue;
    std::vector<double> mItemWeight;
    std::vector<std::uint32_t> mItemClient;
};

} // namespace gf
