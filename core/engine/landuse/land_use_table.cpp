#include "engine/landuse/land_use_table.h"

#include "engine/landuse/csv_text.h"

#include <algorithm>
#include <cctype>

namespace gf {

namespace {

std::string trimmed( const std::string &text )
{
  std::size_t begin = 0, end = text.size();
  while ( begin < end && std::isspace( static_cast<unsigned char>( text[begin] ) ) )
    ++begin;
  while ( end > begin && std::isspace( static_cast<unsigned char>( text[end - 1] ) ) )
    --end;
  return text.substr( begin, end - begin );
}

std::vector<std::string> splitCodes( const std::string &text )
{
  std::vector<std::string> codes;
  std::size_t start = 0;
  while ( start <= text.size() )
  {
    const std::size_t end = std::min( text.find( ';', start ), text.size() );
    std::string code = trimmed( text.substr( start, end - start ) );
    if ( !code.empty() )
      codes.push_back( std::move( code ) );
    start = end + 1;
  }
  return codes;
}

Error rowError( std::size_t line, const char *column = nullptr )
{
  std::string subject = std::to_string( line );
  if ( column )
    subject += std::string( ":" ) + column;
  return makeError( ErrorCode::InvalidArgument, subject );
}

constexpr std::array<FacilityType, kFacilityTypeCount> kFacilityTypes{ FacilityType::DistributionCentre, FacilityType::EndStation, FacilityType::ChargingSite };

} // namespace

Result<LandUseTable> LandUseTable::fromCsv( const std::string &text )
{
  Result<std::vector<CsvRecord>> records = parseCsvText( text );
  if ( !records )
    return records.error();
  if ( records->size() < 2 )
    return rowError( 1 );

  const CsvRecord &header = records->front();
  auto columnOf = [&header]( const std::string &name ) -> int {
    for ( std::size_t i = 0; i < header.fields.size(); ++i )
    {
      if ( trimmed( header.fields[i] ) == name )
        return static_cast<int>( i );
    }
    return -1;
  };
  const char *required[] = { "system", "code", "name_zh", "name_en", "crosswalk", "commercial" };
  for ( const char *name : required )
  {
    if ( columnOf( name ) < 0 )
      return rowError( header.line, name );
  }
  for ( FacilityType type : kFacilityTypes )
  {
    if ( columnOf( facilityTypeId( type ) ) < 0 )
      return rowError( header.line, facilityTypeId( type ) );
  }
  const int levelColumn = columnOf( "level" );
  const int noteColumn = columnOf( "note" );

  LandUseTable table;
  for ( std::size_t r = 1; r < records->size(); ++r )
  {
    const CsvRecord &record = ( *records )[r];
    if ( record.fields.size() != header.fields.size() )
      return rowError( record.line );
    auto field = [&record, &columnOf]( const char *name ) { return trimmed( record.fields[static_cast<std::size_t>( columnOf( name ) )] ); };

    LandUseClass landUse;
    const std::optional<LandUseSystem> system = landUseSystemFromId( field( "system" ) );
    if ( !system )
      return rowError( record.line, "system" );
    landUse.system = *system;
    landUse.code = field( "code" );
    if ( landUse.code.empty() )
      return rowError( record.line, "code" );
    landUse.nameZh = field( "name_zh" );
    landUse.nameEn = field( "name_en" );
    landUse.crosswalk = splitCodes( field( "crosswalk" ) );
    const std::string commercial = field( "commercial" );
    if ( commercial != "0" && commercial != "1" )
      return rowError( record.line, "commercial" );
    landUse.commercial = commercial == "1";
    for ( FacilityType type : kFacilityTypes )
    {
      const std::optional<Suitability> suitability = suitabilityFromId( field( facilityTypeId( type ) ) );
      if ( !suitability )
        return rowError( record.line, facilityTypeId( type ) );
      landUse.suitability[static_cast<std::size_t>( type )] = *suitability;
    }
    if ( levelColumn >= 0 )
    {
      const std::string level = trimmed( record.fields[static_cast<std::size_t>( levelColumn )] );
      if ( level != "1" && level != "2" && level != "3" )
        return rowError( record.line, "level" );
      landUse.level = level[0] - '0';
    }
    if ( noteColumn >= 0 )
      landUse.note = trimmed( record.fields[static_cast<std::size_t>( noteColumn )] );

    if ( !table.mIndex.emplace( Key{ landUse.system, landUse.code }, table.mClasses.size() ).second )
      return rowError( record.line, "code" );
    table.mClasses.push_back( std::move( landUse ) );
  }
  return table;
}

std::vector<std::string> LandUseTable::lookupChain( const std::string &code, LandUseSystem system )
{
  std::vector<std::string> chain{ trimmed( code ) };
  const std::string &exact = chain.front();
  const bool digits = !exact.empty() && std::all_of( exact.begin(), exact.end(), []( char c ) { return c >= '0' && c <= '9'; } );
  if ( system == LandUseSystem::Ydyh2023 && digits && exact.size() == 6 )
    chain.push_back( exact.substr( 0, 4 ) );
  else if ( system == LandUseSystem::Dlbm && exact.size() == 5 && ( exact.back() == 'K' || exact.back() == 'A' ) )
    chain.push_back( exact.substr( 0, 4 ) );
  return chain;
}

const LandUseClass *LandUseTable::find( const std::string &code, LandUseSystem system ) const
{
  for ( const std::string &candidate : lookupChain( code, system ) )
  {
    const auto it = mIndex.find( Key{ system, candidate } );
    if ( it != mIndex.end() )
      return &mClasses[it->second];
  }
  return nullptr;
}

std::optional<Suitability> LandUseTable::suitability( const std::string &code, LandUseSystem system, FacilityType facility ) const
{
  for ( const std::string &candidate : lookupChain( code, system ) )
  {
    const auto overridden = mOverrides.find( OverrideKey{ Key{ system, candidate }, facility } );
    if ( overridden != mOverrides.end() )
      return overridden->second;
    const auto it = mIndex.find( Key{ system, candidate } );
    if ( it != mIndex.end() )
      return mClasses[it->second].suitabilityFor( facility );
  }
  return std::nullopt;
}

bool LandUseTable::isCommercial( const std::string &code, LandUseSystem system ) const
{
  const LandUseClass *landUse = find( code, system );
  return landUse && landUse->commercial;
}

std::vector<const LandUseClass *> LandUseTable::crosswalk( const std::string &code, LandUseSystem system ) const
{
  std::vector<const LandUseClass *> classes;
  const LandUseClass *landUse = find( code, system );
  if ( !landUse )
    return classes;
  const LandUseSystem other = system == LandUseSystem::Dlbm ? LandUseSystem::Ydyh2023 : LandUseSystem::Dlbm;
  for ( const std::string &target : landUse->crosswalk )
  {
    const auto it = mIndex.find( Key{ other, target } );
    if ( it != mIndex.end() )
      classes.push_back( &mClasses[it->second] );
  }
  return classes;
}

std::string LandUseTable::nameZh( const std::string &code, LandUseSystem system ) const
{
  const LandUseClass *landUse = find( code, system );
  return landUse ? landUse->nameZh : std::string();
}

std::string LandUseTable::nameEn( const std::string &code, LandUseSystem system ) const
{
  const LandUseClass *landUse = find( code, system );
  return landUse ? landUse->nameEn : std::string();
}

void LandUseTable::setOverride( const SuitabilityOverride &entry )
{
  mOverrides[OverrideKey{ Key{ entry.system, trimmed( entry.code ) }, entry.facility }] = entry.suitability;
}

std::vector<SuitabilityOverride> LandUseTable::overrides() const
{
  std::vector<SuitabilityOverride> list;
  for ( const auto &[key, suitability] : mOverrides )
    list.push_back( SuitabilityOverride{ key.first.first, key.first.second, key.second, suitability } );
  return list;
}

} // namespace gf
