// markdown/reveal_plugin — reveal.js's markdown plugin (reveal.js 6.0.2,
// plugin/markdown/plugin.js) run on the element tree, as the browser runs
// it before reveal.js reads the slides: every `section[data-markdown]` is
// replaced by the slides its Markdown makes (processSlides and slidify),
// from its `textarea[data-template]` or `script` or its own text, or from
// the file `data-markdown` names inside the deck's folder; then each
// slide's Markdown is rendered with md4c (convertSlides), its notes into
// `aside.notes`, fenced code as the plugin's code renderer writes it
// (```js [1-2|3] → `code.js[data-line-numbers="1-2|3"]`), and attribute
// comments applied (reveal_attributes.h).
#pragma once

#include <cstddef>
#include <string>

#include "dom/node.h"
#include "markdown/reveal_slides.h"
#include "source/diagnostic.h"
#include "source/source.h"
#include "source/source_set.h"

namespace deckpdf::markdown {

// Whether any element has `data-markdown` (decks without it skip the plugin).
bool has_markdown_slides(const dom::Document& doc);

// The plugin over `doc`. `deck` and `sources` give the text behind spans
// (and take the external Markdown files in); `deck_dir` is the folder a
// `data-markdown="file.md"` must lie in. Returns the number of elements
// converted.
size_t reveal_markdown(dom::Document& doc, const Source& deck, SourceSet& sources,
                       const std::string& deck_dir, Diagnostics& diags);

// The slides of a whole Markdown text (a Markdown deck, reveal-md's way:
// no template indentation), appended to `parent` as slidify makes them
// and converted. Returns the number of top-level sections made.
size_t reveal_markdown_slides(dom::Document& doc, dom::NodeId parent, const MappedText& text,
                              const Separators& seps, const Source& deck, SourceSet& sources,
                              Diagnostics& diags);

}  // namespace deckpdf::markdown
