// layout/fit — text sized to its box before the box is laid out: the
// font of a .r-fit-text element (reveal.js's fitty) and of a code block in
// a theme that shrinks code rather than wrapping it. Each returns the
// style the element is then laid out with.
#include <algorithm>
#include <string_view>

#include "layout/engine.h"
#include "text/utf8.h"

namespace deckpdf::layout {

using style::ComputedStyle;

// reveal.js's .r-fit-text: the font grows (or shrinks) until the text is
// as wide as the slide, between 12 px and 80% of the slide height (the
// bounds reveal.js gives fitty).
const ComputedStyle* Engine::fit_text(dom::NodeId id, const ComputedStyle& s, float avail) {
  std::string text;
  for (char c : ctx_.doc.text_content(id)) {
    if (is_css_space(c)) {
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
const ComputedStyle* Engine::fit_code(dom::NodeId id, const ComputedStyle& s, float avail) {
  float room = avail - s.margin.left - s.margin.right - s.padding.left - s.padding.right -
               2 * s.border_width;
  if (s.width_pct) {
    room = avail * *s.width_pct / 100 + s.width_pct_px - s.padding.left - s.padding.right;
  }
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

}  // namespace deckpdf::layout
