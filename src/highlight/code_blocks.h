// highlight/code_blocks — reveal.js's highlight plugin on the element tree:
// each `pre code` that names its language (a `language-X`/`lang-X` class on
// it or its `pre`, `data-lang`, a Markdown fence, a class that is a
// language's name) or asks for detection (`hljs` alone) gets its text
// replaced by spans with highlight.js's classes, which the code theme
// (layouts/code-*.css) colours. Other code is left exactly as it was.
#pragma once

#include <string>

#include "dom/node.h"
#include "source/diagnostic.h"

namespace deckpdf::highlight {

// Highlights the document's code blocks with the grammars in `grammar_dir`
// (layouts/highlight); returns how many were highlighted. An unknown
// language leaves its blocks plain, with one warning per language. The
// blocks' text is matched on up to `threads` threads; the result is the
// same for any number.
size_t highlight_code_blocks(dom::Document& doc, const std::string& grammar_dir, Diagnostics& diags,
                             unsigned threads = 1);

// reveal.js's betterTrim (data-trim): blank lines at both ends removed,
// then the indentation the remaining lines share.
std::string better_trim(std::string_view code);

}  // namespace deckpdf::highlight
