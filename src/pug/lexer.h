// pug/lexer.h — Pug text → tokens.
//
// Follows pug-lexer: the input is read line by line; indentation becomes
// Indent/Outdent/Newline tokens; each line is one statement (a tag with its
// attributes and text, piped text, a comment, a filter, code, a keyword...),
// scanned by small scanners tried in order. Indented text blocks (after `.`,
// filters, comments) are read whole. Errors go to the Diagnostics sink and the
// lexer carries on: every input gives a token list ending with Eos.
#pragma once

#include <vector>

#include "pug/token.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::pug {

// Deeper indentation than this is an error (`pug.too-deep`); deeper lines
// are kept at this depth.
inline constexpr size_t max_nesting = 256;

// Lexes `source` from `body_offset` on.
std::vector<Token> lex(const Source& source, uint32_t body_offset, Diagnostics& diags);

}  // namespace deckpdf::pug
