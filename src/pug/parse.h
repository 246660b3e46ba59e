// pug — reads the Pug body of a deck into a dom::Document.
//
// The lexer (lexer.h) turns the text into tokens, the parser (this header)
// builds the tree; `:markdown-it` filters are rendered by the markdown stage
// into the same tree. JavaScript is never run: its forms get a diagnostic.
#pragma once

#include "dom/node.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::pug {

// Parses `source` from `body_offset` on (after any front matter). Errors and
// warnings go to `diags`; the tree holds whatever could be read.
dom::Document parse(const Source& source, uint32_t body_offset, Diagnostics& diags);

}  // namespace deckpdf::pug
