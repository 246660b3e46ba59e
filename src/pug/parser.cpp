// pug/parser.cpp — tokens → Pug syntax tree (parse_tree, see parse.h).
//
// Reference: pug-parser (pugjs/pug, packages/pug-parser). The tree keeps
// what was written (attribute values and code as JavaScript text); nothing
// is evaluated here. Deviations:
//   - Errors never stop the parser; nesting is bounded (`pug.too-deep`).
//   - Keywords reach the parser as a word and the rest of the line, which
//     is split here (`each v, k in xs`, `block append name`, `mixin m(a)`).
//   - `else` attaches to the `if`/`unless` just before it in its block.
#include <algorithm>
#include <functional>

#include "dom/node.h"
#include "pug/lexer.h"
#include "pug/parse.h"
#include "source/strings.h"

namespace deckpdf::pug {

namespace {

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

  AstNode node(AstKind kind, Span s) {
    note(kind);
    AstNode n;
    n.kind = kind;
    n.span = span(s);
    return n;
  }

  // Every node is made by node(): its kind is noted in seen_ here.
  void note(AstKind kind) {
    switch (kind) {
      case AstKind::Include:
      case AstKind::Extends: seen_.links = true; break;
      case AstKind::Code:
      case AstKind::Conditional:
      case AstKind::Case:
      case AstKind::When:
      case AstKind::Each:
      case AstKind::While:
      case AstKind::MixinDef:
      case AstKind::MixinCall: seen_.may_need_js = true; break;
      default: break;
    }
  }

  // --- blocks and statements -----------------------------------------------

  // Statements until the Outdent that closes this block (consumed) or Eos,
  // appended to `into.children`. `depth` bounds the nesting.
  void block_contents(AstNode& into, size_t depth) {
    bool last_piped = false;
    while (block_item(into, depth, last_piped)) {
    }
  }

  // The next statement of a block appended to `into.children`, or false at
  // the block's end. `last_piped` carries whether the statement before was
  // piped text (two piped lines in a row are separated by a line break).
  bool block_item(AstNode& into, size_t depth, bool& last_piped) {
    switch (peek().kind) {
      case TokenKind::Eos: return false;
      case TokenKind::Outdent: next(); return false;
      case TokenKind::Newline: next(); return true;
      case TokenKind::Indent:
        // An indented block under a statement that takes none (literal
        // HTML, text): its nodes join this block, as in pug-parser.
        next();
        block_contents(into, depth);
        return true;
      default: break;
    }
    bool piped = at(TokenKind::Pipe);
    if (piped && last_piped) into.children.push_back(newline(peek().span));
    if (at(TokenKind::Keyword) && peek().value == "else") {
      else_branch(into, depth);
    } else {
      statement(into, depth);
    }
    last_piped = piped;
    return true;
  }

  // A Text node holding a line break between piped lines or text block lines.
  AstNode newline(Span at_span) {
    AstNode n = node(AstKind::Text, {at_span.begin, at_span.begin});
    n.value = "\n";
    n.raw = true;  // already text, not HTML
    return n;
  }

  // The indented block after a statement, as `into`'s children.
  void body(AstNode& into, size_t depth) {
    if (!at(TokenKind::Indent)) return;
    next();
    if (depth >= max_nesting) {
      too_deep(peek().span);
      skip_to_outdent();
      return;
    }
    block_contents(into, depth + 1);
  }

  void skip_to_outdent() {
    size_t d = 1;
    while (d > 0 && !at(TokenKind::Eos)) {
      TokenKind k = next().kind;
      if (k == TokenKind::Indent) ++d;
      if (k == TokenKind::Outdent) --d;
    }
  }

  void statement(AstNode& into, size_t depth) {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::Tag:
      case TokenKind::Id:
      case TokenKind::Class: into.children.push_back(tag(depth, /*inline*/ false)); return;
      case TokenKind::Pipe:
        next();
        text_run(into, depth);
        return;
      case TokenKind::Text:
      case TokenKind::InterpCode:
      case TokenKind::InterpStart: text_run(into, depth); return;
      case TokenKind::Comment: comment(into); return;
      case TokenKind::Filter: into.children.push_back(filter()); return;
      case TokenKind::Code: into.children.push_back(code(depth, /*after_tag*/ false)); return;
      case TokenKind::Keyword: keyword(into, depth); return;
      case TokenKind::Doctype: {
        next();
        AstNode n = node(AstKind::Doctype, t.span);
        n.value = std::string(t.value);
        xml_ = !n.value.empty() && n.value != "html";  // no void elements in XML
        into.children.push_back(std::move(n));
        return;
      }
      case TokenKind::Dot:
        next();
        if (at(TokenKind::TextBlockStart)) text_block(into, depth);
        return;
      case TokenKind::TextBlockStart: text_block(into, depth); return;
      default:
        // Tokens out of place (the lexer has reported why).
        next();
        return;
    }
  }

  // A tag line: the tag, `: expansion` chain, then its text and block.
  AstNode tag(size_t depth, bool in_interpolation) {
    AstNode el = node(AstKind::Tag, peek().span);
    el.name = at(TokenKind::Tag) ? ascii_lower(next().value) : "div";
    tag_tail(el, depth, in_interpolation);
    if (!xml_ && dom::is_void_element(el.name) && !el.children.empty()) {
      diags_.error(el.span, "pug.void-content",
                   "<" + el.name + "> is a void element: it cannot hold text, code or tags");
    }
    return el;
  }

  // What follows a tag's name (or a mixin call's arguments): shorthands,
  // attributes, `/`, `: expansion`, text or code on the line, the block.
  void tag_tail(AstNode& el, size_t depth, bool in_interpolation) {
    tag_head(el);
    if (at(TokenKind::Colon)) {
      const Token& colon = next();
      if (depth + 1 >= max_nesting) {
        too_deep(colon.span);
      } else if (at(TokenKind::Tag) || at(TokenKind::Id) || at(TokenKind::Class)) {
        el.children.push_back(tag(depth + 1, in_interpolation));
        return;
      } else if (!at(TokenKind::Newline) && !at(TokenKind::Indent) && !at(TokenKind::Outdent) &&
                 !at(TokenKind::Eos) && !at(TokenKind::InterpEnd)) {
        statement(el, depth + 1);
        return;
      }
    }
    switch (peek().kind) {
      case TokenKind::Dot:
        next();
        if (at(TokenKind::TextBlockStart)) text_block(el, depth + 1);
        break;
      case TokenKind::Code:
        // `p= x` takes no block: the indented lines below are the tag's.
        el.children.push_back(code(depth + 1, /*after_tag*/ true));
        break;
      case TokenKind::Text:
      case TokenKind::InterpCode:
      case TokenKind::InterpStart:
      case TokenKind::Comment:
      case TokenKind::Filter:
      case TokenKind::Keyword: statement(el, depth + 1); break;
      default: break;
    }
    if (!in_interpolation) body(el, depth);
  }

  // `#id`, `.class`, attribute lists, `&attributes`, `/`.
  void tag_head(AstNode& el) {
    for (;;) {
      const Token& t = peek();
      if (t.kind == TokenKind::Id || t.kind == TokenKind::Class) {
        AstAttr a;
        a.name = t.kind == TokenKind::Id ? "id" : "class";
        a.value = std::string(t.value);
        a.span = span(t.span);
        a.value_span = a.span;
        a.literal = true;
        el.attrs.push_back(std::move(a));
      } else if (t.kind == TokenKind::AttrsStart) {
        next();
        while (at(TokenKind::Attr)) {
          el.attrs.push_back(attribute(next()));
          // A written value may be JavaScript: ast_needs_js reads it.
          if (!el.attrs.back().boolean) seen_.may_need_js = true;
        }
        if (at(TokenKind::AttrsEnd)) el.span.end = std::max(el.span.end, span(next().span).end);
        continue;
      } else if (t.kind == TokenKind::AndAttributes) {
        // pug's attributeBlocks, kept among the attributes in written order.
        std::string_view expr = t.value;
        if (expr.size() >= 2 && expr.front() == '(' && expr.back() == ')') {
          expr = expr.substr(1, expr.size() - 2);
        }
        AstAttr a;
        a.name = "&attributes";
        seen_.may_need_js = true;
        a.value = std::string(expr);
        a.span = span(t.span);
        a.value_span = a.span;
        el.attrs.push_back(std::move(a));
      } else if (t.kind == TokenKind::Slash) {
        el.self_closing = true;
      } else {
        break;
      }
      el.span.end = std::max(el.span.end, span(t.span).end);
      next();
    }
  }

  AstAttr attribute(const Token& t) const {
    AstAttr a;
    a.name = std::string(t.value);
    a.value = std::string(t.rest);
    a.span = span(t.span);
    a.value_span = span(t.rest_span);
    a.escaped = t.escaped;
    a.boolean = t.boolean;
    a.malformed = t.malformed;
    return a;
  }

  // --- text ----------------------------------------------------------------

  // Text, `#{}` and `#[]` tokens on one line.
  void text_run(AstNode& into, size_t depth) {
    for (;;) {
      const Token& t = peek();
      if (t.kind == TokenKind::Text) {
        next();
        AstNode n = node(AstKind::Text, t.span);
        n.value = std::string(t.value);
        into.children.push_back(std::move(n));
      } else if (t.kind == TokenKind::InterpCode) {
        next();
        AstNode n = node(AstKind::Code, t.span);
        n.value = std::string(t.value);
        n.escaped = t.escaped;
        n.is_inline = true;
        into.children.push_back(std::move(n));
      } else if (t.kind == TokenKind::InterpStart) {
        next();
        interpolation(into, depth);
      } else {
        return;
      }
    }
  }

  // `#[tag ...]`: one statement, then the `]`.
  void interpolation(AstNode& into, size_t depth) {
    if (at(TokenKind::Tag) || at(TokenKind::Id) || at(TokenKind::Class)) {
      AstNode t = tag(depth, /*inline*/ true);
      t.is_inline = true;
      into.children.push_back(std::move(t));
    } else if (!at(TokenKind::InterpEnd)) {
      statement(into, depth);
    }
    // Whatever is left up to the matching ']' (nothing, normally).
    int nest = 0;
    while (!at(TokenKind::Eos)) {
      TokenKind k = next().kind;
      if (k == TokenKind::InterpStart) ++nest;
      if (k == TokenKind::InterpEnd) {
        if (nest == 0) break;
        --nest;
      }
    }
  }

  // An indented text block: lines joined with '\n'.
  void text_block(AstNode& into, size_t depth) {
    next();  // TextBlockStart
    for (;;) {
      const Token& t = peek();
      if (t.kind == TokenKind::TextBlockEnd) {
        next();
        return;
      }
      if (t.kind == TokenKind::Eos) return;
      if (t.kind == TokenKind::Newline) {
        next();
        into.children.push_back(newline(t.span));
        continue;
      }
      if (t.kind == TokenKind::Text || t.kind == TokenKind::InterpCode ||
          t.kind == TokenKind::InterpStart) {
        text_run(into, depth);
        continue;
      }
      next();
    }
  }

  // The raw lines of a text block (comments, filters, code) as Text nodes.
  std::vector<AstNode> raw_block() {
    std::vector<AstNode> lines;
    if (!at(TokenKind::TextBlockStart)) return lines;
    next();
    bool first = true;
    while (!at(TokenKind::TextBlockEnd) && !at(TokenKind::Eos)) {
      const Token& t = next();
      if (t.kind == TokenKind::Newline || first) {
        lines.push_back(node(AstKind::Text, {t.span.begin, t.span.begin}));
        first = false;
        if (t.kind == TokenKind::Newline) continue;
      }
      lines.back().value = std::string(t.value);
      lines.back().span = span(t.span);
    }
    if (at(TokenKind::TextBlockEnd)) next();
    return lines;
  }

  // --- comments, filters, code ---------------------------------------------

  void comment(AstNode& into) {
    const Token& t = next();
    std::vector<AstNode> lines = raw_block();
    if (!t.buffered) return;  // `//-`: not in the output
    AstNode c = node(AstKind::Comment, t.span);
    c.value = std::string(t.value);
    // As pug-code-gen writes a block comment: the block's lines joined by
    // line breaks, straight after the text on the comment's own line.
    for (size_t k = 0; k < lines.size(); ++k) {
      if (k) c.value += "\n";
      c.value += lines[k].value;
      c.span.end = std::max(c.span.end, lines[k].span.end);
    }
    into.children.push_back(std::move(c));
  }

  AstNode filter() {
    AstNode f = node(AstKind::Filter, peek().span);
    while (at(TokenKind::Filter)) {
      const Token& name = next();
      AstFilter applied{std::string(name.value), span(name.span), {}};
      if (at(TokenKind::AttrsStart)) {
        next();
        while (at(TokenKind::Attr)) applied.attrs.push_back(attribute(next()));
        if (at(TokenKind::AttrsEnd)) next();
      }
      f.filters.push_back(std::move(applied));
    }
    f.name = f.filters.back().name;
    if (at(TokenKind::Text)) {
      const Token& t = next();
      AstNode line = node(AstKind::Text, t.span);
      line.value = std::string(t.value);
      f.span.end = line.span.end;
      f.children.push_back(std::move(line));
      f.is_inline = true;
    } else {
      f.children = raw_block();
      for (const AstNode& l : f.children) f.span.end = std::max(f.span.end, l.span.end);
    }
    return f;
  }

  AstNode code(size_t depth, bool after_tag) {
    const Token& t = next();
    AstNode c = node(AstKind::Code, t.span);
    c.value = std::string(t.value);
    c.buffered = t.buffered;
    c.escaped = t.escaped;
    if (!t.buffered && t.value.empty()) {
      // `-` alone: the indented block below is the code.
      for (const AstNode& l : raw_block()) {
        c.value += l.value;
        c.value += "\n";
        c.span.end = std::max(c.span.end, l.span.end);
      }
      return c;
    }
    if (!after_tag) body(c, depth);
    return c;
  }

  void too_deep(Span at_span) {
    if (too_deep_reported_) return;
    too_deep_reported_ = true;
    diags_.error(span(at_span), "pug.too-deep",
                 "nesting deeper than " + std::to_string(max_nesting) +
                     " levels; deeper elements are kept at that depth");
  }

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

std::string_view trim_view(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

// `word rest`: the first blank-separated word of `v`, `v` left after it.
std::string_view first_word(std::string_view& v) {
  v = trim_view(v);
  size_t e = v.find_first_of(" \t");
  std::string_view w = v.substr(0, e);
  v = e == std::string_view::npos ? std::string_view() : trim_view(v.substr(e));
  return w;
}

void Parser::keyword(AstNode& into, size_t depth) {
  const Token& t = next();
  std::string_view word = t.value;
  std::string_view rest = trim_view(t.rest);
  Span at_span = span(t.span);
  auto push_with_body = [&](AstNode n) {
    body(n, depth);
    into.children.push_back(std::move(n));
  };
  if (word.front() == '+') {
    into.children.push_back(mixin_call(t, depth));
    return;
  }
  if (word == "if" || word == "unless") {
    AstNode n = node(AstKind::Conditional, t.span);
    n.name = std::string(word);
    n.value = std::string(rest);
    n.negate = word == "unless";
    AstNode then;
    then.span = at_span;
    body(then, depth);
    n.children.push_back(std::move(then));
    into.children.push_back(std::move(n));
    return;
  }
  if (word == "extend") word = "extends";  // pug's older spelling
  if (word == "include" || word == "extends") {
    AstNode n = node(word == "include" ? AstKind::Include : AstKind::Extends, t.span);
    std::string_view r = rest;
    while (r.size() > 1 && r.front() == ':') {  // `include:markdown-it(opts) file`
      size_t e = 1;
      while (e < r.size() && r[e] != ' ' && r[e] != ':' && r[e] != '(') ++e;
      n.filters.push_back({std::string(r.substr(1, e - 1)), at_span, {}});
      if (e < r.size() && r[e] == '(') {  // options; never closed: the rest of the line
        size_t close = r.find(')', e);
        e = close == std::string_view::npos ? r.size() : close + 1;
      }
      r = trim_view(r.substr(e));
    }
    n.value = std::string(r);
    if (n.value.empty())
      diags_.error(at_span, "pug.include-path", "missing path after " + std::string(word));
    if (word == "include") body(n, depth);
    into.children.push_back(std::move(n));
    return;
  }
  if (word == "block" || word == "append" || word == "prepend") {
    std::string_view r = rest;
    std::string mode = word == "block" ? "replace" : std::string(word);
    if (word == "block" && (r.starts_with("append ") || r.starts_with("prepend "))) {
      mode = std::string(first_word(r));
    }
    if (word == "block" && r.empty()) {
      AstNode b = node(AstKind::MixinBlock, t.span);
      body(b, depth);
      if (!b.children.empty()) {
        diags_.error(b.span, "pug.block-with-body",
                     "a mixin's `block` takes no content of its own; name the block or "
                     "remove what is indented under it");
      }
      into.children.push_back(node(AstKind::MixinBlock, t.span));
      return;
    }
    AstNode n = node(AstKind::NamedBlock, t.span);
    n.name = std::string(trim_view(r));
    n.key = mode;
    push_with_body(std::move(n));
    return;
  }
  if (word == "mixin") {
    AstNode n = node(AstKind::MixinDef, t.span);
    size_t paren = rest.find('(');
    n.name = std::string(trim_view(rest.substr(0, paren)));
    if (paren != std::string_view::npos) {
      size_t close = rest.rfind(')');
      n.value = std::string(rest.substr(paren + 1, close == std::string_view::npos || close < paren
                                                       ? std::string_view::npos
                                                       : close - paren - 1));
    }
    push_with_body(std::move(n));
    return;
  }
  if (word == "each" || word == "for") {
    AstNode n = node(AstKind::Each, t.span);
    std::string_view r = rest;
    size_t in = r.find(" in ");
    std::string_view vars = trim_view(r.substr(0, in));
    n.value =
        in == std::string_view::npos ? std::string() : std::string(trim_view(r.substr(in + 4)));
    size_t comma = vars.find(',');
    n.name = std::string(trim_view(vars.substr(0, comma)));
    if (comma != std::string_view::npos) n.key = std::string(trim_view(vars.substr(comma + 1)));
    if (in == std::string_view::npos || n.name.empty()) {
      diags_.error(at_span, "pug.each-syntax", "expected `each VALUE[, KEY] in EXPRESSION`");
    }
    AstNode loop;
    loop.span = at_span;
    body(loop, depth);
    n.children.push_back(std::move(loop));
    into.children.push_back(std::move(n));
    return;
  }
  if (word == "while") {
    AstNode n = node(AstKind::While, t.span);
    n.value = std::string(rest);
    push_with_body(std::move(n));
    return;
  }
  if (word == "case") {
    AstNode n = node(AstKind::Case, t.span);
    n.value = std::string(rest);
    push_with_body(std::move(n));
    return;
  }
  if (word == "when" || word == "default") {
    AstNode n = node(AstKind::When, t.span);
    n.name = std::string(word);
    n.value = std::string(rest);
    push_with_body(std::move(n));
    return;
  }
  // `yield`: where an include's block goes.
  AstNode n = node(AstKind::YieldBlock, t.span);
  push_with_body(std::move(n));
}

// `else` / `else if x`: the alternate of the `if` or `unless` before it.
void Parser::else_branch(AstNode& into, size_t depth) {
  const Token& t = next();
  std::string_view rest = trim_view(t.rest);
  AstNode* cond = nullptr;
  if (!into.children.empty() && into.children.back().kind == AstKind::Each &&
      into.children.back().children.size() == 1) {
    // `each ... else`: the block when there is nothing to iterate.
    AstNode branch;
    branch.span = span(t.span);
    branch.name = "else";
    body(branch, depth);
    into.children.back().children.push_back(std::move(branch));
    return;
  }
  if (!into.children.empty() && into.children.back().kind == AstKind::Conditional) {
    cond = &into.children.back();
    while (cond->children.size() > 1) {
      AstNode& alt = cond->children[1];
      if (alt.kind != AstKind::Conditional) {
        cond = nullptr;  // it has an `else` already
        break;
      }
      cond = &alt;
    }
  }
  AstNode n = node(AstKind::Conditional, t.span);
  bool else_if = rest.starts_with("if ") || rest.starts_with("if(");
  if (!else_if && !rest.empty()) {
    diags_.error(span(t.span), "pug.else-condition",
                 "`else` takes no condition; write `else if " + std::string(rest) + "`");
  }
  n.name = else_if ? "else if" : "else";
  AstNode branch;
  branch.span = span(t.span);
  body(branch, depth);
  if (else_if) {
    n.value = std::string(trim_view(rest.substr(2)));
    n.children.push_back(std::move(branch));
  } else {
    n = std::move(branch);
    n.kind = AstKind::Block;
    n.name = "else";
  }
  if (!cond) {
    diags_.error(span(t.span), "pug.else-without-if", "`else` without an `if` just before it");
    return;
  }
  cond->children.push_back(std::move(n));
}

AstNode Parser::mixin_call(const Token& t, size_t depth) {
  AstNode n = node(AstKind::MixinCall, t.span);
  n.name = std::string(t.value.substr(1));
  n.value = std::string(t.rest);
  tag_tail(n, depth, /*inline*/ false);
  return n;
}

}  // namespace

AstNode parse_tree(const std::vector<Token>& tokens, uint32_t base, Diagnostics& diags,
                   AstFeatures* seen) {
  Parser parser(tokens, base, diags);
  AstNode tree = parser.run();
  if (seen) *seen = parser.seen();
  return tree;
}

void parse_each_statement(const std::vector<Token>& tokens, uint32_t base, Diagnostics& diags,
                          const std::function<void(const AstNode&)>& each) {
  Parser(tokens, base, diags).each_statement(each);
}

}  // namespace deckpdf::pug
