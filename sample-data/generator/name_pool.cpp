#include "name_pool.h"

#include "sample_random.h"

#include <array>

namespace gf::sample {

namespace {
const std::array<const char *, 10> kOrdinals = { "", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
constexpr int kRandomTries = 12;
} // namespace

NamePool::NamePool( std::vector<std::string> words )
  : mWords( std::move( words ) )
{
}

std::string NamePool::take( SampleRandom &random, const std::string &suffix )
{
  const int wordCount = static_cast<int>( mWords.size() );
  for ( int attempt = 0; attempt < kRandomTries; ++attempt )
  {
    const std::string name = mWords[static_cast<std::size_t>( random.integer( 0, wordCount - 1 ) )] + suffix;
    if ( mUsed.insert( name ).second )
      return name;
  }
  // A deterministic sweep once random picks keep colliding: plain words first, then ordinals.
  for ( const char *ordinal : kOrdinals )
  {
    for ( const std::string &word : mWords )
    {
      const std::string name = word + ordinal + suffix;
      if ( mUsed.insert( name ).second )
        return name;
    }
  }
  const std::string name = mWords.front() + suffix + std::to_string( mUsed.size() );
  mUsed.insert( name );
  return name;
}

void NamePool::reserve( const std::string &name )
{
  mUsed.insert( name );
}

} // namespace gf::sample
