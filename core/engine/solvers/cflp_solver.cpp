#include "engine/solvers/cflp_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/knapsack_solver.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/transportation_solver.h"
#include "engine/solvers/uflp_solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kInfeasible = std::numeric_limits<double>::infinity();

//! Knapsack nodes per covering subproblem: plenty for the OR-Library sizes, and the
//! continuous bound stays valid when the limit cuts a search short.
constexpr std::uint64_t kKnapsackNodes = 20000;

//! Subgradient iterations at the root and at every other node (warm-started from the parent).
//! Nodes start with long steps: a branch moves the dual far, and 40 such steps proved the
//! OR-Library trees with half the relaxations of 60 shorter ones.
constexpr std::uint32_t kRootIterations = 1500;
constexpr std::uint32_t kNodeIterations = 40;
constexpr double kNodeStepScale = 2.0;

//! Branch-and-bound state of a candidate.
enum class SiteState : signed char
{
  Free,
  Open,
  Closed
};

//! A branch-and-bound node: candidate states, the range of the number of open candidates,
//! the multipliers it starts from and the bound of its parent (what the node costs at least).
struct CflpNode
{
  std::vector<SiteState> state;
  std::uint32_t minOpen = 0;
  std::uint32_t maxOpen = UINT32_MAX;
  std::vector<double> multiplier;
  double parentBound = 0.0;
  std::uint32_t depth = 0;
};

//! The Lagrangian relaxation of the demand constraints at multipliers u: every open candidate
//! takes the clients cheaper than their u as a continuous knapsack within its capacity (value
//! v_i, its fixed cost included), and the open set must hold the total demand with a number of
//! candidates in the node's range. Fixing that number is what makes the bound tight: without
//! it the dual mixes open sets of different sizes (2.5 % below the optimum on capa, 0.06 % with it).
struct CflpRelaxation
{
  double bound = kInfeasible;              //!< sum of u plus the open v (covering part at its proven bound)
  double multiplierSum = 0.0;
  std::vector<double> value;               //!< v_i per candidate
  std::vector<char> open;                  //!< the relaxed open set
  std::vector<std::size_t> itemBegin;      //!< per candidate: first entry in items and fraction
  std::vector<std::uint32_t> items;        //!< client rows each candidate takes
  std::vector<double> fraction;
};

//! The model's data whatever the matrix: the allowed pairs come from a CandidateRanking, and the
//! uncapacitated start from the dense or the sparse problem it was built from.
struct CflpModel
{
  const CandidateRanking &ranking;
  const std::vector<double> &fixedCost;
  const std::vector<double> &capacity;
  const std::vector<double> &demand;
  const LocationProblem *dense = nullptr;        //!< one of the two
  const SparseLocationProblem *sparse = nullptr;
};

class CflpSearch
{
  public:
    CflpSearch( const CflpModel &model, const CflpOptions &options, ProgressSink &progress, const LocationSiteRules &rules,
                std::vector<std::uint32_t> clients, std::uint32_t minOpen, std::uint32_t maxOpen );

    CflpSolution run();

  private:
    bool stopRequested()
    {
      mCanceled = mCanceled || mProgress.isCanceled();
      return mCanceled || Clock::now() > mDeadline;
    }
    //! Objective values closer than this count as equal when bounds prune.
    double tolerance() const { return 1e-6 + 1e-10 * std::fabs( mBestObjective ); }
    bool isProven() const { return mBestObjective - mLowerBound <= tolerance(); }
    std::vector<char> uncapacitatedStart();
    void repairCapacity( std::vector<char> &isOpen ) const;
    double price( const std::vector<char> &isOpen );
    double evaluate( const std::vector<char> &isOpen );
    void offer( std::vector<char> isOpen );
    bool tryMove( std::vector<char> &isOpen, double &value, std::uint32_t in, std::uint32_t out );
    void descend( std::vector<char> &isOpen, double &value );
    void relax( const std::vector<double> &multiplier, const CflpNode &node, CflpRelaxation &relaxation );
    double chooseOpen( const CflpNode &node, const std::vector<double> &value, std::vector<char> &open );
    double coverByKnapsack( const CflpNode &node, const std::vector<double> &value, std::vector<char> &open );
    double optimise( CflpNode &node, std::uint32_t iterations, double scale, std::uint32_t patience, bool pricePlans,
                     CflpRelaxation &best, std::vector<double> &average );
    void fixByBound( CflpNode &node, const CflpRelaxation &relaxation );
    double branchAndBound( CflpNode root );
    std::uint32_t leastOpenCount() const;
    static std::uint32_t openCount( const std::vector<char> &isOpen )
    {
      return static_cast<std::uint32_t>( std::count( isOpen.begin(), isOpen.end(), 1 ) );
    }
    CflpSolution buildSolution();

    const CflpModel &mModel;
    const std::vector<double> &mFixedCost;
    const std::vector<double> &mCapacity;
    const std::vector<double> &mDemandOf;  //!< per client
    std::uint32_t mClientCount;
    std::uint32_t mCandidateCount;
    const CflpOptions &mOptions;
    ProgressSink &mProgress;
    const LocationSiteRules &mRules;
    std::uint32_t mMinOpen;
    std::uint32_t mMaxOpen;
    std::vector<std::uint32_t> mClients;   //!< clients with positive demand
    std::vector<double> mDemand;           //!< per row of mClients
    //! The allowed pairs as weighted costs, per row (candidates ascending) and per candidate
    //! (rows ascending), in CSR form.
    std::vector<std::size_t> mRowFirst;
    std::vector<std::uint32_t> mRowCandidate;
    std::vector<double> mRowCost;
    std::vector<std::size_t> mColumnFirst;
    std::vector<std::uint32_t> mColumnRow;
    std::vector<double> mColumnCost;
    Clock::time_point mDeadline;
    double mTotalDemand = 0.0;
    TransportationSolver mTransport;
    KnapsackSolver mKnapsack;
    std::vector<std::uint32_t> mOpenSlots;            //!< candidates of the last price() call, in slot order
    std::vector<std::size_t> mArcFirst;               //!< its transportation arcs per row
    std::vector<TransportationSolver::Arc> mArcs;
    std::vector<double> mArcCost;                     //!< weighted cost of each arc
    std::map<std::vector<char>, double> mEvaluated;   //!< open sets already priced
    std::vector<char> mBest;
    double mBestObjective = kInfeasible;
    double mLowerBound = 0.0;
    bool mCanceled = false;
    // Scratch of relax() and chooseOpen().
    std::vector<std::pair<double, std::uint32_t>> mTaken;
    std::vector<std::uint32_t> mFree;
    std::vector<double> mCoverValue;
    std::vector<double> mCoverWeight;
    std::vector<std::uint32_t> mCoverSite;
};

CflpSearch::CflpSearch( const CflpModel &model, const CflpOptions &options, ProgressSink &progress, const LocationSiteRules &rules,
                        std::vector<std::uint32_t> clients, std::uint32_t minOpen, std::uint32_t maxOpen )
  : mModel( model )
  , mFixedCost( model.fixedCost )
  , mCapacity( model.capacity )
  , mDemandOf( model.demand )
  , mClientCount( model.ranking.clientCount() )
  , mCandidateCount( model.ranking.candidateCount() )
  , mOptions( options )
  , mProgress( progress )
  , mRules( rules )
  , mMinOpen( minOpen )
  , mMaxOpen( maxOpen )
  , mClients( std::move( clients ) )
  , mDeadline( Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
{
  const CandidateRanking &ranking = model.ranking;
  std::vector<std::uint32_t> rowOf( mClientCount, kUnassigned );
  mRowFirst.assign( 1, 0 );
  std::vector<std::pair<std::uint32_t, double>> row;
  for ( std::size_t r = 0; r < mClients.size(); ++r )
  {
    const std::uint32_t client = mClients[r];
    rowOf[client] = static_cast<std::uint32_t>( r );
    mDemand.push_back( mDemandOf[client] );
    mTotalDemand += mDemandOf[client];
    row.clear();
    for ( std::uint32_t k = 0; k < ranking.size( client ); ++k )
      row.emplace_back( ranking.begin( client )[k], ranking.weightOf( client ) * ranking.costs( client )[k] );
    std::sort( row.begin(), row.end() );
    for ( const auto &[candidate, cost] : row )
    {
      mRowCandidate.push_back( candidate );
      mRowCost.push_back( cost );
    }
    mRowFirst.push_back( mRowCandidate.size() );
  }
  // The ranking's served lists are by client, so every column comes out by row.
  mColumnFirst.assign( 1, 0 );
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    const double *cost = ranking.servedCosts( candidate );
    for ( const std::uint32_t *client = ranking.servedBegin( candidate ); client != ranking.servedEnd( candidate ); ++client, ++cost )
    {
      if ( rowOf[*client] == kUnassigned )
        continue;
      mColumnRow.push_back( rowOf[*client] );
      mColumnCost.push_back( ranking.weightOf( *client ) * *cost );
    }
    mColumnFirst.push_back( mColumnRow.size() );
  }
}

//! The uncapacitated optimum over the same costs, with capacity added where it falls short.
std::vector<char> CflpSearch::uncapacitatedStart()
{
  UflpOptions options;
  options.seed = mOptions.seed;
  options.minFacilities = mMinOpen;
  options.maxFacilities = mMaxOpen;
  // A start only: its proof is not needed, the Lagrangian trees below give the bound.
  options.maxIterations = 10;
  options.prove = false;
  options.timeLimitS = std::max( 0.0, 0.02 * std::chrono::duration<double>( mDeadline - Clock::now() ).count() );
  ProgressPhase phase( mProgress, 0.0, 0.1 );
  std::vector<char> isOpen( mCandidateCount, 0 );
  const Result<LocationSolution> result = mModel.dense ? solveUflp( UflpProblem{ *mModel.dense, mFixedCost }, options, phase )
                                                       : solveUflp( SparseUflpProblem{ *mModel.sparse, mFixedCost }, options, phase );
  if ( result )
  {
    for ( std::uint32_t candidate : result->open )
      isOpen[candidate] = 1;
  }
  repairCapacity( isOpen );
  return isOpen;
}

//! Opens the closed candidates with the least fixed cost per capacity until the demand fits.
void CflpSearch::repairCapacity( std::vector<char> &isOpen ) const
{
  std::vector<std::uint32_t> closed;
  double capacity = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    if ( isOpen[candidate] )
      capacity += mCapacity[candidate];
    else if ( mRules.eligible[candidate] && mCapacity[candidate] > 0.0 )
      closed.push_back( candidate );
  }
  auto perCapacity = [&]( std::uint32_t c ) { return mFixedCost[c] / mCapacity[c]; };
  std::stable_sort( closed.begin(), closed.end(), [&]( std::uint32_t a, std::uint32_t b ) { return perCapacity( a ) < perCapacity( b ); } );
  for ( std::uint32_t candidate : closed )
  {
    if ( capacity >= mTotalDemand )
      break;
    isOpen[candidate] = 1;
    capacity += mCapacity[candidate];
  }
}

//! Fixed costs plus the optimal transportation cost, or infinity when the demand does not fit;
//! the routing stays in mTransport (slots: mOpenSlots).
double CflpSearch::price( const std::vector<char> &isOpen )
{
  const std::size_t rows = mClients.size();
  mOpenSlots.clear();
  std::vector<double> capacity;
  std::vector<std::uint32_t> slotOf( mCandidateCount, kUnassigned );
  double value = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    if ( isOpen[candidate] )
    {
      slotOf[candidate] = static_cast<std::uint32_t>( mOpenSlots.size() );
      mOpenSlots.push_back( candidate );
      capacity.push_back( mCapacity[candidate] );
      value += mFixedCost[candidate];
    }
  }
  if ( std::accumulate( capacity.begin(), capacity.end(), 0.0 ) < mTotalDemand * ( 1.0 - 1e-12 ) )
    return kInfeasible;
  mArcFirst.assign( 1, 0 );
  mArcs.clear();
  mArcCost.clear();
  for ( std::size_t row = 0; row < rows; ++row )
  {
    for ( std::size_t k = mRowFirst[row]; k < mRowFirst[row + 1]; ++k )
    {
      const std::uint32_t slot = slotOf[mRowCandidate[k]];
      if ( slot == kUnassigned )
        continue;
      mArcs.push_back( { slot, mRowCost[k] / mDemand[row] } );
      mArcCost.push_back( mRowCost[k] );
    }
    mArcFirst.push_back( mArcs.size() );
  }
  return mTransport.solve( mDemand, capacity, mArcFirst, mArcs ) ? value + mTransport.cost() : kInfeasible;
}

double CflpSearch::evaluate( const std::vector<char> &isOpen )
{
  const auto known = mEvaluated.find( isOpen );
  if ( known != mEvaluated.end() )
    return known->second;
  const double value = price( isOpen );
  mEvaluated.emplace( isOpen, value );
  return value;
}

//! Prices \a isOpen (with the required candidates) and keeps it if it beats the incumbent;
//! candidates its routing leaves idle are closed first, as they only add their fixed cost.
void CflpSearch::offer( std::vector<char> isOpen )
{
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
    isOpen[candidate] = isOpen[candidate] || mRules.fixedOpen[candidate];
  std::uint32_t count = openCount( isOpen );
  if ( count < mMinOpen || count > mMaxOpen )
    return;
  const auto known = mEvaluated.find( isOpen );
  double value = known != mEvaluated.end() ? known->second : evaluate( isOpen );
  if ( known == mEvaluated.end() && std::isfinite( value ) )
  {
    const std::size_t width = mOpenSlots.size();
    std::vector<double> load( width, 0.0 );
    for ( std::size_t arc = 0; arc < mArcs.size(); ++arc )
      load[mArcs[arc].facility] += mTransport.arcFlow()[arc];
    std::vector<char> used = isOpen;
    for ( std::size_t slot = 0; slot < width && count > mMinOpen; ++slot )
    {
      if ( load[slot] <= 0.0 && !mRules.fixedOpen[mOpenSlots[slot]] )
      {
        used[mOpenSlots[slot]] = 0;
        --count;
      }
    }
    if ( used != isOpen )
    {
      isOpen = used;
      value = evaluate( isOpen );
    }
  }
  if ( value < mBestObjective - 1e-9 * std::max( 1.0, std::fabs( value ) ) )
  {
    mBestObjective = value;
    mBest = isOpen;
  }
}

//! Toggles \a in and/or \a out (kUnassigned for none) and keeps the change if it lowers \a value.
bool CflpSearch::tryMove( std::vector<char> &isOpen, double &value, std::uint32_t in, std::uint32_t out )
{
  if ( in != kUnassigned )
    isOpen[in] = 1;
  if ( out != kUnassigned )
    isOpen[out] = 0;
  const double next = evaluate( isOpen );
  if ( next < value - 1e-9 * std::max( 1.0, value ) )
  {
    value = next;
    return true;
  }
  if ( in != kUnassigned )
    isOpen[in] = 0;
  if ( out != kUnassigned )
    isOpen[out] = 1;
  return false;
}

//! First-improvement descent over single drops and adds.
void CflpSearch::descend( std::vector<char> &isOpen, double &value )
{
  const std::uint32_t m = mCandidateCount;
  bool improved = true;
  while ( improved && !stopRequested() )
  {
    improved = false;
    const std::uint32_t count = openCount( isOpen );
    for ( std::uint32_t out = 0; out < m && !improved && count > mMinOpen; ++out )
    {
      if ( isOpen[out] && !mRules.fixedOpen[out] )
        improved = tryMove( isOpen, value, kUnassigned, out );
    }
    for ( std::uint32_t in = 0; in < m && !improved && count < mMaxOpen; ++in )
    {
      if ( !isOpen[in] && mRules.eligible[in] )
        improved = tryMove( isOpen, value, in, kUnassigned );
    }
  }
}

//! Solves the relaxation at \a multiplier under the branching \a state.
void CflpSearch::relax( const std::vector<double> &multiplier, const CflpNode &node, CflpRelaxation &relaxation )
{
  const std::uint32_t m = mCandidateCount;
  const std::size_t rows = mClients.size();
  relaxation.value.assign( m, 0.0 );
  relaxation.itemBegin.assign( m + 1, 0 );
  relaxation.items.clear();
  relaxation.fraction.clear();
  relaxation.multiplierSum = 0.0;
  for ( std::size_t row = 0; row < rows; ++row )
    relaxation.multiplierSum += multiplier[row];
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    relaxation.itemBegin[candidate] = relaxation.items.size();
    if ( node.state[candidate] == SiteState::Closed )
      continue;
    // Items are entries of the candidate's column (by row, so ties order as rows do).
    mTaken.clear();
    double wanted = 0.0;
    double total = mFixedCost[candidate];
    for ( std::size_t k = mColumnFirst[candidate]; k < mColumnFirst[candidate + 1]; ++k )
    {
      const std::uint32_t row = mColumnRow[k];
      if ( mColumnCost[k] < multiplier[row] )
      {
        mTaken.emplace_back( ( mColumnCost[k] - multiplier[row] ) / mDemand[row], static_cast<std::uint32_t>( k ) );
        wanted += mDemand[row];
      }
    }
    // Continuous knapsack: the most negative reduced cost per unit of demand first. Only the
    // items before the capacity runs out need their order: split at medians until few are left.
    double room = mCapacity[candidate];
    auto take = [&]( std::uint32_t k, double share ) {
      const std::uint32_t row = mColumnRow[k];
      room -= share * mDemand[row];
      total += share * ( mColumnCost[k] - multiplier[row] );
      relaxation.items.push_back( row );
      relaxation.fraction.push_back( share );
    };
    auto first = mTaken.begin();
    auto last = mTaken.end();
    if ( wanted > room )
    {
      while ( last - first > 16 )
      {
        const auto middle = first + ( last - first ) / 2;
        std::nth_element( first, middle, last );
        double front = 0.0;
        for ( auto it = first; it != middle; ++it )
          front += mDemand[mColumnRow[it->second]];
        if ( front > room )
        {
          last = middle;
          continue;
        }
        for ( auto it = first; it != middle; ++it )
          take( it->second, 1.0 );
        first = middle;
      }
      std::sort( first, last );
    }
    for ( auto it = first; it != last && room > 0.0; ++it )
      take( it->second, std::min( 1.0, room / mDemand[mColumnRow[it->second]] ) );
    relaxation.value[candidate] = total;
  }
  relaxation.itemBegin[m] = relaxation.items.size();
  relaxation.bound = relaxation.multiplierSum + chooseOpen( node, relaxation.value, relaxation.open );
}

//! The least total of \a value over open sets that respect the node and hold the total demand,
//! or a lower bound on it; the set in \a open. Infinity when no such set exists. Exact when
//! the free candidates have equal capacities (the OR-Library case): then the capacity only sets
//! a least number of them, and the cheapest ones in the allowed number are best.
double CflpSearch::chooseOpen( const CflpNode &node, const std::vector<double> &value, std::vector<char> &open )
{
  const std::uint32_t m = mCandidateCount;
  open.assign( m, 0 );
  std::uint32_t opened = 0;
  double capacity = 0.0;
  double total = 0.0;
  mFree.clear();
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    if ( node.state[candidate] == SiteState::Open )
    {
      open[candidate] = 1;
      ++opened;
      capacity += mCapacity[candidate];
      total += value[candidate];
    }
    else if ( node.state[candidate] == SiteState::Free )
      mFree.push_back( candidate );
  }
  if ( opened > node.maxOpen )
    return kInfeasible;
  const std::size_t leastFree = node.minOpen > opened ? node.minOpen - opened : 0;
  const std::size_t mostFree = std::min<std::size_t>( node.maxOpen - opened, mFree.size() );
  const double needed = mTotalDemand - capacity;
  std::vector<double> room;
  for ( std::uint32_t candidate : mFree )
    room.push_back( mCapacity[candidate] );
  std::sort( room.begin(), room.end(), std::greater<double>() );
  if ( leastFree > mostFree || std::accumulate( room.begin(), room.begin() + mostFree, 0.0 ) < needed * ( 1.0 - 1e-12 ) )
    return kInfeasible;
  const bool equalRoom = room.empty() || room.front() == room.back();
  std::stable_sort( mFree.begin(), mFree.end(), [&]( std::uint32_t a, std::uint32_t b ) { return value[a] < value[b]; } );
  std::size_t count = static_cast<std::size_t>( std::count_if( mFree.begin(), mFree.end(), [&]( std::uint32_t c ) { return value[c] < 0.0; } ) );
  std::size_t least = leastFree;
  if ( equalRoom && needed > 1e-12 * mTotalDemand )
    least = std::max<std::size_t>( least, static_cast<std::size_t>( std::ceil( needed / room.front() - 1e-9 ) ) );
  count = std::clamp( count, least, mostFree );
  for ( std::size_t k = 0; k < count; ++k )
  {
    open[mFree[k]] = 1;
    total += value[mFree[k]];
  }
  if ( equalRoom )
    return total;
  // Unequal capacities: the covering knapsack (which ignores the least number) may bound higher.
  std::vector<char> covering;
  const double cover = coverByKnapsack( node, value, covering );
  if ( cover > total )
  {
    open = covering;
    return cover;
  }
  return total;
}

//! The least total of \a value over open sets that respect the node's states and hold the
//! total demand, whatever their number (a proven lower bound when the knapsack stops at its
//! node limit); the set in \a open.
double CflpSearch::coverByKnapsack( const CflpNode &node, const std::vector<double> &value, std::vector<char> &open )
{
  const std::vector<SiteState> &state = node.state;
  const std::uint32_t m = mCandidateCount;
  open.assign( m, 0 );
  double capacity = 0.0;
  double total = 0.0;
  mCoverValue.clear();
  mCoverWeight.clear();
  mCoverSite.clear();
  double spare = 0.0;
  double coverTotal = 0.0;
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    if ( state[candidate] == SiteState::Closed )
      continue;
    if ( state[candidate] == SiteState::Open || value[candidate] < 0.0 )
    {
      open[candidate] = 1;
      capacity += mCapacity[candidate];
      total += value[candidate];
    }
    else if ( mCapacity[candidate] > 0.0 )
    {
      // Covering by the complement: the candidates left closed form a 0-1 knapsack of the
      // values saved within the capacity not needed.
      mCoverValue.push_back( -value[candidate] );
      mCoverWeight.push_back( mCapacity[candidate] );
      mCoverSite.push_back( candidate );
      spare += mCapacity[candidate];
      coverTotal += value[candidate];
    }
  }
  const double needed = mTotalDemand - capacity;
  if ( needed <= 1e-12 * mTotalDemand )
    return total;
  if ( spare < needed * ( 1.0 - 1e-12 ) )
    return kInfeasible;
  mKnapsack.solve( mCoverValue, mCoverWeight, spare - needed, kKnapsackNodes );
  for ( std::size_t k = 0; k < mCoverSite.size(); ++k )
    open[mCoverSite[k]] = mKnapsack.chosen()[k] ? 0 : 1;
  return total + coverTotal + mKnapsack.bound();
}

//! Subgradient optimisation of the node's bound from its multipliers (left at the best ones);
//! \a best is the relaxation there and \a average the mean relaxed open set.
double CflpSearch::optimise( CflpNode &node, std::uint32_t iterations, double scale, std::uint32_t patience, bool pricePlans,
                             CflpRelaxation &best, std::vector<double> &average )
{
  const std::uint32_t m = mCandidateCount;
  const std::size_t rows = mClients.size();
  std::vector<double> multiplier = node.multiplier;
  std::vector<double> subgradient( rows, 0.0 );
  CflpRelaxation current;
  average.assign( m, 0.0 );
  double bestBound = -kInfeasible;
  std::uint32_t fruitless = 0;
  for ( std::uint32_t iteration = 0; iteration < iterations; ++iteration )
  {
    if ( ( iteration & 15 ) == 0 && stopRequested() )
      break;
    relax( multiplier, node, current );
    if ( !std::isfinite( current.bound ) )
      return kInfeasible;
    for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
      average[candidate] += ( current.open[candidate] - average[candidate] ) / ( iteration + 1.0 );
    if ( current.bound > bestBound )
    {
      fruitless = current.bound > bestBound + 1e-6 * std::fabs( bestBound ) ? 0 : fruitless + 1;
      bestBound = current.bound;
      best = current;
      node.multiplier = multiplier;
    }
    else
      ++fruitless;
    if ( fruitless >= patience )
    {
      scale *= 0.5;
      fruitless = 0;
    }
    if ( pricePlans && iteration % 10 == 9 )
      offer( current.open );
    if ( bestBound >= mBestObjective - tolerance() || scale < 1e-4 )
      break;
    std::fill( subgradient.begin(), subgradient.end(), 1.0 );
    for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
    {
      if ( !current.open[candidate] )
        continue;
      for ( std::size_t k = current.itemBegin[candidate]; k < current.itemBegin[candidate + 1]; ++k )
        subgradient[current.items[k]] -= current.fraction[k];
    }
    double norm = 0.0;
    for ( double g : subgradient )
      norm += g * g;
    if ( norm < 1e-18 )
      break;
    const double step = scale * ( mBestObjective - current.bound ) / norm;
    for ( std::size_t row = 0; row < rows; ++row )
      multiplier[row] += step * subgradient[row];
  }
  return bestBound;
}

//! Fixes every free candidate whose flip from the relaxed open set lifts the bound to the incumbent.
void CflpSearch::fixByBound( CflpNode &node, const CflpRelaxation &relaxation )
{
  std::vector<char> open;
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    if ( node.state[candidate] != SiteState::Free )
      continue;
    const SiteState kept = relaxation.open[candidate] ? SiteState::Open : SiteState::Closed;
    node.state[candidate] = relaxation.open[candidate] ? SiteState::Closed : SiteState::Open;
    const double flipped = relaxation.multiplierSum + chooseOpen( node, relaxation.value, open );
    node.state[candidate] = flipped >= mBestObjective - tolerance() ? kept : SiteState::Free;
  }
}

//! The fewest candidates that can hold the total demand: the required ones, then the largest.
std::uint32_t CflpSearch::leastOpenCount() const
{
  std::vector<double> room;
  double capacity = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    if ( mRules.fixedOpen[candidate] )
      capacity += mCapacity[candidate];
    else if ( mRules.eligible[candidate] )
      room.push_back( mCapacity[candidate] );
  }
  std::sort( room.begin(), room.end(), std::greater<double>() );
  std::uint32_t count = static_cast<std::uint32_t>( mRules.required.size() );
  for ( std::size_t k = 0; k < room.size() && capacity < mTotalDemand * ( 1.0 - 1e-12 ); ++k, ++count )
    capacity += room[k];
  return std::max<std::uint32_t>( 1, count );
}

//! Depth-first branch and bound on the open/closed decisions with the Lagrangian bound;
//! returns the least bound of the nodes left when stopped, infinity when the tree is done.
double CflpSearch::branchAndBound( CflpNode root )
{
  std::vector<CflpNode> stack;
  stack.push_back( std::move( root ) );
  CflpRelaxation relaxation;
  std::vector<double> average;
  while ( !stack.empty() && !stopRequested() )
  {
    CflpNode &node = stack.back();
    if ( node.parentBound >= mBestObjective - tolerance() )
    {
      stack.pop_back();
      continue;
    }
    const bool isRoot = node.depth == 0;
    const double bound = isRoot ? optimise( node, kRootIterations, 1.0, 20, true, relaxation, average )
                                : optimise( node, kNodeIterations, kNodeStepScale, 5, false, relaxation, average );
    if ( stopRequested() )
    {
      node.parentBound = std::max( node.parentBound, bound );
      break;
    }
    CflpNode current = std::move( node );
    stack.pop_back();
    if ( bound < mBestObjective - tolerance() )
      offer( relaxation.open );
    if ( bound >= mBestObjective - tolerance() )
      continue;
    fixByBound( current, relaxation );
    // Branch on the free candidate the relaxations were least decided about.
    std::uint32_t branch = kUnassigned;
    for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
    {
      if ( current.state[candidate] == SiteState::Free
           && ( branch == kUnassigned || std::fabs( average[candidate] - 0.5 ) < std::fabs( average[branch] - 0.5 ) ) )
        branch = candidate;
    }
    if ( branch == kUnassigned )
    {
      // Every candidate decided: the open set's routing is its exact value.
      std::vector<char> open( mCandidateCount, 0 );
      for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
        open[candidate] = current.state[candidate] == SiteState::Open ? 1 : 0;
      offer( open );
      continue;
    }
    const SiteState first = average[branch] >= 0.5 ? SiteState::Open : SiteState::Closed;
    CflpNode later = current;
    later.state[branch] = first == SiteState::Open ? SiteState::Closed : SiteState::Open;
    later.parentBound = bound;
    later.depth = current.depth + 1;
    current.state[branch] = first;
    current.parentBound = bound;
    current.depth = later.depth;
    stack.push_back( std::move( later ) );
    stack.push_back( std::move( current ) );
  }
  double openBound = kInfeasible;
  for ( const CflpNode &node : stack )
    openBound = std::min( openBound, node.parentBound );
  return openBound;
}

CflpSolution CflpSearch::run()
{
  if ( mOptions.start.empty() )
    offer( uncapacitatedStart() );
  else
  {
    std::vector<char> start( mCandidateCount, 0 );
    for ( std::uint32_t candidate : mOptions.start )
      start[candidate] = 1;
    offer( start );
  }
  if ( !std::isfinite( mBestObjective ) )
  {
    // Some client reaches too little of the open capacity: start from everything open.
    offer( mRules.eligible );
  }
  if ( !std::isfinite( mBestObjective ) || stopRequested() )
    return buildSolution();
  mProgress.setProgress( 0.1 );
  CflpNode root;
  root.state.assign( mCandidateCount, SiteState::Free );
  for ( std::uint32_t candidate = 0; candidate < mCandidateCount; ++candidate )
  {
    if ( !mRules.eligible[candidate] )
      root.state[candidate] = SiteState::Closed;
    else if ( mRules.fixedOpen[candidate] )
      root.state[candidate] = SiteState::Open;
  }
  // Start every client at its cheapest possible service.
  const std::size_t rows = mClients.size();
  root.multiplier.assign( rows, kForbiddenAssignment );
  for ( std::size_t row = 0; row < rows; ++row )
  {
    for ( std::size_t k = mRowFirst[row]; k < mRowFirst[row + 1]; ++k )
      root.multiplier[row] = std::min( root.multiplier[row], mRowCost[k] );
  }
  root.parentBound = -kInfeasible;
  // First the bound over every larger number of open candidates, from the fewest up until it
  // reaches the incumbent, its relaxed open sets priced as plans; then one tree per number
  // left. Pricing every number first gives the trees a near-optimal incumbent to prune with.
  CflpRelaxation relaxation;
  std::vector<double> average;
  std::vector<CflpNode> trees;
  mLowerBound = mBestObjective;
  for ( std::uint32_t count = std::max( leastOpenCount(), mMinOpen ); count <= mMaxOpen; ++count )
  {
    mProgress.setProgress( 0.1 + 0.4 * count / mMaxOpen );
    root.minOpen = count;
    root.maxOpen = mMaxOpen;
    const double tail = optimise( root, kRootIterations, 1.0, 20, true, relaxation, average );
    if ( stopRequested() )
    {
      mLowerBound = std::min( mLowerBound, tail );
      break;
    }
    if ( tail >= mBestObjective - tolerance() )
      break;
    trees.push_back( root );
    trees.back().maxOpen = count;
    trees.back().parentBound = tail;
  }
  if ( !trees.empty() && !stopRequested() )
  {
    double value = mBestObjective;
    std::vector<char> isOpen = mBest;
    descend( isOpen, value );
    offer( isOpen );
  }
  for ( std::size_t k = 0; k < trees.size(); ++k )
  {
    mProgress.setProgress( 0.5 + 0.5 * static_cast<double>( k ) / static_cast<double>( trees.size() ) );
    // A tree's bound holds for every larger number: the trees not searched keep theirs.
    const double left = stopRequested() ? trees[k].parentBound : branchAndBound( trees[k] );
    if ( stopRequested() )
    {
      mLowerBound = std::min( { mLowerBound, trees[k].parentBound, left } );
      break;
    }
  }
  mLowerBound = std::min( mLowerBound, mBestObjective );
  mProgress.setProgress( 1.0 );
  return buildSolution();
}

CflpSolution CflpSearch::buildSolution()
{
  const std::uint32_t m = mCandidateCount;
  const std::size_t rows = mClients.size();
  CflpSolution solution;
  LocationSolution &location = solution.location;
  if ( mModel.dense )
    solution.share.assign( static_cast<std::size_t>( mClientCount ) * m, 0.0 );
  location.canceled = mCanceled;
  if ( !std::isfinite( mBestObjective ) )
  {
    location.objective = kInfeasible;
    return solution;
  }
  price( mBest );
  location.open = mOpenSlots;
  location.assignment.assign( mClientCount, kUnassigned );
  double objective = 0.0;
  for ( std::uint32_t candidate : mOpenSlots )
    objective += mFixedCost[candidate];
  for ( std::size_t row = 0; row < rows; ++row )
  {
    const std::uint32_t client = mClients[row];
    double largest = 0.0;
    for ( std::size_t arc = mArcFirst[row]; arc < mArcFirst[row + 1]; ++arc )
    {
      const double fraction = mTransport.arcFlow()[arc] / mDemand[row];
      if ( fraction <= 0.0 )
        continue;
      const std::uint32_t candidate = mOpenSlots[mArcs[arc].facility];
      if ( mModel.dense )
        solution.share[static_cast<std::size_t>( client ) * m + candidate] = fraction;
      solution.shares.push_back( { client, candidate, fraction } );
      objective += fraction * mArcCost[arc];
      if ( fraction > largest )
      {
        largest = fraction;
        location.assignment[client] = candidate;
      }
    }
  }
  location.objective = objective;
  // Costs are not negative: 0 bounds a search stopped before its first relaxation.
  location.lowerBound = std::clamp( mLowerBound, 0.0, objective );
  location.provenOptimal = isProven();
  return solution;
}

//! The checks both matrix shapes share, then the search over the allowed pairs of \a location
//! (\a dense or \a sparse: the one it is).
template<typename Location>
Result<CflpSolution> solveOver( const Location &location, const std::vector<double> &fixedCost, const std::vector<double> &capacity,
                                const std::vector<double> &demand, const LocationProblem *dense, const SparseLocationProblem *sparse,
                                const CflpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( location );
  if ( !rules )
    return rules.error();
  const Error invalid = checkCapacitatedData( location.clientCount, location.candidateCount, *rules, &fixedCost, capacity, demand );
  if ( invalid.code != ErrorCode::Ok )
    return invalid;
  std::vector<std::uint32_t> clients;
  for ( std::uint32_t client = 0; client < location.clientCount; ++client )
  {
    if ( demand[client] > 0.0 )
      clients.push_back( client );
  }
  const std::uint32_t maxOpen = options.maxFacilities > 0 ? std::min( options.maxFacilities, rules->eligibleCount )
                                                          : rules->eligibleCount;
  if ( options.minFacilities > rules->eligibleCount )
    return makeError( ErrorCode::TooManyFacilities, std::to_string( options.minFacilities ) );
  if ( options.minFacilities > maxOpen || maxOpen < rules->required.size() )
    return makeError( ErrorCode::InvalidArgument, "maxFacilities" );
  for ( std::uint32_t candidate : options.start )
  {
    if ( candidate >= location.candidateCount || !rules->eligible[candidate] )
      return makeError( ErrorCode::InvalidArgument, "start" );
  }
  const CandidateRanking ranking( location, rules->eligible );
  // Clients with demand that an unstored pair (k-nearest) might serve: the stored arcs then
  // bound the problem from above only.
  std::uint32_t beyondClient = kUnassigned;
  double floor = 0.0;
  for ( std::uint32_t client : clients )
  {
    double cheapest = ranking.size( client ) > 0 ? ranking.costs( client )[0] : kInfeasible;
    if ( ranking.size( client ) < rules->eligibleCount && ranking.beyondCost( client ) < kForbiddenAssignment )
    {
      beyondClient = std::min( beyondClient, client );
      cheapest = std::min( cheapest, ranking.beyondCost( client ) );
    }
    floor += ranking.weightOf( client ) * cheapest;
  }
  const CflpModel model{ ranking, fixedCost, capacity, demand, dense, sparse };
  CflpSearch search( model, options, progress, *rules, std::move( clients ), options.minFacilities, maxOpen );
  CflpSolution solution = search.run();
  if ( !std::isfinite( solution.location.objective ) )
  {
    // All eligible candidates open and still no routing: some client reaches too little
    // capacity, or, over stored arcs, might reach more through unstored ones.
    if ( beyondClient != kUnassigned )
      return makeError( ErrorCode::CoverageUndecidable, std::to_string( beyondClient ) );
    return makeError( ErrorCode::CapacityBelowDemand );
  }
  if ( beyondClient != kUnassigned )
  {
    // The plan is one of the full problem at its exact cost, but the Lagrangian bound knows only
    // the stored arcs: what holds is each client at its cheapest possible pair.
    LocationSolution &plan = solution.location;
    plan.lowerBound = std::min( floor, plan.objective );
    plan.provenOptimal = plan.objective - plan.lowerBound <= 1e-6 + 1e-10 * std::fabs( plan.objective );
  }
  return solution;
}

} // namespace

Result<CflpSolution> solveCflp( const CflpProblem &problem, const CflpOptions &options, ProgressSink &progress )
{
  return solveOver( problem.location, problem.fixedCost, problem.capacity, problem.demand, &problem.location, nullptr, options,
                    progress );
}

Result<CflpSolution> solveCflp( const SparseCflpProblem &problem, const CflpOptions &options, ProgressSink &progress )
{
  return solveOver( problem.location, problem.fixedCost, problem.capacity, problem.demand, nullptr, &problem.location, options,
                    progress );
}

} // namespace gf
