// layout/paint — box shadows, rounded backgrounds and borders, CSS
// gradients and text shadows as items (see paint.h). Gradients become the
// same layout::Gradient that SVG's do, which pdf/paths.cpp draws as
// shadings. Blur is approximated: a shadow is a few concentric translucent
// shapes around its edge, placed so that their stacked alpha falls off as
// a Gaussian blur's does, in steps.
#include "layout/paint.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "layout/glyph_outline.h"

namespace deckpdf::layout {

using style::ComputedStyle;

namespace {

constexpr float kappa = 0.5523f;  // a quarter ellipse's Bezier handles

// The box's corner radii in px, scaled down together when adjacent ones
// overlap (CSS Backgrounds 5.5).
void radii(const style::Radii& r, float w, float h, float (&out)[4][2]) {
  for (int c = 0; c < 4; ++c) {
    out[c][0] = std::max(0.0f, r.corner[c].resolve(w));
    out[c][1] = std::max(0.0f, r.corner[c].pct ? r.corner[c].resolve(h) : r.corner[c].value);
  }
  float f = 1;
  auto fit = [&](float side, float a, float b) {
    if (a + b > side && a + b > 0) f = std::min(f, side / (a + b));
  };
  fit(w, out[0][0], out[1][0]);
  fit(w, out[3][0], out[2][0]);
  fit(h, out[0][1], out[3][1]);
  fit(h, out[1][1], out[2][1]);
  for (auto& c : out) {
    c[0] *= f;
    c[1] *= f;
  }
}

// The radii grown (or shrunk) by `by`: a round corner stays round; a
// sharp one gets `sharp`.
void grow(const float (&r)[4][2], float by, float sharp, float (&out)[4][2]) {
  for (int c = 0; c < 4; ++c) {
    for (int a = 0; a < 2; ++a) out[c][a] = r[c][a] > 0 ? std::max(0.0f, r[c][a] + by) : sharp;
  }
}

Item path_item(float x, float y, PathData path, std::shared_ptr<const PathStyle> style, int tag,
               Span span) {
  Item it;
  it.x = x;
  it.y = y;
  it.v = PathItem{std::make_shared<const PathData>(std::move(path)), std::move(style)};
  it.tag = tag;
  it.span = span;
  return it;
}

// n layers whose stacked alpha is `a` where all overlap.
float layer_alpha(float a, int n) {
  return 1 - std::pow(1 - std::clamp(a, 0.0f, 1.0f), 1.0f / static_cast<float>(n));
}

int blur_layers(float blur) {
  return blur <= 0 ? 1 : std::clamp(static_cast<int>(std::lround(blur / 3)), 2, 6);
}

// The standard normal quantile (Abramowitz and Stegun 26.2.23, error
// below 5e-4).
float normal_quantile(float q) {
  q = std::clamp(q, 1e-6f, 1 - 1e-6f);
  float p = q < 0.5f ? q : 1 - q;
  float t = std::sqrt(-2 * std::log(p));
  float z = t - (2.515517f + 0.802853f * t + 0.010328f * t * t) /
                    (1 + 1.432788f * t + 0.189269f * t * t + 0.001308f * t * t * t);
  return q < 0.5f ? -z : z;
}

// How far beyond the shape's edge layer k of n (k = 1 the outermost)
// reaches, so that the stacked layers follow a Gaussian blur's falloff
// (CSS: sigma = blur / 2): where k layers cover, the alpha they stack to
// is the blur's between there and the next edge.
float layer_edge(float blur, int k, int n, float a) {
  if (n == 1) return 0;
  float alpha = layer_alpha(a, n);
  auto stacked = [&](int m) { return 1 - std::pow(1 - alpha, static_cast<float>(m)); };
  float t = (stacked(k) + stacked(k - 1)) / 2;
  return blur / 2 * normal_quantile(1 - t / a);
}

// One box-shadow of the box w x h (corner radii `r`) whose top-left
// corner is the items' (x, y). A shadow is drawn only outside the box, as
// CSS says: each layer is clipped to everything but the box.
void shadow_items(const style::Shadow& sh, float x, float y, float w, float h,
                  const float (&r)[4][2], int tag, Span span, std::vector<Item>& out) {
  if (sh.color.a <= 0) return;
  int n = blur_layers(sh.blur);
  auto st = std::make_shared<PathStyle>();
  st->fill = Color{sh.color.r, sh.color.g, sh.color.b, layer_alpha(sh.color.a, n)};
  float m = std::fabs(sh.x) + std::fabs(sh.y) + std::fabs(sh.spread) + 2 * sh.blur + 1;
  auto clip = std::make_shared<ClipPath>();
  float none[4][2] = {};
  clip->path = rounded_rect(-m, -m, w + 2 * m, h + 2 * m, none);
  PathData inner = rounded_rect(0, 0, w, h, r);
  clip->path.ops.insert(clip->path.ops.end(), inner.ops.begin(), inner.ops.end());
  clip->path.pts.insert(clip->path.pts.end(), inner.pts.begin(), inner.pts.end());
  clip->even_odd = true;
  st->clips.push_back(std::move(clip));
  std::shared_ptr<const PathStyle> shared = std::move(st);
  for (int k = 1; k <= n; ++k) {
    float e = layer_edge(sh.blur, k, n, sh.color.a);
    float g = sh.spread + e;
    float sw = w + 2 * g, shh = h + 2 * g;
    if (sw <= 0 || shh <= 0) continue;
    float rr[4][2];
    grow(r, g, std::max(0.0f, e), rr);
    out.push_back(
        path_item(x, y, rounded_rect(sh.x - g, sh.y - g, sw, shh, rr), shared, tag, span));
  }
}

// Stop positions as fractions of `length`: missing ones spread evenly
// between their neighbours, none before an earlier one (CSS Images 3.4.3).
std::vector<float> stop_positions(const style::CssGradient& g, float length) {
  size_t n = g.stops.size();
  std::vector<float> at(n, NAN);
  for (size_t k = 0; k < n; ++k) {
    if (g.stops[k].at) at[k] = length > 0 ? g.stops[k].at->resolve(length) / length : 0;
  }
  if (std::isnan(at.front())) at.front() = 0;
  if (std::isnan(at.back())) at.back() = 1;
  for (size_t k = 1; k < n; ++k) {
    if (!std::isnan(at[k])) at[k] = std::max(at[k], at[k - 1]);
  }
  for (size_t k = 1; k < n; ++k) {
    if (!std::isnan(at[k])) continue;
    size_t e = k;
    while (std::isnan(at[e])) ++e;
    for (size_t j = k; j < e; ++j) {
      at[j] = at[k - 1] +
              (at[e] - at[k - 1]) * static_cast<float>(j - k + 1) / static_cast<float>(e - k + 1);
    }
    k = e;
  }
  return at;
}

}  // namespace

PathData rounded_rect(float x, float y, float w, float h, const float (&r)[4][2]) {
  PathData p;
  using Op = PathData::Op;
  auto pt = [&](float px, float py) {
    p.pts.push_back(px);
    p.pts.push_back(py);
  };
  auto line = [&](float px, float py) {
    p.ops.push_back(Op::Line);
    pt(px, py);
  };
  // A quarter arc from the current point to (ex, ey), its corner at (cx, cy).
  auto arc = [&](float sx, float sy, float cx, float cy, float ex, float ey) {
    if (sx == ex && sy == ey) return;
    p.ops.push_back(Op::Cubic);
    pt(sx + (cx - sx) * kappa, sy + (cy - sy) * kappa);
    pt(ex + (cx - ex) * kappa, ey + (cy - ey) * kappa);
    pt(ex, ey);
  };
  float x1 = x + w, y1 = y + h;
  p.ops.push_back(Op::Move);
  pt(x + r[0][0], y);
  line(x1 - r[1][0], y);
  arc(x1 - r[1][0], y, x1, y, x1, y + r[1][1]);
  line(x1, y1 - r[2][1]);
  arc(x1, y1 - r[2][1], x1, y1, x1 - r[2][0], y1);
  line(x + r[3][0], y1);
  arc(x + r[3][0], y1, x, y1, x, y1 - r[3][1]);
  line(x, y + r[0][1]);
  arc(x, y + r[0][1], x, y, x + r[0][0], y);
  p.ops.push_back(Op::Close);
  return p;
}

std::shared_ptr<const Gradient> gradient_for_box(const style::CssGradient& g, float w, float h) {
  auto out = std::make_shared<Gradient>();
  out->radial = g.radial;
  float length = 0;
  float sx = 0, sy = 0, dx = 0, dy = 0;  // linear: start and unit direction
  float cx = 0, cy = 0, rx = 1, ry = 1;  // radial: centre and radii
  if (!g.radial) {
    if (g.to_x != 0 && g.to_y != 0) {
      // Towards a corner: perpendicular to the diagonal between the others.
      dx = static_cast<float>(g.to_x) * h;
      dy = static_cast<float>(g.to_y) * w;
    } else if (g.to_x != 0 || g.to_y != 0) {
      dx = static_cast<float>(g.to_x);
      dy = static_cast<float>(g.to_y);
    } else {
      float a = g.angle * 3.14159265f / 180;
      dx = std::sin(a);
      dy = -std::cos(a);
    }
    float norm = std::hypot(dx, dy);
    if (norm <= 0) norm = 1;
    dx /= norm;
    dy /= norm;
    length = std::fabs(w * dx) + std::fabs(h * dy);
    sx = w / 2 - dx * length / 2;
    sy = h / 2 - dy * length / 2;
  } else {
    cx = g.cx.resolve(w);
    cy = g.cy.resolve(h);
    float near_x = std::min(std::fabs(cx), std::fabs(w - cx));
    float far_x = std::max(std::fabs(cx), std::fabs(w - cx));
    float near_y = std::min(std::fabs(cy), std::fabs(h - cy));
    float far_y = std::max(std::fabs(cy), std::fabs(h - cy));
    using E = style::CssGradient::Extent;
    switch (g.extent) {
      case E::ClosestSide: rx = near_x, ry = near_y; break;
      case E::FarthestSide: rx = far_x, ry = far_y; break;
      case E::ClosestCorner: rx = near_x * 1.41421f, ry = near_y * 1.41421f; break;
      case E::FarthestCorner: rx = far_x * 1.41421f, ry = far_y * 1.41421f; break;
      case E::Explicit:
        rx = g.rx.resolve(w);
        ry = g.circle ? rx : g.ry.resolve(h);
        break;
    }
    if (g.circle && g.extent != E::Explicit) {
      float side = g.extent == E::ClosestSide || g.extent == E::ClosestCorner
                       ? std::min(near_x, near_y)
                       : std::max(far_x, far_y);
      bool corner = g.extent == E::ClosestCorner || g.extent == E::FarthestCorner;
      rx = ry = corner ? (g.extent == E::ClosestCorner ? std::hypot(near_x, near_y)
                                                       : std::hypot(far_x, far_y))
                       : side;
    }
    rx = std::max(rx, 0.01f);
    ry = std::max(ry, 0.01f);
    length = rx;
  }
  std::vector<float> at = stop_positions(g, length);
  float p0 = at.front(), p1 = at.back();
  if (g.radial) p0 = std::max(0.0f, p0);
  if (p1 - p0 < 1e-4f) p1 = p0 + 1e-4f;
  for (size_t k = 0; k < g.stops.size(); ++k) {
    Color c = g.stops[k].color;
    // A transparent stop takes its neighbour's colour, as interpolating
    // premultiplied colours does.
    if (c.a <= 0) {
      const Color* near = nullptr;
      for (size_t d = 1; d < g.stops.size() && !near; ++d) {
        if (k + d < g.stops.size() && g.stops[k + d].color.a > 0) near = &g.stops[k + d].color;
        if (!near && k >= d && g.stops[k - d].color.a > 0) near = &g.stops[k - d].color;
      }
      if (near) c = Color{near->r, near->g, near->b, 0};
    }
    float off = std::clamp((std::max(at[k], p0) - p0) / (p1 - p0), 0.0f, 1.0f);
    out->stops.push_back({off, c});
  }
  if (!g.radial) {
    out->x1 = sx + dx * length * p0;
    out->y1 = sy + dy * length * p0;
    out->x2 = sx + dx * length * p1;
    out->y2 = sy + dy * length * p1;
  } else {
    out->x1 = out->y1 = out->x2 = out->y2 = 0;
    out->r1 = p0;
    out->r2 = p1;
    out->matrix = {rx, 0, 0, ry, cx, cy};
  }
  return out;
}

void box_paint(const ComputedStyle& s, float x, float y, float w, float h, int tag, Span span,
               std::vector<Item>& out, bool border) {
  bool round = s.border_radius.any();
  float r[4][2] = {};
  if (round) radii(s.border_radius, w, h, r);
  // The first shadow is on top.
  for (auto sh = s.box_shadow.rbegin(); sh != s.box_shadow.rend(); ++sh) {
    shadow_items(*sh, x, y, w, h, r, tag, span, out);
  }
  if (s.background && s.background->a > 0) {
    if (!round) {
      Item bg;
      bg.x = x;
      bg.y = y;
      bg.v = RectItem{w, h, *s.background, 0, {}};
      bg.tag = tag;
      bg.span = span;
      out.push_back(bg);
    } else {
      auto st = std::make_shared<PathStyle>();
      st->fill = *s.background;
      out.push_back(path_item(x, y, rounded_rect(0, 0, w, h, r), std::move(st), tag, span));
    }
  }
  if (s.background_gradient && w > 0 && h > 0) {
    auto st = std::make_shared<PathStyle>();
    st->fill_gradient = gradient_for_box(*s.background_gradient, w, h);
    // Shadings are opaque: a translucent gradient is drawn at its stops'
    // mean opacity, as SVG's are (svg_paint.cpp).
    float alpha = 0;
    for (const Gradient::Stop& stop : st->fill_gradient->stops) alpha += stop.color.a;
    alpha /= static_cast<float>(st->fill_gradient->stops.size());
    if (alpha < 1) st->fill = Color{0, 0, 0, alpha};
    out.push_back(path_item(x, y, rounded_rect(0, 0, w, h, r), std::move(st), tag, span));
  }
  float bw = border ? s.border_width : 0;
  if (bw > 0) {
    if (!round) {
      Item b;
      b.x = x + bw / 2;
      b.y = y + bw / 2;
      b.v = RectItem{w - bw, h - bw, {0, 0, 0, 0}, bw, s.border_color};
      b.tag = tag;
      b.span = span;
      out.push_back(b);
    } else {
      auto st = std::make_shared<PathStyle>();
      st->stroke = s.border_color;
      st->stroke_width = bw;
      float inner[4][2];
      grow(r, -bw / 2, 0, inner);
      out.push_back(path_item(x, y, rounded_rect(bw / 2, bw / 2, w - bw, h - bw, inner),
                              std::move(st), tag, span));
    }
  }
}

PathItem dotted_line(float width, float thickness, const Color& color) {
  auto line = std::make_shared<PathData>();
  line->ops = {PathData::Op::Move, PathData::Op::Line};
  line->pts = {thickness / 2, 0, std::max(thickness / 2, width - thickness / 2), 0};
  auto st = std::make_shared<PathStyle>();
  st->stroke = color;
  st->stroke_width = thickness;
  st->cap = PathStyle::Cap::Round;
  st->dashes = {0, 2 * thickness};  // round dots, a dot's width apart
  return PathItem{std::move(line), std::move(st)};
}

void text_shadow(const text::FontSet& fonts, const ComputedStyle& s, const Item& text,
                 std::vector<Item>& out) {
  const style::TextShadow& ts = s.text_shadow;
  const auto* t = std::get_if<TextItem>(&text.v);
  if (ts.color.a <= 0 || !t || !t->run || t->run->glyphs.empty()) return;
  // Outlines, not text: a shadow is not read back as a second copy of
  // the words.
  auto glyphs = std::make_shared<PathData>();
  size_t budget = 50000;
  if (!glyph_outlines(fonts, *t->run, *glyphs, budget) || glyphs->ops.empty()) return;
  std::shared_ptr<const PathData> shape = std::move(glyphs);
  int n = ts.blur <= 0 ? 1 : std::clamp(static_cast<int>(std::lround(ts.blur / 2)), 2, 4);
  // Layers grown from the glyphs' shape out to the blur's sigma: a glyph
  // cannot be thinned, and its stems are thinner than a blur, so where
  // they all overlap the stack is lighter than the shadow's own colour.
  float alpha = layer_alpha(n == 1 ? ts.color.a : ts.color.a * 0.6f, n);
  for (int k = 1; k <= n; ++k) {
    float e = n == 1 ? 0 : ts.blur / 2 * static_cast<float>(k - 1) / static_cast<float>(n - 1);
    auto st = std::make_shared<PathStyle>();
    st->fill = Color{ts.color.r, ts.color.g, ts.color.b, alpha};
    if (e > 0) {
      st->stroke = st->fill;
      st->stroke_width = 2 * e;
      st->join = PathStyle::Join::Round;
    }
    Item it;
    it.x = text.x + ts.x;
    it.y = text.y + ts.y;
    it.v = PathItem{shape, std::move(st)};
    it.tag = text.tag;
    it.span = text.span;
    out.push_back(std::move(it));
  }
}

void slide_gradient(Context& ctx, const deck::Slide& slide,
                    const std::optional<style::CssGradient>& own, DisplayList& list,
                    std::vector<Item>& items) {
  std::optional<style::CssGradient> g = own;
  if (const std::string* v = ctx.doc[slide.section].attr("data-background-gradient")) {
    std::string lower = *v;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    g = style::parse_gradient(lower, 16, 16);
    if (!g) {
      ctx.diags.warning(
          ctx.doc[slide.section].span, "layout.gradient",
          "data-background-gradient '" + *v + "' is not a gradient deckpdf reads; it is left out");
      return;
    }
  }
  if (!g) return;
  // The whole slide, in the content's space (drawn scaled and moved).
  float w = list.width / list.scale, h = list.height / list.scale;
  auto st = std::make_shared<PathStyle>();
  st->fill_gradient = gradient_for_box(*g, w, h);
  float none[4][2] = {};
  Item it = path_item(-list.dx / list.scale, -list.dy / list.scale, rounded_rect(0, 0, w, h, none),
                      std::move(st), 0, ctx.doc[slide.section].span);
  items.insert(items.begin(), std::move(it));
}

}  // namespace deckpdf::layout
