#include "engine/solvers/transportation_solver.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace gf {

namespace {

constexpr std::uint32_t kNoNode = UINT32_MAX;
constexpr double kEpsilon = 1e-9;

} // namespace

bool TransportationSolver::solve( const std::vector<double> &demand, const std::vector<double> &capacity,
                                  const std::vector<double> &unitCost, double forbidden )
{
  mClients = static_cast<std::uint32_t>( demand.size() );
  mFacilities = static_cast<std::uint32_t>( capacity.size() );
  mFlow.assign( static_cast<std::size_t>( mClients ) * mFacilities, 0.0 );
  mSupply = demand;
  mSpare = capacity;
  mPotential.assign( mClients + mFacilities, 0.0 );
  mCost = 0.0;
  double total = 0.0;
  for ( double value : demand )
    total += value;
  double room = 0.0;
  for ( double value : capacity )
    room += value;
  if ( room < total * ( 1.0 - kEpsilon ) - kEpsilon )
    return false;
  while ( std::any_of( mSupply.begin(), mSupply.end(), []( double s ) { return s > kEpsilon; } ) )
  {
    if ( !augment( unitCost, forbidden ) )
      return false;
  }
  return true;
}

//! One shortest path from any client with demand left to any facility with capacity left.
bool TransportationSolver::augment( const std::vector<double> &unitCost, double forbidden )
{
  const std::uint32_t nodes = mClients + mFacilities;
  const double infinity = std::numeric_limits<double>::infinity();
  mDistance.assign( nodes, infinity );
  mPred.assign( nodes, kNoNode );
  mDone.assign( nodes, 0 );
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( mSupply[client] > kEpsilon )
    {
      mDistance[client] = 0.0;
      queue.push( { 0.0, client } );
    }
  }
  std::uint32_t target = kNoNode;
  while ( !queue.empty() )
  {
    const auto [distance, node] = queue.top();
    queue.pop();
    if ( mDone[node] )
      continue;
    mDone[node] = 1;
    if ( node >= mClients )
    {
      const std::uint32_t facility = node - mClients;
      if ( mSpare[facility] > kEpsilon )
      {
        target = node;
        break;
      }
      // Reverse arcs: take flow back from a client this facility serves.
      for ( std::uint32_t client = 0; client < mClients; ++client )
      {
        const std::size_t at = static_cast<std::size_t>( client ) * mFacilities + facility;
        if ( mFlow[at] <= kEpsilon || mDone[client] )
          continue;
        const double next = distance - unitCost[at] + mPotential[node] - mPotential[client];
        if ( next < mDistance[client] )
        {
          mDistance[client] = next;
          mPred[client] = node;
          queue.push( { next, client } );
        }
      }
      continue;
    }
    for ( std::uint32_t facility = 0; facility < mFacilities; ++facility )
    {
      const std::size_t at = static_cast<std::size_t>( node ) * mFacilities + facility;
      const std::uint32_t next = mClients + facility;
      if ( unitCost[at] >= forbidden || mDone[next] )
        continue;
      const double value = distance + unitCost[at] + mPotential[node] - mPotential[next];
      if ( value < mDistance[next] )
      {
        mDistance[next] = value;
        mPred[next] = node;
        queue.push( { value, next } );
      }
    }
  }
  if ( target == kNoNode )
    return false;
  const double reach = mDistance[target];
  for ( std::uint32_t node = 0; node < nodes; ++node )
    mPotential[node] += std::min( mDistance[node], reach );

  // Bottleneck along the path, then push.
  double amount = mSpare[target - mClients];
  std::uint32_t node = target;
  while ( mPred[node] != kNoNode )
  {
    const std::uint32_t from = mPred[node];
    if ( from >= mClients )
      amount = std::min( amount, mFlow[static_cast<std::size_t>( node ) * mFacilities + ( from - mClients )] );
    node = from;
  }
  amount = std::min( amount, mSupply[node] );
  mSupply[node] -= amount;
  mSpare[target - mClients] -= amount;
  node = target;
  while ( mPred[node] != kNoNode )
  {
    const std::uint32_t from = mPred[node];
    if ( from >= mClients )
    {
      const std::size_t at = static_cast<std::size_t>( node ) * mFacilities + ( from - mClients );
      mFlow[at] -= amount;
      mCost -= amount * unitCost[at];
    }
    else
    {
      const std::size_t at = static_cast<std::size_t>( from ) * mFacilities + ( node - mClients );
      mFlow[at] += amount;
      mCost += amount * unitCost[at];
    }
    node = from;
  }
  return true;
}

} // namespace gf
