// layout/svg — the SVG subset interpreter's walk: viewports, styles into
// state, groups, use, shapes and images (see svg.h). Paint and clips are
// svg_paint.cpp's, text is svg_text.cpp's.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "layout/svg_draw.h"
#include "layout/svg_geometry.h"
#include "source/strings.h"

namespace deckpdf::layout::svg {

namespace {

// Elements that draw nothing where they stand: they are used by reference.
bool is_resource(const std::string& tag) {
  static const char* const names[] = {
      "defs", "symbol",   "lineargradient", "radialgradient", "clippath", "style", "title",
      "desc", "metadata", "marker",         "pattern",        "mask",     "filter"};
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return tag == n; });
}

std::optional<Paint> parse_paint(std::string_view v) {
  Paint p;
  if (v == "none") return p;
  if (v == "currentColor" || v == "currentcolor") {
    p.kind = Paint::Kind::Current;
    return p;
  }
  if (v.rfind("url(", 0) == 0) {
    size_t close = v.find(')');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view ref = v.substr(4, close - 4);
    while (!ref.empty() && (ref.front() == ' ' || ref.front() == '"' || ref.front() == '\''))
      ref.remove_prefix(1);
    while (!ref.empty() && (ref.back() == ' ' || ref.back() == '"' || ref.back() == '\''))
      ref.remove_suffix(1);
    if (ref.empty() || ref[0] != '#') return std::nullopt;
    p.kind = Paint::Kind::Url;
    p.url = std::string(ref.substr(1));
    std::string_view rest = trim(v.substr(close + 1));
    if (rest == "none") {
      p.fallback.reset();
    } else if (!rest.empty()) {
      p.fallback = style::parse_color(rest);
    }
    return p;
  }
  if (auto c = style::parse_color(v)) {
    p.kind = Paint::Kind::Color;
    p.color = *c;
    return p;
  }
  return std::nullopt;
}

float clamp01(float v) {
  return std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 1.0f;
}

std::optional<float> number(const std::string& v) {
  char* end = nullptr;
  float f = std::strtof(v.c_str(), &end);
  if (end == v.c_str() || !std::isfinite(f)) return std::nullopt;
  if (*end == '%') f /= 100;
  return f;
}

// The map from a viewBox to a viewport w x h under preserveAspectRatio.
Matrix viewbox_matrix(const std::vector<float>& vb, const std::string* par, float w, float h) {
  float sx = w / vb[2], sy = h / vb[3];
  std::string align = "xmidymid";
  bool slice = false;
  if (par) {
    std::string p = ascii_lower(*par);
    if (p.find("none") != std::string::npos) {
      return {sx, 0, 0, sy, -vb[0] * sx, -vb[1] * sy};
    }
    if (size_t k = p.find("xm"); k != std::string::npos && k + 8 <= p.size()) {
      align = p.substr(k, 8);
    }
    slice = p.find("slice") != std::string::npos;
  }
  float s = slice ? std::max(sx, sy) : std::min(sx, sy);
  float fx = align.compare(0, 4, "xmin") == 0 ? 0 : align.compare(0, 4, "xmax") == 0 ? 1 : 0.5f;
  float fy = align.compare(4, 4, "ymin") == 0 ? 0 : align.compare(4, 4, "ymax") == 0 ? 1 : 0.5f;
  float tx = (w - vb[2] * s) * fx - vb[0] * s, ty = (h - vb[3] * s) * fy - vb[1] * s;
  return {s, 0, 0, s, tx, ty};
}

std::vector<float> view_box(const Node& n) {
  const std::string* v = n.attr("viewbox");
  if (!v) return {};
  std::vector<float> vb = parse_numbers(*v);
  if (vb.size() != 4 || vb[2] <= 0 || vb[3] <= 0) return {};
  return vb;
}

}  // namespace

std::optional<float> parse_length(std::string_view v_in, float percent_of, float em) {
  std::string v(trim(v_in));
  char* end = nullptr;
  float f = std::strtof(v.c_str(), &end);
  if (end == v.c_str() || !std::isfinite(f) || std::fabs(f) > 1e7f) return std::nullopt;
  std::string unit = ascii_lower(trim(std::string_view(end)));
  if (unit.empty() || unit == "px") return f;
  if (unit == "%") return f * percent_of / 100;
  if (unit == "pt") return f * 96 / 72;
  if (unit == "pc") return f * 16;
  if (unit == "mm") return f * 96 / 25.4f;
  if (unit == "cm") return f * 96 / 2.54f;
  if (unit == "in") return f * 96;
  if (unit == "em") return f * em;
  if (unit == "ex") return f * em / 2;
  return std::nullopt;
}

Intrinsic intrinsic_size(const Tree& tree) {
  Intrinsic r;
  if (!tree.ok()) return r;
  const Node& root = tree.nodes[0];
  auto abs_length = [&](const char* name) -> std::optional<float> {
    const std::string* v = root.attr(name);
    if (!v || v->find('%') != std::string::npos) return std::nullopt;
    auto f = parse_length(*v, 0, 16);
    if (!f || *f <= 0 || *f > 100000) return std::nullopt;
    return f;
  };
  r.width = abs_length("width");
  r.height = abs_length("height");
  std::vector<float> vb = view_box(root);
  if (!vb.empty()) r.ratio = vb[2] / vb[3];
  if (r.width && r.height) r.ratio = *r.width / *r.height;
  return r;
}

Drawer::Drawer(const Tree& tree, Env& env, std::vector<Item>& out,
               std::vector<std::string>& problems)
    : tree_(tree), env_(env), out_(out), problems_(problems) {
  segments_left_ = env.limits.max_segments;
  instances_left_ = env.limits.max_instances;
  for (uint32_t i = 0; i < tree.nodes.size(); ++i) {
    const Node& n = tree.nodes[i];
    if (const std::string* id = n.attr("id")) ids_.emplace(*id, i);
    if (n.tag == "style") {
      std::string css;
      for (uint32_t c : n.children) css += tree.nodes[c].text;
      sheet_.add(css);
    }
    if (n.tag == "script") lack("scripts");
  }
}

void Drawer::problem(const std::string& p) {
  if (std::find(problems_.begin(), problems_.end(), p) == problems_.end()) problems_.push_back(p);
}

void Drawer::run(float width, float height) {
  if (!tree_.ok() || width <= 0 || height <= 0) return;
  State s;
  s.vw = width;
  s.vh = height;
  // A picture (img, image) without a viewBox scales as if its width and
  // height were one, as browsers draw SVG images.
  const Node& root = tree_.nodes[0];
  Intrinsic size = intrinsic_size(tree_);
  if (view_box(root).empty() && size.width && size.height) {
    Node box;
    box.attrs.emplace_back(
        "viewbox", "0 0 " + std::to_string(*size.width) + " " + std::to_string(*size.height));
    if (const std::string* par = root.attr("preserveaspectratio")) {
      box.attrs.emplace_back("preserveaspectratio", *par);
    }
    viewport(box, s, 0, 0, width, height);
  } else {
    viewport(root, s, 0, 0, width, height);
  }
  // The root's own background (draw.io writes `background-color` on it),
  // which a browser paints under an SVG picture, across its whole box.
  Declarations d = declared(tree_, sheet_, path_, 0);
  for (const char* key : {"background-color", "background"}) {
    auto it = d.find(key);
    if (it == d.end()) continue;
    if (auto c = style::parse_color(it->second); c && c->a > 0) {
      Item bg;
      bg.v = RectItem{width, height, *c, 0, {}};
      out_.push_back(std::move(bg));
    }
    break;
  }
  element(0, s, 0);
  if (!lacks_.empty()) {
    std::string list;
    for (const std::string& l : lacks_) list += (list.empty() ? "" : ", ") + l;
    problem("uses " + list + ", which deckpdf's SVG subset does not draw; the rest is drawn");
  }
}

// A viewport at (x, y), w x h in the current user space: its viewBox
// mapped into it, percentages relative to it. A slice clips to it.
void Drawer::viewport(const Node& n, State& s, float x, float y, float w, float h) {
  std::vector<float> vb = view_box(n);
  s.ctm = multiply(s.ctm, Matrix{1, 0, 0, 1, x, y});
  if (vb.empty()) {
    s.vw = w;
    s.vh = h;
    return;
  }
  const std::string* par = n.attr("preserveaspectratio");
  if (par && ascii_lower(*par).find("slice") != std::string::npos) {
    auto cp = std::make_shared<ClipPath>();
    rect_path(cp->path, 0, 0, w, h, 0, 0);
    cp->path = transformed(cp->path, s.ctm);
    s.clips.push_back(std::move(cp));
  }
  s.ctm = multiply(s.ctm, viewbox_matrix(vb, par, w, h));
  s.vw = vb[2];
  s.vh = vb[3];
}

float Drawer::length(const std::string* v, int axis, const State& s, float fallback) const {
  if (!v) return fallback;
  float whole = axis == 0 ? s.vw : axis == 1 ? s.vh : std::sqrt((s.vw * s.vw + s.vh * s.vh) / 2);
  return parse_length(*v, whole, s.font_size).value_or(fallback);
}

const Node* Drawer::target(const Node& n) const {
  const std::string* href = n.attr("href");
  if (!href) href = n.attr("xlink:href");
  if (!href || href->size() < 2 || (*href)[0] != '#') return nullptr;
  auto it = ids_.find(href->substr(1));
  return it == ids_.end() ? nullptr : &tree_.nodes[it->second];
}

// The element's declarations into the state its children inherit; false
// when it is not rendered at all (display: none).
bool Drawer::apply(uint32_t id, const State& parent, State& s) {
  s = parent;
  const Node& n = tree_.nodes[id];
  Declarations d = declared(tree_, sheet_, path_, id);
  auto get = [&](const char* name) -> const std::string* {
    auto it = d.find(name);
    return it == d.end() || it->second == "inherit" ? nullptr : &it->second;
  };
  if (const std::string* v = get("display"); v && *v == "none") return false;
  if (const std::string* t = n.attr("transform")) {
    if (auto m = parse_transform(*t)) s.ctm = multiply(s.ctm, *m);
  }
  if (const std::string* v = get("color")) {
    if (auto c = style::parse_color(*v)) s.color = *c;
  }
  if (const std::string* v = get("fill")) {
    if (auto p = parse_paint(*v)) s.fill = *p;
  }
  if (const std::string* v = get("stroke")) {
    if (auto p = parse_paint(*v)) s.stroke = *p;
  }
  if (const std::string* v = get("fill-opacity")) s.fill_opacity = clamp01(number(*v).value_or(1));
  if (const std::string* v = get("stroke-opacity")) {
    s.stroke_opacity = clamp01(number(*v).value_or(1));
  }
  if (const std::string* v = get("opacity")) s.opacity *= clamp01(number(*v).value_or(1));
  if (const std::string* v = get("fill-rule")) s.even_odd = *v == "evenodd";
  if (const std::string* v = get("clip-rule")) s.clip_even_odd = *v == "evenodd";
  if (const std::string* v = get("stroke-width"))
    s.stroke_width = std::max(0.0f, length(v, 2, s, 1));
  if (const std::string* v = get("stroke-miterlimit")) {
    s.miter = std::max(1.0f, number(*v).value_or(4));
  }
  if (const std::string* v = get("stroke-linejoin")) {
    s.join = *v == "round"   ? PathStyle::Join::Round
             : *v == "bevel" ? PathStyle::Join::Bevel
                             : PathStyle::Join::Miter;
  }
  if (const std::string* v = get("stroke-linecap")) {
    s.cap = *v == "round"    ? PathStyle::Cap::Round
            : *v == "square" ? PathStyle::Cap::Square
                             : PathStyle::Cap::Butt;
  }
  if (const std::string* v = get("stroke-dasharray")) {
    s.dashes = *v == "none" ? std::vector<float>{} : parse_numbers(*v);
    bool bad = std::any_of(s.dashes.begin(), s.dashes.end(), [](float f) { return f < 0; });
    bool zero = std::all_of(s.dashes.begin(), s.dashes.end(), [](float f) { return f == 0; });
    if (bad || zero || s.dashes.size() > 64) s.dashes.clear();
    if (s.dashes.size() % 2 == 1) {
      std::vector<float> twice = s.dashes;
      twice.insert(twice.end(), s.dashes.begin(), s.dashes.end());
      s.dashes = twice;
    }
  }
  if (const std::string* v = get("stroke-dashoffset")) s.dash_offset = length(v, 2, s, 0);
  if (const std::string* v = get("visibility")) s.visible = *v == "visible";
  if (const std::string* v = get("font-size")) {
    s.font_size =
        std::clamp(parse_length(*v, parent.font_size, parent.font_size).value_or(parent.font_size),
                   0.0f, 10000.0f);
  }
  if (const std::string* v = get("font-family")) s.font_family = *v;
  if (const std::string* v = get("font-weight")) {
    s.font_weight = *v == "bold"     ? 700
                    : *v == "normal" ? 400
                    : *v == "bolder" ? std::min(900, s.font_weight + 300)
                    : *v == "lighter"
                        ? std::max(100, s.font_weight - 300)
                        : std::clamp(static_cast<int>(number(*v).value_or(400)), 100, 900);
  }
  if (const std::string* v = get("font-style")) s.italic = *v == "italic" || *v == "oblique";
  if (const std::string* v = get("text-anchor")) {
    s.anchor = *v == "middle" ? 1 : *v == "end" ? 2 : 0;
  }
  if (const std::string* v = get("dominant-baseline")) {
    s.baseline = *v == "middle" || *v == "central"                ? 0.35f
                 : *v == "hanging" || *v == "text-before-edge"    ? 0.8f
                 : *v == "text-after-edge" || *v == "ideographic" ? -0.2f
                                                                  : 0.0f;
  }
  for (const char* name : {"filter", "mask"}) {
    if (const std::string* v = get(name); v && *v != "none") lack(std::string(name) + "s");
  }
  // Markers are inherited; `marker` sets all three.
  std::string* slots[3] = {&s.markers[0], &s.markers[1], &s.markers[2]};
  const char* names[3] = {"marker-start", "marker-mid", "marker-end"};
  for (int k = 0; k < 4; ++k) {
    const std::string* v = get(k == 3 ? "marker" : names[k]);
    if (!v) continue;
    std::optional<Paint> ref = parse_paint(*v);
    std::string target_id = ref && ref->kind == Paint::Kind::Url ? ref->url : "";
    if (k == 3) {
      for (std::string* slot : slots) *slot = target_id;
    } else {
      *slots[k] = target_id;
    }
  }
  if (const std::string* v = get("clip-path"); v && *v != "none") {
    std::optional<Paint> ref = parse_paint(*v);
    auto it = ref && ref->kind == Paint::Kind::Url ? ids_.find(ref->url) : ids_.end();
    if (it != ids_.end() && tree_.nodes[it->second].tag == "clippath") {
      // A group's clip in objectBoundingBox units takes the viewport as
      // its box; a shape's is made again with the shape's box (shape()).
      std::array<float, 4> box{0, 0, s.vw, s.vh};
      if (auto cp = clip(tree_.nodes[it->second], box, s)) s.clips.push_back(std::move(cp));
    }
  }
  return true;
}

void Drawer::element(uint32_t id, const State& parent, int use_depth) {
  if (stopped_) return;
  if (instances_left_ == 0) {
    problem("draws more than " + std::to_string(env_.limits.max_instances) +
            " elements (counting what use copies); the rest is left out");
    stopped_ = true;
    return;
  }
  --instances_left_;
  const Node& n = tree_.nodes[id];
  if (n.is_text() || n.tag.find(':') != std::string::npos || is_resource(n.tag)) return;
  if (n.tag == "script") return;
  State s;
  if (!apply(id, parent, s)) return;
  path_.push_back(id);
  if (n.tag == "svg" && id != 0) {
    viewport(n, s, length(n.attr("x"), 0, parent, 0), length(n.attr("y"), 1, parent, 0),
             length(n.attr("width"), 0, parent, parent.vw),
             length(n.attr("height"), 1, parent, parent.vh));
    children(id, s, use_depth);
  } else if (n.tag == "svg" || n.tag == "g" || n.tag == "a") {
    children(id, s, use_depth);
  } else if (n.tag == "foreignobject") {
    foreign_text(id, s);
  } else if (n.tag == "switch") {
    // The first child a browser draws: draw.io puts HTML labels in a
    // foreignObject (drawn here as text) before a fallback text.
    for (uint32_t c : n.children) {
      const Node& k = tree_.nodes[c];
      if (k.is_text() || k.attr("requiredextensions")) continue;
      element(c, s, use_depth);
      break;
    }
  } else if (n.tag == "use") {
    use(id, s, use_depth);
  } else if (n.tag == "image") {
    image(id, s);
  } else if (n.tag == "text") {
    text(id, s);
  } else {
    shape(id, s);
  }
  path_.pop_back();
}

void Drawer::children(uint32_t id, const State& s, int use_depth) {
  for (uint32_t c : tree_.nodes[id].children) element(c, s, use_depth);
}

void Drawer::use(uint32_t id, const State& s, int use_depth) {
  const Node& n = tree_.nodes[id];
  const std::string* href = n.attr("href");
  if (!href) href = n.attr("xlink:href");
  if (use_depth >= env_.limits.max_use_depth) {
    problem("nests use more than " + std::to_string(env_.limits.max_use_depth) +
            " deep; the deeper ones are left out");
    return;
  }
  if (href && !href->empty() && (*href)[0] != '#') {
    external_use(n, s, *href, use_depth);
    return;
  }
  const Node* t = target(n);
  if (t) use_target(static_cast<uint32_t>(t - tree_.nodes.data()), n, s, use_depth);
}

// What `use` element `n` draws: element `tid` of this tree (a symbol or
// svg in a viewport of the use's size), moved by the use's x and y.
void Drawer::use_target(uint32_t tid, const Node& n, const State& s, int use_depth) {
  const Node* t = &tree_.nodes[tid];
  State inner = s;
  inner.ctm = multiply(
      s.ctm, Matrix{1, 0, 0, 1, length(n.attr("x"), 0, s, 0), length(n.attr("y"), 1, s, 0)});
  if (t->tag == "symbol" || t->tag == "svg") {
    State sym;
    if (!apply(tid, inner, sym)) return;
    float w = length(n.attr("width"), 0, s, length(t->attr("width"), 0, s, s.vw));
    float h = length(n.attr("height"), 1, s, length(t->attr("height"), 1, s, s.vh));
    viewport(*t, sym, 0, 0, w, h);
    path_.push_back(tid);
    children(tid, sym, use_depth + 1);
    path_.pop_back();
    return;
  }
  element(tid, inner, use_depth + 1);
}

// The geometry of a basic shape or path, in user space.
bool Drawer::geometry(const Node& n, const State& s, PathData& p) {
  auto len = [&](const char* name, int axis) { return length(n.attr(name), axis, s, 0); };
  if (n.tag == "path") {
    const std::string* d = n.attr("d");
    if (!d) return false;
    size_t before = segments_left_;
    parse_path(*d, p, segments_left_);
    if (segments_left_ == 0 && before > 0) {
      problem("has more than " + std::to_string(env_.limits.max_segments) +
              " path segments; the rest is left out");
    }
  } else if (n.tag == "rect") {
    float w = len("width", 0), h = len("height", 1);
    if (w <= 0 || h <= 0) return false;
    const std::string* rxa = n.attr("rx");
    const std::string* rya = n.attr("ry");
    float rx = len("rx", 0), ry = len("ry", 1);
    if (!rxa) rx = ry;
    if (!rya) ry = rx;
    rect_path(p, len("x", 0), len("y", 1), w, h, std::clamp(rx, 0.0f, w / 2),
              std::clamp(ry, 0.0f, h / 2));
  } else if (n.tag == "circle") {
    float r = len("r", 2);
    if (r <= 0) return false;
    ellipse_path(p, len("cx", 0), len("cy", 1), r, r);
  } else if (n.tag == "ellipse") {
    float rx = len("rx", 0), ry = len("ry", 1);
    if (!n.attr("rx")) rx = ry;
    if (!n.attr("ry")) ry = rx;
    if (rx <= 0 || ry <= 0) return false;
    ellipse_path(p, len("cx", 0), len("cy", 1), rx, ry);
  } else if (n.tag == "line") {
    poly_path(p, {len("x1", 0), len("y1", 1), len("x2", 0), len("y2", 1)}, false);
  } else if (n.tag == "polyline" || n.tag == "polygon") {
    const std::string* pts = n.attr("points");
    if (!pts) return false;
    std::vector<float> v = parse_numbers(*pts);
    if (v.size() / 2 > segments_left_) {
      problem("has more than " + std::to_string(env_.limits.max_segments) +
              " path segments; the rest is left out");
      v.resize(segments_left_ * 2);
    }
    segments_left_ -= v.size() / 2;
    poly_path(p, v, n.tag == "polygon");
  } else {
    return false;  // an element the subset does not know draws nothing
  }
  return !p.ops.empty();
}

void Drawer::shape(uint32_t id, const State& s) {
  const Node& n = tree_.nodes[id];
  auto data = std::make_shared<PathData>();
  // A transform that squashes the shape flat draws nothing (a singular
  // matrix in the PDF would only draw a warning).
  if (std::fabs(s.ctm[0] * s.ctm[3] - s.ctm[1] * s.ctm[2]) < 1e-12f) return;
  if (!geometry(n, s, *data) || !s.visible) return;
  std::array<float, 4> bbox = path_bounds(*data);
  PathStyle p;
  p.matrix = s.ctm;
  p.even_odd = s.even_odd;
  p.opacity = s.opacity;
  p.clips = s.clips;
  // A clip in objectBoundingBox units on the shape itself takes its box.
  Declarations d = declared(tree_, sheet_, path_, id);
  if (auto it = d.find("clip-path"); it != d.end() && it->second.rfind("url(", 0) == 0) {
    std::optional<Paint> ref = parse_paint(it->second);
    auto cid = ref ? ids_.find(ref->url) : ids_.end();
    const std::string* units =
        cid != ids_.end() ? tree_.nodes[cid->second].attr("clippathunits") : nullptr;
    if (units && *units == "objectBoundingBox" && !p.clips.empty()) {
      p.clips.back() = clip(tree_.nodes[cid->second], bbox, s);
      if (!p.clips.back()) p.clips.pop_back();
    }
  }
  paint_for(s.fill, s.fill_opacity, bbox, s, p.fill, p.fill_gradient);
  std::shared_ptr<const Gradient> stroke_gradient;
  if (s.stroke_width > 0 &&
      paint_for(s.stroke, s.stroke_opacity, bbox, s, p.stroke, stroke_gradient)) {
    // A gradient stroke is drawn in its middle colour.
    if (stroke_gradient) {
      const auto& stops = stroke_gradient->stops;
      p.stroke = stops[stops.size() / 2].color;
    }
    p.stroke_width = s.stroke_width;
    p.join = s.join;
    p.cap = s.cap;
    p.miter_limit = s.miter;
    p.dashes = s.dashes;
    p.dash_offset = s.dash_offset;
  }
  bool markable = n.tag == "path" || n.tag == "line" || n.tag == "polyline" || n.tag == "polygon";
  if (p.fill || p.fill_gradient || p.stroke) {
    Item it;
    it.v = PathItem{data, std::make_shared<const PathStyle>(std::move(p))};
    out_.push_back(std::move(it));
  }
  if (markable && (!s.markers[0].empty() || !s.markers[1].empty() || !s.markers[2].empty())) {
    markers(*data, s);
  }
}

void draw(const Tree& tree, float width, float height, Env& env, std::vector<Item>& out,
          std::vector<std::string>& problems) {
  Drawer d(tree, env, out, problems);
  d.run(width, height);
}

}  // namespace deckpdf::layout::svg
