// layout/float — `float: left/right` and `clear`. A float is placed at the
// top of where it occurs (a float inside a paragraph at the paragraph's
// top), as far left or right as the floats already there allow, and below
// them when it does not fit beside them; the line boxes beside it are
// shortened (inline_break gets a LineSpace per line, estimated at the
// paragraph's line height), while block boxes keep their width and run
// under it, as in CSS. A box with `clear` starts below the floats it
// clears. Floats belong to their block formatting context (FloatScope):
// the root, flex and grid items and positioned boxes each have one and
// grow to contain their floats.
#include <algorithm>

#include "layout/engine.h"

namespace deckpdf::layout {

using style::ComputedStyle;

namespace {

// The room between the floats that overlap [top, bottom) in a block from
// x to x + width: the left edge and the right edge.
void room_at(const std::vector<FloatBox>& floats, float x, float width, float top, float bottom,
             float& left, float& right) {
  left = x;
  right = x + width;
  for (const FloatBox& f : floats) {
    if (f.bottom <= top || f.top >= bottom) continue;
    if (f.left)
      left = std::max(left, f.x1);
    else
      right = std::min(right, f.x0);
  }
}

}  // namespace

void Engine::float_place(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y,
                         float width, std::vector<Item>& out) {
  ComputedStyle b = s;
  if (b.display == style::Display::Inline || b.display == style::Display::InlineBlock)
    b.display = style::Display::Block;
  BoxItem it{id, keep(std::move(b)), tag, {}, 0};
  const style::Edges& m = s.margin;
  float room = std::max(1.0f, width - m.left - m.right);
  std::optional<float> w;
  if (!is_picture(it) && !s.width && !s.width_pct) w = item_width(it, room, false);
  Extent e = item_measure(it, w, std::nullopt, room);
  float outer_w = e.used_width + m.left + m.right;
  float outer_h = e.height + m.top + m.bottom;
  bool left = s.place.floating == style::Float::Left;
  // A float is never above an earlier one; it goes down past the floats
  // in its way until it fits beside them (or nothing is beside it).
  float top = y;
  for (const FloatBox& f : floats_) top = std::max(top, f.top);
  float l = x, r = x + width;
  for (size_t round = 0; round <= floats_.size(); ++round) {
    room_at(floats_, x, width, top, top + outer_h, l, r);
    if (r - l >= outer_w - 0.01f) break;
    float next = 1e9f;
    for (const FloatBox& f : floats_) {
      if (f.bottom > top) next = std::min(next, f.bottom);
    }
    if (next >= 1e9f) break;
    top = next;
  }
  float fx = left ? l : r - outer_w;
  item_place(it, fx + m.left, top + m.top, w, std::nullopt, room, out);
  floats_.push_back({left, fx, fx + outer_w, top, top + outer_h});
}

std::vector<LineSpace> Engine::float_spaces(float x, float y, float width,
                                            float line_height) const {
  std::vector<LineSpace> spaces;
  float last = y;
  for (const FloatBox& f : floats_) last = std::max(last, f.bottom);
  if (last <= y || line_height <= 0) return spaces;
  // Bounded by the floats' extent: a line per line height down to them.
  size_t count = std::min<size_t>(1000, static_cast<size_t>((last - y) / line_height) + 1);
  for (size_t k = 0; k < count; ++k) {
    float top = y + static_cast<float>(k) * line_height;
    float l = 0, r = 0;
    room_at(floats_, x, width, top, top + line_height, l, r);
    spaces.push_back({l - x, std::max(0.0f, r - l)});
  }
  return spaces;
}

float Engine::float_clear(style::Clear clear, float y) const {
  if (clear == style::Clear::None) return y;
  for (const FloatBox& f : floats_) {
    bool hit = clear == style::Clear::Both || (clear == style::Clear::Left) == f.left;
    if (hit) y = std::max(y, f.bottom);
  }
  return y;
}

}  // namespace deckpdf::layout
