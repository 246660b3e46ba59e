// layout/engine — what the box engine's files share: the Engine, one per
// layout pass, holding the state a pass needs (computed styles, fragment
// tags, the pending list marker, .r-stretch heights, the bands of a flow).
// Each formatting context is a file of Engine members: block.cpp (block
// boxes, lists and markers, margins), inline.cpp (inline content, steps in
// inline.h), table.cpp, flex.cpp, grid.cpp (with items.cpp, what both ask
// of their items), float.cpp, position.cpp, picture.cpp, elements.cpp,
// fit.cpp (.r-fit-text, code-shrink), steps.cpp (fragment tags, steps.h). A new
// kind of box is a new file.
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

#include <algorithm>
#include <deque>
#include <map>
#include <tuple>
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

// A flex or grid item: a child element, or a run of text straight inside
// the container (an anonymous item, laid out as the container's inline
// content).
struct BoxItem {
  dom::NodeId node = 0;
  const style::ComputedStyle* style = nullptr;  // the element's, or the container's
  int tag = 0;
  std::vector<Piece> text;  // set for an anonymous item
  int index = 0;            // document order, for `order` ties
};

// An absolutely positioned box waiting for its containing block's size:
// where it would have been in the flow (its static position, NaN when not
// known) and what it is.
struct Positioned {
  dom::NodeId node = 0;
  const style::ComputedStyle* style = nullptr;
  int tag = 0;
  float static_x = 0, static_y = 0;
};

// A float's margin box, in the coordinates of the items.
struct FloatBox {
  bool left = true;
  float x0 = 0, x1 = 0, top = 0, bottom = 0;
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
  // One block-level child's box: a table, a picture or a block box (whose
  // content is a block, flex or grid formatting context).
  Extent child_box(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y,
                   float avail, std::vector<Item>& out, style::TextAlign parent_align,
                   int list_number);
  Extent contents(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y,
                  float width, std::vector<Item>& out);
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

  // elements.cpp: `q`'s marks (open, close) by its language and depth;
  // whether a closed `details` hides its child; a summary's triangle
  // (null for any other element); a checkbox as an atomic inline.
  std::pair<std::string, std::string> quote_marks(dom::NodeId q);
  bool details_hides(dom::NodeId parent, dom::NodeId child) const;
  const char* summary_marker(dom::NodeId summary) const;
  std::shared_ptr<const Atomic> checkbox(dom::NodeId id, int tag);

  // math.cpp: a formula (math/find.h's element) as pieces, atomic inlines
  // a line may break between; one that does not parse as its source in red.
  void math_inline(dom::NodeId id, const style::ComputedStyle& s, int tag, std::vector<Piece>& out);

  // items.cpp: flex and grid items, measured (min- and max-content widths,
  // the height at a width) and placed at a given border-box size.
  struct Measuring;
  std::vector<BoxItem> box_items(dom::NodeId parent, const style::ComputedStyle& ps, int tag,
                                 float x, float y);
  bool is_picture(const BoxItem& it) const;
  // The max- (or min-) content border-box width, at most `avail`.
  float item_width(const BoxItem& it, float avail, bool min);
  // Lays `it` out with its top-left border edge at (x, y), its border box
  // `width` x `height` when given (else as its style says, in `avail`);
  // margins are the caller's. item_measure does it into scratch items.
  Extent item_place(const BoxItem& it, float x, float y, std::optional<float> width,
                    std::optional<float> height, float avail, std::vector<Item>& out);
  Extent item_measure(const BoxItem& it, std::optional<float> width, std::optional<float> height,
                      float avail);
  // How wide a flex or grid container's content wants to be (max-content,
  // at most `width`): the width of an inline-flex or inline-grid box.
  float content_width(dom::NodeId id, const style::ComputedStyle& s, int tag, float width);
  using MeasureKey = std::tuple<dom::NodeId, int, int, float, float, float, float>;
  MeasureKey measure_key(const BoxItem& it, int mode, std::optional<float> width,
                         std::optional<float> height, float avail) const;

  // flex.cpp, grid.cpp: the content of a flex or grid container whose
  // content box is at (x, y), `width` wide.
  Extent flex(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y, float width,
              std::vector<Item>& out);
  Extent grid(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y, float width,
              std::vector<Item>& out);

  // position.cpp: absolutely positioned boxes wait in the frame of their
  // containing block (the nearest positioned ancestor, or the root) and
  // are laid out when its size is known; their items are drawn after the
  // flow's (positioned_), as CSS paints positioned boxes last.
  void absolute_defer(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y);
  void absolute_flush(float x, float y, float width, float height);
  // A relative box's items from `begin` (and the positioned boxes inside
  // it, positioned_ from `chunks`) moved by its offsets (dx, dy), and put
  // with the positioned boxes.
  void relative_shift(dom::NodeId id, const style::ComputedStyle& s, float avail, size_t begin,
                      size_t chunks, std::vector<Item>& out, float& dx, float& dy);

  // float.cpp: floats of the current block formatting context; the
  // lines beside them are shortened (inline_block asks float_spaces), and
  // `clear` moves a box below them. A flex or grid item, an absolutely
  // positioned box and the root start a formatting context of their own
  // (FloatScope) whose height includes its floats.
  struct FloatScope;
  void float_place(dom::NodeId id, const style::ComputedStyle& s, int tag, float x, float y,
                   float width, std::vector<Item>& out);
  std::vector<LineSpace> float_spaces(float x, float y, float width, float line_height) const;
  float float_clear(style::Clear clear, float y) const;

  // steps.cpp: the tag of `id`'s content (`s` its style), given its parent's.
  int tag_for(dom::NodeId id, const style::ComputedStyle& s, int parent_tag);
  // A tag that adds `effects` to `tag`'s (itself when there are none).
  int tag_with(int tag, const std::vector<Effect>& effects);

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
  int measuring_ = 0;         // > 0 while a box is measured into scratch items
  bool min_content_ = false;  // inline content takes every break (a min-content measure)
  int depth_ = 0;             // nesting of children(): 0 outside the root's
  int contexts_ = 0;          // nesting of flex and grid containers
  std::vector<std::vector<Positioned>> abs_frames_;
  // Absolutely positioned boxes' items, by box; drawn in document order.
  std::vector<std::pair<dom::NodeId, std::vector<Item>>> positioned_;
  std::vector<FloatBox> floats_;
  std::map<MeasureKey, Extent> measures_;   // items.cpp's cache, for this pass
  std::vector<Positioned> pending_floats_;  // floats met inside a paragraph, placed at its top
  bool new_bfc_ = false;  // the next box() is a flex or grid item: its floats are its own
};

// A new block formatting context: the floats outside it are set aside
// while it is laid out; bottom() is how far its own floats reach.
struct Engine::FloatScope {
  Engine& e;
  std::vector<FloatBox> outer;
  explicit FloatScope(Engine& engine) : e(engine), outer(std::move(engine.floats_)) {
    e.floats_.clear();
  }
  ~FloatScope() { e.floats_ = std::move(outer); }
  FloatScope(const FloatScope&) = delete;
  FloatScope& operator=(const FloatScope&) = delete;
  float bottom(float y) const {
    for (const FloatBox& f : e.floats_) y = std::max(y, f.bottom);
    return y;
  }
};

// Where free space goes along an axis (flex's justify-content and
// align-content, grid's justify-content): the offset of the first of `n`
// boxes and the space between them; a negative `free` (overflow) makes the
// space-* alignments fall back to start or center.
void distribute(style::Align a, float free, size_t n, float& start, float& between);

// Moves items by (dx, dy), the ends of lines too.
void translate(std::vector<Item>& items, size_t begin, float dx, float dy);

}  // namespace deckpdf::layout
