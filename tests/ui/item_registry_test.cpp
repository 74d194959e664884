#include "ui/item_registry.h"

#include <gtest/gtest.h>

#include "harness/harness.h"
#include "ui/widgets.h"

using harness::Harness;

TEST(ItemRegistry, ReportsEveryInteractiveItemOfTheFrame) {
    Harness h;
    for (const char* label : {"Integrations", "Team", "Users", "Light theme"})
        EXPECT_NE(h.find(label), nullptr) << label;
    // Windows are not items.
    EXPECT_EQ(h.find("sidebar"), nullptr);
    EXPECT_EQ(h.find("app"), nullptr);
}

TEST(ItemRegistry, FindsByIdAfterTheHashes) {
    Harness h;
    const ui::Item* by_id = h.find("nav-team-users");
    ASSERT_NE(by_id, nullptr);
    EXPECT_EQ(by_id->label, "Users");
}

TEST(ItemRegistry, JsonIsInCssPixels) {
    Harness h({1280, 800, 2.0f, ""});
    const ui::Item* item = h.find("Integrations");
    ASSERT_NE(item, nullptr);
    const std::string json = ui::registry_to_json(h.app.registry, 2.0f);
    char expected[64];
    std::snprintf(expected, sizeof expected, "\"x\":%.1f", static_cast<double>(item->min.x / 2));
    EXPECT_NE(
        json.find("{\"id\":\"nav-integrations\",\"role\":\"link\",\"label\":\"Integrations\""),
        std::string::npos)
        << json;
    EXPECT_NE(json.find(expected), std::string::npos);
    EXPECT_NE(json.find("\"state\":{\"selected\":true}"), std::string::npos);
}

TEST(ItemRegistry, EscapesLabelsForJson) {
    ui::ItemRegistry r;
    ui::Item item;
    item.label = "a \"quoted\"\nlabel\\";
    item.id = "x";
    r.items.push_back(item);
    // One JSON writer for the mirror and the server (client/text.h): controls as \u00XX.
    EXPECT_NE(ui::registry_to_json(r, 1.0f).find("\"a \\\"quoted\\\"\\u000alabel\\\\\""),
              std::string::npos);
}

TEST(ItemRegistry, HeadingsAndTextAreReportedApartFromItems) {
    Harness h({1280, 800, 1.0f, "#/nowhere"});
    bool heading = false, text = false;
    for (const ui::Item& t : h.app.registry.texts) {
        if (t.role == ui::Role::Heading && t.label == "Page not found") heading = true;
        if (t.role == ui::Role::Text && t.label == "There is no page at /nowhere.") text = true;
    }
    EXPECT_TRUE(heading);
    EXPECT_TRUE(text);
    EXPECT_EQ(h.find("Page not found"), nullptr);  // not an interactive item
    const std::string json = ui::registry_to_mirror_json(h.app.registry, 1.0f);
    EXPECT_NE(json.find("\"role\":\"heading\",\"label\":\"Page not found\""), std::string::npos);
    EXPECT_NE(json.find("\"key\":"), std::string::npos);
}

TEST(ItemRegistry, MirrorWritesTextInputsAndMovesFocus) {
    Harness h;
    std::string note;
    h.overlay = [&] {
        ImGui::Begin("##mirror-test");
        ui::text_field("Note", note);
        ImGui::End();
    };
    h.settle();
    const ui::Item* field = h.find("Note");
    ASSERT_NE(field, nullptr);
    EXPECT_TRUE(ui::registry_set_text(h.app.registry, field->imgui_id, "from the mirror"));
    EXPECT_EQ(note, "from the mirror");
    h.settle();
    EXPECT_EQ(h.find("Note")->value, "from the mirror");
    EXPECT_FALSE(ui::registry_set_text(h.app.registry, h.find("Users")->imgui_id, "x"));

    ui::registry_focus(h.app.registry, h.find("Users")->imgui_id);
    h.settle();
    EXPECT_TRUE(h.find("Users")->state & ui::ItemState_Focused);
    h.press(ImGuiKey_Enter);
    EXPECT_EQ(h.app.route.page, ui::Page::TeamUsers);
}
