// layout/inline — the inline formatting context as the Engine drives it:
// collecting an anonymous block's pieces from the element tree, then the
// steps of inline.h (prepare, break, finalize), then what the block adds
// around its lines: a pending list marker and, in a flow, the line bands.
#include "layout/engine.h"

namespace deckpdf::layout {

using style::ComputedStyle;
using style::Display;

void Engine::collect_text(const std::string& t, const ComputedStyle* s, int tag, Span span,
                          std::vector<Piece>& out) {
  Piece p;
  p.text = t;
  p.style = s;
  p.font = font_for(*s);
  p.tag = tag;
  p.span = span;
  out.push_back(std::move(p));
}

// The collect step: an inline element's text, and its inline children's,
// as pieces of one style each; `br` is a piece of its own, and so is an
// `img`, laid out now in the block's width `avail`.
void Engine::collect_inline(dom::NodeId id, const ComputedStyle& s, int tag, float avail,
                            std::vector<Piece>& out) {
  const dom::Node& n = ctx_.doc[id];
  if (n.tag == "img") {
    Piece p;
    p.text = object_replacement;
    p.style = &s;
    p.font = font_for(s);
    p.tag = tag;
    p.span = n.span;
    p.atomic = picture_inline(id, s, tag, avail);
    out.push_back(std::move(p));
    return;
  }
  if (n.tag == "br") {
    Piece p;
    p.style = &s;
    p.font = font_for(s);
    p.tag = tag;
    p.span = n.span;
    p.line_break = true;
    out.push_back(std::move(p));
    return;
  }
  for (dom::NodeId c : n.children) {
    const dom::Node& cn = ctx_.doc[c];
    if (cn.kind == dom::NodeKind::Text) {
      collect_text(cn.text, &s, tag, cn.span, out);
    } else if (cn.kind == dom::NodeKind::Element) {
      const ComputedStyle* cs = style_of(c, s);
      if (cs->display == Display::None) continue;
      collect_inline(c, *cs, tag_for(c, tag), avail, out);
    }
  }
}

Extent Engine::inline_block(const std::vector<Piece>& pieces, const ComputedStyle& block, float x,
                            float y, float width, std::vector<Item>& out) {
  Paragraph para = inline_prepare(pieces);
  if (para.ranges.empty()) return {};
  std::vector<Line> lines = inline_break(ctx_.shaper, pieces, para, width,
                                         block.white_space == style::WhiteSpace::NoWrap);
  size_t first_item = out.size();
  LineBoxes placed =
      inline_finalize(ctx_.shaper, pieces, para, lines, block, x, y, width, out, max_slide_items);
  if (placed.cut) over_budget_ = true;
  // A list item's marker hangs on its first line, drawn before the line.
  if (marker_.pending && !placed.boxes.empty()) {
    out.insert(out.begin() + static_cast<long>(first_item),
               marker_item(placed.boxes.front().baseline));
  }
  if (bands_) {
    for (const LineBoxes::Box& b : placed.boxes) bands_->push_back({b.top, b.bottom});
  }
  return {placed.height, placed.used_width};
}

}  // namespace deckpdf::layout
