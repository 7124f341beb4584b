#pragma once
// Exact unit-cost set covering by depth-first branch and bound: the fewest columns covering
// every row, or the first cover within a column limit. Before branching, rows whose column
// set contains another row's and columns whose rows another column also covers are removed
// (both keep an optimum); then each node branches on the uncovered row with the fewest
// columns left (take its i-th column, the earlier ones excluded) and is pruned by the better
// of two bounds: a packing (uncovered rows that pairwise share no remaining column each need
// their own column) and the Lagrangian bound of the cover rows at multipliers optimised by
// subgradient at the root, where the relaxed solutions completed to covers also give the
// incumbent (Beasley 1990).
#include "engine/common/progress_sink.h"

#include <chrono>
#include <cstdint>
#include <vector>

namespace gf {

struct SetCoverResult
{
  std::vector<std::uint32_t> columns;     //!< the cover found, fixed columns included, ascending
  bool found = false;                     //!< a cover within the limit exists (columns is one)
  bool complete = false;                  //!< the search finished: optimal, or none within the limit
  std::uint32_t lowerBound = 0;           //!< proven bound on the columns of any cover
};

class SetCoverSearch
{
  public:
    using Clock = std::chrono::steady_clock;

    //! \a rows: per row the columns covering it; an empty row makes every search fail.
    SetCoverSearch( const std::vector<std::vector<std::uint32_t>> &rows, std::uint32_t columnCount );

    //! Covers with \a fixed plus the fewest other columns, at most \a maxColumns in all
    //! (0 = no limit). With \a firstCover the search stops at the first cover within the limit.
    SetCoverResult solve( const std::vector<std::uint32_t> &fixed, std::uint32_t maxColumns, bool firstCover,
                          ProgressSink &progress, Clock::time_point deadline );

  private:
    void reduce();
    bool rowDominated( std::uint32_t row, std::uint32_t other ) const;
    bool columnDominated( std::uint32_t column, std::uint32_t other ) const;
    void take( std::uint32_t column, int delta );
    void exclude( std::uint32_t column, int delta );
    std::uint32_t packingBound();
    double lagrangianBound( std::vector<char> *relaxed ) const;
    void optimizeMultipliers();
    void adoptCover( std::vector<char> &use );
    std::vector<std::uint32_t> greedyCover();
    void branch( std::uint32_t picked );

    void compact();

    std::vector<std::vector<std::uint32_t>> mInputRows;
    std::vector<std::vector<std::uint32_t>> mInputColumns;
    std::vector<std::vector<std::uint32_t>> mRows;        //!< per row: columns, ascending
    std::vector<std::vector<std::uint32_t>> mColumns;     //!< per column: rows, ascending
    std::vector<char> mActiveRow;                         //!< not removed as dominated
    std::vector<std::uint32_t> mRowOrder;                 //!< active rows, fewest columns first
    std::vector<int> mCoverCount;                         //!< per row: chosen columns covering it
    std::vector<int> mLeft;                               //!< per row: columns not excluded
    std::vector<int> mExcluded;                           //!< per column: exclusion depth
    std::vector<char> mMark;
    std::vector<double> mMultiplier;                      //!< per row, >= 0
    std::vector<std::uint32_t> mChosen;
    std::vector<std::uint32_t> mBest;
    std::uint32_t mBestCount = 0;                         //!< covers need fewer than this
    bool mFirstCover = false;
    bool mStopped = false;
    bool mFoundAny = false;
    std::uint64_t mNodes = 0;
    ProgressSink *mProgress = nullptr;
    Clock::time_point mDeadline;
};

} // namespace gf
