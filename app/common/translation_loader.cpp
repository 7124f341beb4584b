#include "common/translation_loader.h"

#include "common/app_paths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace gf::app {

namespace {

QString qtTranslationsDirectory()
{
#if QT_VERSION >= QT_VERSION_CHECK( 6, 0, 0 )
  return QLibraryInfo::path( QLibraryInfo::TranslationsPath );
#else
  return QLibraryInfo::location( QLibraryInfo::TranslationsPath );
#endif
}

} // namespace

QString TranslationLoader::supportedLanguage( const QString &requested )
{
  const QString lower = requested.trimmed().toLower();
  if ( lower.startsWith( QLatin1String( "zh" ) ) )
    return QStringLiteral( "zh" );
  if ( lower.startsWith( QLatin1String( "en" ) ) )
    return QStringLiteral( "en" );
  return QString();
}

QString TranslationLoader::resolveLanguage( const QString &requested )
{
  const QString supported = supportedLanguage( requested );
  if ( !supported.isEmpty() )
    return supported;
  return QLocale::system().language() == QLocale::Chinese ? QStringLiteral( "zh" ) : QStringLiteral( "en" );
}

bool TranslationLoader::install( QCoreApplication &application, const QString &language )
{
  const bool chinese = language == QLatin1String( "zh" );
  if ( chinese )
  {
    // Qt's catalogue is optional (qttranslations5-l10n): without it only stock buttons stay English.
    auto *qtTranslator = new QTranslator( &application );
    if ( qtTranslator->load( QStringLiteral( "qtbase_zh_CN" ), qtTranslationsDirectory() ) )
      QCoreApplication::installTranslator( qtTranslator );
    else
      delete qtTranslator;
  }

  // English is the source language; its catalogue only holds the plural forms of "%n …".
  auto *translator = new QTranslator( &application );
  const QString catalogue = chinese ? QStringLiteral( "greenfreight_zh_CN" ) : QStringLiteral( "greenfreight_en" );
  if ( !translator->load( catalogue, AppPaths::translationsDirectory() ) )
  {
    delete translator;
    return false;
  }
  QCoreApplication::installTranslator( translator );
  return true;
}

} // namespace gf::app
