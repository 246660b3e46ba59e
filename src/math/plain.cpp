// math/plain — a formula as one line of plain text, for where a formula
// must be text and not a drawing: slide titles (the JSON dump, the PDF
// outline) and other readers of the tree's text. `\approx` is "≈",
// `\frac{a}{b}` "a/b", `x^2` "x^2".
#include <string>

#include "math/tex.h"

namespace deckpdf::math {

namespace {

void list(const List& l, std::string& out);

// A part that is more than one atom goes in parentheses.
void wrapped(const List& l, std::string& out) {
  if (l.size() == 1 && l[0].kind == Node::Kind::Symbol) return list(l, out);
  out += '(';
  list(l, out);
  out += ')';
}

void node(const Node& n, std::string& out) {
  using K = Node::Kind;
  switch (n.kind) {
    case K::Symbol:
      if (n.cls == Class::Bin || n.cls == Class::Rel) {
        out += ' ' + n.text + ' ';
      } else {
        out += n.text;
        if (n.cls == Class::Punct) out += ' ';
      }
      return;
    case K::Text:
    case K::Delim: out += n.text; return;
    case K::Op: out += n.text + (n.variant == Variant::Rm ? " " : ""); return;
    case K::Group:
    case K::Color:
    case K::Style: list(n.kids[0], out); return;
    case K::Scripts:
      list(n.kids[0], out);
      if (n.has_sub) out += '_', wrapped(n.kids[2], out);
      if (n.has_sup) out += '^', wrapped(n.kids[1], out);
      if (n.kids[0].size() == 1 && n.kids[0][0].kind == K::Op) out += ' ';
      return;
    case K::Frac:
      wrapped(n.kids[0], out);
      out += n.binom ? " choose " : "/";
      wrapped(n.kids[1], out);
      return;
    case K::Sqrt:
      out += "√";
      wrapped(n.kids[0], out);
      return;
    case K::Delimited:
      out += n.open;
      for (size_t i = 0; i < n.kids.size(); ++i) {
        if (i > 0) out += n.middles[i - 1];
        list(n.kids[i], out);
      }
      out += n.close;
      return;
    case K::Accent:
      list(n.kids[0], out);
      if (n.text != "overline" && n.text != "underline") out += n.text;
      return;
    case K::Phantom: return;
    case K::Space:
      if (n.space >= 0.25f) out += ' ';
      return;
    case K::Array:
      for (size_t i = 0; i < n.kids.size(); ++i) {
        if (i > 0) out += (n.cols && i % n.cols == 0) ? "; " : ", ";
        list(n.kids[i], out);
      }
      return;
  }
}

void list(const List& l, std::string& out) {
  for (const Node& n : l) node(n, out);
}

}  // namespace

std::string plain_text(const List& l) {
  std::string raw, out;
  list(l, raw);
  for (char c : raw) {  // single spaces, none at the ends
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace deckpdf::math
