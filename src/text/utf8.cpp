#include "text/utf8.h"

#include <clocale>
#include <cwctype>
#include <locale.h>

namespace deckpdf::text {

uint32_t utf8_next(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = c & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += static_cast<size_t>(len);
  return cp;
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string change_case(std::string_view s, CaseChange how, bool at_word_start) {
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  std::string out;
  out.reserve(s.size());
  bool word_start = at_word_start;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = utf8_next(s, i);
    wint_t w = static_cast<wint_t>(cp);
    bool letter = utf8 ? iswalnum_l(w, utf8) : (cp < 0x80 && std::iswalnum(w));
    uint32_t mapped = cp;
    if (how == CaseChange::Upper || (how == CaseChange::Capitalize && word_start && letter)) {
      mapped = static_cast<uint32_t>(utf8 ? towupper_l(w, utf8) : std::towupper(w));
    } else if (how == CaseChange::Lower) {
      mapped = static_cast<uint32_t>(utf8 ? towlower_l(w, utf8) : std::towlower(w));
    }
    if (how == CaseChange::Capitalize) word_start = !letter && cp != '\'' && cp != 0x2019;
    utf8_append(out, mapped);
  }
  return out;
}

}  // namespace deckpdf::text
