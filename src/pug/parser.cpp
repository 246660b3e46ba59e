// pug/parser.cpp — tokens → dom tree (pug::parse, see parse.h).
//
// Reference: pug-parser and pug-code-gen (pugjs/pug). Pug's own pipeline is
// lexer → AST → JavaScript → HTML; deckpdf goes from tokens straight to the
// element tree that HTML would give, so that `dom::to_html` of the result
// equals what the reference compiler writes (as a tree). Deviations:
//   - JavaScript is never run. Literal values (`href="#x"`, `#{"x"}`,
//     `class=['a','b']`) are read with a warning where Pug would have run
//     code; code lines are skipped and control flow (`if`, `each`, ...) is an
//     error whose block is skipped. Every such place gets a diagnostic.
//   - Text is HTML in Pug: it is read into elements (dom::HtmlBuilder), and
//     character references are decoded.
//   - Only the `:markdown-it` (alias `:markdown`) filter exists; it is
//     rendered by the markdown stage into the same tree.
//   - Errors never stop the parser; nesting is bounded (`pug.too-deep`).
#include <algorithm>
#include <optional>

#include "dom/entities.h"
#include "dom/html.h"
#include "markdown/markdown.h"
#include "pug/js.h"
#include "pug/lexer.h"
#include "pug/parse.h"
#include "source/strings.h"

namespace deckpdf::pug {

namespace {

using dom::HtmlBuilder;
using dom::NodeId;

constexpr const char* never_run = "JavaScript is never executed by deckpdf";

class Parser {
 public:
  Parser(std::vector<Token> tokens, Diagnostics& diags, dom::Document& doc)
      : toks_(std::move(tokens)), diags_(diags), doc_(doc) {}

  void run() {
    HtmlBuilder b(doc_, doc_.root);
    for (;;) {
      block_contents(b, 0);
      if (at(TokenKind::Eos)) break;
      next();  // an Outdent at the top level (cannot happen; stay safe)
    }
  }

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

  // Skips an indented block (and a text block) following a statement whose
  // content is not used.
  void skip_block() {
    if (at(TokenKind::TextBlockStart)) {
      while (!at(TokenKind::TextBlockEnd) && !at(TokenKind::Eos)) next();
      if (at(TokenKind::TextBlockEnd)) next();
    }
    if (!at(TokenKind::Indent)) return;
    next();
    size_t depth = 1;
    while (depth > 0 && !at(TokenKind::Eos)) {
      TokenKind k = next().kind;
      if (k == TokenKind::Indent) ++depth;
      if (k == TokenKind::Outdent) --depth;
    }
  }

  // --- blocks and statements -----------------------------------------------

  // Statements until the Outdent that closes this block (consumed) or Eos.
  // `depth` is the element depth of the builder's base.
  void block_contents(HtmlBuilder& b, size_t depth) {
    bool last_piped = false;
    for (;;) {
      switch (peek().kind) {
        case TokenKind::Eos: return;
        case TokenKind::Outdent: next(); return;
        case TokenKind::Newline: next(); continue;
        case TokenKind::Indent:
          // An indented block under a statement that takes none (literal
          // HTML, text): its nodes join this block, as in pug-parser.
          next();
          block_contents(b, depth);
          continue;
        default: break;
      }
      bool piped = at(TokenKind::Pipe);
      if (piped && last_piped) b.add_text("\n", peek().span);
      statement(b, depth);
      last_piped = piped;
    }
  }

  void statement(HtmlBuilder& b, size_t depth) {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::Tag:
      case TokenKind::Id:
      case TokenKind::Class: tag_statement(b, depth, /*inline*/ false); return;
      case TokenKind::Pipe:
        next();
        text_run(b, depth);
        return;
      case TokenKind::Text:
      case TokenKind::InterpCode:
      case TokenKind::InterpStart: text_run(b, depth); return;
      case TokenKind::Html:
        next();
        b.feed(t.value, t.span.begin);
        return;
      case TokenKind::Comment: comment(b); return;
      case TokenKind::Filter: filter(b); return;
      case TokenKind::Code: code(b); return;
      case TokenKind::Keyword: keyword(b, depth); return;
      case TokenKind::Doctype: next(); return;
      case TokenKind::Dot:
        next();
        if (at(TokenKind::TextBlockStart)) text_block(b, depth);
        return;
      case TokenKind::TextBlockStart: text_block(b, depth); return;
      default:
        // Tokens out of place (the lexer has reported why).
        next();
        return;
    }
  }

  // A tag line: the tag, `: expansion` chain, then its text and block.
  void tag_statement(HtmlBuilder& b, size_t depth, bool in_interpolation) {
    NodeId el = tag_head(b);
    std::optional<HtmlBuilder> inner;
    inner.emplace(doc_, el);
    size_t d = depth + 1;
    while (at(TokenKind::Colon)) {
      const Token& colon = next();
      if (at(TokenKind::Tag) || at(TokenKind::Id) || at(TokenKind::Class)) {
        if (d >= max_nesting) {
          too_deep(colon.span);
          // Kept as a sibling rather than nested deeper.
          NodeId child = tag_head(*inner);
          (void)child;
          continue;
        }
        NodeId child = tag_head(*inner);
        inner.emplace(doc_, child);
        ++d;
        continue;
      }
      if (!at(TokenKind::Newline) && !at(TokenKind::Indent) && !at(TokenKind::Outdent) &&
          !at(TokenKind::Eos) && !at(TokenKind::InterpEnd)) {
        statement(*inner, d);
      }
      break;
    }
    // What follows the tag on its line.
    switch (peek().kind) {
      case TokenKind::Dot:
        next();
        if (at(TokenKind::TextBlockStart)) text_block(*inner, d);
        break;
      case TokenKind::Code: code(*inner); break;
      case TokenKind::Text:
      case TokenKind::InterpCode:
      case TokenKind::InterpStart: text_run(*inner, d); break;
      case TokenKind::Comment:
      case TokenKind::Filter:
      case TokenKind::Keyword: statement(*inner, d); break;
      default: break;
    }
    if (!in_interpolation && at(TokenKind::Indent)) {
      next();
      block_contents(*inner, d);
    }
  }

  // The tag, `#id`, `.class`, attributes and `/`. Returns the new element.
  NodeId tag_head(HtmlBuilder& b) {
    dom::Node el;
    el.kind = dom::NodeKind::Element;
    el.span = peek().span;
    if (at(TokenKind::Tag)) {
      el.tag = ascii_lower(next().value);
    } else {
      el.tag = "div";
    }
    for (;;) {
      const Token& t = peek();
      if (t.kind == TokenKind::Id) {
        attr_add(el, "id", std::string(t.value), t.span, false);
      } else if (t.kind == TokenKind::Class) {
        el.classes.emplace_back(t.value);
      } else if (t.kind == TokenKind::AttrsStart) {
        next();
        while (at(TokenKind::Attr)) attribute(el, next());
        if (at(TokenKind::AttrsEnd)) el.span.end = std::max(el.span.end, next().span.end);
        continue;
      } else if (t.kind == TokenKind::AndAttributes) {
        diags_.error(t.span, "pug.javascript",
                     std::string("`&attributes` needs JavaScript; ") + never_run);
      } else if (t.kind == TokenKind::Slash) {
        // Self-closing: nothing to record, the tree has no children.
      } else {
        break;
      }
      el.span.end = std::max(el.span.end, t.span.end);
      next();
    }
    return b.add(std::move(el));
  }

  void attr_add(dom::Node& el, const std::string& name, std::string value, Span span,
                bool boolean) {
    for (const dom::Attr& a : el.attrs) {
      if (a.name == name) {
        diags_.error(span, "pug.duplicate-attribute",
                     "duplicate attribute \"" + name + "\"; the first one is kept");
        return;
      }
    }
    dom::Attr a;
    a.name = name;
    a.value = boolean ? name : std::move(value);
    a.boolean = boolean;
    a.span = span;
    el.attrs.push_back(std::move(a));
  }

  // One attribute of an attribute list.
  void attribute(dom::Node& el, const Token& t) {
    std::string name(t.value);
    bool is_class = name == "class";
    if (t.boolean) {
      if (is_class) return;
      attr_add(el, name, "", t.span, true);
      return;
    }
    bool concatenated = false;
    std::optional<JsValue> v = js_literal(t.rest, &concatenated);
    if (!v && t.malformed) {
      // An unterminated string (reported by the lexer): its text up to the
      // line end is the value.
      JsValue raw;
      raw.kind = JsValue::Kind::String;
      raw.str = std::string(t.rest.substr(t.rest.empty() ? 0 : 1));
      v = raw;
    } else if (!v) {
      diags_.warning(t.rest_span, "pug.javascript",
                     "attribute value is a JavaScript expression; " + std::string(never_run) +
                         ", so it is kept as written");
      JsValue raw;
      raw.kind = JsValue::Kind::String;
      raw.str = std::string(t.rest);
      v = raw;
    } else if (concatenated) {
      diags_.warning(t.rest_span, "pug.javascript",
                     "string concatenation in an attribute value is read as one string; " +
                         std::string(never_run));
    }
    std::string value;
    switch (v->kind) {
      case JsValue::Kind::Null: return;  // null/undefined: no attribute
      case JsValue::Kind::Bool:
        if (!v->boolean) return;
        if (!is_class) attr_add(el, name, "", t.span, true);
        return;
      case JsValue::Kind::Array:
        if (is_class) {
          for (const JsValue& item : v->items) {
            if (item.truthy()) dom::classes_append(el.classes, item.to_string());
          }
          return;
        }
        value = v->to_string();
        break;
      case JsValue::Kind::Object:
        if (is_class) {
          for (const auto& [key, val] : v->fields) {
            if (val.truthy()) el.classes.push_back(key);
          }
          return;
        }
        if (name == "style") {
          for (const auto& [key, val] : v->fields) value += key + ":" + val.to_string() + ";";
          break;
        }
        diags_.warning(t.rest_span, "pug.javascript",
                       "object attribute values need JavaScript; kept as written");
        value = std::string(t.rest);
        break;
      default: value = v->to_string(); break;
    }
    // `!=` writes the value unescaped: it is HTML, so references decode.
    if (!t.escaped) value = dom::entities_decode(value, /*in_attribute*/ true);
    if (is_class) {
      dom::classes_append(el.classes, value);
      return;
    }
    attr_add(el, name, std::move(value), t.span, false);
  }

  // --- text ----------------------------------------------------------------

  // Text, `#{}` and `#[]` tokens on one line.
  void text_run(HtmlBuilder& b, size_t depth) {
    for (;;) {
      const Token& t = peek();
      if (t.kind == TokenKind::Text) {
        next();
        b.feed(t.value, t.span.begin);
      } else if (t.kind == TokenKind::InterpCode) {
        next();
        interpolated_code(b, t);
      } else if (t.kind == TokenKind::InterpStart) {
        next();
        interpolation(b, depth);
      } else {
        return;
      }
    }
  }

  // `#{expr}` / `!{expr}`.
  void interpolated_code(HtmlBuilder& b, const Token& t) {
    std::optional<JsValue> v = js_literal(t.value);
    if (v && (v->kind == JsValue::Kind::String || v->kind == JsValue::Kind::Number)) {
      diags_.warning(t.span, "pug.javascript",
                     "interpolation of a literal: its value is used; " + std::string(never_run));
      if (t.escaped) {
        b.add_text(v->to_string(), t.span);
      } else {
        b.feed(v->to_string(), t.span.begin);
      }
      return;
    }
    diags_.warning(
        t.span, "pug.javascript",
        "interpolation needs JavaScript; " + std::string(never_run) + ", so it is kept as written");
    b.add_text(std::string(t.value.data() - 2, t.value.size() + 3), t.span);
  }

  // `#[tag ...]`: one statement, then the `]`.
  void interpolation(HtmlBuilder& b, size_t depth) {
    if (at(TokenKind::Tag) || at(TokenKind::Id) || at(TokenKind::Class)) {
      tag_statement(b, depth, /*inline*/ true);
    } else if (!at(TokenKind::InterpEnd)) {
      statement(b, depth);
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
  void text_block(HtmlBuilder& b, size_t depth) {
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
        b.add_text("\n", t.span);
        continue;
      }
      if (t.kind == TokenKind::Text || t.kind == TokenKind::InterpCode ||
          t.kind == TokenKind::InterpStart) {
        text_run(b, depth);
        continue;
      }
      next();
    }
  }

  // The raw lines of a text block (comments, filters), each with its span.
  struct RawLine {
    std::string_view text;
    uint32_t at;
  };
  std::vector<RawLine> raw_block() {
    std::vector<RawLine> lines;
    if (!at(TokenKind::TextBlockStart)) return lines;
    next();
    bool first = true;
    while (!at(TokenKind::TextBlockEnd) && !at(TokenKind::Eos)) {
      const Token& t = next();
      if (t.kind == TokenKind::Newline) {
        first = false;
        lines.push_back({{}, t.span.begin});
        continue;
      }
      if (first) {
        lines.push_back({{}, t.span.begin});
        first = false;
      }
      lines.back().text = t.value;
      lines.back().at = t.span.begin;
    }
    if (at(TokenKind::TextBlockEnd)) next();
    return lines;
  }

  // --- comments, filters, code, keywords -----------------------------------

  void comment(HtmlBuilder& b) {
    const Token& t = next();
    std::vector<RawLine> lines = raw_block();
    if (!t.buffered) return;  // `//-`: not in the output
    dom::Node c;
    c.kind = dom::NodeKind::Comment;
    c.text = std::string(t.value);
    c.span = t.span;
    for (const RawLine& l : lines) {
      c.text += "\n";
      c.text += l.text;
      c.span.end = std::max<uint32_t>(c.span.end, l.at + static_cast<uint32_t>(l.text.size()));
    }
    if (!lines.empty()) c.text += "\n";
    b.add(std::move(c));
  }

  void filter(HtmlBuilder& b) {
    struct Applied {
      Token name;
      std::vector<Token> attrs;
    };
    std::vector<Applied> chain;
    while (at(TokenKind::Filter)) {
      Applied f{next(), {}};
      if (at(TokenKind::AttrsStart)) {
        next();
        while (at(TokenKind::Attr)) f.attrs.push_back(next());
        if (at(TokenKind::AttrsEnd)) next();
      }
      chain.push_back(std::move(f));
    }
    markdown::MarkdownText md;
    Span body{chain.front().name.span.begin, chain.front().name.span.end};
    if (at(TokenKind::Text)) {
      const Token& t = next();
      md.append(t.value, t.span.begin);
      body.end = t.span.end;
    } else {
      std::vector<RawLine> lines = raw_block();
      for (size_t k = 0; k < lines.size(); ++k) {
        if (k) md.append_synthetic("\n");
        md.append(lines[k].text, lines[k].at);
        body.end =
            std::max<uint32_t>(body.end, lines[k].at + static_cast<uint32_t>(lines[k].text.size()));
      }
      if (!lines.empty()) md.append_synthetic("\n");
    }
    // The filter written last applies first; only one is supported.
    const Applied& f = chain.back();
    for (size_t k = 0; k + 1 < chain.size(); ++k) {
      diags_.error(chain[k].name.span, "pug.unknown-filter",
                   "filter ':" + std::string(chain[k].name.value) +
                       "' cannot be chained; deckpdf knows only :markdown-it");
    }
    if (f.name.value != "markdown-it" && f.name.value != "markdown") {
      diags_.error(f.name.span, "pug.unknown-filter",
                   "unknown filter ':" + std::string(f.name.value) +
                       "'; deckpdf knows only :markdown-it (its content is left out)");
      return;
    }
    if (chain.size() > 1) return;
    markdown::Options options;
    for (const Token& a : f.attrs) {
      bool on = a.boolean;
      if (!a.boolean) {
        std::optional<JsValue> v = js_literal(a.rest);
        on = v && v->truthy();
      }
      if (a.value == "linkify") {
        options.linkify = on;
      } else if (a.value == "html") {
        options.html = on;
      } else if (a.value == "breaks") {
        options.breaks = on;
      } else {
        diags_.warning(
            a.span, "pug.filter-option",
            "markdown-it option '" + std::string(a.value) + "' is not supported; ignored");
      }
    }
    markdown::render(md, options, doc_, b.current(), body, diags_);
  }

  void code(HtmlBuilder& b) {
    const Token& t = next();
    if (!t.buffered) {
      diags_.warning(t.span, "pug.javascript",
                     std::string(never_run) + "; this code line and its block are skipped");
      skip_block();
      return;
    }
    std::optional<JsValue> v = js_literal(t.value);
    if (v && (v->kind == JsValue::Kind::String || v->kind == JsValue::Kind::Number)) {
      diags_.warning(t.span, "pug.javascript",
                     "buffered code with a literal: its value is used; " + std::string(never_run));
      if (t.escaped) {
        b.add_text(v->to_string(), t.span);
      } else {
        b.feed(v->to_string(), t.span.begin);
      }
      return;
    }
    diags_.warning(t.span, "pug.javascript",
                   std::string(never_run) + "; the expression is kept as text");
    b.add_text(t.value, t.span);
  }

  void keyword(HtmlBuilder& b, size_t depth) {
    const Token& t = next();
    std::string word(t.value);
    if (word[0] == '+' || word == "mixin") {
      diags_.error(t.span, "pug.mixin-unsupported",
                   "mixins need JavaScript; " + std::string(never_run) + " (block skipped)");
    } else if (word == "include") {
      diags_.error(t.span, "pug.include-unsupported",
                   "include is not supported: put the content in the deck");
    } else if (word == "extends") {
      diags_.error(t.span, "pug.extends-unsupported",
                   "extends (template inheritance) is not supported");
    } else if (word == "block" || word == "append" || word == "prepend") {
      diags_.warning(t.span, "pug.block",
                     "template blocks only matter with extends; the block's content is kept here");
      if (at(TokenKind::Indent)) {
        next();
        block_contents(b, depth);
      }
      return;
    } else {
      diags_.error(
          t.span, "pug.javascript",
          "`" + word + "` needs JavaScript; " + std::string(never_run) + " (its block is skipped)");
    }
    skip_block();
  }

  void too_deep(Span at) {
    if (too_deep_reported_) return;
    too_deep_reported_ = true;
    diags_.error(at, "pug.too-deep",
                 "nesting deeper than " + std::to_string(max_nesting) +
                     " levels; deeper elements are kept at that depth");
  }

  std::vector<Token> toks_;
  size_t i_ = 0;
  Diagnostics& diags_;
  dom::Document& doc_;
  bool too_deep_reported_ = false;
};

}  // namespace

dom::Document parse(const Source& source, uint32_t body_offset, Diagnostics& diags) {
  dom::Document doc;
  uint32_t size = static_cast<uint32_t>(source.text().size());
  doc[doc.root].span = {std::min(body_offset, size), size};
  // Lexer and parser report in two passes; the sink gets them in file order.
  Diagnostics local;
  Parser(lex(source, body_offset, local), local, doc).run();
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
