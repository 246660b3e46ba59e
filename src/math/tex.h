// math/tex — TeX math source read into a math list: the tree of atoms that
// typeset.h turns into boxes. The subset is KaTeX's that talks use (see
// symbols.cpp for the commands); macros (`\newcommand`, `\def`) expand as
// they are read, within budgets, so hostile input ends as an error, never
// as a hang.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "style/color.h"

namespace deckpdf::math {

// TeX's atom classes: they choose the space between neighbours.
enum class Class : uint8_t { Ord, Op, Bin, Rel, Open, Close, Punct, Inner };

// The alphabet a letter is drawn from (\mathrm, \mathbf...). Normal is
// TeX's default: Latin and lower-case Greek letters italic, the rest upright.
enum class Variant : uint8_t { Normal, Rm, Bf, It, Bb, Cal, Frak, Sf, Tt };

struct Node;
using List = std::vector<Node>;

struct Node {
  enum class Kind : uint8_t {
    Symbol,     // one character: `text`, drawn from `variant`
    Text,       // \text{...}, \operatorname's name: `text` upright
    Op,         // a large operator (`text` one character) or a named one (\lim)
    Group,      // {...}: kids[0]
    Scripts,    // kids[0] base, kids[1] superscript, kids[2] subscript
    Frac,       // kids[0] over kids[1]; binomials without a rule, in parentheses
    Sqrt,       // kids[0] under the radical, kids[1] its index (may be empty)
    Delimited,  // \left open kids[0] \middle middles[0] kids[1] ... \right close
    Delim,      // a delimiter at a fixed size (\big...): `text`, `size` 1-4
    Accent,     // kids[0] under the accent `text` (a combining mark, or "overline"...)
    Space,      // `space` em (negative: a kern back)
    Array,      // kids: cells, row by row, `cols` per row; `env` says which
    Color,      // kids[0] in `color`
    Phantom,    // kids[0]'s room, nothing drawn
    Style,      // kids[0] in display (0), text (1), script (2) or scriptscript (3) style
  };
  Kind kind = Kind::Symbol;
  Class cls = Class::Ord;
  Variant variant = Variant::Normal;
  std::string text;                  // UTF-8
  std::vector<List> kids;            // see Kind
  bool has_sup = false;              // Scripts
  bool has_sub = false;              // Scripts
  int limits = 0;                    // Op: 0 as the style says, 1 \limits, -1 \nolimits
  bool limits_default = false;       // Op: limits in display style (\sum, \lim)
  bool binom = false;                // Frac: no rule, in parentheses
  int frac_style = -1;               // Frac: \dfrac 0, \tfrac 1; -1 as the style goes
  std::string open, close;           // Delimited; "" is `.` (nothing drawn)
  std::vector<std::string> middles;  // Delimited: between its lists
  int size = 0;                      // Delim: \big 1 ... \Bigg 4
  bool stretchy = false;             // Accent: \widehat, \widetilde
  float space = 0;                   // Space: em
  std::string env;                   // Array: matrix, pmatrix, ..., cases, aligned, array
  std::string align;                 // Array: a letter (l, c, r) per column; '|' rules between
  size_t cols = 0;
  std::vector<size_t>
      hlines;          // Array: \hline above these rows (the row count: below the last) // Array
  style::Color color;  // Color
  int math_style = 0;  // Style
};

// The budgets of one formula (KaTeX's maxExpand is 1000).
struct Limits {
  size_t max_bytes = 8192;       // the formula's source
  size_t max_depth = 48;         // groups and arguments nested
  size_t max_expansions = 1000;  // macro uses, all told
  size_t max_tokens = 65536;     // tokens after expansion
};

struct ParseResult {
  List list;
  bool ok = true;
  std::string error;    // what went wrong, as KaTeX says it
  uint32_t offset = 0;  // where, in the formula's bytes
};

// Reads `tex` (the text between the delimiters). On error, `list` is
// empty and the formula is drawn as its source.
ParseResult parse(std::string_view tex, const Limits& limits = {});

// The formula as one line of plain text (titles, outlines): "a/b", "x^2", "≈".
std::string plain_text(const List& list);

// The tree as text, for tests: `(frac [a] [b])`, `(scripts [x] ^[2])`.
std::string dump(const List& list);

}  // namespace deckpdf::math
