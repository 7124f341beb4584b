#pragma once
// Exact maximal covering on weighted rows: choose at most k columns covering the most row
// weight. A greedy start improved by swap descent with gain arrays; unless it already covers
// every row, reductions (a column whose rows another column also covers is dropped, equal
// sets keep the lower index; rows left with the same columns are merged), the same start on
// the reduced rows, the Lagrangian relaxation of the coverage constraints (Galvão & ReVelle:
// multipliers on "row covered <= columns open over it", subproblem = the k best columns by
// multiplier sum) optimised by subgradient, and a depth-first branch and bound on columns
// with that bound, warm-started multipliers and reduced-cost fixing. Relaxed solutions are
// evaluated as incumbents on the way.
#include "engine/common/progress_sink.h"

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gf {

struct MaximalCoverResult
{
  std::vector<std::uint32_t> columns;     //!< chosen columns, ascending; fewer than k when those cover every row
  double coveredWeight = 0.0;
  double weightBound = 0.0;               //!< proven upper bound on the weight k columns can cover
  bool proven = false;                    //!< coveredWeight is optimal
  bool stopped = false;                   //!< time limit or cancel ended the search
};

//! Hash of a column set (for merging rows with the same columns).
struct ColumnSetHash
{
  std::size_t operator()( const std::vector<std::uint32_t> &columns ) const;
};

class MaximalCoverSearch
{
  public:
    using Clock = std::chrono::steady_clock;

    //! \a rows: per row the columns covering it; \a weight: per row, > 0.
    MaximalCoverSearch( const std::vector<std::vector<std::uint32_t>> &rows, const std::vector<double> &weight,
                        std::uint32_t columnCount );

    //! With a finite \a target the search only asks whether k columns cover that much weight:
    //! it stops at the first such choice and prunes what cannot reach it, so a completed
    //! search without one proves there is none (coveredWeight is then not proven maximal).
    MaximalCoverResult solve( std::uint32_t k, ProgressSink &progress, Clock::time_point deadline, double target = HUGE_VAL );

  private:
    void countWeight();
    void reduce();
    void resetState();
    double coverValue( const std::vector<std::uint32_t> &columns );
    void offer( const std::vector<std::uint32_t> &columns, double value );
    std::vector<std::uint32_t> greedy();
    void swapDescent( std::vector<std::uint32_t> &columns );
    double relax( const std::vector<double> &multiplier, std::vector<std::uint32_t> &chosen, std::vector<double> &columnSum );
    bool cannotImprove( double bound ) const;
    double optimizeMultipliers( bool root );
    void fixByReducedCost( double bound, std::vector<std::uint32_t> &fixedHere );
    void setState( std::uint32_t column, char state );
    void branch();
    bool shouldStop();

    std::vector<std::vector<std::uint32_t>> mRows;        //!< reduced rows: columns (compact numbering)
    std::vector<std::vector<std::uint32_t>> mColumns;     //!< per compact column: rows
    std::vector<double> mWeight;                          //!< per reduced row
    std::vector<std::uint32_t> mOriginal;                 //!< compact column -> input column
    double mTotalWeight = 0.0;
    bool mIntegral = false;                               //!< all weights integral: bounds round down
    bool mReduced = false;                                //!< reduce() has run (mOriginal maps columns back)
    std::uint32_t mK = 0;

    // Branch and bound state.
    std::vector<char> mState;                             //!< per column: 0 free, 1 forced open, 2 forced closed
    std::vector<int> mCoveredBy;                          //!< per row: forced open columns over it
    std::uint32_t mOpenCount = 0;
    double mFixedWeight = 0.0;                            //!< weight of rows covered by forced open columns
    std::vector<double> mMultiplier;                      //!< per row, in [0, weight]
    std::vector<std::uint32_t> mStamp;
    std::uint32_t mStampValue = 0;

    std::vector<std::uint32_t> mBest;
    double mBestValue = -1.0;
    double mRootBound = 0.0;
    double mTarget = HUGE_VAL;                              //!< the bound proven at the root
    std::uint64_t mNodes = 0;
    bool mStopped = false;
    ProgressSink *mProgress = nullptr;
    Clock::time_point mDeadline;
};

} // namespace gf
