// layout/svg_text — SVG text: `text` and `tspan` (and `a` inside them)
// with x, y, dx, dy, text-anchor, dominant-baseline and the font
// properties, shaped by text/ into TextItems so that the text is
// selectable and extracts. Fonts named in the SVG are matched against the
// bundled ones (FontSet::match); a monospace-looking name asks for
// monospace. Rotated or skewed text cannot be a TextItem (always level):
// it is drawn as glyph outlines (svg_outline.h), which do not extract.
#include <algorithm>
#include <cmath>

#include "layout/svg_draw.h"
#include "layout/svg_geometry.h"
#include "layout/svg_outline.h"
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

std::string family_for(const std::string& family) {
  std::string lower = ascii_lower(family);
  for (const char* mono : {"mono", "courier", "consolas", "menlo", "monaco"}) {
    if (lower.find(mono) != std::string::npos) return family + ", monospace";
  }
  return family + ", sans-serif";
}

}  // namespace

// Text under a rotation or skew as outlines at (x, y) in user space;
// its advance in user units; `anchor` (text-anchor) places it about x.
float Drawer::outlined(const std::string& str, const State& st, float x, float y, int anchor) {
  text::FontId font = env_.shaper.match(family_for(st.font_family), st.font_weight, st.italic);
  std::optional<Color> fill;
  std::shared_ptr<const Gradient> grad;
  paint_for(st.fill, st.fill_opacity, {0, 0, 0, 0}, st, fill, grad);
  if (grad) fill = grad->stops[grad->stops.size() / 2].color;
  float width = 0;
  if (st.font_size <= 0.1f || st.font_size > 2000) return 0;
  if (anchor != 0) {
    x -= env_.shaper.measure(font, st.font_size, str, false) * (anchor == 1 ? 0.5f : 1.0f);
  }
  for (const text::ShapedPart& part : env_.shaper.shape_text(font, st.font_size, str, false)) {
    auto data = std::make_shared<PathData>();
    if (fill && st.visible &&
        glyph_outlines(env_.shaper.fonts(), *part.run, *data, segments_left_) &&
        !data->ops.empty()) {
      PathStyle p;
      p.matrix = multiply(st.ctm, Matrix{1, 0, 0, 1, x + width, y});
      p.fill = fill;
      p.opacity = st.opacity;
      p.clips = st.clips;
      Item it;
      it.v = PathItem{std::move(data), std::make_shared<const PathStyle>(std::move(p))};
      out_.push_back(std::move(it));
    }
    width += part.run->width;
  }
  return width;
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
    for (size_t k = chunk_begin; k < out_.size(); ++k) out_[k].x += shift;
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
    const Matrix& m = st.ctm;
    float scale = matrix_scale(m);
    if (std::fabs(m[1]) > 1e-3f || std::fabs(m[2]) > 1e-3f || m[0] < 0 || m[3] < 0) {
      // A chunk of its own is placed by its text-anchor.
      int anchor = p.x && (i + 1 == pieces.size() || pieces[i + 1].x) ? st.anchor : 0;
      ux += outlined(p.text, st, ux, uy + st.baseline * st.font_size, anchor);
      continue;
    }
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
          Item it;
          it.x = px + width;
          it.y = py;
          Color c = *fill;
          c.a *= st.opacity;
          it.v = TextItem{part.run, c, {}};
          out_.push_back(std::move(it));
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

namespace deckpdf::layout::svg {

namespace {

// A run of an HTML label's text in one style.
struct LabelRun {
  std::string text;
  float size = 16;
  Color color{0, 0, 0, 1};
  int weight = 400;
  bool italic = false;
  std::string family = "sans-serif";
};

struct LabelStyle {
  float size = 16;
  Color color{0, 0, 0, 1};
  int weight = 400;
  bool italic = false;
  std::string family = "sans-serif";
  int align = 0;  // 0 left, 1 centre, 2 right
};

bool is_block_tag(const std::string& t) {
  return t == "div" || t == "p" || t == "li" || t == "ul" || t == "ol" || t == "h1" || t == "h2" ||
         t == "h3" || t == "table" || t == "tr";
}

}  // namespace

// A foreignObject's HTML drawn as what it mostly is in diagrams (draw.io
// labels): lines of styled text, broken at `br` and block elements,
// aligned by text-align inside the object's width, from its top.
void Drawer::foreign_text(uint32_t id, const State& s) {
  const Node& fo = tree_.nodes[id];
  problem("has HTML in foreignObject, drawn as plain lines of its text");
  float fx = length(fo.attr("x"), 0, s, 0), fy = length(fo.attr("y"), 1, s, 0);
  float fw = length(fo.attr("width"), 0, s, 0);
  std::vector<std::vector<LabelRun>> lines(1);
  int align = 0;
  bool space_before = true;
  size_t bytes = 0;
  auto new_line = [&] {
    if (!lines.back().empty()) lines.emplace_back();
    space_before = true;
  };
  auto visit = [&](auto& self, uint32_t node, LabelStyle st, int depth) -> void {
    const Node& n = tree_.nodes[node];
    if (n.is_text()) {
      LabelRun r{"", st.size, st.color, st.weight, st.italic, st.family};
      for (char ch : n.text) {
        bool white = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (white && space_before) continue;
        r.text.push_back(white ? ' ' : ch);
        space_before = white;
      }
      bytes += r.text.size();
      if (!r.text.empty() && bytes <= env_.limits.max_text_bytes) lines.back().push_back(r);
      return;
    }
    if (n.tag == "br") {
      lines.emplace_back();
      space_before = true;
      return;
    }
    if (n.tag == "b" || n.tag == "strong") st.weight = 700;
    if (n.tag == "i" || n.tag == "em") st.italic = true;
    if (n.tag == "font") {
      if (const std::string* c = n.attr("color"))
        st.color = style::parse_color(*c).value_or(st.color);
      if (const std::string* f = n.attr("face")) st.family = *f;
    }
    if (const std::string* css = n.attr("style")) {
      Declarations d;
      parse_declarations(*css, d);
      if (auto it = d.find("font-size"); it != d.end()) {
        st.size =
            std::clamp(parse_length(it->second, st.size, st.size).value_or(st.size), 1.0f, 500.0f);
      }
      if (auto it = d.find("color"); it != d.end()) {
        st.color = style::parse_color(it->second).value_or(st.color);
      }
      if (auto it = d.find("font-weight"); it != d.end()) {
        st.weight = it->second == "bold" ? 700 : it->second == "normal" ? 400 : st.weight;
      }
      if (auto it = d.find("font-family"); it != d.end()) st.family = it->second;
      if (auto it = d.find("text-align"); it != d.end()) {
        st.align = it->second == "center" ? 1 : it->second == "right" ? 2 : 0;
        align = st.align;
      }
    }
    bool block = is_block_tag(n.tag);
    if (block) new_line();
    if (depth < 32) {
      for (uint32_t c : n.children) self(self, c, st, depth + 1);
    }
    if (block) new_line();
  };
  LabelStyle base;
  base.size = s.font_size;
  for (uint32_t c : fo.children) visit(visit, c, base, 0);
  // Lines top down; line height 1.2 of the line's largest size.
  float y = 0;
  for (std::vector<LabelRun>& line : lines) {
    if (!line.empty() && line.back().text.back() == ' ') line.back().text.pop_back();
    if (line.empty()) continue;
    float size = 0, width = 0;
    std::vector<std::shared_ptr<const text::GlyphRun>> runs;
    std::vector<Color> colors;
    for (const LabelRun& r : line) {
      size = std::max(size, r.size);
      text::FontId font = env_.shaper.match(family_for(r.family), r.weight, r.italic);
      for (const text::ShapedPart& part : env_.shaper.shape_text(font, r.size, r.text, false)) {
        runs.push_back(part.run);
        colors.push_back(r.color);
        width += part.run->width;
      }
    }
    float baseline = y + size * 0.1f + size * 0.9f;
    float x = align == 1 ? (fw - width) / 2 : align == 2 ? fw - width : 0;
    // Drawn as text at the list-space scale of the current transform, or
    // as outlines when it turns the text.
    const Matrix& m = s.ctm;
    float scale = matrix_scale(m);
    bool level = std::fabs(m[1]) <= 1e-3f && std::fabs(m[2]) <= 1e-3f && m[0] > 0 && m[3] > 0;
    float ux = fx + x, uy = fy + baseline;
    float px = m[0] * ux + m[2] * uy + m[4], py = m[1] * ux + m[3] * uy + m[5];
    float pen = 0;  // user units
    for (size_t i = 0; i < runs.size(); ++i) {
      Color c = colors[i];
      c.a *= s.opacity;
      auto data = std::make_shared<PathData>();
      if (s.visible && level) {
        auto run = scale != 1
                       ? env_.shaper.shape(runs[i]->font, runs[i]->size * scale, runs[i]->text)
                       : runs[i];
        Item it;
        it.x = px + pen * scale;
        it.y = py;
        it.v = TextItem{run, c, {}};
        out_.push_back(std::move(it));
      } else if (s.visible &&
                 glyph_outlines(env_.shaper.fonts(), *runs[i], *data, segments_left_)) {
        PathStyle outline;
        outline.matrix = multiply(m, Matrix{1, 0, 0, 1, ux + pen, uy});
        outline.fill = c;
        outline.clips = s.clips;
        Item it;
        it.v = PathItem{std::move(data), std::make_shared<const PathStyle>(std::move(outline))};
        out_.push_back(std::move(it));
      }
      pen += runs[i]->width;
    }
    y += size * 1.2f;
  }
}

}  // namespace deckpdf::layout::svg
