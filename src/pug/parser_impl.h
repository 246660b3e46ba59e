// pug/parser_impl.h (internal) — the Parser class the parser files share:
// parser.cpp (statements, tags, text, the entry points) and
// parser_keyword.cpp (keywords: control flow, include, blocks, mixins).
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "dom/node.h"
#include "pug/lexer.h"
#include "pug/parse.h"
#include "source/strings.h"

namespace deckpdf::pug::detail {

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, uint32_t base, Diagnostics& diags)
      : toks_(tokens), base_(base), diags_(diags) {}

  AstNode run() {
    AstNode root;
    root.kind = AstKind::Block;
    for (;;) {
      block_contents(root, 0);
      if (at(TokenKind::Eos)) break;
      next();  // an Outdent at the top level (cannot happen; stay safe)
    }
    return root;
  }

  // The top-level statements one at a time: `each` gets a Block holding one
  // statement's nodes (or the line break between two piped lines), in order.
  template <typename Each>
  void each_statement(Each&& each) {
    AstNode piece;
    piece.kind = AstKind::Block;
    bool last_piped = false;
    for (;;) {
      bool more = block_item(piece, 0, last_piped);
      if (!piece.children.empty()) {
        each(static_cast<const AstNode&>(piece));
        piece.children.clear();
      }
      if (!more) {
        if (at(TokenKind::Eos)) break;
        next();  // an Outdent at the top level (cannot happen; stay safe)
      }
    }
  }

  const AstFeatures& seen() const { return seen_; }

 private:
  // --- token access --------------------------------------------------------

  const Token& peek(size_t k = 0) const {
    size_t n = i_ + k;
    return n < toks_.size() ? toks_[n] : toks_.back();
  }
  const Token& next() {
    const Token& t = peek();
    if (i_ + 1 < toks_.size()) ++i_;
    return t;
  }
  bool at(TokenKind k) const { return peek().kind == k; }
  Span span(Span s) const { return {s.begin + base_, s.end + base_}; }

  AstNode node(AstKind kind, Span s);

  // Every node is made by node(): its kind is noted in seen_ here.
  void note(AstKind kind);

  // --- blocks and statements -----------------------------------------------

  // Statements until the Outdent that closes this block (consumed) or Eos,
  // appended to `into.children`. `depth` bounds the nesting.
  void block_contents(AstNode& into, size_t depth);

  // The next statement of a block appended to `into.children`, or false at
  // the block's end. `last_piped` carries whether the statement before was
  // piped text (two piped lines in a row are separated by a line break).
  bool block_item(AstNode& into, size_t depth, bool& last_piped);

  // A Text node holding a line break between piped lines or text block lines.
  AstNode newline(Span at_span);

  // The indented block after a statement, as `into`'s children.
  void body(AstNode& into, size_t depth);

  void skip_to_outdent();

  void statement(AstNode& into, size_t depth);

  bool at_tag() const {
    return at(TokenKind::Tag) || at(TokenKind::InterpTag) || at(TokenKind::Id) ||
           at(TokenKind::Class);
  }

  // A tag line: the tag, `: expansion` chain, then its text and block.
  AstNode tag(size_t depth, bool in_interpolation);

  // What follows a tag's name (or a mixin call's arguments): shorthands,
  // attributes, `/`, `: expansion`, text or code on the line, the block.
  void tag_tail(AstNode& el, size_t depth, bool in_interpolation);

  // `#id`, `.class`, attribute lists, `&attributes`, `/`.
  void tag_head(AstNode& el);

  AstAttr attribute(const Token& t) const;

  // --- text ----------------------------------------------------------------

  // Text, `#{}` and `#[]` tokens on one line.
  void text_run(AstNode& into, size_t depth);

  // `#[tag ...]`: one statement, then the `]`.
  void interpolation(AstNode& into, size_t depth);

  // An indented text block: lines joined with '\n'.
  void text_block(AstNode& into, size_t depth);

  // The raw lines of a text block (comments, filters, code) as Text nodes.
  std::vector<AstNode> raw_block();

  // --- comments, filters, code ---------------------------------------------

  void comment(AstNode& into);

  AstNode filter();

  AstNode code(size_t depth, bool after_tag);

  void too_deep(Span at_span);

  // --- keywords ------------------------------------------------------------
  void keyword(AstNode& into, size_t depth);
  void else_branch(AstNode& into, size_t depth);
  AstNode mixin_call(const Token& t, size_t depth);

  const std::vector<Token>& toks_;
  size_t i_ = 0;
  uint32_t base_;
  Diagnostics& diags_;
  AstFeatures seen_;
  bool too_deep_reported_ = false;
  bool xml_ = false;  // after `doctype xml` (or another not HTML)
};

// `v` without blanks at either end.
std::string_view trim_view(std::string_view v);

}  // namespace deckpdf::pug::detail
