#pragma once
// `greenfreight-cli isochrone`: service areas of one site on the project's road network, as
// nested polygons in a GeoPackage layer `service_areas`.
#include "cli/subcommand_parser.h"
#include "engine/graph/vehicle_profile.h"
#include "gis/network/service_area_polygons.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace gf::app {

class IsochroneCommand
{
    Q_DECLARE_TR_FUNCTIONS( gf::app::IsochroneCommand )

  public:
    IsochroneCommand( QTextStream &out, QTextStream &err );

    //! Runs with the arguments after "isochrone"; returns the process exit code.
    int run( const QStringList &arguments );

  private:
    ParseOutcome parse( const QStringList &arguments );
    //! Reads, computes and writes; false after printing the error.
    bool compute();

    QTextStream &mOut;
    QTextStream &mErr;
    QString mProjectPath;
    QString mOutputPath;
    gf::PointXY mSite;
    std::vector<gf::Cost> mThresholds;      //!< decimetres, ascending
    gf::VehicleKind mVehicle = gf::VehicleKind::LightNevVan;
    int mMinuteOfDay = 12 * 60;
    gis::ServiceAreaPolygonOptions mPolygonOptions;
};

} // namespace gf::app
