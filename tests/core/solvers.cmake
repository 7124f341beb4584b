# Location models and solvers: enumeration references on random instances, OR-Library optima.
gf_add_test(NAME core.pmedian_solver SOURCES test_pmedian_solver.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.sparse_pmedian SOURCES test_sparse_pmedian.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.pmedian_orlib
  SOURCES test_pmedian_orlib.cpp ${CMAKE_SOURCE_DIR}/bench/instance_readers.cpp
  LIBS gf::core LABELS core solvers shared-data TIMEOUT 60)
target_include_directories(test_core_pmedian_orlib PRIVATE ${CMAKE_SOURCE_DIR}/bench)
gf_add_test(NAME core.pmedian_branch_and_bound
  SOURCES test_pmedian_branch_and_bound.cpp ${CMAKE_SOURCE_DIR}/bench/instance_readers.cpp
  LIBS gf::core LABELS core solvers shared-data TIMEOUT 60)
target_include_directories(test_core_pmedian_branch_and_bound PRIVATE ${CMAKE_SOURCE_DIR}/bench)
gf_add_test(NAME core.location_exact SOURCES test_location_exact.cpp LIBS gf::core gf::milp LABELS core solvers milp TIMEOUT 60)
gf_add_test(NAME core.pcenter_solver SOURCES test_pcenter_solver.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.uflp_solver SOURCES test_uflp_solver.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.cflp_solver SOURCES test_cflp_solver.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.mclp_solver SOURCES test_mclp_solver.cpp coverage_reference.h LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.lscp_solver SOURCES test_lscp_solver.cpp coverage_reference.h LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.location_orlib
  SOURCES test_location_orlib.cpp ${CMAKE_SOURCE_DIR}/bench/instance_readers.cpp
  LIBS gf::core LABELS core solvers shared-data TIMEOUT 60)
target_include_directories(test_core_location_orlib PRIVATE ${CMAKE_SOURCE_DIR}/bench)
gf_add_test(NAME core.sscflp_solver SOURCES test_sscflp_solver.cpp coverage_reference.h single_source_reference.h
  LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.knapsack_solver SOURCES test_knapsack_solver.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.cpmp_solver SOURCES test_cpmp_solver.cpp coverage_reference.h single_source_reference.h
  LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.single_source_branch_and_bound SOURCES test_single_source_branch_and_bound.cpp coverage_reference.h
  single_source_reference.h LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.single_source_sparse SOURCES test_single_source_sparse.cpp coverage_reference.h single_source_reference.h
  LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.pmedian_curve SOURCES test_pmedian_curve.cpp coverage_reference.h LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.maximal_cover_search SOURCES test_maximal_cover_search.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.swap_local_search SOURCES test_swap_local_search.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
gf_add_test(NAME core.pmedian_elite_pool SOURCES test_pmedian_elite_pool.cpp LIBS gf::core LABELS core solvers TIMEOUT 60)
