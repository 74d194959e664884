# Sources of the Integrations page, the Okta wizard and its configuration dialog
# (ui/pages/integrations/), and the generic widgets they brought (ui/widgets/), added to openzro_ui.
target_sources(openzro_ui PRIVATE
  "${CMAKE_CURRENT_LIST_DIR}/../integrations_page.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/logos.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_card.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_config.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_data.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_form.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard_guides.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard_scim.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard_sso.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/sync_time.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/error_banner.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/field_button.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/instructions.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/live_text.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/modal.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/skeleton.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/tabs.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/../../widgets/toggle.cpp")
