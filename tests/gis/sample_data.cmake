gf_add_test(NAME gis.sample_data
  SOURCES test_sample_data.cpp
  LIBS Qgis::Core
  LABELS io QGIS
  TIMEOUT 120)
add_dependencies(test_gis_sample_data greenfreight-sample-generator)
