#include "text/utf8.h"

#include <locale.h>

#include <clocale>
#include <cwctype>

namespace deckpdf::text {

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
