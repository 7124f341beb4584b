#include "engine/landuse/csv_text.h"

namespace gf {

Result<std::vector<CsvRecord>> parseCsvText( const std::string &text )
{
  std::vector<CsvRecord> records;
  std::size_t pos = text.compare( 0, 3, "\xEF\xBB\xBF" ) == 0 ? 3 : 0;
  std::size_t line = 1;
  const std::size_t n = text.size();
  while ( pos < n )
  {
    CsvRecord record;
    record.line = line;
    std::string field;
    bool recordDone = false;
    while ( !recordDone )
    {
      if ( pos < n && text[pos] == '"' )
      {
        ++pos;
        bool closed = false;
        while ( pos < n )
        {
          const char c = text[pos++];
          if ( c == '"' )
          {
            if ( pos < n && text[pos] == '"' )
            {
              field += '"';
              ++pos;
              continue;
            }
            closed = true;
            break;
          }
          if ( c == '\n' )
            ++line;
          field += c;
        }
        if ( !closed || ( pos < n && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r' ) )
          return makeError( ErrorCode::InvalidArgument, std::to_string( record.line ) );
      }
      else
      {
        while ( pos < n && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r' )
          field += text[pos++];
      }
      record.fields.push_back( std::move( field ) );
      field.clear();
      if ( pos < n && text[pos] == ',' )
      {
        ++pos;
        continue;
      }
      // End of record: CRLF, LF, lone CR or end of text.
      if ( pos < n && text[pos] == '\r' )
        ++pos;
      if ( pos < n && text[pos] == '\n' )
        ++pos;
      ++line;
      recordDone = true;
    }
    const bool blank = record.fields.size() == 1 && record.fields.front().empty();
    if ( !blank )
      records.push_back( std::move( record ) );
  }
  return records;
}

} // namespace gf
