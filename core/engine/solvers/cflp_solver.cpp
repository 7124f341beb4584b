#include "engine/solvers/cflp_solver.h"

#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/random_source.h"
#include "engine/solvers/transportation_solver.h"
#include "engine/solvers/uflp_solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

namespace gf {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kInfeasible = std::numeric_limits<double>::infinity();

//! Above this many candidates a swap only brings in one of the candidates whose costs are
//! most like those of the one it replaces: every move costs a transportation solve.
constexpr std::uint32_t kFullSwapCandidates = 64;
constexpr std::uint32_t kSwapPartners = 12;

class CflpSearch
{
  public:
    CflpSearch( const CflpProblem &problem, const CflpOptions &options, ProgressSink &progress, const LocationSiteRules &rules,
                std::vector<std::uint32_t> clients )
      : mProblem( problem )
      , mLocation( problem.location )
      , mOptions( options )
      , mProgress( progress )
      , mRules( rules )
      , mClients( std::move( clients ) )
      , mDeadline( Clock::now() + std::chrono::duration_cast<Clock::duration>( std::chrono::duration<double>( options.timeLimitS ) ) )
    {
      for ( std::uint32_t client : mClients )
        mTotalDemand += mProblem.demand[client];
      findSwapPartners();
    }

    CflpSolution run();

  private:
    double weighted( std::uint32_t client, std::uint32_t candidate ) const
    {
      return mLocation.weightOf( client ) * mLocation.costAt( client, candidate );
    }
    bool stopRequested()
    {
      mCanceled = mCanceled || mProgress.isCanceled();
      return mCanceled || Clock::now() > mDeadline;
    }
    bool isProven() const { return mBestObjective - mLowerBound <= 1e-6 + 1e-9 * std::fabs( mBestObjective ); }
    void findSwapPartners();
    std::vector<char> uncapacitatedStart();
    void repairCapacity( std::vector<char> &isOpen ) const;
    double openCapacity( const std::vector<char> &isOpen ) const;
    double evaluate( const std::vector<char> &isOpen );
    bool tryMove( std::vector<char> &isOpen, double &value, std::uint32_t in, std::uint32_t out );
    void descend( std::vector<char> &isOpen, double &value );
    void perturb( RandomSource &random, std::uint32_t flips, std::vector<char> &isOpen );
    std::vector<char> computeBound();
    CflpSolution buildSolution();

    const CflpProblem &mProblem;
    const LocationProblem &mLocation;
    const CflpOptions &mOptions;
    ProgressSink &mProgress;
    const LocationSiteRules &mRules;
    std::vector<std::uint32_t> mClients;   //!< clients with positive demand
    Clock::time_point mDeadline;
    double mTotalDemand = 0.0;
    TransportationSolver mTransport;
    std::vector<double> mUnitCost;
    std::vector<std::vector<std::uint32_t>> mSwapPartners;   //!< per candidate: eligible candidates to swap in
    std::vector<char> mBest;
    double mBestObjective = kInfeasible;
    double mLowerBound = 0.0;
    bool mCanceled = false;
};

void CflpSearch::findSwapPartners()
{
  const std::uint32_t m = mLocation.candidateCount;
  mSwapPartners.assign( m, {} );
  std::vector<double> distance( m, 0.0 );
  for ( std::uint32_t out = 0; out < m; ++out )
  {
    if ( !mRules.eligible[out] || mRules.fixedOpen[out] )
      continue;
    std::vector<std::uint32_t> &partners = mSwapPartners[out];
    for ( std::uint32_t in = 0; in < m; ++in )
    {
      if ( in == out || !mRules.eligible[in] )
        continue;
      partners.push_back( in );
      distance[in] = 0.0;
      for ( std::uint32_t client : mClients )
      {
        const double a = mLocation.costAt( client, out );
        const double b = mLocation.costAt( client, in );
        distance[in] += isAllowedCost( a ) && isAllowedCost( b ) ? std::fabs( a - b ) : kForbiddenAssignment;
      }
    }
    if ( m > kFullSwapCandidates && partners.size() > kSwapPartners )
    {
      std::stable_sort( partners.begin(), partners.end(), [&]( std::uint32_t a, std::uint32_t b ) { return distance[a] < distance[b]; } );
      partners.resize( kSwapPartners );
    }
  }
}

//! The uncapacitated optimum over the same costs, with capacity added where it falls short.
std::vector<char> CflpSearch::uncapacitatedStart()
{
  UflpProblem uncapacitated{ mLocation, mProblem.fixedCost };
  UflpOptions options;
  options.seed = mOptions.seed;
  options.timeLimitS = std::max( 0.0, 0.2 * std::chrono::duration<double>( mDeadline - Clock::now() ).count() );
  ProgressPhase phase( mProgress, 0.0, 0.1 );
  std::vector<char> isOpen( mLocation.candidateCount, 0 );
  const Result<LocationSolution> result = solveUflp( uncapacitated, options, phase );
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
  for ( std::uint32_t candidate = 0; candidate < mLocation.candidateCount; ++candidate )
  {
    if ( mRules.eligible[candidate] && !isOpen[candidate] && mProblem.capacity[candidate] > 0.0 )
      closed.push_back( candidate );
  }
  auto perCapacity = [&]( std::uint32_t c ) { return mProblem.fixedCost[c] / mProblem.capacity[c]; };
  std::stable_sort( closed.begin(), closed.end(), [&]( std::uint32_t a, std::uint32_t b ) { return perCapacity( a ) < perCapacity( b ); } );
  double capacity = openCapacity( isOpen );
  for ( std::uint32_t candidate : closed )
  {
    if ( capacity >= mTotalDemand )
      break;
    isOpen[candidate] = 1;
    capacity += mProblem.capacity[candidate];
  }
}

double CflpSearch::openCapacity( const std::vector<char> &isOpen ) const
{
  double total = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mLocation.candidateCount; ++candidate )
    total += isOpen[candidate] ? mProblem.capacity[candidate] : 0.0;
  return total;
}

//! Fixed costs plus the optimal transportation cost, or infinity when the demand does not fit.
double CflpSearch::evaluate( const std::vector<char> &isOpen )
{
  std::vector<std::uint32_t> open;
  std::vector<double> capacity;
  double value = 0.0;
  for ( std::uint32_t candidate = 0; candidate < mLocation.candidateCount; ++candidate )
  {
    if ( isOpen[candidate] )
    {
      open.push_back( candidate );
      capacity.push_back( mProblem.capacity[candidate] );
      value += mProblem.fixedCost[candidate];
    }
  }
  if ( std::accumulate( capacity.begin(), capacity.end(), 0.0 ) < mTotalDemand * ( 1.0 - 1e-12 ) )
    return kInfeasible;
  std::vector<double> demand;
  mUnitCost.clear();
  for ( std::uint32_t client : mClients )
  {
    demand.push_back( mProblem.demand[client] );
    for ( std::uint32_t candidate : open )
    {
      const double cost = mLocation.costAt( client, candidate );
      mUnitCost.push_back( isAllowedCost( cost ) ? weighted( client, candidate ) / mProblem.demand[client] : kForbiddenAssignment );
    }
  }
  if ( !mTransport.solve( demand, capacity, mUnitCost, kForbiddenAssignment ) )
    return kInfeasible;
  return value + mTransport.cost();
}

//! Toggles \a in and/or \a out (UINT32_MAX for none) and keeps the change if it lowers \a value.
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

//! First-improvement descent: drops, then adds, then swaps.
void CflpSearch::descend( std::vector<char> &isOpen, double &value )
{
  const std::uint32_t m = mLocation.candidateCount;
  bool improved = true;
  while ( improved && !stopRequested() )
  {
    improved = false;
    for ( std::uint32_t out = 0; out < m && !improved; ++out )
    {
      if ( isOpen[out] && !mRules.fixedOpen[out] )
        improved = tryMove( isOpen, value, kUnassigned, out );
    }
    for ( std::uint32_t in = 0; in < m && !improved; ++in )
    {
      if ( !isOpen[in] && mRules.eligible[in] )
        improved = tryMove( isOpen, value, in, kUnassigned );
    }
    for ( std::uint32_t out = 0; out < m && !improved && !stopRequested(); ++out )
    {
      if ( !isOpen[out] || mRules.fixedOpen[out] )
        continue;
      for ( std::uint32_t in : mSwapPartners[out] )
      {
        if ( !isOpen[in] && ( improved = tryMove( isOpen, value, in, out ) ) )
          break;
      }
    }
  }
}

//! Toggles random free candidates, then restores enough capacity.
void CflpSearch::perturb( RandomSource &random, std::uint32_t flips, std::vector<char> &isOpen )
{
  const std::uint32_t m = mLocation.candidateCount;
  for ( std::uint32_t flip = 0, attempts = 0; flip < flips && attempts < 10 * flips; ++attempts )
  {
    const std::uint32_t candidate = random.below( m );
    if ( mRules.eligible[candidate] && !mRules.fixedOpen[candidate] )
    {
      isOpen[candidate] = !isOpen[candidate];
      ++flip;
    }
  }
  repairCapacity( isOpen );
}

//! Subgradient optimisation of the Lagrangian bound; returns the open set of the relaxed
//! solution at the best multipliers (rounded up to integral candidates).
std::vector<char> CflpSearch::computeBound()
{
  const std::uint32_t m = mLocation.candidateCount;
  std::vector<double> multiplier( mLocation.clientCount, 0.0 );
  for ( std::uint32_t client : mClients )
  {
    // Start at each client's cheapest possible service.
    double cheapest = kForbiddenAssignment;
    for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
    {
      if ( mRules.eligible[candidate] && isAllowedCost( mLocation.costAt( client, candidate ) ) )
        cheapest = std::min( cheapest, weighted( client, candidate ) );
    }
    multiplier[client] = cheapest;
  }
  std::vector<double> share( static_cast<std::size_t>( mLocation.clientCount ) * m, 0.0 );
  std::vector<double> facilityValue( m, 0.0 );
  std::vector<double> openLevel( m, 0.0 );
  std::vector<double> subgradient( mLocation.clientCount, 0.0 );
  std::vector<std::uint32_t> items;
  std::vector<std::uint32_t> order;
  std::vector<char> boundOpen( m, 0 );
  double scale = 2.0;
  std::uint32_t sinceImprovement = 0;
  mLowerBound = 0.0;
  for ( std::uint32_t iteration = 0; iteration < 2000 && !stopRequested(); ++iteration )
  {
    double value = 0.0;
    for ( std::uint32_t client : mClients )
      value += multiplier[client];
    // Per candidate: the best fractional use of its capacity at the current multipliers.
    for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
    {
      openLevel[candidate] = 0.0;
      if ( !mRules.eligible[candidate] )
        continue;
      items.clear();
      for ( std::uint32_t client : mClients )
      {
        share[static_cast<std::size_t>( client ) * m + candidate] = 0.0;
        const double cost = mLocation.costAt( client, candidate );
        if ( isAllowedCost( cost ) && weighted( client, candidate ) < multiplier[client] )
          items.push_back( client );
      }
      auto ratio = [&]( std::uint32_t client ) {
        return ( weighted( client, candidate ) - multiplier[client] ) / mProblem.demand[client];
      };
      std::sort( items.begin(), items.end(), [&]( std::uint32_t a, std::uint32_t b ) { return ratio( a ) < ratio( b ) || ( ratio( a ) == ratio( b ) && a < b ); } );
      double room = mProblem.capacity[candidate];
      double total = mProblem.fixedCost[candidate];
      for ( std::uint32_t client : items )
      {
        if ( room <= 0.0 )
          break;
        const double fraction = std::min( 1.0, room / mProblem.demand[client] );
        room -= fraction * mProblem.demand[client];
        total += fraction * ( weighted( client, candidate ) - multiplier[client] );
        share[static_cast<std::size_t>( client ) * m + candidate] = fraction;
      }
      facilityValue[candidate] = total;
    }
    // Open the profitable candidates, then cover the total demand at the least value per capacity.
    double capacity = 0.0;
    order.clear();
    for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
    {
      if ( !mRules.eligible[candidate] )
        continue;
      if ( mRules.fixedOpen[candidate] || facilityValue[candidate] < 0.0 )
      {
        openLevel[candidate] = 1.0;
        capacity += mProblem.capacity[candidate];
        value += facilityValue[candidate];
      }
      else if ( mProblem.capacity[candidate] > 0.0 )
        order.push_back( candidate );
    }
    auto perCapacity = [&]( std::uint32_t c ) { return facilityValue[c] / mProblem.capacity[c]; };
    std::sort( order.begin(), order.end(), [&]( std::uint32_t a, std::uint32_t b ) { return perCapacity( a ) < perCapacity( b ) || ( perCapacity( a ) == perCapacity( b ) && a < b ); } );
    for ( std::uint32_t candidate : order )
    {
      if ( capacity >= mTotalDemand )
        break;
      const double level = std::min( 1.0, ( mTotalDemand - capacity ) / mProblem.capacity[candidate] );
      openLevel[candidate] = level;
      capacity += level * mProblem.capacity[candidate];
      value += level * facilityValue[candidate];
    }
    if ( value > mLowerBound )
    {
      mLowerBound = value;
      for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
        boundOpen[candidate] = openLevel[candidate] > 0.0 ? 1 : 0;
      sinceImprovement = 0;
    }
    else if ( ++sinceImprovement >= 30 )
    {
      scale *= 0.5;
      sinceImprovement = 0;
    }
    if ( isProven() || scale < 1e-5 )
      break;
    double norm = 0.0;
    for ( std::uint32_t client : mClients )
    {
      double served = 0.0;
      for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
        served += openLevel[candidate] * share[static_cast<std::size_t>( client ) * m + candidate];
      subgradient[client] = 1.0 - served;
      norm += subgradient[client] * subgradient[client];
    }
    if ( norm < 1e-18 )
      break;
    const double step = scale * ( mBestObjective - value ) / norm;
    for ( std::uint32_t client : mClients )
      multiplier[client] += step * subgradient[client];
  }
  return boundOpen;
}

CflpSolution CflpSearch::run()
{
  std::vector<char> isOpen = uncapacitatedStart();
  double value = evaluate( isOpen );
  if ( !std::isfinite( value ) )
  {
    // Some client reaches too little of the open capacity: start from everything open.
    isOpen = mRules.eligible;
    value = evaluate( isOpen );
  }
  descend( isOpen, value );
  mBest = isOpen;
  mBestObjective = value;
  mProgress.setProgress( 0.2 );
  if ( stopRequested() || !std::isfinite( mBestObjective ) )
    return buildSolution();
  std::vector<char> relaxed = computeBound();
  RandomSource random( mOptions.seed );
  if ( !isProven() && !stopRequested() )
  {
    // The relaxed open set is a good start once its capacity is repaired.
    repairCapacity( relaxed );
    double relaxedValue = evaluate( relaxed );
    descend( relaxed, relaxedValue );
    if ( relaxedValue < mBestObjective )
    {
      mBest = relaxed;
      mBestObjective = relaxedValue;
    }
  }
  const std::uint32_t iterations = mOptions.maxIterations > 0 ? mOptions.maxIterations : 30;
  std::uint32_t flips = 1;
  for ( std::uint32_t iteration = 0; iteration < iterations && !isProven() && !stopRequested(); ++iteration )
  {
    mProgress.setProgress( 0.4 + 0.6 * iteration / iterations );
    isOpen = mBest;
    perturb( random, flips, isOpen );
    value = evaluate( isOpen );
    descend( isOpen, value );
    if ( value < mBestObjective - 1e-9 * std::max( 1.0, value ) )
    {
      mBest = isOpen;
      mBestObjective = value;
      flips = 1;
    }
    else
      flips = flips >= 4 ? 1 : flips + 1;
  }
  mProgress.setProgress( 1.0 );
  return buildSolution();
}

CflpSolution CflpSearch::buildSolution()
{
  const std::uint32_t m = mLocation.candidateCount;
  CflpSolution solution;
  LocationSolution &location = solution.location;
  solution.share.assign( static_cast<std::size_t>( mLocation.clientCount ) * m, 0.0 );
  location.objective = evaluate( mBest );
  std::vector<std::uint32_t> open;
  for ( std::uint32_t candidate = 0; candidate < m; ++candidate )
  {
    if ( mBest[candidate] )
      open.push_back( candidate );
  }
  location.open = open;
  location.assignment.assign( mLocation.clientCount, kUnassigned );
  for ( std::size_t row = 0; row < mClients.size(); ++row )
  {
    const std::uint32_t client = mClients[row];
    double largest = 0.0;
    for ( std::size_t slot = 0; slot < open.size(); ++slot )
    {
      const double fraction = mTransport.flow()[row * open.size() + slot] / mProblem.demand[client];
      solution.share[static_cast<std::size_t>( client ) * m + open[slot]] = fraction;
      if ( fraction > largest )
      {
        largest = fraction;
        location.assignment[client] = open[slot];
      }
    }
  }
  location.lowerBound = std::min( mLowerBound, location.objective );
  location.provenOptimal = isProven();
  location.canceled = mCanceled;
  return solution;
}

} // namespace

Result<CflpSolution> solveCflp( const CflpProblem &problem, const CflpOptions &options, ProgressSink &progress )
{
  Result<LocationSiteRules> rules = checkLocationProblem( problem.location );
  if ( !rules )
    return rules.error();
  const Error invalid = checkCapacitatedData( problem.location, *rules, &problem.fixedCost, problem.capacity, problem.demand );
  if ( invalid.code != ErrorCode::Ok )
    return invalid;
  std::vector<std::uint32_t> clients;
  for ( std::uint32_t client = 0; client < problem.location.clientCount; ++client )
  {
    if ( problem.demand[client] > 0.0 )
      clients.push_back( client );
  }
  CflpSearch search( problem, options, progress, *rules, std::move( clients ) );
  CflpSolution solution = search.run();
  // All eligible candidates open and still no routing: some client reaches too little capacity.
  if ( !std::isfinite( solution.location.objective ) )
    return makeError( ErrorCode::CapacityBelowDemand );
  return solution;
}

} // namespace gf
