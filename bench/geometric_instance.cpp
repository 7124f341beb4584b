#include "geometric_instance.h"

#include "engine/solvers/random_source.h"

#include <algorithm>
#include <cmath>
#include <limits>

GeometricInstance GeometricInstance::random( std::uint32_t clientCount, std::uint32_t candidateCount, double sideM, std::uint64_t seed )
{
  gf::RandomSource random( seed );
  GeometricInstance instance;
  instance.sideM = sideM;
  auto point = [&]() { return GeometricPoint{ random.unit() * sideM, random.unit() * sideM }; };
  for ( std::uint32_t i = 0; i < clientCount; ++i )
  {
    instance.clients.push_back( point() );
    instance.clientWeight.push_back( 1.0 + random.below( 9 ) );
  }
  for ( std::uint32_t j = 0; j < candidateCount; ++j )
    instance.candidates.push_back( point() );
  return instance;
}

double GeometricInstance::costOf( const GeometricPoint &a, const GeometricPoint &b )
{
  return std::round( std::hypot( a.xM - b.xM, a.yM - b.yM ) );
}

double GeometricInstance::objectiveOf( const std::vector<std::uint32_t> &open ) const
{
  double objective = 0.0;
  for ( std::size_t i = 0; i < clients.size(); ++i )
  {
    double nearest = std::numeric_limits<double>::infinity();
    for ( std::uint32_t j : open )
      nearest = std::min( nearest, costOf( clients[i], candidates[j] ) );
    objective += clientWeight[i] * nearest;
  }
  return objective;
}

gf::LocationProblem GeometricInstance::dense() const
{
  gf::LocationProblem problem;
  problem.clientCount = static_cast<std::uint32_t>( clients.size() );
  problem.candidateCount = static_cast<std::uint32_t>( candidates.size() );
  problem.clientWeight = clientWeight;
  problem.cost.reserve( clients.size() * candidates.size() );
  for ( const GeometricPoint &client : clients )
  {
    for ( const GeometricPoint &candidate : candidates )
      problem.cost.push_back( costOf( client, candidate ) );
  }
  return problem;
}

gf::SparseLocationProblem GeometricInstance::kNearest( std::uint32_t k ) const
{
  return kNearest( std::vector<std::uint32_t>( clients.size(), k ) );
}

gf::SparseLocationProblem GeometricInstance::kNearest( const std::vector<std::uint32_t> &rowLength ) const
{
  const std::uint32_t candidateCount = static_cast<std::uint32_t>( candidates.size() );
  // About two candidates per cell.
  const std::uint32_t cells = std::max( 1u, static_cast<std::uint32_t>( std::sqrt( candidateCount / 2.0 ) ) );
  const double cellM = sideM / cells;
  auto cellOf = [&]( double m ) { return std::min( cells - 1, static_cast<std::uint32_t>( std::max( 0.0, m / cellM ) ) ); };
  std::vector<std::uint32_t> cellStart( static_cast<std::size_t>( cells ) * cells + 1, 0 );
  for ( const GeometricPoint &c : candidates )
    ++cellStart[static_cast<std::size_t>( cellOf( c.yM ) ) * cells + cellOf( c.xM ) + 1];
  for ( std::size_t cell = 1; cell < cellStart.size(); ++cell )
    cellStart[cell] += cellStart[cell - 1];
  std::vector<std::uint32_t> cellCandidates( candidateCount );
  {
    std::vector<std::uint32_t> fill( cellStart.begin(), cellStart.end() - 1 );
    for ( std::uint32_t j = 0; j < candidateCount; ++j )
      cellCandidates[fill[static_cast<std::size_t>( cellOf( candidates[j].yM ) ) * cells + cellOf( candidates[j].xM )]++] = j;
  }

  gf::SparseLocationProblem problem;
  problem.clientCount = static_cast<std::uint32_t>( clients.size() );
  problem.candidateCount = candidateCount;
  problem.clientWeight = clientWeight;
  std::size_t storedTotal = 0;
  for ( std::uint32_t length : rowLength )
    storedTotal += std::min( length, candidateCount );
  problem.rowStart.reserve( clients.size() + 1 );
  problem.rowStart.push_back( 0 );
  problem.entries.reserve( storedTotal );
  problem.beyondCost.reserve( clients.size() );
  struct Found
  {
    double distanceM;
    std::uint32_t candidate;
  };
  std::vector<Found> found;
  std::vector<double> distances;
  std::vector<gf::SparseCostEntry> row;
  for ( std::size_t index = 0; index < clients.size(); ++index )
  {
    const GeometricPoint &client = clients[index];
    const std::uint32_t wanted = std::min( rowLength[index] + 1, candidateCount );
    const std::uint32_t stored = std::min( rowLength[index], candidateCount );
    const int cx = static_cast<int>( cellOf( client.xM ) );
    const int cy = static_cast<int>( cellOf( client.yM ) );
    found.clear();
    for ( int ring = 0;; ++ring )
    {
      for ( int y = cy - ring; y <= cy + ring; ++y )
      {
        if ( y < 0 || y >= static_cast<int>( cells ) )
          continue;
        // Whole rows at the top and bottom of the ring, only the two end cells elsewhere.
        const int step = ( y == cy - ring || y == cy + ring ) ? 1 : std::max( 1, 2 * ring );
        for ( int x = cx - ring; x <= cx + ring; x += step )
        {
          if ( x < 0 || x >= static_cast<int>( cells ) )
            continue;
          const std::size_t cell = static_cast<std::size_t>( y ) * cells + x;
          for ( std::uint32_t e = cellStart[cell]; e < cellStart[cell + 1]; ++e )
          {
            const std::uint32_t j = cellCandidates[e];
            found.push_back( { std::hypot( client.xM - candidates[j].xM, client.yM - candidates[j].yM ), j } );
          }
        }
      }
      // Every candidate not yet seen lies outside the searched block, farther than ring * cellM.
      const bool wholeGrid = ring >= static_cast<int>( cells );
      if ( found.size() >= wanted || wholeGrid )
      {
        distances.clear();
        for ( const Found &f : found )
          distances.push_back( f.distanceM );
        std::nth_element( distances.begin(), distances.begin() + ( wanted - 1 ), distances.end() );
        if ( wholeGrid || distances[wanted - 1] <= ring * cellM )
          break;
      }
    }
    row.clear();
    for ( const Found &f : found )
      row.push_back( { f.candidate, std::round( f.distanceM ) } );
    auto cheaper = []( const gf::SparseCostEntry &a, const gf::SparseCostEntry &b ) {
      return a.cost < b.cost || ( a.cost == b.cost && a.candidate < b.candidate );
    };
    std::partial_sort( row.begin(), row.begin() + wanted, row.end(), cheaper );
    problem.entries.insert( problem.entries.end(), row.begin(), row.begin() + stored );
    problem.rowStart.push_back( problem.entries.size() );
    // A row holding every candidate has nothing beyond it.
    problem.beyondCost.push_back( stored < candidateCount ? row[wanted - 1].cost : std::numeric_limits<double>::infinity() );
  }
  problem.unstoredCostsIntegral = true;   // rounded metres
  return problem;
}
