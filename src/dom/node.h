// dom — the element tree that the Pug parser and the Markdown filter build.
//
// Nodes live in one flat vector and refer to each other by index (md4c's
// flat arrays, not a shared_ptr graph). Every node carries the Span of the
// source construct it came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/source.h"

namespace deckpdf::dom {

using NodeId = uint32_t;
inline constexpr NodeId no_node = UINT32_MAX;

enum class NodeKind {
  Document,  // the root; its children are the top-level nodes
  Element,   // a tag: `h2.title(data-x="1")` or `<h2>` from Markdown
  Text,      // character data, entities already decoded
  Comment,   // `// text` (buffered comment) or `<!-- -->`
  Raw,       // literal HTML kept as written (`<div>` lines in Pug)
};

struct Attr {
  std::string name;
  std::string value;
  bool boolean = false;  // written without a value: `input(checked)`
  Span span;
};

struct Node {
  NodeKind kind = NodeKind::Element;
  std::string tag;                   // Element: lower-case tag name
  std::vector<std::string> classes;  // Element: `.a.b` and class="..." in order
  std::vector<Attr> attrs;           // Element: every other attribute, `id` included
  std::string text;                  // Text, Comment, Raw: the content
  std::vector<NodeId> children;
  NodeId parent = no_node;
  Span span;

  bool has_class(std::string_view name) const;
  // The value of an attribute, or nullptr when absent.
  const std::string* attr(std::string_view name) const;
};

struct Document {
  std::vector<Node> nodes;
  NodeId root = 0;
  // pug's terse mode (a `doctype html`): boolean attributes are written
  // bare (`data-trim`), not as `data-trim="data-trim"`.
  bool terse = false;

  Document();
  NodeId add(Node node, NodeId parent);
  Node& operator[](NodeId id) { return nodes[id]; }
  const Node& operator[](NodeId id) const { return nodes[id]; }
  // The concatenated text of a subtree (comments excluded).
  std::string text_content(NodeId id) const;
  // Whether `id` is in the tree: stages that replace a subtree (the code
  // highlighter) leave its old nodes in `nodes`, detached (parent
  // no_node), so a scan over `nodes` skips those.
  bool attached(NodeId id) const;
};

// HTML as the reference Pug compiler writes it: no pretty-printing,
// `<!-- -->` comments, void elements without end tags.
std::string to_html(const Document& doc);
std::string to_html(const Document& doc, NodeId id);
bool is_void_element(std::string_view tag);

}  // namespace deckpdf::dom
