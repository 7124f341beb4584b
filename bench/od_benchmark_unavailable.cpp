// Core-only builds have no QGIS to compare against, so the OD benchmark cannot run.
#include "od_benchmark.h"

#include <cstdio>

int runOdBenchmark( int, char ** )
{
  std::fprintf( stderr, "greenfreight-bench od needs QGIS: configure without GF_CORE_ONLY\n" );
  return 2;
}
