#pragma once
// `greenfreight-cli plan`: the main job headless — read project, plan, write the plan
// GeoPackage, print a summary.
#include "gis/plan/plan_job.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace gf::app {

class PlanCommand
{
    Q_DECLARE_TR_FUNCTIONS( gf::app::PlanCommand )

  public:
    PlanCommand( QTextStream &out, QTextStream &err );

    //! Runs with the arguments after "plan"; returns the process exit code.
    int run( const QStringList &arguments );

  private:
    enum class ParseOutcome
    {
      Run,
      HelpShown,
      Invalid,   //!< what is wrong has been printed
    };

    //! Fills mRequest from the arguments.
    ParseOutcome parse( const QStringList &arguments );
    void printSummary( const gis::PlanJobResult &result );
    //! User text of a compliance row id, and its values in the row's unit.
    static QString complianceLabel( const std::string &id );
    static QString complianceValue( const std::string &id, double value );

    QTextStream &mOut;
    QTextStream &mErr;
    gis::PlanJobRequest mRequest;
};

} // namespace gf::app
