#pragma once
// A small RFC 4180 reader for the tables shipped in resources/: comma separated, fields
// optionally in double quotes (doubled quotes inside), LF or CRLF line ends, UTF-8 with an
// optional byte-order mark. No locale, no type conversion.
#include "engine/common/status.h"

#include <string>
#include <vector>

namespace gf {

struct CsvRecord
{
  std::size_t line = 0;             //!< 1-based line of the file where the record starts
  std::vector<std::string> fields;
};

//! Records of \a text, blank lines skipped. An unterminated quoted field or text after a
//! closing quote is InvalidArgument with the record's line number as subject.
Result<std::vector<CsvRecord>> parseCsvText( const std::string &text );

} // namespace gf
