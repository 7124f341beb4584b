#pragma once
// Swap (interchange) local search for p-median-type objectives with the fast interchange of
// Whitaker (1983) as made incremental by Resende & Werneck (2007): every client keeps its
// nearest and second-nearest open candidate, and gain/loss/extra arrays give the profit of
// every (in, out) pair; a swap only revisits the clients it affects. The extra array is kept
// sparse (Resende & Werneck's own representation): per candidate only the slots some client
// links it to, so the best-swap scan costs the nonzero entries, not candidates × p, which
// is what makes large p (hundreds of medians) fast.
#include "engine/common/progress_sink.h"
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_problem.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace gf {

class SwapLocalSearch
{
  public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::uint32_t kNone = UINT32_MAX;

    //! \a missingCost stands for "no open candidate serves this client" and must exceed every
    //! ranked cost; a client with a finite beyond cost in \a ranking is charged that instead
    //! (its unranked pairs, as in Church's BEAMR model). Candidates flagged in \a fixedOpen are
    //! never swapped out. The costs are those of \a ranking, whose transposed lists give the
    //! clients a swap affects (the sparse form of Resende & Werneck), so the search runs the
    //! same over a dense or a sparse matrix.
    SwapLocalSearch( const CandidateRanking &ranking, const std::vector<char> &eligible, const std::vector<char> &fixedOpen,
                     double missingCost );

    //! Rebuilds every structure for \a open (distinct eligible candidates).
    void reset( const std::vector<std::uint32_t> &open );

    //! Best-improvement descent. Returns false when canceled or past \a deadline (state stays valid).
    bool descend( ProgressSink &progress, Clock::time_point deadline );

    //! Opens \a in and closes \a out, updating the affected clients only.
    void swap( std::uint32_t in, std::uint32_t out );

    //! Moves to \a target with the fewest swaps (both sets have the same size).
    void moveTo( const std::vector<std::uint32_t> &target );

    //! Path relinking (Resende & Werneck 2004): walks towards \a target (same size), each step
    //! the most profitable swap of a target candidate in for a non-target one out. Leaves the
    //! search on the best solution strictly inside the path and returns false if there is none
    //! (the sets differ in fewer than two candidates; the search is then unchanged).
    bool relinkTowards( const std::vector<std::uint32_t> &target );

    //! Sum of weight × cost (the beyond or missing cost for clients nothing open serves).
    double objective() const;

    const std::vector<std::uint32_t> &open() const { return mOpen; }
    bool isOpen( std::uint32_t candidate ) const { return mSlotOf[candidate] != kNone; }
    bool isFixed( std::uint32_t candidate ) const { return mFixedOpen[candidate] != 0; }

  private:
    double missingCostOf( std::uint32_t client ) const { return std::min( mMissingCost, mRanking.beyondCost( client ) ); }
    void locate( std::uint32_t client );
    void contribute( std::uint32_t client, double sign );
    void addExtra( std::uint32_t candidate, std::uint32_t slot, double value, bool withdraw );
    double extraOf( std::uint32_t candidate, std::uint32_t slot ) const;
    bool findBestSwap( std::uint32_t &in, std::uint32_t &out ) const;

    //! A nonzero extra entry: the clients adding to it are counted so that it is dropped,
    //! rounding noise and all, when the last one is withdrawn.
    struct ExtraEntry
    {
      std::uint32_t slot;
      std::uint32_t clients;
      double value;
    };

    const CandidateRanking &mRanking;
    std::uint32_t mCandidateCount;
    const std::vector<char> &mEligible;
    const std::vector<char> &mFixedOpen;
    double mMissingCost;
    double mTolerance = 1e-9;

    std::vector<std::uint32_t> mClients;   //!< servable clients (maybe only beyond) with positive weight
    std::vector<std::uint32_t> mOpen;      //!< open candidates by slot
    std::vector<std::uint32_t> mSlotOf;    //!< per candidate: slot or kNone
    std::vector<std::uint32_t> mNearest;   //!< per client
    std::vector<std::uint32_t> mSecond;    //!< per client
    std::vector<double> mD1;
    std::vector<double> mD2;
    std::vector<double> mGain;             //!< per candidate: saving if opened
    std::vector<double> mLoss;             //!< per candidate: cost increase if closed
    std::vector<std::vector<ExtraEntry>> mExtra;   //!< per candidate: its nonzero slot corrections of gain − loss
    std::vector<std::uint32_t> mExtraAt;   //!< candidate × slot: index in mExtra[candidate], or kNone
    mutable std::vector<double> mSlotLoss; //!< per slot: loss of its candidate, infinite if fixed
    std::vector<std::uint32_t> mAffected;
};

} // namespace gf
