// layout/svg_tree — the one small tree the SVG interpreter (svg.h) reads,
// made from an SVG file's bytes (pugixml) or from an inline `svg` element
// of the deck's own tree, so that both are drawn by the same code.
//
// Names are lower-cased (the Pug parser lower-cases tags, so
// `linearGradient` arrives as `lineargradient`), namespace prefixes of
// elements other than svg's are kept so that the interpreter skips them
// (`sodipodi:namedview`), and the budgets are checked while building: a
// hostile file stops growing the tree at its limit, with a problem noted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dom/node.h"

namespace deckpdf::layout::svg {

struct Limits {
  size_t max_bytes = 4u << 20;        // an SVG file or data: URI
  size_t max_elements = 20'000;       // elements and text nodes in the tree
  int max_depth = 48;                 // element nesting
  size_t max_segments = 200'000;      // path segments drawn, over the whole picture
  int max_use_depth = 8;              // `use` inside what a `use` draws
  size_t max_instances = 50'000;      // elements visited while drawing (`use` copies)
  size_t max_text_bytes = 64u << 10;  // the text of one `text` element
};

struct Node {
  std::string tag;                                         // lower case, "" for a text node
  std::vector<std::pair<std::string, std::string>> attrs;  // names lower case
  std::string text;                                        // text nodes
  std::vector<uint32_t> children;

  bool is_text() const { return tag.empty(); }
  const std::string* attr(std::string_view name) const;
};

struct Tree {
  std::vector<Node> nodes;            // nodes[0] is the root `svg`, when any
  std::vector<std::string> problems;  // budgets hit, XML errors: for a warning
  bool ok() const { return !nodes.empty() && nodes[0].tag == "svg"; }
};

// An SVG document's bytes. Malformed XML is a problem and an empty tree;
// a root other than `svg` too.
Tree tree_from_xml(std::string_view bytes, const Limits& limits = {});

// The subtree of an inline `svg` element of the deck.
Tree tree_from_dom(const dom::Document& doc, dom::NodeId svg, const Limits& limits = {});

}  // namespace deckpdf::layout::svg
