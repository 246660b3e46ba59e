// layout/block — the block formatting context: block boxes stacked with
// collapsing margins, their backgrounds and borders, widths (explicit,
// max-width, auto margins, shrink-to-fit for inline-block), and list items
// with their markers.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <utility>

#include "layout/engine.h"
#include "layout/paint.h"

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
  ComputedStyle computed = ctx_.styles.compute(id, parent);
  // A line-highlight step's copy of a code block is drawn as its block's
  // look at that step (table.cpp), never laid out itself.
  if (slide_ && slide_->code_step_copies.count(id)) computed.display = Display::None;
  const ComputedStyle* s = keep(std::move(computed));
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
  if (tag == "img") return ctx_.doc[id].has_class("r-stretch") || ctx_.doc[id].has_class("stretch");
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
  // The root's children: the root is the containing block of absolutely
  // positioned boxes that have no positioned ancestor.
  if (depth_ == 0 && measuring_ == 0) {
    ++depth_;
    abs_frames_.emplace_back();
    FloatScope floats(*this);
    Extent r = children(parent, ps, tag, x, y, width, out);
    r.height = floats.bottom(y + r.height) - y;
    absolute_flush(x, y, width, r.height);
    std::stable_sort(positioned_.begin(), positioned_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [node, items] : positioned_) {
      for (Item& it : items) out.push_back(std::move(it));
    }
    positioned_.clear();
    --depth_;
    return r;
  }
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

  if (const char* marker = summary_marker(parent)) {
    collect_text(marker, &ps, tag, ctx_.doc[parent].span, inlines);
  }
  for (dom::NodeId c : ctx_.doc[parent].children) {
    if (over_budget_ || out.size() >= max_slide_items) {
      over_budget_ = true;
      break;
    }
    const dom::Node& n = ctx_.doc[c];
    if (details_hides(parent, c)) continue;
    if (n.kind == dom::NodeKind::Text) {
      collect_text(n.text, &ps, tag, n.span, inlines);
      continue;
    }
    if (n.kind != dom::NodeKind::Element) continue;
    const ComputedStyle* cs = style_of(c, ps);
    if (cs->display == Display::None) continue;
    int ctag = tag_for(c, *cs, tag);
    if (cs->place.position == style::Position::Absolute) {
      flush_inlines();
      absolute_defer(c, *cs, ctag, x, cursor + (first ? 0 : prev_margin));
      continue;
    }
    if (cs->place.floating != style::Float::None) {
      flush_inlines();
      float_place(c, *cs, ctag, x, cursor + (first ? 0 : prev_margin), width, out);
      continue;
    }
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
    if (cs->place.clear != style::Clear::None) cursor = float_clear(cs->place.clear, cursor);
    bool item = is_list(ctx_.doc[parent]) && cs->display == Display::ListItem;
    Extent br =
        child_box(c, *cs, ctag, x, cursor, width, out, ps.text_align, item ? list_number++ : 0);
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

Extent Engine::child_box(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y,
                         float avail, std::vector<Item>& out, style::TextAlign parent_align,
                         int list_number) {
  const std::string& name = ctx_.doc[id].tag;
  if (name == "table") return table(id, s, tag, x, y, avail, out);
  if (name == "img" || name == "svg" || name == "object" || name == "embed") {
    size_t begin = out.size(), chunks = positioned_.size();
    Extent e = picture(id, s, tag, x, y, avail, out, parent_align);
    float dx = 0, dy = 0;
    relative_shift(id, s, avail, begin, chunks, out, dx, dy);
    return e;
  }
  return box(id, s, tag, x, y, avail, out, parent_align, list_number);
}

// What formatting context a block box's content makes. Flex and grid
// containers measure their items, each level of them its insides again:
// past `max_nesting` of them (which no slide has) the inner ones are
// blocks, so that a hostile deck's nesting costs time in proportion.
Extent Engine::contents(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y,
                        float width, std::vector<Item>& out) {
  constexpr int max_nesting = 16;
  bool flex_box = s.display == Display::Flex || s.display == Display::InlineFlex;
  bool grid_box = s.display == Display::Grid || s.display == Display::InlineGrid;
  if ((flex_box || grid_box) && contexts_ < max_nesting) {
    ++contexts_;
    // inline-flex and inline-grid shrink to fit: laid out as wide as
    // their content needs, so that justification happens in that width.
    bool shrink = (s.display == Display::InlineFlex || s.display == Display::InlineGrid) &&
                  !s.width && !s.width_pct;
    if (shrink) width = std::min(width, content_width(id, s, tag, width));
    Extent r = flex_box ? flex(id, s, tag, x, y, width, out) : grid(id, s, tag, x, y, width, out);
    --contexts_;
    return r;
  }
  return children(id, s, tag, x, y, width, out);
}

// One block-level box at (x, y) (its top border edge) in a containing
// block `avail` wide. Returns its border-box height.
Extent Engine::box(dom::NodeId id, const ComputedStyle& given, int tag, float x, float y,
                   float avail, std::vector<Item>& out, style::TextAlign parent_align,
                   int list_number) {
  // reveal.js's .r-stretch on a slide's own child that is not a picture:
  // as tall as the rest of the slide leaves (slide.cpp measures that), its
  // content laid out in that height (a flex box's items grow into it).
  bool stretchy = stretch_out_ && slide_ && ctx_.doc[id].parent == slide_->section &&
                  (ctx_.doc[id].has_class("r-stretch") || ctx_.doc[id].has_class("stretch"));
  const ComputedStyle* stretched = &given;
  if (stretchy && stretch_in_) {
    if (auto it = stretch_in_->find(id); it != stretch_in_->end()) {
      ComputedStyle st = given;
      st.height = std::max(
          0.0f, it->second - given.padding.top - given.padding.bottom - 2 * given.border_width);
      stretched = keep(std::move(st));
    }
  }
  const ComputedStyle& s = *stretched;
  float outer = avail - s.margin.left - s.margin.right;
  float content_w = outer - s.padding.left - s.padding.right - 2 * s.border_width;
  bool explicit_width = false;
  // A percentage of a width being measured (a min-content measure) is
  // cyclic: CSS takes it as auto there.
  if (s.width_pct && !min_content_) {
    content_w = avail * *s.width_pct / 100 + s.width_pct_px - s.padding.left - s.padding.right;
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
  size_t chunks = positioned_.size();  // positioned boxes inside move with this one
  // A positioned box is the containing block of absolutely positioned
  // boxes inside it.
  bool positioned = s.place.position != style::Position::Static && measuring_ == 0;
  if (positioned) abs_frames_.emplace_back();
  // A box that lays out its content on its own (a flex or grid item, an
  // inline-block, a flex or grid container) holds its floats.
  bool bfc = std::exchange(new_bfc_, false) || s.display == Display::InlineBlock ||
             s.display == Display::Flex || s.display == Display::InlineFlex ||
             s.display == Display::Grid || s.display == Display::InlineGrid;
  std::optional<FloatScope> floats;
  if (bfc) floats.emplace(*this);
  Extent cr = contents(id, s, tag, content_x, content_y, content_w, out);
  if (floats) cr.height = floats->bottom(content_y + cr.height) - content_y;
  floats.reset();
  if (marker_.pending && marker_.style == &s) marker_.pending = false;  // nothing to hang it on

  float used_content = content_w;
  float shift = 0;
  bool shrink = (s.display == Display::InlineBlock || s.display == Display::InlineFlex ||
                 s.display == Display::InlineGrid) &&
                !explicit_width;
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
  if (stretchy && measuring_ == 0 && stretch_out_->empty()) (*stretch_out_)[id] = height;
  float box_w = used_content + s.padding.left + s.padding.right + 2 * s.border_width;

  translate(out, inner_begin, shift, 0);
  for (size_t k = chunks; k < positioned_.size(); ++k)
    translate(positioned_[k].second, 0, shift, 0);
  std::vector<Item> under;  // drawn before the content
  box_paint(s, box_x + shift, y, box_w, height, tag, ctx_.doc[id].span, under);
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
  float dx = 0, dy = 0;
  relative_shift(id, s, avail, inner_begin, chunks, out, dx, dy);
  if (positioned) {
    absolute_flush(box_x + shift + dx + s.border_width, y + dy + s.border_width,
                   box_w - 2 * s.border_width, height - 2 * s.border_width);
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
  if (ctx_.tagged) {  // the number is the item's label (roles.h)
    Tag t = tags_.list[static_cast<size_t>(it.tag)];
    t.label = true;
    tags_.list.push_back(std::move(t));
    it.tag = static_cast<int>(tags_.list.size() - 1);
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
