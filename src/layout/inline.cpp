// layout/inline — the inline formatting context as the Engine drives it:
// collecting an anonymous block's pieces from the element tree, then the
// steps of inline.h (prepare, break, finalize), then what the block adds
// around its lines: a pending list marker and, in a flow, the line bands.
#include <cmath>

#include "layout/engine.h"
#include "math/find.h"
#include "source/strings.h"

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
  if (n.tag == math::inline_tag) {
    math_inline(id, s, tag, out);
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
  if (n.tag == "input") {
    const std::string* type = n.attr("type");
    if (!type || ascii_lower(*type) != "checkbox") return;  // other controls: not drawn
    Piece p;
    p.text = object_replacement;
    p.style = &s;
    p.font = font_for(s);
    p.tag = tag;
    p.span = n.span;
    p.atomic = checkbox(id, tag);
    out.push_back(std::move(p));
    return;
  }
  // abbr[title]: a dotted underline (Chromium's user-agent sheet; the
  // cascade has no attribute selectors).
  if (n.tag == "abbr" && n.attr("title") && !(s.underline && s.decoration_dotted)) {
    style::ComputedStyle dotted = s;
    dotted.underline = true;
    dotted.decoration_dotted = true;
    collect_inline(id, *keep(std::move(dotted)), tag, avail, out);
    return;
  }
  std::pair<std::string, std::string> quotes;
  if (n.tag == "q") {
    quotes = quote_marks(id);
    collect_text(quotes.first, &s, tag, n.span, out);
  }
  for (dom::NodeId c : n.children) {
    const dom::Node& cn = ctx_.doc[c];
    if (cn.kind == dom::NodeKind::Text) {
      collect_text(cn.text, &s, tag, cn.span, out);
    } else if (cn.kind == dom::NodeKind::Element) {
      const ComputedStyle* cs = style_of(c, s);
      if (cs->display == Display::None) continue;
      if (cs->place.position == style::Position::Absolute) {  // out of the line
        absolute_defer(c, *cs, tag_for(c, *cs, tag), std::nanf(""), std::nanf(""));
        continue;
      }
      if (cs->place.floating != style::Float::None) {  // placed at the paragraph's top
        pending_floats_.push_back({c, cs, tag_for(c, *cs, tag), 0, 0});
        continue;
      }
      collect_inline(c, *cs, tag_for(c, *cs, tag), avail, out);
    }
  }
  if (n.tag == "q") collect_text(quotes.second, &s, tag, n.span, out);
}

Extent Engine::inline_block(const std::vector<Piece>& pieces, const ComputedStyle& block, float x,
                            float y, float width, std::vector<Item>& out) {
  if (!pending_floats_.empty()) {
    std::vector<Positioned> floats = std::move(pending_floats_);
    pending_floats_.clear();
    for (const Positioned& f : floats) float_place(f.node, *f.style, f.tag, x, y, width, out);
  }
  Paragraph para = inline_prepare(pieces);
  if (para.ranges.empty()) return {};
  // A min-content measure: every break taken, no word split.
  std::vector<LineSpace> spaces;
  if (!floats_.empty() && !min_content_) spaces = float_spaces(x, y, width, block.line_height);
  std::vector<Line> lines = inline_break(ctx_.shaper, pieces, para, min_content_ ? 0 : width,
                                         block.white_space == style::WhiteSpace::NoWrap,
                                         !min_content_, spaces.empty() ? nullptr : &spaces);
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
