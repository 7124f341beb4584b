gf_add_test(NAME gis.road_import SOURCES test_road_import.cpp LIBS gf::gis LABELS io QGIS)
