#include "engine/solvers/single_source_branch_and_bound.h"

#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/single_source_lagrangian.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
//! Subgradient steps at the root and at every other node (warm-started from the parent).
constexpr std::uint32_t kRootIterations = 300;
constexpr std::uint32_t kNodeIterations = 40;
//! Steps without a better bound before the step scale halves, at the root and below.
constexpr std::uint32_t kRootPatience = 20;
constexpr std::uint32_t kNodePatience = 5;
constexpr double kRootScale = 1.0;
constexpr double kNodeScale = 0.5;
//! Root steps between two repairs of the relaxed solution.
constexpr std::uint32_t kRootRepairEvery = 25;

struct Node
{
  double bound = 0.0;
  std::uint32_t depth = 0;
  std::uint64_t sequence = 0;
  SingleSourceFixing fixing;
  std::vector<double> multiplier;
};

//! Heap order: the least bound on top, then the deepest, then the oldest (deterministic).
bool laterThan( const Node &a, const Node &b )
{
  if ( a.bound != b.bound )
    return a.bound > b.bound;
  if ( a.depth != b.depth )
    return a.depth < b.depth;
  return a.sequence > b.sequence;
}

class Search
{
  public:
    Search( const SingleSourceModel &model, const LocationSiteRules &rules, const CandidateRanking &ranking,
            Clock::time_point deadline, ProgressSink &progress, const SingleSourceBranchAndBound::Repair &repair )
      : mModel( model )
      , mRanking( ranking )
      , mLagrangian( model, rules, ranking )
      , mDeadline( deadline )
      , mProgress( progress )
      , mRepair( repair )
      , mClients( ranking.clientCount() )
      , mCandidates( ranking.candidateCount() )
    {
    }

    SingleSourceBranchAndBoundResult run( double incumbent, std::vector<double> multiplier, std::uint64_t nodeLimit );

  private:
    //! The bound as a statement on integral objectives: rounded up when every cost is integral.
    double rounded( double bound ) const { return mLagrangian.integralCosts() ? std::ceil( bound - 1e-6 ) : bound; }
    bool prunes( double bound ) const
    {
      return mIncumbent < kInfinity && rounded( bound ) >= mIncumbent - ( 1e-6 + 1e-9 * std::fabs( mIncumbent ) );
    }
    void offer( double objective, const std::vector<std::uint32_t> &assignment, const std::vector<char> &isOpen )
    {
      const bool none = mIncumbent == kInfinity;
      if ( objective < kInfinity && ( none || objective < mIncumbent - 1e-9 * std::max( 1.0, std::fabs( mIncumbent ) ) ) )
      {
        mIncumbent = objective;
        mAssignment = assignment;
        mIsOpen = isOpen;
      }
    }
    bool stopRequested() { return mProgress.isCanceled() || Clock::now() > mDeadline; }
    //! Subgradient steps at \a node; false when it is pruned. Leaves the relaxed solution of its
    //! best multipliers in mLagrangian and them in node.multiplier.
    bool bound( Node &node, bool root );
    bool probe( Node &node, bool &fixed );
    bool repairPrunes( double bound );
    void branch( Node &node );

    const SingleSourceModel &mModel;
    const CandidateRanking &mRanking;
    SingleSourceLagrangian mLagrangian;
    Clock::time_point mDeadline;
    ProgressSink &mProgress;
    const SingleSourceBranchAndBound::Repair &mRepair;
    std::uint32_t mClients = 0;
    std::uint32_t mCandidates = 0;
    double mIncumbent = kInfinity;
    std::vector<std::uint32_t> mAssignment;
    std::vector<char> mIsOpen;
    std::vector<Node> mHeap;
    std::uint64_t mSequence = 0;
    std::vector<std::uint32_t> mRelaxedAssignment;
};

bool Search::bound( Node &node, bool root )
{
  const std::uint32_t iterations = root ? kRootIterations : kNodeIterations;
  const std::uint32_t patience = root ? kRootPatience : kNodePatience;
  double scale = root ? kRootScale : kNodeScale;
  std::vector<double> multiplier = node.multiplier;
  double best = -kInfinity;
  std::uint32_t sinceImprovement = 0;
  std::vector<char> isOpen( mCandidates, 0 );
  bool current = false;   // the last evaluation was at the best multipliers
  for ( std::uint32_t iteration = 0; iteration < iterations; ++iteration )
  {
    const double value = mLagrangian.evaluate( multiplier, &node.fixing );
    if ( value == kInfinity )
      return false;
    current = value > best;
    if ( value > best )
    {
      best = value;
      node.multiplier = multiplier;
      sinceImprovement = 0;
    }
    else if ( ++sinceImprovement >= patience )
    {
      scale *= 0.5;
      sinceImprovement = 0;
    }
    for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
      isOpen[candidate] = mLagrangian.level()[candidate] > 0.0 ? 1 : 0;
    double objective = 0.0;
    if ( mLagrangian.relaxedSolutionFeasible( mRelaxedAssignment, objective ) )
      offer( objective, mRelaxedAssignment, isOpen );
    if ( prunes( best ) )
      return false;
    if ( root && iteration % kRootRepairEvery == 0 && repairPrunes( best ) )
      return false;
    if ( scale < 1e-4 || stopRequested() )
      break;
    double norm = 0.0;
    for ( double g : mLagrangian.subgradient() )
      norm += g * g;
    if ( norm < 1e-12 )
      break;
    const double upper = mIncumbent < kInfinity ? mIncumbent : mLagrangian.worstObjective();
    const double step = scale * std::max( upper - value, 1e-6 * std::max( 1.0, std::fabs( upper ) ) ) / norm;
    for ( std::uint32_t client = 0; client < mClients; ++client )
      multiplier[client] += step * mLagrangian.subgradient()[client];
  }
  node.bound = std::max( node.bound, best );
  // The relaxed solution of the best multipliers steers the probing and the branching.
  return current || mLagrangian.evaluate( node.multiplier, &node.fixing ) < kInfinity;
}

//! Offers the repair of the current relaxed solution; true when the new incumbent prunes \a bound.
bool Search::repairPrunes( double bound )
{
  if ( !mRepair )
    return false;
  std::vector<char> isOpen( mCandidates, 0 );
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
    isOpen[candidate] = mLagrangian.level()[candidate] > 0.0 ? 1 : 0;
  std::vector<std::uint32_t> repaired;
  const double objective = mRepair( isOpen, mLagrangian.preferred(), repaired );
  offer( objective, repaired, isOpen );
  return prunes( bound );
}

//! Fixes every free candidate whose opening (closing) alone prunes (\a fixed: any); false when
//! both do.
bool Search::probe( Node &node, bool &fixed )
{
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( !mLagrangian.isFree( candidate ) )
      continue;
    const bool openPrunes = prunes( mLagrangian.boundWith( candidate, true ) );
    const bool closedPrunes = prunes( mLagrangian.boundWith( candidate, false ) );
    if ( openPrunes && closedPrunes )
      return false;
    if ( openPrunes )
      node.fixing.status[candidate] = SingleSourceFixing::Closed;
    else if ( closedPrunes )
      node.fixing.status[candidate] = SingleSourceFixing::Open;
    fixed = fixed || openPrunes || closedPrunes;
  }
  return true;
}

//! Branches on a client that the relaxed solution serves twice or never (the largest demand
//! first), at its cheapest relaxed (else open, else allowed) candidate: fixed there, or away.
void Search::branch( Node &node )
{
  std::vector<std::uint32_t> count( mClients, 0 );
  std::vector<std::uint32_t> cheapest( mClients, kUnassigned );
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( mLagrangian.level()[candidate] <= 0.0 )
      continue;
    for ( std::uint32_t client : mLagrangian.chosen()[candidate] )
    {
      ++count[client];
      if ( cheapest[client] == kUnassigned || mLagrangian.costOf( client, candidate ) < mLagrangian.costOf( client, cheapest[client] ) )
        cheapest[client] = candidate;
    }
  }
  std::uint32_t chosenClient = kUnassigned;
  bool violated = false;
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( node.fixing.forcedTo[client] != kUnassigned )
      continue;
    const bool clientViolated = count[client] != 1;
    if ( chosenClient == kUnassigned || ( clientViolated && !violated )
         || ( clientViolated == violated && mModel.demand[client] > mModel.demand[chosenClient] ) )
    {
      chosenClient = client;
      violated = clientViolated;
    }
  }
  if ( chosenClient == kUnassigned )
    return;
  std::uint32_t target = cheapest[chosenClient];
  if ( target == kUnassigned )
  {
    // Served nowhere: its cheapest open candidate, else its cheapest allowed one.
    for ( int pass = 0; pass < 2 && target == kUnassigned; ++pass )
    {
      for ( const std::uint32_t *it = mRanking.begin( chosenClient ); it != mRanking.end( chosenClient ); ++it )
      {
        const std::uint64_t key = static_cast<std::uint64_t>( chosenClient ) * mCandidates + *it;
        const bool allowed = node.fixing.status[*it] != SingleSourceFixing::Closed
                             && !std::binary_search( node.fixing.forbidden.begin(), node.fixing.forbidden.end(), key )
                             && mModel.capacity[*it] >= mModel.demand[chosenClient];
        if ( allowed && ( pass == 1 || mLagrangian.level()[*it] > 0.0 ) )
        {
          target = *it;
          break;
        }
      }
    }
    if ( target == kUnassigned )
      return;
  }
  Node away;
  away.bound = node.bound;
  away.depth = node.depth + 1;
  away.fixing = node.fixing;
  away.multiplier = node.multiplier;
  const std::uint64_t key = static_cast<std::uint64_t>( chosenClient ) * mCandidates + target;
  away.fixing.forbidden.insert( std::upper_bound( away.fixing.forbidden.begin(), away.fixing.forbidden.end(), key ), key );
  Node there = std::move( node );
  there.depth = away.depth;
  there.fixing.forcedTo[chosenClient] = target;
  there.fixing.status[target] = SingleSourceFixing::Open;
  for ( Node *child : { &there, &away } )
  {
    child->sequence = mSequence++;
    mHeap.push_back( std::move( *child ) );
    std::push_heap( mHeap.begin(), mHeap.end(), laterThan );
  }
}

SingleSourceBranchAndBoundResult Search::run( double incumbent, std::vector<double> multiplier, std::uint64_t nodeLimit )
{
  mIncumbent = incumbent;
  if ( multiplier.size() != mClients )
  {
    multiplier.assign( mClients, 0.0 );
    for ( std::uint32_t client = 0; client < mClients; ++client )
    {
      if ( mRanking.size( client ) > 0 )
        multiplier[client] = mRanking.weightOf( client ) * mRanking.costs( client )[0];
    }
  }
  Node root;
  root.bound = -kInfinity;
  root.fixing.status.assign( mCandidates, SingleSourceFixing::Free );
  root.fixing.forcedTo.assign( mClients, kUnassigned );
  root.multiplier = std::move( multiplier );
  mHeap.push_back( std::move( root ) );
  SingleSourceBranchAndBoundResult result;
  while ( !mHeap.empty() && result.nodes < nodeLimit && !stopRequested() )
  {
    std::pop_heap( mHeap.begin(), mHeap.end(), laterThan );
    Node node = std::move( mHeap.back() );
    mHeap.pop_back();
    if ( prunes( node.bound ) )
      continue;
    const bool atRoot = result.nodes == 0;
    ++result.nodes;
    if ( !bound( node, atRoot ) || prunes( node.bound ) )
      continue;
    // Below the root, the relaxed solution of the node's best multipliers is repaired once: the
    // search's incumbent can be far above the optimum (pmedcap17: 4 %), and every better one
    // prunes the rest of the tree.
    if ( !atRoot && repairPrunes( node.bound ) )
      continue;
    bool fixed = false;
    if ( !probe( node, fixed ) )
      continue;
    // Probing fixed candidates: the relaxed solution must be the node's own again.
    if ( fixed && mLagrangian.evaluate( node.multiplier, &node.fixing ) == kInfinity )
      continue;
    branch( node );
  }
  result.finished = mHeap.empty();
  result.objective = mIncumbent;
  result.assignment = mAssignment;
  result.isOpen = mIsOpen;
  double open = mIncumbent;
  for ( const Node &node : mHeap )
    open = std::min( open, node.bound );
  result.lowerBound = rounded( open );
  if ( result.lowerBound > mIncumbent )
    result.lowerBound = mIncumbent;
  return result;
}

} // namespace

SingleSourceBranchAndBound::SingleSourceBranchAndBound( const SingleSourceModel &model, const LocationSiteRules &rules,
                                                        const CandidateRanking &ranking )
  : mModel( model )
  , mRules( rules )
  , mRanking( ranking )
{
}

SingleSourceBranchAndBoundResult SingleSourceBranchAndBound::solve( double incumbent, const std::vector<double> &multiplier,
                                                                    std::chrono::steady_clock::time_point deadline,
                                                                    std::uint64_t nodeLimit, ProgressSink &progress,
                                                                    const Repair &repair )
{
  Search search( mModel, mRules, mRanking, deadline, progress, repair );
  return search.run( incumbent, multiplier, nodeLimit );
}

} // namespace gf
