// math/parse — TeX math source → math list: tokens, macros expanded in
// place as they are read (TeX's way, counted against Limits), and a
// recursive descent over atoms, scripts, groups, commands and environments
// (parser.h). Errors stop the parse with KaTeX's wording and their offset.
#include "math/parser.h"

namespace deckpdf::math {

namespace detail {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Splits `tex` into tokens; `%` comments end at the line's end.
std::vector<Tok> tokenize(std::string_view tex) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < tex.size()) {
    uint32_t pos = static_cast<uint32_t>(i);
    char c = tex[i];
    if (c == '\\') {
      size_t j = i + 1;
      if (j < tex.size() && is_letter(tex[j])) {
        while (j < tex.size() && is_letter(tex[j])) ++j;
        out.push_back({Tok::Cs, std::string(tex.substr(i + 1, j - i - 1)), pos});
        while (j < tex.size() && (tex[j] == ' ' || tex[j] == '\n' || tex[j] == '\t')) ++j;
      } else if (j < tex.size()) {
        size_t len = 1;
        unsigned char b = static_cast<unsigned char>(tex[j]);
        if (b >= 0xF0)
          len = 4;
        else if (b >= 0xE0)
          len = 3;
        else if (b >= 0xC0)
          len = 2;
        len = std::min(len, tex.size() - j);
        std::string name(tex.substr(j, len));
        if (name == "\n" || name == "\t") name = " ";
        out.push_back({Tok::Cs, name, pos});
        j += len;
      } else {
        out.push_back({Tok::Cs, "", pos});
      }
      i = j;
      continue;
    }
    if (c == '%') {
      while (i < tex.size() && tex[i] != '\n') ++i;
      continue;
    }
    size_t len = 1;
    unsigned char b = static_cast<unsigned char>(c);
    if (b >= 0xF0)
      len = 4;
    else if (b >= 0xE0)
      len = 3;
    else if (b >= 0xC0)
      len = 2;
    len = std::min(len, tex.size() - i);
    Tok::Kind k = Tok::Char;
    switch (c) {
      case '{': k = Tok::Begin; break;
      case '}': k = Tok::End; break;
      case '^': k = Tok::Sup; break;
      case '_': k = Tok::Sub; break;
      case '&': k = Tok::Amp; break;
      case ' ':
      case '\n':
      case '\t':
      case '\r': k = Tok::Space; break;
      case '#':
        if (i + 1 < tex.size() && tex[i + 1] >= '1' && tex[i + 1] <= '9') {
          out.push_back({Tok::Param, std::string(1, tex[i + 1]), pos});
          i += 2;
          continue;
        }
        break;
      default: break;
    }
    out.push_back({k, std::string(tex.substr(i, len)), pos});
    i += len;
  }
  return out;
}

uint32_t decode(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char b = static_cast<unsigned char>(s[0]);
  if (b < 0x80 || s.size() < 2) return b;
  uint32_t cp = b >= 0xF0 ? b & 0x07 : b >= 0xE0 ? b & 0x0F : b & 0x1F;
  for (size_t k = 1; k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  return cp;
}

}  // namespace detail

ParseResult parse(std::string_view tex, const Limits& limits) {
  if (tex.size() > limits.max_bytes) {
    return {
        {}, false, "The formula is longer than " + std::to_string(limits.max_bytes) + " bytes", 0};
  }
  std::vector<detail::Tok> toks = detail::tokenize(tex);
  detail::Parser p(std::move(toks), limits, static_cast<uint32_t>(tex.size()));
  return p.run();
}

}  // namespace deckpdf::math
