// layout/inline_finalize — the finalize step of inline layout, per line:
// shape its runs (a run may fall back to other fonts), size its box from
// every run on it, put the runs in visual order, and place them as text,
// background and decoration items by text-align.
#include "layout/inline.h"
#include "layout/paint.h"
#include "text/utf8.h"

namespace deckpdf::layout {

namespace {

using style::ComputedStyle;

// A shaped run of one piece at one bidi level, with the source text it was
// transformed from, if any; or an atomic inline (no run).
struct Seg {
  size_t b, e, piece;
  uint8_t level;
  std::shared_ptr<const text::GlyphRun> run;
  std::string original;
  const Atomic* atomic = nullptr;
  float width() const { return atomic ? atomic->width : run->width; }
};

using VA = style::VerticalAlign;

// How far vertical-align moves a piece's baseline, down: sub and super by
// the block's font size, a length or a percentage of its line-height up.
float baseline_shift(const ComputedStyle& piece, const ComputedStyle& block) {
  switch (piece.vertical_align) {
    case VA::Sub: return 0.25f * block.font_size;
    case VA::Super: return -0.4f * block.font_size;
    case VA::Length: return -piece.vertical_align_by;
    case VA::Percent: return -piece.vertical_align_by * piece.line_height;
    default: return 0;
  }
}

// A line shaped: its runs in logical order, how far its box reaches above
// (top, negative) and below the baseline, and the block's strut (its
// font's ascent and descent), which text-top, text-bottom and middle use.
struct ShapedLine {
  std::vector<Seg> segs;
  float top = 0, bottom = 0;
  float strut_a = 0, strut_d = 0;
};

// Where an atomic inline's margin box's top sits, below the baseline, by
// its vertical-align (CSS 2.1 10.8.1); top and bottom align with the line
// box's `top` and `bottom`, the parent's text with the block's strut, and
// middle puts its centre half an x-height (about a quarter em) up.
float atomic_top(const ComputedStyle& piece, const ComputedStyle& block, const Atomic& a,
                 const ShapedLine& line) {
  switch (piece.vertical_align) {
    case VA::Top: return line.top;
    case VA::Bottom: return line.bottom - a.height;
    case VA::TextTop: return -line.strut_a;
    case VA::TextBottom: return line.strut_d - a.height;
    case VA::Middle: return -0.25f * block.font_size - a.height / 2;
    default: return baseline_shift(piece, block) - a.height + a.descent;
  }
}

// The untransformed text of para[b, e) inside a range that starts at
// `range_begin` and was transformed from `original`. Case mapping keeps
// the number of code points, so the range is found by counting them.
std::string original_text(const std::string& para, size_t range_begin, const std::string& original,
                          size_t b, size_t e) {
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

// Shapes the runs of `ln`. The line box is at least the block's strut and
// grows to hold every run, each with its own half-leading (CSS 2.1 10.8).
ShapedLine line_shape(text::Shaper& shaper, const std::vector<Piece>& pieces, const Paragraph& para,
                      const Line& ln, const ComputedStyle& block, text::FontId block_font) {
  ShapedLine sl;
  float strut_a = shaper.ascent(block_font, block.font_size);
  float strut_d = shaper.descent(block_font, block.font_size);
  float half = (block.line_height - strut_a - strut_d) / 2;
  sl.top = -(strut_a + half);
  sl.bottom = strut_d + half;
  sl.strut_a = strut_a;
  sl.strut_d = strut_d;
  std::vector<const Piece*> to_edges;  // vertical-align top and bottom, placed last
  para.runs(ln.begin, ln.end, [&](size_t rb, size_t re, const Paragraph::Range& rg, uint8_t level) {
    const Piece& p = pieces[rg.piece];
    if (p.atomic) {
      sl.segs.push_back({rb, re, rg.piece, level, nullptr, {}, p.atomic.get()});
      VA va = p.style->vertical_align;
      if (va == VA::Top || va == VA::Bottom) {
        to_edges.push_back(&p);
      } else if (va == VA::Baseline || va == VA::Sub || va == VA::Super) {
        // Its margin box's bottom on the (shifted) baseline, less its descent.
        float shift = baseline_shift(*p.style, block);
        sl.top = std::min(sl.top, shift - p.atomic->height + p.atomic->descent);
        if (p.atomic->descent > 0) sl.bottom = std::max(sl.bottom, shift + p.atomic->descent);
      } else {
        float top = atomic_top(*p.style, block, *p.atomic, sl);
        sl.top = std::min(sl.top, top);
        sl.bottom = std::max(sl.bottom, top + p.atomic->height);
      }
      return;
    }
    std::string_view sv(para.text.data() + rb, re - rb);
    for (const text::ShapedPart& part :
         shaper.shape_text(p.font, p.style->font_size, sv, level % 2 == 1)) {
      size_t pb = rb + part.offset, pe = pb + part.run->text.size();
      sl.segs.push_back({pb, pe, rg.piece, level, part.run,
                         original_text(para.text, rg.begin, rg.original, pb, pe)});
      float a = shaper.ascent(part.run->font, p.style->font_size);
      float d = shaper.descent(part.run->font, p.style->font_size);
      float h = (p.style->line_height - a - d) / 2;
      sl.top = std::min(sl.top, -(a + h));
      sl.bottom = std::max(sl.bottom, d + h);
    }
  });
  // Boxes aligned with the line's top or bottom grow it the other way.
  for (const Piece* p : to_edges) {
    if (p->style->vertical_align == VA::Top) {
      sl.bottom = std::max(sl.bottom, sl.top + p->atomic->height);
    } else {
      sl.top = std::min(sl.top, sl.bottom - p->atomic->height);
    }
  }
  return sl;
}

// The runs of a shaped line in visual order, left to right (UAX #9 rule
// L2); a line broken at a soft hyphen (U+00AD) ends in a visible hyphen.
std::vector<Seg> line_reorder(text::Shaper& shaper, const std::vector<Piece>& pieces,
                              const Paragraph& para, const Line& ln, std::vector<Seg> logical) {
  std::vector<uint8_t> levels;
  for (const Seg& sg : logical) levels.push_back(sg.level);
  std::vector<Seg> segs;
  for (size_t k : text::bidi_visual_order(levels)) segs.push_back(std::move(logical[k]));
  if (!segs.empty() && !segs.back().atomic && ln.end >= 2 && ln.end < para.text.size() &&
      para.text.compare(ln.end - 2, 2, "\xC2\xAD") == 0) {
    Seg& last = segs.back();
    const Piece& p = pieces[last.piece];
    auto hyphen = shaper.shape(last.run->font, p.style->font_size, "-");
    segs.push_back({ln.end, ln.end, last.piece, last.level, hyphen, {}});
  }
  return segs;
}

// Draws `segs` from `pen` on `baseline`: each run's background (an inline
// element's, not the block's own), its text, then its underline and
// line-through.
void line_place(text::Shaper& shaper, const std::vector<Piece>& pieces, const ShapedLine& line,
                const std::vector<Seg>& segs, const ComputedStyle& block, float pen, float baseline,
                std::vector<Item>& out) {
  for (const Seg& s : segs) {
    const Piece& p = pieces[s.piece];
    float shift = baseline_shift(*p.style, block);
    if (s.atomic) {
      float top = baseline + atomic_top(*p.style, block, *s.atomic, line);
      for (Item it : s.atomic->items) {
        it.x += pen;
        it.y += top;
        out.push_back(std::move(it));
      }
      pen += s.atomic->width;
      continue;
    }
    const ComputedStyle& ps = *p.style;
    bool painted =
        (ps.background && ps.background->a > 0) || ps.background_gradient || !ps.box_shadow.empty();
    if (painted && p.style != &block) {
      float a = shaper.ascent(s.run->font, ps.font_size);
      float d = shaper.descent(s.run->font, ps.font_size);
      box_paint(ps, pen, baseline + shift - a, s.run->width, a + d, p.tag, p.span, out, false);
    }
    Item it;
    it.x = pen;
    it.y = baseline + shift;
    it.v = TextItem{s.run, p.style->color,
                    s.original.empty() ? nullptr : std::make_shared<const std::string>(s.original),
                    nullptr};
    it.tag = p.tag;
    it.span = p.span;
    text_shadow(shaper.fonts(), ps, it, out);
    out.push_back(it);
    float fs = p.style->font_size;
    auto deco = [&](float dy) {
      float w = std::max(1.0f, fs * 0.06f);
      // The item is made in place with its kind: an Item made first as a
      // TextItem and then assigned a line trips GCC 12's
      // -Wmaybe-uninitialized on the TextItem's shared pointers.
      Item& li = out.emplace_back();
      if (p.style->decoration_dotted) {
        li.v.emplace<PathItem>(dotted_line(s.run->width, w, p.style->color));
      } else {
        li.v.emplace<LineItem>(
            LineItem{pen + s.run->width, baseline + shift + dy, w, p.style->color});
      }
      li.x = pen;
      li.y = baseline + shift + dy;
      li.tag = p.tag;
      li.span = p.span;
    };
    if (p.style->underline) deco(fs * 0.1f);
    if (p.style->line_through) deco(-fs * 0.28f);
    pen += s.run->width;
  }
}

}  // namespace

LineBoxes inline_finalize(text::Shaper& shaper, const std::vector<Piece>& pieces,
                          const Paragraph& para, const std::vector<Line>& lines,
                          const ComputedStyle& block, float x, float y, float width,
                          std::vector<Item>& out, size_t max_items) {
  LineBoxes lb;
  text::FontId block_font = shaper.match(block.font_family, block.font_weight, block.italic);
  float cursor = y;
  for (const Line& ln : lines) {
    if (out.size() >= max_items) {
      lb.cut = true;
      break;
    }
    ShapedLine shaped = line_shape(shaper, pieces, para, ln, block, block_font);
    std::vector<Seg> segs = line_reorder(shaper, pieces, para, ln, std::move(shaped.segs));
    float line_width = 0;
    for (const Seg& s : segs) line_width += s.width();
    // A right-to-left paragraph starts at the right.
    style::TextAlign align = block.text_align;
    if (para.bidi.rtl && align == style::TextAlign::Left) align = style::TextAlign::Right;
    float room = ln.width >= 0 ? ln.width : width;
    float offset = 0;
    if (align == style::TextAlign::Center)
      offset = (room - line_width) / 2;
    else if (align == style::TextAlign::Right)
      offset = room - line_width;
    offset = std::max(0.0f, offset) + ln.indent;
    float baseline = cursor - shaped.top;
    line_place(shaper, pieces, shaped, segs, block, x + offset, baseline, out);
    lb.used_width = std::max(lb.used_width, offset + line_width);
    lb.boxes.push_back({cursor, baseline, cursor + shaped.bottom - shaped.top});
    cursor += shaped.bottom - shaped.top;
  }
  lb.height = cursor - y;
  return lb;
}

}  // namespace deckpdf::layout
