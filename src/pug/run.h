// pug/run — a linked tree that needs JavaScript, run in the sandbox
// (js::Sandbox) into a dom::Document: codegen.h's script with host
// functions that build the tree, each node with its position.
//
// Errors of the deck's code (an exception, a syntax error, the time or
// memory cap) are diagnostics at the deck line running; what was built
// before stays. `require('./x.png')` is the path (with a warning), any
// other `require` an error, as webpack-built decks expect.
#pragma once

#include <cstdint>
#include <string>

#include "dom/node.h"
#include "pug/ast.h"
#include "source/diagnostic.h"

namespace deckpdf::pug {

struct RunOptions {
  double seconds = 2.0;     // --js-timeout
  int64_t now_ms = 0;       // what Date gives (SOURCE_DATE_EPOCH or the deck's mtime)
  std::string locals_json;  // --locals: an object whose keys become globals ("" = none)
  // The front matter's `locals:` (JSON, "" = none): set before --locals,
  // whose values win.
  std::string front_locals_json;
};

void run_js(const AstNode& tree, dom::Document& doc, Diagnostics& diags, const RunOptions& options);

}  // namespace deckpdf::pug
