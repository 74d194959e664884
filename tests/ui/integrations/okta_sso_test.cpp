// Single sign-on in the wizard's SSO step (redirect URIs, the live check of the Okta domain)
// and in the configuration dialog's "Single sign-on" tab (secret, test sign-in, approval).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "okta_test_util.h"

using namespace testing_okta;
using harness::Harness;

namespace {

std::unique_ptr<Harness> open_sso_step(FakeOktaServer& s) {
    return open_app(s, "#/integrations?setup=okta&step=3");
}

// Types `text` into the focused field one key at a time, a frame apart, as a person does.
void type_slowly(Harness& h, const std::string& text) {
    for (const char c : text) h.type(std::string(1, c));
}

}  // namespace

TEST(OktaSso, TheWizardShowsTheRedirectUrisToRegisterInOkta) {
    FakeOktaServer s;
    auto h = open_sso_step(s);
    EXPECT_EQ(s.count("GET /auth/config"), 1);
    ASSERT_TRUE(h->click_and_settle("Copy Sign-in redirect URI"));
    EXPECT_EQ(h->clipboard, "https://vpn.acme.com/auth/oidc/callback");
    ASSERT_TRUE(h->click_and_settle("Copy Sign-out redirect URI"));
    EXPECT_EQ(h->clipboard, "https://vpn.acme.com/");
}

TEST(OktaSso, TheDomainIsCheckedOnceTypingPauses) {
    FakeOktaServer s;
    auto h = open_sso_step(s);
    h->click_and_settle("Okta account domain");
    type_slowly(*h, "acme.okta.com");
    EXPECT_EQ(s.count("POST /identity-providers/test"), 0);  // not per keystroke
    EXPECT_NE(find_prefix(*h, "Checking"), nullptr);
    h->advance(1);
    ASSERT_EQ(s.count("POST /identity-providers/test"), 1);
    EXPECT_EQ(nlohmann::json::parse(s.last("POST /identity-providers/test")->body)["issuer"],
              "https://acme.okta.com");
    EXPECT_TRUE(shown(*h, "Found Okta at https://acme.okta.com"));

    // Another domain: what failed, in the server's words.
    h->press(ImGuiKey_A, ImGuiMod_Ctrl);
    h->type("nope.okta.com");
    h->advance(1);
    EXPECT_EQ(s.count("POST /identity-providers/test"), 2);
    EXPECT_TRUE(shown(*h, "Nothing answers at https://nope.okta.com: check the domain"));
    EXPECT_FALSE(shown(*h, "Found Okta at https://acme.okta.com"));
}

TEST(OktaSso, AnOktaSimOnThisMachineIsAcceptedOverHttp) {
    FakeOktaServer s;
    openzro::IdentityProviderTestResult sim;
    sim.ok = true;
    sim.issuer = "http://127.0.0.1:4000";
    s.issuers[sim.issuer] = sim;
    auto h = open_sso_step(s);
    fill(*h, "Client ID", "0oa1b2c3d4");
    fill(*h, "Client secret", "s3cr3t-value");
    fill(*h, "Okta account domain", "http://127.0.0.1:4000/");
    fill(*h, "Primary email domain", "Acme.com");
    h->advance(1);
    EXPECT_TRUE(shown(*h, "Found Okta at http://127.0.0.1:4000"));
    ASSERT_TRUE(h->click_and_settle("Save and continue"));
    const Call* post = s.last("POST /identity-providers");
    ASSERT_NE(post, nullptr);
    const auto body = nlohmann::json::parse(post->body);
    EXPECT_EQ(body["issuer"], "http://127.0.0.1:4000");
    EXPECT_EQ(body["email_domain"], "acme.com");
}

TEST(OktaSso, PlainHttpElsewhereIsRefusedWithoutAsking) {
    FakeOktaServer s;
    auto h = open_sso_step(s);
    fill(*h, "Okta account domain", "http://acme.okta.com");
    h->advance(1);
    EXPECT_NE(find_prefix(*h, "Okta is reached over https"), nullptr);
    EXPECT_EQ(s.count("POST /identity-providers/test"), 0);
}

TEST(OktaSso, TheConfigurationShowsTheProviderAndReplacesTheSecret) {
    FakeOktaServer s;
    s.add_setup(7, true);
    auto h = open_app(s);
    ASSERT_TRUE(h->click_and_settle("Configure Okta"));
    ASSERT_TRUE(h->click_and_settle("Single sign-on"));
    EXPECT_EQ(h->find("Single sign-on")->role, ui::Role::Tab);
    EXPECT_TRUE(shown(*h, "https://acme.okta.com"));
    EXPECT_TRUE(shown(*h, "0oa1"));
    EXPECT_TRUE(shown(*h, "acme.com"));

    EXPECT_TRUE(disabled(*h, "Replace secret"));
    fill(*h, "New client secret", "n3w-s3cret");
    ASSERT_TRUE(h->click_and_settle("Replace secret"));
    const Call* put = s.last("PUT /identity-providers/idp-1");
    ASSERT_NE(put, nullptr);
    const auto body = nlohmann::json::parse(put->body);
    EXPECT_EQ(body["client_secret"], "n3w-s3cret");
    EXPECT_EQ(body["issuer"], "https://acme.okta.com");
    EXPECT_EQ(body["client_id"], "0oa1");
    EXPECT_EQ(body["email_domain"], "acme.com");
    EXPECT_EQ(h->find("New client secret")->value, "");  // gone from memory once saved
    EXPECT_TRUE(disabled(*h, "Replace secret"));
}

TEST(OktaSso, TestSignInOpensTheProvidersSignInInANewTab) {
    FakeOktaServer s;
    s.add_setup(7, true);
    auto h = open_app(s);
    ASSERT_TRUE(h->click_and_settle("Configure Okta"));
    ASSERT_TRUE(h->click_and_settle("Single sign-on"));
    ASSERT_TRUE(h->click_and_settle("Test sign-in"));
    ASSERT_EQ(h->opened_urls.size(), 1u);
    EXPECT_EQ(h->opened_urls[0],
              "https://vpn.acme.com/auth/oidc/login?idp=idp-1&return_to=%23%2Fintegrations");
    EXPECT_TRUE(h->visited_urls.empty());  // the admin's own tab stays
}

TEST(OktaSso, TheAccountCanRequireApprovalForNewUsers) {
    FakeOktaServer s;
    s.add_setup(7, true);
    auto h = open_app(s);
    ASSERT_TRUE(h->click_and_settle("Configure Okta"));
    ASSERT_TRUE(h->click_and_settle("Single sign-on"));
    const ui::Item* toggle = h->find("Require approval for new users");
    ASSERT_NE(toggle, nullptr);
    EXPECT_FALSE(toggle->state & ui::ItemState_Checked);
    ASSERT_TRUE(h->click_and_settle("Require approval for new users"));
    const Call* put = s.last("PUT /accounts/acc-1");
    ASSERT_NE(put, nullptr);
    EXPECT_EQ(nlohmann::json::parse(put->body)["settings"]["extra"]["user_approval_required"],
              true);
    EXPECT_TRUE(s.user_approval_required);
    EXPECT_TRUE(h->find("Require approval for new users")->state & ui::ItemState_Checked);
}

TEST(OktaSso, AnAuditorSeesTheSettingsButCannotChangeThem) {
    FakeOktaServer s;
    s.add_setup(7, true);
    s.me = auditor_user();
    auto h = open_app(s);
    ASSERT_TRUE(h->click_and_settle("Configure Okta"));
    ASSERT_TRUE(h->click_and_settle("Single sign-on"));
    fill(*h, "New client secret", "x");
    EXPECT_TRUE(disabled(*h, "Replace secret"));
    EXPECT_TRUE(disabled(*h, "Require approval for new users"));
    EXPECT_TRUE(shown(*h, "https://acme.okta.com"));
}
