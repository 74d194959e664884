#include "client/model_json.h"

#include <cstring>
#include <utility>

#include "client/json_reader.h"
#include "client/model_fields.h"
#include "client/text.h"

namespace openzro {
namespace {

// [SECTION] Writer: the describe() lists written straight to text
// Members go out sorted by name, as they did when nlohmann's std::map-keyed objects wrote them,
// so request bodies read the same as before.

void append_value(std::string& out, const std::string& v) {
    append_json_string(out, v);
}
void append_value(std::string& out, const SharedString& v) {
    append_json_string(out, v.str());
}
void append_value(std::string& out, bool v) {
    out += v ? "true" : "false";
}
void append_value(std::string& out, std::int64_t v) {
    out += std::to_string(v);
}

template <class T>
void append_value(std::string& out, const std::vector<T>& list);
template <class V>
void append_value(std::string& out, const std::map<std::string, V>& map);
template <class T, class = decltype(describe(std::declval<json_detail::MemberFinder&>(),
                                             std::declval<T&>()))>
void append_value(std::string& out, const T& model);

// One member of an object: `"name":value`, written by the caller after sorting.
struct Member {
    const char* name;
    std::string text;
};

struct MemberWriter {
    std::vector<Member>& members;

    template <class F>
    void operator()(const char* name, const F& field, Presence) {
        Member& m = members.emplace_back(Member{name, {}});
        append_value(m.text, field);
    }
    // An absent optional member is left out.
    template <class F>
    void operator()(const char* name, const std::optional<F>& field, Presence) {
        if (field) (*this)(name, *field, kOptional);
    }
};

template <class T>
void append_value(std::string& out, const std::vector<T>& list) {
    out.push_back('[');
    for (const T& item : list) {
        if (&item != list.data()) out.push_back(',');
        append_value(out, item);
    }
    out.push_back(']');
}

template <class V>
void append_value(std::string& out, const std::map<std::string, V>& map) {
    out.push_back('{');
    for (const auto& [key, item] : map) {
        if (out.back() != '{') out.push_back(',');
        append_json_string(out, key);
        out.push_back(':');
        append_value(out, item);
    }
    out.push_back('}');
}

void append_members(std::string& out, std::vector<Member>& members) {
    // Insertion sort: a model has a dozen members, and std::sort is 4 KB of wasm.
    for (std::size_t i = 1; i < members.size(); ++i) {
        for (std::size_t j = i; j > 0 && std::strcmp(members[j - 1].name, members[j].name) > 0; --j)
            std::swap(members[j - 1], members[j]);
    }
    out.push_back('{');
    for (const Member& m : members) {
        if (&m != members.data()) out.push_back(',');
        append_json_string(out, m.name);
        out.push_back(':');
        out += m.text;
    }
    out.push_back('}');
}

template <class T, class>
void append_value(std::string& out, const T& model) {
    std::vector<Member> members;
    MemberWriter writer{members};
    // describe() takes a mutable model so that the reader can fill it; the writer only reads.
    describe(writer, const_cast<T&>(model));
    append_members(out, members);
}

}  // namespace

std::string JsonError::message() const {
    return field.empty() ? problem : field + ": " + problem;
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
std::string JsonCodec<T>::write(const T& value) {
    std::string out;
    append_value(out, value);
    return out;
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
