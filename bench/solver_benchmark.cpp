#include "solver_benchmark.h"

#include "instance_readers.h"

#include "engine/solvers/pcenter_solver.h"
#include "engine/solvers/cflp_solver.h"
#include "engine/solvers/cpmp_solver.h"
#include "engine/solvers/lscp_solver.h"
#include "engine/solvers/mclp_solver.h"
#include "engine/solvers/pmedian_solver.h"
#include "engine/solvers/sscflp_solver.h"
#include "engine/solvers/uflp_solver.h"
#include "milp/cbc_solver.h"
#include "milp/coverage_milp.h"
#include "milp/facility_location_milp.h"
#include "milp/pcenter_milp.h"
#include "milp/pmedian_milp.h"
#include "milp/single_source_milp.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace gf;

namespace {

//! One row of values.csv.
struct ReferenceRow
{
  std::string family;
  std::string file;
  std::string instance;
  std::string params;
  double value = 0.0;
  std::string status;
};

std::vector<std::string> splitCsvLine( const std::string &line )
{
  std::vector<std::string> fields( 1 );
  bool quoted = false;
  for ( std::size_t i = 0; i < line.size(); ++i )
  {
    const char c = line[i];
    if ( quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"' )
    {
      fields.back() += '"';
      ++i;
    }
    else if ( c == '"' )
      quoted = !quoted;
    else if ( c == ',' && !quoted )
      fields.emplace_back();
    else if ( c != '\r' )
      fields.back() += c;
  }
  return fields;
}

std::vector<ReferenceRow> readValues( const std::string &path )
{
  std::vector<ReferenceRow> rows;
  std::ifstream in( path );
  std::string line;
  std::getline( in, line );
  while ( std::getline( in, line ) )
  {
    const std::vector<std::string> fields = splitCsvLine( line );
    if ( fields.size() < 6 )
      continue;
    rows.push_back( { fields[0], fields[1], fields[2], fields[3], std::atof( fields[4].c_str() ), fields[5] } );
  }
  return rows;
}

//! Value of `key=` inside a `a=1;b=2` parameter string, or -1.
double paramValue( const std::string &params, const std::string &key )
{
  const std::string needle = key + "=";
  std::size_t at = 0;
  while ( ( at = params.find( needle, at ) ) != std::string::npos )
  {
    if ( at == 0 || params[at - 1] == ';' || params[at - 1] == ' ' )
      return std::atof( params.c_str() + at + needle.size() );
    at += needle.size();
  }
  return -1.0;
}

//! What one solver run reports.
struct Outcome
{
  bool ok = false;
  double objective = 0.0;
  double lowerBound = 0.0;
  bool proven = false;
  double seconds = 0.0;
};

//! A peer run (CBC) on the same model.
struct PeerOutcome
{
  bool ran = false;
  bool optimal = false;
  double objective = 0.0;
  double seconds = 0.0;
};

struct BenchOptions
{
  std::string benchmarks;
  double timeLimitS = 60.0;
  double cbcLimitS = 0.0;   //!< 0 = no CBC comparison
  double cbcMaxPairs = 250000.0;   //!< larger client × candidate matrices are not handed to CBC
  std::string only;
  unsigned threads = 0;   //!< p-median workers; 0 = every hardware thread
  double onlyP = 0.0;     //!< rows with this p parameter only; 0 = all
  double reference = std::numeric_limits<double>::quiet_NaN();   //!< --file: known optimum, if any
  double capacityToken = 0.0;                                     //!< --file cap: value of a `capacity` token
};

double secondsSince( std::chrono::steady_clock::time_point start )
{
  return std::chrono::duration<double>( std::chrono::steady_clock::now() - start ).count();
}

Outcome outcomeOf( const Result<LocationSolution> &result, std::chrono::steady_clock::time_point start )
{
  Outcome outcome;
  outcome.seconds = secondsSince( start );
  if ( result )
  {
    outcome.ok = true;
    outcome.objective = result->objective;
    outcome.lowerBound = result->lowerBound;
    outcome.proven = result->provenOptimal;
  }
  return outcome;
}

Outcome runPMedian( const BenchmarkInstance &instance, std::uint32_t p, const BenchOptions &options )
{
  PMedianOptions solverOptions;
  solverOptions.p = p;
  solverOptions.timeLimitS = options.timeLimitS;
  solverOptions.threads = options.threads > 0 ? options.threads : std::max( 1u, std::thread::hardware_concurrency() );
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  return outcomeOf( solvePMedian( instance.problem, solverOptions, progress ), start );
}

Outcome runPCenter( const BenchmarkInstance &instance, const BenchOptions &options )
{
  PCenterOptions solverOptions;
  solverOptions.p = instance.p;
  solverOptions.timeLimitS = options.timeLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  return outcomeOf( solvePCenter( instance.problem, solverOptions, progress ), start );
}

Outcome runUflp( const BenchmarkInstance &instance, const BenchOptions &options )
{
  const UflpProblem problem{ instance.problem, instance.fixedCost };
  UflpOptions solverOptions;
  solverOptions.timeLimitS = options.timeLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  return outcomeOf( solveUflp( problem, solverOptions, progress ), start );
}

Outcome runCflp( const BenchmarkInstance &instance, const BenchOptions &options )
{
  const CflpProblem problem{ instance.problem, instance.fixedCost, instance.capacity, instance.demand };
  CflpOptions solverOptions;
  solverOptions.timeLimitS = options.timeLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  const Result<CflpSolution> result = solveCflp( problem, solverOptions, progress );
  if ( !result )
    return outcomeOf( result.error(), start );
  return outcomeOf( result->location, start );
}

Outcome runSscflp( const BenchmarkInstance &instance, const BenchOptions &options )
{
  const SscflpProblem problem{ instance.problem, instance.fixedCost, instance.capacity, instance.demand };
  SscflpOptions solverOptions;
  solverOptions.timeLimitS = options.timeLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  return outcomeOf( solveSscflp( problem, solverOptions, progress ), start );
}

Outcome runCpmp( const BenchmarkInstance &instance, const BenchOptions &options )
{
  const CpmpProblem problem{ instance.problem, instance.capacity, instance.demand };
  CpmpOptions solverOptions;
  solverOptions.p = instance.p;
  solverOptions.timeLimitS = options.timeLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  return outcomeOf( solveCpmp( problem, solverOptions, progress ), start );
}

//! Covering models report the covered weight (MCLP, bound = upper bound on it) or the
//! number of sites (LSCP, bound = lower bound on it).
Outcome coverageOutcome( const Result<CoverageSolution> &result, bool countSites, std::chrono::steady_clock::time_point start )
{
  Outcome outcome;
  outcome.seconds = secondsSince( start );
  if ( result )
  {
    outcome.ok = true;
    outcome.objective = countSites ? static_cast<double>( result->open.size() ) : result->coveredWeight;
    outcome.lowerBound = countSites ? result->siteCountBound : result->coveredWeightBound;
    outcome.proven = result->provenOptimal;
  }
  return outcome;
}

Outcome runMclp( const BenchmarkInstance &instance, std::uint32_t p, double radius, const BenchOptions &options )
{
  MclpOptions solverOptions;
  solverOptions.p = p;
  solverOptions.radius = radius;
  solverOptions.timeLimitS = options.timeLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  return coverageOutcome( solveMclp( instance.problem, solverOptions, progress ), false, start );
}

Outcome runLscp( const BenchmarkInstance &instance, double radius, const BenchOptions &options )
{
  LscpOptions solverOptions;
  solverOptions.radius = radius;
  solverOptions.timeLimitS = options.timeLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  return coverageOutcome( solveLscp( instance.problem, solverOptions, progress ), true, start );
}

//! CBC runs only with --cbc-limit and on matrices small enough to build its model in memory.
bool cbcApplies( const BenchmarkInstance &instance, const BenchOptions &options )
{
  return options.cbcLimitS > 0.0
         && static_cast<double>( instance.problem.clientCount ) * instance.problem.candidateCount <= options.cbcMaxPairs;
}

//! \a sign turns CBC's minimised objective into the family's one (-1 for covered weight).
PeerOutcome runCbc( const MilpModel &model, const BenchOptions &options, double sign = 1.0 )
{
  PeerOutcome peer;
  if ( options.cbcLimitS <= 0.0 )
    return peer;
  MilpOptions milpOptions;
  milpOptions.timeLimitS = options.cbcLimitS;
  SilentProgress progress;
  const auto start = std::chrono::steady_clock::now();
  const Result<MilpResult> result = solveWithCbc( model, milpOptions, progress );
  peer.seconds = secondsSince( start );
  peer.ran = true;
  if ( result && result->hasSolution )
  {
    peer.optimal = result->provenOptimal;
    peer.objective = sign * result->objective;
  }
  return peer;
}

//! CBC on the p-center model of \a instance.
PeerOutcome runPCenterCbc( const BenchmarkInstance &instance, const BenchOptions &options )
{
  return cbcApplies( instance, options ) ? runCbc( PCenterMilp( instance.problem, instance.p ).model(), options ) : PeerOutcome();
}

//! CBC on the UFLP (\a capacitated false) or multi-source CFLP model of \a instance.
PeerOutcome runFacilityLocationCbc( const BenchmarkInstance &instance, bool capacitated, const BenchOptions &options )
{
  if ( !cbcApplies( instance, options ) )
    return PeerOutcome();
  const std::vector<double> capacity = capacitated ? instance.capacity : std::vector<double>();
  return runCbc( FacilityLocationMilp( instance.problem, instance.fixedCost, capacity, instance.demand ).model(), options );
}

//! CBC on the MCLP (p > 0, covered weight) or LSCP (p = 0, site count) model of \a instance.
PeerOutcome runCoverageCbc( const BenchmarkInstance &instance, double radius, std::uint32_t p, const BenchOptions &options )
{
  if ( !cbcApplies( instance, options ) )
    return PeerOutcome();
  if ( p == 0 )
    return runCbc( CoverageMilp::setCovering( instance.problem, radius ).model(), options );
  return runCbc( CoverageMilp::maximalCovering( instance.problem, radius, p ).model(), options, -1.0 );
}

//! CBC on the single-source model of \a instance: SSCFLP (p = 0) or capacitated p-median.
PeerOutcome runSingleSourceCbc( const BenchmarkInstance &instance, std::uint32_t p, const BenchOptions &options )
{
  if ( !cbcApplies( instance, options ) )
    return PeerOutcome();
  SingleSourceModel model;
  model.location = &instance.problem;
  model.fixedCost = p > 0 ? std::vector<double>( instance.problem.candidateCount, 0.0 ) : instance.fixedCost;
  model.capacity = instance.capacity;
  model.demand = instance.demand;
  model.minOpen = p;
  model.maxOpen = p;
  return runCbc( SingleSourceMilp( model ).model(), options );
}

//! Collects per-instance lines and prints the summary line. A report given a \a total
//! also counts every instance there, so a family of several models gets one last line.
class Report
{
  public:
    //! \a maximize: the objective is better when larger (covered demand).
    Report( std::string family, bool maximize, Report *total = nullptr )
      : mFamily( std::move( family ) ), mMaximize( maximize ), mTotal( total )
    {
      std::printf( "%-22s %14s %14s %9s %14s %6s %9s %9s %8s\n", "instance", "ours", "reference", "gap%", "lower bound",
                   "proven", "time s", "cbc s", "speedup" );
    }

    //! A total over the reports pointing to it; prints no header.
    explicit Report( std::string family ) : mFamily( std::move( family ) ) {}

    void add( const std::string &name, const ReferenceRow &reference, const Outcome &ours, const PeerOutcome &peer )
    {
      if ( !ours.ok )
      {
        std::printf( "%-22s %14s\n", name.c_str(), "error" );
        count( true, false, false, 0.0, 0.0, std::nullopt );
        return;
      }
      // Without a reference (single files), our bound is the reference: proven counts as optimal.
      const bool known = std::isfinite( reference.value );
      const double target = known ? reference.value : ours.lowerBound;
      const double scale = std::max( 1e-9, std::fabs( target ) );
      const double gap = 100.0 * ( mMaximize ? target - ours.objective : ours.objective - target ) / scale;
      // Reference values are printed with a few decimals: within half a unit of the last digit is equal.
      const bool matches = known ? std::fabs( ours.objective - reference.value ) <= 0.006 + 1e-9 * scale : ours.proven;
      char peerText[64] = "-";
      char ratioText[32] = "-";
      std::optional<double> ratio;
      if ( peer.ran )
      {
        std::snprintf( peerText, sizeof peerText, "%.2f%s", peer.seconds, peer.optimal ? "" : "*" );
        // Speed-up only where both reach the same objective and CBC proved it.
        if ( peer.optimal && std::fabs( peer.objective - ours.objective ) <= 1e-6 * std::max( 1.0, std::fabs( ours.objective ) ) )
        {
          ratio = peer.seconds / std::max( 1e-4, ours.seconds );
          std::snprintf( ratioText, sizeof ratioText, "%.1fx", *ratio );
        }
      }
      count( false, matches, ours.proven, matches ? 0.0 : gap, ours.seconds, ratio );
      std::printf( "%-22s %14.3f %14.3f %9.4f %14.3f %6s %9.3f %9s %8s\n", name.c_str(), ours.objective, reference.value,
                   matches ? 0.0 : gap, ours.lowerBound, ours.proven ? "yes" : "no", ours.seconds, peerText, ratioText );
      std::fflush( stdout );
    }

    //! A detail line (proofs by our own bound, failures), then the summary line in the
    //! issue's format: `F: a/b optimal, max gap x%, total t s, median speedup vs CBC Nx`.
    void summary() const
    {
      std::string speed = "no CBC comparison";
      if ( !mRatios.empty() )
      {
        std::vector<double> sorted = mRatios;
        std::sort( sorted.begin(), sorted.end() );
        const std::size_t half = sorted.size() / 2;
        const double median = sorted.size() % 2 ? sorted[half] : 0.5 * ( sorted[half - 1] + sorted[half] );
        char text[64];
        std::snprintf( text, sizeof text, "median speedup vs CBC %.0fx", median );
        speed = text;
      }
      std::printf( "(%s: %d proven optimal by our own bound, %zu instances compared with CBC at equal objective%s)\n",
                   mFamily.c_str(), mProven, mRatios.size(), mFailed ? ", some runs failed" : "" );
      std::printf( "%s: %d/%d optimal, max gap %.3f%%, total %.1f s, %s\n", mFamily.c_str(), mMatched, mCount, mMaxGap,
                   mTotalS, speed.c_str() );
      std::fflush( stdout );
    }

  private:
    void count( bool failed, bool matches, bool proven, double gap, double seconds, std::optional<double> ratio )
    {
      ++mCount;
      mFailed += failed ? 1 : 0;
      mMatched += matches ? 1 : 0;
      mProven += proven ? 1 : 0;
      mMaxGap = std::max( mMaxGap, gap );
      mTotalS += seconds;
      if ( ratio )
        mRatios.push_back( *ratio );
      if ( mTotal )
        mTotal->count( failed, matches, proven, gap, seconds, ratio );
    }

    std::string mFamily;
    bool mMaximize = false;
    Report *mTotal = nullptr;
    int mCount = 0;
    int mMatched = 0;
    int mProven = 0;
    int mFailed = 0;
    double mMaxGap = 0.0;
    double mTotalS = 0.0;
    std::vector<double> mRatios;
};

using InstanceRunner = std::function<void( const ReferenceRow &, Report & )>;

//! values.csv family names for each benchmark folder name accepted by --family.
const std::map<std::string, std::vector<std::string>> &familyAliases()
{
  static const std::map<std::string, std::vector<std::string>> aliases = {
    { "pmed_orlib", { "pmedian_orlib", "pcenter_orlib" } },
    { "pmedian_orlib", { "pmedian_orlib" } },
    { "pcenter_orlib", { "pcenter_orlib" } },
    { "cap_orlib", { "uflp_orlib", "cflp_ms_orlib" } },
    { "sscflp_or_guastaroba", { "sscflp_or" } },
    { "sscflp_holmberg", { "sscflp_holmberg" } },
    { "cpmp_orlib_osman", { "cpmp_orlib" } },
    { "cpmp_lorena_sjc", { "cpmp_lorena" } },
    { "pmedian_tsplib", { "pmedian_tsplib" } },
    { "mclp_sjc_lorena", { "mclp_sjc", "lscp_sjc" } },
  };
  return aliases;
}

int runFamily( const std::string &family, const BenchOptions &options )
{
  const auto alias = familyAliases().find( family );
  if ( alias == familyAliases().end() )
  {
    std::fprintf( stderr, "unknown family '%s'\n", family.c_str() );
    return 2;
  }
  const std::vector<ReferenceRow> rows = readValues( options.benchmarks + "/values.csv" );
  if ( rows.empty() )
  {
    std::fprintf( stderr, "cannot read %s/values.csv\n", options.benchmarks.c_str() );
    return 1;
  }
  // Several models per folder: one summary each, then the folder's as the last line.
  const bool several = alias->second.size() > 1;
  Report total( family );
  for ( const std::string &csvFamily : alias->second )
  {
    Report report( csvFamily, csvFamily == "mclp_sjc", several ? &total : nullptr );
    std::string loadedFile;
    std::optional<BenchmarkInstance> instance;
    for ( const ReferenceRow &row : rows )
    {
      if ( row.family != csvFamily || ( !options.only.empty() && row.instance != options.only ) )
        continue;
      if ( options.onlyP > 0.0 && paramValue( row.params, "p" ) != options.onlyP )
        continue;
      const std::string path = options.benchmarks + "/" + row.file;
      if ( csvFamily == "pmedian_orlib" || csvFamily == "pmedian_tsplib" )
      {
        const bool tsplib = csvFamily == "pmedian_tsplib";
        if ( loadedFile != path )
        {
          instance = tsplib ? readTsplibPMedian( path, 0 ) : readOrlibPMedian( path );
          loadedFile = path;
        }
        if ( !instance )
        {
          std::fprintf( stderr, "cannot read %s\n", path.c_str() );
          continue;
        }
        const std::uint32_t p = tsplib ? static_cast<std::uint32_t>( paramValue( row.params, "p" ) ) : instance->p;
        const std::string name = tsplib ? row.instance + " p=" + std::to_string( p ) : row.instance;
        const Outcome ours = runPMedian( *instance, p, options );
        const PeerOutcome peer = cbcApplies( *instance, options ) ? runCbc( PMedianMilp( instance->problem, p ).model(), options ) : PeerOutcome();
        report.add( name, row, ours, peer );
      }
      else if ( csvFamily == "pcenter_orlib" )
      {
        if ( loadedFile != path )
        {
          instance = readOrlibPMedian( path );
          loadedFile = path;
        }
        if ( !instance )
        {
          std::fprintf( stderr, "cannot read %s\n", path.c_str() );
          continue;
        }
        report.add( row.instance, row, runPCenter( *instance, options ), runPCenterCbc( *instance, options ) );
      }
      else if ( csvFamily == "uflp_orlib" )
      {
        if ( loadedFile != path )
        {
          instance = readOrlibCap( path );
          loadedFile = path;
        }
        if ( !instance )
        {
          std::fprintf( stderr, "cannot read %s\n", path.c_str() );
          continue;
        }
        report.add( row.instance, row, runUflp( *instance, options ), runFacilityLocationCbc( *instance, false, options ) );
      }
      else if ( csvFamily == "cflp_ms_orlib" )
      {
        // capa/b/c rows name the capacity that replaces the file's `capacity` token.
        const std::string digits = row.instance.substr( std::min( row.instance.size(), std::string( "capa" ).size() ) );
        const bool tokenFile = row.instance.rfind( "capa", 0 ) == 0 || row.instance.rfind( "capb", 0 ) == 0
                               || row.instance.rfind( "capc", 0 ) == 0;
        const std::optional<BenchmarkInstance> capInstance = readOrlibCap( path, tokenFile ? std::atof( digits.c_str() ) : 0.0 );
        if ( !capInstance )
        {
          std::fprintf( stderr, "cannot read %s\n", path.c_str() );
          continue;
        }
        report.add( row.instance, row, runCflp( *capInstance, options ), runFacilityLocationCbc( *capInstance, true, options ) );
      }
      else if ( csvFamily == "sscflp_or" || csvFamily == "sscflp_holmberg" )
      {
        const std::optional<BenchmarkInstance> sscflp = readSscflp( path );
        if ( !sscflp )
        {
          std::fprintf( stderr, "cannot read %s\n", path.c_str() );
          continue;
        }
        report.add( row.instance.substr( 0, row.instance.find( ' ' ) ), row, runSscflp( *sscflp, options ),
                    runSingleSourceCbc( *sscflp, 0, options ) );
      }
      else if ( csvFamily == "cpmp_orlib" || csvFamily == "cpmp_lorena" )
      {
        const std::optional<BenchmarkInstance> cpmp = csvFamily == "cpmp_orlib" ? readOsmanCpmp( path ) : readLorenaCpmp( path );
        if ( !cpmp )
        {
          std::fprintf( stderr, "cannot read %s\n", path.c_str() );
          continue;
        }
        report.add( row.instance, row, runCpmp( *cpmp, options ), runSingleSourceCbc( *cpmp, cpmp->p, options ) );
      }
      else if ( csvFamily == "mclp_sjc" || csvFamily == "lscp_sjc" )
      {
        if ( loadedFile != path )
        {
          instance = readSjcCoverage( path );
          loadedFile = path;
        }
        if ( !instance )
        {
          std::fprintf( stderr, "cannot read %s\n", path.c_str() );
          continue;
        }
        const double radius = paramValue( row.params, "radius" );
        if ( csvFamily == "lscp_sjc" )
        {
          report.add( row.instance + " r=" + std::to_string( static_cast<int>( radius ) ), row, runLscp( *instance, radius, options ),
                      runCoverageCbc( *instance, radius, 0, options ) );
          continue;
        }
        const std::uint32_t p = static_cast<std::uint32_t>( paramValue( row.params, "p" ) );
        const std::string name = row.instance + " r=" + std::to_string( static_cast<int>( radius ) ) + " p=" + std::to_string( p );
        report.add( name, row, runMclp( *instance, p, radius, options ), runCoverageCbc( *instance, radius, p, options ) );
      }
      else
      {
        std::fprintf( stderr, "%s: not benchmarked yet\n", csvFamily.c_str() );
        break;
      }
    }
    report.summary();
  }
  if ( several )
    total.summary();
  return 0;
}

//! One instance file: p-median and p-center (pmed), multi-source CFLP (cap) or SSCFLP.
int runFile( const std::string &path, const std::string &format, const BenchOptions &options )
{
  ReferenceRow row;
  row.instance = path.substr( path.find_last_of( '/' ) + 1 );
  row.value = options.reference;
  std::optional<BenchmarkInstance> instance;
  if ( format == "pmed" )
    instance = readOrlibPMedian( path );
  else if ( format == "cap" )
    instance = readOrlibCap( path, options.capacityToken );
  else if ( format == "sscflp" )
    instance = readSscflp( path );
  else
  {
    std::fprintf( stderr, "unknown format '%s' (pmed, cap or sscflp)\n", format.c_str() );
    return 2;
  }
  if ( !instance )
  {
    std::fprintf( stderr, "cannot read %s\n", path.c_str() );
    return 1;
  }
  Report report( format, false );
  if ( format == "pmed" )
  {
    const PeerOutcome peer = cbcApplies( *instance, options ) ? runCbc( PMedianMilp( instance->problem, instance->p ).model(), options ) : PeerOutcome();
    report.add( row.instance + " p-median", row, runPMedian( *instance, instance->p, options ), peer );
    ReferenceRow center = row;
    center.value = std::numeric_limits<double>::quiet_NaN();
    report.add( row.instance + " p-center", center, runPCenter( *instance, options ), runPCenterCbc( *instance, options ) );
  }
  else if ( format == "cap" )
    report.add( row.instance, row, runCflp( *instance, options ), runFacilityLocationCbc( *instance, true, options ) );
  else
    report.add( row.instance, row, runSscflp( *instance, options ), runSingleSourceCbc( *instance, 0, options ) );
  report.summary();
  return 0;
}

std::string defaultBenchmarks()
{
#ifdef GF_SHARED_DIR
  return std::string( GF_SHARED_DIR ) + "/benchmarks";
#else
  return "../shared/benchmarks";
#endif
}

} // namespace

int runSolverBenchmark( int argc, char **argv )
{
  BenchOptions options;
  options.benchmarks = defaultBenchmarks();
  std::string family;
  std::string file;
  std::string format;
  for ( int i = 1; i < argc; ++i )
  {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if ( arg == "--family" && hasValue )
      family = argv[++i];
    else if ( arg == "--benchmarks" && hasValue )
      options.benchmarks = argv[++i];
    else if ( arg == "--file" && hasValue )
      file = argv[++i];
    else if ( arg == "--format" && hasValue )
      format = argv[++i];
    else if ( arg == "--time-limit" && hasValue )
      options.timeLimitS = std::atof( argv[++i] );
    else if ( arg == "--cbc-limit" && hasValue )
      options.cbcLimitS = std::atof( argv[++i] );
    else if ( arg == "--cbc-max-pairs" && hasValue )
      options.cbcMaxPairs = std::atof( argv[++i] );
    else if ( arg == "--reference" && hasValue )
      options.reference = std::atof( argv[++i] );
    else if ( arg == "--capacity" && hasValue )
      options.capacityToken = std::atof( argv[++i] );
    else if ( arg == "--instance" && hasValue )
      options.only = argv[++i];
    else if ( arg == "--p" && hasValue )
      options.onlyP = std::atof( argv[++i] );
    else if ( arg == "--threads" && hasValue )
      options.threads = static_cast<unsigned>( std::atoi( argv[++i] ) );
    else
    {
      std::fprintf( stderr, "usage: greenfreight-bench solvers --family F [--benchmarks DIR] [--instance NAME]\n"
                            "                                [--time-limit S] [--cbc-limit S] [--cbc-max-pairs N] [--threads T] [--p P]\n"
                            "       greenfreight-bench solvers --file PATH --format pmed|cap|sscflp [--reference V]\n"
                            "                                [--capacity C (capa/b/c token)] [--time-limit S]\n" );
      return 2;
    }
  }
  if ( !family.empty() )
    return runFamily( family, options );
  if ( !file.empty() )
    return runFile( file, format, options );
  std::fprintf( stderr, "give --family or --file\n" );
  return 2;
}
