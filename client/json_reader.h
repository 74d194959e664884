// Internal: a SAX reader that fills C++ values described by describe() (model_fields.h).
// Every C++ type it can fill has a static Desc: scalars, std::optional, std::vector,
// std::map<std::string, V> and models. The non-template driver is in json_reader.cpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "client/model_fields.h"
#include "client/model_json.h"
#include "client/shared_string.h"

namespace openzro::json_detail {

enum class Kind { kString, kBool, kInt, kArray, kObject, kOptional };

struct Desc;

// Where the next JSON value goes. desc == nullptr: the value is skipped (unknown member).
struct Target {
    const Desc* desc = nullptr;
    void* ptr = nullptr;
    std::string_view name;  // member name, for error paths
    int field = -1;         // index of the member in describe(), for required-field tracking
    Presence presence = kOptional;
};

struct Desc {
    Kind kind;
    const char* type_name;
    const Desc* inner = nullptr;        // kOptional: value type; kArray: element type
    void* (*emplace)(void*) = nullptr;  // kOptional: emplace(); kArray: emplace_back()
    void (*clear)(void*) = nullptr;     // kOptional: reset(); kArray: clear()
    Target (*member)(void* obj, std::string_view key) = nullptr;      // kObject
    const char* (*missing)(void* obj, std::uint64_t seen) = nullptr;  // kObject models
    void (*reserve)(void* obj, std::size_t n) = nullptr;              // kArray
    // kString: stores a string value read (which it may take) into obj.
    void (*assign)(void* obj, std::string& value, StringPool& pool) = nullptr;
};

constexpr Desc string_desc(void (*assign)(void*, std::string&, StringPool&)) {
    Desc d{Kind::kString, "string"};
    d.assign = assign;
    return d;
}

template <class T, class = void>
struct DescOf;

template <class T>
constexpr const Desc* desc_of() {
    return &DescOf<T>::value;
}

template <>
struct DescOf<std::string> {
    // A copy at the value's exact size (assign() may grow the capacity to twice the old one);
    // the lexer keeps its buffer for the next value.
    static void assign(void* p, std::string& v, StringPool&) {
        *static_cast<std::string*>(p) = std::string(v);
    }
    static inline const Desc value = string_desc(assign);
};
template <>
struct DescOf<SharedString> {
    static void assign(void* p, std::string& v, StringPool& pool) {
        *static_cast<SharedString*>(p) = pool.intern(v);
    }
    static inline const Desc value = string_desc(assign);
};
template <>
struct DescOf<bool> {
    static inline const Desc value{Kind::kBool, "boolean"};
};
template <>
struct DescOf<std::int64_t> {
    static inline const Desc value{Kind::kInt, "integer"};
};

template <class T>
struct DescOf<std::optional<T>> {
    static void* emplace(void* p) { return &static_cast<std::optional<T>*>(p)->emplace(); }
    static void clear(void* p) { static_cast<std::optional<T>*>(p)->reset(); }
    static inline const Desc value{Kind::kOptional, DescOf<T>::value.type_name, desc_of<T>(),
                                   emplace, clear};
};

template <class T>
struct DescOf<std::vector<T>> {
    static void* emplace(void* p) { return &static_cast<std::vector<T>*>(p)->emplace_back(); }
    static void clear(void* p) { static_cast<std::vector<T>*>(p)->clear(); }
    static void reserve(void* p, std::size_t n) { static_cast<std::vector<T>*>(p)->reserve(n); }
    static inline const Desc value{Kind::kArray, "array", desc_of<T>(), emplace,
                                   clear,        nullptr, nullptr,      reserve};
};

template <class V>
struct DescOf<std::map<std::string, V>> {
    static Target member(void* obj, std::string_view key) {
        auto& map = *static_cast<std::map<std::string, V>*>(obj);
        auto it = map.try_emplace(std::string(key)).first;
        return Target{desc_of<V>(), &it->second, it->first, -1, kOptional};
    }
    static inline const Desc value{Kind::kObject, "object", nullptr, nullptr, nullptr, member};
};

// Finds the member named key.
struct MemberFinder {
    std::string_view key;
    Target found;
    int index = 0;

    template <class F>
    void operator()(const char* name, F& field, Presence presence) {
        // strncmp stops at the first difference: no strlen of every name for every key.
        if (!found.desc && std::strncmp(name, key.data(), key.size()) == 0 &&
            name[key.size()] == '\0') {
            found = Target{desc_of<F>(), &field, name, index, presence};
        }
        ++index;
    }
};

// Finds the first required member whose bit in seen is clear.
struct MissingFinder {
    std::uint64_t seen = 0;
    const char* missing = nullptr;
    int index = 0;

    template <class F>
    void operator()(const char* name, F&, Presence presence) {
        if (!missing && presence == kRequired && !((seen >> index) & 1U)) missing = name;
        ++index;
    }
};

template <class T>
struct DescOf<T,
              std::void_t<decltype(describe(std::declval<MemberFinder&>(), std::declval<T&>()))>> {
    static Target member(void* obj, std::string_view key) {
        MemberFinder finder{key, {}};
        describe(finder, *static_cast<T*>(obj));
        return finder.found;
    }
    static const char* missing(void* obj, std::uint64_t seen) {
        MissingFinder finder{seen};
        describe(finder, *static_cast<T*>(obj));
        return finder.missing;
    }
    static inline const Desc value{Kind::kObject, "object", nullptr, nullptr,
                                   nullptr,       member,   missing};
};

}  // namespace openzro::json_detail
