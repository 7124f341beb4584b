#pragma once
//! `greenfreight-bench scale`: the sparse p-median at 10^5 clients × 10^4 candidates, and on
//! smaller instances against the dense solver and CBC (dense and sparse MILP) in the same run.
int runScaleBenchmark( int argc, char **argv );
