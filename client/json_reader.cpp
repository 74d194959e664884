// Index of this file:
//   SAX events (json_sax.h)
//   Dispatch
//   Errors

#include "client/json_reader.h"

#include <limits>

#include "client/json_sax.h"

namespace openzro::json_detail {
namespace {

// Upper bound of the elements of a top-level array, counted without parsing: lets the
// reader size a 100,000-user vector once instead of growing it (growth briefly holds 3x).
// Fed the text in pieces, so that counting a large answer is spread like its parsing.
class ElementCounter {
  public:
    void feed(std::string_view piece) {
        for (const char c : piece) {
            if (in_string_) {
                if (escaped_) {
                    escaped_ = false;
                } else if (c == '\\') {
                    escaped_ = true;
                } else if (c == '"') {
                    in_string_ = false;
                }
                continue;
            }
            switch (c) {
                case '"':
                    in_string_ = true;
                    break;
                case '[':
                case '{':
                    ++depth_;
                    break;
                case ']':
                case '}':
                    --depth_;
                    break;
                case ',':
                    commas_ += depth_ == 1 ? 1 : 0;
                    break;
                default:
                    break;
            }
            any_ = any_ ||
                   (depth_ >= 1 && c != '[' && c != ' ' && c != '\n' && c != '\t' && c != '\r');
        }
    }
    std::size_t elements() const { return any_ ? commas_ + 1 : 0; }

  private:
    std::size_t commas_ = 0;
    int depth_ = 0;
    bool in_string_ = false;
    bool escaped_ = false;
    bool any_ = false;
};

class Reader {
  public:
    explicit Reader(Target root) : root_(root) {}
    std::size_t root_elements = 0;  // reserved for a top-level array, when known

    std::optional<JsonError> error;

    // [SECTION] SAX events (json_sax.h)
    bool null() {
        if (skip_depth_ > 0) return true;
        Target t = next();
        if (!t.desc) return true;
        if (t.desc->kind == Kind::kOptional) {
            t.desc->clear(t.ptr);
            return seen(t);
        }
        // Go encodes a nil slice as null.
        if (t.desc->kind == Kind::kArray && !element_) {
            t.desc->clear(t.ptr);
            return seen(t);
        }
        if (element_ || t.presence == kRequired)
            return fail(t, "expected " + type(t) + ", got null");
        return true;
    }
    bool boolean(bool v) {
        return scalar(Kind::kBool, "boolean",
                      [&](void* p, const Desc*) { *static_cast<bool*>(p) = v; });
    }
    bool number_integer(std::int64_t v) {
        return scalar(Kind::kInt, "number",
                      [&](void* p, const Desc*) { *static_cast<std::int64_t*>(p) = v; });
    }
    bool number_unsigned(std::uint64_t v) {
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return number_float();
        }
        return number_integer(static_cast<std::int64_t>(v));
    }
    bool number_float() {
        return scalar(
            Kind::kInt, "non-integer number", [](void*, const Desc*) {}, true);
    }
    bool string(std::string& v) {
        return scalar(Kind::kString, "string",
                      [&](void* p, const Desc* d) { d->assign(p, v, pool_); });
    }
    bool start_object() { return open(Kind::kObject, "object"); }
    bool key(std::string& k) {
        if (skip_depth_ > 0) return true;
        Frame& f = stack_.back();
        f.next = f.desc->member(f.obj, k);
        return true;
    }
    bool end_object() {
        if (skip_depth_ > 0) {
            --skip_depth_;
            return true;
        }
        Frame& f = stack_.back();
        if (f.desc->missing) {
            if (const char* name = f.desc->missing(f.obj, f.seen)) {
                std::string where = path();
                if (!where.empty()) where += ".";
                error = JsonError{where + name, "missing required field"};
                return false;
            }
        }
        stack_.pop_back();
        return true;
    }
    bool start_array() { return open(Kind::kArray, "array"); }
    bool end_array() {
        if (skip_depth_ > 0) {
            --skip_depth_;
            return true;
        }
        stack_.pop_back();
        return true;
    }
    void syntax_error(std::size_t offset, const char* problem) {
        error = JsonError{"", offset == 0
                                  ? std::string("not JSON")
                                  : std::string(problem) + " at byte " + std::to_string(offset)};
    }

  private:
    struct Frame {
        const Desc* desc;
        void* obj;
        Target self;             // how this object or array was reached, for error paths
        std::uint64_t seen = 0;  // members of a model seen so far
        std::size_t count = 0;   // elements of an array started so far
        Target next;             // object: the member whose value comes next
    };

    // [SECTION] Dispatch

    // The target of the value that starts now. element_ tells whether target.ptr is the array
    // that receives it (appended only once its type checks).
    Target next() {
        element_ = false;
        if (stack_.empty()) return root_;
        Frame& f = stack_.back();
        if (f.desc->kind == Kind::kArray) {
            element_ = true;
            ++f.count;
            return Target{f.desc->inner, f.obj, {}, -1, kRequired};
        }
        return f.next;
    }

    static const Desc* value_desc(const Target& t) {
        return t.desc->kind == Kind::kOptional ? t.desc->inner : t.desc;
    }

    // Checks the kind, then resolves optional and array-element indirections.
    void* resolve(const Target& t, Kind kind, const char* got, bool* ok) {
        const Desc* d = value_desc(t);
        if (d->kind != kind) {
            *ok = fail(t, "expected " + std::string(d->type_name) + ", got " + got);
            return nullptr;
        }
        *ok = seen(t);
        if (element_) return stack_.back().desc->emplace(t.ptr);
        return t.desc->kind == Kind::kOptional ? t.desc->emplace(t.ptr) : t.ptr;
    }

    template <class Assign>
    bool scalar(Kind kind, const char* got, Assign assign, bool never_matches = false) {
        if (skip_depth_ > 0) return true;
        const Target t = next();
        if (!t.desc) return true;
        bool ok = false;
        void* p = resolve(t, never_matches ? Kind::kOptional : kind, got, &ok);
        if (p) assign(p, value_desc(t));
        return ok;
    }

    bool open(Kind kind, const char* got) {
        const Target t = skip_depth_ > 0 ? Target{} : next();
        if (!t.desc) {
            ++skip_depth_;
            return true;
        }
        bool ok = false;
        void* p = resolve(t, kind, got, &ok);
        if (!p) return ok;
        const Desc* d = value_desc(t);
        if (d->kind == Kind::kArray) {
            d->clear(p);
            if (stack_.empty() && root_elements > 0) d->reserve(p, root_elements);
        }
        stack_.push_back(Frame{d, p, t, 0, 0, Target{}});
        return true;
    }

    bool seen(const Target& t) {
        if (t.field >= 0 && !stack_.empty()) stack_.back().seen |= std::uint64_t{1} << t.field;
        return true;
    }

    // [SECTION] Errors

    std::string type(const Target& t) const { return value_desc(t)->type_name; }

    // Path of the innermost open object or array: "[3].permissions.modules".
    std::string path() const {
        std::string out;
        for (std::size_t i = 1; i < stack_.size(); ++i) append(out, stack_[i - 1], stack_[i].self);
        return out;
    }

    static void append(std::string& out, const Frame& parent, const Target& child) {
        if (parent.desc->kind == Kind::kArray) {
            out += "[" + std::to_string(parent.count - 1) + "]";
        } else {
            if (!out.empty()) out += ".";
            out.append(child.name);
        }
    }

    bool fail(const Target& t, std::string problem) {
        std::string where = path();
        if (!stack_.empty()) append(where, stack_.back(), t);
        error = JsonError{std::move(where), std::move(problem)};
        return false;
    }

    Target root_;
    StringPool pool_;  // SharedString values of this document
    std::vector<Frame> stack_;
    int skip_depth_ = 0;
    bool element_ = false;
};

}  // namespace

}  // namespace openzro::json_detail

namespace openzro {

using json_detail::ElementCounter;
using json_detail::Kind;
using json_detail::Reader;
using json_detail::SaxParser;
using json_detail::Target;

struct JsonSlices::State {
    State(std::string_view document, Target root)
        : text(document),
          reader(root),
          parser(document, reader),
          counted(root.desc->kind == Kind::kArray ? 0 : document.size()) {}

    std::string_view text;
    Reader reader;
    SaxParser<Reader> parser;
    ElementCounter counter;
    std::size_t counted;     // bytes of the text counted; the parse starts once all are
    std::size_t offset = 0;  // where the next parse step stops at the latest
    std::optional<JsonError> error;
    bool over = false;
};

JsonSlices::JsonSlices(std::string_view text, const Target& root)
    : state_(std::make_unique<State>(text, root)) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        state_->error = JsonError{"", "empty body"};
        state_->over = true;
    }
}
JsonSlices::~JsonSlices() = default;
JsonSlices::JsonSlices(JsonSlices&&) noexcept = default;
JsonSlices& JsonSlices::operator=(JsonSlices&&) noexcept = default;

bool JsonSlices::step(std::size_t bytes) {
    State& s = *state_;
    if (s.over) return true;
    if (s.counted < s.text.size()) {
        // Counting is a plain scan, several times faster than parsing: a larger piece a step.
        const std::size_t rest = s.text.size() - s.counted;
        const std::size_t piece = bytes > rest / 4 ? rest : bytes * 4;
        s.counter.feed(s.text.substr(s.counted, piece));
        s.counted += piece;
        if (s.counted < s.text.size()) return false;
        s.reader.root_elements = s.counter.elements();
        if (bytes < s.text.size()) return false;  // the parse gets steps of its own
    }
    s.offset = bytes > s.text.size() - s.offset ? s.text.size() : s.offset + bytes;
    using Status = SaxParser<Reader>::Status;
    const Status status = s.parser.parse_until(s.offset);
    if (status == Status::kMore) return false;
    s.over = true;
    if (s.reader.error)
        s.error = std::move(s.reader.error);
    else if (status == Status::kFailed)
        s.error = JsonError{"", "malformed JSON"};
    return true;
}

const std::optional<JsonError>& JsonSlices::error() const {
    return state_->error;
}

}  // namespace openzro
