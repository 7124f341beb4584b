# Desktop integration files and a Debian package (cpack -G DEB).
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/cn.greenfreight.Planner.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/cn.greenfreight.Planner.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/sample-data/zhangdian-demo.gpkg ${CMAKE_SOURCE_DIR}/sample-data/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/greenfreight/sample-data)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME greenfreight-planner)
set(CPACK_PACKAGE_VENDOR "GreenFreight Planner developers")
set(CPACK_PACKAGE_CONTACT "GreenFreight Planner developers <dev@greenfreight.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Freight distribution facility siting on QGIS")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Providers are loaded with dlopen, so shlibdeps cannot see them; CJK fonts for reports.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qgis-providers, fonts-noto-cjk")
include(CPack)
