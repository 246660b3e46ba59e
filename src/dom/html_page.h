// dom/html_page — a whole reveal.js page (`index.html`, reveal.js's demo)
// read by gumbo, an HTML5 parser, into the tree a Pug deck gives: the
// slides (the children of `.reveal .slides`, reveal.js's wrappers dropped
// as style/ expects), then the page's `link` and `style` elements for the
// deck's CSS. The page's title and language and its inline scripts (where
// `Reveal.initialize({...})` is) are handed on; nothing is run.
#pragma once

#include <string>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::dom {

struct HtmlPage {
  Document doc;
  std::string title;  // <title>, white space squashed; "" = none
  std::string lang;   // <html lang>, as written; "" = none
  struct Script {
    std::string text;
    uint32_t at = 0;  // source offset of text[0]
  };
  std::vector<Script> scripts;  // inline scripts, in document order
};

// Reads `source` from `body` on. A page without `.reveal .slides` gives
// the body's sections (with a warning). Budgets: start tags (gumbo frees
// its tree recursively) and nesting depth (deeper elements are flattened).
HtmlPage html_page_read(const Source& source, uint32_t body, Diagnostics& diags);

}  // namespace deckpdf::dom
