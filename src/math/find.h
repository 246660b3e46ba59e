// math/find — where a deck writes TeX: the delimiters reveal.js's math
// plugin reads (KaTeX's auto-render: `$$…$$` and `\[…\]` display, `$…$` and
// `\(…\)` inline) in the text of slides and notes, never inside pre, code,
// script, style or textarea. Each formula becomes an element that layout
// typesets; a formula that does not parse is a warning at its place.
#pragma once

#include <cstddef>
#include <string_view>

#include "dom/node.h"
#include "source/diagnostic.h"

namespace deckpdf::math {

// The element an inline formula becomes (its TeX in the `tex` attribute;
// `display` set for a display formula), and the block that holds a display
// formula (style/defaults.cpp: display block, centred, as .katex-display).
inline constexpr std::string_view inline_tag = "deckpdf-math";
inline constexpr std::string_view display_tag = "deckpdf-math-display";

// Replaces the formulas in `doc`'s text by math elements, and `\$` by a
// dollar; returns how many formulas it found.
size_t find_formulas(dom::Document& doc, Diagnostics& diags);

}  // namespace deckpdf::math
