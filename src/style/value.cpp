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

std::optional<CalcSum> parse_calc(std::string_view v, float em, float rem) {
  v = trim(v);
  if (v.size() < 6 || ascii_lower(v.substr(0, 5)) != "calc(" || v.back() != ')')
    return std::nullopt;
  v = v.substr(5, v.size() - 6);
  CalcSum sum;
  float sign = 1;
  bool want_term = true;
  size_t i = 0;
  auto skip = [&] {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n')) ++i;
  };
  while (true) {
    skip();
    if (i >= v.size()) break;
    if (!want_term) {
      if (v[i] != '+' && v[i] != '-') return std::nullopt;
      sign = v[i] == '+' ? 1 : -1;
      ++i;
      want_term = true;
      continue;
    }
    // A product: factors joined by `*` (or `/` by a number), of which one
    // at most is a length or a percentage.
    float factor = 1;
    std::optional<float> length_px, percent;
    char op = '*';
    while (true) {
      size_t fb = i;
      while (i < v.size() && v[i] != ' ' && v[i] != '\t' && v[i] != '\n' && v[i] != '*' &&
             v[i] != '/') {
        ++i;
      }
      std::string_view f = v.substr(fb, i - fb);
      float n = 0;
      auto r = std::from_chars(f.data(), f.data() + f.size(), n);
      if (r.ec == std::errc() && r.ptr == f.data() + f.size()) {  // a plain number
        if (op == '/' && n == 0) return std::nullopt;
        factor = op == '*' ? factor * n : factor / n;
      } else if (op == '/' || length_px || percent) {
        return std::nullopt;
      } else if (is_percentage(f)) {
        r = std::from_chars(f.data(), f.data() + f.size() - 1, n);
        if (r.ec != std::errc() || r.ptr != f.data() + f.size() - 1) return std::nullopt;
        percent = n;
      } else if (auto l = parse_length(f, em, rem, 0)) {
        length_px = *l;
      } else {
        return std::nullopt;
      }
      skip();
      if (i >= v.size() || (v[i] != '*' && v[i] != '/')) break;
      op = v[i++];
      skip();
    }
    if (percent) {
      sum.pct += sign * *percent * factor;
      sum.has_pct = true;
    } else if (length_px) {
      sum.px += sign * *length_px * factor;
    } else {
      return std::nullopt;  // a number alone is not a length
    }
    want_term = false;
  }
  if (want_term) return std::nullopt;  // empty, or ending in an operator
  return sum;
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
