# Qt 5.15 now, Qt 6-clean code: the strict defines that QGIS 3.22 headers tolerate.
find_package(Qt5 5.15 REQUIRED COMPONENTS Core Gui Widgets Xml Network Svg PrintSupport Sql Test LinguistTools)
add_library(gf_qt_defaults INTERFACE)
target_compile_definitions(gf_qt_defaults INTERFACE
  QT_NO_FOREACH
  QT_DISABLE_DEPRECATED_BEFORE=0x050F00
)
