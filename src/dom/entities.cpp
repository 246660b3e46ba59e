// dom/entities.cpp — decoding HTML character references.
//
// Numeric references follow the HTML rules (C1 remapping of 0x80–0x9F is
// left out: those code points become U+FFFD like other invalid ones only when
// they are surrogates, zero or past U+10FFFF). Named references are looked up
// in the generated WHATWG table (entities_table.cpp).
#include "dom/entities.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "source/strings.h"

namespace deckpdf::dom {

namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const detail::EntityEntry* entity_find(std::string_view name) {
  const detail::EntityEntry* begin = detail::entity_table;
  const detail::EntityEntry* end = begin + detail::entity_table_size;
  auto it =
      std::lower_bound(begin, end, name, [](const detail::EntityEntry& e, std::string_view n) {
        return std::string_view(e.name) < n;
      });
  if (it != end && std::string_view(it->name) == name) return it;
  return nullptr;
}

size_t numeric_decode(std::string_view s, std::string& out) {
  // s starts with "&#"
  size_t i = 2;
  bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  size_t digits_begin = i;
  uint32_t cp = 0;
  bool overflow = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    uint32_t d;
    if (c >= '0' && c <= '9') {
      d = static_cast<uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      d = static_cast<uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      d = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      break;
    }
    if (cp > 0x10FFFF) {
      overflow = true;
    } else {
      cp = cp * (hex ? 16 : 10) + d;
    }
  }
  if (i == digits_begin) return 0;
  if (overflow) cp = 0x110000;
  if (i < s.size() && s[i] == ';') ++i;
  deckpdf::utf8_append(out, cp == 0 ? 0xFFFD : cp);  // HTML: NUL becomes U+FFFD
  return i;
}

}  // namespace

size_t entity_decode_one(std::string_view s, std::string& out, bool in_attribute) {
  if (s.size() < 2 || s[0] != '&') return 0;
  if (s[1] == '#') return numeric_decode(s, out);
  // The longest name in the table is 32 bytes ("CounterClockwiseContourIntegral;").
  size_t n = 1;
  while (n < s.size() && n <= 33 && is_alnum(s[n])) ++n;
  if (n == 1) return 0;
  if (n < s.size() && s[n] == ';') {
    if (const detail::EntityEntry* e = entity_find(s.substr(1, n))) {
      out += e->value;
      return n + 1;
    }
  }
  // Legacy forms without ';' (`&amp`, `&copy`): the longest one that matches.
  for (size_t len = std::min<size_t>(n - 1, 6); len >= 2; --len) {
    if (const detail::EntityEntry* e = entity_find(s.substr(1, len))) {
      if (in_attribute && 1 + len < s.size() && (is_alnum(s[1 + len]) || s[1 + len] == '=')) {
        return 0;
      }
      out += e->value;
      return 1 + len;
    }
  }
  return 0;
}

std::string entities_decode(std::string_view s, bool in_attribute) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      size_t used = entity_decode_one(s.substr(i), out, in_attribute);
      if (used) {
        i += used;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

}  // namespace deckpdf::dom
