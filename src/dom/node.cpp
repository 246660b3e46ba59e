// dom/node.cpp — the element tree: adding nodes, text content and the HTML writer
// (dom::to_html writes what the reference Pug compiler writes, unindented).
#include "dom/node.h"

#include <algorithm>
#include <array>

namespace deckpdf::dom {

bool Node::has_class(std::string_view name) const {
  return std::find(classes.begin(), classes.end(), name) != classes.end();
}

const std::string* Node::attr(std::string_view name) const {
  for (const Attr& a : attrs) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

Document::Document() {
  Node root_node;
  root_node.kind = NodeKind::Document;
  nodes.push_back(std::move(root_node));
}

NodeId Document::add(Node node, NodeId parent) {
  NodeId id = static_cast<NodeId>(nodes.size());
  node.parent = parent;
  nodes.push_back(std::move(node));
  if (parent != no_node) nodes[parent].children.push_back(id);
  return id;
}

std::string Document::text_content(NodeId id) const {
  const Node& n = nodes[id];
  if (n.kind == NodeKind::Text) return n.text;
  if (n.kind != NodeKind::Element && n.kind != NodeKind::Document) return {};
  std::string out;
  for (NodeId c : n.children) out += text_content(c);
  return out;
}

bool is_void_element(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> voids = {
      "area",  "base", "br",   "col",   "embed",  "hr",    "img",
      "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(voids.begin(), voids.end(), tag) != voids.end();
}

namespace {

void escape(std::string& out, std::string_view s, bool in_attr) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (in_attr) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default: out.push_back(c);
    }
  }
}

void write(const Document& doc, NodeId id, std::string& out) {
  const Node& n = doc[id];
  switch (n.kind) {
    case NodeKind::Document:
      for (NodeId c : n.children) write(doc, c, out);
      return;
    case NodeKind::Text: escape(out, n.text, false); return;
    case NodeKind::Raw: out += n.text; return;
    case NodeKind::Comment: out += "<!--" + n.text + "-->"; return;
    case NodeKind::Element: break;
  }
  out += "<" + n.tag;
  if (!n.classes.empty()) {
    out += " class=\"";
    for (size_t i = 0; i < n.classes.size(); ++i) {
      if (i) out += ' ';
      escape(out, n.classes[i], true);
    }
    out += '"';
  }
  for (const Attr& a : n.attrs) {
    out += " " + a.name;
    if (a.boolean && doc.terse) continue;
    out += "=\"";
    // Pug writes a boolean attribute as `checked="checked"` (no doctype).
    escape(out, a.boolean ? a.name : a.value, true);
    out += '"';
  }
  out += ">";
  if (is_void_element(n.tag) && n.children.empty()) return;
  // A script's or style sheet's text is raw in HTML: `a > b` stays as it is.
  bool raw_text = n.tag == "script" || n.tag == "style";
  for (NodeId c : n.children) {
    if (raw_text && doc[c].kind == NodeKind::Text) {
      out += doc[c].text;
    } else {
      write(doc, c, out);
    }
  }
  out += "</" + n.tag + ">";
}

}  // namespace

bool Document::attached(NodeId id) const {
  // A detached subtree's top has no parent; the chain is at most as long as
  // the tree is deep.
  for (NodeId at = id;; at = nodes[at].parent) {
    if (at == root) return true;
    if (nodes[at].parent == no_node) return false;
  }
}

std::string to_html(const Document& doc, NodeId id) {
  std::string out;
  write(doc, id, out);
  return out;
}

std::string to_html(const Document& doc) {
  return to_html(doc, doc.root);
}

}  // namespace deckpdf::dom
