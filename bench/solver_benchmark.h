#pragma once
//! `greenfreight-bench solvers`: our solvers on the public benchmark sets against CBC.
int runSolverBenchmark( int argc, char **argv );
