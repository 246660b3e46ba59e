// layout/position — positioned boxes: `position: relative` moves a box and
// everything in it by its offsets once it is laid out; `position:
// absolute` (and `fixed`) takes a box out of the flow and places it by its
// offsets in its containing block, the padding box of the nearest
// positioned ancestor or the root's content box (a reveal.js slide's
// section, which is how decks place callouts). Absolute boxes are drawn
// after the flow, as CSS paints positioned boxes over in-flow content;
// z-index is not read: positioned boxes, relative ones too, are drawn after
// the flow in document order (node ids are in document order), as CSS
// paints positioned boxes without a z-index.
#include <cmath>

#include "layout/engine.h"

namespace deckpdf::layout {

using style::ComputedStyle;

void translate(std::vector<Item>& items, size_t begin, float dx, float dy) {
  if (dx == 0 && dy == 0) return;
  for (size_t k = begin; k < items.size(); ++k) {
    Item& it = items[k];
    it.x += dx;
    it.y += dy;
    if (auto* line = std::get_if<LineItem>(&it.v)) {
      line->x2 += dx;
      line->y2 += dy;
    }
  }
}

void Engine::relative_shift(dom::NodeId id, const ComputedStyle& s, float avail, size_t begin,
                            size_t chunks, std::vector<Item>& out, float& dx, float& dy) {
  if (s.place.position != style::Position::Relative) return;
  const style::BoxPlacement& p = s.place;
  // A percentage of the containing block's height: that height is not
  // known while the flow is laid out, so top/bottom in % count as 0.
  dx = p.left ? p.left->resolve(avail) : p.right ? -p.right->resolve(avail) : 0;
  dy = p.top ? p.top->resolve(0) : p.bottom ? -p.bottom->resolve(0) : 0;
  translate(out, begin, dx, dy);
  for (size_t k = chunks; k < positioned_.size(); ++k) translate(positioned_[k].second, 0, dx, dy);
  // Painted with the positioned boxes, in document order (not while a box
  // is measured: its items are scratch).
  if (measuring_ > 0 || abs_frames_.empty()) return;
  std::vector<Item> mine(std::make_move_iterator(out.begin() + static_cast<long>(begin)),
                         std::make_move_iterator(out.end()));
  out.resize(begin);
  positioned_.emplace_back(id, std::move(mine));
}

void Engine::absolute_defer(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y) {
  if (measuring_ > 0 || abs_frames_.empty()) return;
  // Bounded like the rest of a slide: a frame holds the boxes of one
  // containing block, which are elements of the deck.
  abs_frames_.back().push_back({id, &s, tag, x, y});
}

void Engine::absolute_flush(float x, float y, float width, float height) {
  if (abs_frames_.empty()) return;
  std::vector<Positioned> frame = std::move(abs_frames_.back());
  abs_frames_.pop_back();
  for (const Positioned& p : frame) {
    const ComputedStyle& s = *p.style;
    const style::BoxPlacement& pl = s.place;
    BoxItem it{p.node, &s, p.tag, {}, 0};
    float ml = s.margin.left, mr = s.margin.right, mt = s.margin.top, mb = s.margin.bottom;
    float left = pl.left ? pl.left->resolve(width) : 0;
    float right = pl.right ? pl.right->resolve(width) : 0;
    float top = pl.top ? pl.top->resolve(height) : 0;
    float bottom = pl.bottom ? pl.bottom->resolve(height) : 0;
    // The border-box width: given, between both offsets, or shrunk to fit
    // what is left of the containing block.
    std::optional<float> w;
    float room = std::max(1.0f, width - left - right - ml - mr);
    bool given = s.width || s.width_pct;
    if (!given && !is_picture(it)) {
      if (pl.left && pl.right)
        w = room;
      else
        w = std::min(room, item_width(it, room, false));
    }
    float sx = std::isnan(p.static_x) ? x : p.static_x;
    float sy = std::isnan(p.static_y) ? y : p.static_y;
    // A box whose place does not hang on its size (its width known, placed
    // from the left and top, as the highlight plugin's stacked code steps
    // are) is laid out once, not measured first.
    if ((given || w) && (pl.left || !pl.right) && (pl.top || !pl.bottom)) {
      std::vector<Item> items;
      item_place(it, pl.left ? x + left + ml : sx + ml, pl.top ? y + top + mt : sy + mt, w,
                 std::nullopt, room, items);
      positioned_.emplace_back(p.node, std::move(items));
      continue;
    }
    Extent e = item_measure(it, w, std::nullopt, room);
    float bw = w ? *w : e.used_width;
    float bh = e.height;
    if (given && !is_picture(it)) w = bw;
    float bx = pl.left ? x + left + ml : pl.right ? x + width - right - mr - bw : sx + ml;
    float by = pl.top ? y + top + mt : pl.bottom ? y + height - bottom - mb - bh : sy + mt;
    std::vector<Item> items;
    item_place(it, bx, by, w, std::nullopt, room, items);
    positioned_.emplace_back(p.node, std::move(items));
  }
}

}  // namespace deckpdf::layout
