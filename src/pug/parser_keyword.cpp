// pug/parser_keyword.cpp — the keyword statements of the parser (see
// parser_impl.h): a keyword reaches the parser as a word and the rest of its
// line, split here (`each v, k in xs`, `block append name`, `mixin m(a)`);
// `else` attaches to the `if`/`unless` just before it in its block.
#include "pug/parser_impl.h"

namespace deckpdf::pug::detail {

std::string_view trim_view(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

namespace {

// `word rest`: the first blank-separated word of `v`, `v` left after it.
std::string_view first_word(std::string_view& v) {
  v = trim_view(v);
  size_t e = v.find_first_of(" \t");
  std::string_view w = v.substr(0, e);
  v = e == std::string_view::npos ? std::string_view() : trim_view(v.substr(e));
  return w;
}

}  // namespace

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
    tag_tail(n, depth, /*inline*/ false);  // `when x: p text` expands as a tag's `:` does
    into.children.push_back(std::move(n));
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
  n.name = std::string(trim_view(t.value.substr(1)));      // `+ name`: blanks allowed
  if (n.name.starts_with("#{")) seen_.may_need_js = true;  // `+#{expr}`: computed
  n.value = std::string(t.rest);
  tag_tail(n, depth, /*inline*/ false);
  return n;
}

}  // namespace deckpdf::pug::detail
