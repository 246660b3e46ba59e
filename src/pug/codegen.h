// pug/codegen — a linked Pug syntax tree → JavaScript, as pug-code-gen
// compiles it, for trees that need JavaScript (run.h runs the result).
//
// Mixins become functions in `$m`, a mixin call's block a closure, `each`,
// `while`, `if` and `case` JavaScript control flow, unbuffered code is
// spliced in (so `- for (...)` takes the indented block as its body). The
// script builds the document through host functions: `$o(i, attrs)` opens
// the element of node i, `$c()` closes it, `$t(s, i)` adds text, `$h(s, i)`
// adds HTML, `$s(i)` has the C++ evaluator add node i (a subtree that needs
// no JavaScript: comments, filters, static tags and text). Each statement
// sets `$cur` to its node, so an error is reported at the deck line running.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pug/ast.h"

namespace deckpdf::pug {

struct Generated {
  std::string code;
  std::vector<const AstNode*> nodes;  // node i of `$o(i)`, `$s(i)`, `$cur = i`
  std::vector<int> line_node;         // per line of `code` (0-based): the node running, or -1
};

Generated codegen(const AstNode& tree);

// Whether the tree needs JavaScript: code, interpolation, attribute
// expressions, control flow, mixin arguments, `&attributes`.
bool ast_needs_js(const AstNode& node);

// Whether an attribute's written value (`name=value`, not boolean) needs
// JavaScript: an expression rather than a literal pug's rules print as is.
bool attr_value_needs_js(std::string_view name, std::string_view value);

// The JavaScript run before the deck's: pug-runtime's rules for attributes
// (class from arrays and objects, style from objects, booleans, null) and
// `$S`, pug's `null == v ? '' : v` string conversion.
extern const char* const pug_prelude;

}  // namespace deckpdf::pug
