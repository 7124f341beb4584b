gf_add_test(NAME core.station_plan SOURCES test_station_plan.cpp LIBS gf::core LABELS core planning)
gf_add_test(NAME core.programme_plan SOURCES test_programme_plan.cpp LIBS gf::core LABELS core planning)
