# greenfreight-bench od: our OD engine against QGIS's graph analyser on the same graph, on the
# Beijing graph and on the sample district (or any road layer, read by gf_gis's importer). The
# comparison needs qgis_analysis, so core-only builds get a stub that says so.
if(GF_CORE_ONLY)
  target_sources(greenfreight-bench PRIVATE od_benchmark_unavailable.cpp)
else()
  target_sources(greenfreight-bench PRIVATE od_benchmark.cpp)
  target_link_libraries(greenfreight-bench PRIVATE gf::app gf::gis Qgis::Analysis gf_qt_defaults)
  set_source_files_properties(od_benchmark.cpp PROPERTIES COMPILE_DEFINITIONS
    "GF_SAMPLE_GPKG=\"${CMAKE_SOURCE_DIR}/sample-data/zhangdian-demo.gpkg\"")
endif()
