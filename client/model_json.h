// JSON for the models of model.h. Reading never throws and never aborts: unknown fields are
// ignored, absent optional fields keep their defaults, and malformed JSON, a wrong type or a
// missing required field comes back as a JsonError naming the field ("[3].auto_groups[1]").
// Reading is a SAX pass that builds the models directly: no DOM copy of large answers.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "client/model.h"

namespace openzro {

struct JsonError {
    std::string field;            // path of the offending value; empty for the document itself
    std::string problem;          // "missing required field", "expected string, got number", ...
    std::string message() const;  // "field: problem"
};

namespace json_detail {
struct Target;
}

// A document read a slice at a time, so that a 40 MB list never holds the UI thread for one
// long task: read_json() spread over several calls. Its text and value must outlive it.
class JsonSlices {
  public:
    ~JsonSlices();
    JsonSlices(JsonSlices&&) noexcept;
    JsonSlices& operator=(JsonSlices&&) noexcept;
    // Reads about `bytes` more of the text; true once the document is read, and error() then
    // tells whether it failed.
    bool step(std::size_t bytes);
    const std::optional<JsonError>& error() const;

  private:
    template <class T>
    friend struct JsonCodec;
    JsonSlices(std::string_view text, const json_detail::Target& root);
    struct State;
    std::unique_ptr<State> state_;
};

// Implemented for every model of model.h and for std::vector of each.
template <class T>
struct JsonCodec {
    static std::optional<JsonError> read(std::string_view text, T& out);
    static JsonSlices read_slices(std::string_view text, T& out);
    static std::string write(const T& value);  // compact JSON text
};

// Replaces out with the document's value; on error out holds a partial value.
template <class T>
std::optional<JsonError> read_json(std::string_view text, T& out) {
    return JsonCodec<T>::read(text, out);
}

// read_json() a slice at a time: out is reset now and filled by the slices' steps.
template <class T>
JsonSlices read_json_slices(std::string_view text, T& out) {
    return JsonCodec<T>::read_slices(text, out);
}

// Compact JSON text, members sorted by name; invalid UTF-8 becomes U+FFFD.
template <class T>
std::string write_json(const T& value) {
    return JsonCodec<T>::write(value);
}

}  // namespace openzro
