// The pure rules behind the Okta views: SSO form checks and sync-log wording.
#include <gtest/gtest.h>

#include "ui/pages/integrations/okta_form.h"
#include "ui/pages/integrations/sync_time.h"

TEST(OktaForm, AcceptsADomainAndDerivesTheHttpsIssuer) {
    ui::OktaSsoForm f{"0oa123", "secret", "https://Acme.okta.com/", "acme.com"};
    EXPECT_FALSE(ui::okta_sso_validate(f).any());
    EXPECT_EQ(ui::okta_issuer(f.okta_domain), "https://acme.okta.com");
    const openzro::IdentityProviderRequest r = ui::okta_sso_request(f);
    EXPECT_EQ(r.type, "okta");
    EXPECT_EQ(r.issuer, "https://acme.okta.com");
    EXPECT_EQ(r.client_id, "0oa123");
    EXPECT_EQ(r.client_secret, "secret");
    EXPECT_EQ(r.email_domain, "acme.com");
}

// Tests and demos run okta-sim over plain http on this machine; nowhere else is http accepted.
TEST(OktaForm, PlainHttpOnlyForLoopbackIssuers) {
    ui::OktaSsoForm f{"0oa123", "secret", "http://127.0.0.1:4000/", "acme.com"};
    EXPECT_FALSE(ui::okta_sso_validate(f).any());
    EXPECT_EQ(ui::okta_sso_request(f).issuer, "http://127.0.0.1:4000");
    for (const char* ok : {"localhost:8443", "http://localhost", "127.1.2.3:9", "http://[::1]:80"})
        EXPECT_EQ(ui::okta_issuer(ok).rfind("http://", 0), 0u) << ok;
    EXPECT_EQ(ui::okta_domain_of_issuer("http://127.0.0.1:4000"), "http://127.0.0.1:4000");
    for (const char* bad : {"http://10.0.0.1:4000", "http://127.0.0.1.evil.com",
                            "http://localhost.evil.com", "http://127.0.0.1:", "http://127.0.0:80",
                            "http://127.0.0.1:80/path", "http://127.0.0.1:99999x"}) {
        f.okta_domain = bad;
        EXPECT_FALSE(ui::okta_sso_validate(f).okta_domain.empty()) << bad;
        EXPECT_NE(ui::okta_issuer(bad).rfind("http://", 0), 0u) << bad;
    }
}

TEST(OktaForm, SaysWhatIsWrongWithEachField) {
    ui::OktaSsoForm f;
    ui::OktaSsoErrors e = ui::okta_sso_validate(f);
    EXPECT_FALSE(e.client_id.empty());
    EXPECT_FALSE(e.client_secret.empty());
    EXPECT_FALSE(e.okta_domain.empty());
    EXPECT_FALSE(e.email_domain.empty());
    for (const char* bad : {"acme", "acme..okta.com", "-acme.okta.com", "acme.okta.com/x",
                            "ac me.okta.com", "acme.okta.c0m", "http://acme.okta.com"}) {
        f.okta_domain = bad;
        EXPECT_FALSE(ui::okta_sso_validate(f).okta_domain.empty()) << bad;
        EXPECT_EQ(ui::okta_issuer(bad).empty(), std::string(bad).rfind("http://", 0) != 0) << bad;
    }
    f.email_domain = "jane@acme.com";
    EXPECT_NE(ui::okta_sso_validate(f).email_domain.find("without the name"), std::string::npos);
    f.client_id = "0oa 123";
    EXPECT_FALSE(ui::okta_sso_validate(f).client_id.empty());
}

TEST(SyncTime, ParsesRfc3339WithFractionsAndOffsets) {
    EXPECT_EQ(ui::parse_rfc3339("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(ui::parse_rfc3339("2026-11-29T05:53:24Z"), 1795931604);
    EXPECT_EQ(ui::parse_rfc3339("2026-11-29T06:53:24.123+01:00"), 1795931604);
    EXPECT_FALSE(ui::parse_rfc3339("yesterday"));
    EXPECT_FALSE(ui::parse_rfc3339("2026-11-29 05:53:24"));
    EXPECT_EQ(ui::parse_rfc3339("2026-11-29T04:23:24-01:30"), 1795931604);
    // Fields are digits only, at their place: no blanks, signs or short offsets.
    EXPECT_FALSE(ui::parse_rfc3339("2026-11-29T05:53: 4Z"));
    EXPECT_FALSE(ui::parse_rfc3339("2026-+1-29T05:53:24Z"));
    EXPECT_FALSE(ui::parse_rfc3339("2026-11-29T05:53:24+1:00"));
    EXPECT_FALSE(ui::parse_rfc3339("2026-11-29T05:53:24+0100"));
    EXPECT_FALSE(ui::parse_rfc3339("2026-11-29T05:53:24"));
}

TEST(SyncTime, SaysHowLongAgo) {
    EXPECT_EQ(ui::time_ago(1000, 1030), "just now");
    EXPECT_EQ(ui::time_ago(1000, 1000 + 60), "1 minute ago");
    EXPECT_EQ(ui::time_ago(1000, 1000 + 180), "3 minutes ago");
    EXPECT_EQ(ui::time_ago(0, 7200), "2 hours ago");
    EXPECT_EQ(ui::time_ago(0, 86400 * 3), "3 days ago");
    EXPECT_EQ(ui::clock_time(1795931604), "05:53:24 UTC on 2026-11-29");
}

TEST(SyncTime, ShowsTheLastErrorOnlyWhenNewerThanTheLastSuccess) {
    std::vector<openzro::IdpIntegrationSyncLog> logs = {
        {1, "info", "2026-11-29T05:00:00Z", "created user a"},
        {2, "error", "2026-11-29T05:10:00Z", "unknown group"}};
    const std::int64_t now = *ui::parse_rfc3339("2026-11-29T05:13:00Z");
    ui::SyncSummary s = ui::summarize_sync(logs);
    ASSERT_NE(s.last_error, nullptr);
    EXPECT_EQ(s.last_error->message, "unknown group");
    EXPECT_EQ(ui::sync_status_text(s, now), "Synced 13 minutes ago");
    logs.push_back({3, "info", "2026-11-29T05:12:00Z", "created user b"});
    s = ui::summarize_sync(logs);
    EXPECT_EQ(s.last_error, nullptr);
    EXPECT_EQ(ui::sync_status_text(s, now), "Synced 1 minute ago");
    EXPECT_EQ(ui::sync_status_text(ui::summarize_sync({}), now), "Not synchronized yet");
}
