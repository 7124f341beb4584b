gf_add_test(NAME gis.service_area_polygons SOURCES test_service_area_polygons.cpp LIBS gf::gis LABELS io QGIS)
