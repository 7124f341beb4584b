#include "engine/solvers/single_source_search.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/maximal_cover_search.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/single_source_branch_and_bound.h"
#include "engine/solvers/single_source_lagrangian.h"
#include "engine/solvers/transportation_solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_set>
#include <utility>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kNoCost = std::numeric_limits<double>::infinity();
constexpr double kEpsilon = 1e-9;
//! Re-centred medians tried as swap partners of each open candidate.
constexpr std::uint32_t kSwapPartners = 6;
//! Nearest candidates of each cluster client that are considered as re-centred medians.
constexpr std::uint32_t kPartnerSources = 3;
//! Open candidates a client's demand is squeezed into before insertion gives up.
constexpr std::uint32_t kRoomAttempts = 8;
//! Open candidates an ejected client may move on to in a chain move.
constexpr std::uint32_t kChainAlternatives = 5;
//! Perturbation rounds without improvement before the search stops (default), at least, and
//! per open facility: a round touches one to three medians, so with hundreds of medians a
//! fixed count would stop before most of them were ever perturbed.
constexpr std::uint32_t kPatience = 300;
constexpr std::uint32_t kPatiencePerOpen = 3;
constexpr std::uint32_t kMaxLagrangianIterations = 1500;
constexpr std::uint32_t kBoundWindow = 100;
constexpr std::uint32_t kTreeBoundWindow = 30;
//! Nodes of the Lagrangian branch and bound (on models up to kSingleSourceTreePairs): at most
//! kTreeNodes, and at most kTreeWork pairs priced over all of them (about kTreeNodeSteps each),
//! a budget in work rather than seconds so that the answer does not depend on the load.
constexpr std::uint64_t kTreeNodes = 20000;
constexpr double kTreeWork = 1e9;
constexpr double kTreeNodeSteps = 40.0;
//! Largest clients × candidates for which every perturbation is followed by the full
//! open-set descent.
constexpr double kFullDescentPairs = 250000.0;
//! Clients × candidates from which the Lagrangian heuristic gets a share of the time only.
constexpr double kTimedHeuristicPairs = 25000.0;
//! Open neighbours of a median whose joint clusters are re-optimised with it.
constexpr std::uint32_t kPairNeighbours = 6;
//! Nearest closed candidates of each pooled client that may become one of the pair's medians.
constexpr std::uint32_t kPairSources = 4;
//! Largest pooled cluster the pair move re-optimises.
constexpr std::size_t kPairMaxClients = 40;
//! Longest ejection chain (moves of whole clients) and the nodes one chain search may visit.
constexpr std::uint32_t kChainDepth = 4;
constexpr std::uint32_t kChainNodes = 3000;
//! Branch-and-bound nodes per two-median assignment.
constexpr std::uint64_t kPairNodes = 4000;
//! Region move on large instances: a median and its nearest open neighbours, at most this
//! many medians and pooled clients, re-solved as a small model of its own (nearest closed
//! candidates of each pooled client may open), with a short perturbation budget counted in
//! rounds, not seconds, so that the path does not depend on the machine's load. p3038_600
//! (150 s, loaded): 5 medians / 10 rounds 1.10 % above best-known, 10 / 10 0.85 %, 10 / 30 0.64 %.
//! Regions within the branch and bound's reach are solved exactly (see kRegionTreeWork); p3038_600
//! (240 s, loaded, same hour): heuristic regions 0.92 %, exact 0.94 %, exact from the region's own
//! solution 0.81 %, skipping regions re-solved before 0.72 %, up to three times larger 0.71 %;
//! (low load) scale stepped up on every pass and a 20M tree budget 0.57 % in 131 s (was 0.61 % in 224 s).
constexpr std::uint32_t kRegionMedians = 10;
constexpr std::size_t kRegionMaxClients = 80;
constexpr std::uint32_t kRegionSources = 5;
constexpr std::uint32_t kRegionRounds = 30;
//! Each region pass is followed by one with regions up to this many times larger (IRMA,
//! Stefanello et al. 2015, steps up only after a pass without gain: slower to reach the
//! larger regions that gain most); the largest ones take fewer closed candidates per client
//! so as to stay within the branch and bound's reach.
constexpr std::uint32_t kRegionMaxScale = 3;
//! Pairs the branch and bound of one region may price (see kTreeWork): p3038 regions of 50
//! clients × 65 sites, about 150 nodes; most regions it proves are proved at the root.
//! p3038_800 (low load): 5e6 0.64 % in 139 s, 2e7 0.59 % in 167 s. Without the region's own
//! subgradient (the tree's root only) regions cost half as much but gain less: 0.80 % in 101 s.
constexpr double kRegionTreeWork = 2e7;
//! Perturbation rounds of a region the branch and bound did not prove.
constexpr std::uint32_t kRegionTreeRounds = 10;

//! One single-source solution: which candidates are open and where every client goes.
struct SingleSourceState
{
  std::vector<char> isOpen;
  std::vector<std::uint32_t> assign;
  std::vector<double> load;
  std::uint32_t openCount = 0;
  std::uint32_t unassigned = 0;
  double objective = 0.0;                 //!< fixed costs plus the costs of assigned clients
};

class SingleSourceSearch
{
  public:
    //! \a ranking: the allowed pairs of \a model (rankingOf), built once by the caller's checks.
    SingleSourceSearch( const SingleSourceModel &model, const LocationSiteRules &rules, CandidateRanking ranking,
                        const SingleSourceOptions &options, ProgressSink &progress );

    Result<LocationSolution> run();

  private:
    double costOf( std::uint32_t client, std::uint32_t candidate ) const { return mRelaxation.costOf( client, candidate ); }
    bool fits( const SingleSourceState &state, std::uint32_t client, std::uint32_t candidate ) const
    {
      return state.load[candidate] + mModel.demand[client] <= mModel.capacity[candidate] * ( 1.0 + kEpsilon ) + kEpsilon;
    }
    static bool better( double value, double reference )
    {
      return value < reference - kEpsilon * std::max( 1.0, std::fabs( reference ) );
    }
    bool stopRequested()
    {
      mCanceled = mCanceled || mProgress.isCanceled();
      return mCanceled || Clock::now() > mDeadline;
    }
    bool isProven() const { return mHaveBest && mBest.objective - mLowerBound <= 1e-6 + 1e-9 * std::fabs( mBest.objective ); }
    bool countFixed() const { return mModel.maxOpen > 0 && mModel.minOpen == mModel.maxOpen; }
    bool mayOpenMore( const SingleSourceState &state ) const { return mModel.maxOpen == 0 || state.openCount < mModel.maxOpen; }
    bool mayCloseOne( const SingleSourceState &state ) const { return state.openCount > std::max( 1u, mModel.minOpen ); }

    SingleSourceState emptyState() const;
    void moveClient( SingleSourceState &state, std::uint32_t client, std::uint32_t to ) const;
    void openCandidate( SingleSourceState &state, std::uint32_t candidate ) const;
    std::vector<std::uint32_t> closeCandidate( SingleSourceState &state, std::uint32_t candidate ) const;
    std::vector<std::uint32_t> clientsAt( const SingleSourceState &state, std::uint32_t candidate ) const;
    bool insertClients( SingleSourceState &state, std::vector<std::uint32_t> pending ) const;
    bool makeRoom( SingleSourceState &state, std::uint32_t client ) const;
    void improve( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const;
    bool shiftClients( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const;
    bool swapClients( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const;
    bool chainClients( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const;
    bool chainFrom( SingleSourceState &state, std::vector<std::vector<std::uint32_t>> &members, std::vector<char> &inChain,
                    std::uint32_t mover, double gain, std::uint32_t depth, std::uint32_t &nodes ) const;
    bool complete( SingleSourceState &state, std::vector<std::uint32_t> pending ) const;
    bool completeAround( SingleSourceState &state, std::vector<std::uint32_t> pending,
                         const std::vector<std::uint32_t> &touched ) const;
    std::vector<std::uint32_t> clientsAround( const SingleSourceState &state, const std::vector<std::uint32_t> &touched ) const;
    std::vector<std::uint32_t> swapPartners( const SingleSourceState &state, std::uint32_t candidate ) const;
    bool tryChange( SingleSourceState &state, std::uint32_t in, std::uint32_t out ) const;
    std::vector<std::vector<std::uint32_t>> membersOf( const SingleSourceState &state, const std::vector<char> &only = {} ) const;
    std::vector<std::uint32_t> openNeighbours( const SingleSourceState &state, const std::vector<std::vector<std::uint32_t>> &members,
                                               std::uint32_t median ) const;
    bool improvePair( SingleSourceState &state, const std::vector<std::vector<std::uint32_t>> &members, std::uint32_t first,
                      std::uint32_t second, std::vector<std::uint32_t> &changed );
    double assignPair( std::uint32_t a, std::uint32_t b, double limit );
    void pairBranch( std::size_t depth, double roomA, double roomB, double current );
    void pairDescent( SingleSourceState &state, std::vector<std::uint32_t> queue );
    bool improveRegion( SingleSourceState &state, const std::vector<std::vector<std::uint32_t>> &members, std::uint32_t seed,
                        std::vector<std::uint32_t> &changed );
    void growRegion( const SingleSourceState &state, const std::vector<std::vector<std::uint32_t>> &members, std::uint32_t seed,
                     std::vector<std::uint32_t> &medians, std::vector<std::uint32_t> &pool ) const;
    void regionDescent( SingleSourceState &state, std::vector<std::uint32_t> queue );
    void releaseRegion( SingleSourceState &state, const std::vector<std::uint32_t> &clients,
                        const std::vector<std::uint32_t> &medians ) const;
    std::vector<std::uint32_t> regionSignature( const SingleSourceState &state, std::vector<std::uint32_t> medians,
                                                std::vector<std::uint32_t> clients ) const;
    SingleSourceState locationAllocation( const SingleSourceState &start );
    void searchOpenSets( SingleSourceState &state );
    bool perturb( SingleSourceState &state, std::uint32_t moves, std::vector<std::uint32_t> &touched );
    std::vector<std::uint32_t> openList( const SingleSourceState &state ) const;
    void keepIfBest( const SingleSourceState &state );
    SingleSourceState fromRelaxation( const std::vector<char> &isOpen, const std::vector<std::uint32_t> &preferred ) const;
    std::vector<char> largestCapacities() const;
    void lagrangian();
    void branchAndBound();
    bool treeApplies() const { return singleSourceTreeApplies( mModel ); }
    LocationSolution buildSolution() const;

    const SingleSourceModel &mModel;
    const LocationSiteRules &mRules;
    const SingleSourceOptions &mOptions;
    ProgressSink &mProgress;
    std::uint32_t mClients = 0;
    std::uint32_t mCandidates = 0;
    Clock::time_point mStart;
    Clock::time_point mDeadline;
    CandidateRanking mRanking;
    SingleSourceLagrangian mRelaxation;            //!< also the weighted costs (costOf)
    std::vector<std::size_t> mByCandidateFirst;    //!< CSR: per candidate, clients by cost
    std::vector<std::uint32_t> mByCandidate;
    std::vector<std::uint32_t> mAllClients;
    double mTotalDemand = 0.0;
    RandomSource mRandom;
    SingleSourceState mBest;
    bool mHaveBest = false;
    double mLowerBound = 0.0;
    std::vector<double> mBoundMultipliers;         //!< of the best Lagrangian bound
    bool mCanceled = false;
    // Two-median assignment search (assignPair): pooled clients by regret, their sides.
    std::vector<std::uint32_t> mPool;
    std::vector<double> mPoolMinRest;             //!< sum of the cheaper costs from depth k on
    std::vector<char> mPoolSide;
    std::vector<char> mPoolBestSide;
    std::uint32_t mPairA = 0;
    std::uint32_t mPairB = 0;
    double mPairBest = 0.0;
    std::uint64_t mPairNodesUsed = 0;
    std::vector<double> mPoolDemandFrom;          //!< demand from depth k on
    std::uint32_t mRegionScale = 1;               //!< regions hold this many times kRegionMedians/kRegionMaxClients
    std::unordered_set<std::vector<std::uint32_t>, ColumnSetHash> mUnimprovedRegions;   //!< regionSignature of regions re-solved without gain
};

//! The allowed pairs of the model's matrix, whichever it is.
CandidateRanking rankingOf( const SingleSourceModel &model, const std::vector<char> &eligible )
{
  return model.sparse ? CandidateRanking( *model.sparse, eligible ) : CandidateRanking( *model.location, eligible );
}

SingleSourceSearch::SingleSourceSearch( const SingleSourceModel &model, const LocationSiteRules &rules, CandidateRanking ranking,
                                        const SingleSourceOptions &options, ProgressSink &progress )
  : mModel( model )
  , mRules( rules )
  , mOptions( options )
  , mProgress( progress )
  , mClients( model.clientCount() )
  , mCandidates( model.candidateCount() )
  , mStart( Clock::now() )
  , mDeadline( mStart + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
  , mRanking( std::move( ranking ) )
  , mRelaxation( model, rules, mRanking )
  , mRandom( options.seed )
{
  mRelaxation.setLinearCover( true );
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    mAllClients.push_back( client );
    mTotalDemand += mModel.demand[client];
  }
  // Per candidate the clients that may use it, from the ranking's transposed lists (ascending
  // clients, so ties keep the client order), by cost.
  mByCandidateFirst.assign( 1, 0 );
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    const std::size_t first = mByCandidate.size();
    mByCandidate.insert( mByCandidate.end(), mRanking.servedBegin( candidate ), mRanking.servedEnd( candidate ) );
    std::stable_sort( mByCandidate.begin() + static_cast<std::ptrdiff_t>( first ), mByCandidate.end(),
                      [&]( std::uint32_t a, std::uint32_t b ) { return costOf( a, candidate ) < costOf( b, candidate ); } );
    mByCandidateFirst.push_back( mByCandidate.size() );
  }
}

SingleSourceState SingleSourceSearch::emptyState() const
{
  SingleSourceState state;
  state.isOpen.assign( mCandidates, 0 );
  state.assign.assign( mClients, kUnassigned );
  state.load.assign( mCandidates, 0.0 );
  state.unassigned = mClients;
  return state;
}

void SingleSourceSearch::moveClient( SingleSourceState &state, std::uint32_t client, std::uint32_t to ) const
{
  const std::uint32_t from = state.assign[client];
  if ( from != kUnassigned )
  {
    state.load[from] -= mModel.demand[client];
    state.objective -= costOf( client, from );
  }
  else
    --state.unassigned;
  state.assign[client] = to;
  state.load[to] += mModel.demand[client];
  state.objective += costOf( client, to );
}

void SingleSourceSearch::openCandidate( SingleSourceState &state, std::uint32_t candidate ) const
{
  state.isOpen[candidate] = 1;
  ++state.openCount;
  state.objective += mModel.fixedCost[candidate];
}

//! Closes \a candidate and returns the clients it served, now unassigned.
std::vector<std::uint32_t> SingleSourceSearch::closeCandidate( SingleSourceState &state, std::uint32_t candidate ) const
{
  std::vector<std::uint32_t> clients = clientsAt( state, candidate );
  for ( std::uint32_t client : clients )
  {
    state.objective -= costOf( client, candidate );
    state.assign[client] = kUnassigned;
    ++state.unassigned;
  }
  state.load[candidate] = 0.0;
  state.isOpen[candidate] = 0;
  --state.openCount;
  state.objective -= mModel.fixedCost[candidate];
  return clients;
}

std::vector<std::uint32_t> SingleSourceSearch::clientsAt( const SingleSourceState &state, std::uint32_t candidate ) const
{
  std::vector<std::uint32_t> clients;
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( state.assign[client] == candidate )
      clients.push_back( client );
  }
  return clients;
}

//! Regret insertion: the clients with the most to lose from a second choice go first, each
//! to its cheapest open candidate with room; false when some client finds no room at all.
bool SingleSourceSearch::insertClients( SingleSourceState &state, std::vector<std::uint32_t> pending ) const
{
  std::vector<double> regret( mClients, 0.0 );
  for ( std::uint32_t client : pending )
  {
    double first = kNoCost;
    double second = kNoCost;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && second == kNoCost; ++it )
    {
      if ( !state.isOpen[*it] || !fits( state, client, *it ) )
        continue;
      ( first == kNoCost ? first : second ) = costOf( client, *it );
    }
    regret[client] = first == kNoCost || second == kNoCost ? kNoCost : second - first;
  }
  std::stable_sort( pending.begin(), pending.end(), [&]( std::uint32_t a, std::uint32_t b ) {
    if ( regret[a] != regret[b] )
      return regret[a] > regret[b];
    return mModel.demand[a] > mModel.demand[b];
  } );
  for ( std::uint32_t client : pending )
  {
    std::uint32_t target = kUnassigned;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
    {
      if ( state.isOpen[*it] && fits( state, client, *it ) )
      {
        target = *it;
        break;
      }
    }
    if ( target != kUnassigned )
      moveClient( state, client, target );
    else if ( !makeRoom( state, client ) )
      return false;
  }
  return true;
}

//! Moves clients out of one of the nearest open candidates, cheapest moves first, until
//! \a client fits there; assigns it. False (state unchanged) when no candidate tried works.
bool SingleSourceSearch::makeRoom( SingleSourceState &state, std::uint32_t client ) const
{
  std::uint32_t attempts = 0;
  for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && attempts < kRoomAttempts; ++it )
  {
    const std::uint32_t target = *it;
    if ( !state.isOpen[target] || mModel.capacity[target] < mModel.demand[client] )
      continue;
    ++attempts;
    std::vector<std::uint32_t> residents = clientsAt( state, target );
    std::vector<std::pair<std::uint32_t, std::uint32_t>> moved;   // client, where it was
    while ( !fits( state, client, target ) )
    {
      std::uint32_t bestClient = kUnassigned;
      std::uint32_t bestTo = kUnassigned;
      double bestIncrease = kNoCost;
      for ( std::uint32_t resident : residents )
      {
        if ( state.assign[resident] != target || mModel.demand[resident] <= 0.0 )
          continue;
        for ( const std::uint32_t *alt = mRanking.begin( resident ); alt != mRanking.end( resident ); ++alt )
        {
          if ( *alt == target || !state.isOpen[*alt] || !fits( state, resident, *alt ) )
            continue;
          const double increase = costOf( resident, *alt ) - costOf( resident, target );
          if ( increase < bestIncrease )
          {
            bestIncrease = increase;
            bestClient = resident;
            bestTo = *alt;
          }
          break;
        }
      }
      if ( bestClient == kUnassigned )
        break;
      moved.emplace_back( bestClient, target );
      moveClient( state, bestClient, bestTo );
    }
    if ( fits( state, client, target ) )
    {
      moveClient( state, client, target );
      return true;
    }
    for ( auto move = moved.rbegin(); move != moved.rend(); ++move )
      moveClient( state, move->first, move->second );
  }
  return false;
}

//! Shift and swap descent over \a clients until neither improves.
void SingleSourceSearch::improve( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const
{
  for ( int pass = 0; pass < 100 && !( pass > 0 && Clock::now() > mDeadline ); ++pass )
  {
    const bool shifted = shiftClients( state, clients );
    const bool swapped = swapClients( state, clients );
    if ( !shifted && !swapped && !chainClients( state, clients ) )
      break;
  }
}

//! Moves each client to the cheapest open candidate with room, if cheaper than its own.
bool SingleSourceSearch::shiftClients( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const
{
  bool improved = false;
  for ( std::uint32_t client : clients )
  {
    const std::uint32_t from = state.assign[client];
    const double current = costOf( client, from );
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ); ++it )
    {
      if ( !better( costOf( client, *it ), current ) )
        break;
      if ( state.isOpen[*it] && fits( state, client, *it ) )
      {
        moveClient( state, client, *it );
        improved = true;
        break;
      }
    }
  }
  return improved;
}

//! Ejection chains of length two: a client moves to a cheaper candidate that lacks room,
//! and one of that candidate's clients moves on to another open candidate (the first
//! client's own for a plain swap) where it fits; applied when the sum drops.
bool SingleSourceSearch::swapClients( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const
{
  std::vector<std::vector<std::uint32_t>> members = membersOf( state );
  auto roomAfter = [&]( std::uint32_t candidate, double change ) {
    return state.load[candidate] + change <= mModel.capacity[candidate] * ( 1.0 + kEpsilon ) + kEpsilon;
  };
  const double tolerance = kEpsilon * std::max( 1.0, std::fabs( state.objective ) );
  bool improved = false;
  for ( std::uint32_t client : clients )
  {
    const std::uint32_t from = state.assign[client];
    const double current = costOf( client, from );
    bool done = false;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && !done; ++it )
    {
      const std::uint32_t to = *it;
      const double gain = current - costOf( client, to );
      if ( gain <= tolerance )
        break;
      if ( !state.isOpen[to] || to == from )
        continue;
      for ( std::size_t slot = 0; slot < members[to].size() && !done; ++slot )
      {
        const std::uint32_t other = members[to][slot];
        if ( state.assign[other] != to || !roomAfter( to, mModel.demand[client] - mModel.demand[other] ) )
          continue;
        // Where the ejected client goes: the first client's candidate, or one of its own nearest.
        std::uint32_t target = kUnassigned;
        double increase = costOf( other, from ) - costOf( other, to );
        if ( !( increase < gain - tolerance && roomAfter( from, mModel.demand[other] - mModel.demand[client] ) ) )
          increase = kNoCost;
        else
          target = from;
        std::uint32_t tried = 0;
        for ( const std::uint32_t *alt = mRanking.begin( other ); alt != mRanking.end( other ) && tried < kChainAlternatives; ++alt )
        {
          if ( !state.isOpen[*alt] || *alt == to || *alt == from )
            continue;
          ++tried;
          const double altIncrease = costOf( other, *alt ) - costOf( other, to );
          if ( altIncrease >= gain - tolerance )
            break;
          if ( altIncrease < increase && roomAfter( *alt, mModel.demand[other] ) )
          {
            increase = altIncrease;
            target = *alt;
          }
        }
        if ( target == kUnassigned )
          continue;
        moveClient( state, other, target );
        moveClient( state, client, to );
        // Member lists follow in place: the client takes the ejected one's slot.
        members[to][slot] = client;
        if ( target == from )
        {
          for ( std::uint32_t &member : members[from] )
          {
            if ( member == client )
            {
              member = other;
              break;
            }
          }
        }
        else
          members[target].push_back( other );
        improved = done = true;
      }
    }
  }
  return improved;
}

//! Ejection chains from each client in turn (see chainFrom); true when one was applied.
bool SingleSourceSearch::chainClients( SingleSourceState &state, const std::vector<std::uint32_t> &clients ) const
{
  std::vector<std::vector<std::uint32_t>> members = membersOf( state );
  std::vector<char> inChain( mClients, 0 );
  bool improved = false;
  for ( std::uint32_t client : clients )
  {
    std::uint32_t nodes = 0;
    inChain[client] = 1;
    improved = chainFrom( state, members, inChain, client, 0.0, 0, nodes ) || improved;
    inChain[client] = 0;
  }
  return improved;
}

//! Moves \a mover to one of its nearest open candidates; when that overflows, one of the
//! residents there whose demand covers the overflow moves on in turn, up to kChainDepth
//! moves. Every partial chain must gain (Lin-Kernighan rule), which keeps the search short.
//! Applied (true) at the first chain that ends within the capacities; else state unchanged.
bool SingleSourceSearch::chainFrom( SingleSourceState &state, std::vector<std::vector<std::uint32_t>> &members,
                                    std::vector<char> &inChain, std::uint32_t mover, double gain, std::uint32_t depth,
                                    std::uint32_t &nodes ) const
{
  const std::uint32_t from = state.assign[mover];
  const double current = costOf( mover, from );
  const double tolerance = kEpsilon * std::max( 1.0, std::fabs( state.objective ) );
  auto relocate = [&]( std::uint32_t to ) {
    std::vector<std::uint32_t> &list = members[state.assign[mover]];
    list.erase( std::find( list.begin(), list.end(), mover ) );
    members[to].push_back( mover );
    moveClient( state, mover, to );
  };
  std::uint32_t tried = 0;
  for ( const std::uint32_t *it = mRanking.begin( mover ); it != mRanking.end( mover ) && tried < kChainAlternatives; ++it )
  {
    const std::uint32_t to = *it;
    if ( !state.isOpen[to] || to == from )
      continue;
    ++tried;
    const double total = gain + current - costOf( mover, to );
    if ( total <= tolerance || ++nodes > kChainNodes )
      break;
    relocate( to );
    const double overflow = state.load[to] - mModel.capacity[to] * ( 1.0 + kEpsilon ) - kEpsilon;
    if ( overflow <= 0.0 )
      return true;
    if ( depth + 1 < kChainDepth )
    {
      const std::vector<std::uint32_t> residents = members[to];
      for ( std::uint32_t resident : residents )
      {
        if ( inChain[resident] || mModel.demand[resident] < overflow )
          continue;
        inChain[resident] = 1;
        const bool applied = chainFrom( state, members, inChain, resident, total, depth + 1, nodes );
        inChain[resident] = 0;
        if ( applied )
          return true;
      }
    }
    relocate( from );
  }
  return false;
}

//! Inserts \a pending; for models without a fixed count, opens candidates (least fixed cost
//! per capacity) while insertion fails. Then a full descent. False if still infeasible.
bool SingleSourceSearch::complete( SingleSourceState &state, std::vector<std::uint32_t> pending ) const
{
  return completeAround( state, std::move( pending ), {} );
}

//! As complete(), but the descent covers only the clients around the \a touched candidates
//! (all clients when empty or when candidates had to be opened): on large instances a change
//! of a few medians does not pay for a pass over every client.
bool SingleSourceSearch::completeAround( SingleSourceState &state, std::vector<std::uint32_t> pending,
                                         const std::vector<std::uint32_t> &touched ) const
{
  bool opened = false;
  while ( !insertClients( state, pending ) )
  {
    std::uint32_t cheapest = kUnassigned;
    for ( std::uint32_t candidate = 0; candidate < mCandidates && mayOpenMore( state ); ++candidate )
    {
      if ( state.isOpen[candidate] || !mRules.eligible[candidate] || mModel.capacity[candidate] <= 0.0 )
        continue;
      if ( cheapest == kUnassigned
           || mModel.fixedCost[candidate] * mModel.capacity[cheapest] < mModel.fixedCost[cheapest] * mModel.capacity[candidate] )
        cheapest = candidate;
    }
    if ( cheapest == kUnassigned )
      return false;
    openCandidate( state, cheapest );
    opened = true;
    pending.clear();
    for ( std::uint32_t client = 0; client < mClients; ++client )
    {
      if ( state.assign[client] == kUnassigned )
        pending.push_back( client );
    }
  }
  if ( touched.empty() || opened )
  {
    improve( state, mAllClients );
    return true;
  }
  // Around the change and where the inserted clients went.
  std::vector<std::uint32_t> around = touched;
  for ( std::uint32_t client : pending )
    around.push_back( state.assign[client] );
  improve( state, clientsAround( state, around ) );
  return true;
}

//! The clients of the open candidates among \a touched and of their open neighbours, and
//! the clients a touched open candidate would serve more cheaply than their own.
std::vector<std::uint32_t> SingleSourceSearch::clientsAround( const SingleSourceState &state,
                                                              const std::vector<std::uint32_t> &touched ) const
{
  // Only the touched medians' lists are needed (their neighbours).
  std::vector<char> isTouched( mCandidates, 0 );
  for ( std::uint32_t candidate : touched )
    isTouched[candidate] = 1;
  const std::vector<std::vector<std::uint32_t>> members = membersOf( state, isTouched );
  std::vector<char> isMedian( mCandidates, 0 );
  std::vector<char> isClient( mClients, 0 );
  for ( std::uint32_t candidate : touched )
  {
    if ( !state.isOpen[candidate] )
      continue;
    isMedian[candidate] = 1;
    for ( std::uint32_t neighbour : openNeighbours( state, members, candidate ) )
      isMedian[neighbour] = 1;
    for ( std::size_t at = mByCandidateFirst[candidate]; at < mByCandidateFirst[candidate + 1]; ++at )
    {
      const std::uint32_t client = mByCandidate[at];
      if ( state.assign[client] != kUnassigned && costOf( client, candidate ) < costOf( client, state.assign[client] ) )
        isClient[client] = 1;
    }
  }
  std::vector<std::uint32_t> clients;
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( isClient[client] || ( state.assign[client] != kUnassigned && isMedian[state.assign[client]] ) )
      clients.push_back( client );
  }
  return clients;
}

//! Closed candidates that would serve \a candidate's clients most cheaply on their own.
std::vector<std::uint32_t> SingleSourceSearch::swapPartners( const SingleSourceState &state, std::uint32_t candidate ) const
{
  const std::vector<std::uint32_t> cluster = clientsAt( state, candidate );
  std::vector<std::uint32_t> partners;
  for ( std::uint32_t client : cluster )
  {
    std::uint32_t taken = 0;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && taken < kPartnerSources; ++it )
    {
      if ( state.isOpen[*it] || mModel.capacity[*it] < state.load[candidate] )
        continue;
      ++taken;
      if ( std::find( partners.begin(), partners.end(), *it ) == partners.end() )
        partners.push_back( *it );
    }
  }
  std::vector<double> score( partners.size(), 0.0 );
  for ( std::size_t k = 0; k < partners.size(); ++k )
  {
    score[k] = mModel.fixedCost[partners[k]];
    for ( std::uint32_t client : cluster )
      score[k] += costOf( client, partners[k] );
  }
  std::vector<std::size_t> order( partners.size() );
  std::iota( order.begin(), order.end(), 0 );
  std::stable_sort( order.begin(), order.end(), [&]( std::size_t a, std::size_t b ) { return score[a] < score[b]; } );
  std::vector<std::uint32_t> best;
  for ( std::size_t k = 0; k < order.size() && best.size() < kSwapPartners; ++k )
    best.push_back( partners[order[k]] );
  return best;
}

//! Opens \a in and/or closes \a out (kUnassigned for none), reassigns around the change and
//! keeps it when the objective drops.
bool SingleSourceSearch::tryChange( SingleSourceState &state, std::uint32_t in, std::uint32_t out ) const
{
  SingleSourceState trial = state;
  std::vector<std::uint32_t> affected;
  if ( out != kUnassigned )
    affected = closeCandidate( trial, out );
  const std::vector<std::uint32_t> pending = affected;
  if ( in != kUnassigned )
  {
    openCandidate( trial, in );
    for ( std::size_t at = mByCandidateFirst[in]; at < mByCandidateFirst[in + 1]; ++at )
    {
      const std::uint32_t client = mByCandidate[at];
      if ( trial.assign[client] != kUnassigned && costOf( client, in ) < costOf( client, trial.assign[client] ) )
        affected.push_back( client );
    }
  }
  if ( !insertClients( trial, pending ) )
    return false;
  improve( trial, affected );
  if ( !better( trial.objective, state.objective ) )
    return false;
  state = std::move( trial );
  return true;
}

std::vector<std::uint32_t> SingleSourceSearch::openList( const SingleSourceState &state ) const
{
  std::vector<std::uint32_t> open;
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( state.isOpen[candidate] )
      open.push_back( candidate );
  }
  return open;
}

//! Per open candidate (only those flagged in \a only, when given), the clients it serves (ascending).
std::vector<std::vector<std::uint32_t>> SingleSourceSearch::membersOf( const SingleSourceState &state, const std::vector<char> &only ) const
{
  auto listed = [&]( std::uint32_t client ) {
    return state.assign[client] != kUnassigned && ( only.empty() || only[state.assign[client]] );
  };
  // Sized first: one allocation per list rather than a growing one (large instances rebuild
  // these lists after every move, and the reallocations dominated).
  std::vector<std::uint32_t> count( mCandidates, 0 );
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( listed( client ) )
      ++count[state.assign[client]];
  }
  std::vector<std::vector<std::uint32_t>> members( mCandidates );
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
    members[candidate].reserve( count[candidate] );
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( listed( client ) )
      members[state.assign[client]].push_back( client );
  }
  return members;
}

//! The open candidates that come next after \a median for its clients (the first two other
//! open ones of each), nearest first: the clusters that compete with its own for them.
std::vector<std::uint32_t> SingleSourceSearch::openNeighbours( const SingleSourceState &state,
                                                              const std::vector<std::vector<std::uint32_t>> &members,
                                                              std::uint32_t median ) const
{
  std::vector<std::pair<double, std::uint32_t>> scored;
  for ( std::uint32_t client : members[median] )
  {
    std::uint32_t taken = 0;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && taken < 2; ++it )
    {
      if ( !state.isOpen[*it] || *it == median )
        continue;
      ++taken;
      const double cost = costOf( client, *it );
      auto known = std::find_if( scored.begin(), scored.end(), [&]( const auto &entry ) { return entry.second == *it; } );
      if ( known == scored.end() )
        scored.emplace_back( cost, *it );
      else
        known->first = std::min( known->first, cost );
    }
  }
  std::stable_sort( scored.begin(), scored.end() );
  std::vector<std::uint32_t> neighbours;
  for ( std::size_t k = 0; k < scored.size() && neighbours.size() < kPairNeighbours; ++k )
    neighbours.push_back( scored[k].second );
  return neighbours;
}

//! Depth-first search over the pooled clients (regret order): each goes to a or b within
//! the rooms; the cheaper side first; pruned by the sum of the remaining cheaper costs.
void SingleSourceSearch::pairBranch( std::size_t depth, double roomA, double roomB, double current )
{
  if ( ++mPairNodesUsed > kPairNodes )
    return;
  if ( depth == mPool.size() )
  {
    if ( current < mPairBest )
    {
      mPairBest = current;
      mPoolBestSide = mPoolSide;
    }
    return;
  }
  if ( current + mPoolMinRest[depth] >= mPairBest - kEpsilon * std::max( 1.0, std::fabs( mPairBest ) ) )
    return;
  if ( mPoolDemandFrom[depth] > roomA + roomB + kEpsilon )
    return;
  const std::uint32_t client = mPool[depth];
  const double demand = mModel.demand[client];
  const double costA = costOf( client, mPairA );
  const double costB = costOf( client, mPairB );
  const double slack = kEpsilon * std::max( 1.0, demand );
  for ( int pass = 0; pass < 2; ++pass )
  {
    const bool toA = ( costA <= costB ) == ( pass == 0 );
    const double cost = toA ? costA : costB;
    const double room = toA ? roomA : roomB;
    if ( cost == kNoCost || demand > room + slack )
      continue;
    mPoolSide[depth] = toA ? 1 : 0;
    pairBranch( depth + 1, toA ? roomA - demand : roomA, toA ? roomB : roomB - demand, current + cost );
  }
}

//! Best assignment of the pool to medians a and b (without fixed costs) if cheaper than
//! \a limit, else kNoCost; the sides are left in mPoolBestSide, in mPool order.
double SingleSourceSearch::assignPair( std::uint32_t a, std::uint32_t b, double limit )
{
  mPairA = a;
  mPairB = b;
  std::stable_sort( mPool.begin(), mPool.end(), [&]( std::uint32_t x, std::uint32_t y ) {
    const double rx = std::fabs( costOf( x, a ) - costOf( x, b ) );
    const double ry = std::fabs( costOf( y, a ) - costOf( y, b ) );
    if ( rx != ry )
      return rx > ry;
    return mModel.demand[x] > mModel.demand[y];
  } );
  const std::size_t size = mPool.size();
  mPoolMinRest.assign( size + 1, 0.0 );
  mPoolDemandFrom.assign( size + 1, 0.0 );
  for ( std::size_t k = size; k-- > 0; )
  {
    mPoolMinRest[k] = mPoolMinRest[k + 1] + std::min( costOf( mPool[k], a ), costOf( mPool[k], b ) );
    mPoolDemandFrom[k] = mPoolDemandFrom[k + 1] + mModel.demand[mPool[k]];
  }
  mPoolSide.assign( size, 0 );
  mPoolBestSide.assign( size, 0 );
  mPairBest = limit;
  mPairNodesUsed = 0;
  pairBranch( 0, mModel.capacity[a], mModel.capacity[b], 0.0 );
  return mPairBest < limit ? mPairBest : kNoCost;
}

//! Re-optimises the clients of two open medians together: the best two medians among
//! them and their clients' nearest closed candidates, with the best assignment of the pooled
//! clients. Applies it when cheaper; \a changed gets the new medians.
bool SingleSourceSearch::improvePair( SingleSourceState &state, const std::vector<std::vector<std::uint32_t>> &members,
                                      std::uint32_t first, std::uint32_t second, std::vector<std::uint32_t> &changed )
{
  std::vector<std::uint32_t> pool = members[first];
  pool.insert( pool.end(), members[second].begin(), members[second].end() );
  if ( pool.size() > kPairMaxClients )
    return false;
  double current = mModel.fixedCost[first] + mModel.fixedCost[second];
  double demand = 0.0;
  for ( std::uint32_t client : pool )
  {
    current += costOf( client, state.assign[client] );
    demand += mModel.demand[client];
  }
  // Medians that may replace first or second (required ones stay).
  std::vector<std::uint32_t> sites;
  for ( std::uint32_t client : pool )
  {
    std::uint32_t taken = 0;
    for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && taken < kPairSources; ++it )
    {
      if ( state.isOpen[*it] )
        continue;
      ++taken;
      if ( std::find( sites.begin(), sites.end(), *it ) == sites.end() )
        sites.push_back( *it );
    }
  }
  std::vector<std::uint32_t> firstOptions{ first };
  std::vector<std::uint32_t> secondOptions{ second };
  if ( !mRules.fixedOpen[first] )
    firstOptions.insert( firstOptions.end(), sites.begin(), sites.end() );
  if ( !mRules.fixedOpen[second] )
    secondOptions.insert( secondOptions.end(), sites.begin(), sites.end() );
  mPool = pool;
  double bestValue = current;
  std::uint32_t bestA = kUnassigned;
  std::uint32_t bestB = kUnassigned;
  std::vector<std::uint32_t> bestPool;
  std::vector<char> bestSide;
  const double tolerance = kEpsilon * std::max( 1.0, std::fabs( current ) );
  for ( std::uint32_t a : firstOptions )
  {
    for ( std::uint32_t b : secondOptions )
    {
      // Each unordered pair of new sites once.
      if ( a == b || ( a != first && b != second && a > b ) )
        continue;
      if ( mModel.capacity[a] + mModel.capacity[b] < demand )
        continue;
      const double fixed = mModel.fixedCost[a] + mModel.fixedCost[b];
      double relaxed = fixed;
      for ( std::uint32_t client : pool )
        relaxed += std::min( costOf( client, a ), costOf( client, b ) );
      if ( relaxed >= bestValue - tolerance )
        continue;
      const double value = assignPair( a, b, bestValue - tolerance - fixed );
      if ( value == kNoCost )
        continue;
      bestValue = value + fixed;
      bestA = a;
      bestB = b;
      bestPool = mPool;
      bestSide = mPoolBestSide;
    }
  }
  if ( bestA == kUnassigned )
    return false;
  releaseRegion( state, pool, { first, second } );
  openCandidate( state, bestA );
  openCandidate( state, bestB );
  for ( std::size_t k = 0; k < bestPool.size(); ++k )
    moveClient( state, bestPool[k], bestSide[k] ? bestA : bestB );
  changed.push_back( bestA );
  changed.push_back( bestB );
  return true;
}

//! Unassigns \a clients and closes \a medians, which must serve no other clients.
void SingleSourceSearch::releaseRegion( SingleSourceState &state, const std::vector<std::uint32_t> &clients,
                                        const std::vector<std::uint32_t> &medians ) const
{
  for ( std::uint32_t client : clients )
  {
    const std::uint32_t from = state.assign[client];
    state.load[from] -= mModel.demand[client];
    state.objective -= costOf( client, from );
    state.assign[client] = kUnassigned;
    ++state.unassigned;
  }
  for ( std::uint32_t median : medians )
  {
    state.isOpen[median] = 0;
    state.load[median] = 0.0;
    state.objective -= mModel.fixedCost[median];
    --state.openCount;
  }
}

//! The region's medians, then its clients each with its median, in ascending order: equal for
//! regions with the same medians, clients and solution, however they were grown (the closed
//! sites around them may have changed since: skipping such a region is a heuristic choice).
std::vector<std::uint32_t> SingleSourceSearch::regionSignature( const SingleSourceState &state, std::vector<std::uint32_t> medians,
                                                                std::vector<std::uint32_t> clients ) const
{
  std::sort( medians.begin(), medians.end() );
  std::sort( clients.begin(), clients.end() );
  std::vector<std::uint32_t> signature = std::move( medians );
  signature.push_back( kUnassigned );
  for ( std::uint32_t client : clients )
  {
    signature.push_back( client );
    signature.push_back( state.assign[client] );
  }
  return signature;
}

//! The region of \a seed: it, then again and again the open median nearest to the region's
//! clients (among each pooled client's first open candidates outside the region), as long as
//! the region keeps within kRegionMedians medians and kRegionMaxClients clients.
void SingleSourceSearch::growRegion( const SingleSourceState &state, const std::vector<std::vector<std::uint32_t>> &members,
                                     std::uint32_t seed, std::vector<std::uint32_t> &medians, std::vector<std::uint32_t> &pool ) const
{
  medians.assign( 1, seed );
  pool = members[seed];
  std::vector<std::pair<double, std::uint32_t>> frontier;   // least cost from a pooled client, median
  auto inRegion = [&]( std::uint32_t median ) { return std::find( medians.begin(), medians.end(), median ) != medians.end(); };
  auto reach = [&]( std::uint32_t median ) {
    for ( std::uint32_t client : members[median] )
    {
      std::uint32_t taken = 0;
      for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && taken < 2; ++it )
      {
        if ( !state.isOpen[*it] || inRegion( *it ) )
          continue;
        ++taken;
        const double cost = costOf( client, *it );
        auto known = std::find_if( frontier.begin(), frontier.end(), [&]( const auto &entry ) { return entry.second == *it; } );
        if ( known == frontier.end() )
          frontier.emplace_back( cost, *it );
        else
          known->first = std::min( known->first, cost );
      }
    }
  };
  reach( seed );
  while ( medians.size() < kRegionMedians * mRegionScale && !frontier.empty() )
  {
    const auto nearest = std::min_element( frontier.begin(), frontier.end() );
    const std::uint32_t median = nearest->second;
    frontier.erase( nearest );
    if ( pool.size() + members[median].size() > kRegionMaxClients * mRegionScale )
      continue;
    medians.push_back( median );
    pool.insert( pool.end(), members[median].begin(), members[median].end() );
    reach( median );
  }
}

//! Re-solves the region of \a seed (see growRegion) as a single-source model of its own,
//! started from the region's solution (exactly where the branch and bound reaches, within a
//! work budget); applies the result when cheaper. \a changed gets the region's new medians.
bool SingleSourceSearch::improveRegion( SingleSourceState &state, const std::vector<std::vector<std::uint32_t>> &members,
                                        std::uint32_t seed, std::vector<std::uint32_t> &changed )
{
  const double remainingS = std::chrono::duration<double>( mDeadline - Clock::now() ).count();
  if ( remainingS <= 0.0 )
    return false;
  std::vector<std::uint32_t> medians;
  std::vector<std::uint32_t> pool;
  growRegion( state, members, seed, medians, pool );
  if ( medians.size() < 2 )
    return false;
  // A region re-solved before without gain, unchanged since (same medians, clients and
  // assignment), is skipped: the passes that follow a stall then cost only what changed.
  std::vector<std::uint32_t> signature = regionSignature( state, medians, pool );
  if ( mUnimprovedRegions.count( signature ) > 0 )
    return false;
  // Sites: the region's medians first, then the nearest closed candidates of each pooled client,
  // as many of them (up to kRegionSources) as keep the region within the branch and bound's reach.
  std::vector<std::uint32_t> sites;
  for ( std::uint32_t sources = kRegionSources; sources > 0; --sources )
  {
    sites = medians;
    for ( std::uint32_t client : pool )
    {
      std::uint32_t taken = 0;
      for ( const std::uint32_t *it = mRanking.begin( client ); it != mRanking.end( client ) && taken < sources; ++it )
      {
        if ( state.isOpen[*it] )
          continue;
        ++taken;
        if ( std::find( sites.begin(), sites.end(), *it ) == sites.end() )
          sites.push_back( *it );
      }
    }
    if ( static_cast<double>( pool.size() ) * static_cast<double>( sites.size() ) <= kSingleSourceTreePairs )
      break;
  }
  LocationProblem region;
  region.clientCount = static_cast<std::uint32_t>( pool.size() );
  region.candidateCount = static_cast<std::uint32_t>( sites.size() );
  region.cost.resize( pool.size() * sites.size() );
  SingleSourceModel model;
  model.location = &region;
  double current = 0.0;
  for ( std::size_t k = 0; k < pool.size(); ++k )
  {
    current += costOf( pool[k], state.assign[pool[k]] );
    model.demand.push_back( mModel.demand[pool[k]] );
    // The region's own solution is the sub-model's start: its bound prunes against it.
    model.startAssignment.push_back(
      static_cast<std::uint32_t>( std::find( medians.begin(), medians.end(), state.assign[pool[k]] ) - medians.begin() ) );
    for ( std::size_t j = 0; j < sites.size(); ++j )
    {
      const double cost = costOf( pool[k], sites[j] );
      region.cost[k * sites.size() + j] = cost < kNoCost ? cost : kForbiddenAssignment;
    }
  }
  for ( std::uint32_t j = 0; j < region.candidateCount; ++j )
  {
    model.fixedCost.push_back( mModel.fixedCost[sites[j]] );
    model.capacity.push_back( mModel.capacity[sites[j]] );
    if ( j >= medians.size() )
      continue;
    current += mModel.fixedCost[sites[j]];
    model.startOpen.push_back( j );
    if ( mRules.fixedOpen[sites[j]] )
      region.required.push_back( j );
  }
  // The medians outside the region stay open: the region keeps what is left of the count limits.
  const std::uint32_t outside = state.openCount - static_cast<std::uint32_t>( medians.size() );
  model.minOpen = mModel.minOpen > outside ? mModel.minOpen - outside : 0;
  model.maxOpen = mModel.maxOpen > 0 ? mModel.maxOpen - outside : 0;
  const Result<LocationSiteRules> rules = checkLocationProblem( region );
  if ( !rules )
    return false;
  SingleSourceOptions options;
  options.seed = mRandom.next();
  options.timeLimitS = remainingS;
  // Regions within the branch and bound's reach are solved exactly (within a work budget);
  // larger ones by the search alone, as their bound rarely proves them and costs more.
  options.lowerBound = singleSourceTreeApplies( model );
  options.treeWork = kRegionTreeWork;
  options.maxIterations = options.lowerBound ? kRegionTreeRounds : kRegionRounds;
  ProgressPhase silent( mProgress, 0.5, 0.5 );
  const Result<LocationSolution> solved = solveSingleSource( model, *rules, options, silent );
  if ( !solved || !better( solved->objective, current ) )
  {
    mUnimprovedRegions.insert( std::move( signature ) );
    return false;
  }
  releaseRegion( state, pool, medians );
  for ( std::uint32_t site : solved->open )
  {
    openCandidate( state, sites[site] );
    changed.push_back( sites[site] );
  }
  for ( std::size_t k = 0; k < pool.size(); ++k )
    moveClient( state, pool[k], sites[solved->assignment[k]] );
  return true;
}

//! Region re-optimisation around each queued median until none improves; the new medians
//! of an improved region are queued again. Then every median again with larger regions (see
//! kRegionMaxScale), which stay larger from then on.
void SingleSourceSearch::regionDescent( SingleSourceState &state, std::vector<std::uint32_t> queue )
{
  std::vector<std::vector<std::uint32_t>> members = membersOf( state );
  std::vector<char> queued( mCandidates, 0 );
  for ( std::uint32_t median : queue )
    queued[median] = 1;
  for ( std::size_t next = 0; next < queue.size() && !stopRequested(); ++next )
  {
    const std::uint32_t seed = queue[next];
    queued[seed] = 0;
    std::vector<std::uint32_t> changed;
    if ( !state.isOpen[seed] || !improveRegion( state, members, seed, changed ) )
      continue;
    improve( state, clientsAround( state, changed ) );
    members = membersOf( state );
    for ( std::uint32_t site : changed )
    {
      if ( state.isOpen[site] && !queued[site] )
      {
        queued[site] = 1;
        queue.push_back( site );
      }
    }
  }
  if ( mRegionScale < kRegionMaxScale && !stopRequested() )
  {
    ++mRegionScale;
    regionDescent( state, openList( state ) );
  }
}

//! Capacitated location-allocation from \a start's open set: the transportation optimum
//! (clients split) for the open set, then each median moved to the site that serves its
//! flow most cheaply; repeated while the transportation cost drops. The best open set is
//! rounded to single sources (each client to its largest flow where it fits). The transportation
//! runs over arcs built from the open sites' client lists, so work and memory follow the stored
//! pairs at open sites, not clients × open sites.
SingleSourceState SingleSourceSearch::locationAllocation( const SingleSourceState &start )
{
  std::vector<std::uint32_t> open;
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( start.isOpen[candidate] )
      open.push_back( candidate );
  }
  TransportationSolver transport;
  std::vector<double> capacity;
  std::vector<std::size_t> arcFirst;
  std::vector<std::size_t> nextArc;
  std::vector<TransportationSolver::Arc> arcs;
  double bestValue = kNoCost;
  std::vector<std::uint32_t> bestOpen;
  std::vector<std::uint32_t> bestPreferred;
  std::vector<char> isOpen( mCandidates, 0 );
  std::vector<char> isScored( mCandidates, 0 );
  for ( std::uint32_t round = 0; round < 50 && !stopRequested(); ++round )
  {
    const std::size_t sites = open.size();
    capacity.assign( sites, 0.0 );
    double fixed = 0.0;
    for ( std::size_t f = 0; f < sites; ++f )
    {
      capacity[f] = mModel.capacity[open[f]];
      fixed += mModel.fixedCost[open[f]];
    }
    // Each client's arcs in site order (the sites' client lists, counted then filled), only
    // to sites that hold its whole demand.
    auto holds = [&]( std::uint32_t client, std::size_t f ) { return mModel.demand[client] <= capacity[f]; };
    arcFirst.assign( static_cast<std::size_t>( mClients ) + 1, 0 );
    for ( std::size_t f = 0; f < sites; ++f )
    {
      for ( const std::uint32_t *it = mRanking.servedBegin( open[f] ); it != mRanking.servedEnd( open[f] ); ++it )
        arcFirst[*it + 1] += holds( *it, f ) ? 1 : 0;
    }
    std::partial_sum( arcFirst.begin(), arcFirst.end(), arcFirst.begin() );
    nextArc.assign( arcFirst.begin(), arcFirst.end() - 1 );
    arcs.resize( arcFirst.back() );
    for ( std::size_t f = 0; f < sites; ++f )
    {
      for ( const std::uint32_t *it = mRanking.servedBegin( open[f] ); it != mRanking.servedEnd( open[f] ); ++it )
      {
        const double demand = mModel.demand[*it];
        if ( holds( *it, f ) )
          arcs[nextArc[*it]++] = { static_cast<std::uint32_t>( f ), demand > 0.0 ? costOf( *it, open[f] ) / demand : 0.0 };
      }
    }
    if ( !transport.solve( mModel.demand, capacity, arcFirst, arcs ) )
      break;
    const double value = transport.cost() + fixed;
    if ( !bestOpen.empty() && !better( value, bestValue ) )
      break;
    bestValue = value;
    bestOpen = open;
    // Each client's largest flow, and per site the clients it serves with their flows.
    const std::vector<double> &flow = transport.arcFlow();
    std::vector<std::vector<std::pair<std::uint32_t, double>>> served( sites );
    bestPreferred.assign( mClients, kUnassigned );
    for ( std::uint32_t client = 0; client < mClients; ++client )
    {
      double largest = 0.0;
      for ( std::size_t arc = arcFirst[client]; arc < arcFirst[client + 1]; ++arc )
      {
        const double amount = flow[arc];
        if ( amount <= 0.0 )
          continue;
        served[arcs[arc].facility].emplace_back( client, amount );
        if ( amount > largest )
        {
          largest = amount;
          bestPreferred[client] = open[arcs[arc].facility];
        }
      }
    }
    for ( std::uint32_t candidate : open )
      isOpen[candidate] = 1;
    bool moved = false;
    for ( std::size_t f = 0; f < sites; ++f )
    {
      const std::uint32_t median = open[f];
      if ( mRules.fixedOpen[median] )
        continue;
      double load = 0.0;
      for ( const auto &entry : served[f] )
        load += entry.second;
      auto score = [&]( std::uint32_t site ) {
        double total = mModel.fixedCost[site];
        for ( const auto &[client, amount] : served[f] )
        {
          const double cost = costOf( client, site );
          if ( cost == kNoCost || mModel.demand[client] > mModel.capacity[site] )
            return kNoCost;
          total += mModel.demand[client] > 0.0 ? amount * cost / mModel.demand[client] : 0.0;
        }
        return total;
      };
      double bestScore = score( median );
      if ( bestScore == kNoCost )
        continue;
      std::uint32_t bestSite = median;
      // Neighbouring clients share their nearest closed sites: each is scored once.
      std::vector<std::uint32_t> scored;
      for ( const auto &entry : served[f] )
      {
        std::uint32_t taken = 0;
        for ( const std::uint32_t *it = mRanking.begin( entry.first ); it != mRanking.end( entry.first ) && taken < kPartnerSources; ++it )
        {
          if ( isOpen[*it] )
            continue;
          ++taken;
          if ( isScored[*it] || mModel.capacity[*it] < load )
            continue;
          isScored[*it] = 1;
          scored.push_back( *it );
          const double siteScore = score( *it );
          if ( better( siteScore, bestScore ) )
          {
            bestScore = siteScore;
            bestSite = *it;
          }
        }
      }
      for ( std::uint32_t site : scored )
        isScored[site] = 0;
      if ( bestSite != median )
      {
        isOpen[median] = 0;
        isOpen[bestSite] = 1;
        open[f] = bestSite;
        moved = true;
      }
    }
    std::fill( isOpen.begin(), isOpen.end(), 0 );
    if ( !moved )
      break;
  }
  if ( bestOpen.empty() )
    return start;
  for ( std::uint32_t candidate : bestOpen )
    isOpen[candidate] = 1;
  return fromRelaxation( isOpen, bestPreferred );
}

//! Pair re-optimisation of each queued median with its open neighbours until none improves;
//! medians that change are queued again with their neighbours.
void SingleSourceSearch::pairDescent( SingleSourceState &state, std::vector<std::uint32_t> queue )
{
  std::vector<std::vector<std::uint32_t>> members = membersOf( state );
  std::vector<char> queued( mCandidates, 0 );
  for ( std::uint32_t median : queue )
    queued[median] = 1;
  for ( std::size_t next = 0; next < queue.size() && !stopRequested(); ++next )
  {
    const std::uint32_t median = queue[next];
    queued[median] = 0;
    if ( !state.isOpen[median] )
      continue;
    for ( std::uint32_t neighbour : openNeighbours( state, members, median ) )
    {
      std::vector<std::uint32_t> changed;
      if ( !improvePair( state, members, median, neighbour, changed ) )
        continue;
      std::vector<std::uint32_t> touched = members[median];
      touched.insert( touched.end(), members[neighbour].begin(), members[neighbour].end() );
      improve( state, touched );
      members = membersOf( state );
      for ( std::uint32_t site : changed )
      {
        std::vector<std::uint32_t> around = openNeighbours( state, members, site );
        around.push_back( site );
        for ( std::uint32_t other : around )
        {
          if ( !queued[other] )
          {
            queued[other] = 1;
            queue.push_back( other );
          }
        }
      }
      break;
    }
    if ( next > 4 * mCandidates + 1000 )
    {
      // Compact the queue so it does not grow without bound.
      queue.erase( queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>( next + 1 ) );
      next = static_cast<std::size_t>( -1 );
    }
  }
}

//! First-improvement descent over drops, adds and swaps of candidates.
void SingleSourceSearch::searchOpenSets( SingleSourceState &state )
{
  bool improved = true;
  while ( improved && !stopRequested() )
  {
    improved = false;
    for ( std::uint32_t candidate = 0; candidate < mCandidates && !countFixed(); ++candidate )
    {
      if ( state.isOpen[candidate] && !mRules.fixedOpen[candidate] && mayCloseOne( state ) )
        improved = tryChange( state, kUnassigned, candidate ) || improved;
    }
    for ( std::uint32_t candidate = 0; candidate < mCandidates && !countFixed() && !stopRequested(); ++candidate )
    {
      if ( !state.isOpen[candidate] && mRules.eligible[candidate] && mayOpenMore( state ) )
        improved = tryChange( state, candidate, kUnassigned ) || improved;
    }
    for ( std::uint32_t candidate = 0; candidate < mCandidates && !stopRequested(); ++candidate )
    {
      if ( !state.isOpen[candidate] || mRules.fixedOpen[candidate] )
        continue;
      for ( std::uint32_t partner : swapPartners( state, candidate ) )
      {
        if ( tryChange( state, partner, candidate ) )
        {
          improved = true;
          break;
        }
      }
    }
    keepIfBest( state );
  }
}

//! Random swaps of open candidates for candidates near one of their clients (and, without a
//! fixed count, random drops or adds), followed by reinsertion and a full descent.
bool SingleSourceSearch::perturb( SingleSourceState &state, std::uint32_t moves, std::vector<std::uint32_t> &touched )
{
  std::vector<std::uint32_t> pending;
  for ( std::uint32_t move = 0, attempts = 0; move < moves && attempts < 20 * moves; ++attempts )
  {
    const std::uint32_t client = mRandom.below( mClients );
    const std::uint32_t out = state.assign[client];
    if ( out == kUnassigned || mRules.fixedOpen[out] )
      continue;
    const std::uint32_t span = std::min( mRanking.size( client ), 2 + 2 * moves );
    const std::uint32_t in = mRanking.begin( client )[mRandom.below( span )];
    const std::uint32_t kind = countFixed() ? 0 : mRandom.below( 3 );
    if ( kind == 1 && mayCloseOne( state ) )
    {
      const std::vector<std::uint32_t> freed = closeCandidate( state, out );
      pending.insert( pending.end(), freed.begin(), freed.end() );
    }
    else if ( kind == 2 && !state.isOpen[in] && mayOpenMore( state ) )
      openCandidate( state, in );
    else if ( !state.isOpen[in] )
    {
      const std::vector<std::uint32_t> freed = closeCandidate( state, out );
      pending.insert( pending.end(), freed.begin(), freed.end() );
      openCandidate( state, in );
    }
    else
      continue;
    touched.push_back( out );
    touched.push_back( in );
    ++move;
  }
  if ( static_cast<double>( mClients ) * mCandidates <= kFullDescentPairs )
    return complete( state, pending );
  return completeAround( state, pending, touched );
}

void SingleSourceSearch::keepIfBest( const SingleSourceState &state )
{
  if ( state.unassigned == 0 && ( !mHaveBest || better( state.objective, mBest.objective ) ) )
  {
    mBest = state;
    mHaveBest = true;
  }
}

//! A feasible solution near a Lagrangian one: its open set, clients where a knapsack put them.
SingleSourceState SingleSourceSearch::fromRelaxation( const std::vector<char> &isOpen, const std::vector<std::uint32_t> &preferred ) const
{
  SingleSourceState state = emptyState();
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( isOpen[candidate] )
      openCandidate( state, candidate );
  }
  std::vector<std::uint32_t> pending;
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    const std::uint32_t to = preferred[client];
    if ( to != kUnassigned && state.isOpen[to] && fits( state, client, to ) )
      moveClient( state, client, to );
    else
      pending.push_back( client );
  }
  if ( !complete( state, pending ) )
    state.unassigned = std::max( state.unassigned, 1u );
  return state;
}

//! When no relaxed open set could be completed: the required candidates and then the largest
//! capacities until the demand fits and the minimum count is reached (within the maximum).
std::vector<char> SingleSourceSearch::largestCapacities() const
{
  std::vector<char> isOpen( mCandidates, 0 );
  std::vector<std::uint32_t> order;
  std::uint32_t count = 0;
  double capacity = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( mRules.fixedOpen[candidate] )
    {
      isOpen[candidate] = 1;
      ++count;
      capacity += mModel.capacity[candidate];
    }
    else if ( mRules.eligible[candidate] )
      order.push_back( candidate );
  }
  std::stable_sort( order.begin(), order.end(), [&]( std::uint32_t a, std::uint32_t b ) { return mModel.capacity[a] > mModel.capacity[b]; } );
  for ( std::uint32_t candidate : order )
  {
    if ( ( capacity >= mTotalDemand && count >= mModel.minOpen ) || ( mModel.maxOpen > 0 && count >= mModel.maxOpen ) )
      break;
    isOpen[candidate] = 1;
    ++count;
    capacity += mModel.capacity[candidate];
  }
  return isOpen;
}

//! Subgradient optimisation of the Lagrangian bound, with the Lagrangian heuristic along the way.
void SingleSourceSearch::lagrangian()
{
  std::vector<double> multiplier( mClients, 0.0 );
  // Start at the incumbent's costs when there is one, else at each client's cheapest.
  for ( std::uint32_t client = 0; client < mClients; ++client )
    multiplier[client] = mHaveBest ? costOf( client, mBest.assign[client] ) : costOf( client, *mRanking.begin( client ) );
  std::vector<char> isOpen( mCandidates, 0 );
  std::vector<char> lastTried;
  std::vector<char> boundOpen;   // the relaxed open set of the best bound
  // On large instances the relaxed open sets complete far above the incumbent (p3038: 20 %
  // above) and cost a full descent each: only while no incumbent is known.
  const bool largeInstance = static_cast<double>( mClients ) * mCandidates > kFullDescentPairs;
  const bool mediumInstance = static_cast<double>( mClients ) * mCandidates > kTimedHeuristicPairs;
  const std::uint32_t heuristicEvery = 5;
  // Where the branch and bound follows, it lifts the bound from here: a shorter stall window.
  const std::uint32_t boundWindow = treeApplies() ? kTreeBoundWindow : kBoundWindow;
  // Half the time limit, counted from here so that the heuristic start does not eat it.
  const Clock::time_point begin = Clock::now();
  const double budgetS = 0.5 * mOptions.timeLimitS;
  double scale = 2.0;
  double heuristicS = 0.0;
  std::uint32_t sinceImprovement = 0;
  double windowStart = 0.0;
  // The stall rule applies once the steps have raised the bound above the first one: far from
  // the optimum (p18: a first bound 23 % below) the first steps overshoot for a while.
  bool climbed = false;
  bool restarted = false;
  for ( std::uint32_t iteration = 0; iteration < kMaxLagrangianIterations && !stopRequested(); ++iteration )
  {
    if ( std::chrono::duration<double>( Clock::now() - begin ).count() > budgetS )
      break;
    mProgress.setProgress( 0.5 * iteration / kMaxLagrangianIterations );
    mRelaxation.capMultipliers( multiplier );
    double bound = mRelaxation.evaluate( multiplier, nullptr );
    if ( bound == kNoCost )
      break;  // no open set within the count limits and the capacity cover: nothing to bound
    const std::vector<double> &level = mRelaxation.level();
    for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
      isOpen[candidate] = level[candidate] > 0.0 ? 1 : 0;
    if ( mRelaxation.integralCosts() )
      bound = std::ceil( bound - 1e-6 );
    if ( bound > mLowerBound )
    {
      mLowerBound = bound;
      sinceImprovement = 0;
      boundOpen = isOpen;
      mBoundMultipliers = multiplier;
      climbed = climbed || iteration > 0;
    }
    else if ( ++sinceImprovement >= 20 )
    {
      scale *= 0.5;
      sinceImprovement = 0;
    }
    // Every heuristicEvery-th relaxed solution once the multipliers settle is made feasible
    // (small instances; from kTimedHeuristicPairs on within a fifth of the time spent here, as
    // completions can cost more than the subgradient steps, capa: seconds each), because their
    // incumbents steer the steps. Every new open set while none is known.
    const double elapsedS = std::chrono::duration<double>( Clock::now() - begin ).count();
    const bool heuristicAffordable = !largeInstance && ( !mediumInstance || heuristicS <= 0.2 * elapsedS );
    if ( ( heuristicAffordable && iteration % heuristicEvery == 0 && iteration >= 10 ) || ( !mHaveBest && isOpen != lastTried ) )
    {
      const Clock::time_point heuristicStart = Clock::now();
      keepIfBest( fromRelaxation( isOpen, mRelaxation.preferred() ) );
      lastTried = isOpen;
      heuristicS += std::chrono::duration<double>( Clock::now() - heuristicStart ).count();
    }
    // Stop once the bound has stalled: under 0.01 % gained over the last boundWindow iterations.
    if ( iteration % boundWindow == 0 )
    {
      if ( iteration > 0 && climbed && mLowerBound - windowStart < 1e-4 * std::fabs( mLowerBound ) )
        break;
      windowStart = mLowerBound;
    }
    if ( isProven() || ( scale < 1e-4 && ( climbed || restarted ) ) )
      break;
    if ( scale < 1e-4 )
    {
      // The steps never raised the bound above the incumbent start (p19: 25 % below the
      // optimum): once more from each client's cheapest cost.
      restarted = true;
      scale = 2.0;
      for ( std::uint32_t client = 0; client < mClients; ++client )
        multiplier[client] = costOf( client, *mRanking.begin( client ) );
      continue;
    }
    const std::vector<double> &subgradient = mRelaxation.subgradient();
    double norm = 0.0;
    for ( double g : subgradient )
      norm += g * g;
    if ( norm < 1e-12 )
      break;
    const double upper = mHaveBest ? mBest.objective : mRelaxation.worstObjective();
    const double step = scale * std::max( upper - bound, 1e-6 * std::max( 1.0, upper ) ) / norm;
    for ( std::uint32_t client = 0; client < mClients; ++client )
      multiplier[client] += step * subgradient[client];
  }
  // Large instances: the open set of the best bound, allocated by the transportation optimum,
  // is a better start than the uncapacitated medians (p3038_600: 1.2 % lower after the descent).
  if ( largeInstance && !boundOpen.empty() && !stopRequested() )
  {
    SingleSourceState start = emptyState();
    for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
    {
      if ( boundOpen[candidate] )
        openCandidate( start, candidate );
    }
    SingleSourceState state = locationAllocation( start );
    pairDescent( state, openList( state ) );
    keepIfBest( state );
  }
}

//! Small models: the Lagrangian branch and bound from the best multipliers, which proves the
//! incumbent optimal (or finds the optimum) where the subgradient bound alone stalls below it;
//! stopped at its node limit, it still lifts the bound to the least over its open nodes.
void SingleSourceSearch::branchAndBound()
{
  if ( isProven() || !treeApplies() || stopRequested() )
    return;
  const SingleSourceBranchAndBound::Repair repair = [this]( std::vector<char> &isOpen, const std::vector<std::uint32_t> &preferred,
                                                            std::vector<std::uint32_t> &assignment ) {
    const SingleSourceState state = fromRelaxation( isOpen, preferred );
    if ( state.unassigned > 0 )
      return kNoCost;
    keepIfBest( state );
    isOpen = state.isOpen;
    assignment = state.assign;
    return state.objective;
  };
  SingleSourceBranchAndBound tree( mModel, mRules, mRanking );
  const double pairs = mModel.pairCount();
  const double work = mOptions.treeWork > 0.0 ? mOptions.treeWork : kTreeWork;
  const std::uint64_t nodes = std::min( kTreeNodes, static_cast<std::uint64_t>( work / ( pairs * kTreeNodeSteps ) ) + 1 );
  const SingleSourceBranchAndBoundResult result = tree.solve( mBest.objective, mBoundMultipliers, mDeadline, nodes, mProgress, repair );
  if ( !result.assignment.empty() )
    keepIfBest( fromRelaxation( result.isOpen, result.assignment ) );
  mLowerBound = std::max( mLowerBound, std::min( result.lowerBound, mBest.objective ) );
}

Result<LocationSolution> SingleSourceSearch::run()
{
  if ( !mModel.startOpen.empty() )
  {
    std::vector<char> isOpen( mCandidates, 0 );
    for ( std::uint32_t candidate : mModel.startOpen )
      isOpen[candidate] = 1;
    keepIfBest( fromRelaxation( isOpen, mModel.startAssignment.empty() ? std::vector<std::uint32_t>( mClients, kUnassigned )
                                                                       : mModel.startAssignment ) );
  }
  // Heuristic descent before the bound: its incumbent steers the subgradient steps.
  if ( mHaveBest )
  {
    keepIfBest( locationAllocation( mBest ) );
    SingleSourceState state = mBest;
    pairDescent( state, openList( state ) );
    keepIfBest( state );
  }
  if ( mOptions.lowerBound )
    lagrangian();
  if ( !mHaveBest && !stopRequested() )
    keepIfBest( fromRelaxation( largestCapacities(), std::vector<std::uint32_t>( mClients, kUnassigned ) ) );
  if ( !mHaveBest )
    return makeError( mCanceled ? ErrorCode::Canceled : ErrorCode::Infeasible );
  // The full open-set descent only where it is cheap; large instances re-solve every
  // median's region once and then the pairs around the perturbed medians instead.
  const bool fullDescent = static_cast<double>( mClients ) * mCandidates <= kFullDescentPairs;
  SingleSourceState state = mBest;
  pairDescent( state, openList( state ) );
  if ( fullDescent )
    searchOpenSets( state );
  else
    regionDescent( state, openList( state ) );
  keepIfBest( state );
  if ( mOptions.lowerBound )
    branchAndBound();
  // maxIterations bounds the rounds; by default the search stops once it stalls.
  const std::uint32_t iterations = mOptions.maxIterations > 0 ? mOptions.maxIterations : UINT32_MAX;
  const std::uint32_t patience = std::max<std::uint32_t>( kPatience, kPatiencePerOpen * static_cast<std::uint32_t>( openList( mBest ).size() ) );
  std::uint32_t moves = 1;
  std::uint32_t stalled = 0;
  for ( std::uint32_t iteration = 0; iteration < iterations && !isProven() && !stopRequested(); ++iteration )
  {
    if ( stalled >= patience )
    {
      // Large instances: before giving up, every region once more (the sub-models draw new seeds).
      if ( fullDescent )
        break;
      state = mBest;
      regionDescent( state, openList( state ) );
      const double before = mBest.objective;
      keepIfBest( state );
      if ( !better( mBest.objective, before ) )
        break;
      stalled = 0;
    }
    mProgress.setProgress( 0.5 + 0.5 * std::min( 1.0, static_cast<double>( stalled ) / patience ) );
    state = mBest;
    ++stalled;
    std::vector<std::uint32_t> touched;
    if ( !perturb( state, moves, touched ) )
      continue;
    pairDescent( state, touched );
    if ( fullDescent )
      searchOpenSets( state );
    const double before = mBest.objective;
    keepIfBest( state );
    const bool gained = better( mBest.objective, before );
    stalled = gained ? 0 : stalled;
    moves = gained ? 1 : ( moves >= 3 ? 1 : moves + 1 );
  }
  mProgress.setProgress( 1.0 );
  return buildSolution();
}

LocationSolution SingleSourceSearch::buildSolution() const
{
  LocationSolution solution;
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( mBest.isOpen[candidate] )
      solution.open.push_back( candidate );
  }
  solution.assignment = mBest.assign;
  // Recomputed in candidate order so the value does not depend on the move history.
  double objective = 0.0;
  for ( std::uint32_t candidate : solution.open )
    objective += mModel.fixedCost[candidate];
  for ( std::uint32_t client = 0; client < mClients; ++client )
    objective += costOf( client, mBest.assign[client] );
  solution.objective = objective;
  solution.lowerBound = std::min( mLowerBound, objective );
  solution.provenOptimal = objective - mLowerBound <= 1e-6 + 1e-9 * std::fabs( objective );
  solution.canceled = mCanceled;
  return solution;
}

} // namespace

bool singleSourceTreeApplies( const SingleSourceModel &model )
{
  // Rows with nothing beyond them (infinite beyondCost) hold the whole problem.
  const bool kNearest = model.sparse && std::any_of( model.sparse->beyondCost.begin(), model.sparse->beyondCost.end(),
                                                     []( double cost ) { return cost < kForbiddenAssignment; } );
  return !kNearest && model.pairCount() <= kSingleSourceTreePairs;
}

Result<LocationSolution> solveSingleSource( const SingleSourceModel &model, const LocationSiteRules &rules,
                                            const SingleSourceOptions &options, ProgressSink &progress )
{
  const std::uint32_t clientCount = model.clientCount();
  const std::uint32_t candidateCount = model.candidateCount();
  const double totalDemand = std::accumulate( model.demand.begin(), model.demand.end(), 0.0 );
  // Every client must fit whole into some candidate that may serve it. Over a k-nearest matrix
  // a client short of stored room might fit through an unstored pair: undecidable, not infeasible.
  CandidateRanking ranking = rankingOf( model, rules.eligible );
  std::uint32_t undecidable = kUnassigned;
  for ( std::uint32_t client = 0; client < clientCount; ++client )
  {
    const bool fits = std::any_of( ranking.begin( client ), ranking.end( client ),
                                   [&]( std::uint32_t candidate ) { return model.capacity[candidate] >= model.demand[client]; } );
    const bool mayReachMore = ranking.size( client ) < rules.eligibleCount && ranking.beyondCost( client ) < kForbiddenAssignment;
    if ( !fits )
      return makeError( mayReachMore ? ErrorCode::CoverageUndecidable : ErrorCode::CapacityBelowDemand, std::to_string( client ) );
    if ( mayReachMore && undecidable == kUnassigned )
      undecidable = client;
  }
  // Only candidates some client may use hold demand (a cutoff can leave candidates unreachable).
  double reachable = 0.0;
  for ( std::uint32_t candidate = 0; candidate < candidateCount; ++candidate )
    reachable += ranking.servedBegin( candidate ) != ranking.servedEnd( candidate ) ? model.capacity[candidate] : 0.0;
  if ( reachable < totalDemand )
    return undecidable != kUnassigned ? makeError( ErrorCode::CoverageUndecidable, std::to_string( undecidable ) )
                                      : makeError( ErrorCode::CapacityBelowDemand );
  // With at most maxOpen sites, the largest capacities that may open must hold the demand.
  if ( model.maxOpen > 0 )
  {
    double capacity = 0.0;
    std::vector<double> optional;
    for ( std::uint32_t candidate = 0; candidate < candidateCount; ++candidate )
    {
      if ( rules.fixedOpen[candidate] )
        capacity += model.capacity[candidate];
      else if ( rules.eligible[candidate] )
        optional.push_back( model.capacity[candidate] );
    }
    std::sort( optional.begin(), optional.end(), std::greater<double>() );
    for ( std::size_t k = 0; k < optional.size() && rules.required.size() + k < model.maxOpen; ++k )
      capacity += optional[k];
    if ( capacity < totalDemand )
      return makeError( ErrorCode::CapacityBelowDemand );
  }
  SingleSourceSearch search( model, rules, std::move( ranking ), options, progress );
  Result<LocationSolution> solved = search.run();
  // No plan over the stored pairs; unstored ones might still give one.
  if ( !solved && solved.error().code == ErrorCode::Infeasible && undecidable != kUnassigned )
    return makeError( ErrorCode::CoverageUndecidable, std::to_string( undecidable ) );
  return solved;
}

Result<LocationSolution> solveSingleSourceKNearest( std::uint32_t clientCount, std::uint32_t candidateCount,
                                                    const NearestRowsBuilder &rows, std::uint32_t k0, double timeLimitS,
                                                    const SingleSourceRound &solveRound, ProgressSink &progress )
{
  const Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( timeLimitS ) );
  std::uint32_t k = std::min( std::max<std::uint32_t>( 1, k0 ), candidateCount );
  LocationSolution best;
  bool haveBest = false;
  double bestBound = 0.0;
  for ( std::uint32_t round = 0;; ++round )
  {
    const bool lastRound = k >= candidateCount;
    const SparseLocationProblem sparse = rows( std::vector<std::uint32_t>( clientCount, k ) );
    ProgressPhase phase( progress, 1.0 - std::pow( 0.5, round ), 1.0 - std::pow( 0.5, round + 1 ) );
    const double remainingS = std::max( 0.0, std::chrono::duration<double>( deadline - Clock::now() ).count() );
    Result<LocationSolution> solved = solveRound( sparse, lastRound ? remainingS : 0.5 * remainingS, phase );
    if ( !solved && solved.error().code != ErrorCode::CoverageUndecidable )
      return solved;
    bool canceled = progress.isCanceled();
    // A doubling that neither raised the bound nor lowered the plan's cost will not pay again.
    bool gained = !haveBest;
    if ( solved )
    {
      gained = gained || solved->lowerBound > bestBound || solved->objective < best.objective;
      bestBound = std::max( bestBound, solved->lowerBound );
      if ( !haveBest || solved->objective < best.objective )
        best = *solved;
      haveBest = true;
      canceled = canceled || solved->canceled;
    }
    const bool proven = haveBest && best.objective - bestBound <= 1e-6 + 1e-9 * std::fabs( best.objective );
    if ( proven || lastRound || canceled || !gained || Clock::now() > deadline )
    {
      if ( !haveBest )
        return solved;
      best.lowerBound = std::min( bestBound, best.objective );
      best.provenOptimal = proven;
      best.canceled = canceled;
      return best;
    }
    k = k > candidateCount / 2 ? candidateCount : 2 * k;
  }
}

} // namespace gf
