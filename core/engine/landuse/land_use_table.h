#pragma once
// The land-use suitability table: classes of the third land survey (DLBM) and of the 2023
// 用地用海分类, their crosswalk, a commercial flag for loading bays, and per facility type
// whether a class is suitable, conditional or excluded. Shipped as
// resources/landuse/land_use_suitability.csv (columns documented in resources/landuse/README.md);
// a scenario may override single entries.
//
// Every lookup names the code system explicitly: the same text means different classes in
// the two systems (DLBM 1101 river vs 2023 1101 logistics), and a parcel layer uses one.
#include "engine/common/status.h"
#include "engine/landuse/suitability.h"
#include "engine/scenario/facility_type.h"

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gf {

struct LandUseClass
{
  LandUseSystem system = LandUseSystem::Dlbm;
  std::string code;                         //!< as in the survey, e.g. "05H1", "1101", "090102"
  int level = 2;                            //!< 1, 2 or 3 (3 = 2023 third-level classes)
  std::string nameZh;
  std::string nameEn;
  std::vector<std::string> crosswalk;       //!< corresponding codes in the other system
  bool commercial = false;                  //!< commercial area for curbside loading bays
  std::array<Suitability, kFacilityTypeCount> suitability{ Suitability::Excluded, Suitability::Excluded, Suitability::Excluded };
  std::string note;

  Suitability suitabilityFor( FacilityType type ) const { return suitability[static_cast<std::size_t>( type )]; }
};

//! A scenario's change to one table entry. The code need not be in the table: a local code
//! becomes usable for that facility type.
struct SuitabilityOverride
{
  LandUseSystem system = LandUseSystem::Dlbm;
  std::string code;
  FacilityType facility = FacilityType::EndStation;
  Suitability suitability = Suitability::Excluded;
};

class LandUseTable
{
  public:
    LandUseTable() = default;

    /**
     * Parses the CSV text of the table. Columns are found by header name (order free):
     * system, code, name_zh, name_en, crosswalk, commercial, centre, station, charging are
     * required; level and note are optional. Errors are InvalidArgument with subject
     * "<line>" or "<line>:<column>" (1-based file line, the header is line 1): a missing
     * column, a wrong field count, an unknown system or suitability, a commercial flag other
     * than 0/1, an empty or duplicate code, a level other than 1..3. A table without data rows
     * is InvalidArgument with subject "1".
     */
    static Result<LandUseTable> fromCsv( const std::string &text );

    const std::vector<LandUseClass> &classes() const { return mClasses; }

    /**
     * The class of \a code in \a system, or nullptr. A refinement not in the table falls back
     * to its parent: a 2023 third-level code (six digits, e.g. "110101") to its second level
     * ("1101"), a DLBM code with the K/A suffix of adjustable or special land ("0301K") to
     * the plain code. Leading/trailing blanks are ignored.
     */
    const LandUseClass *find( const std::string &code, LandUseSystem system ) const;

    /**
     * Suitability of \a code for \a facility after the overrides; nullopt when the code is
     * unknown (neither in the table, nor by fallback, nor overridden). An override of the
     * exact code wins over one of the parent the code falls back to.
     */
    std::optional<Suitability> suitability( const std::string &code, LandUseSystem system, FacilityType facility ) const;

    //! Whether the class counts as commercial land; false for unknown codes.
    bool isCommercial( const std::string &code, LandUseSystem system ) const;

    //! Classes of the other system that \a code corresponds to (table order; unknown skipped).
    std::vector<const LandUseClass *> crosswalk( const std::string &code, LandUseSystem system ) const;

    //! Chinese / English names; empty for unknown codes.
    std::string nameZh( const std::string &code, LandUseSystem system ) const;
    std::string nameEn( const std::string &code, LandUseSystem system ) const;

    //! Sets (or replaces) the override of one code and facility type.
    void setOverride( const SuitabilityOverride &entry );
    void clearOverrides() { mOverrides.clear(); }
    //! Overrides in (system, code, facility) order.
    std::vector<SuitabilityOverride> overrides() const;

  private:
    using Key = std::pair<LandUseSystem, std::string>;
    using OverrideKey = std::pair<Key, FacilityType>;

    //! The code itself and, if different, the parent it falls back to.
    static std::vector<std::string> lookupChain( const std::string &code, LandUseSystem system );

    std::vector<LandUseClass> mClasses;
    std::map<Key, std::size_t> mIndex;
    std::map<OverrideKey, Suitability> mOverrides;
};

} // namespace gf
