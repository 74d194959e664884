#include "client/model_json.h"

#include <nlohmann/json.hpp>

#include "client/json_reader.h"
#include "client/model_fields.h"

namespace openzro {
namespace {

// [SECTION] Writer: the describe() lists turned into nlohmann values

nlohmann::json value_of(const std::string& v) {
    return v;
}
nlohmann::json value_of(const SharedString& v) {
    return v.str();
}
nlohmann::json value_of(bool v) {
    return v;
}
nlohmann::json value_of(std::int64_t v) {
    return v;
}

template <class T>
nlohmann::json value_of(const std::vector<T>& list);
template <class V>
nlohmann::json value_of(const std::map<std::string, V>& map);
template <class T, class = decltype(describe(std::declval<json_detail::MemberFinder&>(),
                                             std::declval<T&>()))>
nlohmann::json value_of(const T& model);

struct MemberWriter {
    nlohmann::json& out;

    template <class F>
    void operator()(const char* name, const F& field, Presence) {
        out[name] = value_of(field);
    }
    // An absent optional member is left out.
    template <class F>
    void operator()(const char* name, const std::optional<F>& field, Presence) {
        if (field) out[name] = value_of(*field);
    }
};

template <class T>
nlohmann::json value_of(const std::vector<T>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const T& item : list) out.push_back(value_of(item));
    return out;
}

template <class V>
nlohmann::json value_of(const std::map<std::string, V>& map) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : map) out[key] = value_of(item);
    return out;
}

template <class T, class>
nlohmann::json value_of(const T& model) {
    nlohmann::json out = nlohmann::json::object();
    MemberWriter writer{out};
    // describe() takes a mutable model so that the reader can fill it; the writer only reads.
    describe(writer, const_cast<T&>(model));
    return out;
}

}  // namespace

std::string JsonError::message() const {
    return field.empty() ? problem : field + ": " + problem;
}

std::string dump_json(const nlohmann::json& value) {
    // Replace invalid UTF-8 instead of aborting (dump() would throw, which aborts here).
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

template <class T>
std::optional<JsonError> JsonCodec<T>::read(std::string_view text, T& out) {
    JsonSlices slices = read_slices(text, out);
    slices.step(text.size());
    return slices.error();
}

template <class T>
JsonSlices JsonCodec<T>::read_slices(std::string_view text, T& out) {
    out = T{};
    return JsonSlices(text,
                      json_detail::Target{json_detail::desc_of<T>(), &out, {}, -1, kRequired});
}

template <class T>
nlohmann::json JsonCodec<T>::to_value(const T& value) {
    return value_of(value);
}

// [SECTION] The models that have JSON, alone and as lists
template struct JsonCodec<UserPermissions>;
template struct JsonCodec<User>;
template struct JsonCodec<std::vector<User>>;
template struct JsonCodec<CurrentUser>;
template struct JsonCodec<UserRequest>;
template struct JsonCodec<Group>;
template struct JsonCodec<std::vector<Group>>;
template struct JsonCodec<IdentityProvider>;
template struct JsonCodec<std::vector<IdentityProvider>>;
template struct JsonCodec<IdentityProviderRequest>;
template struct JsonCodec<IdentityProviderTestRequest>;
template struct JsonCodec<IdentityProviderTestResult>;
template struct JsonCodec<AuthProvider>;
template struct JsonCodec<std::vector<AuthProvider>>;
template struct JsonCodec<AuthConfig>;
template struct JsonCodec<Account>;
template struct JsonCodec<std::vector<Account>>;
template struct JsonCodec<AccountRequest>;
template struct JsonCodec<OktaScimIntegration>;
template struct JsonCodec<std::vector<OktaScimIntegration>>;
template struct JsonCodec<CreateOktaScimIntegrationRequest>;
template struct JsonCodec<UpdateOktaScimIntegrationRequest>;
template struct JsonCodec<ScimTokenResponse>;
template struct JsonCodec<IdpIntegrationSyncLog>;
template struct JsonCodec<std::vector<IdpIntegrationSyncLog>>;
template struct JsonCodec<ErrorBody>;

}  // namespace openzro
