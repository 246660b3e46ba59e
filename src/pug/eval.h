// pug/eval — a linked Pug syntax tree → dom::Document, in C++.
//
// The tree as pug-code-gen would render it, for what needs no JavaScript:
// tags, text (HTML in it read into elements), comments, filters, named
// blocks, and mixins without arguments. JavaScript is never run here:
// literal values (`href="#x"`, `#{"x"}`, `class=['a','b']`) are read with a
// warning where pug would have run code; code lines and control flow get a
// diagnostic and are left out.
#pragma once

#include <memory>

#include "dom/html.h"
#include "dom/node.h"
#include "pug/ast.h"
#include "source/diagnostic.h"

namespace deckpdf::pug {

// Evaluates `tree` (linked: no Include or Extends left) into `doc` under
// its root.
void evaluate(const AstNode& tree, dom::Document& doc, Diagnostics& diags);

// The same, given a piece at a time (parse_each_statement's top-level
// statements, in order) for a deck whose pieces need no linking, no mixins
// and no JavaScript: what one piece leaves open (an element opened by
// literal HTML) stays open for the next.
class PieceEvaluator {
 public:
  PieceEvaluator(dom::Document& doc, Diagnostics& diags);
  ~PieceEvaluator();
  PieceEvaluator(const PieceEvaluator&) = delete;
  PieceEvaluator& operator=(const PieceEvaluator&) = delete;
  void add(const AstNode& piece);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Adds one subtree that holds no JavaScript and no mixin under `b`'s
// insertion point: what a deck's script asks for with `$s(i)` (run.h).
void evaluate_static(const AstNode& node, dom::HtmlBuilder& b, dom::Document& doc,
                     Diagnostics& diags);

}  // namespace deckpdf::pug
