# greenfreight-bench od: our OD engine against QGIS's graph analyser on the same graph. The
# comparison needs qgis_analysis, so core-only builds get a stub that says so.
if(GF_CORE_ONLY)
  target_sources(greenfreight-bench PRIVATE od_benchmark_unavailable.cpp)
else()
  target_sources(greenfreight-bench PRIVATE od_benchmark.cpp)
  target_link_libraries(greenfreight-bench PRIVATE Qgis::Analysis gf_qt_defaults)
endif()
