// libFuzzer target: any text as a SCIM filter, matched against a user resource.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/scim_filter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const nlohmann::json user = nlohmann::json::parse(
        R"({"id":"u1","userName":"jane@example.com","externalId":"00u1","active":true,"name":{"givenName":"Jane"},
          "emails":[{"value":"jane@example.com","type":"work","primary":true}],"groups":[{"value":"g1"}],"n":3})",
        nullptr, false);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = openzro::scim::parse_filter(text);
    if (parsed.ok) {
        openzro::scim::filter_matches(parsed.root, user);
        openzro::scim::simple_equality(parsed.root);
    }
    return 0;
}
