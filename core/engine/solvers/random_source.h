#pragma once
// Seeded random numbers with the same output on every platform: std::mt19937_64 is fully
// specified, the std distributions are not, so the mapping to ranges is done here.
#include <cstdint>
#include <random>

namespace gf {

class RandomSource
{
  public:
    explicit RandomSource( std::uint64_t seed ) : mEngine( seed ) {}

    std::uint64_t next() { return mEngine(); }

    //! Uniform in [0, bound) by multiply-shift; bound must be positive.
    std::uint32_t below( std::uint32_t bound )
    {
      return static_cast<std::uint32_t>( ( ( mEngine() >> 32 ) * bound ) >> 32 );
    }

    //! Uniform in [0, 1).
    double unit() { return static_cast<double>( mEngine() >> 11 ) * ( 1.0 / 9007199254740992.0 ); }

  private:
    std::mt19937_64 mEngine;
};

} // namespace gf
