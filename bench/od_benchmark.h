#pragma once
//! `greenfreight-bench od`: our OD engine against QgsGraphAnalyzer on the same graph.
int runOdBenchmark( int argc, char **argv );
