#include "engine/solvers/single_source_lagrangian.h"

#include "engine/solvers/pmedian_solver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace gf {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
//! Branch-and-bound nodes per knapsack subproblem (its continuous bound stays valid beyond).
constexpr std::uint64_t kKnapsackNodes = 2000;
constexpr std::uint64_t kCoverNodes = 20000;

} // namespace

SingleSourceLagrangian::SingleSourceLagrangian( const SingleSourceModel &model, const LocationSiteRules &rules,
                                                const CandidateRanking &ranking )
  : mModel( model )
  , mRules( rules )
  , mRanking( ranking )
  , mCosts( ranking, model.sparse ? SingleSourceCostTable::Storage::Sparse : SingleSourceCostTable::Storage::Dense )
  , mClients( ranking.clientCount() )
  , mCandidates( ranking.candidateCount() )
{
  mTotalDemand = std::accumulate( model.demand.begin(), model.demand.end(), 0.0 );
  const bool beyond = model.sparse && model.sparse->allowsUnstoredPairs();
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    for ( const std::uint32_t *it = ranking.begin( client ); it != ranking.end( client ); ++it )
    {
      const double cost = costOf( client, *it );
      mIntegralCosts = mIntegralCosts && cost == std::floor( cost );
    }
    if ( ranking.size( client ) > 0 )
      mWorstObjective += costOf( client, ranking.end( client )[-1] );
    if ( beyond )
    {
      // The unstored costs are integral (times the weight) only when the caller says so.
      const double weight = ranking.weightOf( client );
      mIntegralCosts = mIntegralCosts && model.sparse->unstoredCostsIntegral && weight == std::floor( weight );
      mMultiplierCap.push_back( weight * model.sparse->beyondCost[client] );
    }
  }
  for ( double fixed : model.fixedCost )
  {
    mIntegralCosts = mIntegralCosts && fixed == std::floor( fixed );
    mWorstObjective += fixed;
  }
  mChosen.resize( mCandidates );
}

void SingleSourceLagrangian::capMultipliers( std::vector<double> &multiplier ) const
{
  for ( std::size_t client = 0; client < mMultiplierCap.size(); ++client )
    multiplier[client] = std::min( multiplier[client], mMultiplierCap[client] );
}

double SingleSourceLagrangian::evaluate( const std::vector<double> &multiplier, const SingleSourceFixing *fixing )
{
  const bool fixed = fixing && !fixing->status.empty();
  const bool forced = fixing && !fixing->forcedTo.empty();
  const bool hasForbidden = fixing && !fixing->forbidden.empty();
  mStatus.assign( mCandidates, SingleSourceFixing::Free );
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( !mRules.eligible[candidate] || ( fixed && fixing->status[candidate] == SingleSourceFixing::Closed ) )
      mStatus[candidate] = SingleSourceFixing::Closed;
    else if ( mRules.fixedOpen[candidate] || ( fixed && fixing->status[candidate] == SingleSourceFixing::Open ) )
      mStatus[candidate] = SingleSourceFixing::Open;
  }
  if ( hasForbidden )
  {
    // Flags per client, not per pair: a sparse model's clients × candidates may be large. The
    // sorted keys are searched for the flagged clients only.
    mForbiddenClient.assign( mClients, 0 );
    for ( std::uint64_t key : fixing->forbidden )
      mForbiddenClient[key / mCandidates] = 1;
  }
  auto allowed = [&]( std::uint32_t client, std::uint32_t candidate ) {
    return mStatus[candidate] != SingleSourceFixing::Closed
           && ( !hasForbidden || !mForbiddenClient[client]
                || !std::binary_search( fixing->forbidden.begin(), fixing->forbidden.end(),
                                        static_cast<std::uint64_t>( client ) * mCandidates + candidate ) );
  };
  // Each knapsack's items, the clients cheaper there than their multiplier, are a prefix of every
  // client's ranking: gathered per client (CSR per candidate), which visits only the pairs that count.
  // A client fixed to a candidate is an item of that knapsack only, whatever its multiplier.
  mItemFirst.assign( mCandidates + 1, 0 );
  auto forEachItem = [&]( auto &&visit ) {
    for ( std::uint32_t client = 0; client < mClients; ++client )
    {
      const std::uint32_t to = forced ? fixing->forcedTo[client] : kUnassigned;
      if ( to != kUnassigned )
      {
        visit( client, to, costOf( client, to ) );
        continue;
      }
      const double weight = mRanking.weightOf( client );
      const double *cost = mRanking.costs( client );
      const std::uint32_t size = mRanking.size( client );
      for ( std::uint32_t k = 0; k < size && weight * cost[k] < multiplier[client]; ++k )
      {
        const std::uint32_t candidate = mRanking.begin( client )[k];
        if ( allowed( client, candidate ) )
          visit( client, candidate, weight * cost[k] );
      }
    }
  };
  forEachItem( [&]( std::uint32_t, std::uint32_t candidate, double ) { ++mItemFirst[candidate + 1]; } );
  std::partial_sum( mItemFirst.begin(), mItemFirst.end(), mItemFirst.begin() );
  mItemClients.resize( mItemFirst.back() );
  mItemCosts.resize( mItemFirst.back() );
  mNext.assign( mItemFirst.begin(), mItemFirst.end() - 1 );
  forEachItem( [&]( std::uint32_t client, std::uint32_t candidate, double cost ) {
    mItemCosts[mNext[candidate]] = cost;
    mItemClients[mNext[candidate]++] = client;
  } );
  mValue.assign( mCandidates, kInfinity );
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    mChosen[candidate].clear();
    if ( mStatus[candidate] == SingleSourceFixing::Closed )
      continue;
    mItemValue.clear();
    mItemWeight.clear();
    mItemClient.clear();
    double forcedValue = 0.0;
    double room = mModel.capacity[candidate];
    for ( std::size_t at = mItemFirst[candidate]; at < mItemFirst[candidate + 1]; ++at )
    {
      const std::uint32_t client = mItemClients[at];
      const double reduced = mItemCosts[at] - multiplier[client];
      if ( forced && fixing->forcedTo[client] == candidate )
      {
        forcedValue += reduced;
        room -= mModel.demand[client];
        mChosen[candidate].push_back( client );
        continue;
      }
      mItemValue.push_back( reduced );
      mItemWeight.push_back( mModel.demand[client] );
      mItemClient.push_back( client );
    }
    // Clients fixed here beyond the capacity: the candidate cannot serve them, the node is empty.
    if ( room < -1e-9 * std::max( 1.0, mModel.capacity[candidate] ) )
    {
      if ( mStatus[candidate] == SingleSourceFixing::Open )
        return kInfinity;
      mStatus[candidate] = SingleSourceFixing::Closed;
      mChosen[candidate].clear();
      continue;
    }
    mKnapsack.solve( mItemValue, mItemWeight, std::max( 0.0, room ), kKnapsackNodes );
    mValue[candidate] = mModel.fixedCost[candidate] + forcedValue + mKnapsack.bound();
    for ( std::size_t item = 0; item < mItemClient.size(); ++item )
    {
      if ( mKnapsack.chosen()[item] )
        mChosen[candidate].push_back( mItemClient[item] );
    }
  }
  // A candidate that some client is fixed to must open.
  if ( forced )
  {
    for ( std::uint32_t client = 0; client < mClients; ++client )
    {
      const std::uint32_t to = fixing->forcedTo[client];
      if ( to == kUnassigned )
        continue;
      if ( mStatus[to] == SingleSourceFixing::Closed )
        return kInfinity;
      mStatus[to] = SingleSourceFixing::Open;
    }
  }
  mMultiplierSum = std::accumulate( multiplier.begin(), multiplier.end(), 0.0 );
  const double openCost = chooseOpenSet( mStatus, mLevel );
  mOpenCost = openCost;
  if ( openCost == kInfinity )
    return kInfinity;
  mSubgradient.assign( mClients, 1.0 );
  mPreferred.assign( mClients, kUnassigned );
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( mLevel[candidate] <= 0.0 )
      continue;
    for ( std::uint32_t client : mChosen[candidate] )
    {
      mSubgradient[client] -= mLevel[candidate];
      if ( mPreferred[client] == kUnassigned || costOf( client, candidate ) < costOf( client, mPreferred[client] ) )
        mPreferred[client] = candidate;
    }
  }
  return mMultiplierSum + openCost;
}

//! Levels in [0, 1] per candidate minimising sum(level * value) within \a status under the count
//! limits; without a maximum, the open capacity must also cover the demand (an integer knapsack
//! over the candidates that would not open by themselves). Returns the minimum (a valid bound
//! even where the cover knapsack stopped early), infinity when no open set is feasible.
double SingleSourceLagrangian::chooseOpenSet( const std::vector<char> &status, std::vector<double> &level )
{
  level.assign( mCandidates, 0.0 );
  std::vector<std::uint32_t> &order = mOpenOrder;
  order.clear();
  std::uint32_t count = 0;
  double capacity = 0.0;
  double total = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( status[candidate] == SingleSourceFixing::Open )
    {
      level[candidate] = 1.0;
      ++count;
      capacity += mModel.capacity[candidate];
      total += mValue[candidate];
    }
    else if ( status[candidate] == SingleSourceFixing::Free )
      order.push_back( candidate );
  }
  if ( mModel.maxOpen > 0 && count > mModel.maxOpen )
    return kInfinity;
  if ( count + order.size() < mModel.minOpen )
    return kInfinity;
  // By value, ties by index. Under a maximum only the candidates that may still open need their
  // order (the open ones are a prefix of it; probing calls this twice per candidate).
  const std::size_t ordered = mModel.maxOpen > 0 ? std::min<std::size_t>( order.size(), mModel.maxOpen - count ) : order.size();
  auto byValue = [&]( std::uint32_t a, std::uint32_t b ) { return mValue[a] < mValue[b] || ( mValue[a] == mValue[b] && a < b ); };
  if ( ordered < order.size() )
    std::partial_sort( order.begin(), order.begin() + static_cast<std::ptrdiff_t>( ordered ), order.end(), byValue );
  else
    std::sort( order.begin(), order.end(), byValue );
  std::vector<std::uint32_t> &rest = mRest;
  rest.clear();
  for ( std::uint32_t candidate : order )
  {
    const bool needed = count < mModel.minOpen;
    const bool allowed = mModel.maxOpen == 0 || count < mModel.maxOpen;
    if ( needed || ( allowed && mValue[candidate] < 0.0 ) )
    {
      level[candidate] = 1.0;
      ++count;
      capacity += mModel.capacity[candidate];
      total += mValue[candidate];
    }
    else
      rest.push_back( candidate );
  }
  if ( mModel.maxOpen > 0 || capacity >= mTotalDemand )
    return total;
  if ( mLinearCover )
  {
    auto perCapacity = [&]( std::uint32_t c ) { return mModel.capacity[c] > 0.0 ? mValue[c] / mModel.capacity[c] : kInfinity; };
    std::stable_sort( rest.begin(), rest.end(), [&]( std::uint32_t a, std::uint32_t b ) { return perCapacity( a ) < perCapacity( b ); } );
    for ( std::uint32_t candidate : rest )
    {
      if ( capacity >= mTotalDemand || mModel.capacity[candidate] <= 0.0 )
        break;
      level[candidate] = std::min( 1.0, ( mTotalDemand - capacity ) / mModel.capacity[candidate] );
      capacity += level[candidate] * mModel.capacity[candidate];
      total += level[candidate] * mValue[candidate];
    }
    return capacity < mTotalDemand * ( 1.0 - 1e-9 ) ? kInfinity : total;
  }
  // Open all the rest, then close the ones of largest value whose capacity is not needed: a
  // knapsack of value -value within the spare capacity.
  double restCapacity = 0.0;
  for ( std::uint32_t candidate : rest )
  {
    restCapacity += mModel.capacity[candidate];
    total += mValue[candidate];
    level[candidate] = 1.0;
  }
  const double spare = capacity + restCapacity - mTotalDemand;
  if ( spare < -1e-9 * std::max( 1.0, mTotalDemand ) )
    return kInfinity;
  mItemValue.clear();
  mItemWeight.clear();
  for ( std::uint32_t candidate : rest )
  {
    mItemValue.push_back( -mValue[candidate] );
    mItemWeight.push_back( mModel.capacity[candidate] );
  }
  mCover.solve( mItemValue, mItemWeight, std::max( 0.0, spare ), kCoverNodes );
  for ( std::size_t item = 0; item < rest.size(); ++item )
  {
    if ( mCover.chosen()[item] )
      level[rest[item]] = 0.0;
  }
  return total + mCover.bound();
}

double SingleSourceLagrangian::boundWith( std::uint32_t candidate, bool open )
{
  // The relaxed solution already agrees: it stays the minimum of the restricted choice (and the
  // unrestricted minimum is a valid bound where the cover knapsack stopped early).
  if ( mLevel[candidate] == ( open ? 1.0 : 0.0 ) )
    return mMultiplierSum + mOpenCost;
  const char saved = mStatus[candidate];
  mStatus[candidate] = open ? SingleSourceFixing::Open : SingleSourceFixing::Closed;
  const double openCost = chooseOpenSet( mStatus, mProbeLevel );
  mStatus[candidate] = saved;
  return openCost == kInfinity ? kInfinity : mMultiplierSum + openCost;
}

bool SingleSourceLagrangian::relaxedSolutionFeasible( std::vector<std::uint32_t> &assignment, double &objective ) const
{
  assignment.assign( mClients, kUnassigned );
  objective = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mCandidates; ++candidate )
  {
    if ( mLevel[candidate] != 0.0 && mLevel[candidate] != 1.0 )
      return false;
    if ( mLevel[candidate] == 0.0 )
      continue;
    objective += mModel.fixedCost[candidate];
    for ( std::uint32_t client : mChosen[candidate] )
    {
      if ( assignment[client] != kUnassigned )
        return false;
      assignment[client] = candidate;
      objective += costOf( client, candidate );
    }
  }
  return std::none_of( assignment.begin(), assignment.end(), []( std::uint32_t to ) { return to == kUnassigned; } );
}

} // namespace gf
