// layout/engine — what the box engine's files share: the Engine, one per
// layout pass, holding the state a pass needs (computed styles, fragment
// tags, the pending list marker, .r-stretch heights, the bands of a flow).
// Each formatting context is a file of Engine members: block.cpp (block
// boxes, lists and markers, margins), inline.cpp (inline content, steps in
// inline.h), table.cpp, picture.cpp, fit.cpp (.r-fit-text, code-shrink),
// steps.cpp (fragment tags, steps.h). A new kind of box is a new file.
//
// A small subset of CSS 2.1 visual formatting, enough for what slide decks
// contain. Deviations from CSS, on purpose: a parent's and its first
// child's margins never collapse (reveal.js slides are absolutely
// positioned, which stops that anyway); `inline-block` boxes (reveal's
// lists) are laid out as shrink-to-fit blocks on their own line; `pre`
// wraps lines that are wider than the slide rather than letting them run
// off it; markers are drawn only for `li` inside `ul`/`ol` (reveal.js
// shows none for a bare `li`).
#pragma once

#include <deque>
#include <map>
#include <utility>
#include <vector>

#include "layout/inline.h"
#include "layout/layout.h"
#include "layout/steps.h"

namespace deckpdf::layout {

// What a box reports to its container: how tall it is, how far it reaches.
struct Extent {
  float height = 0;      // border-box height
  float used_width = 0;  // widest line, from the box's content-left edge
};

// A list item's marker, waiting for the item's first line box: it hangs
// left of the item's content on that line's baseline.
struct ListMarker {
  bool pending = false;
  float x = 0;  // content-left edge of the list item
  const style::ComputedStyle* style = nullptr;
  text::FontId font = 0;
  style::ListStyle kind = style::ListStyle::Disc;
  int number = 1;
  int tag = 0;
  Span span;
};

class Engine {
 public:
  // `slide` is null for a flow (notes), where only links make tags.
  Engine(Context& ctx, const deck::Slide* slide) : ctx_(ctx), slide_(slide) {}

  // Where .r-stretch pictures learn the height they should take (`in`) and
  // report the one they had (`out`); see slide.cpp.
  void stretch(const std::map<dom::NodeId, float>* in, std::map<dom::NodeId, float>* out) {
    stretch_in_ = in;
    stretch_out_ = out;
  }
  // Where line boxes and pictures are recorded (flows only).
  void bands_record(std::vector<DisplayList::Band>* bands) { bands_ = bands; }
  // The tags that the items laid out so far refer to (Item::tag).
  const Tags& tags() const { return tags_; }
  // Whether layout stopped adding items at max_slide_items (layout.h).
  bool over_budget() const { return over_budget_; }

  // block.cpp. The children of a block container `width` wide, stacked
  // from (x, y); their content has fragment tag `tag`.
  Extent children(dom::NodeId parent, const style::ComputedStyle& ps, int tag, float x, float y,
                  float width, std::vector<Item>& out);

 private:
  // The computed style of `id` under `parent`, computed once per layout
  // pass: deciding whether an element is block-level looks at its
  // children's styles, and laying it out looks at them again.
  const style::ComputedStyle* style_of(dom::NodeId id, const style::ComputedStyle& parent);
  // A style that lives as long as the pass (items and caches point to it).
  const style::ComputedStyle* keep(style::ComputedStyle s);
  text::FontId font_for(const style::ComputedStyle& s) const;

  // block.cpp
  bool is_block_level(dom::NodeId id, const style::ComputedStyle& s);
  Extent box(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y, float avail,
             std::vector<Item>& out, style::TextAlign parent_align, int list_number);
  Item marker_item(float baseline);

  // inline.cpp
  void collect_text(const std::string& t, const style::ComputedStyle* s, int tag, Span span,
                    std::vector<Piece>& out);
  void collect_inline(dom::NodeId id, const style::ComputedStyle& s, int tag, float avail,
                      std::vector<Piece>& out);
  Extent inline_block(const std::vector<Piece>& pieces, const style::ComputedStyle& block, float x,
                      float y, float width, std::vector<Item>& out);

  // table.cpp, picture.cpp, fit.cpp
  Extent table(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y,
               float avail, std::vector<Item>& out);
  Extent picture_draw(dom::NodeId id, const style::ComputedStyle& s, int tag, float avail,
                      std::vector<Item>& out);
  Extent picture(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y,
                 float avail, std::vector<Item>& out, style::TextAlign align);
  std::shared_ptr<const Atomic> picture_inline(dom::NodeId id, const style::ComputedStyle& s,
                                               int tag, float avail);
  const style::ComputedStyle* fit_text(dom::NodeId id, const style::ComputedStyle& s, float avail);
  const style::ComputedStyle* fit_code(dom::NodeId id, const style::ComputedStyle& s, float avail);

  // steps.cpp: the tag of `id`'s content, given its parent's.
  int tag_for(dom::NodeId id, int parent_tag);

  Context& ctx_;
  const deck::Slide* slide_;
  std::deque<style::ComputedStyle> styles_;
  std::map<std::pair<dom::NodeId, const style::ComputedStyle*>, const style::ComputedStyle*>
      style_cache_;
  const std::map<dom::NodeId, float>* stretch_in_ = nullptr;
  std::map<dom::NodeId, float>* stretch_out_ = nullptr;
  ListMarker marker_;
  Tags tags_;
  bool over_budget_ = false;
  std::vector<DisplayList::Band>* bands_ = nullptr;
};

}  // namespace deckpdf::layout
