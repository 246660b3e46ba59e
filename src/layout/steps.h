// layout/steps — fragment steps, hide steps and effects, and links, while a
// slide is laid out. Content is tagged (Item::tag) with what its fragment
// and `a(href)` ancestors make of it; when the slide is done the tags become
// each item's step, until and effect set, and LinkItems over linked text.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/layout.h"

namespace deckpdf::layout {

// What a slide's fragments and links make of a stretch of content.
struct Tag {
  int step = 0, until = never;
  std::vector<Effect> effects;
  std::vector<int> boxes;  // per effect: which scale box gives its centre, or -1
  std::string href;
  // --tagged: the nearest element with a structure role (roles.h); no_node
  // for the list's root.
  dom::NodeId node = dom::no_node;
  bool label = false;  // --tagged: a list item's marker text (its Lbl)
};

// The tags of one layout pass. Tag 0 is plain content; a .grow or .shrink
// effect numbers a scale box whose centre is its content's, known only
// once the content is placed.
struct Tags {
  std::vector<Tag> list{Tag{}};
  int scale_boxes = 0;
};

// Adds fragment `f` to `t`, the tag of its parent. A nested fragment shows
// only while its ancestors do: the visibility intervals intersect and the
// effects add up (CSS opacity multiplies; the innermost colour wins, as
// the later override).
void fragment_apply(const deck::Fragment& f, Tag& t, int& scale_boxes);

// Turns the tags of `items` into what the DisplayList says: each item's
// step, until and effect set (added to list.effects), the centres of
// .grow/.shrink, and a LinkItem, appended, over each stretch of text inside
// an `a(href)`. When tagging (Context::tagged), also each item's structure
// element in the list whose root element is `root` (roles.h).
void tags_resolve(Context& ctx, const Tags& tags, std::vector<Item>& items, DisplayList& list,
                  dom::NodeId root);

}  // namespace deckpdf::layout
