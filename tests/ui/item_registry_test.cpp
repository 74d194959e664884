#include "ui/item_registry.h"

#include <gtest/gtest.h>

#include "harness/harness.h"

using harness::Harness;

TEST(ItemRegistry, ReportsEveryInteractiveItemOfTheFrame) {
    Harness h;
    for (const char* label : {"Integrations", "Team", "Users", "Light theme", "Connect Okta",
                              "Copy SCIM connector base URL", "Okta SCIM documentation"})
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
    EXPECT_NE(json.find("\"state\":{\"disabled\":true}"), std::string::npos);
}

TEST(ItemRegistry, EscapesLabelsForJson) {
    ui::ItemRegistry r;
    ui::Item item;
    item.label = "a \"quoted\"\nlabel\\";
    item.id = "x";
    r.items.push_back(item);
    EXPECT_NE(ui::registry_to_json(r, 1.0f).find("\"a \\\"quoted\\\"\\nlabel\\\\\""),
              std::string::npos);
}
