// libFuzzer target: any bytes as a PatchOp body, applied to a user and to a group, then read
// back as the server would store it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/scim_patch.h"
#include "server/scim_resources.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using nlohmann::json;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const json body = json::parse(text, nullptr, false);
    if (body.is_discarded() || !openzro::scim::depth_ok(body, openzro::scim::kMaxJsonDepth))
        return 0;
    json user = json::parse(
        R"({"id":"u1","userName":"jane@example.com","active":true,"name":{"givenName":"Jane"},
      "emails":[{"value":"jane@example.com","type":"work"}]})",
        nullptr, false);
    if (openzro::scim::apply_patch(user, body).ok &&
        openzro::scim::depth_ok(user, openzro::scim::kMaxJsonDepth)) {
        openzro::UserRecord record;
        openzro::scim::read_user(user, record);
    }
    json group =
        json::parse(R"({"id":"g1","displayName":"Eng","members":[{"value":"u1"},{"value":"u2"}]})",
                    nullptr, false);
    if (openzro::scim::apply_patch(group, body).ok) {
        openzro::scim::GroupInput input;
        openzro::scim::read_group(group, input);
    }
    return 0;
}
