# Workarounds for Debian's emscripten 3.1.6, kept in the build so nobody's shell needs them.
# - Linking at -O1+ runs acorn-optimizer.js, which needs Node to search /usr/share/nodejs.
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
set(CMAKE_C_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
# - Exceptions off: a throw would abort, so project code never throws; -fno-exceptions makes
#   libc++'s own throws plain aborts, so no exception runtime is linked (2 KB less gzip).
# - -Os (the wasm preset is MinSizeRel): -Oz saved 0.9 KB gzip but made the whole wizard
#   journey 3% slower under V8 (bench/wizard). The hot loops that need speed say so themselves
#   (openzro_speed_sources, cmake/ProjectTarget.cmake).
set(CMAKE_CXX_FLAGS_MINSIZEREL "-Os -DNDEBUG" CACHE STRING "" FORCE)
set(CMAKE_C_FLAGS_MINSIZEREL "-Os -DNDEBUG" CACHE STRING "" FORCE)
# - Size: no RTTI (nothing uses typeid or dynamic_cast; the type names of std::function's
#   lambdas alone took 36 KB) and link-time optimisation across ImGui, client and ui: together
#   14 KB less gzip.
add_compile_options(-fno-rtti -fno-exceptions -flto)
# - Node.js runs the wasm tests and benches: the repository's package.json says "type": "module",
#   emscripten's .js output is CommonJS, so the build folder gets a package.json of its own.
file(WRITE "${CMAKE_BINARY_DIR}/package.json" "{\"type\": \"commonjs\"}\n")
add_link_options(-flto)
# - gmtime_r's tzset runs JavaScript that allocates with malloc, which nothing else keeps
#   exported in a program without exceptions (the users bench aborted): exported for all.
add_link_options("SHELL:-sEXPORTED_FUNCTIONS=[_main,_malloc]")
