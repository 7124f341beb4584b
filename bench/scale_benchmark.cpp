#include "scale_benchmark.h"

#include "geometric_instance.h"

#include "engine/solvers/pmedian_solver.h"
#include "milp/cbc_solver.h"
#include "milp/pmedian_milp.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace gf;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince( Clock::time_point start )
{
  return std::chrono::duration<double>( Clock::now() - start ).count();
}

double peakRssGiB()
{
  rusage usage{};
  getrusage( RUSAGE_SELF, &usage );
  return static_cast<double>( usage.ru_maxrss ) / ( 1024.0 * 1024.0 );   // ru_maxrss is in KiB on Linux
}

struct ScaleOptions
{
  std::uint32_t clients = 100000;
  std::uint32_t candidates = 10000;
  std::uint32_t k = 200;
  std::uint32_t p = 40;
  std::uint64_t seed = 1;
  double timeLimitS = 600.0;
  unsigned threads = 1;
  std::uint32_t peerClients = 10000;
  std::uint32_t peerCandidates = 1000;
  // CBC's dense model has clients × candidates columns and as many rows: 10^7 at the dense
  // peer's size does not fit, so CBC gets its own smaller instance.
  std::uint32_t cbcClients = 1000;
  std::uint32_t cbcCandidates = 100;
  std::uint32_t cbcP = 10;
  std::uint32_t cbcK = 20;
  double cbcLimitS = 300.0;
  bool growK = false;          //!< scale run through solvePMedianKNearest, k grown where needed
};

//! One run of a solver: build (matrix or model) and solve time, its open set and their exact
//! objective on the full problem (from the geometry: clients beyond their stored pairs
//! included), and the solver's lower bound, which holds for the full problem.
struct Run
{
  bool ok = false;
  double buildS = 0.0;
  double solveS = 0.0;
  std::vector<std::uint32_t> open;
  double objective = 0.0;
  double lowerBound = 0.0;
  bool proven = false;
  std::uint32_t beyond = 0;            //!< clients the solution serves beyond their stored pairs
  double totalS() const { return buildS + solveS; }
};

//! About one candidate per square kilometre, whatever the counts.
double sideOf( std::uint32_t candidates )
{
  return 1000.0 * std::sqrt( static_cast<double>( candidates ) );
}

//! Our solver on \a dense or \a sparse, or (both null) the k-nearest driver over the grid's
//! rows from options.k; its open set priced on \a instance.
Run runOurs( const GeometricInstance &instance, const LocationProblem *dense, const SparseLocationProblem *sparse,
             const ScaleOptions &options, std::uint32_t p, double buildS )
{
  PMedianOptions solver;
  solver.p = p;
  solver.seed = options.seed;
  solver.timeLimitS = options.timeLimitS;
  solver.threads = options.threads;
  SilentProgress progress;
  const Clock::time_point start = Clock::now();
  Result<LocationSolution> result = makeError( ErrorCode::InvalidArgument );
  if ( dense )
    result = solvePMedian( *dense, solver, progress );
  else if ( sparse )
    result = solvePMedian( *sparse, solver, progress );
  else
  {
    // The k-nearest driver: rows from the grid, grown where the solution or the bound needs.
    const NearestRowsBuilder rows = [&instance]( const std::vector<std::uint32_t> &rowLength ) {
      return instance.kNearest( rowLength );
    };
    result = solvePMedianKNearest( static_cast<std::uint32_t>( instance.clients.size() ),
                                   static_cast<std::uint32_t>( instance.candidates.size() ), rows, options.k, solver, progress );
  }
  Run run;
  run.buildS = buildS;
  run.solveS = secondsSince( start );
  if ( result )
  {
    run.ok = true;
    run.open = result->open;
    run.objective = instance.objectiveOf( result->open );
    run.lowerBound = result->lowerBound;
    run.proven = result->provenOptimal;
    run.beyond = result->clientsBeyondStored;
  }
  return run;
}

//! CBC on the p-median MILP of \a dense or \a sparse (one of them), its open set priced on
//! \a instance; build time = the model's.
Run runCbc( const GeometricInstance &instance, const LocationProblem *dense, const SparseLocationProblem *sparse,
            const ScaleOptions &options )
{
  const Clock::time_point build = Clock::now();
  const PMedianMilp milp = dense ? PMedianMilp( *dense, options.cbcP ) : PMedianMilp( *sparse, options.cbcP );
  const double buildS = secondsSince( build );
  MilpOptions milpOptions;
  milpOptions.timeLimitS = options.cbcLimitS;
  SilentProgress progress;
  const Clock::time_point start = Clock::now();
  const Result<MilpResult> result = solveWithCbc( milp.model(), milpOptions, progress );
  Run run;
  run.buildS = buildS;
  run.solveS = secondsSince( start );
  if ( result && result->hasSolution )
  {
    run.ok = true;
    run.open = dense ? LocationMilpColumns::decodeOpen( *dense, result->values ) : PMedianMilp::decodeOpen( *sparse, result->values );
    run.objective = instance.objectiveOf( run.open );
    run.lowerBound = result->bestBound;
    run.proven = result->provenOptimal && run.objective <= result->objective + 1e-6 * std::max( 1.0, run.objective );
  }
  return run;
}

double gapOf( const Run &run )
{
  return run.objective > 0.0 ? ( run.objective - run.lowerBound ) / run.objective : 0.0;
}

void printRun( const char *label, const Run &run )
{
  if ( !run.ok )
  {
    std::printf( "  %-26s failed or no solution after %.2f s\n", label, run.totalS() );
    return;
  }
  std::printf( "  %-26s build %7.2f s  solve %8.2f s  objective %.0f  bound %.1f  gap %.3f%%%s  beyond stored %u\n", label,
               run.buildS, run.solveS, run.objective, run.lowerBound, 100.0 * gapOf( run ), run.proven ? " (proven)" : "",
               run.beyond );
}

//! "same objective" or ours relative to the reference, in percent.
std::string objectiveVs( const Run &ours, const Run &reference )
{
  if ( !ours.ok || !reference.ok )
    return "no objective to compare";
  const double relative = ( ours.objective - reference.objective ) / std::max( 1.0, std::fabs( reference.objective ) );
  if ( std::fabs( relative ) <= 1e-9 )
    return "same objective";
  char text[64];
  std::snprintf( text, sizeof( text ), "objective %+.3f%%", 100.0 * relative );
  return text;
}

//! Seconds \a build takes, its result in \a out.
template <typename T, typename Build>
double timed( T &out, Build build )
{
  const Clock::time_point start = Clock::now();
  out = build();
  return secondsSince( start );
}

bool parse( int argc, char **argv, ScaleOptions &options )
{
  for ( int i = 1; i < argc; ++i )
  {
    const std::string arg = argv[i];
    if ( arg == "--grow-k" )
    {
      options.growK = true;
      continue;
    }
    if ( i + 1 >= argc )
      return false;
    const char *value = argv[++i];
    const auto count = static_cast<std::uint32_t>( std::strtoul( value, nullptr, 10 ) );
    if ( arg == "--clients" )
      options.clients = count;
    else if ( arg == "--candidates" )
      options.candidates = count;
    else if ( arg == "--k" )
      options.k = count;
    else if ( arg == "--p" )
      options.p = count;
    else if ( arg == "--seed" )
      options.seed = std::strtoull( value, nullptr, 10 );
    else if ( arg == "--time-limit" )
      options.timeLimitS = std::atof( value );
    else if ( arg == "--threads" )
      options.threads = std::max( 1u, count );
    else if ( arg == "--peer-clients" )
      options.peerClients = count;
    else if ( arg == "--peer-candidates" )
      options.peerCandidates = count;
    else if ( arg == "--cbc-clients" )
      options.cbcClients = count;
    else if ( arg == "--cbc-candidates" )
      options.cbcCandidates = count;
    else if ( arg == "--cbc-p" )
      options.cbcP = count;
    else if ( arg == "--cbc-k" )
      options.cbcK = count;
    else if ( arg == "--cbc-limit" )
      options.cbcLimitS = std::atof( value );
    else
      return false;
  }
  return options.clients > 0 && options.candidates > 0 && options.k > 0 && options.p > 0;
}

} // namespace

int runScaleBenchmark( int argc, char **argv )
{
  ScaleOptions options;
  if ( !parse( argc, argv, options ) )
  {
    std::fprintf( stderr, "usage: greenfreight-bench scale [--clients N] [--candidates M] [--k K] [--p P] [--seed S]\n"
                          "         [--time-limit S] [--threads T] [--peer-clients N] [--peer-candidates M]\n"
                          "         [--cbc-clients N] [--cbc-candidates M] [--cbc-p P] [--cbc-k K] [--cbc-limit S]\n"
                          "         [--grow-k]\n"
                          "  (0 peer or cbc clients: skip that peer; --grow-k: the scale run starts at k and grows\n"
                          "   the rows the solution or the bound reaches past, solvePMedianKNearest)\n" );
    return 2;
  }

  // Line by line, so a long run shows its stages as they finish.
  std::setvbuf( stdout, nullptr, _IOLBF, 0 );
  // The scale run first, so the peak memory is its own.
  std::printf( "scale %ux%u k=%u p=%u seed=%llu threads=%u\n", options.clients, options.candidates, options.k, options.p,
               static_cast<unsigned long long>( options.seed ), options.threads );
  Run scale;
  double scalePeakGiB = 0.0;
  {
    const GeometricInstance instance =
      GeometricInstance::random( options.clients, options.candidates, sideOf( options.candidates ), options.seed );
    if ( options.growK )
    {
      scale = runOurs( instance, nullptr, nullptr, options, options.p, 0.0 );
      printRun( "k-nearest driver", scale );
    }
    else
    {
      SparseLocationProblem sparse;
      const double buildS = timed( sparse, [&]() { return instance.kNearest( options.k ); } );
      scale = runOurs( instance, nullptr, &sparse, options, options.p, buildS );
      printRun( "sparse solvePMedian", scale );
      std::printf( "  stored pairs %zu (%.1f MiB)\n", sparse.entries.size(),
                   static_cast<double>( sparse.entries.size() * sizeof( SparseCostEntry ) ) / ( 1024.0 * 1024.0 ) );
    }
    scalePeakGiB = peakRssGiB();
    std::printf( "  peak RSS %.2f GiB\n", scalePeakGiB );
  }

  std::string densePeer = "dense peer skipped";
  if ( options.peerClients > 0 )
  {
    const std::uint32_t k = std::min( options.k, options.peerCandidates );
    std::printf( "dense peer %ux%u k=%u p=%u\n", options.peerClients, options.peerCandidates, k, options.p );
    const GeometricInstance instance =
      GeometricInstance::random( options.peerClients, options.peerCandidates, sideOf( options.peerCandidates ), options.seed + 1 );
    Run dense;
    {
      LocationProblem problem;
      const double buildS = timed( problem, [&]() { return instance.dense(); } );
      dense = runOurs( instance, &problem, nullptr, options, options.p, buildS );
    }
    SparseLocationProblem problem;
    const double buildS = timed( problem, [&]() { return instance.kNearest( k ); } );
    const Run sparse = runOurs( instance, nullptr, &problem, options, options.p, buildS );
    printRun( "dense solvePMedian", dense );
    printRun( "sparse solvePMedian", sparse );
    char text[256];
    std::snprintf( text, sizeof( text ), "dense peer %ux%u: sparse %.1fx faster, %s", options.peerClients, options.peerCandidates,
                   dense.totalS() / std::max( 1e-9, sparse.totalS() ), objectiveVs( sparse, dense ).c_str() );
    densePeer = text;
  }

  std::string cbcPeer = "CBC peer skipped";
  if ( options.cbcClients > 0 )
  {
    const std::uint32_t k = std::min( options.cbcK, options.cbcCandidates );
    std::printf( "CBC peer %ux%u k=%u p=%u (CBC limit %.0f s)\n", options.cbcClients, options.cbcCandidates, k, options.cbcP,
                 options.cbcLimitS );
    const GeometricInstance instance =
      GeometricInstance::random( options.cbcClients, options.cbcCandidates, sideOf( options.cbcCandidates ), options.seed + 2 );
    SparseLocationProblem sparse;
    const double buildS = timed( sparse, [&]() { return instance.kNearest( k ); } );
    const Run ours = runOurs( instance, nullptr, &sparse, options, options.cbcP, buildS );
    Run cbcDense;
    {
      LocationProblem dense;
      const double denseBuildS = timed( dense, [&]() { return instance.dense(); } );
      cbcDense = runCbc( instance, &dense, nullptr, options );
      cbcDense.buildS += denseBuildS;
    }
    Run cbcSparse = runCbc( instance, nullptr, &sparse, options );
    cbcSparse.buildS += buildS;
    printRun( "sparse solvePMedian", ours );
    printRun( "CBC dense MILP", cbcDense );
    printRun( "CBC sparse MILP", cbcSparse );
    char text[320];
    std::snprintf( text, sizeof( text ),
                   "CBC peer %ux%u: ours %.1fx faster than CBC dense (%s), CBC sparse %.1fx faster than CBC dense (%s)",
                   options.cbcClients, options.cbcCandidates, cbcDense.totalS() / std::max( 1e-9, ours.totalS() ),
                   objectiveVs( ours, cbcDense ).c_str(), cbcDense.totalS() / std::max( 1e-9, cbcSparse.totalS() ),
                   objectiveVs( cbcSparse, cbcDense ).c_str() );
    cbcPeer = text;
  }

  std::printf( "scale %ux%u k=%u p=%u: gap %.2f%%, %.1f s, peak %.2f GiB, %u clients beyond stored pairs; %s; %s\n",
               options.clients, options.candidates, options.k, options.p, 100.0 * gapOf( scale ), scale.totalS(), scalePeakGiB,
               scale.beyond, densePeer.c_str(), cbcPeer.c_str() );
  return scale.ok ? 0 : 1;
}
