#include "engine/solvers/pmedian_elite_pool.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace gf {

std::size_t PMedianElitePool::difference( const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b )
{
  std::size_t common = 0;
  auto first = b.begin();
  for ( std::uint32_t candidate : a )
  {
    first = std::lower_bound( first, b.end(), candidate );
    if ( first != b.end() && *first == candidate )
      ++common;
  }
  return a.size() - common;
}

bool PMedianElitePool::offer( std::vector<std::uint32_t> open, double objective )
{
  if ( mCapacity == 0 )
    return false;
  std::sort( open.begin(), open.end() );
  for ( const Entry &entry : mEntries )
  {
    if ( entry.open == open )
      return false;
  }
  if ( mEntries.size() >= mCapacity )
  {
    if ( objective >= mEntries.back().objective )
      return false;
    std::size_t replaced = mEntries.size();
    std::size_t fewest = open.size() + 1;
    for ( std::size_t i = 0; i < mEntries.size(); ++i )
    {
      if ( mEntries[i].objective <= objective )
        continue;
      const std::size_t differing = difference( open, mEntries[i].open );
      if ( differing < fewest )
      {
        fewest = differing;
        replaced = i;
      }
    }
    mEntries.erase( mEntries.begin() + static_cast<std::ptrdiff_t>( replaced ) );
  }
  Entry entry{ std::move( open ), objective };
  auto before = []( const Entry &a, const Entry &b ) {
    return a.objective < b.objective || ( a.objective == b.objective && a.open < b.open );
  };
  mEntries.insert( std::upper_bound( mEntries.begin(), mEntries.end(), entry, before ), std::move( entry ) );
  return true;
}

} // namespace gf
