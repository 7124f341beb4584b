#pragma once
// Every editable number of a plan by a stable key ("fleet.nev_van.payload_t"), with its unit,
// default and source: the plan's `parameters` table is written from it and users edit by key.
// Values are exchanged as doubles; integers, booleans (0/1) and choices (index into
// ParameterEntry::choices) are validated on the way in.
#include "engine/common/status.h"
#include "engine/scenario/plan_parameters.h"

#include <string>
#include <vector>

namespace gf {

enum class ParameterKind : std::uint8_t
{
  Real,
  Integer,
  Boolean,
  Choice,
};

//! "real", "integer", "boolean", "choice".
const char *parameterKindId( ParameterKind kind );

struct ParameterEntry
{
  std::string key;                   //!< "<group>.<name>", lower-case, stable
  std::string group;                 //!< the key up to its first dot: "fleet", "energy", …
  std::string unit;                  //!< "t", "km/h", "CNY/km", "" for counts and choices
  ParameterKind kind = ParameterKind::Real;
  double defaultValue = 0.0;
  double minValue = 0.0;             //!< inclusive
  double maxValue = 0.0;             //!< inclusive
  std::vector<std::string> choices;  //!< Choice only: ids, the value is the index
  std::string source;                //!< citation, or "Assumption: " and why
};

//! All entries in a stable order (plan settings first, then the programme by group).
const std::vector<ParameterEntry> &parameterRegistry();

//! The entry of a key, or nullptr.
const ParameterEntry *findParameter( const std::string &key );

//! Value of a key. InvalidArgument with the key as subject when the key is unknown.
Result<double> parameterValue( const PlanParameters &parameters, const std::string &key );

//! Sets a key. InvalidArgument (subject: the key) for an unknown key, a value that is not
//! finite, outside [minValue, maxValue], not an integer for Integer/Boolean/Choice kinds.
//! Parameters are left unchanged on error.
Error setParameterValue( PlanParameters &parameters, const std::string &key, double value );

//! Parses a value as typed by a user: a number, "true"/"false" for booleans, a choice id
//! (or its index). Range checks are left to setParameterValue.
Result<double> parseParameterValue( const ParameterEntry &entry, const std::string &text );

//! Text form of a value: shortest round-tripping number, "true"/"false", or the choice id.
std::string formatParameterValue( const ParameterEntry &entry, double value );

} // namespace gf
