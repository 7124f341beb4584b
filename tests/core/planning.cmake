gf_add_test(NAME core.station_plan SOURCES test_station_plan.cpp LIBS gf::core LABELS core planning)
