// math/dump — a math list as text, for tests and for reading what the
// parser made of a formula: `(frac [a] [b])`, `(scripts [x] ^[2] _[i])`.
#include <cstdio>

#include "math/tex.h"

namespace deckpdf::math {

namespace {

const char* class_name(Class c) {
  switch (c) {
    case Class::Ord: return "ord";
    case Class::Op: return "op";
    case Class::Bin: return "bin";
    case Class::Rel: return "rel";
    case Class::Open: return "open";
    case Class::Close: return "close";
    case Class::Punct: return "punct";
    case Class::Inner: return "inner";
  }
  return "?";
}

const char* variant_name(Variant v) {
  static const char* names[] = {"", "rm", "bf", "it", "bb", "cal", "frak", "sf", "tt"};
  return names[static_cast<int>(v)];
}

void node(const Node& n, std::string& out);

void list(const List& l, std::string& out) {
  out += '[';
  for (size_t i = 0; i < l.size(); ++i) {
    if (i) out += ' ';
    node(l[i], out);
  }
  out += ']';
}

void node(const Node& n, std::string& out) {
  using K = Node::Kind;
  switch (n.kind) {
    case K::Symbol:
      out += n.text;
      if (n.cls != Class::Ord) out += std::string(":") + class_name(n.cls);
      if (n.variant != Variant::Normal) out += std::string("/") + variant_name(n.variant);
      return;
    case K::Text: out += "(text \"" + n.text + "\")"; return;
    case K::Op:
      out += "(op " + n.text;
      if (n.limits) out += n.limits > 0 ? " limits" : " nolimits";
      out += ')';
      return;
    case K::Group: list(n.kids[0], out); return;
    case K::Scripts:
      out += "(scripts ";
      list(n.kids[0], out);
      if (n.has_sup) out += " ^", list(n.kids[1], out);
      if (n.has_sub) out += " _", list(n.kids[2], out);
      out += ')';
      return;
    case K::Frac:
      out += n.binom ? "(binom " : "(frac ";
      list(n.kids[0], out);
      out += ' ';
      list(n.kids[1], out);
      out += ')';
      return;
    case K::Sqrt:
      out += "(sqrt ";
      list(n.kids[0], out);
      if (!n.kids[1].empty()) out += ' ', list(n.kids[1], out);
      out += ')';
      return;
    case K::Delimited:
      out += "(left " + (n.open.empty() ? "." : n.open) + ' ';
      list(n.kids[0], out);
      for (size_t i = 0; i < n.middles.size(); ++i) {
        out += " middle " + (n.middles[i].empty() ? "." : n.middles[i]) + ' ';
        list(n.kids[i + 1], out);
      }
      out += " right " + (n.close.empty() ? "." : n.close) + ')';
      return;
    case K::Delim: out += "(delim" + std::to_string(n.size) + ' ' + n.text + ')'; return;
    case K::Accent:
      out += "(accent " + n.text + ' ';
      list(n.kids[0], out);
      out += ')';
      return;
    case K::Space: {
      char buf[32];
      snprintf(buf, sizeof buf, "(space %.3g)", n.space);
      out += buf;
      return;
    }
    case K::Array:
      out += "(" + n.env + (n.align.empty() ? "" : " " + n.align);
      for (size_t h : n.hlines) out += " hline" + std::to_string(h);
      for (size_t i = 0; i < n.kids.size(); ++i) {
        out += (n.cols && i % n.cols == 0) ? " / " : " & ";
        list(n.kids[i], out);
      }
      out += ')';
      return;
    case K::Color: {
      char buf[32];
      snprintf(buf, sizeof buf, "(color #%02x%02x%02x ", static_cast<int>(n.color.r * 255 + 0.5f),
               static_cast<int>(n.color.g * 255 + 0.5f), static_cast<int>(n.color.b * 255 + 0.5f));
      out += buf;
      list(n.kids[0], out);
      out += ')';
      return;
    }
    case K::Phantom:
      out += "(phantom ";
      list(n.kids[0], out);
      out += ')';
      return;
    case K::Style:
      out += "(style" + std::to_string(n.math_style) + ' ';
      list(n.kids[0], out);
      out += ')';
      return;
  }
}

}  // namespace

std::string dump(const List& l) {
  std::string out;
  list(l, out);
  return out;
}

}  // namespace deckpdf::math
