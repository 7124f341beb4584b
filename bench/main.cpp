// greenfreight-bench <od|solvers|scale> [options]: dispatches to one benchmark family.
#include "od_benchmark.h"
#include "scale_benchmark.h"
#include "solver_benchmark.h"

#include <cstdio>
#include <cstring>

int main( int argc, char **argv )
{
  if ( argc >= 2 && std::strcmp( argv[1], "od" ) == 0 )
    return runOdBenchmark( argc - 1, argv + 1 );
  if ( argc >= 2 && std::strcmp( argv[1], "solvers" ) == 0 )
    return runSolverBenchmark( argc - 1, argv + 1 );
  if ( argc >= 2 && std::strcmp( argv[1], "scale" ) == 0 )
    return runScaleBenchmark( argc - 1, argv + 1 );
  std::fprintf( stderr, "usage: greenfreight-bench od [--network FILE] [--shared DIR]\n"
                        "       greenfreight-bench solvers --family F [--benchmarks DIR] | --file PATH --format pmed|cap|sscflp\n"
                        "       greenfreight-bench scale [--clients N] [--candidates M] [--k K] [--p P] [--seed S]\n" );
  return 2;
}
