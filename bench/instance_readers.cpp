#include "instance_readers.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gf {

namespace {

//! Whitespace-separated tokens of a whole file (CRLF tolerated).
std::optional<std::vector<std::string>> readTokens( const std::string &path )
{
  std::ifstream in( path );
  if ( !in )
    return std::nullopt;
  std::vector<std::string> tokens;
  std::string token;
  while ( in >> token )
    tokens.push_back( token );
  return tokens;
}

class TokenCursor
{
  public:
    explicit TokenCursor( const std::vector<std::string> &tokens ) : mTokens( tokens ) {}
    bool number( double &value )
    {
      if ( mNext >= mTokens.size() )
        return false;
      char *end = nullptr;
      value = std::strtod( mTokens[mNext].c_str(), &end );
      return end && *end == '\0' && ( ++mNext, true );
    }
    bool count( std::uint32_t &value )
    {
      double number = 0.0;
      if ( !this->number( number ) || number < 0.0 || number != std::floor( number ) )
        return false;
      value = static_cast<std::uint32_t>( number );
      return true;
    }
    const std::string *peek() const { return mNext < mTokens.size() ? &mTokens[mNext] : nullptr; }
    void skip() { ++mNext; }

  private:
    const std::vector<std::string> &mTokens;
    std::size_t mNext = 0;
};

void setEuclideanCosts( BenchmarkInstance &instance, bool floorDistances )
{
  const std::uint32_t n = static_cast<std::uint32_t>( instance.x.size() );
  instance.problem.clientCount = n;
  instance.problem.candidateCount = n;
  instance.problem.cost.resize( static_cast<std::size_t>( n ) * n );
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    for ( std::uint32_t j = 0; j < n; ++j )
    {
      const double distance = std::hypot( instance.x[i] - instance.x[j], instance.y[i] - instance.y[j] );
      instance.problem.cost[static_cast<std::size_t>( i ) * n + j] = floorDistances ? std::floor( distance ) : distance;
    }
  }
}

} // namespace

std::optional<BenchmarkInstance> readOrlibPMedian( const std::string &path )
{
  const auto tokens = readTokens( path );
  if ( !tokens )
    return std::nullopt;
  TokenCursor cursor( *tokens );
  std::uint32_t n = 0, m = 0, p = 0;
  if ( !cursor.count( n ) || !cursor.count( m ) || !cursor.count( p ) || n == 0 )
    return std::nullopt;
  const double kInfinite = 1e18;
  std::vector<double> distance( static_cast<std::size_t>( n ) * n, kInfinite );
  for ( std::uint32_t i = 0; i < n; ++i )
    distance[static_cast<std::size_t>( i ) * n + i] = 0.0;
  for ( std::uint32_t e = 0; e < m; ++e )
  {
    std::uint32_t a = 0, b = 0;
    double cost = 0.0;
    if ( !cursor.count( a ) || !cursor.count( b ) || !cursor.number( cost ) || a == 0 || b == 0 || a > n || b > n )
      return std::nullopt;
    // Beasley's pmedinfo: edges are read in turn, a later duplicate overwrites an earlier one.
    distance[static_cast<std::size_t>( a - 1 ) * n + ( b - 1 )] = cost;
    distance[static_cast<std::size_t>( b - 1 ) * n + ( a - 1 )] = cost;
  }
  for ( std::uint32_t k = 0; k < n; ++k )
  {
    const double *rowK = distance.data() + static_cast<std::size_t>( k ) * n;
    for ( std::uint32_t i = 0; i < n; ++i )
    {
      double *rowI = distance.data() + static_cast<std::size_t>( i ) * n;
      const double viaK = rowI[k];
      if ( viaK >= kInfinite )
        continue;
      for ( std::uint32_t j = 0; j < n; ++j )
        rowI[j] = std::min( rowI[j], viaK + rowK[j] );
    }
  }
  BenchmarkInstance instance;
  instance.p = p;
  instance.problem.clientCount = n;
  instance.problem.candidateCount = n;
  for ( double &value : distance )
  {
    if ( value >= kInfinite )
      value = kForbiddenAssignment;
  }
  instance.problem.cost = std::move( distance );
  return instance;
}

std::optional<BenchmarkInstance> readOrlibCap( const std::string &path, double capacityToken )
{
  const auto tokens = readTokens( path );
  if ( !tokens )
    return std::nullopt;
  TokenCursor cursor( *tokens );
  std::uint32_t m = 0, n = 0;
  if ( !cursor.count( m ) || !cursor.count( n ) || m == 0 || n == 0 )
    return std::nullopt;
  BenchmarkInstance instance;
  instance.capacity.resize( m );
  instance.fixedCost.resize( m );
  for ( std::uint32_t i = 0; i < m; ++i )
  {
    const std::string *token = cursor.peek();
    if ( token && *token == "capacity" )
    {
      cursor.skip();
      instance.capacity[i] = capacityToken;
    }
    else if ( !cursor.number( instance.capacity[i] ) )
    {
      return std::nullopt;
    }
    if ( !cursor.number( instance.fixedCost[i] ) )
      return std::nullopt;
  }
  instance.demand.resize( n );
  instance.problem.clientCount = n;
  instance.problem.candidateCount = m;
  instance.problem.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( std::uint32_t j = 0; j < n; ++j )
  {
    if ( !cursor.number( instance.demand[j] ) )
      return std::nullopt;
    // The cost of serving all of customer j's demand from i: not per unit (README 0.2).
    for ( std::uint32_t i = 0; i < m; ++i )
    {
      if ( !cursor.number( instance.problem.cost[static_cast<std::size_t>( j ) * m + i] ) )
        return std::nullopt;
    }
  }
  return instance;
}

std::optional<BenchmarkInstance> readSscflp( const std::string &path )
{
  const auto tokens = readTokens( path );
  if ( !tokens )
    return std::nullopt;
  TokenCursor cursor( *tokens );
  std::uint32_t m = 0, n = 0;
  if ( !cursor.count( m ) || !cursor.count( n ) || m == 0 || n == 0 )
    return std::nullopt;
  BenchmarkInstance instance;
  instance.capacity.resize( m );
  instance.fixedCost.resize( m );
  for ( std::uint32_t i = 0; i < m; ++i )
  {
    if ( !cursor.number( instance.capacity[i] ) || !cursor.number( instance.fixedCost[i] ) )
      return std::nullopt;
  }
  instance.demand.resize( n );
  for ( std::uint32_t j = 0; j < n; ++j )
  {
    if ( !cursor.number( instance.demand[j] ) )
      return std::nullopt;
  }
  instance.problem.clientCount = n;
  instance.problem.candidateCount = m;
  instance.problem.cost.resize( static_cast<std::size_t>( n ) * m );
  for ( std::uint32_t i = 0; i < m; ++i )
  {
    for ( std::uint32_t j = 0; j < n; ++j )
    {
      if ( !cursor.number( instance.problem.cost[static_cast<std::size_t>( j ) * m + i] ) )
        return std::nullopt;
    }
  }
  return instance;
}

std::optional<BenchmarkInstance> readOsmanCpmp( const std::string &path )
{
  const auto tokens = readTokens( path );
  if ( !tokens )
    return std::nullopt;
  TokenCursor cursor( *tokens );
  double problemNumber = 0.0, bestValue = 0.0, capacity = 0.0;
  std::uint32_t n = 0, p = 0;
  if ( !cursor.number( problemNumber ) || !cursor.number( bestValue ) || !cursor.count( n ) || !cursor.count( p )
       || !cursor.number( capacity ) || n == 0 )
    return std::nullopt;
  BenchmarkInstance instance;
  instance.p = p;
  instance.x.resize( n );
  instance.y.resize( n );
  instance.demand.resize( n );
  instance.capacity.assign( n, capacity );
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    double id = 0.0;
    if ( !cursor.number( id ) || !cursor.number( instance.x[i] ) || !cursor.number( instance.y[i] )
         || !cursor.number( instance.demand[i] ) )
      return std::nullopt;
  }
  setEuclideanCosts( instance, true );
  return instance;
}

std::optional<BenchmarkInstance> readLorenaCpmp( const std::string &path )
{
  const auto tokens = readTokens( path );
  if ( !tokens )
    return std::nullopt;
  TokenCursor cursor( *tokens );
  std::uint32_t n = 0, p = 0;
  if ( !cursor.count( n ) || !cursor.count( p ) || n == 0 )
    return std::nullopt;
  BenchmarkInstance instance;
  instance.p = p;
  instance.x.resize( n );
  instance.y.resize( n );
  instance.capacity.resize( n );
  instance.demand.resize( n );
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    if ( !cursor.number( instance.x[i] ) || !cursor.number( instance.y[i] ) || !cursor.number( instance.capacity[i] )
         || !cursor.number( instance.demand[i] ) )
      return std::nullopt;
  }
  setEuclideanCosts( instance, false );
  return instance;
}

std::optional<BenchmarkInstance> readTsplibPMedian( const std::string &path, std::uint32_t p )
{
  std::ifstream in( path );
  if ( !in )
    return std::nullopt;
  std::string line;
  bool inCoordinates = false;
  BenchmarkInstance instance;
  instance.p = p;
  while ( std::getline( in, line ) )
  {
    if ( line.find( "NODE_COORD_SECTION" ) != std::string::npos )
    {
      inCoordinates = true;
      continue;
    }
    if ( !inCoordinates )
      continue;
    if ( line.find( "EOF" ) != std::string::npos )
      break;
    std::istringstream fields( line );
    double id = 0.0, x = 0.0, y = 0.0;
    if ( fields >> id >> x >> y )
    {
      instance.x.push_back( x );
      instance.y.push_back( y );
    }
  }
  if ( instance.x.empty() )
    return std::nullopt;
  setEuclideanCosts( instance, true );
  return instance;
}

std::optional<BenchmarkInstance> readSjcCoverage( const std::string &path )
{
  const auto tokens = readTokens( path );
  if ( !tokens )
    return std::nullopt;
  TokenCursor cursor( *tokens );
  std::uint32_t n = 0;
  if ( !cursor.count( n ) || n == 0 )
    return std::nullopt;
  // `9999 p S`: placeholders, the literal letters included.
  for ( int placeholder = 0; placeholder < 3; ++placeholder )
    cursor.skip();
  BenchmarkInstance instance;
  instance.x.resize( n );
  instance.y.resize( n );
  instance.demand.resize( n );
  for ( std::uint32_t i = 0; i < n; ++i )
  {
    if ( !cursor.number( instance.x[i] ) || !cursor.number( instance.y[i] ) || !cursor.number( instance.demand[i] ) )
      return std::nullopt;
  }
  setEuclideanCosts( instance, false );
  instance.problem.clientWeight = instance.demand;
  return instance;
}

} // namespace gf
