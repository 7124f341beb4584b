#include "gis/plan/plan_job.h"

#include "gis/io/plan_writer.h"
#include "gis/landuse/land_use_table_loader.h"
#include "gis/io/project_reader.h"
#include "gis/network/od_cache.h"
#include "gis/report/plan_report.h"
#include "milp/cbc_exact_refiner.h"

#include <QCoreApplication>
#include <memory>

namespace gf::gis {

namespace {

// The read and write phases are short next to the network and solver work.
constexpr double kReadDone = 0.05;
constexpr double kPlanDone = 0.95;

void applySiteDecisions( const std::vector<SiteDecision> &decisions, gf::Scenario &scenario )
{
  for ( const SiteDecision &decision : decisions )
  {
    for ( gf::CandidateSite &site : scenario.candidates )
    {
      if ( site.origin != gf::CandidateOrigin::Outlet || site.sourceId != decision.outletFeatureId )
        continue;
      site.required = decision.kind == SiteDecision::Kind::Locked;
      site.banned = decision.kind == SiteDecision::Kind::Banned;
    }
  }
}

} // namespace

PlanJobResult runPlanJob( const PlanJobRequest &request, gf::ProgressSink &progress )
{
  PlanJobResult result;
  result.outputPath = request.outputPath;

  std::variant<gf::LandUseTable, GisError> table = request.landUseTablePath.isEmpty() ? LandUseTableLoader::loadShipped()
                                                                                     : LandUseTableLoader::load( request.landUseTablePath );
  if ( std::holds_alternative<GisError>( table ) )
  {
    result.error = std::get<GisError>( table );
    return result;
  }
  std::variant<ProjectData, GisError> read = ProjectReader::read( request.projectPath, request.readOptions );
  if ( std::holds_alternative<GisError>( read ) )
  {
    result.error = std::get<GisError>( read );
    return result;
  }
  ProjectData &data = std::get<ProjectData>( read );
  result.scenario = std::move( data.scenario );
  result.warnings = data.warnings;
  result.scenario.parameters = request.parameters;
  applySiteDecisions( request.siteDecisions, result.scenario );
  progress.setProgress( kReadDone );

  gf::ProgressPhase planPhase( progress, kReadDone, kPlanDone );
  std::unique_ptr<OdCache> cache;
  if ( !request.odCachePath.isEmpty() )
    cache = std::make_unique<OdCache>( request.odCachePath );
  gf::CbcExactRefiner exactRefiner( result.scenario.parameters.threads );
  gf::Result<gf::ProgrammePlan> planned =
    gf::planProgramme( result.scenario, std::get<gf::LandUseTable>( table ), planPhase, cache.get(), &exactRefiner );
  if ( cache )
  {
    result.odMatrices = cache->requestCount();
    result.odCacheHits = cache->hitCount();
    if ( cache->lastStoreError().isError() )
      result.warnings << QCoreApplication::translate( "gf::gis::PlanJob", "The OD matrix could not be cached: %1" ).arg( describeError( cache->lastStoreError() ) );
  }
  if ( !planned )
  {
    result.error.code = GisErrorCode::Engine;
    result.error.engineError = planned.error();
    result.error.file = request.projectPath;
    return result;
  }
  result.plan = std::move( *planned );

  // A canceled run keeps the previous plan file untouched.
  if ( result.plan.canceled || progress.isCanceled() )
  {
    result.error.code = GisErrorCode::Engine;
    result.error.engineError = gf::makeError( gf::ErrorCode::Canceled );
    return result;
  }
  result.error = PlanWriter::write( request.outputPath, result.scenario, result.plan );
  if ( !result.error.isError() && !request.reportPath.isEmpty() )
  {
    result.error = PlanReport::write( request.outputPath, request.projectPath, request.reportPath, request.reportOptions );
    if ( !result.error.isError() )
      result.reportPath = request.reportPath;
  }
  progress.setProgress( 1.0 );
  return result;
}

} // namespace gf::gis
