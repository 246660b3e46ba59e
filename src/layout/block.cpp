// layout/block — the block formatting context: block boxes stacked with
// collapsing margins, their backgrounds and borders, widths (explicit,
// max-width, auto margins, shrink-to-fit for inline-block), and list items
// with their markers.
#include <algorithm>
#include <cstdlib>

#include "layout/engine.h"

namespace deckpdf::layout {

using style::ComputedStyle;
using style::Display;

namespace {

bool is_list(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element && (n.tag == "ul" || n.tag == "ol");
}

std::string roman(int n, bool upper) {
  static const std::pair<int, const char*> table[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (auto [v, s] : table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

const ComputedStyle* Engine::keep(ComputedStyle s) {
  styles_.push_back(std::move(s));
  return &styles_.back();
}

const ComputedStyle* Engine::style_of(dom::NodeId id, const ComputedStyle& parent) {
  auto key = std::make_pair(id, &parent);
  auto it = style_cache_.find(key);
  if (it != style_cache_.end()) return it->second;
  const ComputedStyle* s = keep(ctx_.styles.compute(id, parent));
  style_cache_.emplace(key, s);
  return s;
}

text::FontId Engine::font_for(const ComputedStyle& s) const {
  return ctx_.shaper.match(s.font_family, s.font_weight, s.italic);
}

bool Engine::is_block_level(dom::NodeId id, const ComputedStyle& s) {
  if (s.display != Display::Inline) return true;
  // A picture is inline, as in HTML, except a .r-stretch one: reveal.js
  // gives it the height the rest of the slide leaves, as to a block.
  const std::string& tag = ctx_.doc[id].tag;
  if (tag == "img") return ctx_.doc[id].has_class("r-stretch");
  // Inline SVG and object/embed sit on lines of their own.
  if (tag == "svg" || tag == "object" || tag == "embed") return true;
  // An inline element that holds block-level content is treated as a block.
  for (dom::NodeId c : ctx_.doc[id].children) {
    const dom::Node& n = ctx_.doc[c];
    if (n.kind != dom::NodeKind::Element) continue;
    const ComputedStyle* cs = style_of(c, s);
    if (cs->display == Display::None) continue;
    if (is_block_level(c, *cs)) return true;
  }
  return false;
}

// Block-level children stack vertically, and the vertical margins of
// adjacent siblings collapse; runs of inline children between them become
// anonymous blocks (inline.cpp). What kind of box a child makes is
// decided here.
Extent Engine::children(dom::NodeId parent, const ComputedStyle& ps, int tag, float x, float y,
                        float width, std::vector<Item>& out) {
  Extent r;
  float cursor = y;
  float prev_margin = 0;
  bool first = true;
  std::vector<Piece> inlines;
  int list_number = 1;
  if (const std::string* start = ctx_.doc[parent].attr("start")) {
    list_number = std::atoi(start->c_str());
  }

  auto flush_inlines = [&] {
    if (inlines.empty()) return;
    Extent ir = inline_block(inlines, ps, x, cursor + (first ? 0 : prev_margin), width, out);
    inlines.clear();
    if (ir.height <= 0) return;
    cursor += (first ? 0 : prev_margin) + ir.height;
    prev_margin = 0;
    first = false;
    r.used_width = std::max(r.used_width, ir.used_width);
  };

  for (dom::NodeId c : ctx_.doc[parent].children) {
    if (over_budget_ || out.size() >= max_slide_items) {
      over_budget_ = true;
      break;
    }
    const dom::Node& n = ctx_.doc[c];
    if (n.kind == dom::NodeKind::Text) {
      collect_text(n.text, &ps, tag, n.span, inlines);
      continue;
    }
    if (n.kind != dom::NodeKind::Element) continue;
    const ComputedStyle* cs = style_of(c, ps);
    if (cs->display == Display::None) continue;
    int ctag = tag_for(c, tag);
    if (!is_block_level(c, *cs)) {
      collect_inline(c, *cs, ctag, width, inlines);
      continue;
    }
    flush_inlines();
    if (n.has_class("r-fit-text")) cs = fit_text(c, *cs, width);
    if (n.tag == "pre" && ctx_.styles.theme().code_shrink) cs = fit_code(c, *cs, width);
    // Collapse this box's top margin with the previous sibling's bottom.
    float gap = first ? cs->margin.top : std::max(prev_margin, cs->margin.top);
    cursor += gap;
    Extent br;
    if (n.tag == "table") {
      br = table(c, *cs, ctag, x, cursor, width, out);
    } else if (n.tag == "img" || n.tag == "svg" || n.tag == "object" || n.tag == "embed") {
      br = picture(c, *cs, ctag, x, cursor, width, out, ps.text_align);
    } else {
      bool item = is_list(ctx_.doc[parent]) && cs->display == Display::ListItem;
      br = box(c, *cs, ctag, x, cursor, width, out, ps.text_align, item ? list_number++ : 0);
    }
    cursor += br.height;
    prev_margin = cs->margin.bottom;
    first = false;
    r.used_width = std::max(r.used_width, br.used_width);
  }
  flush_inlines();
  if (!first) cursor += prev_margin;
  r.height = cursor - y;
  return r;
}

// One block-level box at (x, y) (its top border edge) in a containing
// block `avail` wide. Returns its border-box height.
Extent Engine::box(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y, float avail,
                   std::vector<Item>& out, style::TextAlign parent_align, int list_number) {
  float outer = avail - s.margin.left - s.margin.right;
  float content_w = outer - s.padding.left - s.padding.right - 2 * s.border_width;
  bool explicit_width = false;
  if (s.width_pct) {
    content_w = avail * *s.width_pct / 100 - s.padding.left - s.padding.right;
    explicit_width = true;
  } else if (s.width) {
    content_w = *s.width;
    explicit_width = true;
  }
  float max_w = s.max_width_pct ? avail * *s.max_width_pct / 100 : s.max_width.value_or(1e9f);
  content_w = std::max(1.0f, std::min(content_w, max_w));
  float inset = s.padding.left + s.border_width;
  float box_x = x + s.margin.left;
  float content_x = box_x + inset;
  float content_y = y + s.padding.top + s.border_width;

  if (list_number > 0 && s.display == Display::ListItem && s.list_style != style::ListStyle::None) {
    marker_.pending = true;
    marker_.x = content_x;
    marker_.style = &s;
    marker_.font = font_for(s);
    marker_.kind = s.list_style;
    marker_.number = list_number;
    marker_.tag = tag;
    marker_.span = ctx_.doc[id].span;
  }

  // The content goes straight into `out` (moved right by `shift` below),
  // the background and border in front of it once its height is known.
  size_t inner_begin = out.size();
  Extent cr = children(id, s, tag, content_x, content_y, content_w, out);
  if (marker_.pending && marker_.style == &s) marker_.pending = false;  // nothing to hang it on

  float used_content = content_w;
  float shift = 0;
  bool shrink = s.display == Display::InlineBlock && !explicit_width;
  if (shrink) {
    used_content = std::min(content_w, cr.used_width);
    float free = content_w - used_content;
    if (parent_align == style::TextAlign::Center)
      shift = free / 2;
    else if (parent_align == style::TextAlign::Right)
      shift = free;
  } else if (s.margin.auto_left || s.margin.auto_right || explicit_width) {
    float free = outer - (content_w + s.padding.left + s.padding.right + 2 * s.border_width);
    if (s.margin.auto_left && s.margin.auto_right)
      shift = free / 2;
    else if (s.margin.auto_left)
      shift = free;
    shift = std::max(0.0f, shift);
  }
  float height = cr.height + s.padding.top + s.padding.bottom + 2 * s.border_width;
  if (s.height) height = std::max(height, *s.height + s.padding.top + s.padding.bottom);
  float box_w = used_content + s.padding.left + s.padding.right + 2 * s.border_width;

  for (size_t k = inner_begin; k < out.size(); ++k) {
    Item& it = out[k];
    it.x += shift;
    if (auto* line = std::get_if<LineItem>(&it.v)) line->x2 += shift;
  }
  std::vector<Item> under;  // drawn before the content
  if (s.background && s.background->a > 0) {
    Item bg;
    bg.x = box_x + shift;
    bg.y = y;
    bg.v = RectItem{box_w, height, *s.background, 0, {}};
    bg.tag = tag;
    bg.span = ctx_.doc[id].span;
    under.push_back(bg);
  }
  if (s.border_width > 0) {
    Item b;
    b.x = box_x + shift + s.border_width / 2;
    b.y = y + s.border_width / 2;
    b.v = RectItem{box_w - s.border_width,
                   height - s.border_width,
                   {0, 0, 0, 0},
                   s.border_width,
                   s.border_color};
    b.tag = tag;
    b.span = ctx_.doc[id].span;
    under.push_back(b);
  }
  if (!under.empty()) {
    out.insert(out.begin() + static_cast<long>(inner_begin), std::make_move_iterator(under.begin()),
               std::make_move_iterator(under.end()));
  }
  if (s.border_bottom_width > 0) {
    Item b;
    b.x = box_x + shift;
    b.y = y + height - s.border_bottom_width / 2;
    b.v = LineItem{box_x + shift + box_w, b.y, s.border_bottom_width, s.border_bottom_color};
    b.tag = tag;
    b.span = ctx_.doc[id].span;
    out.push_back(b);
  }
  Extent r;
  r.height = height;
  // How far the content reaches from the containing block's left edge:
  // what a shrink-to-fit ancestor needs, not the full box width.
  r.used_width = shift + s.margin.left + inset +
                 (shrink || explicit_width ? used_content : std::min(content_w, cr.used_width)) +
                 s.padding.right + s.border_width;
  return r;
}

// The pending marker, on the baseline of its list item's first line.
Item Engine::marker_item(float baseline) {
  marker_.pending = false;
  const ComputedStyle& s = *marker_.style;
  float em = s.font_size;
  Item it;
  it.tag = marker_.tag;
  it.span = marker_.span;
  using LS = style::ListStyle;
  if (marker_.kind == LS::Disc || marker_.kind == LS::Circle || marker_.kind == LS::Square) {
    float size = em * 0.3f;
    it.x = marker_.x - em * 0.55f;
    it.y = baseline - em * 0.3f;
    it.v = MarkerItem{marker_.kind == LS::Disc     ? MarkerItem::Shape::Disc
                      : marker_.kind == LS::Circle ? MarkerItem::Shape::Circle
                                                   : MarkerItem::Shape::Square,
                      size, s.color};
    return it;
  }
  std::string label;
  int n = marker_.number;
  switch (marker_.kind) {
    case LS::LowerAlpha: label = std::string(1, static_cast<char>('a' + (n - 1) % 26)); break;
    case LS::UpperAlpha: label = std::string(1, static_cast<char>('A' + (n - 1) % 26)); break;
    case LS::LowerRoman: label = roman(n, false); break;
    case LS::UpperRoman: label = roman(n, true); break;
    default: label = std::to_string(n);
  }
  label += ". ";
  auto run = ctx_.shaper.shape(marker_.font, s.font_size, label);
  it.x = marker_.x - run->width;
  it.y = baseline;
  it.v = TextItem{run, s.color};
  return it;
}

}  // namespace deckpdf::layout
