// Single sign-on in the wizard's SSO step (redirect URIs, the live check of the Okta domain)
// and in the configuration dialog's "Single sign-on" tab (secret, test sign-in, approval).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "okta_test_util.h"

using namespace testing_okta;
using harness::Harness;

namespace {

// Types `text` into the focused field one key at a time, a frame apart, as a person does.
void type_slowly(Harness& h, const std::string& text) {
    for (const char c : text) h.type(std::string(1, c));
}

}  // namespace

class OktaSso : public ::testing::Test {
  protected:
    void open_sso_step() { h = open_app(s, "#/integrations?setup=okta&step=3"); }
    // The configuration dialog of a finished setup, on its "Single sign-on" tab.
    void open_sso_tab() {
        s.add_setup(7, true);
        h = open_app(s);
        ASSERT_TRUE(h->click_and_settle("Configure Okta"));
        ASSERT_TRUE(h->click_and_settle("Single sign-on"));
    }
    // The JSON body of the last `call` the app made; null when it made none.
    nlohmann::json last_body(const std::string& call) const {
        const Call* c = s.last(call);
        return c ? nlohmann::json::parse(c->body) : nlohmann::json();
    }

    FakeOktaServer s;
    std::unique_ptr<Harness> h;
};

TEST_F(OktaSso, TheWizardShowsTheRedirectUrisToRegisterInOkta) {
    open_sso_step();
    EXPECT_EQ(s.count("GET /auth/config"), 1);
    ASSERT_TRUE(h->click_and_settle("Copy Sign-in redirect URI"));
    EXPECT_EQ(h->clipboard, "https://vpn.acme.com/auth/oidc/callback");
    ASSERT_TRUE(h->click_and_settle("Copy Sign-out redirect URI"));
    EXPECT_EQ(h->clipboard, "https://vpn.acme.com/");
}

TEST_F(OktaSso, TheDomainIsCheckedOnceTypingPauses) {
    open_sso_step();
    h->click_and_settle("Okta account domain");
    type_slowly(*h, "acme.okta.com");
    EXPECT_EQ(s.count("POST /identity-providers/test"), 0);  // not per keystroke
    EXPECT_NE(find_prefix(*h, "Checking"), nullptr);
    h->advance(1);
    ASSERT_EQ(s.count("POST /identity-providers/test"), 1);
    EXPECT_EQ(last_body("POST /identity-providers/test")["issuer"], "https://acme.okta.com");
    EXPECT_TRUE(shown(*h, "Found Okta at https://acme.okta.com"));

    // Another domain: what failed, in the server's words.
    h->press(ImGuiKey_A, ImGuiMod_Ctrl);
    h->type("nope.okta.com");
    h->advance(1);
    EXPECT_EQ(s.count("POST /identity-providers/test"), 2);
    EXPECT_TRUE(shown(*h, "Nothing answers at https://nope.okta.com: check the domain"));
    EXPECT_FALSE(shown(*h, "Found Okta at https://acme.okta.com"));
}

TEST_F(OktaSso, AnOktaSimOnThisMachineIsAcceptedOverHttp) {
    openzro::IdentityProviderTestResult sim;
    sim.ok = true;
    sim.issuer = "http://127.0.0.1:4000";
    s.issuers[sim.issuer] = sim;
    open_sso_step();
    fill(*h, "Client ID", "0oa1b2c3d4");
    fill(*h, "Client secret", "s3cr3t-value");
    fill(*h, "Okta account domain", "http://127.0.0.1:4000/");
    fill(*h, "Primary email domain", "Acme.com");
    h->advance(1);
    EXPECT_TRUE(shown(*h, "Found Okta at http://127.0.0.1:4000"));
    ASSERT_TRUE(h->click_and_settle("Save and continue"));
    const nlohmann::json body = last_body("POST /identity-providers");
    ASSERT_FALSE(body.is_null());
    EXPECT_EQ(body["issuer"], "http://127.0.0.1:4000");
    EXPECT_EQ(body["email_domain"], "acme.com");
}

TEST_F(OktaSso, PlainHttpElsewhereIsRefusedWithoutAsking) {
    open_sso_step();
    fill(*h, "Okta account domain", "http://acme.okta.com");
    h->advance(1);
    EXPECT_NE(find_prefix(*h, "Okta is reached over https"), nullptr);
    EXPECT_EQ(s.count("POST /identity-providers/test"), 0);
}

TEST_F(OktaSso, TheConfigurationShowsTheProviderAndReplacesTheSecret) {
    open_sso_tab();
    EXPECT_EQ(h->find("Single sign-on")->role, ui::Role::Tab);
    EXPECT_TRUE(shown(*h, "https://acme.okta.com"));
    EXPECT_TRUE(shown(*h, "0oa1"));
    EXPECT_TRUE(shown(*h, "acme.com"));

    EXPECT_TRUE(disabled(*h, "Replace secret"));
    fill(*h, "New client secret", "n3w-s3cret");
    ASSERT_TRUE(h->click_and_settle("Replace secret"));
    const nlohmann::json body = last_body("PUT /identity-providers/idp-1");
    ASSERT_FALSE(body.is_null());
    EXPECT_EQ(body["client_secret"], "n3w-s3cret");
    EXPECT_EQ(body["issuer"], "https://acme.okta.com");
    EXPECT_EQ(body["client_id"], "0oa1");
    EXPECT_EQ(body["email_domain"], "acme.com");
    EXPECT_EQ(h->find("New client secret")->value, "");  // gone from memory once saved
    EXPECT_TRUE(disabled(*h, "Replace secret"));
}

TEST_F(OktaSso, TestSignInOpensTheProvidersSignInInANewTab) {
    open_sso_tab();
    ASSERT_TRUE(h->click_and_settle("Test sign-in"));
    ASSERT_EQ(h->opened_urls.size(), 1u);
    EXPECT_EQ(h->opened_urls[0],
              "https://vpn.acme.com/auth/oidc/login?idp=idp-1&return_to=%23%2Fintegrations");
    EXPECT_TRUE(h->visited_urls.empty());  // the admin's own tab stays
}

TEST_F(OktaSso, TheAccountCanRequireApprovalForNewUsers) {
    open_sso_tab();
    const ui::Item* toggle = h->find("Require approval for new users");
    ASSERT_NE(toggle, nullptr);
    EXPECT_FALSE(toggle->state & ui::ItemState_Checked);
    ASSERT_TRUE(h->click_and_settle("Require approval for new users"));
    const nlohmann::json body = last_body("PUT /accounts/acc-1");
    ASSERT_FALSE(body.is_null());
    EXPECT_EQ(body["settings"]["extra"]["user_approval_required"], true);
    EXPECT_TRUE(s.user_approval_required);
    EXPECT_TRUE(h->find("Require approval for new users")->state & ui::ItemState_Checked);
}

TEST_F(OktaSso, AnAuditorSeesTheSettingsButCannotChangeThem) {
    s.me = auditor_user();
    open_sso_tab();
    fill(*h, "New client secret", "x");
    EXPECT_TRUE(disabled(*h, "Replace secret"));
    EXPECT_TRUE(disabled(*h, "Require approval for new users"));
    EXPECT_TRUE(shown(*h, "https://acme.okta.com"));
}
