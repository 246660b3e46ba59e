// style/reveal_vars — reveal.js's theme variables set by a deck. reveal.js
// 4+ themes are written over CSS variables (`.reveal h1 { text-transform:
// var(--r-heading-text-transform) }`), and decks restyle a theme by setting
// them: `:root { --r-heading-text-transform: none; --r-main-font: ... }`.
// deckpdf's themes say the same with plain rules, so each variable a deck
// sets becomes the rule of deckpdf's theme it stands for, weighed as a theme
// rule (reveal.js's `.reveal h1`): the deck's own rules still lose to it
// where they would lose to the theme in a browser.
#pragma once

#include <map>
#include <string>

namespace deckpdf::style {

struct Theme;

// The CSS (deckpdf's theme selectors) for the `--r-*` variables in `vars`
// (a deck sheet's `:root` declarations), "" when there are none it reads;
// `--r-background-color` (and a gradient `--r-background`) are set on
// `theme` itself, as the page's background.
std::string reveal_vars_css(const std::map<std::string, std::string>& vars, Theme& theme);

}  // namespace deckpdf::style
