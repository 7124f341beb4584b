gf_add_test(NAME gis.od_cache SOURCES test_od_cache.cpp LIBS gf::gis LABELS io QGIS)
