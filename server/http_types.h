// The server's own request and response records: handlers never see Boost.Beast, so they are
// testable as plain function calls.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "client/text.h"

namespace openzro {

struct Request {
    std::string method;                                      // upper case
    std::string target;                                      // raw request target, query included
    std::string path;                                        // percent-decoded path, no query
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
    std::map<std::string, std::string> headers;              // names in lower case
    std::string body;
    std::string remote;  // peer address

    std::string header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
    // Query parameter by name; SCIM parameters are matched case-insensitively.
    std::optional<std::string> param(std::string_view name, bool any_case = false) const;
};

struct Response {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    int delay_ms = 0;  // hold the answer back (slows down repeated auth failures)
    // Set by a handler whose answer needs outbound calls (OIDC discovery, JWKS, token
    // exchange): the server calls `later` with a function that takes the final answer, which
    // must be called once, on the server's own thread. The rest of this Response is unused.
    using Answer = std::function<void(struct Response)>;
    std::function<void(Answer)> later;

    void set_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
    }
    std::string header(std::string_view name) const;
};

// Builds a Request's path and query from its target; false if the target is malformed.
bool parse_target(Request& request);

}  // namespace openzro
