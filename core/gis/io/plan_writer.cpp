#include "gis/io/plan_writer.h"

#include <qgscoordinatetransformcontext.h>
#include <qgsfeature.h>
#include <qgsfields.h>
#include <qgsgeometry.h>
#include <qgsvectorfilewriter.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

namespace gf::gis {

namespace {

QgsPointXY toQgs( const gf::PointXY &point )
{
  return QgsPointXY( point.x, point.y );
}

const char *assignmentStatusId( gf::AssignmentStatus status )
{
  switch ( status )
  {
    case gf::AssignmentStatus::Assigned:
      return "assigned";
    case gf::AssignmentStatus::NotSnapped:
      return "not_snapped";
    case gf::AssignmentStatus::Unreachable:
      return "unreachable";
  }
  return "unreachable";
}

//! Writes the layers of one GeoPackage; the first layer creates the file.
class GeoPackageLayerWriter
{
  public:
    GeoPackageLayerWriter( const QString &path, const QgsCoordinateReferenceSystem &crs )
      : mPath( path ), mCrs( crs ) {}

    using FeatureFiller = std::function<bool( QgsFeatureSink & )>;

    GisError writeLayer( const QString &layerName, const QgsFields &fields, QgsWkbTypes::Type type, const FeatureFiller &fill )
    {
      QgsVectorFileWriter::SaveVectorOptions options;
      options.driverName = QStringLiteral( "GPKG" );
      options.layerName = layerName;
      options.fileEncoding = QStringLiteral( "UTF-8" );
      options.actionOnExistingFile = mFirstLayer ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
      std::unique_ptr<QgsVectorFileWriter> writer( QgsVectorFileWriter::create( mPath, fields, type, mCrs, QgsCoordinateTransformContext{}, options ) );
      if ( !writer || writer->hasError() != QgsVectorFileWriter::NoError )
        return failure( layerName, writer ? writer->errorMessage() : QString() );
      mFirstLayer = false;
      if ( !fill( *writer ) )
        return failure( layerName, writer->errorMessage() );
      if ( !writer->flushBuffer() )
        return failure( layerName, writer->errorMessage() );
      return GisError{};
    }

  private:
    GisError failure( const QString &layerName, const QString &detail ) const
    {
      GisError error;
      error.code = GisErrorCode::WriteFailed;
      error.file = mPath;
      error.layer = layerName;
      error.value = detail;
      return error;
    }

    QString mPath;
    QgsCoordinateReferenceSystem mCrs;
    bool mFirstLayer = true;
};

struct IndicatorRow
{
  const char *indicator;
  double value;
  const char *unit;
};

QgsFields indicatorFields()
{
  QgsFields fields;
  fields.append( QgsField( QStringLiteral( "indicator" ), QVariant::String ) );
  fields.append( QgsField( QStringLiteral( "value" ), QVariant::Double ) );
  fields.append( QgsField( QStringLiteral( "unit" ), QVariant::String ) );
  return fields;
}

GeoPackageLayerWriter::FeatureFiller indicatorFiller( const std::vector<IndicatorRow> &rows )
{
  return [rows]( QgsFeatureSink &sink ) {
    const QgsFields fields = indicatorFields();
    for ( const IndicatorRow &row : rows )
    {
      QgsFeature feature( fields );
      feature.setAttributes( QVector<QVariant>{ QString::fromLatin1( row.indicator ), row.value, QString::fromLatin1( row.unit ) } );
      if ( !sink.addFeature( feature, QgsFeatureSink::FastInsert ) )
        return false;
    }
    return true;
  };
}

std::vector<IndicatorRow> kpiRows( const gf::StationPlan &plan, const gf::Scenario &scenario )
{
  const gf::StationPlanKpis &k = plan.kpis;
  return {
    { "stations", static_cast<double>( k.stations ), "count" },
    { "demand_points", static_cast<double>( k.demandPoints ), "count" },
    { "assigned_points", static_cast<double>( k.assignedPoints ), "count" },
    { "service_radius", scenario.parameters.serviceRadiusM, "m" },
    { "coverage_points", 100.0 * k.coverageShareByPoints, "%" },
    { "coverage_parcels", 100.0 * k.coverageShareByParcels, "%" },
    { "mean_distance", k.meanDistanceM, "m" },
    { "max_distance", k.maxDistanceM, "m" },
    { "objective", k.objective, "parcel*m/day" },
    { "lower_bound", k.lowerBound, "parcel*m/day" },
    { "gap", 100.0 * k.gap, "%" },
    { "proven_optimal", k.provenOptimal ? 1.0 : 0.0, "bool" },
    { "canceled", plan.canceled ? 1.0 : 0.0, "bool" },
    { "scenario_revision", static_cast<double>( plan.scenarioRevision ), "revision" },
  };
}

std::vector<IndicatorRow> networkRows( const gf::NetworkReport &report )
{
  std::vector<IndicatorRow> rows {
    { "input_segments", static_cast<double>( report.inputSegments ), "count" },
    { "invalid_segments", static_cast<double>( report.invalidSegments ), "count" },
    { "zero_length_pieces", static_cast<double>( report.zeroLengthPieces ), "count" },
    { "duplicate_pieces", static_cast<double>( report.duplicatePieces ), "count" },
    { "merged_vertices", static_cast<double>( report.mergedVertices ), "count" },
    { "nodes", static_cast<double>( report.nodes ), "count" },
    { "directed_edges", static_cast<double>( report.edges ), "count" },
    { "total_length", report.totalLengthM, "m" },
    { "components", static_cast<double>( report.components.size() ), "count" },
    { "dangling_ends", static_cast<double>( report.danglingEnds.size() ), "count" },
  };
  static const char *const kClassIds[gf::kRoadClassCount] = { "length_expressway", "length_arterial", "length_collector",
                                                              "length_branch", "length_service", "length_track" };
  for ( int c = 0; c < gf::kRoadClassCount; ++c )
    rows.push_back( { kClassIds[c], report.lengthByClassM[c], "m" } );
  return rows;
}

GisError writeAll( const QString &path, const gf::Scenario &scenario, const gf::StationPlan &plan )
{
  const QgsCoordinateReferenceSystem crs( QString::fromStdString( scenario.crsAuthId ) );
  GeoPackageLayerWriter writer( path, crs );

  QgsFields stationFields;
  stationFields.append( QgsField( QStringLiteral( "rank" ), QVariant::Int ) );
  stationFields.append( QgsField( QStringLiteral( "name" ), QVariant::String ) );
  stationFields.append( QgsField( QStringLiteral( "site_kind" ), QVariant::String ) );
  stationFields.append( QgsField( QStringLiteral( "site_origin" ), QVariant::String ) );
  stationFields.append( QgsField( QStringLiteral( "candidate_fid" ), QVariant::LongLong ) );
  stationFields.append( QgsField( QStringLiteral( "assigned_demand" ), QVariant::Int ) );
  stationFields.append( QgsField( QStringLiteral( "served_parcels_per_day" ), QVariant::Double ) );
  stationFields.append( QgsField( QStringLiteral( "mean_distance_m" ), QVariant::Double ) );
  GisError error = writer.writeLayer( QStringLiteral( "stations" ), stationFields, QgsWkbTypes::Point, [&]( QgsFeatureSink &sink ) {
    for ( const gf::PlannedStation &station : plan.stations )
    {
      const gf::CandidateSite &site = scenario.candidates[station.candidateIndex];
      QgsFeature feature( stationFields );
      feature.setGeometry( QgsGeometry::fromPointXY( toQgs( site.location ) ) );
      feature.setAttributes( QVector<QVariant>{ static_cast<int>( station.rank ), QString::fromStdString( site.name ),
                                            QString::fromStdString( site.kind ), QString::fromLatin1( gf::candidateOriginId( site.origin ) ),
                                            static_cast<qlonglong>( site.sourceId ), static_cast<int>( station.assignedDemandCount ),
                                            station.servedParcelsPerDay, station.meanDistanceM } );
      if ( !sink.addFeature( feature, QgsFeatureSink::FastInsert ) )
        return false;
    }
    return true;
  } );
  if ( error.isError() )
    return error;

  QgsFields assignmentFields;
  assignmentFields.append( QgsField( QStringLiteral( "demand_fid" ), QVariant::LongLong ) );
  assignmentFields.append( QgsField( QStringLiteral( "name" ), QVariant::String ) );
  assignmentFields.append( QgsField( QStringLiteral( "demand_type" ), QVariant::String ) );
  assignmentFields.append( QgsField( QStringLiteral( "parcels_per_day" ), QVariant::Double ) );
  assignmentFields.append( QgsField( QStringLiteral( "status" ), QVariant::String ) );
  assignmentFields.append( QgsField( QStringLiteral( "station_rank" ), QVariant::Int ) );
  assignmentFields.append( QgsField( QStringLiteral( "network_distance_m" ), QVariant::Double ) );
  assignmentFields.append( QgsField( QStringLiteral( "within_radius" ), QVariant::Int ) );
  error = writer.writeLayer( QStringLiteral( "demand_assignment" ), assignmentFields, QgsWkbTypes::Point, [&]( QgsFeatureSink &sink ) {
    for ( const gf::DemandAssignment &assignment : plan.assignments )
    {
      const gf::DemandPoint &point = scenario.demand[assignment.demandIndex];
      const bool assigned = assignment.status == gf::AssignmentStatus::Assigned;
      QgsFeature feature( assignmentFields );
      feature.setGeometry( QgsGeometry::fromPointXY( toQgs( point.location ) ) );
      feature.setAttributes( QVector<QVariant>{ static_cast<qlonglong>( point.sourceId ), QString::fromStdString( point.name ),
                                            QString::fromLatin1( gf::demandTypeId( point.type ) ), point.parcelsPerDay,
                                            QString::fromLatin1( assignmentStatusId( assignment.status ) ),
                                            assigned ? QVariant( static_cast<int>( plan.stations[assignment.stationIndex].rank ) ) : QVariant(),
                                            assigned ? QVariant( assignment.networkDistanceM ) : QVariant(),
                                            assigned ? QVariant( assignment.withinServiceRadius ? 1 : 0 ) : QVariant() } );
      if ( !sink.addFeature( feature, QgsFeatureSink::FastInsert ) )
        return false;
    }
    return true;
  } );
  if ( error.isError() )
    return error;

  QgsFields lineFields;
  lineFields.append( QgsField( QStringLiteral( "demand_fid" ), QVariant::LongLong ) );
  lineFields.append( QgsField( QStringLiteral( "station_rank" ), QVariant::Int ) );
  lineFields.append( QgsField( QStringLiteral( "network_distance_m" ), QVariant::Double ) );
  error = writer.writeLayer( QStringLiteral( "allocation_lines" ), lineFields, QgsWkbTypes::LineString, [&]( QgsFeatureSink &sink ) {
    for ( const gf::DemandAssignment &assignment : plan.assignments )
    {
      if ( assignment.status != gf::AssignmentStatus::Assigned )
        continue;
      const gf::DemandPoint &point = scenario.demand[assignment.demandIndex];
      const gf::PlannedStation &station = plan.stations[assignment.stationIndex];
      const gf::CandidateSite &site = scenario.candidates[station.candidateIndex];
      QgsFeature feature( lineFields );
      feature.setGeometry( QgsGeometry::fromPolylineXY( QgsPolylineXY{ toQgs( site.location ), toQgs( point.location ) } ) );
      feature.setAttributes( QVector<QVariant>{ static_cast<qlonglong>( point.sourceId ), static_cast<int>( station.rank ), assignment.networkDistanceM } );
      if ( !sink.addFeature( feature, QgsFeatureSink::FastInsert ) )
        return false;
    }
    return true;
  } );
  if ( error.isError() )
    return error;

  error = writer.writeLayer( QStringLiteral( "kpi" ), indicatorFields(), QgsWkbTypes::NoGeometry, indicatorFiller( kpiRows( plan, scenario ) ) );
  if ( error.isError() )
    return error;
  return writer.writeLayer( QStringLiteral( "network_report" ), indicatorFields(), QgsWkbTypes::NoGeometry, indicatorFiller( networkRows( plan.network ) ) );
}

} // namespace

GisError PlanWriter::write( const QString &path, const gf::Scenario &scenario, const gf::StationPlan &plan )
{
  const QFileInfo target( path );
  if ( !QDir().mkpath( target.absolutePath() ) )
  {
    GisError error;
    error.code = GisErrorCode::WriteFailed;
    error.file = path;
    error.value = QCoreApplication::translate( "gf::gis::PlanWriter", "cannot create the folder" );
    return error;
  }
  // Same folder as the target so that the final rename is atomic and never crosses devices.
  const QString temporary = target.absolutePath() + QStringLiteral( "/.%1.%2.partial.gpkg" )
                              .arg( target.completeBaseName() ).arg( QCoreApplication::applicationPid() );
  QFile::remove( temporary );
  GisError error = writeAll( temporary, scenario, plan );
  if ( !error.isError() && std::rename( QFile::encodeName( temporary ).constData(), QFile::encodeName( target.absoluteFilePath() ).constData() ) != 0 )
  {
    error.code = GisErrorCode::WriteFailed;
    error.file = path;
    error.value = QString::fromLocal8Bit( std::strerror( errno ) );
  }
  if ( error.isError() )
  {
    QFile::remove( temporary );
    error.file = path;
  }
  return error;
}

} // namespace gf::gis
