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
# The 100,000-user paths (index build, sort, search) are 3-5x faster in the browser at -O2 with
# inlining than at the build's -Os: worth the few kilobytes for this one file.
if(EMSCRIPTEN)
  set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/users_index.cpp"
    PROPERTIES COMPILE_OPTIONS "-O2;-finline-functions")
endif()
