// pug/codegen.cpp — JavaScript from a linked syntax tree (see codegen.h).
//
// Reference: pug-code-gen and pug-runtime (pugjs/pug); the code is ours.
// Free variables the deck never declares read as undefined, as pug's
// `with` rewriting makes them: the deck's code runs inside a `with` over a
// proxy that claims every name the global object lacks.
#include "pug/codegen.h"

#include <cctype>
#include <string_view>

#include "pug/js.h"
#include "source/strings.h"

namespace deckpdf::pug {

const char* const pug_prelude = R"JS(
var $m = {};
var $cur = 0;
function $S(v) { return v == null ? '' : '' + v; }
function $cls(v) {
  if (Array.isArray(v)) {
    var r = [];
    for (var i = 0; i < v.length; i++) { var c = $cls(v[i]); if (c) r.push(c); }
    return r.join(' ');
  }
  if (v && typeof v === 'object') {
    var r = [];
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k) && v[k]) r.push(k);
    return r.join(' ');
  }
  return v || v === 0 ? '' + v : '';
}
function $sty(v) {
  if (!v) return '';
  if (typeof v === 'object') {
    var r = '';
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) r += k + ':' + v[k] + ';';
    return r;
  }
  return '' + v;
}
// [name, value, escaped]: value a string, true (a boolean attribute) or null (none).
function $a(k, v, e) {
  if (k === 'class') { v = $cls(v); return [k, v === '' ? null : v, e]; }
  if (k === 'style') { v = $sty(v); return [k, v === '' ? null : v, e]; }
  if (v === false || v == null) return [k, null, e];
  if (v === true) return [k, true, e];
  if (typeof v.toJSON === 'function') v = v.toJSON();
  if (typeof v !== 'string') v = JSON.stringify(v);
  return [k, v, e];
}
// A mixin call's attributes as the object `attributes` in its body.
function $attrobj(list) {
  var o = {};
  for (var i = 0; i < list.length; i++) {
    var a = list[i];
    if (a[1] === null) continue;
    if (a[0] === 'class' && o['class']) o['class'] += ' ' + a[1]; else o[a[0]] = a[1];
  }
  return o;
}
function $and(list, obj) {
  if (obj && typeof obj === 'object') {
    for (var k in obj) if (Object.prototype.hasOwnProperty.call(obj, k)) list.push($a(k, obj[k], false));
  }
  return list;
}
var $scope = new Proxy({}, {
  has: function (t, k) { return typeof k === 'string' && !(k in globalThis); },
  get: function (t, k) { return k === Symbol.unscopables ? undefined : t[k]; },
  set: function (t, k, v) { t[k] = v; return true; }
});
)JS";

namespace {

std::string str(const std::string& s) {
  return "\"" + json_escape(s) + "\"";
}

bool attr_needs_js(const AstAttr& a) {
  // An empty value is a syntax error the lexer reported.
  if (a.literal || a.boolean || a.malformed || a.value.empty()) return false;
  if (a.name == "&attributes") return true;
  return attr_value_needs_js(a.name, a.value);
}

// Nodes the C++ evaluator can add alone: no JavaScript, no mixins.
bool is_static(const AstNode& n) {
  switch (n.kind) {
    case AstKind::MixinDef:
    case AstKind::MixinCall:
    case AstKind::MixinBlock:
    case AstKind::YieldBlock: return false;
    default: break;
  }
  if (ast_needs_js(n)) return false;
  for (const AstNode& c : n.children) {
    if (!is_static(c)) return false;
  }
  return true;
}

class Gen {
 public:
  Generated run(const AstNode& tree) {
    line("with ($scope) {", -1);
    children(tree);
    line("}", -1);
    return std::move(g_);
  }

 private:
  int id(const AstNode& n) {
    g_.nodes.push_back(&n);
    return static_cast<int>(g_.nodes.size() - 1);
  }
  // Text ending a line (code spliced in may hold line breaks: every line
  // it makes is the node's).
  void line(const std::string& text, int node) {
    g_.code += text;
    g_.code += '\n';
    for (char c : text) {
      if (c == '\n') g_.line_node.push_back(node);
    }
    g_.line_node.push_back(node);
  }
  // A statement of node i, with `$cur` set first.
  void stmt(int i, const std::string& text) { line("$cur=" + std::to_string(i) + ";" + text, i); }

  void children(const AstNode& n) {
    for (const AstNode& c : n.children) node(c);
  }

  void node(const AstNode& n) {
    if (is_static(n) && n.kind != AstKind::Block && n.kind != AstKind::NamedBlock) {
      int i = id(n);
      stmt(i, "$s(" + std::to_string(i) + ");");
      return;
    }
    switch (n.kind) {
      case AstKind::Block:
      case AstKind::NamedBlock: children(n); return;
      case AstKind::Tag: tag(n); return;
      case AstKind::Code: code(n); return;
      case AstKind::MixinDef: {
        int i = id(n);
        stmt(i, "$m[" + str(n.name) + "] = function(" + n.value + ") {");
        line("var block = (this && this.block), attributes = (this && this.attributes) || {};", i);
        children(n);
        line("};", i);
        return;
      }
      case AstKind::MixinCall: {
        int i = id(n);
        std::string attrs = n.attrs.empty() ? "{}" : "$attrobj(" + attr_list(n) + ")";
        stmt(i, "$m[" + str(n.name) + "].call({block: " +
                    (n.children.empty() ? std::string("undefined") : std::string("function() {")));
        if (!n.children.empty()) {
          children(n);
          line("}", i);
        }
        line(", attributes: " + attrs + "}" + (n.value.empty() ? "" : ", " + n.value) + ");", i);
        return;
      }
      case AstKind::MixinBlock: stmt(id(n), "block && block();"); return;
      case AstKind::Conditional: {
        int i = id(n);
        stmt(i, (n.negate ? "if (!(" : "if ((") + n.value + ")) {");
        if (!n.children.empty()) children(n.children[0]);
        if (n.children.size() > 1) {
          line("} else {", i);
          node(n.children[1]);
        }
        line("}", i);
        return;
      }
      case AstKind::Each: each(n); return;
      case AstKind::While: {
        int i = id(n);
        stmt(i, "while (" + n.value + ") {");
        children(n);
        line("}", i);
        return;
      }
      case AstKind::Case: {
        int i = id(n);
        stmt(i, "switch (" + n.value + ") {");
        for (const AstNode& w : n.children) {
          int k = id(w);
          // A label: nothing may come before the first one in a switch.
          line(w.name == "default" ? "default:" : "case " + w.value + ":", k);
          if (!w.children.empty()) {
            children(w);
            line("break;", k);
          }
        }
        line("}", i);
        return;
      }
      case AstKind::When:  // outside a case: pug-parser refuses it
        stmt(id(n), "throw new Error('`when` outside a `case`');");
        return;
      default: {
        int i = id(n);
        stmt(i, "$s(" + std::to_string(i) + ");");
        return;
      }
    }
  }

  // `[$a(name, value, escaped), ...]`, `&attributes` merged in.
  std::string attr_list(const AstNode& n) {
    std::string list = "[";
    std::string and_attrs;
    for (const AstAttr& a : n.attrs) {
      if (a.name == "&attributes") {
        and_attrs += "(" + a.value + "),";
        continue;
      }
      std::string value = a.literal                        ? str(a.value)
                          : a.boolean                      ? "true"
                          : a.value.empty() || a.malformed ? "undefined"
                                                           : "(" + a.value + ")";
      if (list.size() > 1) list += ",";
      list += "$a(" + str(a.name) + "," + value + "," + (a.escaped ? "true" : "false") + ")";
    }
    list += "]";
    if (!and_attrs.empty()) {
      and_attrs.pop_back();
      list = "$and(" + list + ", Object.assign({}, " + and_attrs + "))";
    }
    return list;
  }

  void tag(const AstNode& n) {
    int i = id(n);
    stmt(i, "$o(" + std::to_string(i) + "," + attr_list(n) + ");");
    children(n);
    line("$c();", i);
  }

  // Whether unbuffered code surely begins a statement, so that a `$cur=`
  // before it keeps the script valid: a loop stopped by the time cap is
  // then named at its own line (the engine's own position for an interrupt
  // is the function's first line).
  static bool starts_statement(std::string_view code) {
    size_t b = code.find_first_not_of(" \t");
    if (b == std::string_view::npos) return false;
    code.remove_prefix(b);
    for (std::string_view kw :
         {"var", "let", "const", "for", "while", "if", "switch", "try", "function", "do"}) {
      if (code.starts_with(kw) && (code.size() == kw.size() ||
                                   !(std::isalnum(static_cast<unsigned char>(code[kw.size()])) ||
                                     code[kw.size()] == '_' || code[kw.size()] == '$'))) {
        return true;
      }
    }
    return false;
  }

  void code(const AstNode& n) {
    int i = id(n);
    if (n.buffered) {
      stmt(i, std::string(n.escaped ? "$t" : "$h") + "($S(" + n.value + ")," + std::to_string(i) +
                  ");");
      return;
    }
    // `$cur=` only before code that starts a statement of its own: other
    // code may continue one (`- else`, `- } while (x)`).
    if (starts_statement(n.value)) {
      stmt(i, n.value);
    } else {
      line(n.value, i);
    }
    if (!n.children.empty()) {
      line("{", i);
      children(n);
      line("}", i);
    }
  }

  void each(const AstNode& n) {
    int i = id(n);
    std::string key = n.key.empty() ? "$i" + std::to_string(i) : n.key;
    std::string obj = "$o" + std::to_string(i) + "_";
    std::string len = "$l" + std::to_string(i);
    stmt(i, "(function(){ var " + obj + " = " + n.value + ";");
    line("var " + len + " = 0;", i);
    line("if (" + obj + " != null && 'number' == typeof " + obj + ".length) {", i);
    line("for (var " + key + " = 0; " + key + " < " + obj + ".length; " + key + "++) { " + len +
             "++; var " + n.name + " = " + obj + "[" + key + "];",
         i);
    if (!n.children.empty()) children(n.children[0]);
    line("}} else if (" + obj + " != null) {", i);
    line("for (var " + key + " in " + obj + ") { " + len + "++; var " + n.name + " = " + obj + "[" +
             key + "];",
         i);
    if (!n.children.empty()) children(n.children[0]);
    line("}}", i);
    if (n.children.size() > 1) {
      line("if (" + len + " === 0) {", i);
      children(n.children[1]);
      line("}", i);
    }
    line("}).call(this);", i);
  }

  Generated g_;
};

}  // namespace

bool attr_value_needs_js(std::string_view name, std::string_view value) {
  // A concatenation of literals is JavaScript too (the C++ reading of it
  // warns, for --no-js).
  bool concatenated = false;
  std::optional<JsValue> v = js_literal(value, &concatenated);
  if (!v || concatenated) return true;
  // Arrays and objects become JSON, except in class and style.
  bool structured = v->kind == JsValue::Kind::Array || v->kind == JsValue::Kind::Object;
  return structured && name != "class" && name != "style";
}

bool ast_needs_js(const AstNode& n) {
  switch (n.kind) {
    case AstKind::Code:
    case AstKind::Conditional:
    case AstKind::Case:
    case AstKind::When:
    case AstKind::Each:
    case AstKind::While: return true;
    case AstKind::MixinDef:
    case AstKind::MixinCall:
      if (!n.value.empty()) return true;
      break;
    default: break;
  }
  for (const AstAttr& a : n.attrs) {
    if (attr_needs_js(a)) return true;
  }
  for (const AstNode& c : n.children) {
    if (ast_needs_js(c)) return true;
  }
  return false;
}

Generated codegen(const AstNode& tree) {
  return Gen().run(tree);
}

}  // namespace deckpdf::pug
