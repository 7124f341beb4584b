#include "sample_random.h"

namespace gf::sample {

SampleRandom::SampleRandom( std::uint64_t seed )
  : mEngine( seed )
{
}

double SampleRandom::unit()
{
  // The top 53 bits fill a double's mantissa exactly.
  return static_cast<double>( mEngine() >> 11 ) * ( 1.0 / 9007199254740992.0 );
}

double SampleRandom::uniform( double low, double high )
{
  return low + ( high - low ) * unit();
}

int SampleRandom::integer( int low, int high )
{
  const std::uint64_t span = static_cast<std::uint64_t>( static_cast<std::int64_t>( high ) - low + 1 );
  // The modulo bias is below 1e-17 for the small spans used here.
  return low + static_cast<int>( mEngine() % span );
}

bool SampleRandom::chance( double probability )
{
  return unit() < probability;
}

} // namespace gf::sample
