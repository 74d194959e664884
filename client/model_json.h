// JSON for the models of model.h. Reading never throws and never aborts: unknown fields are
// ignored, absent optional fields keep their defaults, and malformed JSON, a wrong type or a
// missing required field comes back as a JsonError naming the field ("[3].auto_groups[1]").
// Reading is a SAX pass that builds the models directly: no DOM copy of large answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "client/model.h"

namespace openzro {

struct JsonError {
    std::string field;            // path of the offending value; empty for the document itself
    std::string problem;          // "missing required field", "expected string, got number", ...
    std::string message() const;  // "field: problem"
};

// Implemented for every model of model.h and for std::vector of each.
template <class T>
struct JsonCodec {
    static std::optional<JsonError> read(std::string_view text, T& out);
    static nlohmann::json to_value(const T& value);
};

// Replaces out with the document's value; on error out holds a partial value.
template <class T>
std::optional<JsonError> read_json(std::string_view text, T& out) {
    return JsonCodec<T>::read(text, out);
}

template <class T>
nlohmann::json to_json_value(const T& value) {
    return JsonCodec<T>::to_value(value);
}

// Compact JSON text.
std::string dump_json(const nlohmann::json& value);

template <class T>
std::string write_json(const T& value) {
    return dump_json(to_json_value(value));
}

}  // namespace openzro
