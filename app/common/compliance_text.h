#pragma once
// User text of the programme compliance rows (gf::ComplianceRow), shared by the CLI summary
// and the GUI plan panel.
#include "engine/programme/compliance.h"

#include <QCoreApplication>
#include <QString>

#include <string>

namespace gf::app {

class ComplianceText
{
    Q_DECLARE_TR_FUNCTIONS( gf::app::ComplianceText )

  public:
    //! Label of the target \a id (e.g. "nev_pile_ratio"); the id itself when unknown.
    static QString label( const std::string &id );

    //! \a value of the row \a id in the row's unit ("12.3 %", "2.50 : 1", a count).
    static QString value( const std::string &id, double value );

    //! "PASS", "FAIL" or "n/a", translated.
    static QString status( gf::ComplianceStatus status );
};

} // namespace gf::app
