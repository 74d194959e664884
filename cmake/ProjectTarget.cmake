# openzro_project_target(<target>): the warning and language settings every target of ours gets.
# Third-party code (ImGui, Boost, nlohmann, GoogleTest) is included as SYSTEM, so its warnings
# never count.
function(openzro_project_target target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor -Wold-style-cast
    -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(OPENZRO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# openzro_speed_sources(<file>...): sources a 100,000-user list runs through (JSON reading, text
# helpers, the users index). The wasm build is for size (-Os); these build at -O2 there, several
# times faster for a few KB. emcc adds -fno-inline-functions whenever -Os/-Oz is on its command
# line, hence -finline-functions. Call it from the folder whose target compiles the files.
function(openzro_speed_sources)
  if(EMSCRIPTEN)
    set_source_files_properties(${ARGN} PROPERTIES COMPILE_OPTIONS "-O2;-finline-functions")
  endif()
endfunction()

# nlohmann/json from Debian, without putting /usr/include on em++'s path (it would pull host
# headers into the wasm build): a folder that holds only nlohmann/.
if(NOT TARGET openzro_json)
  add_library(openzro_json INTERFACE)
  if(EMSCRIPTEN)
    set(_json_dir "${CMAKE_BINARY_DIR}/json_include")
    file(MAKE_DIRECTORY "${_json_dir}")
    if(NOT EXISTS "${_json_dir}/nlohmann")
      file(CREATE_LINK /usr/include/nlohmann "${_json_dir}/nlohmann" SYMBOLIC)
    endif()
    target_include_directories(openzro_json SYSTEM INTERFACE "${_json_dir}")
  else()
    find_package(nlohmann_json 3.11 REQUIRED)
    target_link_libraries(openzro_json INTERFACE nlohmann_json::nlohmann_json)
  endif()
  # Exceptions are off in the wasm build, so a throwing accessor aborts the app. Natively too,
  # so that tests catch the same mistake: use parse(text, nullptr, false) and checked reads.
  target_compile_definitions(openzro_json INTERFACE JSON_NOEXCEPTION)
endif()
