// pug/js.cpp — reading JavaScript literals (see js.h). A tiny recursive
// descent reader with a depth limit; it never evaluates anything but `+`
// between literals.
#include "pug/js.h"

#include <cctype>

#include "dom/entities.h"
#include "source/strings.h"

namespace deckpdf::pug {

bool JsValue::truthy() const {
  switch (kind) {
    case Kind::String: return !str.empty();
    case Kind::Number: return str != "0" && str != "NaN" && str != "-0";
    case Kind::Bool: return boolean;
    case Kind::Null: return false;
    case Kind::Array:
    case Kind::Object: return true;
  }
  return false;
}

std::string JsValue::to_string() const {
  switch (kind) {
    case Kind::String:
    case Kind::Number: return str;
    case Kind::Bool: return boolean ? "true" : "false";
    case Kind::Null: return "";
    case Kind::Array: {
      std::string out;
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ",";
        out += items[i].to_string();
      }
      return out;
    }
    case Kind::Object: return "[object Object]";
  }
  return "";
}

namespace {

constexpr int max_depth = 64;

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::optional<JsValue> whole(bool* concatenated) {
    auto v = sum(0);
    skip();
    if (!v || i_ != s_.size()) return std::nullopt;
    if (concatenated) *concatenated = concatenated_;
    return v;
  }

 private:
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n')) ++i_;
  }

  std::optional<JsValue> sum(int depth) {
    auto v = primary(depth);
    if (!v) return v;
    for (;;) {
      skip();
      if (i_ >= s_.size() || s_[i_] != '+') return v;
      ++i_;
      auto rhs = primary(depth);
      if (!rhs) return std::nullopt;
      concatenated_ = true;
      bool str = v->kind == JsValue::Kind::String || rhs->kind == JsValue::Kind::String;
      if (!str) return std::nullopt;  // arithmetic: not a literal we read
      JsValue out;
      out.kind = JsValue::Kind::String;
      out.str = v->to_string() + rhs->to_string();
      v = out;
    }
  }

  std::optional<JsValue> primary(int depth) {
    if (depth > max_depth) return std::nullopt;
    skip();
    if (i_ >= s_.size()) return std::nullopt;
    char c = s_[i_];
    if (c == '"' || c == '\'' || c == '`') return string();
    if ((c >= '0' && c <= '9') || c == '-' || c == '.') return number();
    if (c == '[') return array(depth);
    if (c == '{') return object(depth);
    if (c == '(') {
      ++i_;
      auto v = sum(depth + 1);
      skip();
      if (!v || i_ >= s_.size() || s_[i_] != ')') return std::nullopt;
      ++i_;
      return v;
    }
    std::string_view w = word();
    JsValue v;
    if (w == "true" || w == "false") {
      v.kind = JsValue::Kind::Bool;
      v.boolean = w == "true";
      return v;
    }
    if (w == "null" || w == "undefined") return v;
    return std::nullopt;
  }

  std::string_view word() {
    size_t b = i_;
    while (i_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '$')) {
      ++i_;
    }
    return s_.substr(b, i_ - b);
  }

  std::optional<JsValue> number() {
    size_t b = i_;
    if (s_[i_] == '-') ++i_;
    bool digits = false;
    while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.')) {
      digits = digits || s_[i_] != '.';
      ++i_;
    }
    if (!digits) return std::nullopt;
    JsValue v;
    v.kind = JsValue::Kind::Number;
    v.str = std::string(s_.substr(b, i_ - b));
    return v;
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  std::optional<JsValue> string() {
    char q = s_[i_++];
    JsValue v;
    v.kind = JsValue::Kind::String;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == q) return v;
      if (q == '`' && c == '$' && i_ < s_.size() && s_[i_] == '{') return std::nullopt;
      if (c != '\\') {
        v.str.push_back(c);
        continue;
      }
      if (i_ >= s_.size()) return std::nullopt;
      char e = s_[i_++];
      switch (e) {
        case 'n': v.str.push_back('\n'); break;
        case 't': v.str.push_back('\t'); break;
        case 'r': v.str.push_back('\r'); break;
        case 'b': v.str.push_back('\b'); break;
        case 'f': v.str.push_back('\f'); break;
        case 'v': v.str.push_back('\v'); break;
        case '0': v.str.push_back('\0'); break;
        case '\n': break;  // line continuation
        case 'x':
        case 'u': {
          uint32_t cp = 0;
          if (e == 'u' && i_ < s_.size() && s_[i_] == '{') {
            ++i_;
            while (i_ < s_.size() && s_[i_] != '}') {
              int h = hex_value(s_[i_++]);
              if (h < 0) return std::nullopt;
              cp = cp * 16 + static_cast<uint32_t>(h);
              if (cp > 0x10FFFF) return std::nullopt;
            }
            if (i_ >= s_.size()) return std::nullopt;
            ++i_;
          } else {
            int n = e == 'x' ? 2 : 4;
            for (int k = 0; k < n; ++k) {
              if (i_ >= s_.size()) return std::nullopt;
              int h = hex_value(s_[i_++]);
              if (h < 0) return std::nullopt;
              cp = cp * 16 + static_cast<uint32_t>(h);
            }
          }
          deckpdf::utf8_append(v.str, cp == 0 ? 0xFFFD : cp);
          break;
        }
        default: v.str.push_back(e); break;
      }
    }
    return std::nullopt;
  }

  std::optional<JsValue> array(int depth) {
    ++i_;
    JsValue v;
    v.kind = JsValue::Kind::Array;
    for (;;) {
      skip();
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return v;
      }
      auto item = sum(depth + 1);
      if (!item) return std::nullopt;
      v.items.push_back(std::move(*item));
      skip();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return v;
      }
      return std::nullopt;
    }
  }

  std::optional<JsValue> object(int depth) {
    ++i_;
    JsValue v;
    v.kind = JsValue::Kind::Object;
    for (;;) {
      skip();
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return v;
      }
      std::string key;
      if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) {
        auto k = string();
        if (!k) return std::nullopt;
        key = k->str;
      } else {
        size_t b = i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) ||
                                  s_[i_] == '_' || s_[i_] == '$' || s_[i_] == '-')) {
          ++i_;
        }
        if (i_ == b) return std::nullopt;
        key = std::string(s_.substr(b, i_ - b));
      }
      skip();
      if (i_ >= s_.size() || s_[i_] != ':') return std::nullopt;
      ++i_;
      auto value = sum(depth + 1);
      if (!value) return std::nullopt;
      v.fields.push_back({std::move(key), std::move(*value)});
      skip();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return v;
      }
      return std::nullopt;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  bool concatenated_ = false;
};

}  // namespace

std::optional<JsValue> js_literal(std::string_view expr, bool* concatenated) {
  if (concatenated) *concatenated = false;
  return Reader(expr).whole(concatenated);
}

}  // namespace deckpdf::pug
