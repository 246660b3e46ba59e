// math/symbols — the names TeX math knows: symbols with their atom class,
// large and named operators, accents, spaces, and the Unicode math
// alphabets that \mathbf, \mathbb... draw letters from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "math/tex.h"

namespace deckpdf::math {

struct Symbol {
  uint32_t cp;
  Class cls;
};
// A command that stands for one character (`alpha`, `leq`, `{`), or nullptr.
const Symbol* symbol_command(std::string_view name);
// The class of a character typed as itself (`+` Bin, `=` Rel, `(` Open).
Class char_class(uint32_t cp);

struct BigOp {
  uint32_t cp;            // 0: a named operator drawn as its name
  std::string_view name;  // what a named operator draws (`lim`, `sin`)
  bool limits;            // limits above and below in display style
};
const BigOp* big_operator(std::string_view name);

struct AccentInfo {
  uint32_t cp;  // the combining mark (or 0: \overline, \underline)
  bool stretchy;
  bool under;
};
const AccentInfo* accent_command(std::string_view name);

// A spacing command's width in em (`,` 3/18), or nullopt-like NaN.
float space_command(std::string_view name);

// `cp` (a Latin letter or digit, a Greek letter) in alphabet `v`; `cp`
// itself when the alphabet has no such character.
uint32_t alphabet(uint32_t cp, Variant v);

// The delimiter a name or character stands for after \left, \right, \big:
// its code point, 0 for `.`, or -1 when it is not a delimiter.
int64_t delimiter(std::string_view name_or_char, bool command);

void append_utf8(std::string& out, uint32_t cp);

}  // namespace deckpdf::math
