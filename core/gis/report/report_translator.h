#pragma once
// Translates the report's own text into the report language, independently of the language
// of the application that prints it (an English desktop may print a Chinese report).
#include <QString>
#include <QTranslator>
#include <memory>

namespace gf::gis {

enum class ReportLanguage
{
  Chinese,  //!< zh_CN
  English,  //!< en, the source language
};

class ReportTranslator
{
  public:
    //! Context of the report's strings in the catalogues.
    static constexpr const char *kContext = "gf::gis::PlanReport";

    /**
     * Loads greenfreight_zh_CN.qm from \a catalogueDirectory for Chinese (empty: the installed
     * layout, <application dir>/../share/greenfreight/translations). English needs no
     * catalogue. When the catalogue cannot be loaded, the translators installed in the
     * application are used instead.
     */
    ReportTranslator( ReportLanguage language, const QString &catalogueDirectory );
    ~ReportTranslator();

    //! \a source (marked with QT_TRANSLATE_NOOP in the context kContext) in the report language.
    QString translate( const char *source ) const;

    ReportLanguage language() const { return mLanguage; }

    //! The folder searched when no catalogue folder is given.
    static QString defaultCatalogueDirectory();

  private:
    ReportLanguage mLanguage;
    std::unique_ptr<QTranslator> mTranslator;  //!< null when English or the catalogue is missing
};

} // namespace gf::gis
