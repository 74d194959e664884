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
# The 100,000-user paths (index build, sort, search): 3-5x faster in the browser at -O2.
openzro_speed_sources("${CMAKE_CURRENT_LIST_DIR}/users_index.cpp")
