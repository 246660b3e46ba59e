// layout/roles — what each drawn item is in the document's structure, for
// a tagged PDF (--tagged): a small table of structure elements per list
// (role, parent, alt text, language) made from the DOM while the slide is
// laid out, and per item its element in Item::tag (1 + the index; 0 an
// artifact: frames, bullets, backgrounds, code gutters). Made only when
// Context::tagged is set, so that untagged exports pay nothing.
//
// An element with a role (a heading, a paragraph, a list item, a table
// cell, a picture, a formula, code, a link, or any element with `lang`)
// starts a fragment tag of its own (steps.cpp), so that the tag of each
// item names its nearest such element; tags_resolve turns that into the
// element table. Elements without a role (div, span, em) are transparent:
// their content belongs to the nearest ancestor that has one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dom/node.h"
#include "layout/display_list.h"

namespace deckpdf::layout {

struct Context;

enum class Role : uint8_t {
  None,      // transparent: its content is its parent element's
  Artifact,  // decorative: its content is not read (img alt="", a code gutter)
  Sect,      // a slide
  Note,      // a slide's speaker notes
  H1,
  H2,
  H3,
  H4,
  H5,
  H6,
  P,
  L,
  LI,
  Lbl,
  LBody,
  Table,
  TR,
  TH,
  TD,
  Figure,
  Formula,
  Code,
  Link,
  BlockQuote,
  Caption,
  Span,  // a run in another language (an element with `lang`)
  Div,   // a child of a slide without a role of its own (for reading order)
};

// The PDF structure type of a role ("H1", "LBody"); "" for None and Artifact.
const char* role_name(Role r);

// The role an element has on its own (before its ancestors are known).
Role role_of(const dom::Node& n);

struct Structure {
  struct Element {
    Role role = Role::Sect;
    int parent = -1;   // index in `elements`; -1 for the root
    std::string alt;   // Figure, Formula: what a reader says instead
    std::string lang;  // the element's `lang`, when it has one
    // TH: the cells it heads, "Column" or "Row" (its `scope`, else a
    // header row's cells head columns and a row's first cell its row).
    const char* scope = nullptr;
    // Text with right-to-left runs: its text in logical order (/ActualText),
    // as the drawn glyphs of a run are in visual order.
    std::string actual;
    // Reading order: which of the root's children (1-based, in document
    // order; 0 the root itself) the element is in. Items are drawn in document order but for
    // positioned boxes (code blocks stacked with their line-highlight
    // copies), which come last; so the root's children are read in
    // document order, and what is inside one in the order it is drawn.
    uint32_t order = 0;
  };
  std::vector<Element> elements;  // [0]: the list's root, a Sect or a Note
};

// The element of each item of `items` (1 + index into the structure's
// elements, in Item::tag; 0 for an artifact) from `nodes`, each item's
// nearest element with a role (no_node: the root), and the structure of
// the list whose root element is `root` (a slide's section, a notes
// aside); `labels` says which items are list items' numbers (their Lbl).
// A picture without alt text is warned.
std::shared_ptr<const Structure> roles_resolve(Context& ctx, dom::NodeId root,
                                               const std::vector<dom::NodeId>& nodes,
                                               const std::vector<bool>& labels,
                                               std::vector<Item>& items);

}  // namespace deckpdf::layout
