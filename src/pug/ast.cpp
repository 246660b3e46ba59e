// pug/ast — the syntax tree's text dump, for tests and for reading a tree.
#include "pug/ast.h"

namespace deckpdf::pug {

namespace {

const char* kind_name(AstKind kind) {
  switch (kind) {
    case AstKind::Block: return "Block";
    case AstKind::Tag: return "Tag";
    case AstKind::Text: return "Text";
    case AstKind::Code: return "Code";
    case AstKind::Comment: return "Comment";
    case AstKind::Doctype: return "Doctype";
    case AstKind::Filter: return "Filter";
    case AstKind::Include: return "Include";
    case AstKind::Extends: return "Extends";
    case AstKind::NamedBlock: return "NamedBlock";
    case AstKind::MixinDef: return "Mixin";
    case AstKind::MixinCall: return "Call";
    case AstKind::MixinBlock: return "MixinBlock";
    case AstKind::YieldBlock: return "Yield";
    case AstKind::Conditional: return "Conditional";
    case AstKind::Case: return "Case";
    case AstKind::When: return "When";
    case AstKind::Each: return "Each";
    case AstKind::While: return "While";
  }
  return "?";
}

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void dump(const AstNode& n, int level, std::string& out) {
  out.append(static_cast<size_t>(level) * 2, ' ');
  out += kind_name(n.kind);
  if (!n.name.empty()) out += " " + n.name;
  if (!n.key.empty()) out += " [" + n.key + "]";
  if (n.kind == AstKind::Code) out += n.buffered ? (n.escaped ? " =" : " !=") : " -";
  if (n.is_inline) out += " inline";
  if (n.self_closing) out += " /";
  for (const AstFilter& f : n.filters) out += " :" + f.name;
  for (const AstAttr& a : n.attrs) {
    out += " " + a.name;
    if (!a.boolean) out += (a.escaped ? "=" : "!=") + (a.literal ? "'" + a.value + "'" : a.value);
  }
  if (!n.value.empty()) out += " \"" + escaped(n.value) + "\"";
  out += "\n";
  for (const AstNode& c : n.children) dump(c, level + 1, out);
}

}  // namespace

std::string ast_dump(const AstNode& node) {
  std::string out;
  dump(node, 0, out);
  return out;
}

}  // namespace deckpdf::pug
