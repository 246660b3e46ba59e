#include "pug/coffee.h"

#include <cstdlib>

namespace deckpdf::pug {

namespace {

size_t indent_of(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

std::string_view trimmed(std::string_view s) {
  size_t b = indent_of(s), e = s.size();
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool ident(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

// A value kept as written (in JavaScript's spelling), or "null".
std::string value_of(std::string_view v) {
  if (size_t hash = v.find(" #"); hash != std::string_view::npos) v = trimmed(v.substr(0, hash));
  if (v == "true" || v == "yes" || v == "on") return "true";
  if (v == "false" || v == "no" || v == "off") return "false";
  if (v.size() >= 2 && (v[0] == '\'' || v[0] == '"') && v.back() == v[0] &&
      v.substr(1, v.size() - 2).find_first_of("'\"\\#") == std::string_view::npos) {
    return "'" + std::string(v.substr(1, v.size() - 2)) + "'";
  }
  std::string s(v);
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  if (!s.empty() && end == s.c_str() + s.size()) return s;
  return "null";
}

}  // namespace

std::string coffee_reveal_initialize(const std::vector<std::string_view>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = trimmed(lines[i]);
    if (t != "Reveal.initialize") continue;  // the indented-object form only
    size_t base = indent_of(lines[i]);
    size_t keys = std::string_view::npos;  // the indentation of the options
    std::string out = "Reveal.initialize({\n";
    for (size_t k = i + 1; k < lines.size(); ++k) {
      std::string_view line = lines[k];
      std::string_view body = trimmed(line);
      if (body.empty() || body[0] == '#') continue;
      size_t in = indent_of(line);
      if (in <= base) break;
      if (keys == std::string_view::npos) keys = in;
      if (in != keys) continue;  // inside an option's own value
      size_t colon = body.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view key = trimmed(body.substr(0, colon));
      if (!ident(key)) continue;
      std::string_view value = trimmed(body.substr(colon + 1));
      out += "  " + std::string(key) + ": " + (value.empty() ? "null" : value_of(value)) + ",\n";
    }
    return out + "});\n";
  }
  return "";
}

}  // namespace deckpdf::pug
