#pragma once
#include <cstdint>
#include <random>

namespace gf::sample {

/**
 * \brief Seeded random numbers with a fixed mapping from the raw engine output.
 *
 * std::uniform_*_distribution is implementation-defined, so the sample would differ between
 * standard libraries; these helpers map the 64-bit output of std::mt19937_64 themselves.
 */
class SampleRandom
{
  public:
    explicit SampleRandom( std::uint64_t seed );

    //! Uniform in [0, 1).
    double unit();

    //! Uniform in [low, high).
    double uniform( double low, double high );

    //! Uniform integer in [low, high] (inclusive).
    int integer( int low, int high );

    //! True with the given probability.
    bool chance( double probability );

  private:
    std::mt19937_64 mEngine;
};

} // namespace gf::sample
