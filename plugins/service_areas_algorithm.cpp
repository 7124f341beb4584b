#include "service_areas_algorithm.h"

#include "gis/io/project_reader.h"
#include "gis/network/service_area_polygons.h"
#include "gis/network/site_service_area.h"
#include "gis/progress/feedback_progress_sink.h"

#include <qgsexception.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingparameters.h>

#include <QTime>

namespace gf::plugins {

namespace {

const QString kProject = QStringLiteral( "PROJECT" );
const QString kSite = QStringLiteral( "SITE" );
const QString kDistances = QStringLiteral( "DISTANCES" );
const QString kVehicle = QStringLiteral( "VEHICLE" );
const QString kTrim = QStringLiteral( "TRIM" );
const QString kTime = QStringLiteral( "TIME" );
const QString kOutput = QStringLiteral( "OUTPUT" );

} // namespace

QString ServiceAreasAlgorithm::name() const
{
  return QStringLiteral( "serviceareas" );
}

QString ServiceAreasAlgorithm::displayName() const
{
  return tr( "Service areas of a site" );
}

QString ServiceAreasAlgorithm::group() const
{
  return tr( "Network" );
}

QString ServiceAreasAlgorithm::groupId() const
{
  return QStringLiteral( "network" );
}

QString ServiceAreasAlgorithm::shortHelpString() const
{
  return tr( "Computes the service areas (isochrones) of a site on the project's road network for a vehicle at a time of day "
             "and writes them as nested polygons, one per network distance, to the layer service_areas of a GeoPackage." );
}

ServiceAreasAlgorithm *ServiceAreasAlgorithm::createInstance() const
{
  return new ServiceAreasAlgorithm();
}

void ServiceAreasAlgorithm::initAlgorithm( const QVariantMap & )
{
  addParameter( new QgsProcessingParameterFile( kProject, tr( "Project GeoPackage" ), QgsProcessingParameterFile::File,
                                                QStringLiteral( "gpkg" ) ) );
  addParameter( new QgsProcessingParameterPoint( kSite, tr( "Site" ) ) );
  addParameter( new QgsProcessingParameterString( kDistances, tr( "Network distances in metres, separated by commas" ),
                                                  QStringLiteral( "500,1000,2000" ) ) );
  // In the order of gis::serviceAreaVehicleIds().
  addParameter( new QgsProcessingParameterEnum( kVehicle, tr( "Vehicle" ),
                                                { tr( "Heavy diesel truck" ), tr( "Light NEV van" ), tr( "Electric tricycle" ) }, false, 1 ) );
  addParameter( new QgsProcessingParameterNumber( kTrim, tr( "Distance in metres around the reached roads" ),
                                                  QgsProcessingParameterNumber::Double, 100.0, false, 0.1 ) );
  addParameter( new QgsProcessingParameterDateTime( kTime, tr( "Time of day (truck restrictions)" ), QgsProcessingParameterDateTime::Time,
                                                    QTime( 12, 0 ) ) );
  addParameter( new QgsProcessingParameterFileDestination( kOutput, tr( "Service areas" ), tr( "GeoPackage (*.gpkg)" ) ) );
}

QVariantMap ServiceAreasAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context,
                                                     QgsProcessingFeedback *feedback )
{
  const QString projectPath = parameterAsFile( parameters, kProject, context );
  const std::optional<std::vector<gf::Cost>> thresholds = gis::distanceThresholds( parameterAsString( parameters, kDistances, context ) );
  if ( !thresholds )
    throw QgsProcessingException( tr( "The network distances must be metres between 0 and %1, separated by commas." ).arg( gis::maxThresholdM(), 0, 'f', 0 ) );
  const QStringList vehicleIds = gis::serviceAreaVehicleIds();
  const gf::VehicleKind vehicle = *gis::serviceAreaVehicleFromId( vehicleIds.value( parameterAsEnum( parameters, kVehicle, context ), vehicleIds.constFirst() ) );
  const QTime time = QgsProcessingParameters::parameterAsTime( parameterDefinition( kTime ), parameters, context );
  gis::ServiceAreaPolygonOptions polygonOptions;
  polygonOptions.trimDistanceM = parameterAsDouble( parameters, kTrim, context );
  const QString outputPath = parameterAsFileOutput( parameters, kOutput, context );

  std::variant<gis::ProjectData, gis::GisError> read = gis::ProjectReader::read( projectPath );
  if ( std::holds_alternative<gis::GisError>( read ) )
    throw QgsProcessingException( gis::describeError( std::get<gis::GisError>( read ) ) );
  const gis::ProjectData &data = std::get<gis::ProjectData>( read );
  for ( const QString &warning : data.warnings )
  {
    if ( feedback )
      feedback->pushWarning( warning );
  }
  const gf::Scenario &scenario = data.scenario;
  const QgsCoordinateReferenceSystem crs( QString::fromStdString( scenario.crsAuthId ) );
  const QgsPointXY site = parameterAsPoint( parameters, kSite, context, crs );

  gis::SiteServiceAreaRequest request;
  request.site = gf::PointXY{ site.x(), site.y() };
  request.thresholds = *thresholds;
  request.vehicle = vehicle;
  request.minuteOfDay = time.isValid() ? time.hour() * 60 + time.minute() : request.minuteOfDay;
  gis::FeedbackProgressSink progress( feedback );
  const gf::Result<gis::SiteServiceArea> area = gis::computeSiteServiceArea( scenario, request, progress );
  if ( !area )
    throw QgsProcessingException( gis::describeEngineError( area.error() ) );
  if ( !area->site )
  {
    throw QgsProcessingException( tr( "The site (%1, %2) is more than %3 m from any road of the network. Check the point and its CRS." )
                                    .arg( site.x(), 0, 'f', 1 ).arg( site.y(), 0, 'f', 1 ).arg( scenario.parameters.snapMaxDistanceM ) );
  }
  if ( area->siteRoadClosed && feedback )
    feedback->pushWarning( tr( "The road nearest to the site is closed to this vehicle at this time; the service area ends there." ) );

  const std::vector<gis::ServiceAreaPolygon> polygons = gis::ServiceAreaPolygons::build( area->area, polygonOptions );
  const gis::GisError written = gis::ServiceAreaPolygons::write( outputPath, crs, polygons );
  if ( written.isError() )
    throw QgsProcessingException( gis::describeError( written ) );

  const QString layerUri = outputPath + QStringLiteral( "|layername=service_areas" );
  context.addLayerToLoadOnCompletion( layerUri, QgsProcessingContext::LayerDetails( tr( "Service areas" ), context.project(), kOutput ) );
  QVariantMap outputs;
  outputs.insert( kOutput, outputPath );
  return outputs;
}

} // namespace gf::plugins
