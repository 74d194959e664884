// Index of this file:
//   Tokenizer
//   Parser: or > and > not/parentheses/comparison
//   Matching

#include "server/scim_filter.h"

#include "server/http_types.h"

namespace openzro::scim {
namespace {

using json = nlohmann::json;
constexpr int kMaxDepth = 32;

// [SECTION] Tokenizer
struct Token {
    enum class Type { Word, String, LParen, RParen, LBracket, RBracket, End, Bad };
    Type type = Type::End;
    std::string text;
};

class Lexer {
  public:
    explicit Lexer(std::string_view text) : text_(text) {}

    Token next() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
        if (pos_ >= text_.size()) return {Token::Type::End, {}};
        const char c = text_[pos_];
        if (c == '(') return single(Token::Type::LParen);
        if (c == ')') return single(Token::Type::RParen);
        if (c == '[') return single(Token::Type::LBracket);
        if (c == ']') return single(Token::Type::RBracket);
        if (c == '"') return quoted();
        std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != '\t' &&
               text_[pos_] != '(' && text_[pos_] != ')' && text_[pos_] != '[' &&
               text_[pos_] != ']' && text_[pos_] != '"')
            ++pos_;
        return {Token::Type::Word, std::string(text_.substr(start, pos_ - start))};
    }

  private:
    Token single(Token::Type type) {
        ++pos_;
        return {type, {}};
    }

    // A JSON string literal, decoded with the JSON parser so escapes behave as in JSON.
    Token quoted() {
        std::size_t end = pos_ + 1;
        while (end < text_.size() && text_[end] != '"') end += (text_[end] == '\\') ? 2 : 1;
        if (end >= text_.size()) return {Token::Type::Bad, "unterminated string"};
        const json decoded = json::parse(text_.substr(pos_, end - pos_ + 1), nullptr, false);
        pos_ = end + 1;
        if (!decoded.is_string()) return {Token::Type::Bad, "bad string literal"};
        return {Token::Type::String, decoded.get<std::string>()};
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

// [SECTION] Parser: or > and > not/parentheses/comparison
class Parser {
  public:
    explicit Parser(std::string_view text) : lexer_(text) { advance(); }

    FilterParse run() {
        FilterParse result;
        if (!parse_or(result.root, 0)) {
            result.error = error_;
            return result;
        }
        if (current_.type != Token::Type::End) {
            result.error = "unexpected text after the filter";
            return result;
        }
        result.ok = true;
        return result;
    }

  private:
    void advance() { current_ = lexer_.next(); }
    bool is_word(std::string_view word) const {
        return current_.type == Token::Type::Word && iequals(current_.text, word);
    }
    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }

    using Step = bool (Parser::*)(FilterNode&, int);

    // `step (word step)*`: one node, or a node of `kind` holding every operand.
    bool parse_chain(FilterNode& out, int depth, std::string_view word, FilterNode::Kind kind,
                     Step step) {
        if (depth > kMaxDepth) return fail("filter nests too deeply");
        FilterNode first;
        if (!(this->*step)(first, depth + 1)) return false;
        if (!is_word(word)) {
            out = std::move(first);
            return true;
        }
        out.kind = kind;
        out.children.push_back(std::move(first));
        while (is_word(word)) {
            advance();
            FilterNode next;
            if (!(this->*step)(next, depth + 1)) return false;
            out.children.push_back(std::move(next));
        }
        return true;
    }

    bool parse_or(FilterNode& out, int depth) {
        return parse_chain(out, depth, "or", FilterNode::Kind::Or, &Parser::parse_and);
    }

    bool parse_and(FilterNode& out, int depth) {
        return parse_chain(out, depth, "and", FilterNode::Kind::And, &Parser::parse_unary);
    }

    bool parse_unary(FilterNode& out, int depth) {
        if (depth > kMaxDepth) return fail("filter nests too deeply");
        if (is_word("not")) {
            advance();
            if (current_.type != Token::Type::LParen) return fail("'not' must be followed by '('");
            out.kind = FilterNode::Kind::Not;
            out.children.emplace_back();
            return parse_group(out.children.back(), depth);
        }
        if (current_.type == Token::Type::LParen) return parse_group(out, depth);
        return parse_comparison(out);
    }

    bool parse_group(FilterNode& out, int depth) {
        advance();  // '('
        if (!parse_or(out, depth + 1)) return false;
        if (current_.type != Token::Type::RParen) return fail("missing ')'");
        advance();
        return true;
    }

    bool parse_comparison(FilterNode& out) {
        if (current_.type != Token::Type::Word) return fail("expected an attribute name");
        out.attr = split_attr_path(current_.text);
        if (out.attr.empty()) return fail("bad attribute name");
        advance();
        if (current_.type == Token::Type::LBracket)
            return fail("complex attribute filters are not supported");
        if (current_.type != Token::Type::Word) return fail("expected an operator");
        out.op = to_lower(current_.text);
        advance();
        if (out.op == "pr") {
            out.kind = FilterNode::Kind::Present;
            return true;
        }
        static const char* const ops[] = {"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"};
        bool known = false;
        for (const char* op : ops) known = known || out.op == op;
        if (!known) return fail("unsupported operator '" + out.op + "'");
        out.kind = FilterNode::Kind::Compare;
        return parse_value(out.value);
    }

    bool parse_value(json& value) {
        if (current_.type == Token::Type::String) {
            value = current_.text;
        } else if (current_.type == Token::Type::Word) {
            const std::string word = to_lower(current_.text);
            if (word == "true" || word == "false") {
                value = (word == "true");
            } else if (word == "null") {
                value = nullptr;
            } else {
                value = json::parse(current_.text, nullptr, false);
                if (!value.is_number()) return fail("bad comparison value '" + current_.text + "'");
            }
        } else {
            return fail(current_.type == Token::Type::Bad ? current_.text
                                                          : "expected a comparison value");
        }
        advance();
        return true;
    }

    Lexer lexer_;
    Token current_;
    std::string error_;
};

// [SECTION] Matching
// Every value at `path` under `node`, flattening multi-valued attributes.
void collect(const json& node, const std::vector<std::string>& path, std::size_t index,
             std::vector<const json*>& out) {
    if (node.is_array()) {
        for (const auto& item : node) collect(item, path, index, out);
        return;
    }
    if (index == path.size()) {
        out.push_back(&node);
        return;
    }
    if (const json* child = find_key(node, path[index])) collect(*child, path, index + 1, out);
}

bool case_exact(const std::vector<std::string>& attr) {
    return attr.size() == 1 && (attr[0] == "id" || attr[0] == "externalid");
}

bool compare_one(const json& actual, const FilterNode& f) {
    if (f.op == "eq" && f.value.is_null()) return actual.is_null();
    if (actual.is_boolean() || f.value.is_boolean()) {
        if (!actual.is_boolean() || !f.value.is_boolean()) return false;
        return f.op == "eq" ? actual == f.value : f.op == "ne" ? actual != f.value : false;
    }
    if (actual.is_number() && f.value.is_number()) {
        const double a = actual.get<double>(), b = f.value.get<double>();
        if (f.op == "eq") return a == b;
        if (f.op == "ne") return a != b;
        if (f.op == "gt") return a > b;
        if (f.op == "ge") return a >= b;
        if (f.op == "lt") return a < b;
        if (f.op == "le") return a <= b;
        return false;
    }
    if (!actual.is_string() || !f.value.is_string()) return f.op == "ne";
    const bool exact = case_exact(f.attr);
    const std::string a = exact ? actual.get<std::string>() : to_lower(actual.get<std::string>());
    const std::string b = exact ? f.value.get<std::string>() : to_lower(f.value.get<std::string>());
    if (f.op == "eq") return a == b;
    if (f.op == "ne") return a != b;
    if (f.op == "co") return a.find(b) != std::string::npos;
    if (f.op == "sw") return a.compare(0, b.size(), b) == 0;
    if (f.op == "ew")
        return a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0;
    if (f.op == "gt") return a > b;
    if (f.op == "ge") return a >= b;
    if (f.op == "lt") return a < b;
    if (f.op == "le") return a <= b;
    return false;
}

}  // namespace

const json* find_key(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (iequals(it.key(), key)) return &it.value();
    return nullptr;
}

std::vector<std::string> split_attr_path(std::string_view path) {
    // "urn:ietf:params:scim:schemas:core:2.0:User:userName" -> "userName"
    if (path.size() > 4 && iequals(path.substr(0, 4), "urn:")) {
        const auto colon = path.rfind(':');
        path = path.substr(colon + 1);
    }
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto dot = path.find('.', start);
        const auto end = dot == std::string_view::npos ? path.size() : dot;
        if (end == start) return {};
        out.push_back(to_lower(path.substr(start, end - start)));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return out;
}

FilterParse parse_filter(std::string_view text) {
    return Parser(text).run();
}

bool filter_matches(const FilterNode& f, const json& resource) {
    switch (f.kind) {
        case FilterNode::Kind::And:
            for (const auto& c : f.children)
                if (!filter_matches(c, resource)) return false;
            return true;
        case FilterNode::Kind::Or:
            for (const auto& c : f.children)
                if (filter_matches(c, resource)) return true;
            return false;
        case FilterNode::Kind::Not:
            return !f.children.empty() && !filter_matches(f.children.front(), resource);
        case FilterNode::Kind::Present:
        case FilterNode::Kind::Compare:
            break;
    }
    std::vector<const json*> values;
    collect(resource, f.attr, 0, values);
    if (f.kind == FilterNode::Kind::Present) {
        for (const json* v : values)
            if (!v->is_null() && !(v->is_string() && v->get_ref<const std::string&>().empty()))
                return true;
        return false;
    }
    if (values.empty()) return f.op == "ne" || (f.op == "eq" && f.value.is_null());
    for (const json* v : values)
        if (compare_one(*v, f)) return true;
    return false;
}

std::optional<std::pair<std::string, std::string>> simple_equality(const FilterNode& f) {
    if (f.kind != FilterNode::Kind::Compare || f.op != "eq" || f.attr.size() != 1 ||
        !f.value.is_string())
        return std::nullopt;
    return std::make_pair(f.attr[0], f.value.get<std::string>());
}

}  // namespace openzro::scim
