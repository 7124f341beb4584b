# greenfreight-bench od: our OD engine against QGIS's graph analyser on the same graph. The
# comparison needs qgis_analysis, so core-only builds get a stub that says so.
target_sources(greenfreight-bench PRIVATE od_benchmark_unavailable.cpp)
