// libFuzzer target: a PatchOp body applied to a user and to a group, then read back as the
// server would store it. The input may start with a JSON object and a blank line: its
// attributes are merged into both resources first, so operations also meet stored shapes
// (arrays of plain values, nulls, odd nesting) and not only the two fixed documents below.
//   {"x":[1,"a"]}\n\n{"Operations":[{"op":"replace","path":"x[value ne \"a\"].y","value":1}]}
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/scim_patch.h"
#include "server/scim_resources.h"

namespace {

using nlohmann::json;

bool usable(const json& value) {
    return !value.is_discarded() && openzro::scim::depth_ok(value, openzro::scim::kMaxJsonDepth);
}

void merge(json& resource, const json& stored) {
    if (!stored.is_object()) return;
    for (auto it = stored.begin(); it != stored.end(); ++it) resource[it.key()] = it.value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    json stored;
    if (const auto blank = text.find("\n\n"); blank != std::string_view::npos) {
        stored = json::parse(text.substr(0, blank), nullptr, false);
        if (!usable(stored)) return 0;
        text.remove_prefix(blank + 2);
    }
    const json body = json::parse(text, nullptr, false);
    if (!usable(body)) return 0;
    json user = json::parse(
        R"({"id":"u1","userName":"jane@example.com","active":true,"name":{"givenName":"Jane"},
      "emails":[{"value":"jane@example.com","type":"work"}]})",
        nullptr, false);
    merge(user, stored);
    if (openzro::scim::apply_patch(user, body).ok &&
        openzro::scim::depth_ok(user, openzro::scim::kMaxJsonDepth)) {
        openzro::UserRecord record;
        openzro::scim::read_user(user, record);
    }
    json group =
        json::parse(R"({"id":"g1","displayName":"Eng","members":[{"value":"u1"},{"value":"u2"}]})",
                    nullptr, false);
    merge(group, stored);
    if (openzro::scim::apply_patch(group, body).ok) {
        openzro::scim::GroupInput input;
        openzro::scim::read_group(group, input);
    }
    return 0;
}
