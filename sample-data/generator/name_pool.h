#pragma once
#include <set>
#include <string>
#include <vector>

namespace gf::sample {

class SampleRandom;

/**
 * \brief Unique Chinese names made from a word list and a suffix, e.g. 和平 + 小区.
 *
 * When every word is taken with a suffix, a Chinese ordinal goes in between (和平二路).
 */
class NamePool
{
  public:
    explicit NamePool( std::vector<std::string> words );

    //! A name not returned before by this pool.
    std::string take( SampleRandom &random, const std::string &suffix );

    //! Marks a fixed name (a real place name) as used so generated names avoid it.
    void reserve( const std::string &name );

  private:
    std::vector<std::string> mWords;
    std::set<std::string> mUsed;
};

} // namespace gf::sample
