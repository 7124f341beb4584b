#pragma once
// The elite pool of GRASP with path relinking (Resende & Werneck 2004): a few good and
// mutually different p-median solutions, the partners of path relinking.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gf {

class PMedianElitePool
{
  public:
    struct Entry
    {
      std::vector<std::uint32_t> open;   //!< ascending
      double objective = 0.0;
    };

    explicit PMedianElitePool( std::size_t capacity ) : mCapacity( capacity ) {}

    //! Adds \a open (any order) unless an equal solution is pooled, or the pool is full and it
    //! is no better than the worst entry. When full, it replaces the most similar of the
    //! entries worse than it, so the pool keeps its diversity. Returns true if added.
    bool offer( std::vector<std::uint32_t> open, double objective );

    //! Best first; ties by open set, so the order never depends on the order of offers.
    const std::vector<Entry> &entries() const { return mEntries; }
    bool empty() const { return mEntries.empty(); }
    const Entry &best() const { return mEntries.front(); }

    //! Candidates in \a a but not in \a b (both ascending, same size).
    static std::size_t difference( const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b );

  private:
    std::size_t mCapacity;
    std::vector<Entry> mEntries;
};

} // namespace gf
