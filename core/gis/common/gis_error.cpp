#include "gis/common/gis_error.h"

#include <QCoreApplication>

namespace gf::gis {

namespace {

QString tr( const char *text )
{
  return QCoreApplication::translate( "gf::gis::GisError", text );
}

QString location( const GisError &error )
{
  QString where = error.file;
  if ( !error.layer.isEmpty() )
    where += tr( ", layer \"%1\"" ).arg( error.layer );
  if ( error.row >= 0 )
    where += tr( ", feature %1" ).arg( error.row );
  if ( !error.field.isEmpty() )
    where += tr( ", field \"%1\"" ).arg( error.field );
  return where;
}

} // namespace

QString describeEngineError( const gf::Error &error )
{
  switch ( error.code )
  {
    case gf::ErrorCode::Ok:
      return QString();
    case gf::ErrorCode::Canceled:
      return tr( "The computation was canceled; nothing was changed." );
    case gf::ErrorCode::InvalidArgument:
      return tr( "Invalid parameter %1." ).arg( QString::fromStdString( error.subject ) );
    case gf::ErrorCode::EmptyNetwork:
      return tr( "The road layer has no usable line segment. Check that it contains lines with at least two distinct vertices." );
    case gf::ErrorCode::NetworkDisconnected:
      return tr( "No two roads of the network connect. Check that streets share vertices at intersections or raise the snapping tolerance." );
    case gf::ErrorCode::NoDemand:
      return tr( "No demand point lies close enough to the road network. Check the demand layer's position and CRS." );
    case gf::ErrorCode::NoCandidates:
      return tr( "There are no candidate sites. Add outlets or candidate parcels to the project." );
    case gf::ErrorCode::TooManyFacilities:
      return tr( "More stations were requested (%1) than there are candidate sites that may be opened. Lower the station count or add candidates." ).arg( QString::fromStdString( error.subject ) );
    case gf::ErrorCode::CapacityBelowDemand:
      return tr( "The total capacity of the candidate sites is below the demand to serve." );
    case gf::ErrorCode::NothingCoverable:
      return tr( "No demand point can be covered by any candidate within the service radius." );
    case gf::ErrorCode::NoSuitableLand:
      return tr( "No parcel with suitable land use is available for this facility type." );
    case gf::ErrorCode::Infeasible:
      return tr( "The model has no feasible solution with these parameters." );
    case gf::ErrorCode::UnitMismatch:
      return tr( "The coordinates look like degrees where metres are expected. Reproject the layers to a metric CRS (for Zibo EPSG:4548)." );
    case gf::ErrorCode::SolverUnavailable:
      return tr( "The exact solver (CBC) is not available in this build." );
    case gf::ErrorCode::TimeLimit:
      return tr( "The time limit was reached before a solution was found." );
    case gf::ErrorCode::CoverageUndecidable:
      return tr( "The cost matrix leaves out pairs that may decide the answer (within the coverage radius, or needed to fit the capacities). Keep more nearest candidates per demand point." );
  }
  return tr( "Unknown error." );
}

QString describeError( const GisError &error )
{
  switch ( error.code )
  {
    case GisErrorCode::Ok:
      return QString();
    case GisErrorCode::FileNotFound:
      return tr( "File not found: %1. Check the path." ).arg( error.file );
    case GisErrorCode::FileUnreadable:
      return tr( "Cannot open %1 as a GIS data source: %2" ).arg( error.file, error.value );
    case GisErrorCode::LayerMissing:
      return tr( "%1: the required layer is missing. Add a layer named \"%2\"." ).arg( location( error ), error.layer );
    case GisErrorCode::LayerInvalid:
      return tr( "%1: the layer cannot be read (%2)." ).arg( location( error ), error.value );
    case GisErrorCode::WrongGeometryType:
      return tr( "%1: wrong geometry type %2; expected %3." ).arg( location( error ), error.value, error.expected );
    case GisErrorCode::MissingCrs:
      return tr( "%1: the layer has no coordinate reference system. Assign one (e.g. EPSG:4548 or EPSG:4490) in QGIS and save it." ).arg( location( error ) );
    case GisErrorCode::GeographicCrs:
      return tr( "%1: the layer's CRS %2 is geographic and no metric CRS could be chosen for it." ).arg( location( error ), error.value );
    case GisErrorCode::FieldMissing:
      return tr( "%1: the required field is missing. Add it or rename the matching field." ).arg( location( error ) );
    case GisErrorCode::InvalidValue:
      return tr( "%1: invalid value \"%2\"." ).arg( location( error ), error.value );
    case GisErrorCode::EmptyLayer:
      return tr( "%1: the layer has no features." ).arg( location( error ) );
    case GisErrorCode::WriteFailed:
      return tr( "Cannot write %1 (%2). Nothing was changed; check that the folder is writable and has free space." ).arg( location( error ), error.value );
    case GisErrorCode::Engine:
      return describeEngineError( error.engineError );
  }
  return tr( "Unknown error." );
}

} // namespace gf::gis
