// What an API call delivers: a value or an error the UI can show as it is.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace openzro {

struct ApiError {
    enum class Kind {
        kNetwork,       // no HTTP answer: refused, reset, DNS, CORS
        kTimeout,       // no answer within ApiConfig::timeout_ms
        kUnauthorized,  // 401: the session expired or the token is wrong
        kHttp,          // any other non-2xx status
        kParse,         // 2xx whose body is not the expected JSON
        kTooLarge,      // body above ApiConfig::max_body_bytes
    };
    Kind kind = Kind::kNetwork;
    int status = 0;              // HTTP status; 0 when there was none
    std::string message;         // short, for people: "Not allowed"
    std::string server_message;  // the server's {"message": ...}, when it sent one
    std::string detail;          // technical: transport error, offending JSON field
    std::string request_id;      // X-Request-Id of the answer, else the one sent

    // One line with everything: "Not allowed: only owners can ... (HTTP 403, request oz-1a2b)".
    std::string summary() const;
};

template <class T>
class Result {
  public:
    Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
    Result(ApiError error) : v_(std::move(error)) {}  // NOLINT: implicit by design

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    // Preconditions: ok() for value(), !ok() for error() (else std::get aborts).
    const T& value() const { return std::get<0>(v_); }
    T& value() { return std::get<0>(v_); }
    const ApiError& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, ApiError> v_;
};

// The value of a call that answers nothing useful (DELETE).
struct Done {};

}  // namespace openzro
