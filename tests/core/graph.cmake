# Road network engine: graph building, snapping, shortest paths and OD matrices against
# brute-force references on hand-drawn and random networks.
gf_add_test(NAME core.road_graph SOURCES test_road_graph.cpp LIBS gf::core LABELS core graph TIMEOUT 60)
gf_add_test(NAME core.shortest_path_query SOURCES test_shortest_path_query.cpp graph_test_support.h LIBS gf::core LABELS core graph TIMEOUT 60)
gf_add_test(NAME core.edge_snapper SOURCES test_edge_snapper.cpp graph_test_support.h LIBS gf::core LABELS core graph TIMEOUT 60)
gf_add_test(NAME core.od_matrix SOURCES test_od_matrix.cpp graph_test_support.h LIBS gf::core LABELS core graph od TIMEOUT 60)
gf_add_test(NAME core.vehicle_profile SOURCES test_vehicle_profile.cpp LIBS gf::core LABELS core graph TIMEOUT 60)
gf_add_test(NAME core.sparse_od_matrix SOURCES test_sparse_od_matrix.cpp graph_test_support.h LIBS gf::core LABELS core graph od TIMEOUT 60)
gf_add_test(NAME core.service_area SOURCES test_service_area.cpp graph_test_support.h LIBS gf::core LABELS core graph TIMEOUT 60)
