# Warnings for project targets only (linked PRIVATE), never global flags.
add_library(gf_warnings INTERFACE)
target_compile_options(gf_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(GF_WERROR)
  target_compile_options(gf_warnings INTERFACE -Werror)
endif()
