// layout/svg_label — HTML in a foreignObject as diagram tools write it
// (draw.io's labels: a div with inline styles, `br`, `b`/`i`/`font`/`span`
// inside `switch`): laid out as lines of shaped text by its own inline
// styles (font size, family, weight, style, colour, line height,
// text-align, white-space, width), wrapped at the label's width unless
// `white-space: nowrap`, with a block's background-color behind it.
// The fallback `text` draw.io puts beside it holds the HTML as escaped
// markup, so the HTML is what is drawn. Other HTML (tables, pictures,
// forms) is named in a problem and drawn as its text.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "layout/svg_draw.h"
#include "layout/svg_geometry.h"
#include "source/strings.h"

namespace deckpdf::layout::svg {

namespace {

struct LabelStyle {
  float size = 16;
  Color color{0, 0, 0, 1};
  int weight = 400;
  bool italic = false;
  std::string family = "sans-serif";
  float line_height = 1.2f;  // of the font size
  bool operator==(const LabelStyle&) const = default;
};

// A block's own: alignment, wrapping, width and background (behind its
// lines' text only when it is an inline-block, as draw.io's edge labels
// are, else its whole width), and the block it is in.
struct LabelBlock {
  int align = 0;  // 0 left, 1 centre, 2 right
  bool nowrap = false;
  float width = 0;  // 0: the foreignObject's
  std::optional<Color> background;
  bool tight = false;
  int parent = -1;
};

// A word, a space or a forced break, in its style and block.
struct Atom {
  enum class Kind { Word, Space, Break } kind = Kind::Word;
  std::string text;
  LabelStyle style;
  int block = 0;  // index into the blocks
  float width = 0;
};

bool is_block_tag(const std::string& t) {
  return t == "div" || t == "p" || t == "li" || t == "ul" || t == "ol" || t == "h1" || t == "h2" ||
         t == "h3" || t == "h4" || t == "tr" || t == "blockquote" || t == "pre";
}

bool is_foreign_content(const std::string& t) {
  return t == "img" || t == "table" || t == "iframe" || t == "input" || t == "video" ||
         t == "canvas" || t == "svg" || t == "math";
}

// One element's inline styles and presentational attributes over `st`
// and `block`.
void restyle(const Node& n, LabelStyle& st, LabelBlock& block) {
  if (n.tag == "b" || n.tag == "strong" || n.tag == "h1" || n.tag == "h2" || n.tag == "h3") {
    st.weight = 700;
  }
  if (n.tag == "i" || n.tag == "em") st.italic = true;
  if (n.tag == "font") {
    if (const std::string* c = n.attr("color")) {
      st.color = style::parse_color(*c).value_or(st.color);
    }
    if (const std::string* f = n.attr("face")) st.family = *f;
  }
  if (const std::string* a = n.attr("align")) {
    std::string v = ascii_lower(*a);
    block.align = v == "center" ? 1 : v == "right" ? 2 : v == "left" ? 0 : block.align;
  }
  const std::string* css = n.attr("style");
  if (!css) return;
  Declarations d;
  parse_declarations(*css, d);
  auto get = [&](const char* name) -> const std::string* {
    auto it = d.find(name);
    return it == d.end() ? nullptr : &it->second;
  };
  if (auto* v = get("font-size")) {
    st.size = std::clamp(parse_length(*v, st.size, st.size).value_or(st.size), 1.0f, 500.0f);
  }
  if (auto* v = get("color")) st.color = style::parse_color(*v).value_or(st.color);
  if (auto* v = get("font-weight")) {
    if (*v == "bold" || *v == "bolder") {
      st.weight = 700;
    } else if (*v == "normal") {
      st.weight = 400;
    } else if (int w = std::atoi(v->c_str()); w >= 100 && w <= 900) {
      st.weight = w;
    }
  }
  if (auto* v = get("font-style")) st.italic = *v == "italic" || *v == "oblique";
  if (auto* v = get("font-family")) st.family = *v;
  if (auto* v = get("line-height")) {
    std::string lh(trim(*v));
    if (lh == "normal") {
      st.line_height = 1.2f;
    } else if (auto f = parse_length(lh, st.size, st.size)) {
      bool unitless =
          !lh.empty() && (std::isdigit(static_cast<unsigned char>(lh.back())) || lh.back() == '.');
      float ratio = unitless ? *f : *f / st.size;
      st.line_height = std::clamp(ratio, 0.5f, 5.0f);
    }
  }
  if (auto* v = get("text-align")) {
    block.align = *v == "center" ? 1 : *v == "right" ? 2 : *v == "inherit" ? block.align : 0;
  }
  if (auto* v = get("white-space")) block.nowrap = *v == "nowrap" || *v == "pre";
  if (auto* v = get("width")) {
    if (auto w = parse_length(*v, 0, st.size); w && *w > 0 && *w < 100000) block.width = *w;
  }
  if (auto* v = get("display")) block.tight = *v == "inline-block" || *v == "inline";
  if (auto* v = get("background-color")) {
    auto c = style::parse_color(*v);
    block.background = c && c->a > 0 ? c : std::nullopt;
  }
}

}  // namespace

// The label's atoms, then lines filled up to the width, each aligned by
// its first atom's block and set on a baseline below the one before.
void Drawer::foreign_text(uint32_t id, const State& s) {
  const Node& fo = tree_.nodes[id];
  float fx = length(fo.attr("x"), 0, s, 0), fy = length(fo.attr("y"), 1, s, 0);
  float fw = length(fo.attr("width"), 0, s, 0);
  std::vector<Atom> atoms;
  std::vector<LabelBlock> blocks(1);
  blocks[0].width = fw;
  size_t bytes = 0;
  bool space_before = true;
  std::string foreign;
  auto line_break = [&](int block) {
    if (!atoms.empty() && atoms.back().kind == Atom::Kind::Space) atoms.pop_back();
    if (!atoms.empty() && atoms.back().kind != Atom::Kind::Break) {
      atoms.push_back({Atom::Kind::Break, "", {}, block, 0});
    }
    space_before = true;
  };
  auto visit = [&](auto& self, uint32_t node, LabelStyle st, int block, int depth) -> void {
    const Node& n = tree_.nodes[node];
    if (n.is_text()) {
      for (char ch : n.text) {
        bool white = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (++bytes > env_.limits.max_text_bytes) return;
        if (white) {
          if (!space_before) atoms.push_back({Atom::Kind::Space, " ", st, block, 0});
          space_before = true;
          continue;
        }
        if (atoms.empty() || atoms.back().kind != Atom::Kind::Word || !(atoms.back().style == st) ||
            atoms.back().block != block) {
          atoms.push_back({Atom::Kind::Word, "", st, block, 0});
        }
        atoms.back().text.push_back(ch);
        space_before = false;
      }
      return;
    }
    if (n.tag == "br") {
      atoms.push_back({Atom::Kind::Break, "", st, block, 0});
      space_before = true;
      return;
    }
    if (is_foreign_content(n.tag) && foreign.empty()) foreign = n.tag;
    LabelBlock own = blocks[static_cast<size_t>(block)];
    own.background.reset();
    own.tight = false;
    own.width = 0;
    own.parent = block;
    restyle(n, st, own);
    bool is_block = is_block_tag(n.tag);
    if (is_block && blocks.size() < 4096) {
      if (own.width <= 0) own.width = blocks[static_cast<size_t>(block)].width;
      blocks.push_back(own);
      block = static_cast<int>(blocks.size() - 1);
      line_break(block);
    } else {
      // An inline element changes only the style (its alignment and
      // width belong to the block it sits in).
      blocks[static_cast<size_t>(block)].align = own.align;
    }
    if (depth < 32) {
      for (uint32_t c : n.children) self(self, c, st, block, depth + 1);
    }
    if (is_block) line_break(block);
  };
  LabelStyle base;
  base.size = s.font_size;
  for (uint32_t c : fo.children) visit(visit, c, base, 0, 0);
  if (bytes > env_.limits.max_text_bytes) {
    problem("has more than " + std::to_string(env_.limits.max_text_bytes >> 10) +
            " KB of text in one foreignObject; the rest is left out");
  }
  if (!foreign.empty())
    problem("has HTML with " + foreign + " in foreignObject, drawn as its text");
  // Widths in user units, at the label's own sizes.
  auto font_of = [&](const LabelStyle& st) {
    return env_.shaper.match(family_for(st.family), st.weight, st.italic);
  };
  for (Atom& a : atoms) {
    if (a.kind != Atom::Kind::Break) {
      a.width = env_.shaper.measure(font_of(a.style), a.style.size, a.text, false);
    }
  }
  // Lines: [begin, end) of atoms, spaces at either end left out.
  struct Line {
    size_t begin = 0, end = 0;
  };
  std::vector<Line> lines;
  size_t i = 0;
  while (i < atoms.size()) {
    while (i < atoms.size() && atoms[i].kind == Atom::Kind::Space) ++i;
    Line line{i, i};
    float x = 0;
    while (i < atoms.size() && atoms[i].kind != Atom::Kind::Break) {
      const LabelBlock& b = blocks[static_cast<size_t>(atoms[i].block)];
      if (atoms[i].kind == Atom::Kind::Word && line.end > line.begin && !b.nowrap && b.width > 0 &&
          x + atoms[i].width > b.width + 0.5f) {
        break;
      }
      x += atoms[i].width;
      line.end = ++i;
    }
    while (line.end > line.begin && atoms[line.end - 1].kind == Atom::Kind::Space) --line.end;
    lines.push_back(line);
    if (i < atoms.size() && atoms[i].kind == Atom::Kind::Break) ++i;
  }
  const Matrix& m = s.ctm;
  float scale = matrix_scale(m);
  size_t first_item = out_.size();
  // The boxes of blocks with a background: x0, y0, x1, y1.
  std::vector<std::array<float, 4>> boxes(blocks.size(), {1e30f, 1e30f, -1e30f, -1e30f});
  float y = 0;  // the line's top, user units below the object's top
  for (const Line& line : lines) {
    float width = 0, height = 0, ascent = 0;
    for (size_t k = line.begin; k < line.end; ++k) {
      const LabelStyle& st = atoms[k].style;
      text::FontId font = font_of(st);
      float a = env_.shaper.ascent(font, st.size), d = env_.shaper.descent(font, st.size);
      float lh = st.size * st.line_height;
      // CSS's half-leading: the glyphs' box centred in the line height.
      ascent = std::max(ascent, a + (lh - a - d) / 2);
      height = std::max(height, lh);
      width += atoms[k].width;
    }
    if (line.end == line.begin) {
      y += base.size * base.line_height;  // an empty line (two br in a row)
      continue;
    }
    const LabelBlock& b = blocks[static_cast<size_t>(atoms[line.begin].block)];
    float bw = b.width > 0 ? b.width : fw;
    float x = fx + (b.align == 1 ? (bw - width) / 2 : b.align == 2 ? bw - width : 0);
    for (int bi = atoms[line.begin].block; bi >= 0; bi = blocks[static_cast<size_t>(bi)].parent) {
      const LabelBlock& owner = blocks[static_cast<size_t>(bi)];
      if (!owner.background) continue;
      std::array<float, 4>& box = boxes[static_cast<size_t>(bi)];
      float bx0 = owner.tight ? x : fx, bx1 = owner.tight ? x + width : fx + bw;
      box = {std::min(box[0], bx0), std::min(box[1], fy + y), std::max(box[2], bx1),
             std::max(box[3], fy + y + height)};
    }
    float uy = fy + y + ascent;
    // Runs of one style shaped together at their list size.
    size_t k = line.begin;
    while (k < line.end && s.visible) {
      size_t e = k;
      std::string str;
      float run_width = 0;
      while (e < line.end && atoms[e].style == atoms[k].style) {
        str += atoms[e].text;
        run_width += atoms[e].width;
        ++e;
      }
      const LabelStyle& st = atoms[k].style;
      float size = st.size * scale;
      if (size > 0.1f && size < 2000) {
        float px = m[0] * x + m[2] * uy + m[4], py = m[1] * x + m[3] * uy + m[5];
        Matrix base_m = run_matrix(m, scale, px, py);
        float pen = 0;
        for (const text::ShapedPart& part : env_.shaper.shape_text(font_of(st), size, str, false)) {
          Matrix rm = base_m;
          rm[4] += rm[0] * pen;
          rm[5] += rm[1] * pen;
          out_.push_back(text_item(part.run, st.color, s, rm));
          pen += part.run->width;
        }
      }
      x += run_width;
      k = e;
    }
    y += height;
  }
  // The backgrounds under the text, outer blocks first: an edge label's
  // white box hides the edge behind it.
  std::vector<Item> behind;
  for (size_t bi = 0; bi < blocks.size() && s.visible; ++bi) {
    const std::array<float, 4>& box = boxes[bi];
    if (!blocks[bi].background || box[0] > box[2]) continue;
    auto path = std::make_shared<PathData>();
    rect_path(*path, box[0], box[1], box[2] - box[0], box[3] - box[1], 0, 0);
    PathStyle ps;
    ps.matrix = m;
    ps.fill = *blocks[bi].background;
    ps.opacity = s.opacity;
    ps.clips = s.clips;
    Item it;
    it.v = PathItem{std::move(path), std::make_shared<const PathStyle>(std::move(ps))};
    behind.push_back(std::move(it));
  }
  out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(first_item),
              std::make_move_iterator(behind.begin()), std::make_move_iterator(behind.end()));
}

}  // namespace deckpdf::layout::svg
