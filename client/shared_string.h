// Immutable text that many models hold the same value of: role, status, group ids, identity
// provider ids, "integration". Copies share one reference-counted allocation (one pointer, not
// a std::string each), and the JSON reader interns each answer's values (StringPool), so
// 100,000 users in 30 groups hold 30 group id strings, not 300,000.
// Reads like a const std::string: converts to std::string_view and const std::string&, and
// compares with any string.
#pragma once

#include <atomic>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace openzro {

class SharedString {
  public:
    SharedString() = default;
    // Implicit on purpose: a SharedString is a string value wherever one is assigned.
    SharedString(std::string_view text);  // NOLINT(google-explicit-constructor)
    SharedString(const char* text) : SharedString(std::string_view(text)) {}         // NOLINT
    SharedString(const std::string& text) : SharedString(std::string_view(text)) {}  // NOLINT
    SharedString(const SharedString& other) noexcept : rep_(other.rep_) {
        if (rep_) rep_->refs.fetch_add(1, std::memory_order_relaxed);
    }
    SharedString(SharedString&& other) noexcept : rep_(std::exchange(other.rep_, nullptr)) {}
    SharedString& operator=(SharedString other) noexcept {
        std::swap(rep_, other.rep_);
        return *this;
    }
    ~SharedString();

    const std::string& str() const { return rep_ ? rep_->text : empty_string(); }
    std::string_view view() const { return str(); }
    bool empty() const { return !rep_; }

    operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
    operator std::string_view() const { return str(); }    // NOLINT(google-explicit-constructor)

    // Comparisons take a string_view on the right: a literal, a std::string or another
    // SharedString all convert to it without an allocation.
    friend bool operator==(const SharedString& a, std::string_view b) { return a.view() == b; }
    friend bool operator!=(const SharedString& a, std::string_view b) { return a.view() != b; }

  private:
    struct Rep {
        std::atomic<std::size_t> refs;
        std::string text;  // never empty: the empty text is a null rep_
    };
    static const std::string& empty_string();
    Rep* rep_ = nullptr;
};

std::ostream& operator<<(std::ostream& out, const SharedString& s);

// One SharedString per distinct text: what a reader uses for the length of one document.
class StringPool {
  public:
    SharedString intern(std::string_view text);

  private:
    // Keys view the text their value owns, which never moves.
    std::unordered_map<std::string_view, SharedString> strings_;
};

}  // namespace openzro
