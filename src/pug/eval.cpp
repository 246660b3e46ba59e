// pug/eval.cpp — a linked syntax tree → dom::Document without JavaScript
// (see eval.h).
//
// Reference: pug-code-gen and pug-runtime (pugjs/pug): what they would
// write as HTML, built here as the element tree that HTML gives, so that
// `dom::to_html` of the result equals pug's output (as a tree). Text is
// HTML in Pug: it is read into elements (dom::HtmlBuilder) and character
// references are decoded.
#include "pug/eval.h"

#include <map>
#include <optional>

#include "dom/entities.h"
#include "dom/html.h"
#include "markdown/markdown.h"
#include "pug/coffee.h"
#include "pug/js.h"
#include "pug/lexer.h"
#include "pug/stylus.h"
#include "source/strings.h"

namespace deckpdf::pug {

namespace {

using dom::HtmlBuilder;
using dom::NodeId;

constexpr const char* never_run = "JavaScript is never executed by deckpdf";

// Mixins calling mixins: deeper than this is an error (pug.js would
// overflow its stack), and a deck may not make more nodes than this
// through mixins (each call copies its body).
constexpr size_t max_mixin_depth = 100;
constexpr size_t max_nodes = size_t{4} << 20;

class Evaluator {
 public:
  Evaluator(dom::Document& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}

  void block(HtmlBuilder& b, const AstNode& n) {
    for (const AstNode& c : n.children) node(b, c);
  }

  void node(HtmlBuilder& b, const AstNode& n) {
    switch (n.kind) {
      case AstKind::Block:
      case AstKind::NamedBlock: block(b, n); return;
      case AstKind::Tag: tag(b, n); return;
      case AstKind::Text:
        if (n.raw) {
          b.add_text(n.value, n.span);
        } else {
          b.feed(n.value, n.span.begin);
        }
        return;
      case AstKind::Code: code(b, n); return;
      case AstKind::Comment: {
        dom::Node c;
        c.kind = dom::NodeKind::Comment;
        c.text = n.value;
        c.span = n.span;
        b.add(std::move(c));
        return;
      }
      case AstKind::Filter: filter(b, n); return;
      case AstKind::MixinDef:
        mixins_[n.name] = &n;
        if (!n.value.empty()) {
          diags_.error(n.span, "pug.javascript",
                       "mixin arguments need JavaScript; " + std::string(never_run));
        }
        return;
      case AstKind::MixinCall: mixin_call(b, n); return;
      case AstKind::MixinBlock: mixin_block(b, n); return;
      case AstKind::Conditional:
        needs_js(n, n.name);
        if (n.children.size() > 1) alternate(n.children[1]);
        return;
      case AstKind::Case: needs_js(n, "case"); return;
      case AstKind::When: needs_js(n, n.name); return;
      case AstKind::Each: needs_js(n, "each"); return;
      case AstKind::While: needs_js(n, "while"); return;
      case AstKind::Doctype: doctype(b, n); return;
      case AstKind::YieldBlock:  // an include without a block
      case AstKind::Include:     // the loader replaced it or reported why not
      case AstKind::Extends: return;
    }
  }

 private:
  // The block a mixin call passed, and the calls around it.
  struct Frame {
    const AstNode* block;
    const Frame* outer;
  };

  void needs_js(const AstNode& n, const std::string& word) {
    diags_.error(
        n.span, "pug.javascript",
        "`" + word + "` needs JavaScript; " + std::string(never_run) + " (its block is skipped)");
  }
  void alternate(const AstNode& n) {
    if (n.kind == AstKind::Block) {
      needs_js(n, "else");
      return;
    }
    needs_js(n, "else");
    if (n.children.size() > 1) alternate(n.children[1]);
  }

  // `doctype html` as pug-code-gen writes it (its table of short names);
  // the HTML doctype turns on pug's terse mode (bare boolean attributes).
  void doctype(HtmlBuilder& b, const AstNode& n) {
    static const std::map<std::string, std::string> names = {
        {"", "<!DOCTYPE html>"},
        {"html", "<!DOCTYPE html>"},
        {"xml", "<?xml version=\"1.0\" encoding=\"utf-8\" ?>"},
        {"transitional",
         "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
         "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"},
        {"strict",
         "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
         "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"},
        {"frameset",
         "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Frameset//EN\" "
         "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-frameset.dtd\">"},
        {"1.1",
         "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
         "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">"},
        {"basic",
         "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML Basic 1.1//EN\" "
         "\"http://www.w3.org/TR/xhtml-basic/xhtml-basic11.dtd\">"},
        {"mobile",
         "<!DOCTYPE html PUBLIC \"-//WAPFORUM//DTD XHTML Mobile 1.2//EN\" "
         "\"http://www.openmobilealliance.org/tech/DTD/xhtml-mobile12.dtd\">"},
        {"plist",
         "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
         "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"},
    };
    dom::Node raw;
    raw.kind = dom::NodeKind::Raw;
    auto it = names.find(n.value);
    raw.text = it != names.end() ? it->second : "<!DOCTYPE " + n.value + ">";
    raw.span = n.span;
    if (ascii_lower(raw.text) == "<!doctype html>") doc_.terse = true;
    b.add(std::move(raw));
  }

  // --- tags ------------------------------------------------------------------

  void tag(HtmlBuilder& b, const AstNode& n) {
    if (n.name.empty()) {  // `#{expr}` as the name
      diags_.error(n.span, "pug.javascript",
                   "interpolated tag names (`#{...}`) need JavaScript; " + std::string(never_run) +
                       "; the tag's content is kept");
      block(b, n);
      return;
    }
    dom::Node el;
    el.kind = dom::NodeKind::Element;
    el.span = n.span;
    el.tag = n.name;
    for (const AstAttr& a : n.attrs) attribute(el, a);
    NodeId id = b.add(std::move(el));
    HtmlBuilder inner(doc_, id);
    block(inner, n);
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

  // One attribute: `#id`, `.class`, `name=value` or `&attributes(...)`.
  void attribute(dom::Node& el, const AstAttr& a) {
    if (a.literal) {
      if (a.name == "class") {
        el.classes.push_back(a.value);
      } else {
        attr_add(el, a.name, a.value, a.span, false);
      }
      return;
    }
    if (a.name == "&attributes") {
      diags_.error(a.span, "pug.javascript",
                   std::string("`&attributes` needs JavaScript; ") + never_run);
      return;
    }
    bool is_class = a.name == "class";
    if (a.boolean) {
      if (!is_class) attr_add(el, a.name, "", a.span, true);
      return;
    }
    bool concatenated = false;
    std::optional<JsValue> v = js_literal(a.value, &concatenated);
    if (!v && a.malformed) {
      // An unterminated string (reported by the lexer): its text up to the
      // line end is the value.
      JsValue raw;
      raw.kind = JsValue::Kind::String;
      raw.str = a.value.substr(a.value.empty() ? 0 : 1);
      v = raw;
    } else if (!v) {
      diags_.warning(a.value_span, "pug.javascript",
                     "attribute value is a JavaScript expression; " + std::string(never_run) +
                         ", so it is kept as written");
      JsValue raw;
      raw.kind = JsValue::Kind::String;
      raw.str = a.value;
      v = raw;
    } else if (concatenated) {
      diags_.warning(a.value_span, "pug.javascript",
                     "string concatenation in an attribute value is read as one string; " +
                         std::string(never_run));
    }
    std::string value;
    switch (v->kind) {
      case JsValue::Kind::Null: return;  // null/undefined: no attribute
      case JsValue::Kind::Bool:
        if (!v->boolean) return;
        if (!is_class) attr_add(el, a.name, "", a.span, true);
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
        if (a.name == "style") {
          for (const auto& [key, val] : v->fields) value += key + ":" + val.to_string() + ";";
          break;
        }
        diags_.warning(a.value_span, "pug.javascript",
                       "object attribute values need JavaScript; kept as written");
        value = a.value;
        break;
      default: value = v->to_string(); break;
    }
    // `!=` writes the value unescaped: it is HTML, so references decode.
    if (!a.escaped) value = dom::entities_decode(value, /*in_attribute*/ true);
    if (is_class) {
      dom::classes_append(el.classes, value);
      return;
    }
    attr_add(el, a.name, std::move(value), a.span, false);
  }

  // --- code ------------------------------------------------------------------

  void code(HtmlBuilder& b, const AstNode& n) {
    if (n.is_inline) {  // `#{expr}` / `!{expr}`
      std::optional<JsValue> v = js_literal(n.value);
      if (v && (v->kind == JsValue::Kind::String || v->kind == JsValue::Kind::Number)) {
        diags_.warning(n.span, "pug.javascript",
                       "interpolation of a literal: its value is used; " + std::string(never_run));
        write_value(b, n, v->to_string());
        return;
      }
      diags_.warning(n.span, "pug.javascript",
                     "interpolation needs JavaScript; " + std::string(never_run) +
                         ", so it is kept as written");
      b.add_text((n.escaped ? "#{" : "!{") + n.value + "}", n.span);
      return;
    }
    if (!n.buffered) {
      diags_.warning(n.span, "pug.javascript",
                     std::string(never_run) + "; this code line and its block are skipped");
      return;
    }
    std::optional<JsValue> v = js_literal(n.value);
    if (v && (v->kind == JsValue::Kind::String || v->kind == JsValue::Kind::Number)) {
      diags_.warning(n.span, "pug.javascript",
                     "buffered code with a literal: its value is used; " + std::string(never_run));
      write_value(b, n, v->to_string());
      return;
    }
    diags_.warning(n.span, "pug.javascript",
                   std::string(never_run) + "; the expression is kept as text");
    b.add_text(n.value, n.span);
  }

  // `=` escapes (the value is text); `!=` does not (the value is HTML).
  static void write_value(HtmlBuilder& b, const AstNode& n, const std::string& value) {
    if (n.escaped) {
      b.add_text(value, n.span);
    } else {
      b.feed(value, n.span.begin);
    }
  }

  // --- filters ---------------------------------------------------------------

  // A filter's text line by line, each with its offset. A filtered
  // include's file comes as one text of many lines.
  static std::vector<StylusLine> filter_lines(const AstNode& n) {
    std::vector<StylusLine> lines;
    for (const AstNode& text : n.children) {
      std::string_view v = text.value;
      for (size_t at = 0; at <= v.size();) {
        size_t end = std::min(v.find('\n', at), v.size());
        lines.push_back({v.substr(at, end - at), text.span.begin + static_cast<uint32_t>(at)});
        at = end + 1;
      }
    }
    return lines;
  }

  void filter(HtmlBuilder& b, const AstNode& n) {
    markdown::MarkdownText md;
    // A filter's lines lie inside its span; a filtered include's text lies
    // in its own file, past the deck's span space (found by fuzz_pug_parse:
    // a span from the include line to the file's end): the body is then
    // that text alone.
    bool elsewhere = !n.children.empty() && n.children.front().span.begin > n.span.end;
    Span body = elsewhere ? n.children.front().span : n.filters.front().span;
    for (size_t k = 0; k < n.children.size(); ++k) {
      const AstNode& line = n.children[k];
      if (k) md.append_synthetic("\n");
      md.append(line.value, line.span.begin);
      body.end = std::max(body.end, line.span.end);
    }
    if (!n.is_inline && !n.children.empty()) md.append_synthetic("\n");
    // The filter written last applies first; only one is supported.
    const AstFilter& f = n.filters.back();
    for (size_t k = 0; k + 1 < n.filters.size(); ++k) {
      diags_.error(
          n.filters[k].span, "pug.unknown-filter",
          "filter ':" + n.filters[k].name + "' cannot be chained; deckpdf knows only :markdown-it");
    }
    if (f.name == "cdata") {  // pug's built-in: the text as a CDATA section
      std::string text;
      for (size_t k = 0; k < n.children.size(); ++k) text += (k ? "\n" : "") + n.children[k].value;
      dom::Node raw;
      raw.kind = dom::NodeKind::Raw;
      raw.text = "<![CDATA[" + text + "]]>";
      raw.span = body;
      b.add(std::move(raw));
      return;
    }
    if (f.name == "highlight" || f.name == "escape-html" || f.name == "escape") {
      // The text itself, escaped (jstransformer-escape-html); `highlight`
      // would add a highlighter's colour spans, which the PDF goes without.
      if (f.name == "highlight") {
        diags_.warning(f.span, "pug.filter-highlight",
                       "':highlight' is shown as plain code, without syntax colours");
      }
      std::string text;
      for (size_t k = 0; k < n.children.size(); ++k) text += (k ? "\n" : "") + n.children[k].value;
      b.add_text(text, body);
      return;
    }
    if (f.name == "stylus" || f.name == "styl") {
      b.add_text(stylus_to_css(filter_lines(n), diags_), body);
      return;
    }
    if (f.name != "markdown-it" && f.name != "markdown" && f.name != "md" && f.name != "marked") {
      // A script's text is never printed (deckpdf runs no page script), so
      // a language it is written in (CoffeeScript, TypeScript...) loses
      // nothing: a warning, where anywhere else the content would be lost.
      if (b.current() != dom::no_node && doc_.nodes[b.current()].tag == "script") {
        // CoffeeScript's Reveal.initialize options are read all the same
        // (coffee.h), written into the script as the JavaScript call.
        std::string call;
        if (f.name == "coffee-script" || f.name == "coffee" || f.name == "coffeescript") {
          std::vector<std::string_view> lines;
          for (const StylusLine& l : filter_lines(n)) lines.push_back(l.text);
          call = coffee_reveal_initialize(lines);
        }
        diags_.warning(
            f.span, "pug.script-filter",
            "filter ':" + f.name +
                "' in a script: deckpdf runs no page script, so its text is left out" +
                (call.empty() ? std::string()
                              : " but for its Reveal.initialize options, which are read"));
        if (!call.empty()) b.add_text(call, body);
        return;
      }
      diags_.error(f.span, "pug.unknown-filter",
                   "unknown filter ':" + f.name +
                       "'; deckpdf knows :markdown-it (:markdown, :md, :marked), :stylus, "
                       ":cdata, :escape-html and :highlight (its content is left out)");
      return;
    }
    if (n.filters.size() > 1) return;
    markdown::Options options;
    for (const AstAttr& a : f.attrs) {
      bool on = a.boolean;
      if (!a.boolean) {
        std::optional<JsValue> v = js_literal(a.value);
        on = v && v->truthy();
      }
      if (a.name == "linkify") {
        options.linkify = on;
      } else if (a.name == "html") {
        options.html = on;
      } else if (a.name == "breaks") {
        options.breaks = on;
      } else {
        diags_.warning(a.span, "pug.filter-option",
                       "markdown-it option '" + a.name + "' is not supported; ignored");
      }
    }
    markdown::render(md, options, doc_, b.current(), body, diags_);
  }

  // --- mixins ----------------------------------------------------------------

  void mixin_call(HtmlBuilder& b, const AstNode& n) {
    if (n.name.starts_with("#{")) {
      diags_.error(
          n.span, "pug.javascript",
          "interpolated mixin names (`+#{...}`) need JavaScript; " + std::string(never_run));
      return;
    }
    auto it = mixins_.find(n.name);
    if (it == mixins_.end()) {
      diags_.error(n.span, "pug.unknown-mixin",
                   "mixin '" + n.name + "' is not defined before this call");
      return;
    }
    const AstNode& def = *it->second;
    if (!n.value.empty() || !n.attrs.empty()) {
      diags_.error(n.span, "pug.javascript",
                   "mixin arguments and attributes need JavaScript; " + std::string(never_run));
      return;
    }
    if (!def.value.empty()) return;  // reported at the definition
    if (depth_ >= max_mixin_depth || doc_.nodes.size() > max_nodes) {
      if (!too_much_reported_) {
        diags_.error(n.span, "pug.mixin-limit",
                     depth_ >= max_mixin_depth
                         ? "mixins call each other more than " + std::to_string(max_mixin_depth) +
                               " deep; this call is left out"
                         : "mixins made more than " + std::to_string(max_nodes) +
                               " nodes; this call is left out");
        too_much_reported_ = true;
      }
      return;
    }
    Frame frame{&n, frame_};
    const Frame* saved = frame_;
    frame_ = &frame;
    ++depth_;
    block(b, def);
    --depth_;
    frame_ = saved;
  }

  void mixin_block(HtmlBuilder& b, const AstNode& n) {
    if (!frame_) {
      diags_.error(n.span, "pug.block-outside-mixin",
                   "`block` without a name belongs in a mixin; give the block a name");
      return;
    }
    const Frame* current = frame_;
    frame_ = current->outer;
    block(b, *current->block);
    frame_ = current;
  }

  dom::Document& doc_;
  Diagnostics& diags_;
  std::map<std::string, const AstNode*> mixins_;
  const Frame* frame_ = nullptr;
  size_t depth_ = 0;
  bool too_much_reported_ = false;
};

}  // namespace

void evaluate(const AstNode& tree, dom::Document& doc, Diagnostics& diags) {
  HtmlBuilder b(doc, doc.root);
  Evaluator(doc, diags).block(b, tree);
}

struct PieceEvaluator::Impl {
  Impl(dom::Document& doc, Diagnostics& diags) : builder(doc, doc.root), evaluator(doc, diags) {}
  HtmlBuilder builder;
  Evaluator evaluator;
};

PieceEvaluator::PieceEvaluator(dom::Document& doc, Diagnostics& diags)
    : impl_(std::make_unique<Impl>(doc, diags)) {}

PieceEvaluator::~PieceEvaluator() = default;

void PieceEvaluator::add(const AstNode& piece) {
  impl_->evaluator.block(impl_->builder, piece);
}

void evaluate_static(const AstNode& node, HtmlBuilder& b, dom::Document& doc, Diagnostics& diags) {
  Evaluator(doc, diags).node(b, node);
}

}  // namespace deckpdf::pug
