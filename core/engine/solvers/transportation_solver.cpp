#include "engine/solvers/transportation_solver.h"

#include <algorithm>
#include <limits>

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
  mCapacity = capacity;
  mLoad.assign( mFacilities, 0.0 );
  mServed.resize( mFacilities );
  for ( std::vector<std::uint32_t> &served : mServed )
    served.clear();
  mPotential.assign( mFacilities + 1, 0.0 );
  mCost = 0.0;
  double total = 0.0;
  for ( double value : demand )
    total += value;
  double room = 0.0;
  for ( double value : capacity )
    room += value;
  if ( room < total * ( 1.0 - kEpsilon ) - kEpsilon )
    return false;
  // Every client at its cheapest facility: no hop between facilities then has a negative
  // cost, so zero potentials are feasible for the first Dijkstra.
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( demand[client] <= 0.0 )
      continue;
    const double *row = unitCost.data() + static_cast<std::size_t>( client ) * mFacilities;
    std::uint32_t cheapest = kNoNode;
    for ( std::uint32_t facility = 0; facility < mFacilities; ++facility )
    {
      if ( row[facility] < forbidden && ( cheapest == kNoNode || row[facility] < row[cheapest] ) )
        cheapest = facility;
    }
    if ( cheapest == kNoNode )
      return false;
    addFlow( client, cheapest, demand[client] );
  }
  for ( ;; )
  {
    bool overloaded = false;
    for ( std::uint32_t facility = 0; facility < mFacilities && !overloaded; ++facility )
      overloaded = mLoad[facility] > mCapacity[facility] + kEpsilon;
    if ( !overloaded )
      break;
    if ( !augment( unitCost, forbidden ) )
      return false;
  }
  for ( std::size_t at = 0; at < mFlow.size(); ++at )
    mCost += mFlow[at] > 0.0 ? mFlow[at] * unitCost[at] : 0.0;
  return true;
}

void TransportationSolver::addFlow( std::uint32_t client, std::uint32_t facility, double amount )
{
  double &flow = mFlow[static_cast<std::size_t>( client ) * mFacilities + facility];
  if ( flow <= kEpsilon )
    mServed[facility].push_back( client );
  flow += amount;
  mLoad[facility] += amount;
}

//! One shortest path from the overloaded facilities to the sink (through a facility with
//! spare capacity), then as much flow along it as its hops allow.
bool TransportationSolver::augment( const std::vector<double> &unitCost, double forbidden )
{
  const std::uint32_t sink = mFacilities;
  const double infinity = std::numeric_limits<double>::infinity();
  mDistance.assign( mFacilities + 1, infinity );
  mPred.assign( mFacilities + 1, kNoNode );
  mPredClient.assign( mFacilities + 1, kNoNode );
  mDone.assign( mFacilities + 1, 0 );
  for ( std::uint32_t facility = 0; facility < mFacilities; ++facility )
  {
    if ( mLoad[facility] > mCapacity[facility] + kEpsilon )
      mDistance[facility] = 0.0;
  }
  for ( ;; )
  {
    std::uint32_t node = kNoNode;
    for ( std::uint32_t v = 0; v <= mFacilities; ++v )
    {
      if ( !mDone[v] && mDistance[v] < infinity && ( node == kNoNode || mDistance[v] < mDistance[node] ) )
        node = v;
    }
    if ( node == kNoNode )
      return false;
    mDone[node] = 1;
    if ( node == sink )
      break;
    const double reached = mDistance[node] + mPotential[node];
    if ( mLoad[node] < mCapacity[node] - kEpsilon && !mDone[sink] )
    {
      const double value = reached - mPotential[sink];
      if ( value < mDistance[sink] )
      {
        mDistance[sink] = value;
        mPred[sink] = node;
      }
    }
    // Hops: move part of a client that \a node serves to another facility.
    std::vector<std::uint32_t> &served = mServed[node];
    for ( std::size_t k = 0; k < served.size(); )
    {
      const std::uint32_t client = served[k];
      const double *row = unitCost.data() + static_cast<std::size_t>( client ) * mFacilities;
      if ( mFlow[static_cast<std::size_t>( client ) * mFacilities + node] <= kEpsilon )
      {
        served[k] = served.back();
        served.pop_back();
        continue;
      }
      ++k;
      const double base = reached - row[node];
      for ( std::uint32_t next = 0; next < mFacilities; ++next )
      {
        if ( mDone[next] || row[next] >= forbidden )
          continue;
        const double value = base + row[next] - mPotential[next];
        if ( value < mDistance[next] )
        {
          mDistance[next] = value;
          mPred[next] = node;
          mPredClient[next] = client;
        }
      }
    }
  }
  const double reach = mDistance[sink];
  for ( std::uint32_t v = 0; v <= mFacilities; ++v )
    mPotential[v] += std::min( mDistance[v], reach );

  // Bottleneck: the source's overload, the last facility's spare capacity, every moved share.
  std::uint32_t last = mPred[sink];
  double amount = mCapacity[last] - mLoad[last];
  std::uint32_t node = last;
  while ( mPred[node] != kNoNode )
  {
    const std::uint32_t from = mPred[node];
    amount = std::min( amount, mFlow[static_cast<std::size_t>( mPredClient[node] ) * mFacilities + from] );
    node = from;
  }
  amount = std::min( amount, mLoad[node] - mCapacity[node] );
  node = last;
  while ( mPred[node] != kNoNode )
  {
    const std::uint32_t from = mPred[node];
    const std::uint32_t client = mPredClient[node];
    mFlow[static_cast<std::size_t>( client ) * mFacilities + from] -= amount;
    mLoad[from] -= amount;
    addFlow( client, node, amount );
    node = from;
  }
  return true;
}

} // namespace gf
