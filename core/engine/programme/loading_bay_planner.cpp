#include "engine/programme/loading_bay_planner.h"

#include "engine/landuse/polygon_grid.h"
#include "engine/landuse/segment_grid.h"
#include "engine/solvers/mclp_solver.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace gf {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
//! Largest dense client × position matrix handed to the maximal covering solver.
constexpr std::size_t kMaxMclpEntries = 4'000'000;
constexpr double kGainEpsilon = 1e-9;
//! The covering model only tightens the bound and seeds a second start: keep it short.
constexpr double kMclpTimeLimitS = 2.0;

//! Minutes of a window as half-open intervals within one day; empty = all day.
std::vector<std::pair<int, int>> windowIntervals( const TimeWindow &window )
{
  if ( window.isEmpty() )
    return { { 0, kMinutesPerDay } };
  const int start = ( ( window.startMin % kMinutesPerDay ) + kMinutesPerDay ) % kMinutesPerDay;
  const int end = ( ( window.endMin % kMinutesPerDay ) + kMinutesPerDay ) % kMinutesPerDay;
  if ( start < end )
    return { { start, end } };
  return { { start, kMinutesPerDay }, { 0, end } };
}

double polylineLength( const std::vector<PointXY> &points )
{
  double length = 0.0;
  for ( std::size_t i = 1; i < points.size(); ++i )
    length += std::hypot( points[i].x - points[i - 1].x, points[i].y - points[i - 1].y );
  return length;
}

//! The part of a polyline between arc lengths \a from and \a to (from <= to), as points.
std::vector<PointXY> subLine( const std::vector<PointXY> &points, double from, double to )
{
  std::vector<PointXY> line;
  double start = 0.0;
  for ( std::size_t i = 1; i < points.size(); ++i )
  {
    const PointXY &a = points[i - 1], &b = points[i];
    const double length = std::hypot( b.x - a.x, b.y - a.y );
    const double end = start + length;
    if ( length > 0.0 && end >= from && start <= to )
    {
      auto at = [&]( double s ) {
        const double t = std::clamp( ( s - start ) / length, 0.0, 1.0 );
        return PointXY{ a.x + t * ( b.x - a.x ), a.y + t * ( b.y - a.y ) };
      };
      if ( line.empty() )
        line.push_back( at( from ) );
      if ( end < to )
        line.push_back( b );
      else
      {
        line.push_back( at( to ) );
        break;
      }
    }
    start = end;
  }
  return line;
}

struct Position
{
  std::uint32_t road = 0;
  double alongM = 0.0;
  PointXY point;
};

//! Incremental state of one bay selection: coverage counts and spacing blocks.
class Selection
{
  public:
    Selection( const std::vector<std::vector<std::uint32_t>> &cover, const std::vector<std::vector<std::uint32_t>> &conflicts,
               const std::vector<double> &weight )
      : mCover( cover )
      , mConflicts( conflicts )
      , mWeight( weight )
      , mCount( weight.size(), 0 )
      , mBlocked( cover.size(), 0 )
      , mChosen( cover.size(), 0 )
    {
    }

    bool feasible( std::uint32_t j ) const { return !mChosen[j] && mBlocked[j] == 0; }

    double gain( std::uint32_t j ) const
    {
      double sum = 0.0;
      for ( std::uint32_t client : mCover[j] )
        sum += mCount[client] == 0 ? mWeight[client] : 0.0;
      return sum;
    }

    double loss( std::uint32_t j ) const
    {
      double sum = 0.0;
      for ( std::uint32_t client : mCover[j] )
        sum += mCount[client] == 1 ? mWeight[client] : 0.0;
      return sum;
    }

    void add( std::uint32_t j )
    {
      mCovered += gain( j );
      for ( std::uint32_t client : mCover[j] )
        ++mCount[client];
      for ( std::uint32_t other : mConflicts[j] )
        ++mBlocked[other];
      mChosen[j] = 1;
      mOpen.push_back( j );
    }

    void remove( std::uint32_t j )
    {
      mCovered -= loss( j );
      for ( std::uint32_t client : mCover[j] )
        --mCount[client];
      for ( std::uint32_t other : mConflicts[j] )
        --mBlocked[other];
      mChosen[j] = 0;
      mOpen.erase( std::find( mOpen.begin(), mOpen.end(), j ) );
    }

    //! Feasible position of largest gain (then largest standalone weight, then lowest index).
    std::uint32_t bestAddition( const std::vector<double> &standalone, double &bestGain ) const
    {
      std::uint32_t best = kNoIndex;
      bestGain = -1.0;
      for ( std::uint32_t j = 0; j < mCover.size(); ++j )
      {
        if ( !feasible( j ) )
          continue;
        const double g = gain( j );
        if ( g > bestGain + kGainEpsilon || ( g > bestGain - kGainEpsilon && best != kNoIndex && standalone[j] > standalone[best] + kGainEpsilon ) )
        {
          best = j;
          bestGain = g;
        }
      }
      return best;
    }

    //! Best swaps until none improves (each pass tries every open bay in turn).
    bool improveBySwaps( const std::vector<double> &standalone, ProgressSink &progress )
    {
      for ( int pass = 0; pass < 100; ++pass )
      {
        bool improved = false;
        const std::vector<std::uint32_t> open = mOpen;
        for ( std::uint32_t i : open )
        {
          if ( progress.isCanceled() )
            return false;
          const double lost = loss( i );
          remove( i );
          double gained = 0.0;
          const std::uint32_t j = bestAddition( standalone, gained );
          if ( j != kNoIndex && j != i && gained > lost + kGainEpsilon )
          {
            add( j );
            improved = true;
          }
          else
            add( i );
        }
        if ( !improved )
          break;
      }
      return true;
    }

    const std::vector<std::uint32_t> &open() const { return mOpen; }
    double covered() const { return mCovered; }

  private:
    const std::vector<std::vector<std::uint32_t>> &mCover;
    const std::vector<std::vector<std::uint32_t>> &mConflicts;
    const std::vector<double> &mWeight;
    std::vector<std::uint32_t> mCount;
    std::vector<std::uint32_t> mBlocked;
    std::vector<char> mChosen;
    std::vector<std::uint32_t> mOpen;
    double mCovered = 0.0;
};

} // namespace

bool timeWindowsOverlap( const TimeWindow &a, const TimeWindow &b )
{
  for ( const auto &[aStart, aEnd] : windowIntervals( a ) )
  {
    for ( const auto &[bStart, bEnd] : windowIntervals( b ) )
    {
      if ( aStart < bEnd && bStart < aEnd )
        return true;
    }
  }
  return false;
}

bool roadAllowsLoadingBays( const RoadSegmentInput &road, const LoadingBayParameters &parameters )
{
  const bool classAllowed = road.roadClass == RoadClass::Arterial || road.roadClass == RoadClass::Branch
                            || ( parameters.allowCollector && road.roadClass == RoadClass::Collector );
  if ( !classAllowed )
    return false;
  return !( road.truckRestricted && timeWindowsOverlap( road.truckWindow, parameters.window ) );
}

Result<LoadingBayPlan> planLoadingBays( const Scenario &scenario, const LandUseTable &table, const LoadingBayParameters &parameters,
                                        ProgressSink &progress )
{
  if ( !( parameters.positionStepM > 0.0 ) )
    return makeError( ErrorCode::InvalidArgument, "positionStepM" );
  if ( !( parameters.walkingDistanceM >= 0.0 ) || !( parameters.bayLengthM >= 0.0 ) || !( parameters.minSpacingM >= 0.0 ) )
    return makeError( ErrorCode::InvalidArgument, "walkingDistanceM" );

  LoadingBayPlan plan;
  plan.targetCount = parameters.targetCount;

  // Indexes: commercial parcels, restricted zones active in the bay window, demand points.
  std::vector<const Polygon *> commercial;
  for ( const LandParcel &parcel : scenario.parcels )
  {
    if ( table.isCommercial( parcel.landUseCode, parcel.landUseSystem ) )
      commercial.push_back( &parcel.shape );
  }
  const PolygonGrid commercialGrid( commercial );
  std::vector<const Polygon *> zones;
  for ( const RestrictedZone &zone : scenario.restrictedZones )
  {
    if ( timeWindowsOverlap( zone.truckWindow, parameters.window ) )
      zones.push_back( &zone.shape );
  }
  const PolygonGrid zoneGrid( zones );

  // Candidate positions along eligible roads.
  std::vector<Position> positions;
  const double halfBay = parameters.bayLengthM / 2.0;
  for ( std::size_t r = 0; r < scenario.roads.size(); ++r )
  {
    if ( progress.isCanceled() )
      return makeError( ErrorCode::Canceled );
    const RoadSegmentInput &road = scenario.roads[r];
    if ( !roadAllowsLoadingBays( road, parameters ) )
      continue;
    ++plan.eligibleRoads;
    const double length = polylineLength( road.points );
    for ( double along = halfBay; along <= length - halfBay + 1e-9; along += parameters.positionStepM )
    {
      const std::vector<PointXY> at = subLine( road.points, along, along );
      if ( at.empty() )
        continue;
      const PointXY point = at.front();
      if ( !zoneGrid.containing( point ).empty() || commercialGrid.near( point, parameters.commercialDistanceM ).empty() )
        continue;
      positions.push_back( Position{ static_cast<std::uint32_t>( r ), along, point } );
    }
  }
  plan.eligiblePositions = static_cast<std::uint32_t>( positions.size() );
  progress.setProgress( 0.2 );

  // Weights: parcels per day, or one per customer when the survey has no parcel counts.
  std::vector<double> weight( scenario.demand.size() );
  for ( std::size_t d = 0; d < scenario.demand.size(); ++d )
    weight[d] = std::max( 0.0, scenario.demand[d].parcelsPerDay );
  double totalParcels = 0.0;
  for ( double w : weight )
    totalParcels += w;
  plan.weightedByStops = totalParcels <= 0.0 && !scenario.demand.empty();
  if ( plan.weightedByStops )
    std::fill( weight.begin(), weight.end(), 1.0 );
  for ( double w : weight )
    plan.totalDeliveries += w;

  // Coverage and spacing conflicts through point grids.
  SegmentGrid demandGrid;
  for ( std::size_t d = 0; d < scenario.demand.size(); ++d )
    demandGrid.add( scenario.demand[d].location, scenario.demand[d].location, static_cast<std::uint32_t>( d ) );
  demandGrid.build( std::max( parameters.walkingDistanceM, 1.0 ) );
  SegmentGrid positionGrid;
  for ( std::size_t j = 0; j < positions.size(); ++j )
    positionGrid.add( positions[j].point, positions[j].point, static_cast<std::uint32_t>( j ) );
  positionGrid.build( std::max( parameters.minSpacingM, 1.0 ) );

  std::vector<std::vector<std::uint32_t>> cover( positions.size() ), conflicts( positions.size() );
  std::vector<double> standalone( positions.size(), 0.0 );
  std::vector<char> coverable( scenario.demand.size(), 0 );
  for ( std::size_t j = 0; j < positions.size(); ++j )
  {
    if ( progress.isCanceled() )
      return makeError( ErrorCode::Canceled );
    for ( const SegmentHit &hit : demandGrid.within( positions[j].point, parameters.walkingDistanceM ) )
    {
      cover[j].push_back( hit.owner );
      standalone[j] += weight[hit.owner];
      coverable[hit.owner] = 1;
    }
    std::sort( cover[j].begin(), cover[j].end() );
    for ( const SegmentHit &hit : positionGrid.within( positions[j].point, parameters.minSpacingM ) )
    {
      if ( hit.owner != j && hit.distanceM < parameters.minSpacingM )
        conflicts[j].push_back( hit.owner );
    }
  }
  for ( std::size_t d = 0; d < coverable.size(); ++d )
    plan.coverableDeliveries += coverable[d] ? weight[d] : 0.0;
  plan.coveredDeliveriesBound = plan.coverableDeliveries;
  progress.setProgress( 0.4 );

  // Greedy from a start set, then swaps: the selection rule shared by both starts.
  const std::uint32_t target = parameters.targetCount;
  auto select = [&]( const std::vector<std::uint32_t> &start, Selection &selection ) {
    for ( std::uint32_t j : start )
    {
      if ( ( target == 0 || selection.open().size() < target ) && selection.feasible( j ) )
        selection.add( j );
    }
    while ( target == 0 || selection.open().size() < target )
    {
      double gain = 0.0;
      const std::uint32_t j = selection.bestAddition( standalone, gain );
      if ( j == kNoIndex || ( target == 0 && gain <= kGainEpsilon ) )
        break;
      selection.add( j );
    }
    return selection.improveBySwaps( standalone, progress );
  };

  Selection greedy( cover, conflicts, weight );
  if ( !select( {}, greedy ) )
    return makeError( ErrorCode::Canceled );
  std::vector<std::uint32_t> open = greedy.open();
  double covered = greedy.covered();
  progress.setProgress( 0.6 );

  // The maximal covering model without the spacing rule: an upper bound, and a second start.
  std::vector<std::uint32_t> clients;
  for ( std::uint32_t d = 0; d < coverable.size(); ++d )
  {
    if ( coverable[d] )
      clients.push_back( d );
  }
  if ( target > 0 && target <= positions.size() && !clients.empty() && clients.size() * positions.size() <= kMaxMclpEntries )
  {
    LocationProblem problem;
    problem.clientCount = static_cast<std::uint32_t>( clients.size() );
    problem.candidateCount = static_cast<std::uint32_t>( positions.size() );
    problem.cost.assign( clients.size() * positions.size(), kForbiddenAssignment );
    std::vector<std::uint32_t> clientOf( scenario.demand.size(), kNoIndex );
    for ( std::uint32_t c = 0; c < clients.size(); ++c )
    {
      clientOf[clients[c]] = c;
      problem.clientWeight.push_back( weight[clients[c]] );
    }
    for ( std::uint32_t j = 0; j < positions.size(); ++j )
    {
      for ( std::uint32_t d : cover[j] )
        problem.cost[static_cast<std::size_t>( clientOf[d] ) * positions.size() + j] = 0.0;
    }
    MclpOptions options;
    options.radius = 0.0;
    options.p = target;
    options.timeLimitS = kMclpTimeLimitS;
    ProgressPhase phase( progress, 0.6, 0.9 );
    const Result<CoverageSolution> mclp = solveMclp( problem, options, phase );
    if ( progress.isCanceled() )
      return makeError( ErrorCode::Canceled );
    if ( mclp && !mclp->canceled )
    {
      plan.coveredDeliveriesBound = std::min( plan.coveredDeliveriesBound, mclp->coveredWeightBound );
      std::vector<std::uint32_t> start = mclp->open;
      std::stable_sort( start.begin(), start.end(), [&standalone]( std::uint32_t a, std::uint32_t b ) { return standalone[a] > standalone[b]; } );
      Selection seeded( cover, conflicts, weight );
      if ( !select( start, seeded ) )
        return makeError( ErrorCode::Canceled );
      if ( seeded.covered() > covered + kGainEpsilon )
      {
        open = seeded.open();
        covered = seeded.covered();
      }
    }
  }

  // Bays in road order; each customer goes to the nearest chosen bay within walking distance.
  std::sort( open.begin(), open.end(), [&positions]( std::uint32_t a, std::uint32_t b ) {
    return std::make_pair( positions[a].road, positions[a].alongM ) < std::make_pair( positions[b].road, positions[b].alongM );
  } );
  for ( std::uint32_t j : open )
  {
    LoadingBay bay;
    bay.roadIndex = positions[j].road;
    bay.positionAlongM = positions[j].alongM;
    bay.centre = positions[j].point;
    bay.line = subLine( scenario.roads[bay.roadIndex].points, positions[j].alongM - halfBay, positions[j].alongM + halfBay );
    bay.window = parameters.window;
    plan.bays.push_back( std::move( bay ) );
  }
  for ( std::uint32_t d = 0; d < scenario.demand.size(); ++d )
  {
    std::uint32_t nearest = kNoIndex;
    double nearestM = parameters.walkingDistanceM;
    for ( std::uint32_t b = 0; b < plan.bays.size(); ++b )
    {
      const PointXY &c = plan.bays[b].centre;
      const double distance = std::hypot( c.x - scenario.demand[d].location.x, c.y - scenario.demand[d].location.y );
      if ( distance < nearestM || ( distance <= nearestM && nearest == kNoIndex ) )
      {
        nearest = b;
        nearestM = distance;
      }
    }
    if ( nearest == kNoIndex )
      continue;
    LoadingBay &bay = plan.bays[nearest];
    bay.servedDeliveries += weight[d];
    ++bay.servedCustomers;
    bay.servedDemand.push_back( d );
    plan.coveredDeliveries += weight[d];
  }
  plan.coveredDeliveriesBound = std::max( plan.coveredDeliveriesBound, plan.coveredDeliveries );
  plan.targetMet = target == 0 || plan.bays.size() >= target;
  progress.setProgress( 1.0 );
  return plan;
}

} // namespace gf
