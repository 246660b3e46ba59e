// math/typeset — the core of the typesetter: glyphs shaped from the math
// font (script sizes with its `ssty` alternates), stretchy glyphs from the
// MATH table's variants and assemblies, atom lists with TeX's inter-atom
// spacing, and the formula cut into pieces at KaTeX's break points.
#include <algorithm>
#include <array>
#include <cmath>

#include "math/symbols.h"
#include "math/typesetter.h"

namespace deckpdf::math {

namespace detail {

void Box::add(const Box& b, float dx, float up) {
  for (Draw e : b.draws) {
    e.x += dx;
    e.y -= up;
    draws.push_back(std::move(e));
  }
}

Typesetter::Typesetter(const text::FontFace& face, text::FontId id, float size)
    : face_(face),
      font_(face.hb_font),
      id_(id),
      size_(size),
      upem_(static_cast<float>(face.units_per_em)) {}

float Typesetter::em(St st) const {
  if (st.level < 2) return size_;
  hb_ot_math_constant_t c = st.level == 2 ? HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN
                                          : HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN;
  float pct = static_cast<float>(hb_ot_math_get_constant(font_, c));
  if (pct <= 0) pct = st.level == 2 ? 70 : 50;
  return size_ * pct / 100;
}

float Typesetter::k(hb_ot_math_constant_t c, St st) const {
  return px(hb_ot_math_get_constant(font_, c), st);
}

// Shapes `utf8` (one character, perhaps with a combining mark; or \text's
// words); the run extracts as `extracted`.
Box Typesetter::shape(std::string_view utf8, St st, const std::string& extracted) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, utf8.data(), static_cast<int>(utf8.size()), 0,
                     static_cast<int>(utf8.size()));
  hb_buffer_guess_segment_properties(buf);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_feature_t ssty{HB_TAG('s', 's', 't', 'y'), static_cast<uint32_t>(st.level - 1), 0,
                    static_cast<unsigned>(-1)};
  hb_shape(font_, buf, &ssty, st.level >= 2 ? 1 : 0);
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  auto run = std::make_shared<text::GlyphRun>();
  run->font = id_;
  run->size = em(st);
  run->text = extracted;
  Box b;
  float pen = 0;
  for (unsigned i = 0; i < n; ++i) {
    text::Glyph g;
    g.id = info[i].codepoint;
    g.x_advance = px(pos[i].x_advance, st);
    g.x_offset = px(pos[i].x_offset, st);
    g.y_offset = px(pos[i].y_offset, st);
    g.cluster = 0;
    hb_glyph_extents_t ext{};
    if (hb_font_get_glyph_extents(font_, g.id, &ext)) {
      b.h = std::max(b.h, px(ext.y_bearing + pos[i].y_offset, st));
      b.d = std::max(b.d, -px(ext.y_bearing + ext.height + pos[i].y_offset, st));
    }
    pen += g.x_advance;
    run->glyphs.push_back(g);
  }
  run->width = pen;
  b.w = pen;
  if (n == 1) {
    b.glyph = info[0].codepoint;
    b.italic = px(hb_ot_math_get_glyph_italics_correction(font_, b.glyph), st);
  }
  hb_buffer_destroy(buf);
  if (n > 0) b.draws.push_back({0, 0, std::move(run), 0, 0, color_});
  return b;
}

Box Typesetter::glyph(hb_codepoint_t g, St st, const std::string& extracted) {
  auto run = std::make_shared<text::GlyphRun>();
  run->font = id_;
  run->size = em(st);
  run->text = extracted;
  text::Glyph gl;
  gl.id = g;
  gl.x_advance = px(hb_font_get_glyph_h_advance(font_, g), st);
  run->glyphs.push_back(gl);
  run->width = gl.x_advance;
  Box b;
  b.w = gl.x_advance;
  hb_glyph_extents_t ext{};
  if (hb_font_get_glyph_extents(font_, g, &ext)) {
    b.h = px(ext.y_bearing, st);
    b.d = -px(ext.y_bearing + ext.height, st);
  }
  b.glyph = g;
  b.italic = px(hb_ot_math_get_glyph_italics_correction(font_, g), st);
  b.draws.push_back({0, 0, std::move(run), 0, 0, color_});
  return b;
}

Box Typesetter::symbol(const Node& n, St st) {
  size_t i = 0;
  uint32_t cp = 0;
  {
    unsigned char c = static_cast<unsigned char>(n.text[0]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cp = c < 0x80 ? c : c < 0xE0 ? c & 0x1F : c < 0xF0 ? c & 0x0F : c & 0x07;
    for (i = 1; i < len && i < n.text.size(); ++i) {
      cp = (cp << 6) | (static_cast<unsigned char>(n.text[i]) & 0x3F);
    }
  }
  uint32_t drawn = alphabet(cp, n.variant);
  hb_codepoint_t g = 0;
  if (drawn != cp && !hb_font_get_nominal_glyph(font_, drawn, &g)) drawn = cp;
  std::string s;
  append_utf8(s, drawn);
  s += n.text.substr(i);
  // Letters in the default alphabet extract as typed ("x", not U+1D465);
  // the other alphabets as the character drawn (ℝ, 𝐱).
  return shape(s, st, n.variant == Variant::Normal ? n.text : s);
}

Box Typesetter::stretch(uint32_t cp, float target, bool vertical, St st) {
  std::string text;
  append_utf8(text, cp);
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &g)) return shape(text, st, text);
  hb_direction_t dir = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR;
  std::array<hb_ot_math_glyph_variant_t, 16> v{};
  unsigned count = static_cast<unsigned>(v.size());
  hb_ot_math_get_glyph_variants(font_, g, dir, 0, &count, v.data());
  for (unsigned i = 0; i < count; ++i) {
    if (px(v[i].advance, st) >= target) return glyph(v[i].glyph, st, text);
  }
  unsigned none = 0;  // asks for the count only
  unsigned parts = hb_ot_math_get_glyph_assembly(font_, g, dir, 0, &none, nullptr, nullptr);
  if (parts > 0) return assembly(g, target, vertical, st, text);
  return glyph(count > 0 ? v[count - 1].glyph : g, st, text);
}

// The parts of `g`'s assembly stacked from the bottom (vertical) or the
// left, extenders repeated until they reach `target`, overlaps shared out
// evenly (the MATH table's rules); a vertical one's bottom at the baseline.
Box Typesetter::assembly(hb_codepoint_t g, float target, bool vertical, St st,
                         const std::string& extracted) {
  hb_direction_t dir = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR;
  std::array<hb_ot_math_glyph_part_t, 16> parts{};
  unsigned n = static_cast<unsigned>(parts.size());
  hb_ot_math_get_glyph_assembly(font_, g, dir, 0, &n, parts.data(), nullptr);
  float min_overlap = px(hb_ot_math_get_min_connector_overlap(font_, dir), st);
  std::vector<hb_ot_math_glyph_part_t> seq;
  for (int reps = 0; reps <= 64; ++reps) {
    seq.clear();
    for (unsigned i = 0; i < n; ++i) {
      bool ext = parts[i].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER;
      for (int r = 0; r < (ext ? reps : 1); ++r) seq.push_back(parts[i]);
    }
    float total = 0;
    for (const auto& p : seq) total += px(p.full_advance, st);
    if (seq.size() > 1) total -= min_overlap * static_cast<float>(seq.size() - 1);
    if (total >= target) break;
  }
  float sum = 0, max_overlap = 1e9f;
  for (size_t i = 0; i < seq.size(); ++i) {
    sum += px(seq[i].full_advance, st);
    if (i > 0) {
      max_overlap = std::min(
          max_overlap,
          px(std::min(seq[i - 1].end_connector_length, seq[i].start_connector_length), st));
    }
  }
  float overlap = min_overlap;
  if (seq.size() > 1) {
    overlap = (sum - target) / static_cast<float>(seq.size() - 1);
    overlap = std::clamp(overlap, min_overlap, std::max(min_overlap, max_overlap));
  }
  Box b;
  float pos = 0;
  for (size_t i = 0; i < seq.size(); ++i) {
    Box part = glyph(seq[i].glyph, st, i == 0 ? extracted : std::string());
    if (vertical) {
      b.add(part, 0, pos + part.d);
      b.w = std::max(b.w, part.w);
    } else {
      b.add(part, pos, 0);
      b.h = std::max(b.h, part.h);
      b.d = std::max(b.d, part.d);
    }
    pos += px(seq[i].full_advance, st) - overlap;
  }
  (vertical ? b.h : b.w) = pos + overlap;
  return b;
}

Box Typesetter::node(const Node& n, St st) {
  using K = Node::Kind;
  switch (n.kind) {
    case K::Symbol: return symbol(n, st);
    case K::Text: return text(n, st);
    case K::Op: return op(n, st);
    case K::Group: return hlist(n.kids[0], st);
    case K::Scripts: return scripts(n, st);
    case K::Frac: return frac(n, st);
    case K::Sqrt: return sqrt(n, st);
    case K::Delimited: return left_right(n, st);
    case K::Delim: return fixed_delim(n.text, n.size, st);
    case K::Accent: return accent(n, st);
    case K::Array: return array(n, st);
    case K::Space: {
      Box b;
      b.w = n.space * em(st);
      return b;
    }
    case K::Phantom: {
      Box b = hlist(n.kids[0], st);
      b.draws.clear();
      return b;
    }
    case K::Color:
    case K::Style: return hlist(n.kids[0], st);  // atoms() splices these in a list
  }
  return {};
}

void Typesetter::atoms(const List& list, St st, std::vector<Atom>& out) {
  for (const Node& n : list) {
    if (n.kind == Node::Kind::Color) {
      std::optional<style::Color> saved = color_;
      color_ = n.color;
      atoms(n.kids[0], st, out);
      color_ = saved;
      continue;
    }
    if (n.kind == Node::Kind::Style) {
      atoms(n.kids[0], {n.math_style, st.cramped}, out);
      continue;
    }
    // A letter's italic correction is not added to its width: the math
    // italic face has no interword space, so TeX (rule 17) and KaTeX keep it
    // for a superscript's place only.
    out.push_back({n.cls, node(n, st), n.kind == Node::Kind::Space});
  }
}

namespace {

// TeX's table of spaces between atom classes (The TeXbook, ch. 18): 0
// none, 1 thin, 2 medium, 3 thick; negative: only in display and text style.
constexpr int8_t kSpacing[8][8] = {
    // Ord Op  Bin Rel Open Close Punct Inner
    {0, 1, -2, -3, 0, 0, 0, -1},      // Ord
    {1, 1, 0, -3, 0, 0, 0, -1},       // Op
    {-2, -2, 0, 0, -2, 0, 0, -2},     // Bin
    {-3, -3, 0, 0, -3, 0, 0, -3},     // Rel
    {0, 0, 0, 0, 0, 0, 0, 0},         // Open
    {0, 1, -2, -3, 0, 0, 0, -1},      // Close
    {-1, -1, 0, -1, -1, -1, -1, -1},  // Punct
    {-1, 1, -2, -3, -1, 0, -1, -1},   // Inner
};

}  // namespace

Box Typesetter::hlist(const List& list, St st, std::vector<Break>* breaks) {
  std::vector<Atom> as;
  atoms(list, st, as);
  // A binary operator with nothing to operate on is an ordinary atom.
  int prev = -1;
  for (size_t i = 0; i < as.size(); ++i) {
    if (as[i].space) continue;
    Class& c = as[i].cls;
    if (c == Class::Bin) {
      Class p = prev < 0 ? Class::Bin : as[static_cast<size_t>(prev)].cls;
      if (prev < 0 || p == Class::Bin || p == Class::Op || p == Class::Rel || p == Class::Open ||
          p == Class::Punct) {
        c = Class::Ord;
      }
    }
    if (prev >= 0 && as[static_cast<size_t>(prev)].cls == Class::Bin &&
        (c == Class::Rel || c == Class::Close || c == Class::Punct)) {
      as[static_cast<size_t>(prev)].cls = Class::Ord;
    }
    prev = static_cast<int>(i);
  }
  if (prev >= 0 && as[static_cast<size_t>(prev)].cls == Class::Bin) {
    as[static_cast<size_t>(prev)].cls = Class::Ord;
  }
  Box out;
  if (as.size() == 1 && !as[0].space) return std::move(as[0].box);
  float x = 0, mu = em(st) / 18;
  prev = -1;
  for (size_t i = 0; i < as.size(); ++i) {
    const Atom& a = as[i];
    if (!a.space && prev >= 0) {
      int s =
          kSpacing[static_cast<int>(as[static_cast<size_t>(prev)].cls)][static_cast<int>(a.cls)];
      if (s < 0 && st.level >= 2) s = 0;
      static const float widths[] = {0, 3, 4, 5};
      x += widths[std::abs(s)] * mu;
    }
    if (breaks && prev >= 0 && !a.space) {
      Class pc = as[static_cast<size_t>(prev)].cls;
      if (pc == Class::Bin || pc == Class::Rel) breaks->push_back({x, out.draws.size()});
    }
    out.add(a.box, x, 0);
    x += a.box.w;
    out.h = std::max(out.h, a.box.h);
    out.d = std::max(out.d, a.box.d);
    if (!a.space) prev = static_cast<int>(i);
  }
  out.w = x;
  return out;
}

}  // namespace detail

namespace {

// Consecutive glyphs on one baseline, at one size and colour, as one run:
// fewer text objects in the PDF, and text that extracts as one word.
std::vector<Draw> merge_runs(std::vector<Draw> in) {
  std::vector<Draw> out;
  for (Draw& d : in) {
    if (d.run && !out.empty() && out.back().run && out.back().y == d.y &&
        out.back().run->size == d.run->size && out.back().color == d.color &&
        d.x >= out.back().x + out.back().run->width - 0.01f) {
      Draw& last = out.back();
      auto run = std::make_shared<text::GlyphRun>(*last.run);
      float gap = d.x - (last.x + run->width);
      if (!run->glyphs.empty()) run->glyphs.back().x_advance += gap;
      uint32_t base = static_cast<uint32_t>(run->text.size());
      run->text += d.run->text;
      for (text::Glyph g : d.run->glyphs) {
        g.cluster += base;
        run->glyphs.push_back(g);
      }
      run->width += gap + d.run->width;
      last.run = std::move(run);
      continue;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::vector<MathBox> typeset(const List& list, bool display, const text::FontFace& face,
                             text::FontId font, float size) {
  detail::Typesetter ts(face, font, size);
  std::vector<detail::Break> breaks;
  detail::Box b = ts.hlist(list, {display ? 0 : 1, false}, display ? nullptr : &breaks);
  breaks.push_back({b.w, b.draws.size()});
  std::vector<MathBox> pieces;
  float from = 0;
  size_t k = 0;
  for (const detail::Break& br : breaks) {
    MathBox m;
    m.width = br.x - from;
    m.height = b.h;
    m.depth = b.d;
    for (; k < br.draws; ++k) {
      Draw d = b.draws[k];
      d.x -= from;
      m.draws.push_back(std::move(d));
    }
    m.draws = merge_runs(std::move(m.draws));
    pieces.push_back(std::move(m));
    from = br.x;
  }
  return pieces;
}

}  // namespace deckpdf::math
