#include "plan_programme_algorithm.h"

#include "engine/scenario/plan_parameters.h"
#include "gis/plan/plan_job.h"
#include "gis/progress/feedback_progress_sink.h"

#include <qgsapplication.h>
#include <qgsexception.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include <QLocale>

namespace gf::plugins {

namespace {

const QString kProject = QStringLiteral( "PROJECT" );
const QString kPreset = QStringLiteral( "PRESET" );
const QString kStations = QStringLiteral( "STATIONS" );
const QString kObjective = QStringLiteral( "OBJECTIVE" );
const QString kExactTimeLimit = QStringLiteral( "EXACT_TIME_LIMIT" );
const QString kOutput = QStringLiteral( "OUTPUT" );
const QString kReport = QStringLiteral( "REPORT" );

//! In the order of the PRESET options.
constexpr gf::DistrictPreset kPresets[] = { gf::DistrictPreset::Zhangdian, gf::DistrictPreset::Linzi };
//! In the order of the OBJECTIVE options.
constexpr gf::StationObjective kObjectives[] = { gf::StationObjective::PMedian, gf::StationObjective::Coverage };

//! Relative change in percent; 0 without a baseline.
double changePercent( double before, double after )
{
  return before > 0.0 ? 100.0 * ( after / before - 1.0 ) : 0.0;
}

} // namespace

QString PlanProgrammeAlgorithm::name() const
{
  return QStringLiteral( "planprogramme" );
}

QString PlanProgrammeAlgorithm::displayName() const
{
  return tr( "Plan the green freight programme" );
}

QString PlanProgrammeAlgorithm::group() const
{
  return tr( "Planning" );
}

QString PlanProgrammeAlgorithm::groupId() const
{
  return QStringLiteral( "planning" );
}

QString PlanProgrammeAlgorithm::shortHelpString() const
{
  return tr( "Sites the public distribution centres, end joint distribution stations, charging piles and curbside loading bays "
             "of a district from a project GeoPackage (layers roads, demand, outlets) and writes the plan GeoPackage and, "
             "optionally, the PDF siting report. The preset sets the programme targets of Zhangdian (40 stations) or Linzi "
             "(10 stations); the station count overrides the preset." );
}

QgsProcessingAlgorithm::Flags PlanProgrammeAlgorithm::flags() const
{
  // The PDF report renders a print layout, which must happen on the thread owning QGIS; flags
  // cannot depend on parameter values, so the whole algorithm runs there.
  return QgsProcessingAlgorithm::flags() | FlagNoThreading;
}

PlanProgrammeAlgorithm *PlanProgrammeAlgorithm::createInstance() const
{
  return new PlanProgrammeAlgorithm();
}

void PlanProgrammeAlgorithm::initAlgorithm( const QVariantMap & )
{
  addParameter( new QgsProcessingParameterFile( kProject, tr( "Project GeoPackage" ), QgsProcessingParameterFile::File,
                                                QStringLiteral( "gpkg" ) ) );
  addParameter( new QgsProcessingParameterEnum( kPreset, tr( "District preset" ),
                                                { tr( "Zhangdian (40 stations)" ), tr( "Linzi (10 stations)" ) }, false, 0 ) );
  auto stations = std::make_unique<QgsProcessingParameterNumber>( kStations, tr( "Number of stations (overrides the preset)" ),
                                                                  QgsProcessingParameterNumber::Integer, QVariant(), true, 1 );
  addParameter( stations.release() );
  addParameter( new QgsProcessingParameterEnum( kObjective, tr( "Station objective" ),
                                                { tr( "Least parcel-weighted distance (p-median)" ), tr( "Most parcels within the service radius (coverage)" ) },
                                                false, 0 ) );
  addParameter( new QgsProcessingParameterNumber( kExactTimeLimit, tr( "Exact mode: seconds of MILP solver (CBC) per tier, 0 = off" ),
                                                  QgsProcessingParameterNumber::Double, 0.0, true, 0.0 ) );
  addParameter( new QgsProcessingParameterFileDestination( kOutput, tr( "Plan GeoPackage" ), tr( "GeoPackage (*.gpkg)" ) ) );
  addParameter( new QgsProcessingParameterFileDestination( kReport, tr( "Siting report" ), tr( "PDF (*.pdf)" ), QVariant(), true, false ) );

  addOutput( new QgsProcessingOutputNumber( QStringLiteral( "STATION_COUNT" ), tr( "Stations opened" ) ) );
  addOutput( new QgsProcessingOutputNumber( QStringLiteral( "CENTRE_COUNT" ), tr( "Distribution centres opened" ) ) );
  addOutput( new QgsProcessingOutputNumber( QStringLiteral( "COVERAGE_PERCENT" ), tr( "Parcels within the service radius (%)" ) ) );
  addOutput( new QgsProcessingOutputNumber( QStringLiteral( "MEAN_DISTANCE_M" ), tr( "Mean distance to the station (m)" ) ) );
  addOutput( new QgsProcessingOutputNumber( QStringLiteral( "GAP_PERCENT" ), tr( "Optimality gap of the stations (%)" ) ) );
  addOutput( new QgsProcessingOutputNumber( QStringLiteral( "COST_CHANGE_PERCENT" ), tr( "Transport cost against the status quo (%)" ) ) );
  addOutput( new QgsProcessingOutputNumber( QStringLiteral( "CO2_CHANGE_PERCENT" ), tr( "CO₂ against the status quo (%)" ) ) );
}

QVariantMap PlanProgrammeAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context,
                                                      QgsProcessingFeedback *feedback )
{
  const gf::DistrictPreset preset = kPresets[ parameterAsEnum( parameters, kPreset, context ) == 1 ? 1 : 0 ];
  gis::PlanJobRequest request;
  request.parameters = gf::presetParameters( preset );
  if ( parameters.value( kStations ).isValid() && !parameters.value( kStations ).toString().isEmpty() )
    request.parameters.stationCount = static_cast<std::uint32_t>( parameterAsInt( parameters, kStations, context ) );
  request.parameters.programme.stations.objective = kObjectives[ parameterAsEnum( parameters, kObjective, context ) == 1 ? 1 : 0 ];
  request.parameters.exactTimeLimitS = parameterAsDouble( parameters, kExactTimeLimit, context );
  request.projectPath = parameterAsFile( parameters, kProject, context );
  request.outputPath = parameterAsFileOutput( parameters, kOutput, context );
  request.reportPath = parameterAsFileOutput( parameters, kReport, context );
  // The report speaks QGIS's language: Chinese for a Chinese user interface, else English.
  request.reportOptions.language = QLocale( QgsApplication::locale() ).language() == QLocale::Chinese ? gis::ReportLanguage::Chinese
                                                                                                       : gis::ReportLanguage::English;
  request.reportOptions.districtName = preset == gf::DistrictPreset::Linzi ? tr( "Linzi District" ) : tr( "Zhangdian District" );

  gis::FeedbackProgressSink progress( feedback );
  const gis::PlanJobResult result = gis::runPlanJob( request, progress );
  for ( const QString &warning : result.warnings )
  {
    if ( feedback )
      feedback->pushWarning( warning );
  }
  if ( result.error.isError() )
    throw QgsProcessingException( gis::describeError( result.error ) );

  const gf::ProgrammePlan &plan = result.plan;
  const gf::StationPlanKpis &kpis = plan.stations.kpis;
  QVariantMap outputs;
  outputs.insert( kOutput, result.outputPath );
  if ( !result.reportPath.isEmpty() )
    outputs.insert( kReport, result.reportPath );
  outputs.insert( QStringLiteral( "STATION_COUNT" ), static_cast<int>( plan.stations.stations.size() ) );
  outputs.insert( QStringLiteral( "CENTRE_COUNT" ), static_cast<int>( plan.centres.centres.size() ) );
  outputs.insert( QStringLiteral( "COVERAGE_PERCENT" ), 100.0 * kpis.coverageShareByParcels );
  outputs.insert( QStringLiteral( "MEAN_DISTANCE_M" ), kpis.meanDistanceM );
  outputs.insert( QStringLiteral( "GAP_PERCENT" ), 100.0 * kpis.gap );
  outputs.insert( QStringLiteral( "COST_CHANGE_PERCENT" ), changePercent( plan.kpis.baseline.total.costCny, plan.kpis.plan.total.costCny ) );
  outputs.insert( QStringLiteral( "CO2_CHANGE_PERCENT" ), changePercent( plan.kpis.baseline.total.co2Kg, plan.kpis.plan.total.co2Kg ) );
  if ( feedback )
  {
    feedback->pushInfo( tr( "%1 stations, %2 % of parcels within the service radius, mean distance %3 m, gap %4 %." )
                          .arg( kpis.stations ).arg( 100.0 * kpis.coverageShareByParcels, 0, 'f', 1 )
                          .arg( kpis.meanDistanceM, 0, 'f', 0 ).arg( 100.0 * kpis.gap, 0, 'f', 2 ) );
  }
  return outputs;
}

} // namespace gf::plugins
