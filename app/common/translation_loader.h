#pragma once
// Chooses the UI language (a --lang argument, else the system locale) and installs the
// matching catalogues: ours and Qt's own (standard dialog buttons).
#include <QString>

class QCoreApplication;

namespace gf::app {

class TranslationLoader
{
  public:
    //! "zh" or "en" when \a requested names one of them ("zh_CN", "en_GB" …), else empty.
    static QString supportedLanguage( const QString &requested );

    //! "zh" or "en": \a requested when it names one of them, else from QLocale::system().
    static QString resolveLanguage( const QString &requested );

    //! Installs the catalogues of \a language ("zh" or "en"); false when ours is missing.
    static bool install( QCoreApplication &application, const QString &language );
};

} // namespace gf::app
