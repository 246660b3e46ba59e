// pug/ast — the Pug syntax tree, as pug-parser builds it.
//
// The parser (parse_tree) turns tokens into these nodes; the loader
// (load.h) replaces `include` and `extends` by the trees they name and
// resolves named blocks; the evaluator (eval.h) walks the result into a
// dom::Document. Node kinds follow pug-parser's. Every node keeps its Span
// in the SourceSet's span space, so it names its own file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "source/source.h"

namespace deckpdf::pug {

enum class AstKind : uint8_t {
  Block,        // children in order (a file, a tag's body, a branch)
  Tag,          // name, attrs (`#id` and `.class` included, in order), children
  Text,         // text as written: HTML in it is read by the evaluator
  Code,         // `- x` (buffered=false), `= x` / `!= x` (escaped), inline `#{x}` `!{x}`
  Comment,      // `// text` kept in the output (`//-` makes no node)
  Doctype,      // `doctype html`
  Filter,       // `:name(attrs)`; children: its Text lines; `filters`: the chain
  Include,      // `include path` / `include:filter path` (resolved by the loader)
  Extends,      // `extends path` (resolved by the loader)
  NamedBlock,   // `block name`, `block append name`, `append name`, `prepend name`
  MixinDef,     // `mixin name(args)`: children the body
  MixinCall,    // `+name(args)(attrs)`: children the block passed
  MixinBlock,   // `block` alone inside a mixin
  YieldBlock,   // `yield`: where an include's block goes
  Conditional,  // `if`/`unless`/`else if`: value the test; children[0] then, [1] else
  Case,         // `case expr`: children the When nodes
  When,         // `when expr` / `default` (name "default")
  Each,         // `each val, key in obj`: children[0] the body, [1] `else`
  While,        // `while test`
};

struct AstAttr {
  std::string name;
  std::string value;  // as written: a JavaScript expression (quotes kept)
  Span span, value_span;
  bool escaped = true;   // `=` (not `!=`)
  bool boolean = false;  // no `=value`
  bool literal = false;  // from `#id` / `.class`: value is the plain text
  // name "&attributes": `&attributes(expr)`, value the expression
  bool malformed = false;  // an unterminated string (the lexer reported it)
};

// One filter of a chain `:a(opts):b`: the last one applies first.
struct AstFilter {
  std::string name;
  Span span;
  std::vector<AstAttr> attrs;
};

struct AstNode {
  AstKind kind = AstKind::Block;
  Span span;
  std::string name;   // Tag, MixinDef/Call, NamedBlock, Filter, When "default", Each value var
  std::string value;  // Text, Code, Comment, Doctype, test expressions, paths, mixin args
  std::string key;    // Each: the index variable; NamedBlock: replace/append/prepend
  std::vector<AstAttr> attrs;
  std::vector<AstFilter> filters;  // Filter and filtered Include
  std::vector<AstNode> children;
  bool buffered = true;       // Code; Comment
  bool escaped = true;        // Code
  bool self_closing = false;  // Tag `img/`
  bool is_inline = false;     // Code `#{}`, Tag `#[]`: inside text
  bool negate = false;        // Conditional from `unless`
  bool raw = false;           // Text: a line break the parser made, text rather than HTML
  bool text_only = false;     // Tag `script.`: its block is a text block (pug's textOnly)
};

// What the parser saw in one file, so that later stages can skip walks of
// the whole tree that a deck without these features does not need (a deck
// that does not use a feature must not pay for it). Conservative: a flag may
// be set when the walk then finds nothing, never the other way round.
struct AstFeatures {
  bool links = false;        // an Include or Extends node: the linker has work
  bool may_need_js = false;  // code, control flow, mixins or an attribute list with values
};

// A compact text dump (one node a line, two spaces per level): for tests.
std::string ast_dump(const AstNode& node);

}  // namespace deckpdf::pug
