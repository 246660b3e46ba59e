// pug/run.cpp — the deck's script run in the sandbox (see run.h): host
// functions that build the tree, pug's attribute rules applied to what
// they receive, errors mapped back to the deck line running.
#include "pug/run.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <vector>

#include "dom/entities.h"
#include "dom/html.h"
#include "js/sandbox.h"
#include "pug/codegen.h"
#include "pug/eval.h"

namespace deckpdf::pug {

namespace {

using dom::HtmlBuilder;

// Elements a script may make: a bound on a loop that builds without end
// (the memory cap bounds the script's own objects, not our tree).
constexpr size_t max_nodes = size_t{4} << 20;
constexpr size_t max_depth = 1024;  // elements open at once

class Host {
 public:
  Host(const Generated& gen, dom::Document& doc, Diagnostics& diags)
      : gen_(gen), doc_(doc), diags_(diags) {
    open_.push_back(std::make_unique<HtmlBuilder>(doc, doc.root));
  }

  void define(js::Sandbox& box) {
    box_ = &box;
    box.define("$o", [this](const std::vector<js::Value>& a, std::string& err) {
      const AstNode* n = node(a, 0, err);
      if (!n || !room(err)) return js::Value();
      if (open_.size() >= max_depth) {
        err = "elements nested more than " + std::to_string(max_depth) + " deep";
        return js::Value();
      }
      dom::Node el;
      el.kind = dom::NodeKind::Element;
      el.tag = n->name;
      el.span = n->span;
      if (a.size() > 2) el.tag = computed_name(a[2], *n);
      if (a.size() > 1) {
        for (const js::Value& attr : a[1].items) attribute(el, attr, *n);
      }
      dom::NodeId id = top().add(std::move(el));
      open_.push_back(std::make_unique<HtmlBuilder>(doc_, id));
      return js::Value();
    });
    box.define("$c", [this](const std::vector<js::Value>&, std::string&) {
      if (open_.size() > 1) open_.pop_back();
      return js::Value();
    });
    auto text = [this](bool html) {
      return [this, html](const std::vector<js::Value>& a, std::string& err) {
        const AstNode* n = node(a, 1, err);
        if (!n || !room(err) || a[0].kind != js::Value::Kind::String) return js::Value();
        if (html) {
          // Computed HTML has no bytes in the file: what it makes points
          // at the code that made it.
          size_t first = doc_.nodes.size();
          top().feed(a[0].s, n->span.begin);
          for (size_t k = first; k < doc_.nodes.size(); ++k) {
            doc_.nodes[k].span = n->span;
            for (dom::Attr& at : doc_.nodes[k].attrs) at.span = n->span;
          }
        } else {
          top().add_text(a[0].s, n->span);
        }
        return js::Value();
      };
    };
    box.define("$t", text(false));
    box.define("$h", text(true));
    box.define("$s", [this](const std::vector<js::Value>& a, std::string& err) {
      const AstNode* n = node(a, 0, err);
      if (n && room(err)) evaluate_static(*n, top(), doc_, diags_);
      return js::Value();
    });
    box.define("require", [this](const std::vector<js::Value>& a, std::string& err) {
      std::string path = !a.empty() && a[0].kind == js::Value::Kind::String ? a[0].s : "";
      if (path.starts_with("./") || path.starts_with("../")) {
        diags_.warning(current_span(), "pug.require",
                       "require('" + path +
                           "') is read as the path itself, as a bundler "
                           "would give it; no module is loaded");
        return js::Value::string(path);
      }
      err = "require('" + path + "') is not available: deckpdf runs no modules";
      return js::Value();
    });
  }

  Span current_span() {
    std::optional<js::Value> cur = box_ ? box_->get_global("$cur") : std::nullopt;
    size_t i = cur && cur->kind == js::Value::Kind::Number ? static_cast<size_t>(cur->n) : 0;
    return i < gen_.nodes.size() ? gen_.nodes[i]->span : doc_[doc_.root].span;
  }

 private:
  HtmlBuilder& top() { return *open_.back(); }

  const AstNode* node(const std::vector<js::Value>& a, size_t at, std::string& err) {
    if (a.size() <= at || a[at].kind != js::Value::Kind::Number || a[at].n < 0 ||
        a[at].n >= static_cast<double>(gen_.nodes.size())) {
      err = "internal: bad node index";
      return nullptr;
    }
    return gen_.nodes[static_cast<size_t>(a[at].n)];
  }

  // A tag name from `#{expr}`: as pug.js writes it, when it is one
  // (a letter, then letters, digits, '-', '_', ':'), lower-cased as the
  // parser does written names; anything else is an error and a div.
  std::string computed_name(const js::Value& v, const AstNode& n) {
    const std::string written = v.kind == js::Value::Kind::String ? v.s : "";
    std::string name = written;
    bool ok = !name.empty() && std::isalpha(static_cast<unsigned char>(name[0]));
    for (char& c : name) {
      ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':');
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (ok) return name;
    size_t cut = std::min<size_t>(written.size(), 40);  // at a character's start
    while (cut < written.size() && cut > 0 && (written[cut] & 0xC0) == 0x80) --cut;
    diags_.error(n.span, "pug.tag-name",
                 "the interpolated tag name is not a tag name (\"" + written.substr(0, cut) +
                     "\"); a div is made instead");
    return "div";
  }

  bool room(std::string& err) {
    if (doc_.nodes.size() < max_nodes) return true;
    err = "the deck's code made more than " + std::to_string(max_nodes) + " nodes";
    return false;
  }

  // One `[name, value, escaped]` from the prelude's `$a`: value null (no
  // attribute), true (a boolean one) or a string.
  void attribute(dom::Node& el, const js::Value& a, const AstNode& n) {
    if (a.items.size() < 3 || a.items[0].kind != js::Value::Kind::String) return;
    const std::string& name = a.items[0].s;
    const js::Value& v = a.items[1];
    Span span = n.span;
    for (const AstAttr& written : n.attrs) {
      if (written.name == name) span = written.span;
    }
    if (v.kind == js::Value::Kind::Bool) {
      if (name != "class") add(el, name, name, span, true);
      return;
    }
    if (v.kind != js::Value::Kind::String) return;
    // `!=` writes the value unescaped: it is HTML, so references decode.
    std::string value = a.items[2].b ? v.s : dom::entities_decode(v.s, /*in_attribute*/ true);
    if (name == "class") {
      dom::classes_append(el.classes, value);
      return;
    }
    add(el, name, std::move(value), span, false);
  }

  void add(dom::Node& el, const std::string& name, std::string value, Span span, bool boolean) {
    for (dom::Attr& a : el.attrs) {
      if (a.name == name) {  // pug: a later value wins (`&attributes` over the tag's)
        a.value = std::move(value);
        a.boolean = boolean;
        return;
      }
    }
    el.attrs.push_back({name, std::move(value), boolean, span});
  }

  const Generated& gen_;
  dom::Document& doc_;
  Diagnostics& diags_;
  js::Sandbox* box_ = nullptr;
  std::vector<std::unique_ptr<HtmlBuilder>> open_;
};

const char* error_code(js::Error::Kind kind) {
  switch (kind) {
    case js::Error::Kind::Syntax: return "pug.js-syntax";
    case js::Error::Kind::Exception: return "pug.js-error";
    case js::Error::Kind::Timeout: return "pug.js-timeout";
    case js::Error::Kind::Memory: return "pug.js-memory";
  }
  return "pug.js-error";
}

}  // namespace

void run_js(const AstNode& tree, dom::Document& doc, Diagnostics& diags,
            const RunOptions& options) {
  Generated gen = codegen(tree);
  js::Limits limits;
  limits.seconds = options.seconds;
  limits.now_ms = options.now_ms;
  js::Sandbox box(limits);
  Host host(gen, doc, diags);
  host.define(box);
  js::Error error;
  if (!box.run(pug_prelude, "pug-prelude.js", error)) {
    diags.error(doc[doc.root].span, "pug.js-error", "the Pug runtime failed: " + error.message);
    return;
  }
  for (const std::string* json : {&options.front_locals_json, &options.locals_json}) {
    if (json->empty()) continue;
    std::string code =
        "(function (o) { for (var k in o) globalThis[k] = o[k]; })(" + *json + "\n);";
    if (!box.run(code, "locals.json", error)) {
      diags.error(doc[doc.root].span, "pug.locals",
                  (json == &options.locals_json ? "--locals" : "the front matter's locals") +
                      std::string(" is not a JSON object: ") + error.message);
      return;
    }
  }
  if (box.run(gen.code, "deck.pug.js", error)) return;
  Span at = host.current_span();
  // The engine names a stopped loop at its function's first line: the
  // statement running (`$cur`) says where the time or memory ran out.
  bool capped = error.kind == js::Error::Kind::Timeout || error.kind == js::Error::Kind::Memory;
  if (!capped && error.line > 0 && static_cast<size_t>(error.line) <= gen.line_node.size()) {
    int i = gen.line_node[static_cast<size_t>(error.line - 1)];
    if (i >= 0) at = gen.nodes[static_cast<size_t>(i)]->span;
  }
  std::string what = error.message;
  if (error.kind == js::Error::Kind::Timeout) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", options.seconds);
    what = std::string("the deck's JavaScript ran past the time limit of ") + seconds +
           " s (--js-timeout); stopped here";
  } else if (error.kind == js::Error::Kind::Memory) {
    what = "the deck's JavaScript ran out of its memory (256 MiB); stopped here";
  }
  diags.error(at, error_code(error.kind), what);
}

}  // namespace deckpdf::pug
