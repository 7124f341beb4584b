# Programme plan numbers: parameter registry and presets, charging piles and fleets, KPIs
# against the status quo and the compliance table, all recomputed by hand.
gf_add_test(NAME core.programme_parameters SOURCES test_programme_parameters.cpp LIBS gf::core LABELS core programme)
gf_add_test(NAME core.charging_sizing SOURCES test_charging_sizing.cpp LIBS gf::core LABELS core programme)
gf_add_test(NAME core.fleet_estimate SOURCES test_fleet_estimate.cpp LIBS gf::core LABELS core programme)
gf_add_test(NAME core.programme_kpis SOURCES test_programme_kpis.cpp LIBS gf::core LABELS core programme)
gf_add_test(NAME core.compliance SOURCES test_compliance.cpp LIBS gf::core LABELS core programme)
