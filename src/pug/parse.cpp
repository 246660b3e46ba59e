// pug/parse.cpp — pug::parse, the stage's face: lex, parse, link, evaluate
// (see parse.h), with every diagnostic in file order.
#include "pug/parse.h"

#include <algorithm>
#include <filesystem>

#include "pug/codegen.h"
#include "pug/eval.h"
#include "pug/lexer.h"
#include "pug/load.h"
#include "pug/run.h"

namespace deckpdf::pug {

dom::Document parse(const Source& source, uint32_t body_offset, Diagnostics& diags,
                    const ParseOptions& options, SourceSet* files) {
  dom::Document doc;
  uint32_t size = static_cast<uint32_t>(source.text().size());
  doc[doc.root].span = {std::min(body_offset, size), size};
  SourceSet own(size);
  // The stages report in several passes; the sink gets them in file order
  // (included files follow the deck in the span space, in reading order).
  Diagnostics local;
  AstFeatures seen;
  size_t tokens = 0;  // the tokens themselves are freed once the tree is made
  AstNode tree = [&] {
    std::vector<Token> list = lex(source, body_offset, local);
    tokens = list.size();
    return parse_tree(list, 0, local, &seen);
  }();
  LinkContext ctx;
  ctx.deck_path = source.path();
  std::string folder = std::filesystem::path(source.path()).parent_path().string();
  ctx.root = !options.basedir.empty() ? options.basedir : folder.empty() ? "." : folder;
  ctx.files = files ? files : &own;
  // The walks below are skipped for a deck the parser saw no need for
  // (most decks: no include, no code); an included file may bring either.
  if (seen.links) link(tree, ctx, local);
  bool may_need_js = seen.links || seen.may_need_js;
  // A deck makes about two nodes for three tokens (the bench decks: 0.65):
  // reserved at once, the node list is not copied as it grows.
  doc.nodes.reserve(tokens * 3 / 4 + 1);
  if (options.run_js && may_need_js && ast_needs_js(tree)) {
    run_js(tree, doc, local, options.js);
  } else {
    evaluate(tree, doc, local);
  }
  std::vector<Diagnostic> items = local.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.span.begin < b.span.begin;
  });
  size_t errors = 0;
  for (Diagnostic& d : items) {
    errors += d.severity == Severity::Error ? 1 : 0;
    diags.add(std::move(d));
  }
  if (local.error_count() > errors) {
    // Errors past the sink's limit still make the result an error.
    diags.error(doc[doc.root].span, "pug.too-many-errors",
                std::to_string(local.error_count() - errors) + " more errors were not kept");
  }
  return doc;
}

}  // namespace deckpdf::pug
