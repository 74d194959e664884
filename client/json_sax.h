// Internal: a strict RFC 8259 JSON tokenizer calling a SAX handler, written for speed in wasm
// (nlohmann's lexer takes over 1 s for 40 MB there). Iterative, so nesting depth cannot
// exhaust the stack; validates UTF-8 and escapes; never throws.
//
// Handler: null(), boolean(bool), number_integer(int64_t), number_unsigned(uint64_t),
// number_float(), string(std::string&), key(std::string&), start_object(),
// end_object(), start_array(), end_array() each return false to stop;
// number_float() reports a number with a fraction or an exponent, checked but not converted:
// no model field holds one, and strtod would link libc's long-double scanner into the wasm
// (with ImGui's sscanf, web/imgui_left_out.cpp: 10 KB gzip).
// syntax_error(std::size_t byte_offset, const char* problem) is called once on bad input.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace openzro::json_detail {

template <class Handler>
class SaxParser {
  public:
    SaxParser(std::string_view text, Handler& handler)
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), h_(handler) {}

    enum class Status { kDone, kMore, kFailed };

    // True when the text is exactly one JSON value and the handler accepted every event.
    bool parse() { return parse_until(static_cast<std::size_t>(end_ - begin_)) == Status::kDone; }

    // Parses on until the byte offset `stop` is passed between two values (kMore: call again
    // to go on), the value is complete (kDone) or the text or the handler failed (kFailed).
    // Lets a large document be read a slice at a time while the handler keeps its state.
    Status parse_until(std::size_t stop) {
        const char* const stop_at =
            begin_ + std::min(stop, static_cast<std::size_t>(end_ - begin_));
        for (;;) {
            skip_ws();
            if (!after_value_) {
                if (p_ == end_) return failed("truncated JSON");
                const char c = *p_;
                if (c == '{' || c == '[') {
                    ++p_;
                    if (!(c == '{' ? h_.start_object() : h_.start_array())) return Status::kFailed;
                    skip_ws();
                    if (p_ < end_ && *p_ == (c == '{' ? '}' : ']')) {
                        ++p_;
                        if (!(c == '{' ? h_.end_object() : h_.end_array())) return Status::kFailed;
                        after_value_ = true;
                        continue;
                    }
                    open_.push_back(c);
                    if (c == '{' && !key()) return Status::kFailed;
                    continue;
                }
                if (!scalar()) return Status::kFailed;
                after_value_ = true;
                continue;
            }
            if (open_.empty())
                return p_ == end_ ? Status::kDone : failed("text after the JSON value");
            if (p_ == end_) return failed("truncated JSON");
            if (p_ >= stop_at) return Status::kMore;
            const char c = *p_++;
            if (c == ',') {
                after_value_ = false;
                if (open_.back() == '{') {
                    skip_ws();
                    if (!key()) return Status::kFailed;
                }
            } else if (c == (open_.back() == '{' ? '}' : ']')) {
                const bool object = open_.back() == '{';
                open_.pop_back();
                if (!(object ? h_.end_object() : h_.end_array())) return Status::kFailed;
            } else {
                --p_;
                return failed("expected ',' or a closing bracket");
            }
        }
    }

  private:
    void skip_ws() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    Status failed(const char* problem) {
        fail(problem);
        return Status::kFailed;
    }

    bool fail(const char* problem) {
        h_.syntax_error(static_cast<std::size_t>(p_ - begin_),
                        p_ == end_ ? "truncated JSON" : problem);
        return false;
    }

    bool key() {
        if (p_ == end_ || *p_ != '"') return fail("expected a member name");
        if (!string(buf_)) return false;
        skip_ws();
        if (p_ == end_ || *p_ != ':') return fail("expected ':'");
        ++p_;
        return h_.key(buf_);
    }

    bool scalar() {
        switch (*p_) {
            case '"':
                return string(buf_) && h_.string(buf_);
            case 't':
                return literal("true") && h_.boolean(true);
            case 'f':
                return literal("false") && h_.boolean(false);
            case 'n':
                return literal("null") && h_.null();
            default:
                return number();
        }
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() ||
            std::string_view(p_, word.size()) != word) {
            return fail("invalid literal");
        }
        p_ += word.size();
        return true;
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool number() {
        const char* start = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ == end_ || !digit(*p_)) return fail("invalid value");
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        const char* int_end = p_;
        bool is_float = false;
        if (p_ < end_ && *p_ == '.') {
            is_float = true;
            ++p_;
            if (p_ == end_ || !digit(*p_)) return fail("invalid number");
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            is_float = true;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !digit(*p_)) return fail("invalid number");
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        if (!is_float) {
            std::uint64_t v = 0;
            bool overflow = false;
            for (const char* d = start + (negative ? 1 : 0); d < int_end; ++d) {
                const auto digit_value = static_cast<std::uint64_t>(*d - '0');
                overflow = overflow || v > (UINT64_MAX - digit_value) / 10;
                v = v * 10 + digit_value;
            }
            if (!overflow && !negative) return h_.number_unsigned(v);
            if (!overflow && v <= std::uint64_t{1} << 63) {
                // -v in two's complement, without overflowing at INT64_MIN.
                return h_.number_integer(
                    v == std::uint64_t{1} << 63 ? INT64_MIN : -static_cast<std::int64_t>(v));
            }
        }
        return h_.number_float();
    }

    // Reads the string at p_ (which is '"') into out, unescaped and checked.
    bool string(std::string& out) {
        ++p_;
        out.clear();
        for (;;) {
            const char* run = p_;
            while (p_ < end_) {
                const auto c = static_cast<unsigned char>(*p_);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++p_;
            }
            out.append(run, p_);
            if (p_ == end_) return fail("truncated JSON");
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c == '\\') {
                if (!escape(out)) return false;
            } else if (c < 0x20) {
                return fail("control character in a string");
            } else if (!utf8(out)) {
                return false;
            }
        }
    }

    bool escape(std::string& out) {
        ++p_;
        if (p_ == end_) return fail("truncated JSON");
        const char c = *p_++;
        switch (c) {
            case '"':
                out += '"';
                return true;
            case '\\':
                out += '\\';
                return true;
            case '/':
                out += '/';
                return true;
            case 'b':
                out += '\b';
                return true;
            case 'f':
                out += '\f';
                return true;
            case 'n':
                out += '\n';
                return true;
            case 'r':
                out += '\r';
                return true;
            case 't':
                out += '\t';
                return true;
            case 'u':
                break;
            default:
                --p_;
                return fail("invalid escape");
        }
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("lone low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail("lone high surrogate");
            p_ += 2;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return fail("lone high surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return true;
    }

    bool hex4(std::uint32_t& cp) {
        if (end_ - p_ < 4) return fail("truncated JSON");
        for (int i = 0; i < 4; ++i, ++p_) {
            const char c = *p_;
            std::uint32_t v = 0;
            if (digit(c)) {
                v = static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                v = static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                v = static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return fail("invalid \\u escape");
            }
            cp = cp * 16 + v;
        }
        return true;
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        const auto byte = [](std::uint32_t v) {
            return static_cast<char>(static_cast<unsigned char>(v));
        };
        if (cp < 0x80) {
            out += byte(cp);
        } else if (cp < 0x800) {
            out += byte(0xC0 | (cp >> 6));
            out += byte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += byte(0xE0 | (cp >> 12));
            out += byte(0x80 | ((cp >> 6) & 0x3F));
            out += byte(0x80 | (cp & 0x3F));
        } else {
            out += byte(0xF0 | (cp >> 18));
            out += byte(0x80 | ((cp >> 12) & 0x3F));
            out += byte(0x80 | ((cp >> 6) & 0x3F));
            out += byte(0x80 | (cp & 0x3F));
        }
    }

    // One multi-byte UTF-8 sequence at p_ (RFC 3629: no overlongs, surrogates or > U+10FFFF).
    bool utf8(std::string& out) {
        const auto b0 = static_cast<unsigned char>(*p_);
        int more = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            more = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            more = 2;
            if (b0 == 0xE0) lo = 0xA0;
            if (b0 == 0xED) hi = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            more = 3;
            if (b0 == 0xF0) lo = 0x90;
            if (b0 == 0xF4) hi = 0x8F;
        } else {
            return fail("invalid UTF-8");
        }
        if (end_ - p_ <= more) return fail("truncated JSON");
        for (int i = 1; i <= more; ++i) {
            const auto b = static_cast<unsigned char>(p_[i]);
            if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return fail("invalid UTF-8");
        }
        out.append(p_, static_cast<std::size_t>(more) + 1);
        p_ += more + 1;
        return true;
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    Handler& h_;
    std::vector<char> open_;  // '{' or '[' of each open container
    bool after_value_ = false;
    std::string buf_;  // reused for every string and key
};

}  // namespace openzro::json_detail
