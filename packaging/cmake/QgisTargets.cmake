# Debian's FindQGIS.cmake only sets variables; wrap them in IMPORTED targets so that
# QGIS headers arrive as -isystem and link dependencies are declared once.
find_package(Qt5 5.15 REQUIRED COMPONENTS Core Gui Widgets Xml Network Svg PrintSupport Sql Concurrent Positioning WebKitWidgets)
list(APPEND CMAKE_MODULE_PATH /usr/share/qgis)
find_package(QGIS REQUIRED)
find_package(GDAL REQUIRED)

if(NOT TARGET Qgis::Core)
  add_library(Qgis::Core UNKNOWN IMPORTED)
  set_target_properties(Qgis::Core PROPERTIES
    IMPORTED_LOCATION "${QGIS_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR};${GDAL_INCLUDE_DIRS}"
    INTERFACE_COMPILE_DEFINITIONS "WITH_QTWEBKIT"
    INTERFACE_LINK_LIBRARIES "Qt5::Core;Qt5::Gui;Qt5::Widgets;Qt5::Xml;Qt5::Network;Qt5::Svg;Qt5::PrintSupport;Qt5::Sql;Qt5::Concurrent;Qt5::Positioning;Qt5::WebKitWidgets;GDAL::GDAL")

  add_library(Qgis::Analysis UNKNOWN IMPORTED)
  set_target_properties(Qgis::Analysis PROPERTIES
    IMPORTED_LOCATION "${QGIS_ANALYSIS_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "Qgis::Core")

  add_library(Qgis::Gui UNKNOWN IMPORTED)
  set_target_properties(Qgis::Gui PROPERTIES
    IMPORTED_LOCATION "${QGIS_GUI_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "Qgis::Core")
endif()
