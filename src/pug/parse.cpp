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

namespace {

// Whether the deck's tokens hold nothing that needs the linker, mixins or
// JavaScript (tags, text, comments, filters, literal attribute values):
// what the parser would then build, the C++ evaluator can take a statement
// at a time. Stops at the first token that needs more.
bool tokens_static(const std::vector<Token>& tokens) {
  // The kinds that never need more are listed; any other kind (a keyword,
  // code, `#{}`, `&attributes`, a computed tag name, one added later) does.
  for (const Token& t : tokens) {
    switch (t.kind) {
      case TokenKind::Eos:
      case TokenKind::Newline:
      case TokenKind::Indent:
      case TokenKind::Outdent:
      case TokenKind::Tag:
      case TokenKind::Id:
      case TokenKind::Class:
      case TokenKind::AttrsStart:
      case TokenKind::AttrsEnd:
      case TokenKind::Colon:
      case TokenKind::Dot:
      case TokenKind::Slash:
      case TokenKind::Pipe:
      case TokenKind::Text:
      case TokenKind::InterpStart:
      case TokenKind::InterpEnd:
      case TokenKind::TextBlockStart:
      case TokenKind::TextBlockEnd:
      case TokenKind::Comment:
      case TokenKind::Filter:
      case TokenKind::Doctype: break;
      case TokenKind::Attr:
        if (!t.boolean && !t.malformed && !t.rest.empty() && attr_value_needs_js(t.value, t.rest)) {
          return false;
        }
        break;
      default: return false;
    }
  }
  return true;
}

// How many tokens the largest top-level statement holds.
size_t largest_statement(const std::vector<Token>& tokens) {
  size_t largest = 0, start = 0;
  int depth = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    switch (tokens[i].kind) {
      case TokenKind::Indent:
      case TokenKind::TextBlockStart: ++depth; break;
      case TokenKind::Outdent:
      case TokenKind::TextBlockEnd: --depth; break;
      case TokenKind::Newline:
        if (depth <= 0) {
          largest = std::max(largest, i - start);
          start = i;
        }
        break;
      default: break;
    }
  }
  return std::max(largest, tokens.size() - start);
}

// The diagnostics of every pass to the caller's sink, in file order
// (included files follow the deck in the span space, in reading order).
void finish(const dom::Document& doc, const Diagnostics& local, Diagnostics& diags) {
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
}

}  // namespace

dom::Document parse(const Source& source, uint32_t body_offset, Diagnostics& diags,
                    const ParseOptions& options, SourceSet* files) {
  dom::Document doc;
  uint32_t size = static_cast<uint32_t>(source.text().size());
  doc[doc.root].span = {std::min(body_offset, size), size};
  SourceSet own(size);
  Diagnostics local;  // see finish()
  AstFeatures seen;
  std::vector<Token> list = lex(source, body_offset, local);
  size_t tokens = list.size();
  // A deck makes about two nodes for three tokens (the bench decks: 0.65):
  // reserved at once, the node list is not copied as it grows.
  doc.nodes.reserve(tokens * 3 / 4 + 1);
  // The statement-at-a-time path holds every token while it evaluates a
  // statement; the tree path frees them before it evaluates anything. A
  // deck that is mostly one statement (one slide of 800,000 paragraphs)
  // takes the tree path: tokens, tree and nodes are never all held at once
  // (1.25 GB -> 0.95 GB for that slide).
  if (tokens_static(list) && largest_statement(list) * 2 < tokens) {
    // Most decks: nothing to link, no JavaScript. Each top-level statement
    // is evaluated as soon as it is parsed and then freed, so such a deck
    // never holds its whole syntax tree (memory and time as before the tree).
    {
      PieceEvaluator pieces(doc, local);
      parse_each_statement(list, 0, local, [&](const AstNode& piece) { pieces.add(piece); });
    }
    finish(doc, local, diags);
    return doc;
  }
  AstNode tree = parse_tree(list, 0, local, &seen);
  // Freed once the tree is made (`list = {}` would keep the capacity:
  // it assigns an empty initializer list).
  list = std::vector<Token>();
  LinkContext ctx;
  ctx.deck_path = source.path();
  std::string folder = std::filesystem::path(source.path()).parent_path().string();
  ctx.root = !options.basedir.empty() ? options.basedir : folder.empty() ? "." : folder;
  ctx.files = files ? files : &own;
  // The walks below are skipped for a deck the parser saw no need for
  // (most decks: no include, no code); an included file may bring either.
  if (seen.links) link(tree, ctx, local);
  bool may_need_js = seen.links || seen.may_need_js;
  if (options.run_js && may_need_js && ast_needs_js(tree)) {
    run_js(tree, doc, local, options.js);
  } else {
    evaluate(tree, doc, local);
  }
  finish(doc, local, diags);
  return doc;
}

}  // namespace deckpdf::pug
