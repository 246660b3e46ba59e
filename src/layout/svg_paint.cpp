// layout/svg_paint — paint servers and clips: a fill or stroke as a colour
// or a gradient (linear or radial, units, gradientTransform, attributes and
// stops inherited through href), and clipPath elements as ClipPaths.
#include <algorithm>
#include <cmath>

#include "layout/svg_draw.h"
#include "layout/svg_geometry.h"

namespace deckpdf::layout::svg {

// The colour or gradient `p` paints with at `opacity`; false when it
// paints nothing.
bool Drawer::paint_for(const Paint& p, float opacity, const std::array<float, 4>& bbox,
                       const State& s, std::optional<Color>& color,
                       std::shared_ptr<const Gradient>& grad) {
  switch (p.kind) {
    case Paint::Kind::None: return false;
    case Paint::Kind::Color:
    case Paint::Kind::Current: {
      Color c = p.kind == Paint::Kind::Color ? p.color : s.color;
      c.a *= opacity;
      color = c;
      return true;
    }
    case Paint::Kind::Url: break;
  }
  auto it = ids_.find(p.url);
  const Node* server = it == ids_.end() ? nullptr : &tree_.nodes[it->second];
  if (server && (server->tag == "lineargradient" || server->tag == "radialgradient")) {
    grad = gradient(*server, bbox, s);
    if (grad) {
      // fill-opacity is the gradient's opacity, which PathItem reads from
      // the fill colour's alpha; the stops keep their own (stop-opacity),
      // which pdf/ draws through a soft mask.
      bool one = grad->stops.size() == 1;
      if (one || opacity < 1) {
        Color c = grad->stops[grad->stops.size() / 2].color;
        c.a = (one ? c.a : 1) * opacity;
        color = c;
      }
      if (grad->stops.size() == 1) grad.reset();  // one stop paints its colour
      return true;
    }
    return false;  // no stops: paints nothing, as SVG says
  }
  if (server && server->tag == "pattern") lack("patterns");
  if (p.fallback) {
    Color c = *p.fallback;
    c.a *= opacity;
    color = c;
    return true;
  }
  return false;
}

std::shared_ptr<const Gradient> Drawer::gradient(const Node& g, const std::array<float, 4>& bbox,
                                                 const State& s) {
  // Attributes and stops come from the first of the href chain that has
  // them (at most a few links: a loop ends there).
  std::vector<const Node*> chain{&g};
  while (chain.size() < 8) {
    const Node* next = target(*chain.back());
    if (!next || (next->tag != "lineargradient" && next->tag != "radialgradient")) break;
    chain.push_back(next);
  }
  auto attr = [&](const char* name) -> const std::string* {
    for (const Node* n : chain) {
      if (const std::string* v = n->attr(name)) return v;
    }
    return nullptr;
  };
  const std::string* units = attr("gradientunits");
  bool user = units && *units == "userSpaceOnUse";
  std::string key;
  if (user) {
    if (const std::string* id = g.attr("id")) key = *id;
    if (auto hit = user_gradients_.find(key); !key.empty() && hit != user_gradients_.end()) {
      return hit->second;
    }
  }
  auto out = std::make_shared<Gradient>();
  out->radial = g.tag == "radialgradient";
  // Stops: offset (number or %), stop-color and stop-opacity from the
  // stop's attributes and style.
  for (const Node* n : chain) {
    bool any = false;
    for (uint32_t c : n->children) {
      const Node& stop = tree_.nodes[c];
      if (stop.tag != "stop") continue;
      any = true;
      Declarations d = declared(tree_, sheet_, path_, c);
      Gradient::Stop st;
      if (const std::string* o = stop.attr("offset")) {
        float v = parse_length(*o, 1, 1).value_or(0);
        st.offset = std::clamp(v, 0.0f, 1.0f);
      }
      if (!out->stops.empty()) st.offset = std::max(st.offset, out->stops.back().offset);
      st.color = {0, 0, 0, 1};
      if (auto it = d.find("stop-color"); it != d.end()) {
        if (it->second == "currentColor") {
          st.color = s.color;
        } else if (auto col = style::parse_color(it->second)) {
          st.color = *col;
        }
      }
      if (auto it = d.find("stop-opacity"); it != d.end()) {
        st.color.a *= std::clamp(parse_length(it->second, 1, 1).value_or(1), 0.0f, 1.0f);
      }
      if (out->stops.size() < 256) out->stops.push_back(st);
    }
    if (any) break;
  }
  if (out->stops.empty()) return nullptr;
  // Lengths: fractions of the box, or user units (percentages of the
  // viewport).
  auto len = [&](const char* name, int axis, float dflt) {
    const std::string* v = attr(name);
    if (!v) return dflt;
    if (!user) return parse_length(*v, 1, s.font_size).value_or(dflt);
    return length(v, axis, s, dflt);
  };
  if (out->radial) {
    float cx = len("cx", 0, user ? s.vw / 2 : 0.5f), cy = len("cy", 1, user ? s.vh / 2 : 0.5f);
    float r = len("r", 2, user ? std::sqrt((s.vw * s.vw + s.vh * s.vh) / 2) / 2 : 0.5f);
    out->x2 = cx;
    out->y2 = cy;
    out->r2 = std::max(0.0f, r);
    out->x1 = len("fx", 0, cx);
    out->y1 = len("fy", 1, cy);
    out->r1 = std::clamp(len("fr", 2, 0), 0.0f, out->r2);
  } else {
    out->x1 = len("x1", 0, 0);
    out->y1 = len("y1", 1, 0);
    out->x2 = len("x2", 0, user ? s.vw : 1);
    out->y2 = len("y2", 1, 0);
  }
  Matrix m = identity_matrix;
  if (!user) {
    if (bbox[2] <= 0 || bbox[3] <= 0) return nullptr;  // no box: SVG paints nothing
    m = {bbox[2], 0, 0, bbox[3], bbox[0], bbox[1]};
  }
  if (const std::string* t = attr("gradienttransform")) {
    if (auto gt = parse_transform(*t)) m = multiply(m, *gt);
  }
  if (std::fabs(m[0] * m[3] - m[1] * m[2]) < 1e-12f) return nullptr;  // flat: paints nothing
  out->matrix = m;
  if (user && !key.empty()) user_gradients_[key] = out;
  return out;
}

// A clipPath's shapes (and texts' boxes are not: text does not clip) as
// one path in item space: the union of shapes drawn with the non-zero
// rule, as most clip paths are single shapes.
std::shared_ptr<const ClipPath> Drawer::clip(const Node& cp, const std::array<float, 4>& bbox,
                                             const State& s) {
  Matrix m = s.ctm;
  if (const std::string* t = cp.attr("transform")) {
    if (auto ct = parse_transform(*t)) m = multiply(m, *ct);
  }
  const std::string* units = cp.attr("clippathunits");
  if (units && *units == "objectBoundingBox") {
    m = multiply(m, Matrix{bbox[2], 0, 0, bbox[3], bbox[0], bbox[1]});
  }
  auto out = std::make_shared<ClipPath>();
  bool first = true;
  for (uint32_t c : cp.children) {
    const Node* n = &tree_.nodes[c];
    Matrix shape_m = m;
    if (n->tag == "use") {
      const Node* t = target(*n);
      if (!t) continue;
      shape_m = multiply(
          m, Matrix{1, 0, 0, 1, length(n->attr("x"), 0, s, 0), length(n->attr("y"), 1, s, 0)});
      n = t;
    }
    if (const std::string* t = n->attr("transform")) {
      if (auto nt = parse_transform(*t)) shape_m = multiply(shape_m, *nt);
    }
    PathData p;
    if (!geometry(*n, s, p)) continue;
    PathData placed = transformed(p, shape_m);
    out->path.ops.insert(out->path.ops.end(), placed.ops.begin(), placed.ops.end());
    out->path.pts.insert(out->path.pts.end(), placed.pts.begin(), placed.pts.end());
    if (first) {
      Declarations d =
          declared(tree_, sheet_, path_, static_cast<uint32_t>(n - tree_.nodes.data()));
      auto rule = d.find("clip-rule");
      out->even_odd = rule != d.end() ? rule->second == "evenodd" : s.clip_even_odd;
    }
    first = false;
  }
  if (out->path.ops.empty()) {
    // An empty clip path clips everything away: an empty rectangle.
    rect_path(out->path, 0, 0, 0, 0, 0, 0);
  }
  return out;
}

}  // namespace deckpdf::layout::svg
