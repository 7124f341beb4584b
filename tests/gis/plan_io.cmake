gf_add_test(NAME gis.plan_io SOURCES test_plan_io.cpp LIBS gf::gis LABELS io QGIS)
