gf_add_test(NAME gis.plan_report SOURCES test_plan_report.cpp LIBS gf::gis LABELS gis QGIS TIMEOUT 120)
# The Chinese report reads the compiled catalogue from <build>/share/greenfreight/translations.
if(TARGET gf_translations)
  add_dependencies(test_gis_plan_report gf_translations)
endif()
gf_add_test(NAME gis.atomic_file SOURCES test_atomic_file.cpp LIBS gf::gis LABELS gis io)
