# Dear ImGui 1.90.1 from Debian's source package (scripts/bootstrap unpacks it), as a static
# library compiled as third-party code. The test-engine hooks are on in every build: they feed
# the item registry that tests and window.openzroItems() read.
set(IMGUI_DIR "${OPENZRO_DEPS_DIR}/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/bootstrap")
endif()
add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp" "${IMGUI_DIR}/imgui_widgets.cpp"
  "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/misc/cpp")
target_compile_definitions(imgui PUBLIC
  IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_KEYIO
  IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS IMGUI_DISABLE_FILE_FUNCTIONS
  IMGUI_DISABLE_DEFAULT_FILE_FUNCTIONS IMGUI_DISABLE_DEBUG_TOOLS)
target_compile_options(imgui PRIVATE -w)  # third-party sources: their warnings are not ours
