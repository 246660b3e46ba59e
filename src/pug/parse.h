// pug — reads the Pug body of a deck into a dom::Document, as pug.js would
// render it: lexer (lexer.h) → syntax tree (parse_tree, ast.h) → includes,
// extends and blocks linked (load.h) → evaluated into the tree: in C++
// when the tree needs no JavaScript (eval.h, the engine never made), else
// compiled to JavaScript (codegen.h) and run in the sandbox (run.h).
#pragma once

#include <functional>
#include <string>

#include "dom/node.h"
#include "pug/ast.h"
#include "pug/run.h"
#include "pug/token.h"
#include "source/diagnostic.h"
#include "source/source.h"
#include "source/source_set.h"

namespace deckpdf::pug {

struct ParseOptions {
  // `include /x.pug` and the folder no include may leave; "" = the deck's folder.
  std::string basedir;
  // Run the deck's JavaScript (pug.js's behaviour); false (`--no-js`):
  // code is reported and left out, literals are read without running.
  bool run_js = true;
  RunOptions js;
};

// Tokens of one file → its syntax tree. Spans are the tokens' plus `base`
// (the file's place in the SourceSet).
// `seen` (when given) gets what the tree holds (see AstFeatures).
AstNode parse_tree(const std::vector<Token>& tokens, uint32_t base, Diagnostics& diags,
                   AstFeatures* seen = nullptr);

// The same tree a top-level statement at a time: `each` gets a Block with
// one statement's nodes, in order, and the piece is freed after it. For a
// deck known to need no linking and no JavaScript (see token_stream_static)
// the tree is then never held whole.
void parse_each_statement(const std::vector<Token>& tokens, uint32_t base, Diagnostics& diags,
                          const std::function<void(const AstNode&)>& each);

// Parses `source` from `body_offset` on (after any front matter). Errors and
// warnings go to `diags`; the tree holds whatever could be read. Files the
// deck includes are added to `files` (when given; without it, an include
// is an error).
dom::Document parse(const Source& source, uint32_t body_offset, Diagnostics& diags,
                    const ParseOptions& options = {}, SourceSet* files = nullptr);

}  // namespace deckpdf::pug
