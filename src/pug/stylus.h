// pug/stylus — the `:stylus` filter: Stylus, the indented CSS that Pug
// decks often keep their look in (`style` + `include:stylus deck.styl`),
// compiled to CSS as the stylus package writes it, for the part of the
// language that style sheets use:
//   - selectors nested by indentation, `&` (the parent), `/sel &` (from the
//     root), selector lists over several lines (`a,` / `b`), `> child`;
//   - properties with or without the colon, `!important`, custom
//     properties (`--r-main-font: ...`), a trailing `;`;
//   - variables (`name = value`, `name ?= value`, `$name`) used in values;
//   - `//` and `/* */` comments; `@media`, `@supports` (nested in rules or
//     not), `@font-face`, `@keyframes`, `@page`; `@import` of a `.css` file.
// Stylus's programming side (mixins, functions, `if`/`for`, `@extend`,
// `{interpolation}`, arithmetic) is not evaluated: each such line is named in
// a warning and left out, so the rest of the sheet still applies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.h"

namespace deckpdf::pug {

// One line of the filter's text and the source offset of its first byte.
struct StylusLine {
  std::string_view text;
  uint32_t at = 0;
};

// The CSS; warnings point at the line they are about.
std::string stylus_to_css(const std::vector<StylusLine>& lines, Diagnostics& diags);

}  // namespace deckpdf::pug
