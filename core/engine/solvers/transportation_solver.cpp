#include "engine/solvers/transportation_solver.h"

#include <algorithm>
#include <limits>

namespace gf {

namespace {

constexpr std::uint32_t kNoNode = UINT32_MAX;
constexpr std::size_t kNoArc = SIZE_MAX;
constexpr double kEpsilon = 1e-9;

} // namespace

bool TransportationSolver::solve( const std::vector<double> &demand, const std::vector<double> &capacity,
                                  const std::vector<double> &unitCost, double forbidden )
{
  const std::size_t facilities = capacity.size();
  mDenseFirst.assign( 1, 0 );
  mDenseArcs.clear();
  for ( std::size_t client = 0; client < demand.size(); ++client )
  {
    const double *row = unitCost.data() + client * facilities;
    for ( std::size_t facility = 0; facility < facilities; ++facility )
    {
      if ( row[facility] < forbidden )
        mDenseArcs.push_back( { static_cast<std::uint32_t>( facility ), row[facility] } );
    }
    mDenseFirst.push_back( mDenseArcs.size() );
  }
  const bool routed = solve( demand, capacity, mDenseFirst, mDenseArcs );
  mFlow.assign( demand.size() * facilities, 0.0 );
  for ( std::size_t arc = 0; arc < mDenseArcs.size(); ++arc )
    mFlow[mArcClient[arc] * facilities + mDenseArcs[arc].facility] = mArcFlow[arc];
  return routed;
}

bool TransportationSolver::solve( const std::vector<double> &demand, const std::vector<double> &capacity,
                                  const std::vector<std::size_t> &arcFirst, const std::vector<Arc> &arcs )
{
  mClients = static_cast<std::uint32_t>( demand.size() );
  mFacilities = static_cast<std::uint32_t>( capacity.size() );
  mArcFirst = &arcFirst;
  mArcs = &arcs;
  mArcClient.resize( arcs.size() );
  for ( std::uint32_t client = 0; client < mClients; ++client )
    std::fill( mArcClient.begin() + static_cast<std::ptrdiff_t>( arcFirst[client] ),
               mArcClient.begin() + static_cast<std::ptrdiff_t>( arcFirst[client + 1] ), client );
  mArcFlow.assign( arcs.size(), 0.0 );
  mCapacity = capacity;
  mLoad.assign( mFacilities, 0.0 );
  mServed.resize( mFacilities );
  for ( std::vector<std::size_t> &served : mServed )
    served.clear();
  mPotential.assign( mFacilities + 1, 0.0 );
  mCost = 0.0;
  if ( !route( demand ) )
    return false;
  for ( std::size_t arc = 0; arc < arcs.size(); ++arc )
    mCost += mArcFlow[arc] > 0.0 ? mArcFlow[arc] * arcs[arc].unitCost : 0.0;
  return true;
}

bool TransportationSolver::route( const std::vector<double> &demand )
{
  double total = 0.0;
  for ( double value : demand )
    total += value;
  double room = 0.0;
  for ( double value : mCapacity )
    room += value;
  if ( room < total * ( 1.0 - kEpsilon ) - kEpsilon )
    return false;
  // Every client at its cheapest facility: no hop between facilities then has a negative
  // cost, so zero potentials are feasible for the first Dijkstra.
  const std::vector<Arc> &arcs = *mArcs;
  for ( std::uint32_t client = 0; client < mClients; ++client )
  {
    if ( demand[client] <= 0.0 )
      continue;
    std::size_t cheapest = kNoArc;
    for ( std::size_t arc = ( *mArcFirst )[client]; arc < ( *mArcFirst )[client + 1]; ++arc )
    {
      if ( cheapest == kNoArc || arcs[arc].unitCost < arcs[cheapest].unitCost )
        cheapest = arc;
    }
    if ( cheapest == kNoArc )
      return false;
    addFlow( cheapest, demand[client] );
  }
  for ( ;; )
  {
    bool overloaded = false;
    for ( std::uint32_t facility = 0; facility < mFacilities && !overloaded; ++facility )
      overloaded = mLoad[facility] > mCapacity[facility] + kEpsilon;
    if ( !overloaded )
      return true;
    if ( !augment() )
      return false;
  }
}

void TransportationSolver::addFlow( std::size_t arc, double amount )
{
  double &flow = mArcFlow[arc];
  const std::uint32_t facility = ( *mArcs )[arc].facility;
  if ( flow <= kEpsilon )
    mServed[facility].push_back( arc );
  flow += amount;
  mLoad[facility] += amount;
}

//! One shortest path from the overloaded facilities to the sink (through a facility with
//! spare capacity), then as much flow along it as its hops allow.
bool TransportationSolver::augment()
{
  const std::vector<Arc> &arcs = *mArcs;
  const std::uint32_t sink = mFacilities;
  const double infinity = std::numeric_limits<double>::infinity();
  mDistance.assign( mFacilities + 1, infinity );
  mPred.assign( mFacilities + 1, kNoNode );
  mPredArc.assign( mFacilities + 1, kNoArc );
  mPredFrom.assign( mFacilities + 1, kNoArc );
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
    // Hops: move part of a client that \a node serves to another of its facilities.
    std::vector<std::size_t> &served = mServed[node];
    for ( std::size_t k = 0; k < served.size(); )
    {
      const std::size_t from = served[k];
      if ( mArcFlow[from] <= kEpsilon )
      {
        served[k] = served.back();
        served.pop_back();
        continue;
      }
      ++k;
      const std::uint32_t client = mArcClient[from];
      const double base = reached - arcs[from].unitCost;
      for ( std::size_t arc = ( *mArcFirst )[client]; arc < ( *mArcFirst )[client + 1]; ++arc )
      {
        const std::uint32_t next = arcs[arc].facility;
        if ( mDone[next] )
          continue;
        const double value = base + arcs[arc].unitCost - mPotential[next];
        if ( value < mDistance[next] )
        {
          mDistance[next] = value;
          mPred[next] = node;
          mPredArc[next] = arc;
          mPredFrom[next] = from;
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
    amount = std::min( amount, mArcFlow[mPredFrom[node]] );
    node = mPred[node];
  }
  amount = std::min( amount, mLoad[node] - mCapacity[node] );
  node = last;
  while ( mPred[node] != kNoNode )
  {
    const std::uint32_t from = mPred[node];
    mArcFlow[mPredFrom[node]] -= amount;
    mLoad[from] -= amount;
    addFlow( mPredArc[node], amount );
    node = from;
  }
  return true;
}

} // namespace gf
