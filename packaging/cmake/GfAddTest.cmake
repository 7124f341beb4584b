# gf_add_test(NAME core.road_graph SOURCES test_road_graph.cpp LIBS gf::core LABELS core [QGIS] [TIMEOUT s])
# One executable per test file, registered with CTest under a dotted name and area labels.
# QGIS marks tests that start QGIS: they run offscreen with the system prefix so providers load.
function(gf_add_test)
  cmake_parse_arguments(T "QGIS" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  string(REPLACE "." "_" exe "test_${T_NAME}")
  add_executable(${exe} ${T_SOURCES})
  set_target_properties(${exe} PROPERTIES AUTOMOC ON RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  target_link_libraries(${exe} PRIVATE ${T_LIBS} Qt5::Test gf_qt_defaults gf_warnings)
  target_compile_definitions(${exe} PRIVATE
    TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data"
    GF_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    GF_SHARED_DIR="${CMAKE_SOURCE_DIR}/../shared"
    GF_BIN_DIR="${CMAKE_BINARY_DIR}/bin")
  add_test(NAME ${T_NAME} COMMAND ${exe} -maxwarnings 10000)
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QGIS_PREFIX_PATH=/usr;LC_ALL=C.UTF-8")
endfunction()
