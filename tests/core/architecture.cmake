# Layering rule of DESIGN.md: gf_core (core/engine) includes nothing but the standard library.
add_test(NAME core.architecture
  COMMAND ${CMAKE_COMMAND} -DENGINE_DIR=${CMAKE_SOURCE_DIR}/core/engine
          -P ${CMAKE_CURRENT_SOURCE_DIR}/check_engine_includes.cmake)
set_tests_properties(core.architecture PROPERTIES LABELS "core;architecture" TIMEOUT 60)
