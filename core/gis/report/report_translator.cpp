#include "gis/report/report_translator.h"

#include <QCoreApplication>
#include <QDir>

namespace gf::gis {

ReportTranslator::ReportTranslator( ReportLanguage language, const QString &catalogueDirectory )
  : mLanguage( language )
{
  if ( language != ReportLanguage::Chinese )
    return;
  auto translator = std::make_unique<QTranslator>();
  const QString directory = catalogueDirectory.isEmpty() ? defaultCatalogueDirectory() : catalogueDirectory;
  if ( translator->load( QStringLiteral( "greenfreight_zh_CN" ), directory ) )
    mTranslator = std::move( translator );
}

ReportTranslator::~ReportTranslator() = default;

QString ReportTranslator::translate( const char *source ) const
{
  if ( mLanguage == ReportLanguage::English )
    return QString::fromUtf8( source );
  if ( mTranslator )
  {
    const QString translated = mTranslator->translate( kContext, source );
    if ( !translated.isEmpty() )
      return translated;
  }
  return QCoreApplication::translate( kContext, source );
}

QString ReportTranslator::defaultCatalogueDirectory()
{
  return QDir::cleanPath( QCoreApplication::applicationDirPath() + QStringLiteral( "/../share/greenfreight/translations" ) );
}

} // namespace gf::gis
