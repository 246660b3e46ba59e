// source/language — RFC 5646's ABNF for language tags, subtag by subtag.
#include "source/language.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "source/strings.h"

namespace deckpdf {

namespace {

bool alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}
bool alnum(char c) {
  return alpha(c) || digit(c);
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

bool letters(std::string_view s, size_t lo, size_t hi) {
  return s.size() >= lo && s.size() <= hi && all_of(s, alpha);
}

bool private_use(const std::vector<std::string_view>& parts, size_t from) {
  if (from >= parts.size()) return false;  // "x" needs a subtag after it
  for (size_t i = from; i < parts.size(); ++i) {
    if (parts[i].size() > 8 || !all_of(parts[i], alnum)) return false;
  }
  return true;
}

}  // namespace

bool language_tag_well_formed(std::string_view tag) {
  // The irregular grandfathered tags (RFC 5646 2.2.8), which the ABNF
  // lists by name; the regular ones (art-lojban, zh-min-nan) parse anyway.
  static const std::array<std::string_view, 17> irregular{
      "en-gb-oed", "i-ami", "i-bnn",     "i-default", "i-enochian", "i-hak",
      "i-klingon", "i-lux", "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",
      "i-tay",     "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de"};
  if (tag.empty() || tag.size() > 256) return false;
  std::string lower = ascii_lower(tag);
  if (std::find(irregular.begin(), irregular.end(), lower) != irregular.end()) return true;
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    size_t dash = tag.find('-', at);
    parts.push_back(tag.substr(at, dash == std::string_view::npos ? dash : dash - at));
    if (dash == std::string_view::npos) break;
    at = dash + 1;
  }
  auto is_x = [&](size_t i) { return parts[i] == "x" || parts[i] == "X"; };
  if (is_x(0)) return private_use(parts, 1);
  size_t i = 0;
  // language: 2-3 letters with up to three extlangs, or 4-8 letters.
  if (letters(parts[0], 2, 3)) {
    ++i;
    for (int n = 0; n < 3 && i < parts.size() && letters(parts[i], 3, 3); ++n) ++i;
  } else if (letters(parts[0], 4, 8)) {
    ++i;
  } else {
    return false;
  }
  if (i < parts.size() && letters(parts[i], 4, 4)) ++i;  // script
  if (i < parts.size() &&
      (letters(parts[i], 2, 2) || (parts[i].size() == 3 && all_of(parts[i], digit)))) {
    ++i;  // region
  }
  // variants: 5-8 alphanumerics, or a digit and 3 alphanumerics.
  while (i < parts.size() && all_of(parts[i], alnum) &&
         ((parts[i].size() >= 5 && parts[i].size() <= 8) ||
          (parts[i].size() == 4 && digit(parts[i][0])))) {
    ++i;
  }
  // extensions: a singleton other than x, then subtags of 2-8.
  while (i < parts.size() && parts[i].size() == 1 && alnum(parts[i][0]) && !is_x(i)) {
    size_t first = ++i;
    while (i < parts.size() && parts[i].size() >= 2 && parts[i].size() <= 8 &&
           all_of(parts[i], alnum)) {
      ++i;
    }
    if (i == first) return false;
  }
  if (i < parts.size() && is_x(i)) return private_use(parts, i + 1);
  return i == parts.size();
}

}  // namespace deckpdf
