// math/typeset_parts — the constructs, each by the OpenType MATH rules
// (as MathML Core spells them out for TeX's appendix G): large operators
// and their limits, sub- and superscripts, fractions and binomials,
// radicals, delimiters at a size or around a list, accents and bars,
// arrays (matrices, cases, aligned) and text.
#include <algorithm>
#include <cmath>

#include "math/symbols.h"
#include "math/typesetter.h"

namespace deckpdf::math::detail {

namespace {

uint32_t first_cp(const std::string& s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = c < 0x80 ? c : c < 0xE0 ? c & 0x1F : c < 0xF0 ? c & 0x0F : c & 0x07;
  for (size_t i = 1; i < len && i < s.size(); ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  }
  return cp;
}

using MC = hb_ot_math_constant_t;

}  // namespace

Box Typesetter::axis_centred(Box b, St st) const {
  float shift = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT, st) - (b.h - b.d) / 2;
  Box out;
  out.add(b, 0, shift);
  out.w = b.w;
  out.h = b.h + shift;
  out.d = b.d - shift;
  out.italic = b.italic;
  out.glyph = b.glyph;
  return out;
}

// A large operator: a bigger variant in display style, centred on the
// axis; or a named operator, its name upright.
Box Typesetter::op(const Node& n, St st) {
  if (n.variant == Variant::Rm || n.kind == Node::Kind::Text) {
    Node t = n;
    t.kind = Node::Kind::Text;
    t.variant = Variant::Rm;
    return text(t, st);
  }
  uint32_t cp = first_cp(n.text);
  float min = st.level == 0 ? k(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT, st) : 0;
  Box b = st.level == 0 ? stretch(cp, min, true, st) : shape(n.text, st, n.text);
  return axis_centred(std::move(b), st);
}

Box Typesetter::scripts(const Node& n, St st) {
  const List& base_list = n.kids[0];
  const Node* base = base_list.size() == 1 ? &base_list[0] : nullptr;
  Box b = hlist(base_list, st);
  // Primes: a math font's prime is drawn raised already, so it follows the
  // base at the base's size (as unicode-math sets f'), not as a superscript.
  List sup_list = n.kids[1];
  size_t primes = 0;
  while (primes < sup_list.size() && sup_list[primes].kind == Node::Kind::Symbol &&
         sup_list[primes].text == "\xE2\x80\xB2") {
    ++primes;
  }
  bool has_sup = n.has_sup;
  if (primes > 0) {
    Box p = hlist(List(sup_list.begin(), sup_list.begin() + static_cast<long>(primes)), st);
    b.add(p, b.w + b.italic, 0);
    b.w += b.italic + p.w;
    b.h = std::max(b.h, p.h);
    b.glyph = 0;
    b.italic = 0;
    sup_list.erase(sup_list.begin(), sup_list.begin() + static_cast<long>(primes));
    has_sup = !sup_list.empty();
    base = nullptr;
  }
  // \overbrace{x}^{n}: the note over the brace, as KaTeX sets it.
  bool brace = base && base->kind == Node::Kind::Accent &&
               (base->text == "\u23DE" || base->text == "\u23DF");
  bool limits =
      n.limits == 1 || brace ||
      (base && base->kind == Node::Kind::Op &&
       (base->limits == 1 || (base->limits == 0 && base->limits_default && st.level == 0)));
  Box sup, sub;
  if (has_sup) sup = hlist(sup_list, st.sup());
  if (n.has_sub) sub = hlist(n.kids[2], st.sub());
  float ic = b.glyph ? b.italic : 0;
  Box out;
  if (limits) {
    float w = std::max({b.w, sup.w, sub.w});
    float bx = (w - b.w) / 2;
    out.add(b, bx, 0);
    out.h = b.h;
    out.d = b.d;
    if (has_sup) {
      float rise = std::max(k(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN, st),
                            k(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN, st) + sup.d);
      out.add(sup, (w - sup.w) / 2 + ic / 2, b.h + rise);
      out.h = b.h + rise + sup.h;
    }
    if (n.has_sub) {
      float drop = std::max(k(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN, st),
                            k(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN, st) + sub.h);
      out.add(sub, (w - sub.w) / 2 - ic / 2, -(b.d + drop));
      out.d = b.d + drop + sub.d;
    }
    out.w = w;
    return out;
  }
  // A character's scripts start from its baseline; a box's from its edges.
  bool ch = base && (base->kind == Node::Kind::Symbol);
  float sub_shift = 0, sup_shift = 0;
  if (n.has_sub) {
    sub_shift = std::max({k(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN, st),
                          ch ? 0 : b.d + k(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN, st),
                          sub.h - k(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX, st)});
  }
  if (has_sup) {
    MC up = st.cramped ? HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED
                       : HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP;
    sup_shift = std::max({k(up, st),
                          ch ? 0 : b.h - k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX, st),
                          sup.d + k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN, st)});
  }
  if (n.has_sub && has_sup) {
    float gap = (sup_shift - sup.d) - (sub.h - sub_shift);
    float min_gap = k(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN, st);
    if (gap < min_gap) {
      sub_shift += min_gap - gap;
      float lift =
          k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT, st) - (sup_shift - sup.d);
      if (lift > 0) {
        sup_shift += lift;
        sub_shift -= lift;
      }
    }
  }
  out.add(b, 0, 0);
  float after = k(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT, st);
  out.w = b.w;
  out.h = b.h;
  out.d = b.d;
  if (has_sup) {
    out.add(sup, b.w + ic, sup_shift);
    out.w = std::max(out.w, b.w + ic + sup.w + after);
    out.h = std::max(out.h, sup_shift + sup.h);
  }
  if (n.has_sub) {
    out.add(sub, b.w, -sub_shift);
    out.w = std::max(out.w, b.w + sub.w + after);
    out.d = std::max(out.d, sub_shift + sub.d);
  }
  return out;
}

Box Typesetter::frac(const Node& n, St outer) {
  St st = outer;
  if (n.frac_style >= 0) st = {n.frac_style, outer.cramped};
  bool display = st.level == 0;
  Box num = hlist(n.kids[0], st.num()), den = hlist(n.kids[1], st.den());
  float axis = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT, st);
  float up, down;
  float t = n.binom ? 0 : k(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS, st);
  if (n.binom) {
    up = k(display ? HB_OT_MATH_CONSTANT_STACK_TOP_DISPLAY_STYLE_SHIFT_UP
                   : HB_OT_MATH_CONSTANT_STACK_TOP_SHIFT_UP,
           st);
    down = k(display ? HB_OT_MATH_CONSTANT_STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN
                     : HB_OT_MATH_CONSTANT_STACK_BOTTOM_SHIFT_DOWN,
             st);
    float gap = (up - num.d) - (den.h - down);
    float min = k(display ? HB_OT_MATH_CONSTANT_STACK_DISPLAY_STYLE_GAP_MIN
                          : HB_OT_MATH_CONSTANT_STACK_GAP_MIN,
                  st);
    if (gap < min) {
      up += (min - gap) / 2;
      down += (min - gap) / 2;
    }
  } else {
    up = std::max(k(display ? HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP
                            : HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP,
                    st),
                  k(display ? HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN
                            : HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN,
                    st) +
                      t / 2 + axis + num.d);
    down = std::max(k(display ? HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN
                              : HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN,
                      st),
                    k(display ? HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN
                              : HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN,
                      st) +
                        t / 2 - axis + den.h);
  }
  // KaTeX's \nulldelimiterspace (0.12em) on each side of a bare fraction.
  float pad = n.binom ? 0 : 0.12f * em(outer);
  float w = std::max(num.w, den.w);
  Box out;
  out.add(num, pad + (w - num.w) / 2, up);
  out.add(den, pad + (w - den.w) / 2, -down);
  if (t > 0) out.draws.push_back({pad, -(axis + t / 2), nullptr, w, t, color_});
  out.w = w + 2 * pad;
  out.h = up + num.h;
  out.d = down + den.d;
  if (n.binom) return delimited(out, "(", ")", st);
  return out;
}

Box Typesetter::sqrt(const Node& n, St st) {
  Box body = hlist(n.kids[0], st.crampd());
  float gap = k(st.level == 0 ? HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP
                              : HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP,
                st);
  float t = k(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS, st);
  float extra = k(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER, st);
  float target = body.h + body.d + gap + t;
  Box rad = stretch(0x221A, target, true, st);
  float rad_total = rad.h + rad.d;
  // The glyph's spare height goes half to the gap (TeX's \sqrt).
  if (rad_total > target) gap += (rad_total - target) / 2;
  float top = body.h + gap + t;  // the rule's top
  float rad_up = top - rad.h;    // the glyph's baseline shift
  Box out;
  float x = 0;
  if (!n.kids[1].empty()) {
    Box index = hlist(n.kids[1], {3, false});
    float before = k(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE, st);
    float after = k(HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE, st);
    float raise =
        hb_ot_math_get_constant(font_, HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT) /
        100.0f * (rad.h + rad.d);
    float bottom = rad_up - rad.d;
    out.add(index, before, bottom + raise + index.d);
    x = std::max(0.0f, before + index.w + after);
    out.h = std::max(out.h, bottom + raise + index.d + index.h);
  }
  out.add(rad, x, rad_up);
  x += rad.w;
  out.draws.push_back({x, -top, nullptr, body.w, t, color_});
  out.add(body, x, 0);
  out.w = x + body.w;
  out.h = std::max(out.h, top + extra);
  out.d = std::max(body.d, rad.d - rad_up);
  return out;
}

// The size of delimiters around a box reaching `h` up and `d` down, by
// TeX's rule (\delimiterfactor 901, \delimitershortfall 5pt, as KaTeX has them).
float Typesetter::delim_target(float h, float d, St st) const {
  float axis = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT, st);
  float delta = std::max(h - axis, d + axis);
  return std::max(delta * 2 * 0.901f, 2 * delta - 0.5f * em(st));
}

// \left ... \middle ... \right: every delimiter as tall as the tallest list needs.
Box Typesetter::left_right(const Node& n, St st) {
  std::vector<Box> parts;
  float h = 0, d = 0;
  for (const List& l : n.kids) {
    parts.push_back(hlist(l, st));
    h = std::max(h, parts.back().h);
    d = std::max(d, parts.back().d);
  }
  Box body = std::move(parts[0]);
  float target = delim_target(h, d, st);
  for (size_t i = 1; i < parts.size(); ++i) {
    if (!n.middles[i - 1].empty()) {
      Box m = axis_centred(stretch(first_cp(n.middles[i - 1]), target, true, st), st);
      body.add(m, body.w, 0);
      body.w += m.w;
      body.h = std::max(body.h, m.h);
      body.d = std::max(body.d, m.d);
    }
    body.add(parts[i], body.w, 0);
    body.w += parts[i].w;
    body.h = std::max(body.h, parts[i].h);
    body.d = std::max(body.d, parts[i].d);
  }
  return delimited(body, n.open, n.close, st);
}

// Delimiters tall enough for `body`, centred on the axis.
Box Typesetter::delimited(const Box& body, const std::string& open, const std::string& close,
                          St st) {
  float target = delim_target(body.h, body.d, st);
  Box out;
  float x = 0;
  auto side = [&](const std::string& d) {
    if (d.empty()) {
      x += 0.12f * em(st);
      return;
    }
    Box g = axis_centred(stretch(first_cp(d), target, true, st), st);
    out.add(g, x, 0);
    x += g.w;
    out.h = std::max(out.h, g.h);
    out.d = std::max(out.d, g.d);
  };
  side(open);
  out.add(body, x, 0);
  x += body.w;
  out.h = std::max(out.h, body.h);
  out.d = std::max(out.d, body.d);
  side(close);
  out.w = x;
  return out;
}

// \big, \Big, \bigg, \Bigg: KaTeX's heights 1.2, 1.8, 2.4 and 3 em.
Box Typesetter::fixed_delim(const std::string& d, int size, St st) {
  static const float heights[] = {1.2f, 1.8f, 2.4f, 3.0f};
  if (d.empty()) return {};
  float target = heights[std::clamp(size, 1, 4) - 1] * size_;
  return axis_centred(stretch(first_cp(d), target, true, st), st);
}

Box Typesetter::accent(const Node& n, St st) {
  Box base = hlist(n.kids[0], st.crampd());
  Box out;
  out.add(base, 0, 0);
  out.w = base.w;
  out.h = base.h;
  out.d = base.d;
  if (n.text == "overline" || n.text == "underline") {
    bool over = n.text == "overline";
    float gap = k(
        over ? HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP : HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP,
        st);
    float t = k(over ? HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS
                     : HB_OT_MATH_CONSTANT_UNDERBAR_RULE_THICKNESS,
                st);
    float extra = k(over ? HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER
                         : HB_OT_MATH_CONSTANT_UNDERBAR_EXTRA_DESCENDER,
                    st);
    if (over) {
      out.draws.push_back({0, -(base.h + gap + t), nullptr, base.w, t, color_});
      out.h = base.h + gap + t + extra;
    } else {
      out.draws.push_back({0, base.d + gap, nullptr, base.w, t, color_});
      out.d = base.d + gap + t + extra;
    }
    return out;
  }
  uint32_t cp = first_cp(n.text);
  if (cp == 0x23DE || cp == 0x23DF) {  // \overbrace, \underbrace: as wide as the base
    Box brace = stretch(cp, base.w, false, st);
    float gap = k(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP, st);
    float dx = (base.w - brace.w) / 2;
    if (cp == 0x23DE) {
      out.add(brace, dx, base.h + gap + brace.d);
      out.h = base.h + gap + brace.d + brace.h;
    } else {
      out.add(brace, dx, -(base.d + gap + brace.h));
      out.d = base.d + gap + brace.h + brace.d;
    }
    out.w = std::max(base.w, brace.w);
    return out;
  }
  Box acc = n.stretchy ? stretch(cp, base.w, false, st) : shape(n.text, st, n.text);
  float base_attach = base.glyph
                          ? px(hb_ot_math_get_glyph_top_accent_attachment(font_, base.glyph), st)
                          : base.w / 2;
  float acc_attach =
      acc.glyph ? px(hb_ot_math_get_glyph_top_accent_attachment(font_, acc.glyph), st) : acc.w / 2;
  float shift = std::max(0.0f, base.h - k(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT, st));
  out.add(acc, base_attach - acc_attach, shift);
  out.h = std::max(base.h, acc.h + shift);
  out.italic = base.italic;
  return out;
}

// Matrices, cases, aligned, array: columns as wide as their widest cell,
// rows at least KaTeX's strut (0.7 and 0.3 of 1.2em), centred on the axis.
Box Typesetter::array(const Node& n, St st) {
  const std::string& env = n.env;
  size_t cols = std::max<size_t>(n.cols, 1), rows = n.kids.size() / cols;
  St cell_st = env == "aligned" || env == "gathered" ? St{0, st.cramped}
               : env == "smallmatrix"                ? St{2, st.cramped}
                                                     : St{1, st.cramped};
  if (st.level > 1) cell_st.level = std::max(cell_st.level, st.level);
  std::vector<Box> cells;
  for (const List& c : n.kids) cells.push_back(hlist(c, cell_st));
  std::vector<float> widths(cols, 0), heights(rows, 0), depths(rows, 0);
  float skip = 1.2f * em(st), jot = env == "aligned" || env == "gathered" ? 0.3f * em(st) : 0;
  if (env == "smallmatrix") skip *= 0.5f;
  for (size_t r = 0; r < rows; ++r) {
    heights[r] = 0.7f * skip;
    depths[r] = 0.3f * skip + jot;
    for (size_t c = 0; c < cols; ++c) {
      const Box& b = cells[r * cols + c];
      widths[c] = std::max(widths[c], b.w);
      heights[r] = std::max(heights[r], b.h);
      depths[r] = std::max(depths[r], b.d + jot);
    }
  }
  // Column alignment and the space between columns.
  std::string align;
  std::vector<bool> rule_before(cols + 1, false);
  if (env == "array") {
    for (char ch : n.align) {
      if (ch == '|')
        rule_before[std::min(align.size(), cols)] = true;
      else
        align += ch;
    }
  }
  auto col_align = [&](size_t c) -> char {
    if (env == "array") return c < align.size() ? align[c] : 'c';
    if (env == "cases") return 'l';
    if (env == "aligned") return c % 2 == 0 ? 'r' : 'l';
    return 'c';
  };
  float sep = env == "smallmatrix" ? 0.2778f * em(st) : 0.5f * em(st);
  auto gap_before = [&](size_t c) -> float {
    if (env == "aligned") return c == 0 || c % 2 == 1 ? 0 : em(st);
    if (env == "cases") return c == 0 ? 0 : em(st);
    bool outer = env == "array";
    if (c == 0) return outer ? sep : 0;
    return 2 * sep;
  };
  float total = 0;
  for (size_t r = 0; r < rows; ++r) total += heights[r] + depths[r];
  float axis = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT, st);
  Box out;
  out.h = total / 2 + axis;
  out.d = total / 2 - axis;
  float thick = k(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS, st);
  std::vector<float> col_x(cols, 0);
  float x = 0;
  for (size_t c = 0; c < cols; ++c) {
    x += gap_before(c);
    if (rule_before[c]) out.draws.push_back({x - sep, -out.h, nullptr, thick, total, color_});
    col_x[c] = x;
    x += widths[c];
  }
  if (env == "array") x += sep;
  if (rule_before[cols]) out.draws.push_back({x, -out.h, nullptr, thick, total, color_});
  out.w = x;
  // Row by row, so that the text extracts in reading order.
  float y = out.h;  // the current row's top, up from the baseline
  for (size_t r = 0; r <= rows; ++r) {
    for (size_t line : n.hlines) {
      if (line == r) out.draws.push_back({0, -y, nullptr, x, thick, color_});
    }
    if (r == rows) break;
    for (size_t c = 0; c < cols; ++c) {
      const Box& b = cells[r * cols + c];
      char a = col_align(c);
      float dx = a == 'l' ? 0 : a == 'r' ? widths[c] - b.w : (widths[c] - b.w) / 2;
      out.add(b, col_x[c] + dx, y - heights[r]);
    }
    y -= heights[r] + depths[r];
  }
  static const std::pair<const char*, std::pair<const char*, const char*>> fences[] = {
      {"pmatrix", {"(", ")"}},
      {"bmatrix", {"[", "]"}},
      {"Bmatrix", {"{", "}"}},
      {"vmatrix", {"|", "|"}},
      {"Vmatrix", {"\xE2\x80\x96", "\xE2\x80\x96"}},
      {"cases", {"{", ""}},
  };
  for (const auto& f : fences) {
    if (env == f.first) {
      Box d = delimited(out, f.second.first, f.second.second, st);
      if (env == "cases") d.w -= 0.12f * em(st);  // no space after the missing right fence
      return d;
    }
  }
  return out;
}

// \text and named operators: the math font's upright letters, shaped as
// words; \textbf's and friends' letters from their alphabets.
Box Typesetter::text(const Node& n, St st) {
  std::string drawn;
  if (n.variant == Variant::Rm) {
    drawn = n.text;
  } else {
    for (unsigned char c : n.text) {
      if (c < 0x80)
        append_utf8(drawn, alphabet(c, n.variant == Variant::It ? Variant::It : n.variant));
      else
        drawn += static_cast<char>(c);
    }
  }
  return shape(drawn, st, n.text);
}

}  // namespace deckpdf::math::detail
