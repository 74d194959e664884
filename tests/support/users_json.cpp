#include "support/users_json.h"

#include <cstdio>

namespace openzro {

std::string users_json(int count) {
    std::string out = "[";
    const char* roles[] = {"user", "admin", "owner", "auditor"};
    char buf[640];
    for (int i = 0; i < count; ++i) {
        const int n = std::snprintf(
            buf, sizeof buf,
            R"(%s{"id":"ch8i4ug6lnn4g9h%06d","email":"user%06d@example.com","name":"User %06d",)"
            R"("role":"%s","status":"%s","last_login":"%s","auto_groups":["ch8i4ug6lnn4g9hqv7a%d",)"
            R"("ch8i4ug6lnn4g9hqv7b%d","ch8i4ug6lnn4g9hqv7c%d"],"is_current":%s,)"
            R"("is_service_user":false,"is_blocked":%s,"pending_approval":false,)"
            R"("issued":"%s","idp_id":"okta-abc123"})",
            i ? "," : "", i, i, i, roles[i % 4], i % 7 ? "active" : "invited",
            i % 5 ? "2023-05-05T09:00:35.477782Z" : "0001-01-01T00:00:00Z", i % 10, i % 10, i % 10,
            i == 0 ? "true" : "false", i % 13 ? "false" : "true", i % 3 ? "api" : "integration");
        out.append(buf, static_cast<std::size_t>(n));
    }
    out += "]";
    out.shrink_to_fit();  // as an HTTP body of known length is
    return out;
}

}  // namespace openzro
