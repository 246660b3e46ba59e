// layout/svg_text — SVG text: `text` and `tspan` (and `a` inside them)
// with x, y, dx, dy, text-anchor, dominant-baseline and the font
// properties, shaped by text/ into TextItems so that the text is
// selectable and extracts. Fonts named in the SVG are matched against the
// bundled ones (FontSet::match); a monospace-looking name asks for
// monospace. Turned, skewed, clipped or translucent text is a TextItem in
// a frame (display_list.h's TextFrame), so that it extracts too.
#include <algorithm>
#include <cmath>

#include "layout/svg_draw.h"
#include "layout/svg_geometry.h"
#include "source/strings.h"

namespace deckpdf::layout::svg {

namespace {

// A piece of a text element's content in one style, with the positioning
// attributes of the element that starts it.
struct Piece {
  std::string text;
  State state;
  std::optional<float> x, y;
  float dx = 0, dy = 0;
};

}  // namespace

std::string family_for(const std::string& family) {
  std::string lower = ascii_lower(family);
  for (const char* mono : {"mono", "courier", "consolas", "menlo", "monaco"}) {
    if (lower.find(mono) != std::string::npos) return family + ", monospace";
  }
  return family + ", sans-serif";
}

// The map from a run's space to list space for text drawn under `m`
// (whose length scale is `scale`) from (px, py): level text keeps its
// axes as they are (a non-uniform scale only sizes it), anything else
// turns with `m`.
Matrix run_matrix(const Matrix& m, float scale, float px, float py) {
  bool level = std::fabs(m[1]) <= 1e-3f && std::fabs(m[2]) <= 1e-3f && m[0] > 0 && m[3] > 0;
  if (level || scale <= 0) return {1, 0, 0, 1, px, py};
  return {m[0] / scale, m[1] / scale, m[2] / scale, m[3] / scale, px, py};
}

namespace {

// Moves a text item made by text_item along its baseline by `d` px.
void shift_text(Item& it, float d) {
  auto* t = std::get_if<TextItem>(&it.v);
  if (!t || !t->frame) {
    it.x += d;
    return;
  }
  auto frame = std::make_shared<TextFrame>(*t->frame);
  frame->matrix[4] += frame->matrix[0] * d;
  frame->matrix[5] += frame->matrix[1] * d;
  t->frame = std::move(frame);
}

}  // namespace

// A run of SVG text shaped at its size in list space, whose run space
// (origin at the start of the baseline) maps to list space by `m`, which
// at most turns, skews or mirrors it: a level TextItem at its place when
// nothing more is asked, else one in a frame with the matrix, the clips
// and the group opacity (pdf/ writes it with Tm inside q/Q), so that
// turned text (a diagram's axis labels) still selects and extracts.
Item Drawer::text_item(std::shared_ptr<const text::GlyphRun> run, Color fill, const State& st,
                       const Matrix& m) {
  bool level = std::fabs(m[1]) <= 1e-3f && std::fabs(m[2]) <= 1e-3f && m[0] > 0 && m[3] > 0;
  Item it;
  if (level && st.clips.empty() && st.opacity >= 1 && fill.a >= 1) {
    it.x = m[4];
    it.y = m[5];
    it.v = TextItem{std::move(run), fill, nullptr, nullptr};
    return it;
  }
  auto frame = std::make_shared<TextFrame>();
  frame->matrix = m;
  frame->clips = st.clips;
  frame->opacity = st.opacity;
  it.v = TextItem{std::move(run), fill, nullptr, std::move(frame)};
  return it;
}

void Drawer::text(uint32_t id, const State& s) {
  std::vector<Piece> pieces;
  size_t bytes = 0;
  bool space_before = true;  // collapses white space across pieces, drops leading
  // Depth-first over the text's content; tspans restyle and reposition.
  // Positioning attributes wait for the next piece of text: a text
  // element that holds only tspans hands its x and y to the first.
  Piece pending;
  bool has_pending = false;
  auto visit = [&](auto& self, uint32_t node, const State& st) -> void {
    const Node& n = tree_.nodes[node];
    auto first = [&](const char* name, int axis) -> std::optional<float> {
      const std::string* v = n.attr(name);
      if (!v) return std::nullopt;
      std::string one(trim(*v));
      one = one.substr(0, one.find_first_of(" ,\t\n"));
      return length(&one, axis, st, 0);
    };
    if (auto x = first("x", 0)) pending.x = x, has_pending = true;
    if (auto y = first("y", 1)) pending.y = y, has_pending = true;
    if (auto dx = first("dx", 0)) pending.dx += *dx, has_pending = true;
    if (auto dy = first("dy", 1)) pending.dy += *dy, has_pending = true;
    for (uint32_t c : n.children) {
      const Node& k = tree_.nodes[c];
      if (k.is_text()) {
        std::string collapsed;
        for (char ch : k.text) {
          bool white = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
          if (ch == '\n' || ch == '\r') continue;  // SVG drops newlines, then collapses
          if (white) {
            if (!space_before) collapsed.push_back(' ');
            space_before = true;
          } else {
            collapsed.push_back(ch);
            space_before = false;
          }
        }
        bytes += collapsed.size();
        if (bytes > env_.limits.max_text_bytes) {
          problem("has more than " + std::to_string(env_.limits.max_text_bytes >> 10) +
                  " KB of text in one text element; the rest is left out");
          return;
        }
        if (collapsed.empty() && !has_pending) continue;
        Piece p;
        if (has_pending) p = pending;
        p.text = collapsed;
        p.state = st;
        pieces.push_back(std::move(p));
        pending.x.reset();
        pending.y.reset();
        pending.dx = pending.dy = 0;
        has_pending = false;
      } else if (k.tag == "tspan" || k.tag == "a") {
        State inner;
        path_.push_back(node);
        bool shown = apply(c, st, inner);
        path_.pop_back();
        if (shown) self(self, c, inner);
      } else if (k.tag == "textpath") {
        lack("textPath");
      }
    }
  };
  visit(visit, id, s);
  if (!pieces.empty() && !pieces.back().text.empty() && pieces.back().text.back() == ' ') {
    pieces.back().text.pop_back();
  }
  // Lay the pieces out in chunks: a piece with its own x starts a new one,
  // which text-anchor places as a whole.
  float ux = 0, uy = 0;  // the current text position, user space
  size_t chunk_begin = out_.size();
  float chunk_width = 0;  // in list space
  int chunk_anchor = s.anchor;
  auto end_chunk = [&] {
    float shift = chunk_anchor == 1 ? -chunk_width / 2 : chunk_anchor == 2 ? -chunk_width : 0;
    if (shift != 0) {
      for (size_t k = chunk_begin; k < out_.size(); ++k) shift_text(out_[k], shift);
    }
    chunk_begin = out_.size();
    chunk_width = 0;
  };
  for (size_t i = 0; i < pieces.size(); ++i) {
    Piece& p = pieces[i];
    const State& st = p.state;
    if (p.x) {
      end_chunk();
      ux = *p.x;
      chunk_anchor = st.anchor;
    }
    if (p.y) uy = *p.y;
    ux += p.dx;
    uy += p.dy;
    if (i == 0) chunk_anchor = st.anchor;
    if (p.text.empty()) continue;
    // Shaped at its size in list space; the run's own space is the
    // transform without that scale, from the pen's place.
    const Matrix& m = st.ctm;
    float scale = matrix_scale(m);
    float size = st.font_size * scale;
    text::FontId font = env_.shaper.match(family_for(st.font_family), st.font_weight, st.italic);
    float width = 0;
    if (size > 0.1f && size < 2000) {
      float base_y = uy + st.baseline * st.font_size;
      float px = m[0] * ux + m[2] * base_y + m[4], py = m[1] * ux + m[3] * base_y + m[5];
      std::optional<Color> fill;
      std::shared_ptr<const Gradient> grad;
      paint_for(st.fill, st.fill_opacity, {0, 0, 0, 0}, st, fill, grad);
      if (grad) fill = grad->stops[grad->stops.size() / 2].color;
      for (const text::ShapedPart& part : env_.shaper.shape_text(font, size, p.text, false)) {
        if (fill && st.visible) {
          Matrix run = run_matrix(m, scale, px, py);
          run[4] += run[0] * width;
          run[5] += run[1] * width;
          out_.push_back(text_item(part.run, *fill, st, run));
        }
        width += part.run->width;
      }
    }
    chunk_width += width;
    ux += scale > 0 ? width / scale : 0;
  }
  end_chunk();
}

}  // namespace deckpdf::layout::svg
