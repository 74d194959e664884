# Sources of the Team > Users page (ui/pages/users/), added to openzro_ui.
target_sources(openzro_ui PRIVATE "${CMAKE_CURRENT_LIST_DIR}/../users_page.cpp")
