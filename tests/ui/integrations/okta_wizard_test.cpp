// The Okta wizard driven like an admin would, through the item registry, against the fake
// server: the whole journey, reload and reopen, keyboard, leaving, and every call failing once.
#include <gtest/gtest.h>

#include "okta_test_util.h"

using namespace testing_okta;
using harness::Harness;

namespace {

constexpr const char* kScimBase = "https://vpn.acme.com/api/scim/v2";

ui::OktaWizardState& wizard(Harness& h) {
    return h.app.integrations.wizard;
}

void fill_sso(Harness& h) {
    fill(h, "Client ID", "0oa1b2c3d4");
    fill(h, "Client secret", "s3cr3t-value");
    fill(h, "Okta account domain", "acme.okta.com");
    fill(h, "Primary email domain", "acme.com");
}

// Okta calls openZro (its Test API Credentials), and step 4's next poll sees it.
void okta_reaches(FakeOktaServer& s, Harness& h) {
    s.okta_reaches(1);
    h.advance(2.5);
}

// Okta pushes users and groups, and step 7's next poll counts them.
void okta_pushes(FakeOktaServer& s, Harness& h, int users, int groups) {
    s.okta_pushes(users, groups);
    h.advance(3.5);
}

// From the card to step 4 with a new identity provider and integration.
void to_scim_step(Harness& h) {
    ASSERT_TRUE(h.click_and_settle("Connect Okta"));
    ASSERT_TRUE(h.click_and_settle("Get Started"));
    ASSERT_TRUE(h.click_and_settle("Continue"));
    fill_sso(h);
    ASSERT_TRUE(h.click_and_settle("Save and continue"));
    ASSERT_TRUE(h.click_and_settle("Create integration"));
}

}  // namespace

TEST(OktaWizard, TheWholeJourney) {
    FakeOktaServer s;
    auto hp = open_app(s);
    Harness& h = *hp;

    // 1. Permissions, with the estimated time.
    ASSERT_TRUE(h.click_and_settle("Connect Okta"));
    EXPECT_TRUE(shown(h, "Estimated setup time: 15 minutes"));
    EXPECT_EQ(h.find("Back"), nullptr);
    ASSERT_TRUE(h.click_and_settle("Get Started"));
    EXPECT_EQ(query(h, "step"), "2");

    // 2. Install the app; 3. SSO, checked as typed.
    ASSERT_TRUE(h.click_and_settle("Continue"));
    EXPECT_EQ(query(h, "step"), "3");
    EXPECT_TRUE(disabled(h, "Save and continue"));
    fill(h, "Okta account domain", "acme");
    EXPECT_TRUE(disabled(h, "Save and continue"));
    h.press(ImGuiKey_Backspace);
    for (int i = 0; i < 4; ++i) h.press(ImGuiKey_Backspace);
    fill_sso(h);
    EXPECT_FALSE(disabled(h, "Save and continue"));
    EXPECT_EQ(h.find("Client secret")->value, "");  // masked: the registry never sees it
    ASSERT_TRUE(h.click_and_settle("Show Client secret"));
    EXPECT_NE(h.find("Hide Client secret"), nullptr);
    ASSERT_TRUE(h.click_and_settle("Save and continue"));
    const Call* idp = s.last("POST /identity-providers");
    ASSERT_NE(idp, nullptr);
    EXPECT_NE(idp->body.find("\"type\":\"okta\""), std::string::npos);
    EXPECT_NE(idp->body.find("\"issuer\":\"https://acme.okta.com\""), std::string::npos);
    EXPECT_NE(idp->body.find("\"client_secret\":\"s3cr3t-value\""), std::string::npos);
    EXPECT_TRUE(wizard(h).form.client_secret.empty());  // gone from memory after the request
    EXPECT_EQ(query(h, "step"), "4");
    EXPECT_EQ(query(h, "idp"), "idp-1");

    // 4. SCIM: create, copy the URL and the token, wait for Okta.
    ASSERT_TRUE(h.click_and_settle("Create integration"));
    const Call* create = s.last("POST /integrations/okta-scim-idp");
    ASSERT_NE(create, nullptr);
    EXPECT_NE(create->body.find("\"connector_id\":\"idp-1\""), std::string::npos);
    EXPECT_NE(create->body.find("\"connection_name\":\"Okta\""), std::string::npos);
    EXPECT_EQ(query(h, "integration"), "1");
    EXPECT_EQ(h.history.back().find("nbs_"), std::string::npos);  // never a secret in the URL
    ASSERT_TRUE(h.click_and_settle("Copy SCIM connector base URL"));
    EXPECT_EQ(h.clipboard, kScimBase);
    ASSERT_TRUE(h.click_and_settle("Copy Authorization (Bearer) token"));
    EXPECT_EQ(h.clipboard, s.integrations[0].auth_token);
    EXPECT_TRUE(shown(h, "Waiting for Okta..."));
    EXPECT_TRUE(disabled(h, "Continue"));
    EXPECT_GE(h.last.wake_after, 0);  // polling wakes the app while idle
    okta_reaches(s, h);
    EXPECT_NE(find_prefix(h, "Okta reached openZro at "), nullptr);
    EXPECT_FALSE(disabled(h, "Continue"));

    // 5, 6, 7: the Okta steps, then live counts.
    ASSERT_TRUE(h.click_and_settle("Continue"));
    EXPECT_EQ(query(h, "step"), "5");
    ASSERT_TRUE(h.click_and_settle("Continue"));
    EXPECT_EQ(query(h, "step"), "6");
    ASSERT_TRUE(h.click_and_settle("Continue"));
    EXPECT_EQ(query(h, "step"), "7");
    EXPECT_TRUE(shown(h, "0 users received"));
    okta_pushes(s, h, 3, 2);
    EXPECT_TRUE(shown(h, "3 users received"));
    EXPECT_TRUE(shown(h, "2 groups received"));

    // 8. Finish Setup enables the integration and opens Team > Users from Okta.
    ASSERT_TRUE(h.click_and_settle("Finish Setup"));
    EXPECT_TRUE(s.integrations[0].enabled);
    EXPECT_EQ(h.history.back(), "#/team/users?source=okta");
    EXPECT_EQ(h.app.route.page, ui::Page::TeamUsers);
    EXPECT_EQ(s.count("POST /integrations/okta-scim-idp/1/token"), 0);
}

TEST(OktaWizard, BackGoesToThePreviousStepAndKeepsThePlace) {
    FakeOktaServer s;
    auto hp = open_app(s);
    to_scim_step(*hp);
    ASSERT_TRUE(hp->click_and_settle("Back"));
    EXPECT_EQ(query(*hp, "step"), "3");
    // The provider now exists: it is shown and can be kept.
    EXPECT_NE(hp->find("Replace settings"), nullptr);
    ASSERT_TRUE(hp->click_and_settle("Continue"));
    EXPECT_EQ(query(*hp, "step"), "4");
    EXPECT_EQ(query(*hp, "integration"), "1");
    EXPECT_EQ(s.count("POST /identity-providers"), 1);
    EXPECT_EQ(s.count("POST /integrations/okta-scim-idp"), 1);
    EXPECT_NE(hp->find("Copy Authorization (Bearer) token"), nullptr);
}

TEST(OktaWizard, ExistingProviderCanBeReplaced) {
    FakeOktaServer s;
    s.providers.push_back({"idp-9", "okta", "Okta", "https://old.okta.com", "0oaOld", ""});
    auto hp = open_app(s, "#/integrations?setup=okta&step=3");
    Harness& h = *hp;
    ASSERT_TRUE(h.click_and_settle("Replace settings"));
    fill_sso(h);
    ASSERT_TRUE(h.click_and_settle("Save and continue"));
    ASSERT_NE(s.last("PUT /identity-providers/idp-9"), nullptr);
    EXPECT_EQ(s.count("POST /identity-providers"), 0);
    EXPECT_EQ(s.providers[0].issuer, "https://acme.okta.com");
    EXPECT_EQ(query(h, "idp"), "idp-9");
}

TEST(OktaWizard, ReloadResumesWithoutRegeneratingAndOffersAConfirmedRegeneration) {
    FakeOktaServer s;
    s.add_setup(4, false, "nbs_original_full_token");
    auto hp = open_app(s, "#/integrations?setup=okta&step=4&idp=idp-1&integration=4");
    Harness& h = *hp;
    EXPECT_EQ(s.count("POST /integrations/okta-scim-idp/4/token"), 0);
    EXPECT_EQ(h.find("Copy Authorization (Bearer) token"), nullptr);
    ASSERT_NE(h.find("Regenerate token"), nullptr);

    s.fail("POST /integrations/okta-scim-idp/4/token");
    ASSERT_TRUE(h.click_and_settle("Regenerate token"));
    ASSERT_NE(h.find("Cancel"), nullptr);
    ASSERT_TRUE(h.click_and_settle("Cancel"));
    EXPECT_EQ(s.count("POST /integrations/okta-scim-idp/4/token"), 0);
    ASSERT_TRUE(h.click_and_settle("Regenerate token"));
    ASSERT_TRUE(h.click_and_settle("Regenerate"));
    EXPECT_EQ(s.count("POST /integrations/okta-scim-idp/4/token"), 1);
    EXPECT_EQ(h.find("Copy Authorization (Bearer) token"), nullptr);  // failed: still hidden
    ASSERT_TRUE(h.click_and_settle("Regenerate token"));
    ASSERT_TRUE(h.click_and_settle("Regenerate"));
    ASSERT_TRUE(h.click_and_settle("Copy Authorization (Bearer) token"));
    EXPECT_EQ(h.clipboard, s.integrations[0].auth_token);
    EXPECT_NE(h.clipboard, "nbs_original_full_token");
}

TEST(OktaWizard, APartialRouteLandsOnTheFirstStepStillMissingSomething) {
    FakeOktaServer s;
    auto hp = open_app(s, "#/integrations?setup=okta&step=6");
    EXPECT_EQ(query(*hp, "step"), "3");
    hp->navigate("#/integrations?setup=okta&step=6&idp=idp-1");
    EXPECT_EQ(query(*hp, "step"), "4");
}

TEST(OktaWizard, AnIntegrationMadeBeforeForTheProviderIsReused) {
    FakeOktaServer s;
    s.add_setup(3, false, "nbs_x");
    auto hp = open_app(s, "#/integrations?setup=okta&step=4&idp=idp-1");
    EXPECT_EQ(query(*hp, "integration"), "3");
    EXPECT_EQ(s.count("POST /integrations/okta-scim-idp"), 0);
}

TEST(OktaWizard, EscapeAndCloseAskBeforeLeaving) {
    FakeOktaServer s;
    auto hp = open_app(s);
    Harness& h = *hp;
    ASSERT_TRUE(h.click_and_settle("Connect Okta"));
    ASSERT_TRUE(h.click_and_settle("Get Started"));
    h.press(ImGuiKey_Escape);
    h.settle();
    ASSERT_NE(h.find("Leave setup"), nullptr);
    ASSERT_TRUE(h.click_and_settle("Cancel"));
    EXPECT_EQ(query(h, "setup"), "okta");
    // A click outside the dialog does nothing.
    ASSERT_TRUE(h.click_and_settle("Users"));
    EXPECT_EQ(query(h, "setup"), "okta");
    ASSERT_TRUE(h.click_and_settle("Close setup"));
    ASSERT_TRUE(h.click_and_settle("Leave setup"));
    EXPECT_EQ(h.history.back(), "#/integrations");
    EXPECT_EQ(h.find("Get Started"), nullptr);
    EXPECT_NE(h.find("Connect Okta"), nullptr);
}

TEST(OktaWizard, EnterContinuesAndTheKeyboardReachesEveryControl) {
    FakeOktaServer s;
    auto hp = open_app(s);
    Harness& h = *hp;
    ASSERT_TRUE(h.click_and_settle("Connect Okta"));
    h.press(ImGuiKey_Enter);
    EXPECT_EQ(query(h, "step"), "2");
    h.press(ImGuiKey_Enter);
    EXPECT_EQ(query(h, "step"), "3");
    // Tab walks through the fields and the buttons of the dialog, and only those.
    std::vector<std::string> focused;
    for (int i = 0; i < 12; ++i) {
        h.press(ImGuiKey_Tab);
        for (const ui::Item& item : h.app.registry.items)
            if (item.state & ui::ItemState_Focused) focused.push_back(item.label);
    }
    for (const char* label : {"Copy Sign-in redirect URI", "Copy Sign-out redirect URI",
                              "Client ID", "Client secret", "Show Client secret",
                              "Okta account domain", "Primary email domain", "Back", "Close setup"})
        EXPECT_NE(std::find(focused.begin(), focused.end(), label), focused.end()) << label;
    EXPECT_EQ(std::find(focused.begin(), focused.end(), "Users"), focused.end());
}

TEST(OktaWizard, EnterInTheLastFieldSubmitsTheForm) {
    FakeOktaServer s;
    auto hp = open_app(s, "#/integrations?setup=okta&step=3");
    Harness& h = *hp;
    fill_sso(h);
    h.press(ImGuiKey_Enter);
    h.settle();
    EXPECT_EQ(s.count("POST /identity-providers"), 1);
    EXPECT_EQ(query(h, "step"), "4");
}

TEST(OktaWizard, EveryWizardCallFailingOnceCanBeRetried) {
    struct Case {
        const char* call;
        const char* retry;  // what the admin presses again
    };
    for (const Case& c : {Case{"POST /identity-providers", "Save and continue"},
                          Case{"POST /integrations/okta-scim-idp", "Create integration"},
                          Case{"GET /integrations/okta-scim-idp/1/logs", "Retry"}}) {
        SCOPED_TRACE(c.call);
        FakeOktaServer s;
        s.fail(c.call);
        auto hp = open_app(s);
        Harness& h = *hp;
        ASSERT_TRUE(h.click_and_settle("Connect Okta"));
        ASSERT_TRUE(h.click_and_settle("Get Started"));
        ASSERT_TRUE(h.click_and_settle("Continue"));
        fill_sso(h);
        ASSERT_TRUE(h.click_and_settle("Save and continue"));
        if (std::string(c.retry) == "Save and continue") {
            EXPECT_EQ(query(h, "step"), "3");
            EXPECT_EQ(wizard(h).form.client_secret, "s3cr3t-value");  // the form keeps it
            ASSERT_TRUE(h.click_and_settle(c.retry));
        }
        ASSERT_TRUE(h.click_and_settle("Create integration"));
        if (std::string(c.retry) == "Create integration") {
            EXPECT_EQ(query(h, "integration"), "");
            ASSERT_TRUE(h.click_and_settle(c.retry));
        }
        EXPECT_EQ(query(h, "integration"), "1");
        okta_reaches(s, h);
        if (std::string(c.retry) == "Retry") {
            EXPECT_TRUE(shown(h, "Waiting for Okta..."));
            ASSERT_TRUE(h.click_and_settle("Retry"));
        }
        EXPECT_NE(find_prefix(h, "Okta reached openZro at "), nullptr);
    }
}

TEST(OktaWizard, CountsAndFinishFailingOnceCanBeRetried) {
    FakeOktaServer s;
    s.add_setup(2);
    s.fail("GET /users");
    s.fail("PUT /integrations/okta-scim-idp/2");
    auto hp = open_app(s, "#/integrations?setup=okta&step=7&idp=idp-1&integration=2");
    Harness& h = *hp;
    ASSERT_NE(h.find("Retry"), nullptr);
    ASSERT_TRUE(h.click_and_settle("Retry"));
    okta_pushes(s, h, 1, 1);
    EXPECT_TRUE(shown(h, "1 user received"));
    EXPECT_TRUE(shown(h, "1 group received"));
    ASSERT_TRUE(h.click_and_settle("Finish Setup"));
    EXPECT_FALSE(s.integrations[0].enabled);
    EXPECT_EQ(query(h, "step"), "7");
    ASSERT_TRUE(h.click_and_settle("Finish Setup"));
    EXPECT_TRUE(s.integrations[0].enabled);
    EXPECT_EQ(h.history.back(), "#/team/users?source=okta");
}

TEST(OktaWizard, ReopenedIntegrationFailingToLoadCanBeRetried) {
    FakeOktaServer s;
    s.add_setup(5, false, "nbs_full");
    s.fail("GET /integrations/okta-scim-idp/5");
    auto hp = open_app(s, "#/integrations?setup=okta&step=4&idp=idp-1&integration=5");
    ASSERT_TRUE(hp->click_and_settle("Retry"));
    EXPECT_NE(hp->find("Regenerate token"), nullptr);
}
