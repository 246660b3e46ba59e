// pug/load — the loader and linker: `include` and `extends` replaced by
// the trees they name, named blocks resolved, as pug-load and pug-linker do.
//
// Files are read inside the root folder only (`/x` paths from it, others
// from the including file's folder), regular files only, within bounds of
// depth and total bytes; a cycle is reported at the include that closes it.
// Each file read is added to the SourceSet, so its nodes' spans name it.
#pragma once

#include <string>

#include "pug/ast.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace deckpdf::pug {

// Bounds on what a deck may pull in.
inline constexpr size_t max_include_depth = 32;
inline constexpr size_t max_include_bytes = size_t{32} << 20;  // all files together

struct LinkContext {
  std::string root;       // no file outside this folder is read
  std::string deck_path;  // the deck's own path (its folder resolves relative paths)
  SourceSet* files = nullptr;
};

// Links the deck's tree in place: includes read (Pug files parsed and
// linked, others as text, filtered ones as filter nodes), `extends` applied.
void link(AstNode& tree, const LinkContext& context, Diagnostics& diags);

}  // namespace deckpdf::pug
