#pragma once
// `greenfreight-cli plan`: the main job headless — read project, plan, write the plan
// GeoPackage, print a summary.
#include "cli/subcommand_parser.h"
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
    //! Fills mRequest from the arguments.
    ParseOutcome parse( const QStringList &arguments );
    void printSummary( const gis::PlanJobResult &result );

    QTextStream &mOut;
    QTextStream &mErr;
    gis::PlanJobRequest mRequest;
};

} // namespace gf::app
