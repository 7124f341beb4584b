# greenfreight-bench solvers: instance readers for the public benchmark formats and the
# CBC comparison through gf_milp.
target_sources(greenfreight-bench PRIVATE
  instance_readers.h
  instance_readers.cpp
  solver_benchmark.cpp
)
target_compile_definitions(greenfreight-bench PRIVATE GF_SHARED_DIR="${CMAKE_SOURCE_DIR}/../shared")
target_link_libraries(greenfreight-bench PRIVATE gf::milp)
