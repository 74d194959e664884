// POST /api/identity-providers/test (an openZro extension): fetches an issuer's discovery
// document before the admin saves it, and answers what was found or why it failed, so the
// wizard can tell the admin before anyone is locked out.
#pragma once
#include "server/http_types.h"
#include "server/oidc_issuer.h"

namespace openzro {

// Body {"issuer": "https://..."}. Answers 200 {"ok": true, issuer, endpoints} or 200
// {"ok": false, "reason", "message"}, later (after the outbound call); 400 for a bad body.
// `issuers` null: 503.
Response check_identity_provider(const Request& request, OidcIssuers* issuers);

}  // namespace openzro
