# Sources of the Integrations page, the Okta wizard and its configuration dialog
# (ui/pages/integrations/), added to openzro_ui.
target_sources(openzro_ui PRIVATE "${CMAKE_CURRENT_LIST_DIR}/../integrations_page.cpp")
