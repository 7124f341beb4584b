# Fails when a file under core/engine includes a Qt, QGIS, GDAL/OGR, PROJ, SQLite or COIN-OR
# header: gf_core must stay C++17 + std + threads only. Run as
#   cmake -DENGINE_DIR=<core/engine> -P check_engine_includes.cmake
if(NOT IS_DIRECTORY "${ENGINE_DIR}")
  message(FATAL_ERROR "ENGINE_DIR '${ENGINE_DIR}' is not a directory")
endif()

file(GLOB_RECURSE engine_files
  "${ENGINE_DIR}/*.h" "${ENGINE_DIR}/*.hpp" "${ENGINE_DIR}/*.hh"
  "${ENGINE_DIR}/*.cpp" "${ENGINE_DIR}/*.cc" "${ENGINE_DIR}/*.cxx")
list(LENGTH engine_files file_count)
if(file_count EQUAL 0)
  message(FATAL_ERROR "no source files found under ${ENGINE_DIR}")
endif()

# Qt (<QString>, <QtCore/...>), QGIS (qgs*.h, qgis.h), GDAL/OGR/CPL, PROJ, SQLite, COIN-OR.
set(forbidden "^[ \t]*#[ \t]*include[ \t]*[<\"](.*/)?(Q[A-Za-z]|qgs|qgis|gdal|ogr|cpl_|proj\\.h|proj_api\\.h|sqlite3|coin/|Cbc|Osi|Clp)")
set(violations "")
foreach(path IN LISTS engine_files)
  file(STRINGS "${path}" lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(line MATCHES "${forbidden}")
      file(RELATIVE_PATH relative "${ENGINE_DIR}" "${path}")
      string(APPEND violations "\n  ${relative}: ${line}")
    endif()
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "core/engine must not include Qt, QGIS, GDAL, PROJ, SQLite or COIN-OR headers:${violations}")
endif()
message(STATUS "${file_count} engine files checked: no forbidden includes")
