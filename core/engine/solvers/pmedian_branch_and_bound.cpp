#include "engine/solvers/pmedian_branch_and_bound.h"

#include "engine/solvers/pmedian_lagrangian.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>

namespace gf {

namespace {

//! Most subgradient steps at the root and at every other node, and the first step scale
//! there: the root starts from multipliers already optimised, a child from its parent's,
//! which the fixings have moved away from the optimum (full Polyak steps pay there).
constexpr std::uint32_t kRootIterations = 1000;
constexpr std::uint32_t kNodeIterations = 200;
constexpr double kRootStepScale = 0.5;
constexpr double kNodeStepScale = 2.0;
//! The steps go in chunks; a chunk that closes less than this share of the distance to the
//! cutoff ends the node's bounding: the subgradient has stalled.
constexpr std::uint32_t kChunk = 20;
constexpr double kStallShare = 0.02;
//! Bound / reduced-cost fixing rounds per node: each fixing can lift the bound and allow more.
constexpr int kFixingRounds = 8;
//! Nodes whose relaxed solution always starts a descent; past them only every power-of-two
//! node's does. On pmed1-40 the tree improved its incumbent only on pmed2 (at node 3), while
//! the descents of all nodes took about a quarter of pmed36's 619-node tree.
constexpr std::uint64_t kEagerDescents = 16;

} // namespace

PMedianBranchAndBound::PMedianBranchAndBound( const LocationProblem &problem, const CandidateRanking &ranking,
                                              const std::vector<char> &eligible, const std::vector<char> &fixedOpen,
                                              std::uint32_t p, SwapLocalSearch &search, bool integralObjective )
  : mProblem( problem )
  , mRanking( ranking )
  , mEligible( eligible )
  , mFixedOpen( fixedOpen )
  , mP( p )
  , mSearch( search )
  , mIntegral( integralObjective )
{}

double PMedianBranchAndBound::cutoff() const
{
  return mIntegral ? mBestObjective - 1.0 + 1e-6 : mBestObjective - 1e-6 - 1e-9 * std::fabs( mBestObjective );
}

bool PMedianBranchAndBound::solve( const std::vector<std::uint32_t> &open, double objective,
                                   const std::vector<double> &rootMultipliers, ProgressSink &progress,
                                   Clock::time_point deadline )
{
  mBest = open;
  mBestObjective = objective;
  mNodeCount = 0;
  mTried.clear();
  mNodeRanking = &mRanking;
  Node root;
  root.bound = -std::numeric_limits<double>::infinity();
  root.multipliers = rootMultipliers;
  if ( root.multipliers.size() != mProblem.clientCount )
  {
    // Each client's cost in the incumbent: the classic start of the subgradient.
    std::vector<char> isOpen( mProblem.candidateCount, 0 );
    for ( std::uint32_t candidate : open )
      isOpen[candidate] = 1;
    root.multipliers.assign( mProblem.clientCount, 0.0 );
    for ( std::uint32_t client = 0; client < mProblem.clientCount; ++client )
    {
      const std::uint32_t *it = std::find_if( mRanking.begin( client ), mRanking.end( client ), [&]( std::uint32_t candidate ) { return isOpen[candidate] != 0; } );
      if ( it != mRanking.end( client ) )
        root.multipliers[client] = mProblem.weightOf( client ) * mProblem.costAt( client, *it );
    }
  }

  // Best bound first (a min-heap on the parent's bound); among equal bounds the deeper node.
  auto later = []( const Node &a, const Node &b ) {
    if ( a.bound != b.bound )
      return a.bound > b.bound;
    return a.closed.size() + a.opened.size() < b.closed.size() + b.opened.size();
  };
  std::vector<Node> heap;
  heap.push_back( std::move( root ) );
  double rootBound = -std::numeric_limits<double>::infinity();
  std::vector<Node> children;
  bool stopped = false;
  while ( !heap.empty() )
  {
    if ( heap.front().bound >= cutoff() )
    {
      heap.clear();  // best bound first: every open node is pruned by the incumbent
      break;
    }
    if ( progress.isCanceled() || Clock::now() > deadline )
    {
      stopped = true;
      break;
    }
    std::pop_heap( heap.begin(), heap.end(), later );
    Node node = std::move( heap.back() );
    heap.pop_back();
    children.clear();
    if ( !process( node, progress, deadline, children ) )
      stopped = true;
    for ( Node &child : children )
    {
      heap.push_back( std::move( child ) );
      std::push_heap( heap.begin(), heap.end(), later );
    }
    if ( mNodeCount == 1 )
      rootBound = heap.empty() ? mBestObjective : heap.front().bound;
    if ( stopped )
      break;
    if ( !heap.empty() && mBestObjective > rootBound )
      progress.setProgress( std::clamp( ( heap.front().bound - rootBound ) / ( mBestObjective - rootBound ), 0.0, 1.0 ) );
  }
  mLowerBound = mBestObjective;
  for ( const Node &node : heap )
    mLowerBound = std::min( mLowerBound, node.bound );
  return !stopped && heap.empty();
}

bool PMedianBranchAndBound::process( Node &node, ProgressSink &progress, Clock::time_point deadline,
                                     std::vector<Node> &children )
{
  ++mNodeCount;
  const bool isRoot = mNodeCount == 1;
  mNodeEligible = mEligible;
  mNodeFixed = mFixedOpen;
  for ( std::uint32_t candidate : node.closed )
    mNodeEligible[candidate] = 0;
  for ( std::uint32_t candidate : node.opened )
    mNodeFixed[candidate] = 1;
  ProgressPhase quiet( progress, 0.0, 0.0 );
  ProgressSink &lagrangianProgress = isRoot ? progress : quiet;
  double stepScale = isRoot ? kRootStepScale : kNodeStepScale;
  std::vector<char> inRelaxed( mProblem.candidateCount, 0 );
  std::uint32_t branchCandidate = SwapLocalSearch::kNone;
  double branchPenalty = 0.0;
  double relaxedBound = 0.0;
  double branchOpenPenalty = 0.0;
  for ( int round = 0; round < kFixingRounds; ++round )
  {
    std::uint32_t fixedCount = 0;
    std::uint32_t eligibleCount = 0;
    for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
    {
      fixedCount += mNodeFixed[candidate] ? 1u : 0u;
      eligibleCount += mNodeEligible[candidate] ? 1u : 0u;
    }
    if ( fixedCount > mP || eligibleCount < mP )
      return true;  // no p-subset fits the fixings
    if ( fixedCount == mP || eligibleCount == mP )
    {
      // A single solution is left: evaluate it (the descent may even improve on it).
      std::vector<std::uint32_t> open;
      for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
      {
        if ( fixedCount == mP ? mNodeFixed[candidate] : mNodeEligible[candidate] )
          open.push_back( candidate );
      }
      tryIncumbent( open, progress, deadline );
      return true;
    }

    PMedianLagrangian lagrangian( *mNodeRanking, mNodeEligible, mNodeFixed, mP );
    lagrangian.setMultipliers( node.multipliers );
    lagrangian.setStepScale( stepScale );
    bool finished = true;
    const std::uint32_t maxIterations = isRoot && round == 0 ? kRootIterations : kNodeIterations;
    double before = node.bound;
    for ( std::uint32_t used = 0; used < maxIterations && finished; used += kChunk )
    {
      finished = lagrangian.improve( mBestObjective, cutoff(), kChunk, lagrangianProgress, deadline );
      const double now = lagrangian.bound();
      if ( now >= cutoff() || ( used > 0 && now - before < kStallShare * ( cutoff() - now ) ) )
        break;
      before = now;
    }
    // At the parent's multipliers the restricted subproblem costs at least as much as the
    // parent's, so the node keeps the larger of the two bounds.
    node.bound = std::max( node.bound, lagrangian.bound() );
    if ( !finished )
    {
      children.push_back( std::move( node ) );
      return false;
    }
    if ( node.bound >= cutoff() )
      return true;
    node.multipliers = lagrangian.bestMultipliers();
    const std::vector<std::uint32_t> &relaxed = lagrangian.boundOpen();
    if ( round == 0 && ( mNodeCount <= kEagerDescents || ( mNodeCount & ( mNodeCount - 1 ) ) == 0 ) )
    {
      tryIncumbent( relaxed, progress, deadline );
      if ( node.bound >= cutoff() )
        return true;
    }

    // Penalty tests: forcing a closed candidate j into the relaxed solution evicts its free
    // member of largest reduced cost; forcing a member out admits the best free outsider.
    // The penalties hold at the multipliers of the Lagrangian bound, not at the parent's.
    const std::vector<double> &reduced = lagrangian.bestReduced();
    relaxedBound = lagrangian.bound();
    for ( std::uint32_t candidate : relaxed )
      inRelaxed[candidate] = 1;
    double largestIn = -std::numeric_limits<double>::infinity();
    double smallestOut = std::numeric_limits<double>::infinity();
    for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
    {
      if ( !mNodeEligible[candidate] || mNodeFixed[candidate] )
        continue;
      if ( inRelaxed[candidate] )
        largestIn = std::max( largestIn, reduced[candidate] );
      else
        smallestOut = std::min( smallestOut, reduced[candidate] );
    }
    bool fixedAny = false;
    branchCandidate = SwapLocalSearch::kNone;
    double branchFractionality = 0.0;
    for ( std::uint32_t candidate = 0; candidate < mProblem.candidateCount; ++candidate )
    {
      if ( !mNodeEligible[candidate] || mNodeFixed[candidate] )
        continue;
      const bool in = inRelaxed[candidate] != 0;
      const double penalty = in ? smallestOut - reduced[candidate] : reduced[candidate] - largestIn;
      if ( relaxedBound + penalty >= cutoff() )
      {
        fixedAny = true;
        if ( in )
        {
          mNodeFixed[candidate] = 1;
          node.opened.push_back( candidate );
        }
        else
        {
          mNodeEligible[candidate] = 0;
          node.closed.push_back( candidate );
        }
      }
      else
      {
        // Branch on the candidate the averaged relaxed solutions open most fractionally (an
        // estimate of its LP value): both children move the bound. Among equals (none
        // fractional), on the median dearest to close, whose closed branch prunes soon: that
        // rule alone took 619 nodes on pmed36 (now 356) and 1218 on pmed1-40 (now 670).
        // Strong branching and pseudo-costs on top of it cost more bound steps than they saved.
        const double share = lagrangian.openShare( candidate );
        const double fractionality = std::min( share, 1.0 - share );
        const bool better = fractionality > branchFractionality
                            || ( fractionality == branchFractionality && in && penalty > branchPenalty );
        if ( branchCandidate == SwapLocalSearch::kNone || better )
        {
          branchCandidate = candidate;
          branchFractionality = fractionality;
          branchPenalty = in ? penalty : 0.0;
          branchOpenPenalty = in ? 0.0 : penalty;
        }
      }
    }
    for ( std::uint32_t candidate : relaxed )
      inRelaxed[candidate] = 0;
    if ( !fixedAny )
      break;
    if ( round + 1 == kFixingRounds )
    {
      // Still fixing: the node goes back to the queue with its fixings rather than branch.
      children.push_back( std::move( node ) );
      return true;
    }
    stepScale *= 0.5;
  }

  if ( isRoot && node.closed.size() * 2 >= mProblem.candidateCount )
  {
    mReducedRanking = std::make_unique<CandidateRanking>( mProblem, mNodeEligible );
    mNodeRanking = mReducedRanking.get();
  }
  Node closedChild{ node.closed, node.opened, node.multipliers, node.bound };
  closedChild.closed.push_back( branchCandidate );
  Node openedChild{ std::move( node.closed ), std::move( node.opened ), std::move( node.multipliers ), node.bound };
  openedChild.opened.push_back( branchCandidate );
  // Closing a median of the relaxed solution, or opening an outsider, costs the relaxation at
  // least its penalty.
  closedChild.bound = std::max( closedChild.bound, relaxedBound + branchPenalty );
  openedChild.bound = std::max( openedChild.bound, relaxedBound + branchOpenPenalty );
  children.push_back( std::move( closedChild ) );
  children.push_back( std::move( openedChild ) );
  return true;
}

void PMedianBranchAndBound::tryIncumbent( const std::vector<std::uint32_t> &open, ProgressSink &progress,
                                          Clock::time_point deadline )
{
  std::vector<std::uint32_t> key = open;
  std::sort( key.begin(), key.end() );
  if ( !mTried.insert( std::move( key ) ).second )
    return;  // the same start gives the same descent
  mSearch.reset( open );
  mSearch.descend( progress, deadline );
  const double objective = mSearch.objective();
  if ( objective < mBestObjective - 1e-9 * std::max( 1.0, std::fabs( objective ) ) )
  {
    mBestObjective = objective;
    mBest = mSearch.open();
  }
}

} // namespace gf
