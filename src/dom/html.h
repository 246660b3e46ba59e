// dom/html — reads HTML written inside a deck into the element tree.
//
// Pug passes text through as HTML (`li There is no <i>No Design</i>`,
// `<!-- note -->` lines), and Markdown with the `html` option may hold raw
// HTML. Rather than keeping such text as an opaque Raw node, HtmlBuilder
// reads it into Element, Text and Comment nodes, so the tree is the one a
// browser would see. It is a small HTML reader, not an HTML5 parser: no
// implied end tags, no foster parenting; what it does not know stays text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom/node.h"

namespace deckpdf::dom {

class HtmlBuilder {
 public:
  // Nodes are added under `parent`. At most `max_depth` elements opened by
  // HTML are nested; deeper start tags are kept as siblings.
  HtmlBuilder(Document& doc, NodeId parent, size_t max_depth = 256);

  // Where the next node goes: `parent` or the innermost open HTML element.
  NodeId current() const { return open_.back(); }

  // Reads `html`, whose byte i is at source offset `at + i`: start and end
  // tags, comments, character references and text.
  void feed(std::string_view html, uint32_t at);

  // Adds text that is already decoded (no markup in it), merged into a
  // preceding Text node.
  void add_text(std::string_view text, Span span);
  // Adds any node at the insertion point; returns its id.
  NodeId add(Node node);
  // Makes `id` (a child of current()) the insertion point until its end tag.
  void open(NodeId id);
  // Closes the innermost open element (no-op at the base).
  void close();

  // Elements opened by HTML and never closed (their ids). Call at the end.
  std::vector<NodeId> unclosed() const {
    return std::vector<NodeId>(open_.begin() + 1, open_.end());
  }
  // Start tags that were nested too deeply (for a diagnostic).
  size_t too_deep() const { return too_deep_; }
  // End tags with no open element to close (their spans).
  const std::vector<Span>& stray_end_tags() const { return stray_; }

 private:
  size_t read_tag(std::string_view s, size_t i, uint32_t at);
  bool close_tag(std::string_view name);

  Document& doc_;
  std::vector<NodeId> open_;
  size_t max_depth_;
  size_t too_deep_ = 0;
  std::vector<Span> stray_;
  std::string raw_text_tag_;  // inside <script>/<style>: text until its end tag
};

// Splits a class attribute value on whitespace into `classes` (no duplicates
// removed: Pug keeps them as written).
void classes_append(std::vector<std::string>& classes, std::string_view value);

}  // namespace deckpdf::dom
