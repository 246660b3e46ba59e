// markdown/md_deck — a whole deck written in Markdown, as reveal-md reads
// one: the front matter gives the title, the theme and the separators
// (`separator`, `verticalSeparator`, `notesSeparator`; reveal-md's defaults
// want `---` and `----` between blank lines, notes after `Note:`), and the
// rest is cut into slides by reveal.js's markdown plugin (reveal_plugin.h).
// The tree it gives is the one a Pug deck of the same slides gives.
#pragma once

#include <cstdint>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "source/source.h"
#include "source/source_set.h"

namespace deckpdf::markdown {

// reveal-md's defaults (lib/defaults.json).
inline constexpr const char* reveal_md_separator = "^(\\r\\n?|\\n)---(\\r\\n?|\\n)$";
inline constexpr const char* reveal_md_vertical = "^(\\r\\n?|\\n)----(\\r\\n?|\\n)$";
inline constexpr const char* reveal_md_theme = "black";

// The deck's slides from `source` after its front matter (`body` on).
dom::Document markdown_deck(const Source& source, uint32_t body, const FrontMatter& front,
                            SourceSet& sources, Diagnostics& diags);

}  // namespace deckpdf::markdown
