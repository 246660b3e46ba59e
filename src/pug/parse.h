// pug — reads the Pug body of a deck into a dom::Document, as pug.js would
// render it: lexer (lexer.h) → syntax tree (parse_tree, ast.h) → includes,
// extends and blocks linked (load.h) → evaluated (eval.h) into the tree.
#pragma once

#include <string>

#include "dom/node.h"
#include "pug/ast.h"
#include "pug/token.h"
#include "source/diagnostic.h"
#include "source/source.h"
#include "source/source_set.h"

namespace deckpdf::pug {

// Where included files may come from.
struct LoadOptions {
  // `include /x.pug` and the folder no include may leave; "" = the deck's folder.
  std::string basedir;
};

// Tokens of one file → its syntax tree. Spans are the tokens' plus `base`
// (the file's place in the SourceSet).
AstNode parse_tree(const std::vector<Token>& tokens, uint32_t base, Diagnostics& diags);

// Parses `source` from `body_offset` on (after any front matter). Errors and
// warnings go to `diags`; the tree holds whatever could be read. Files the
// deck includes are added to `files` (when given; without it, an include
// is an error).
dom::Document parse(const Source& source, uint32_t body_offset, Diagnostics& diags,
                    const LoadOptions& options = {}, SourceSet* files = nullptr);

}  // namespace deckpdf::pug
