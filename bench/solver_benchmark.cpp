#include "solver_benchmark.h"

int runSolverBenchmark( int, char ** )
{
  return 2;
}
