# Sources of the Integrations page, the Okta wizard and its configuration dialog
# (ui/pages/integrations/), added to openzro_ui.
target_sources(openzro_ui PRIVATE
  "${CMAKE_CURRENT_LIST_DIR}/../integrations_page.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/issuer_check.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/logos.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_card.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_config.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_config_sso.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_data.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_form.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard_guides.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard_scim.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/okta_wizard_sso.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/regenerate_token.cpp"
  "${CMAKE_CURRENT_LIST_DIR}/sync_time.cpp")
