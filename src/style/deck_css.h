// style/deck_css — the deck's own CSS: `style` blocks anywhere in the deck
// (in document order), `link(rel="stylesheet")` to files inside the deck's
// folder, and --css files, with their @imports, added after the theme's
// rules. So the cascade is: element defaults < theme < the deck's CSS <
// inline `style`, by specificity, then order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "source/source.h"
#include "source/source_set.h"
#include "style/theme.h"

namespace deckpdf::style {

struct DeckCssInput {
  const dom::Document& doc;
  const Source& deck;                    // the deck's text, for the places of style blocks
  const SourceSet& sources;              // the files it includes
  std::string deck_dir;                  // links and imports stay inside it
  std::vector<std::string> css_files;    // --css, read after the deck's own
  std::vector<std::string> theme_names;  // reveal.js themes, whose links are skipped
};

// reveal.js's own stylesheets, which decks link beside their content:
// reveal.css and reset.css (deckpdf is their equivalent) and a theme
// (`.../theme/NAME.css` with NAME a theme deckpdf has). deck_css_add skips
// them.
bool reveal_stylesheet(std::string_view href, const std::vector<std::string>& theme_names);
// The theme a deck links (`link(rel="stylesheet" href=".../theme/moon.css")`),
// by name, else one a linked file is named after (`css/black.css`, a
// theme's copy beside the deck), or "" when it links none of `theme_names`.
std::string linked_theme(const dom::Document& doc, const std::vector<std::string>& theme_names);

// Appends the deck's rules to `theme.rules`. Warnings: a property deckpdf
// does not draw once per property, at the first place the deck's CSS uses
// it; a value it cannot read, a rule it skips, a remote or refused
// stylesheet at its place (in the deck, or in the CSS file). Returns the
// files read (for --watch). `error` is set (and false returned through
// `ok`) only when a --css file cannot be read.
std::vector<std::string> deck_css_add(Theme& theme, const DeckCssInput& in, Diagnostics& diags,
                                      std::string& error);

}  // namespace deckpdf::style
