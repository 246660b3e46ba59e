// The box engine. A small subset of CSS 2.1 visual formatting, enough for
// what slide decks contain:
//
//   STEP 1  style: every element gets its ComputedStyle (style/).
//   STEP 2  block formatting: block-level children stack vertically;
//           vertical margins of adjacent siblings collapse; runs of inline
//           children become anonymous blocks.
//   STEP 3  inline formatting: the text of an anonymous block is collected
//           with its styles, white space processed, broken into lines at
//           UAX #14 opportunities (text/linebreak) and shaped per run
//           (text/shaper); lines are aligned by text-align.
//   STEP 4  the slide: content centred vertically (reveal.js `center`), and
//           shrunk when it is taller than the slide.
//
// Deviations from CSS, on purpose: a parent's and its first child's margins
// never collapse (reveal.js slides are absolutely positioned, which stops
// that anyway); `inline-block` boxes (reveal's lists) are laid out as
// shrink-to-fit blocks on their own line; `pre` wraps lines that are wider
// than the slide rather than letting them run off it; markers are drawn
// only for `li` inside `ul`/`ol` (reveal.js shows none for a bare `li`).
#include "layout/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>

#include "layout/image.h"
#include "layout/layers.h"
#include "text/bidi.h"
#include "text/linebreak.h"
#include "text/utf8.h"

namespace deckpdf::layout {

namespace {

using style::ComputedStyle;
using style::Display;

// A stretch of inline content with one style.
struct Piece {
  std::string text;
  const ComputedStyle* style = nullptr;
  text::FontId font = 0;
  int step = 0;
  Span span;
  bool line_break = false;  // <br>
};

struct Marker {
  bool pending = false;
  float x = 0;  // content-left edge of the list item
  const ComputedStyle* style = nullptr;
  text::FontId font = 0;
  style::ListStyle kind = style::ListStyle::Disc;
  int number = 1;
  int step = 0;
  Span span;
};

struct Result {
  float height = 0;      // border-box height
  float used_width = 0;  // widest line, from the box's content-left edge
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
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

// What a slide's fragments and links make of a stretch of content (see
// Engine::step_for).
struct Tag {
  int step = 0, until = never;
  std::vector<Effect> effects;
  std::vector<int> boxes;  // per effect: which scale box gives its centre, or -1
  std::string href;
};

// The tags of a laid-out slide become what the DisplayList says: each
// item's step, until and effect set, the centres of .grow/.shrink, and a
// LinkItem over each stretch of text inside an `a(href)`.
void tags_resolve(Context& ctx, const std::vector<Tag>& tags, int scale_boxes,
                  std::vector<Item>& items, DisplayList& list) {
  struct Box {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    void add(float ax, float ay, float bx, float by) {
      x0 = std::min(x0, std::min(ax, bx));
      y0 = std::min(y0, std::min(ay, by));
      x1 = std::max(x1, std::max(ax, bx));
      y1 = std::max(y1, std::max(ay, by));
    }
  };
  auto text_box = [&](const Item& it, const TextItem& t, Box& b) {
    b.add(it.x, it.y - ctx.shaper.ascent(t.run->font, t.run->size), it.x + t.run->width,
          it.y + ctx.shaper.descent(t.run->font, t.run->size));
  };
  std::vector<Box> boxes(static_cast<size_t>(scale_boxes));
  if (scale_boxes > 0) {
    for (const Item& it : items) {
      const Tag& tag = tags[static_cast<size_t>(it.step)];
      for (int bi : tag.boxes) {
        if (bi < 0) continue;
        Box& b = boxes[static_cast<size_t>(bi)];
        if (auto* t = std::get_if<TextItem>(&it.v))
          text_box(it, *t, b);
        else if (auto* r = std::get_if<RectItem>(&it.v))
          b.add(it.x, it.y, it.x + r->width, it.y + r->height);
        else if (auto* l = std::get_if<LineItem>(&it.v))
          b.add(it.x, it.y, l->x2, l->y2);
        else if (auto* m = std::get_if<MarkerItem>(&it.v)) {
          b.add(it.x - m->size / 2, it.y - m->size / 2, it.x + m->size / 2, it.y + m->size / 2);
        }
      }
    }
  }
  std::vector<int> set_of(tags.size(), 0);
  for (size_t t = 0; t < tags.size(); ++t) {
    if (tags[t].effects.empty()) continue;
    std::vector<Effect> fx = tags[t].effects;
    for (size_t e = 0; e < fx.size(); ++e) {
      if (tags[t].boxes[e] < 0) continue;
      const Box& b = boxes[static_cast<size_t>(tags[t].boxes[e])];
      if (b.x1 >= b.x0) {
        fx[e].cx = (b.x0 + b.x1) / 2;
        fx[e].cy = (b.y0 + b.y1) / 2;
      }
    }
    auto same = std::find(list.effects.begin(), list.effects.end(), fx);
    set_of[t] = static_cast<int>(same - list.effects.begin());
    if (same == list.effects.end()) list.effects.push_back(std::move(fx));
  }
  std::vector<Item> links;
  for (Item& it : items) {
    size_t t = static_cast<size_t>(it.step);
    const Tag& tag = tags[t];
    it.step = tag.step;
    it.until = tag.until;
    it.effects = set_of[t];
    auto* text = std::get_if<TextItem>(&it.v);
    if (tag.href.empty() || !text) continue;
    Box b;
    text_box(it, *text, b);
    // Runs of one link on one line make one rectangle.
    if (!links.empty()) {
      Item& prev = links.back();
      auto& pl = std::get<LinkItem>(prev.v);
      if (pl.href == tag.href && prev.step == it.step && prev.until == it.until &&
          std::fabs(prev.x + pl.width - b.x0) < 1 &&
          std::fabs(prev.y - b.y0) < 0.5f * (b.y1 - b.y0)) {
        float top = std::min(prev.y, b.y0), bottom = std::max(prev.y + pl.height, b.y1);
        pl.width = b.x1 - prev.x;
        prev.y = top;
        pl.height = bottom - top;
        continue;
      }
    }
    Item link;
    link.x = b.x0;
    link.y = b.y0;
    link.v = LinkItem{b.x1 - b.x0, b.y1 - b.y0, tag.href};
    link.step = it.step;
    link.until = it.until;
    link.effects = it.effects;
    link.span = it.span;
    links.push_back(std::move(link));
  }
  items.insert(items.end(), std::make_move_iterator(links.begin()),
               std::make_move_iterator(links.end()));
}

static_assert(never == deck::never_step);

class Engine {
 public:
  Engine(Context& ctx, const deck::Slide* slide) : ctx_(ctx), slide_(slide) {}

  const ComputedStyle* keep(ComputedStyle s) {
    styles_.push_back(std::move(s));
    return &styles_.back();
  }

  // Fragments and links. The `step` that the engine hands down the tree
  // and stores in Item::step is, during layout, an index into tags():
  // what the fragment ancestors (and an `a` ancestor) of the content make
  // of it. Tag 0 is plain content. layout_slide() turns the tags into
  // Item::step / until / effects and link items when the slide is done.
  // In a flow (no slide: notes) only links make tags.
  // Where .r-stretch pictures report their height and learn the one they
  // should take (see layout_slide).
  void stretch(const std::map<dom::NodeId, float>* in, std::map<dom::NodeId, float>* out) {
    stretch_in_ = in;
    stretch_out_ = out;
  }

  // The computed style of `id` under `parent`, computed once per layout
  // pass: deciding whether an element is block-level looks at its
  // children's styles, and laying it out looks at them again.
  const ComputedStyle* style_of(dom::NodeId id, const ComputedStyle& parent) {
    auto key = std::make_pair(id, &parent);
    auto it = style_cache_.find(key);
    if (it != style_cache_.end()) return it->second;
    const ComputedStyle* s = keep(ctx_.styles.compute(id, parent));
    style_cache_.emplace(key, s);
    return s;
  }

  int step_for(dom::NodeId id, int parent_tag) {
    const deck::Fragment* f = slide_ ? slide_->fragment_of(id) : nullptr;
    const dom::Node& n = ctx_.doc[id];
    const std::string* href = n.tag == "a" ? n.attr("href") : nullptr;
    if (!f && (!href || href->empty())) return parent_tag;
    Tag t = tags_[static_cast<size_t>(parent_tag)];
    if (f) fragment_apply(*f, t);
    if (href && !href->empty()) t.href = *href;
    tags_.push_back(std::move(t));
    return static_cast<int>(tags_.size() - 1);
  }

  // A nested fragment shows only while its ancestors do: the visibility
  // intervals intersect and the effects add up (CSS opacity multiplies;
  // the innermost colour wins, as the later override).
  void fragment_apply(const deck::Fragment& f, Tag& t) {
    using FS = deck::FragmentStyle;
    int k = f.step;
    int next = k == never ? never : k + 1;
    auto effect = [&](Effect::Kind kind, int from, int until) {
      Effect e;
      e.kind = kind;
      e.from = from;
      e.until = until;
      if (kind == Effect::Kind::Color) {
        // reveal.css: .highlight-red #ff2c2d, -green #17ff2e, -blue #1b91ff.
        e.color = f.highlight == "green"  ? Color{0x17 / 255.0f, 0xff / 255.0f, 0x2e / 255.0f, 1}
                  : f.highlight == "blue" ? Color{0x1b / 255.0f, 0x91 / 255.0f, 0xff / 255.0f, 1}
                                          : Color{0xff / 255.0f, 0x2c / 255.0f, 0x2d / 255.0f, 1};
      }
      if (kind == Effect::Kind::Scale) e.scale = f.style == FS::Grow ? 1.3f : 0.7f;
      t.effects.push_back(e);
      // The centre of a scaled fragment is its content's box, known later.
      t.boxes.push_back(kind == Effect::Kind::Scale ? scale_boxes_++ : -1);
    };
    switch (f.style) {
      case FS::Appear: t.step = std::max(t.step, k); break;
      case FS::FadeOut: t.until = std::min(t.until, k); break;
      case FS::FadeInThenOut:
        t.step = std::max(t.step, k);
        t.until = std::min(t.until, next);
        break;
      case FS::SemiFadeOut: effect(Effect::Kind::Dim, k, never); break;
      case FS::FadeInThenSemiOut:
        t.step = std::max(t.step, k);
        effect(Effect::Kind::Dim, next, never);
        break;
      case FS::Highlight: effect(Effect::Kind::Color, k, never); break;
      case FS::HighlightCurrent: effect(Effect::Kind::Color, k, next); break;
      case FS::Strike: effect(Effect::Kind::Strike, k, never); break;
      case FS::Grow:
      case FS::Shrink: effect(Effect::Kind::Scale, k, never); break;
    }
  }

  const std::vector<Tag>& tags() const { return tags_; }
  // Where line boxes and pictures are recorded (flows only), or nullptr.
  void bands_record(std::vector<DisplayList::Band>* bands) { bands_ = bands; }
  int scale_boxes() const { return scale_boxes_; }

  text::FontId font_for(const ComputedStyle& s) const {
    return ctx_.shaper.match(s.font_family, s.font_weight, s.italic);
  }

  bool is_block_level(dom::NodeId id, const ComputedStyle& s) {
    if (s.display != Display::Inline) return true;
    if (ctx_.doc[id].tag == "img") return true;  // pictures sit on lines of their own
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

  // STEP 2: the children of a block container, stacked from `y`.
  Result children(dom::NodeId parent, const ComputedStyle& ps, int step, float x, float y,
                  float width, std::vector<Item>& out) {
    Result r;
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
      Result ir = inline_block(inlines, ps, x, cursor + (first ? 0 : prev_margin), width, out);
      inlines.clear();
      if (ir.height <= 0) return;
      cursor += (first ? 0 : prev_margin) + ir.height;
      prev_margin = 0;
      first = false;
      r.used_width = std::max(r.used_width, ir.used_width);
    };

    for (dom::NodeId c : ctx_.doc[parent].children) {
      const dom::Node& n = ctx_.doc[c];
      if (n.kind == dom::NodeKind::Text) {
        collect_text(n.text, &ps, step, n.span, inlines);
        continue;
      }
      if (n.kind != dom::NodeKind::Element) continue;
      const ComputedStyle* cs = style_of(c, ps);
      if (cs->display == Display::None) continue;
      int cstep = step_for(c, step);
      if (!is_block_level(c, *cs)) {
        collect_inline(c, *cs, cstep, inlines);
        continue;
      }
      flush_inlines();
      if (n.has_class("r-fit-text")) cs = fit_text(c, *cs, width);
      if (n.tag == "pre" && ctx_.styles.theme().code_shrink) cs = fit_code(c, *cs, width);
      // Collapse this box's top margin with the previous sibling's bottom.
      float gap = first ? cs->margin.top : std::max(prev_margin, cs->margin.top);
      cursor += gap;
      if (n.tag == "table") {
        Result tr = table(c, *cs, cstep, x, cursor, width, out);
        cursor += tr.height;
        prev_margin = cs->margin.bottom;
        first = false;
        r.used_width = std::max(r.used_width, tr.used_width);
        continue;
      }
      if (n.tag == "img") {
        Result ir = image(c, *cs, cstep, x, cursor, width, out, ps.text_align);
        cursor += ir.height;
        prev_margin = cs->margin.bottom;
        first = false;
        r.used_width = std::max(r.used_width, ir.used_width);
        continue;
      }
      bool in_list = ps_is_list(parent);
      Result br = box(c, *cs, cstep, x, cursor, width, out, ps.text_align,
                      in_list && cs->display == Display::ListItem ? list_number : 0);
      if (in_list && cs->display == Display::ListItem) ++list_number;
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

  bool ps_is_list(dom::NodeId id) const {
    const dom::Node& n = ctx_.doc[id];
    return n.kind == dom::NodeKind::Element && (n.tag == "ul" || n.tag == "ol");
  }

  // One block-level box at (x, y) (its top border edge) in a containing
  // block `avail` wide. Returns its border-box height.
  Result box(dom::NodeId id, const ComputedStyle& s, int step, float x, float y, float avail,
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

    if (list_number > 0 && s.display == Display::ListItem &&
        s.list_style != style::ListStyle::None) {
      marker_.pending = true;
      marker_.x = content_x;
      marker_.style = &s;
      marker_.font = font_for(s);
      marker_.kind = s.list_style;
      marker_.number = list_number;
      marker_.step = step;
      marker_.span = ctx_.doc[id].span;
    }

    // The content goes straight into `out` (moved right by `shift` below),
    // the background and border in front of it once its height is known.
    size_t inner_begin = out.size();
    Result cr = children(id, s, step, content_x, content_y, content_w, out);
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
      bg.step = step;
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
      b.step = step;
      b.span = ctx_.doc[id].span;
      under.push_back(b);
    }
    if (!under.empty()) {
      out.insert(out.begin() + static_cast<long>(inner_begin),
                 std::make_move_iterator(under.begin()), std::make_move_iterator(under.end()));
    }
    if (s.border_bottom_width > 0) {
      Item b;
      b.x = box_x + shift;
      b.y = y + height - s.border_bottom_width / 2;
      b.v = LineItem{box_x + shift + box_w, b.y, s.border_bottom_width, s.border_bottom_color};
      b.step = step;
      b.span = ctx_.doc[id].span;
      out.push_back(b);
    }
    Result r;
    r.height = height;
    // How far the content reaches from the containing block's left edge:
    // what a shrink-to-fit ancestor needs, not the full box width.
    r.used_width = shift + s.margin.left + inset +
                   (shrink || explicit_width ? used_content : std::min(content_w, cr.used_width)) +
                   s.padding.right + s.border_width;
    return r;
  }

  // reveal.js's .r-fit-text: the font grows (or shrinks) until the text is
  // as wide as the slide, between 12 px and 80% of the slide height (the
  // bounds reveal.js gives fitty).
  const ComputedStyle* fit_text(dom::NodeId id, const ComputedStyle& s, float avail) {
    std::string text;
    for (char c : ctx_.doc.text_content(id)) {
      if (is_space(c)) {
        if (!text.empty() && text.back() != ' ') text.push_back(' ');
      } else {
        text.push_back(c);
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (s.text_transform == style::TextTransform::Uppercase) {
      text = text::change_case(text, text::CaseChange::Upper);
    }
    if (text.empty()) return &s;
    float width = ctx_.shaper.measure(font_for(s), s.font_size, text, false);
    if (width <= 0) return &s;
    float room = avail - s.margin.left - s.margin.right - s.padding.left - s.padding.right;
    float size = std::clamp(s.font_size * room / width * 0.98f, 12.0f,
                            ctx_.styles.theme().slide_height * 0.8f);
    ComputedStyle fitted = s;
    fitted.line_height = s.line_height * size / s.font_size;
    fitted.font_size = size;
    return keep(fitted);
  }

  // A code block whose longest line is wider than its box, in a theme with
  // `--code-overflow: shrink`: its font shrinks so the line fits, to half
  // its size at most (what still does not fit then wraps).
  const ComputedStyle* fit_code(dom::NodeId id, const ComputedStyle& s, float avail) {
    float room = avail - s.margin.left - s.margin.right - s.padding.left - s.padding.right -
                 2 * s.border_width;
    if (s.width_pct) room = avail * *s.width_pct / 100 - s.padding.left - s.padding.right;
    std::string text = ctx_.doc.text_content(id);
    // The code's own font: `pre > code` usually sets it.
    ComputedStyle inner = s;
    for (dom::NodeId c : ctx_.doc[id].children) {
      if (ctx_.doc[c].kind == dom::NodeKind::Element) inner = ctx_.styles.compute(c, s);
    }
    text::FontId font = font_for(inner);
    float widest = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      widest = std::max(
          widest, ctx_.shaper.measure(font, inner.font_size,
                                      std::string_view(text).substr(start, end - start), false));
      start = end + 1;
    }
    if (widest <= room || widest <= 0) return &s;
    float k = std::max(0.5f, room / widest);
    ComputedStyle fitted = s;
    fitted.font_size = s.font_size * k;
    fitted.line_height = s.line_height * k;
    return keep(fitted);
  }

  // A table (from Markdown or Pug): rows of cells in a grid. Columns are
  // as wide as their widest cell's content (max-content), shrunk in
  // proportion when the table would be wider than its container; a row is
  // as tall as its tallest cell. The table is centred when its margins are
  // auto (the themes' choice), else placed at the left.
  Result table(dom::NodeId id, const ComputedStyle& s, int step, float x, float y, float avail,
               std::vector<Item>& out) {
    struct Cell {
      dom::NodeId node;
      const ComputedStyle* style;
      int step;
    };
    std::vector<std::vector<Cell>> rows;
    auto add_row = [&](dom::NodeId tr, const ComputedStyle& tr_parent, int parent_step) {
      const ComputedStyle* trs = keep(ctx_.styles.compute(tr, tr_parent));
      int tr_step = step_for(tr, parent_step);
      std::vector<Cell> row;
      for (dom::NodeId c : ctx_.doc[tr].children) {
        const dom::Node& cn = ctx_.doc[c];
        if (cn.kind != dom::NodeKind::Element || (cn.tag != "td" && cn.tag != "th")) continue;
        row.push_back({c, keep(ctx_.styles.compute(c, *trs)), step_for(c, tr_step)});
      }
      if (!row.empty()) rows.push_back(std::move(row));
    };
    for (dom::NodeId c : ctx_.doc[id].children) {
      const dom::Node& n = ctx_.doc[c];
      if (n.kind != dom::NodeKind::Element) continue;
      if (n.tag == "tr") {
        add_row(c, s, step);
      } else if (n.tag == "thead" || n.tag == "tbody" || n.tag == "tfoot") {
        const ComputedStyle* gs = keep(ctx_.styles.compute(c, s));
        int gstep = step_for(c, step);
        for (dom::NodeId r : n.children) {
          if (ctx_.doc[r].kind == dom::NodeKind::Element && ctx_.doc[r].tag == "tr") {
            add_row(r, *gs, gstep);
          }
        }
      }
    }
    if (rows.empty()) return {};
    size_t cols = 0;
    for (const auto& row : rows) cols = std::max(cols, row.size());
    // Max-content widths, measured with the cell's text left-aligned.
    std::vector<float> widths(cols, 0);
    for (const auto& row : rows) {
      for (size_t k = 0; k < row.size(); ++k) {
        // Kept, not a local: styles are cached by their parent's address.
        ComputedStyle left_aligned = *row[k].style;
        left_aligned.text_align = style::TextAlign::Left;
        const ComputedStyle* measure_style = keep(left_aligned);
        std::vector<Item> scratch;
        Marker saved = marker_;
        Result m = children(row[k].node, *measure_style, row[k].step, 0, 0, 1e6f, scratch);
        marker_ = saved;
        float pad = row[k].style->padding.left + row[k].style->padding.right;
        widths[k] = std::max(widths[k], m.used_width + pad + 1);
      }
    }
    float total = 0;
    for (float w : widths) total += w;
    float room = avail - s.margin.left - s.margin.right;
    if (total > room && total > 0) {
      for (float& w : widths) w *= room / total;
      total = room;
    }
    float left = x + s.margin.left;
    if (s.margin.auto_left && s.margin.auto_right) left = x + (avail - total) / 2;
    float cursor = y;
    for (const auto& row : rows) {
      float cx = left;
      float row_h = 0;
      std::vector<std::vector<Item>> cell_items(row.size());
      std::vector<float> heights(row.size(), 0);
      for (size_t k = 0; k < row.size(); ++k) {
        const ComputedStyle& cs = *row[k].style;
        float inner_w = std::max(1.0f, widths[k] - cs.padding.left - cs.padding.right);
        Result cr = children(row[k].node, cs, row[k].step, cx + cs.padding.left,
                             cursor + cs.padding.top, inner_w, cell_items[k]);
        heights[k] = cr.height + cs.padding.top + cs.padding.bottom;
        row_h = std::max(row_h, heights[k]);
        cx += widths[k];
      }
      cx = left;
      for (size_t k = 0; k < row.size(); ++k) {
        const ComputedStyle& cs = *row[k].style;
        if (cs.background && cs.background->a > 0) {
          Item bg;
          bg.x = cx;
          bg.y = cursor;
          bg.v = RectItem{widths[k], row_h, *cs.background, 0, {}};
          bg.step = row[k].step;
          bg.span = ctx_.doc[row[k].node].span;
          out.push_back(bg);
        }
        for (Item& it : cell_items[k]) out.push_back(std::move(it));
        float rule = std::max(cs.border_bottom_width, cs.border_width);
        if (rule > 0) {
          Item b;
          b.x = cx;
          b.y = cursor + row_h - rule / 2;
          b.v = LineItem{cx + widths[k], b.y, rule,
                         cs.border_bottom_width > 0 ? cs.border_bottom_color : cs.border_color};
          b.step = row[k].step;
          b.span = ctx_.doc[row[k].node].span;
          out.push_back(b);
        }
        cx += widths[k];
      }
      cursor += row_h;
    }
    return {cursor - y, left - x + total};
  }

  // An image, scaled as CSS does: width/height attributes or styles, one
  // of them keeping the aspect ratio, then max-width/max-height; placed by
  // the parent's text-align. A picture that cannot be shown becomes a
  // placeholder box naming it, with a warning at the `img`.
  Result image(dom::NodeId id, const ComputedStyle& s, int step, float x, float y, float avail,
               std::vector<Item>& out, style::TextAlign align) {
    const dom::Node& n = ctx_.doc[id];
    const std::string* src = n.attr("src");
    ImageInfo info = image_find(src ? *src : std::string(), ctx_.deck_dir, ctx_.asset_root);
    float iw = 320, ih = 180;  // a placeholder's size when nothing else is known
    if (info.ok) {
      iw = static_cast<float>(info.width);
      ih = static_cast<float>(info.height);
    } else {
      ctx_.diags.warning(n.span, "layout.image",
                         "image '" + (src ? *src : std::string()) + "' " + info.problem +
                             "; a placeholder is drawn");
    }
    auto attr_px = [&](const char* name) -> std::optional<float> {
      const std::string* v = n.attr(name);
      if (!v) return std::nullopt;
      char* end = nullptr;
      float f = std::strtof(v->c_str(), &end);
      if (end == v->c_str() || f <= 0 || f > 100000) return std::nullopt;
      return f;
    };
    std::optional<float> want_w = s.width_pct ? std::optional<float>(avail * *s.width_pct / 100)
                                  : s.width   ? s.width
                                              : attr_px("width");
    std::optional<float> want_h = s.height ? s.height : attr_px("height");
    bool stretchy = n.has_class("r-stretch") && stretch_out_;
    if (stretchy && stretch_in_ && stretch_in_->count(id)) {
      want_h = stretch_in_->at(id);
      want_w.reset();
    }
    float w = iw, h = ih;
    if (want_w && want_h) {
      w = *want_w;
      h = *want_h;
    } else if (want_w) {
      w = *want_w;
      h = ih * w / iw;
    } else if (want_h) {
      h = *want_h;
      w = iw * h / ih;
    }
    float max_w = std::min(
        avail, s.max_width_pct ? avail * *s.max_width_pct / 100 : s.max_width.value_or(avail));
    float slide_h = ctx_.styles.theme().slide_height;
    float max_h =
        s.max_height_pct ? slide_h * *s.max_height_pct / 100 : s.max_height.value_or(1e9f);
    float k = std::min({1.0f, max_w / std::max(w, 0.01f), max_h / std::max(h, 0.01f)});
    w *= k;
    h *= k;
    float offset = align == style::TextAlign::Center  ? (avail - w) / 2
                   : align == style::TextAlign::Right ? avail - w
                                                      : 0;
    offset = std::max(0.0f, offset);
    Item it;
    it.x = x + offset;
    it.y = y;
    it.step = step;
    it.span = n.span;
    if (info.ok) {
      it.v =
          ImageItem{info.path, w, h, info.jpeg ? ImageItem::Format::Jpeg : ImageItem::Format::Png};
      out.push_back(it);
    } else {
      it.v = RectItem{w, h, {0.93f, 0.93f, 0.93f, 1}, 1.5f, {0.6f, 0.6f, 0.6f, 1}};
      out.push_back(it);
      const std::string* alt = n.attr("alt");
      std::string label = alt && !alt->empty() ? *alt : src ? *src : std::string("image");
      if (label.size() > 80) label = label.substr(0, 77) + "...";
      float size = std::clamp(h / 6, 8.0f, 24.0f);
      text::FontId font = font_for(s);
      auto run = ctx_.shaper.shape(font, size, label);
      float scale = run->width > w - 8 ? (w - 8) / run->width : 1;
      auto fitted = scale < 1 ? ctx_.shaper.shape(font, size * scale, label) : run;
      Item t;
      t.x = it.x + (w - fitted->width) / 2;
      t.y = y + h / 2 + fitted->size * 0.35f;
      t.v = TextItem{fitted, {0.4f, 0.4f, 0.4f, 1}, {}};
      t.step = step;
      t.span = n.span;
      out.push_back(t);
    }
    if (bands_) bands_->push_back({y, y + h});
    if (stretchy && stretch_out_->empty()) (*stretch_out_)[id] = h;
    return {h, offset + w};
  }

  // Inline content: collect text and inline elements as pieces.
  void collect_text(const std::string& t, const ComputedStyle* s, int step, Span span,
                    std::vector<Piece>& out) {
    Piece p;
    p.text = t;
    p.style = s;
    p.font = font_for(*s);
    p.step = step;
    p.span = span;
    out.push_back(std::move(p));
  }

  void collect_inline(dom::NodeId id, const ComputedStyle& s, int step, std::vector<Piece>& out) {
    const dom::Node& n = ctx_.doc[id];
    if (n.tag == "br") {
      Piece p;
      p.style = &s;
      p.font = font_for(s);
      p.step = step;
      p.span = n.span;
      p.line_break = true;
      out.push_back(std::move(p));
      return;
    }
    for (dom::NodeId c : n.children) {
      const dom::Node& cn = ctx_.doc[c];
      if (cn.kind == dom::NodeKind::Text) {
        collect_text(cn.text, &s, step, cn.span, out);
      } else if (cn.kind == dom::NodeKind::Element) {
        const ComputedStyle* cs = style_of(c, s);
        if (cs->display == Display::None) continue;
        collect_inline(c, *cs, step_for(c, step), out);
      }
    }
  }

  // STEP 3: lines from pieces.
  Result inline_block(const std::vector<Piece>& pieces, const ComputedStyle& block, float x,
                      float y, float width, std::vector<Item>& out) {
    // 3a. White space processing and text-transform, into one string.
    std::string para;
    struct Range {
      size_t begin, end, piece;
      std::string original;  // the text before text-transform, if it changed
    };
    std::vector<Range> ranges;
    bool space_before = true;
    for (size_t pi = 0; pi < pieces.size(); ++pi) {
      const Piece& p = pieces[pi];
      size_t begin = para.size();
      if (p.line_break) {
        para.push_back('\n');
        space_before = true;
        ranges.push_back({begin, para.size(), pi, {}});
        continue;
      }
      style::WhiteSpace ws = p.style->white_space;
      bool keep_spaces = ws == style::WhiteSpace::Pre || ws == style::WhiteSpace::PreWrap;
      std::string t;
      if (keep_spaces) {
        size_t col = 0;
        for (char c : p.text) {
          if (c == '\t') {
            size_t n = 8 - col % 8;
            t.append(n, ' ');
            col += n;
          } else {
            t.push_back(c);
            col = c == '\n' ? 0 : col + 1;
          }
        }
        space_before = !t.empty() && (t.back() == ' ' || t.back() == '\n');
      } else {
        for (char c : p.text) {
          if (c == '\n' && ws == style::WhiteSpace::PreLine) {
            while (!t.empty() && t.back() == ' ') t.pop_back();
            t.push_back('\n');
            space_before = true;
          } else if (is_space(c)) {
            if (!space_before) t.push_back(' ');
            space_before = true;
          } else {
            t.push_back(c);
            space_before = false;
          }
        }
      }
      std::string before_transform = t;
      switch (p.style->text_transform) {
        case style::TextTransform::Uppercase:
          t = text::change_case(t, text::CaseChange::Upper);
          break;
        case style::TextTransform::Lowercase:
          t = text::change_case(t, text::CaseChange::Lower);
          break;
        case style::TextTransform::Capitalize:
          t = text::change_case(t, text::CaseChange::Capitalize,
                                para.empty() || para.back() == ' ');
          break;
        case style::TextTransform::None: break;
      }
      if (t == before_transform) before_transform.clear();
      para += t;
      if (para.size() > begin) ranges.push_back({begin, para.size(), pi, before_transform});
    }
    // Trailing collapsible spaces of the block.
    while (!para.empty() && para.back() == ' ' && !ranges.empty()) {
      const Piece& lp = pieces[ranges.back().piece];
      if (lp.style->white_space == style::WhiteSpace::Pre ||
          lp.style->white_space == style::WhiteSpace::PreWrap) {
        break;
      }
      para.pop_back();
      Range& last = ranges.back();
      if (!last.original.empty() && last.original.back() == ' ') last.original.pop_back();
      if (--last.end == last.begin) ranges.pop_back();
    }
    Result r;
    if (ranges.empty()) return r;

    // 3b. Bidi levels (UAX #9) and break opportunities (UAX #14) over the
    //     whole paragraph; runs are maximal ranges of one piece and level.
    text::BidiParagraph bidi = text::bidi_levels(para, text::BaseDirection::Auto);
    std::vector<text::Break> brk = text::line_breaks(para);
    bool nowrap = block.white_space == style::WhiteSpace::NoWrap;

    auto for_each_run = [&](size_t b, size_t e, auto&& fn) {
      size_t pos = b;
      while (pos < e) {
        auto it = std::upper_bound(ranges.begin(), ranges.end(), pos,
                                   [](size_t v, const Range& rg) { return v < rg.end; });
        size_t end = std::min(e, it->end);
        uint8_t level = bidi.levels[pos];
        size_t stop = pos + 1;
        while (stop < end && bidi.levels[stop] == level) ++stop;
        std::string_view sv(para.data() + pos, stop - pos);
        if (sv != "\n") fn(pos, stop, *it, level);
        pos = stop;
      }
    };
    auto measure = [&](size_t b, size_t e) {
      float w = 0;
      for_each_run(b, e, [&](size_t rb, size_t re, const Range& rg, uint8_t level) {
        const Piece& p = pieces[rg.piece];
        w += ctx_.shaper.measure(p.font, p.style->font_size,
                                 std::string_view(para.data() + rb, re - rb), level % 2 == 1);
      });
      return w;
    };

    // 3c. Words: text between break opportunities; greedy line filling.
    struct Line {
      size_t begin, end;  // end excludes trailing spaces
    };
    std::vector<Line> lines;
    size_t line_begin = 0;
    float line_w = 0;
    size_t word_begin = 0;
    size_t last_fit_end = 0;  // end of the last word that fit (without its spaces)
    auto content_end = [&](size_t b, size_t e) {
      while (e > b && (para[e - 1] == ' ' || para[e - 1] == '\n')) --e;
      return e;
    };
    for (size_t i = 0; i < para.size(); ++i) {
      bool must = para[i] == '\n';
      bool can = brk[i] != text::Break::None && !nowrap;
      if (!must && !can && i + 1 != para.size()) continue;
      size_t word_end = i + 1;
      size_t ce = content_end(word_begin, word_end);
      float w_content = measure(word_begin, ce);
      float w_full = ce == word_end ? w_content : w_content + measure(ce, word_end);
      if (line_w + w_content > width + 0.01f && word_begin > line_begin) {
        lines.push_back({line_begin, last_fit_end});
        line_begin = word_begin;
        line_w = 0;
      }
      // A word wider than the whole line is broken between characters.
      if (w_content > width + 0.01f && word_begin == line_begin) {
        size_t pos = word_begin;
        float acc = 0;
        size_t seg_begin = word_begin;
        while (pos < ce) {
          size_t next = pos;
          text::utf8_next(para, next);
          while (next < ce && (static_cast<unsigned char>(para[next]) & 0xC0) == 0x80) ++next;
          float cw = measure(pos, next);
          if (acc + cw > width && pos > seg_begin) {
            lines.push_back({seg_begin, pos});
            seg_begin = pos;
            acc = 0;
          }
          acc += cw;
          pos = next;
        }
        line_begin = seg_begin;
        line_w = acc + (w_full - w_content);
        last_fit_end = ce;
      } else {
        line_w += w_full;
        last_fit_end = ce;
      }
      word_begin = word_end;
      if (must) {
        lines.push_back({line_begin, ce});
        line_begin = word_end;
        line_w = 0;
        last_fit_end = word_end;
      }
    }
    if (line_begin < para.size())
      lines.push_back({line_begin, content_end(line_begin, para.size())});

    // 3d. Place each line: metrics from every piece on it (CSS half-leading).
    text::FontId block_font = font_for(block);
    float cursor = y;
    for (const Line& ln : lines) {
      float strut_a = ctx_.shaper.ascent(block_font, block.font_size);
      float strut_d = ctx_.shaper.descent(block_font, block.font_size);
      float half = (block.line_height - strut_a - strut_d) / 2;
      float top = -(strut_a + half), bottom = strut_d + half;
      struct Seg {
        size_t b, e, piece;
        uint8_t level;
        std::shared_ptr<const text::GlyphRun> run;
        std::string original;
      };
      std::vector<Seg> logical;
      for_each_run(ln.begin, ln.end, [&](size_t rb, size_t re, const Range& rg, uint8_t level) {
        const Piece& p = pieces[rg.piece];
        std::string_view sv(para.data() + rb, re - rb);
        for (const text::ShapedPart& part :
             ctx_.shaper.shape_text(p.font, p.style->font_size, sv, level % 2 == 1)) {
          size_t pb = rb + part.offset, pe = pb + part.run->text.size();
          logical.push_back({pb, pe, rg.piece, level, part.run,
                             original_text(para, rg.begin, rg.original, pb, pe)});
          float a = ctx_.shaper.ascent(part.run->font, p.style->font_size);
          float d = ctx_.shaper.descent(part.run->font, p.style->font_size);
          float h = (p.style->line_height - a - d) / 2;
          top = std::min(top, -(a + h));
          bottom = std::max(bottom, d + h);
        }
      });
      // Runs in visual order, left to right (UAX #9 rule L2).
      std::vector<uint8_t> levels;
      for (const Seg& sg : logical) levels.push_back(sg.level);
      std::vector<Seg> segs;
      for (size_t k : text::bidi_visual_order(levels)) segs.push_back(std::move(logical[k]));
      // A line broken at a soft hyphen (U+00AD) shows a hyphen at its end.
      if (!segs.empty() && ln.end >= 2 && ln.end < para.size() &&
          para.compare(ln.end - 2, 2, "\xC2\xAD") == 0) {
        Seg& last = segs.back();
        const Piece& p = pieces[last.piece];
        auto hyphen = ctx_.shaper.shape(last.run->font, p.style->font_size, "-");
        segs.push_back({ln.end, ln.end, last.piece, last.level, hyphen, {}});
      }
      float line_width = 0;
      for (const Seg& s : segs) line_width += s.run->width;
      style::TextAlign align = block.text_align;
      if (bidi.rtl && align == style::TextAlign::Left) align = style::TextAlign::Right;
      float offset = 0;
      if (align == style::TextAlign::Center)
        offset = (width - line_width) / 2;
      else if (align == style::TextAlign::Right)
        offset = width - line_width;
      offset = std::max(0.0f, offset);
      float baseline = cursor - top;
      if (marker_.pending) draw_marker(baseline, out);
      float pen = x + offset;
      for (const Seg& s : segs) {
        const Piece& p = pieces[s.piece];
        float shift = p.style->vertical_align == style::VerticalAlign::Sub ? 0.25f * block.font_size
                      : p.style->vertical_align == style::VerticalAlign::Super
                          ? -0.4f * block.font_size
                          : 0;
        if (p.style->background && p.style->background->a > 0 && p.style != &block) {
          float a = ctx_.shaper.ascent(s.run->font, p.style->font_size);
          float d = ctx_.shaper.descent(s.run->font, p.style->font_size);
          Item bg;
          bg.x = pen;
          bg.y = baseline + shift - a;
          bg.v = RectItem{s.run->width, a + d, *p.style->background, 0, {}};
          bg.step = p.step;
          bg.span = p.span;
          out.push_back(bg);
        }
        Item it;
        it.x = pen;
        it.y = baseline + shift;
        it.v = TextItem{s.run, p.style->color, s.original};
        it.step = p.step;
        it.span = p.span;
        out.push_back(it);
        float fs = p.style->font_size;
        auto deco = [&](float dy) {
          Item li;
          li.x = pen;
          li.y = baseline + shift + dy;
          li.v = LineItem{pen + s.run->width, baseline + shift + dy, std::max(1.0f, fs * 0.06f),
                          p.style->color};
          li.step = p.step;
          li.span = p.span;
          out.push_back(li);
        };
        if (p.style->underline) deco(fs * 0.1f);
        if (p.style->line_through) deco(-fs * 0.28f);
        pen += s.run->width;
      }
      r.used_width = std::max(r.used_width, offset + line_width);
      if (bands_) bands_->push_back({cursor, cursor + bottom - top});
      cursor += bottom - top;
    }
    r.height = cursor - y;
    return r;
  }

  // The untransformed text of para[b, e) inside a range that starts at
  // `range_begin` and was transformed from `original`. Case mapping keeps
  // the number of code points, so the range is found by counting them.
  static std::string original_text(const std::string& para, size_t range_begin,
                                   const std::string& original, size_t b, size_t e) {
    if (original.empty()) return {};
    auto count = [&](size_t from, size_t to) {
      size_t n = 0;
      for (size_t i = from; i < to; ++i) {
        if ((static_cast<unsigned char>(para[i]) & 0xC0) != 0x80) ++n;
      }
      return n;
    };
    size_t k1 = count(range_begin, b), k2 = k1 + count(b, e);
    size_t i = 0, n = 0, start = original.size();
    while (i < original.size() && n < k2) {
      if (n == k1) start = i;
      text::utf8_next(original, i);
      ++n;
    }
    if (n == k1 && start == original.size()) start = i;
    return start <= i ? original.substr(start, i - start) : std::string();
  }

  void draw_marker(float baseline, std::vector<Item>& out) {
    marker_.pending = false;
    const ComputedStyle& s = *marker_.style;
    float em = s.font_size;
    Item it;
    it.step = marker_.step;
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
      out.push_back(it);
      return;
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
    out.push_back(it);
  }

 private:
  Context& ctx_;
  const deck::Slide* slide_;
  std::deque<ComputedStyle> styles_;
  const std::map<dom::NodeId, float>* stretch_in_ = nullptr;
  std::map<dom::NodeId, float>* stretch_out_ = nullptr;
  std::map<std::pair<dom::NodeId, const ComputedStyle*>, const ComputedStyle*> style_cache_;
  Marker marker_;
  std::vector<Tag> tags_{Tag{}};
  int scale_boxes_ = 0;
  std::vector<DisplayList::Band>* bands_ = nullptr;
};

}  // namespace

namespace {

// reveal.js's data-background-image, with data-background-size (cover,
// contain, or CSS lengths) and data-background-position (keywords or
// percentages), drawn under everything and clipped to the slide. Items are
// in content space (the list's scale and offset apply), so the picture's
// box is mapped back through them.
void background_image(Context& ctx, const deck::Slide& slide, DisplayList& list,
                      std::vector<Item>& items) {
  const dom::Node& section = ctx.doc[slide.section];
  const std::string* src = section.attr("data-background-image");
  if (!src) {
    const std::string* bg = section.attr("data-background");
    if (bg && !style::parse_color(*bg)) src = bg;
  }
  if (!src || src->empty()) return;
  ImageInfo info = image_find(*src, ctx.deck_dir, ctx.asset_root);
  if (!info.ok) {
    ctx.diags.warning(section.span, "layout.image",
                      "background image '" + *src + "' " + info.problem + "; it is left out");
    return;
  }
  float iw = static_cast<float>(info.width), ih = static_cast<float>(info.height);
  float w = list.width, h = list.height;
  std::string size = "cover";
  if (const std::string* v = section.attr("data-background-size")) size = *v;
  if (size == "cover" || size == "contain") {
    float k = size == "cover" ? std::max(w / iw, h / ih) : std::min(w / iw, h / ih);
    w = iw * k;
    h = ih * k;
  } else {
    std::vector<std::string> parts;
    std::string cur;
    for (char c : size + " ") {
      if (c == ' ') {
        if (!cur.empty()) parts.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    auto length = [&](const std::string& v, float whole) -> std::optional<float> {
      char* end = nullptr;
      float f = std::strtof(v.c_str(), &end);
      if (end == v.c_str()) return std::nullopt;
      if (std::string(end) == "%") return whole * f / 100;
      return f;
    };
    auto pw = parts.size() > 0 ? length(parts[0], list.width) : std::nullopt;
    auto ph = parts.size() > 1 ? length(parts[1], list.height) : std::nullopt;
    if (pw && ph) {
      w = *pw;
      h = *ph;
    } else if (pw) {
      w = *pw;
      h = ih * w / iw;
    } else {
      w = iw;
      h = ih;
    }
  }
  float fx = 0.5f, fy = 0.5f;  // background-position as fractions
  if (const std::string* pos = section.attr("data-background-position")) {
    if (pos->find("left") != std::string::npos) fx = 0;
    if (pos->find("right") != std::string::npos) fx = 1;
    if (pos->find("top") != std::string::npos) fy = 0;
    if (pos->find("bottom") != std::string::npos) fy = 1;
  }
  float x = (list.width - w) * fx, y = (list.height - h) * fy;
  Item it;
  it.x = (x - list.dx) / list.scale;
  it.y = (y - list.dy) / list.scale;
  it.v = ImageItem{info.path, w / list.scale, h / list.scale,
                   info.jpeg ? ImageItem::Format::Jpeg : ImageItem::Format::Png};
  it.span = section.span;
  items.insert(items.begin(), std::move(it));
}

}  // namespace

DisplayList layout_slide(Context& ctx, const deck::Slide& slide, int slide_number) {
  const style::Theme& theme = ctx.styles.theme();
  DisplayList list;
  list.width = theme.slide_width;
  list.height = theme.slide_height;
  if (ctx.page_aspect > 0) {
    list.width = std::max(theme.slide_width, theme.slide_height * ctx.page_aspect);
    list.height = std::max(theme.slide_height, theme.slide_width / ctx.page_aspect);
  }
  list.background = theme.background;
  list.step_count = slide.step_count;

  style::ComputedStyle root = ctx.styles.root_style();
  style::ComputedStyle section = ctx.styles.compute(slide.section, root);
  if (section.background) list.background = *section.background;
  if (const std::string* g = ctx.doc[slide.section].attr("data-background-gradient")) {
    if (auto c = style::gradient_average(*g)) list.background = *c;
  }
  if (const std::string* bg = ctx.doc[slide.section].attr("data-background-color")) {
    if (auto c = style::parse_color(*bg)) list.background = *c;
  }
  section.background.reset();

  // STEP 4: lay out at full width; if the content is taller than the slide,
  // lay it out again wider and draw it scaled down, so it fills the width.
  std::vector<Tag> tags;
  int scale_boxes = 0;
  std::map<dom::NodeId, float> stretch;    // .r-stretch picture -> the height it gets
  std::map<dom::NodeId, float> stretched;  // .r-stretch picture -> the height it had
  auto run = [&](float width, std::vector<Item>& items) {
    Engine engine(ctx, &slide);
    engine.stretch(&stretch, &stretched);
    float pad_x = section.padding.left + section.padding.right;
    Result r = engine.children(slide.section, section, 0, section.padding.left, section.padding.top,
                               width - pad_x, items);
    tags = engine.tags();
    scale_boxes = engine.scale_boxes();
    return r.height + section.padding.top + section.padding.bottom;
  };
  std::vector<Item> items;
  float height = run(list.width, items);
  // reveal.js's .r-stretch: a picture takes the height the rest of the
  // slide leaves (one picture per slide, as reveal.js allows).
  if (!stretched.empty()) {
    auto [node, had] = *stretched.begin();
    stretch[node] = std::max(0.0f, list.height - (height - had));
    items.clear();
    height = run(list.width, items);
  }
  float scale = 1;
  if (height > list.height) {
    scale = std::max(theme.min_scale, list.height / height);
    items.clear();
    height = run(list.width / scale, items);
    if (height * scale > list.height) scale = std::max(theme.min_scale, list.height / height);
    if (height * scale > list.height + 0.5f) {
      int over =
          static_cast<int>(std::lround(100.0 * (height * scale - list.height) / list.height));
      ctx.diags.warning(slide.span, "layout.overflow",
                        "slide " + std::to_string(slide_number) + " overflows by " +
                            std::to_string(over) + "% even at the smallest scale (" +
                            std::to_string(static_cast<int>(theme.min_scale * 100)) +
                            "%); its bottom is cut off");
      list.clip = true;
    } else {
      ctx.diags.warning(slide.span, "layout.shrunk",
                        "slide " + std::to_string(slide_number) +
                            " is taller than the page; "
                            "its content is shrunk to " +
                            std::to_string(static_cast<int>(scale * 100)) + "%");
    }
  }
  for (uint32_t cp : ctx.shaper.take_missing()) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", cp);
    std::string ch;
    text::utf8_append(ch, cp);
    ctx.diags.warning(slide.span, "text.missing-glyph",
                      std::string("no font has ") + code + " '" + ch + "' (slide " +
                          std::to_string(slide_number) + "); it is drawn as a box");
  }
  list.scale = scale;
  list.dx = 0;
  list.dy = std::max(0.0f, (list.height - height * scale) / 2);  // reveal.js `center: true`
  tags_resolve(ctx, tags, scale_boxes, items, list);
  background_image(ctx, slide, list, items);
  list.items = std::move(items);
  layers_group(list);
  return list;
}

DisplayList layout_slide_number(Context& ctx, const std::string& label, float width, float height) {
  // reveal.css: .slide-number { right: 8px; bottom: 8px; padding: 5px;
  // font: 12px Helvetica, sans-serif; line-height: 1; color: #fff;
  // background-color: rgba(0, 0, 0, 0.4) }, 14px when printed.
  const float size = 14, pad = 5, inset = 8;
  DisplayList list;
  list.width = width;
  list.height = height;
  list.background = {1, 1, 1, 0};
  text::FontId font = ctx.shaper.match("Helvetica, sans-serif", 400, false);
  auto run = ctx.shaper.shape(font, size, label);
  float box_w = run->width + 2 * pad, box_h = size + 2 * pad;
  Item bg;
  bg.x = width - inset - box_w;
  bg.y = height - inset - box_h;
  bg.v = RectItem{box_w, box_h, {0, 0, 0, 0.4f}, 0, {}};
  list.items.push_back(bg);
  float a = ctx.shaper.ascent(font, size), d = ctx.shaper.descent(font, size);
  Item text;
  text.x = bg.x + pad;
  text.y = bg.y + pad + (size - (a + d)) / 2 + a;  // line-height 1, centred like CSS
  text.v = TextItem{run, {1, 1, 1, 1}, {}};
  list.items.push_back(text);
  layers_group(list);
  return list;
}

DisplayList layout_flow(Context& ctx, dom::NodeId root, const style::ComputedStyle& root_style,
                        float width) {
  DisplayList list;
  list.width = width;
  list.background = {1, 1, 1, 0};
  Engine engine(ctx, nullptr);
  engine.bands_record(&list.bands);
  std::vector<Item> items;
  Result r = engine.children(root, root_style, 0, 0, 0, width, items);
  tags_resolve(ctx, engine.tags(), engine.scale_boxes(), items, list);  // links
  list.items = std::move(items);
  list.height = r.height;
  std::stable_sort(
      list.bands.begin(), list.bands.end(),
      [](const DisplayList::Band& a, const DisplayList::Band& b) { return a.top < b.top; });
  layers_group(list);
  return list;
}

}  // namespace deckpdf::layout
