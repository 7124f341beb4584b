# The programme plan's land-use part: suitability table, candidate sites, loading bays.
gf_add_test(NAME core.land_use_table SOURCES test_land_use_table.cpp LIBS gf::core LABELS core programme)
gf_add_test(NAME core.candidate_generator SOURCES test_candidate_generator.cpp LIBS gf::core LABELS core programme)
gf_add_test(NAME core.loading_bay_planner SOURCES test_loading_bay_planner.cpp LIBS gf::core LABELS core programme)
