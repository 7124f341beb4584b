gf_add_test(NAME gis.land_use_table_loader SOURCES test_land_use_table_loader.cpp LIBS gf::gis LABELS gis io)
