// style/value — the pieces of a CSS value (see value.h).
#include "style/value.h"

#include <cctype>
#include <charconv>

#include "source/strings.h"

namespace deckpdf::style {

namespace {

// `v` cut at the characters `is_separator` accepts outside parentheses;
// empty pieces kept or not.
template <typename Separator>
std::vector<std::string> split_outside_parens(std::string_view v, Separator is_separator,
                                              bool keep_empty) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : v) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth == 0 && is_separator(c)) {
      if (keep_empty || !cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (keep_empty || !cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

std::vector<std::string> split_values(std::string_view v) {
  return split_outside_parens(
      v, [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }, false);
}

std::vector<std::string> split_commas(std::string_view v) {
  return split_outside_parens(
      v, [](char c) { return c == ','; }, true);
}

std::optional<float> parse_length(std::string_view v, float em, float rem, float pct_base) {
  v = trim(v);
  if (v.empty()) return std::nullopt;
  float num = 0;
  const char* end = v.data() + v.size();
  auto res = std::from_chars(v.data(), end, num);
  if (res.ec != std::errc()) return std::nullopt;
  std::string unit = ascii_lower(std::string_view(res.ptr, static_cast<size_t>(end - res.ptr)));
  if (unit.empty()) {
    if (num == 0) return 0.0f;
    return std::nullopt;
  }
  if (unit == "px") return num;
  if (unit == "pt") return num * 96.0f / 72.0f;
  if (unit == "em") return num * em;
  if (unit == "rem") return num * rem;
  if (unit == "%") return num * pct_base / 100.0f;
  if (unit == "in") return num * 96.0f;
  if (unit == "cm") return num * 96.0f / 2.54f;
  if (unit == "mm") return num * 96.0f / 25.4f;
  return std::nullopt;
}

bool is_percentage(std::string_view v) {
  v = trim(v);
  return !v.empty() && v.back() == '%';
}

float parse_number(std::string_view v, float fallback) {
  v = trim(v);
  float num = fallback;
  std::from_chars(v.data(), v.data() + v.size(), num);
  return num;
}

}  // namespace deckpdf::style
