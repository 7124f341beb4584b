# greenfreight-bench scale: the sparse p-median at 10^5 x 10^4 on random geometric instances,
# against the dense solver and CBC (gf_milp) on smaller ones.
target_sources(greenfreight-bench PRIVATE
  geometric_instance.h
  geometric_instance.cpp
  scale_benchmark.h
  scale_benchmark.cpp
)
