# Sources of the Team > Users page (ui/pages/users/), added to openzro_ui.
target_sources(openzro_ui PRIVATE
  "${CMAKE_CURRENT_LIST_DIR}/../users_page.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_actions.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_csv.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_detail.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_index.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_load.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_menu.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_query.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_rules.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_table.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/users_toolbar.cpp")
# GCC 12 sees a possible null in Result::value() (std::get_if inlined into the callbacks) even
# after ok() was checked: a false positive, as for the server's Asio code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/users_load.cpp"
    PROPERTIES COMPILE_OPTIONS "-Wno-null-dereference")
endif()
# The 100,000-user paths (index build, sort, search) are 3-5x faster in the browser at -O2 with
# inlining than at the build's -Os: worth the few kilobytes for this one file.
if(EMSCRIPTEN)
  set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/users_index.cpp"
    PROPERTIES COMPILE_OPTIONS "-O2;-finline-functions")
endif()
