#pragma once
// A mixed-integer linear programme in plain vectors, independent of any solver: columns with
// bounds, objective and integrality, rows as sparse entries with lower/upper bounds.
#include <cstdint>
#include <limits>
#include <vector>

namespace gf {

class MilpModel
{
  public:
    static constexpr double kInfinity = std::numeric_limits<double>::infinity();

    //! Adds a column and returns its index.
    std::uint32_t addColumn( double lower, double upper, double objective, bool integer );

    //! Adds the row lower <= sum(coefficient * column) <= upper.
    void addRow( const std::vector<std::uint32_t> &columns, const std::vector<double> &coefficients,
                 double lower, double upper );

    std::uint32_t columnCount() const { return static_cast<std::uint32_t>( mObjective.size() ); }
    std::uint32_t rowCount() const { return static_cast<std::uint32_t>( mRowLower.size() ); }

    const std::vector<double> &columnLower() const { return mColumnLower; }
    const std::vector<double> &columnUpper() const { return mColumnUpper; }
    const std::vector<double> &objective() const { return mObjective; }
    const std::vector<char> &integer() const { return mInteger; }
    const std::vector<double> &rowLower() const { return mRowLower; }
    const std::vector<double> &rowUpper() const { return mRowUpper; }
    const std::vector<std::size_t> &rowStart() const { return mRowStart; }
    const std::vector<std::uint32_t> &entryColumn() const { return mEntryColumn; }
    const std::vector<double> &entryValue() const { return mEntryValue; }

  private:
    std::vector<double> mColumnLower;
    std::vector<double> mColumnUpper;
    std::vector<double> mObjective;
    std::vector<char> mInteger;
    std::vector<double> mRowLower;
    std::vector<double> mRowUpper;
    std::vector<std::size_t> mRowStart{ 0 };
    std::vector<std::uint32_t> mEntryColumn;
    std::vector<double> mEntryValue;
};

} // namespace gf
