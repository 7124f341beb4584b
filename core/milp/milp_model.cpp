#include "milp/milp_model.h"

namespace gf {

std::uint32_t MilpModel::addColumn( double lower, double upper, double objective, bool integer )
{
  mColumnLower.push_back( lower );
  mColumnUpper.push_back( upper );
  mObjective.push_back( objective );
  mInteger.push_back( integer ? 1 : 0 );
  return columnCount() - 1;
}

void MilpModel::addRow( const std::vector<std::uint32_t> &columns, const std::vector<double> &coefficients,
                        double lower, double upper )
{
  mEntryColumn.insert( mEntryColumn.end(), columns.begin(), columns.end() );
  mEntryValue.insert( mEntryValue.end(), coefficients.begin(), coefficients.end() );
  mRowStart.push_back( mEntryColumn.size() );
  mRowLower.push_back( lower );
  mRowUpper.push_back( upper );
}

} // namespace gf
