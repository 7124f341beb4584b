#pragma once
// 0-1 knapsack in the minimising form the Lagrangian subproblems of the single-source
// models need: pick items of negative value within a capacity at least total value.
// When every item fits, all of them; else depth-first branch and bound on the value/weight
// order with the Dantzig (continuous) bound, first within a few nodes; when that does not
// finish, the exact dynamic programme over the non-dominated (weight, value) states, item by
// item in that order, dropping the states whose continuous bound cannot beat the best packing
// (Nemhauser-Ullmann lists with the Horowitz-Sahni bound: far fewer states than capacity cells,
// and any weights); when the states exceed a budget, the search again within the node limit,
// which keeps every call short (the root continuous bound stays valid).
#include <cstdint>
#include <vector>

namespace gf {

class KnapsackSolver
{
  public:
    //! Items with value >= 0 are never chosen. Weights must be >= 0.
    void solve( const std::vector<double> &value, const std::vector<double> &weight, double capacity,
                std::uint64_t nodeLimit );

    //! Total value of the best packing found (<= 0).
    double value() const { return mBestValue; }

    //! Proven lower bound on the optimum: value() when the search finished.
    double bound() const { return mBound; }

    //! Per item: chosen in the best packing found.
    const std::vector<char> &chosen() const { return mChosen; }

  private:
    bool search( double capacity, std::uint64_t nodeLimit );
    bool solveByStates( double capacity );
    double continuousFill( std::size_t from, double room ) const;
    double shrinkingFill( std::size_t from, double room, std::size_t &split ) const;
    double fillTo( std::size_t from, double limit, std::size_t split ) const;
    void branch( std::size_t depth, double room, double current );

    std::vector<std::uint32_t> mOrder;     //!< negative items by value per weight, best first
    std::vector<double> mRatio;            //!< per item given: value per weight (the sort key)
    std::vector<double> mValue;            //!< in mOrder order
    std::vector<double> mWeight;
    std::vector<double> mValueSum;         //!< prefix sums in mOrder order: the continuous fill by search
    std::vector<double> mWeightSum;
    std::vector<char> mTaken;
    std::vector<char> mBestTaken;
    std::vector<char> mChosen;
    // Dynamic programme: the states of the current item (by weight, values strictly falling), the
    // next item's, and per state ever kept its parent state and whether it took its item.
    std::vector<double> mStateWeight;
    std::vector<double> mStateValue;
    std::vector<std::uint32_t> mStateIndex;
    std::vector<double> mNextWeight;
    std::vector<double> mNextValue;
    std::vector<std::uint32_t> mNextIndex;
    std::vector<std::uint32_t> mParent;
    std::vector<char> mTook;
    double mBestValue = 0.0;
    double mBound = 0.0;
    std::uint64_t mNodes = 0;
    std::uint64_t mNodeLimit = 0;
};

} // namespace gf
