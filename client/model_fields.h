// The JSON field list of every model, written once and walked by the reader and the writer
// (model_json.cpp). A visitor is called as v("name", member, presence) in declaration order.
#pragma once

#include "client/model.h"

namespace openzro {

enum class Presence { kOptional, kRequired };
inline constexpr Presence kRequired = Presence::kRequired;
inline constexpr Presence kOptional = Presence::kOptional;

template <class V>
void describe(V& v, UserPermissions& p) {
    v("is_restricted", p.is_restricted, kRequired);
    v("modules", p.modules, kRequired);
}

template <class V>
void describe(V& v, User& u) {
    v("id", u.id, kRequired);
    v("email", u.email, kRequired);
    v("name", u.name, kRequired);
    v("role", u.role, kRequired);
    v("status", u.status, kRequired);
    v("last_login", u.last_login, kOptional);
    v("auto_groups", u.auto_groups, kRequired);
    v("is_current", u.is_current, kOptional);
    v("is_service_user", u.is_service_user, kOptional);
    v("is_blocked", u.is_blocked, kRequired);
    v("pending_approval", u.pending_approval, kRequired);
    v("issued", u.issued, kOptional);
    v("idp_id", u.idp_id, kOptional);
}

template <class V>
void describe(V& v, CurrentUser& u) {
    describe(v, static_cast<User&>(u));
    v("permissions", u.permissions, kOptional);
}

template <class V>
void describe(V& v, UserRequest& r) {
    v("role", r.role, kRequired);
    v("auto_groups", r.auto_groups, kRequired);
    v("is_blocked", r.is_blocked, kRequired);
}

template <class V>
void describe(V& v, PeerMinimum& p) {
    v("id", p.id, kRequired);
    v("name", p.name, kRequired);
}

template <class V>
void describe(V& v, GroupResource& r) {
    v("id", r.id, kRequired);
    v("type", r.type, kRequired);
}

template <class V>
void describe(V& v, Group& g) {
    v("id", g.id, kRequired);
    v("name", g.name, kRequired);
    v("peers_count", g.peers_count, kRequired);
    v("resources_count", g.resources_count, kRequired);
    v("issued", g.issued, kOptional);
    v("peers", g.peers, kRequired);
    v("resources", g.resources, kRequired);
}

template <class V>
void describe(V& v, IdentityProvider& p) {
    v("id", p.id, kOptional);
    v("type", p.type, kRequired);
    v("name", p.name, kRequired);
    v("issuer", p.issuer, kRequired);
    v("client_id", p.client_id, kRequired);
    v("email_domain", p.email_domain, kOptional);
}

template <class V>
void describe(V& v, IdentityProviderRequest& r) {
    v("type", r.type, kRequired);
    v("name", r.name, kRequired);
    v("issuer", r.issuer, kRequired);
    v("client_id", r.client_id, kRequired);
    v("client_secret", r.client_secret, kRequired);
    v("email_domain", r.email_domain, kOptional);
}

template <class V>
void describe(V& v, IdentityProviderTestRequest& r) {
    v("issuer", r.issuer, kRequired);
}

template <class V>
void describe(V& v, IdentityProviderTestResult& r) {
    v("ok", r.ok, kRequired);
    v("issuer", r.issuer, kOptional);
    v("authorization_endpoint", r.authorization_endpoint, kOptional);
    v("token_endpoint", r.token_endpoint, kOptional);
    v("jwks_uri", r.jwks_uri, kOptional);
    v("end_session_endpoint", r.end_session_endpoint, kOptional);
    v("reason", r.reason, kOptional);
    v("message", r.message, kOptional);
}

template <class V>
void describe(V& v, AuthProvider& p) {
    v("id", p.id, kRequired);
    v("name", p.name, kRequired);
    v("type", p.type, kRequired);
}

template <class V>
void describe(V& v, AuthConfig& c) {
    v("public_url", c.public_url, kRequired);
    v("redirect_uri", c.redirect_uri, kRequired);
    v("post_logout_redirect_uri", c.post_logout_redirect_uri, kRequired);
}

// Settings the app does not use are optional on read, so a smaller server still works.
template <class V>
void describe(V& v, AccountExtraSettings& s) {
    v("peer_approval_enabled", s.peer_approval_enabled, kOptional);
    v("user_approval_required", s.user_approval_required, kRequired);
    v("network_traffic_logs_enabled", s.network_traffic_logs_enabled, kOptional);
    v("network_traffic_logs_groups", s.network_traffic_logs_groups, kOptional);
    v("network_traffic_packet_counter_enabled", s.network_traffic_packet_counter_enabled,
      kOptional);
}

template <class V>
void describe(V& v, AccountSettings& s) {
    v("peer_login_expiration_enabled", s.peer_login_expiration_enabled, kOptional);
    v("peer_login_expiration", s.peer_login_expiration, kOptional);
    v("peer_inactivity_expiration_enabled", s.peer_inactivity_expiration_enabled, kOptional);
    v("peer_inactivity_expiration", s.peer_inactivity_expiration, kOptional);
    v("regular_users_view_blocked", s.regular_users_view_blocked, kOptional);
    v("peer_expose_enabled", s.peer_expose_enabled, kOptional);
    v("peer_expose_groups", s.peer_expose_groups, kOptional);
    v("extra", s.extra, kOptional);
}

template <class V>
void describe(V& v, Account& a) {
    v("id", a.id, kRequired);
    v("settings", a.settings, kRequired);
    v("domain", a.domain, kOptional);
}

template <class V>
void describe(V& v, AccountRequest& r) {
    v("settings", r.settings, kRequired);
}

template <class V>
void describe(V& v, OktaScimIntegration& i) {
    v("id", i.id, kRequired);
    v("enabled", i.enabled, kRequired);
    v("group_prefixes", i.group_prefixes, kRequired);
    v("user_group_prefixes", i.user_group_prefixes, kRequired);
    v("connector_id", i.connector_id, kOptional);
    v("auth_token", i.auth_token, kRequired);
    v("last_synced_at", i.last_synced_at, kRequired);
}

template <class V>
void describe(V& v, CreateOktaScimIntegrationRequest& r) {
    v("connection_name", r.connection_name, kRequired);
    v("group_prefixes", r.group_prefixes, kOptional);
    v("user_group_prefixes", r.user_group_prefixes, kOptional);
    v("connector_id", r.connector_id, kOptional);
}

template <class V>
void describe(V& v, UpdateOktaScimIntegrationRequest& r) {
    v("enabled", r.enabled, kOptional);
    v("group_prefixes", r.group_prefixes, kOptional);
    v("user_group_prefixes", r.user_group_prefixes, kOptional);
    v("connector_id", r.connector_id, kOptional);
}

template <class V>
void describe(V& v, ScimTokenResponse& r) {
    v("auth_token", r.auth_token, kRequired);
}

template <class V>
void describe(V& v, IdpIntegrationSyncLog& l) {
    v("id", l.id, kRequired);
    v("level", l.level, kRequired);
    v("timestamp", l.timestamp, kRequired);
    v("message", l.message, kRequired);
}

template <class V>
void describe(V& v, ErrorBody& e) {
    v("message", e.message, kOptional);
    v("code", e.code, kOptional);
}

}  // namespace openzro
