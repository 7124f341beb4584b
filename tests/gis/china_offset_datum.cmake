gf_add_test(NAME gis.china_offset_datum SOURCES test_china_offset_datum.cpp LIBS gf::gis LABELS crs shared-data QGIS)
