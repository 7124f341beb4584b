#pragma once
// Loads the land-use suitability table: the one shipped with the program (compiled into
// gf_gis from resources/landuse/) or a user's edited copy.
#include "engine/landuse/land_use_table.h"
#include "gis/common/gis_error.h"

#include <QString>
#include <variant>

namespace gf::gis {

class LandUseTableLoader
{
  public:
    //! Qt resource path of the shipped table.
    static QString shippedTablePath();

    //! The shipped table (always valid in a correct build; an error names the resource).
    static std::variant<gf::LandUseTable, GisError> loadShipped();

    /**
     * A table from a CSV file (UTF-8; the format of resources/landuse/README.md). Errors:
     * FileNotFound, FileUnreadable, or InvalidValue naming the file, the line (row, the header
     * is line 1), the column (field) and the offending text (value); text that is not UTF-8
     * is InvalidValue with expected "UTF-8".
     */
    static std::variant<gf::LandUseTable, GisError> load( const QString &path );
};

} // namespace gf::gis
