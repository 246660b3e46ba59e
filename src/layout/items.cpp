// layout/items — what flex and grid layout ask of their items: the items
// of a container (text straight inside it an anonymous item, absolutely
// positioned children deferred, `order` applied), their min- and
// max-content widths, and each laid out at the border-box size its
// container chose. Items are blockified (an inline element becomes a
// block) and their margins are the container's to place.
#include <algorithm>

#include "layout/engine.h"

namespace deckpdf::layout {

using style::ComputedStyle;
using style::Display;

// A measure into scratch items: nothing it does is kept (the pending list
// marker, a flow's bands, absolutely positioned boxes it meets).
struct Engine::Measuring {
  Engine& e;
  ListMarker marker;
  std::vector<DisplayList::Band>* bands;
  bool min;
  Measuring(Engine& engine, bool min_content)
      : e(engine), marker(engine.marker_), bands(engine.bands_), min(engine.min_content_) {
    ++e.measuring_;
    e.bands_ = nullptr;
    e.min_content_ = min_content;
  }
  ~Measuring() {
    --e.measuring_;
    e.bands_ = bands;
    e.marker_ = marker;
    e.min_content_ = min;
  }
  Measuring(const Measuring&) = delete;
  Measuring& operator=(const Measuring&) = delete;
};

namespace {

bool has_visible_text(const std::vector<Piece>& pieces) {
  for (const Piece& p : pieces) {
    for (char c : p.text) {
      if (!is_css_space(c)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<BoxItem> Engine::box_items(dom::NodeId parent, const ComputedStyle& ps, int tag,
                                       float x, float y) {
  std::vector<BoxItem> items;
  BoxItem anon;
  anon.node = parent;  // with `index`, what names it in the measure cache
  anon.style = &ps;
  anon.tag = tag;
  auto flush_text = [&] {
    if (has_visible_text(anon.text)) {
      anon.index = static_cast<int>(items.size());
      items.push_back(anon);
    }
    anon.text.clear();
  };
  for (dom::NodeId c : ctx_.doc[parent].children) {
    const dom::Node& n = ctx_.doc[c];
    if (n.kind == dom::NodeKind::Text) {
      collect_text(n.text, &ps, tag, n.span, anon.text);
      continue;
    }
    if (n.kind != dom::NodeKind::Element) continue;
    const ComputedStyle* cs = style_of(c, ps);
    if (cs->display == Display::None) continue;
    int ctag = tag_for(c, *cs, tag);
    if (cs->place.position == style::Position::Absolute) {
      absolute_defer(c, *cs, ctag, x, y);
      continue;
    }
    flush_text();
    // Blockified: an item is a block-level box whatever its display.
    Display d = cs->display;
    Display block = d == Display::InlineFlex                            ? Display::Flex
                    : d == Display::InlineGrid                          ? Display::Grid
                    : d == Display::Inline || d == Display::InlineBlock ? Display::Block
                                                                        : d;
    if (block != d) {
      ComputedStyle b = *cs;
      b.display = block;
      cs = keep(std::move(b));
    }
    items.push_back({c, cs, ctag, {}, static_cast<int>(items.size())});
  }
  flush_text();
  std::stable_sort(items.begin(), items.end(), [](const BoxItem& a, const BoxItem& b) {
    return a.style->place.order < b.style->place.order;
  });
  return items;
}

bool Engine::is_picture(const BoxItem& it) const {
  if (!it.text.empty()) return false;
  const std::string& t = ctx_.doc[it.node].tag;
  return t == "img" || t == "svg" || t == "object" || t == "embed";
}

Extent Engine::item_place(const BoxItem& it, float x, float y, std::optional<float> width,
                          std::optional<float> height, float avail, std::vector<Item>& out) {
  if (!it.text.empty()) {
    FloatScope floats(*this);
    const ComputedStyle* s = it.style;
    if (min_content_ || measuring_ > 0) {
      ComputedStyle left = *s;
      left.text_align = style::TextAlign::Left;
      s = keep(std::move(left));
    }
    Extent e = inline_block(it.text, *s, x, y, width.value_or(avail), out);
    if (width) e.used_width = *width;
    if (height) e.height = std::max(e.height, *height);
    return e;
  }
  const ComputedStyle& s = *it.style;
  ComputedStyle sized = s;
  sized.margin = {};
  float pad_h = s.padding.left + s.padding.right + 2 * s.border_width;
  float pad_v = s.padding.top + s.padding.bottom;
  if (width) {
    sized.width = std::max(0.0f, *width - (is_picture(it) ? 0 : pad_h));
    sized.width_pct.reset();
    sized.width_pct_px = 0;
    sized.max_width.reset();
    sized.max_width_pct.reset();
  }
  // box() counts a height from the padding box out (see block.cpp).
  if (height && !is_picture(it)) sized.height = std::max(0.0f, *height - pad_v);
  new_bfc_ = true;  // taken by box(); a table or picture has no floats
  Extent e = child_box(it.node, *keep(std::move(sized)), it.tag, x, y, width.value_or(avail), out,
                       style::TextAlign::Left, 0);
  new_bfc_ = false;
  return e;
}

// A measure's key: the item, what is asked, at which sizes. Within one
// layout pass an element has one style, but the copy that a container
// lays it out with is new each time, so the style's address is no key;
// its font size is part of it for .r-fit-text, which lays a subtree out at
// several sizes.
Engine::MeasureKey Engine::measure_key(const BoxItem& it, int mode, std::optional<float> width,
                                       std::optional<float> height, float avail) const {
  return {it.node,
          it.text.empty() ? -1 : it.index,
          mode,
          width.value_or(-1),
          height.value_or(-1),
          avail,
          it.style->font_size};
}

// Measures are cached for the pass: a flex or grid container measures its
// items several times (min- and max-content, the height at a width), and
// nested containers would otherwise measure their insides exponentially
// often.
Extent Engine::item_measure(const BoxItem& it, std::optional<float> width,
                            std::optional<float> height, float avail) {
  MeasureKey key = measure_key(it, 2, width, height, avail);
  if (auto hit = measures_.find(key); hit != measures_.end()) return hit->second;
  Measuring m(*this, false);
  std::vector<Item> scratch;
  Extent e = item_place(it, 0, 0, width, height, avail, scratch);
  measures_.emplace(key, e);
  return e;
}

float Engine::item_width(const BoxItem& it, float avail, bool min) {
  MeasureKey key = measure_key(it, min ? 1 : 0, std::nullopt, std::nullopt, avail);
  if (auto hit = measures_.find(key); hit != measures_.end()) return hit->second.used_width;
  Measuring m(*this, min);
  std::vector<Item> scratch;
  // Measured left-aligned: centred lines would reach to the middle of
  // `avail` (the table's measure does the same).
  BoxItem left = it;
  if (it.text.empty()) {
    ComputedStyle l = *it.style;
    l.text_align = style::TextAlign::Left;
    left.style = keep(std::move(l));
  }
  float w = std::min(avail,
                     item_place(left, 0, 0, std::nullopt, std::nullopt, avail, scratch).used_width);
  measures_.emplace(key, Extent{0, w});
  return w;
}

float Engine::content_width(dom::NodeId id, const ComputedStyle& s, int tag, float width) {
  Measuring m(*this, false);
  std::vector<Item> scratch;
  bool flex_box = s.display == Display::Flex || s.display == Display::InlineFlex;
  return (flex_box ? flex(id, s, tag, 0, 0, width, scratch)
                   : grid(id, s, tag, 0, 0, width, scratch))
      .used_width;
}

}  // namespace deckpdf::layout
