// layout/svg_marker — markers (arrowheads and dots) at the vertices of a
// path, line, polyline or polygon: marker-start, marker-mid, marker-end,
// with refX/refY, viewBox, markerWidth/markerHeight, markerUnits and orient
// (auto, auto-start-reverse or an angle). Marker content inherits from the
// marker element, as SVG says, not from the shape it marks; it is not
// clipped to the marker's box.
#include <cmath>

#include "layout/svg_draw.h"
#include "layout/svg_geometry.h"

namespace deckpdf::layout::svg {

namespace {

constexpr float pi = 3.14159265358979f;

struct Vertex {
  float x = 0, y = 0;
  float in = 0, out = 0;  // directions of the segments into and out of it, radians
  bool has_in = false, has_out = false;
};

float direction(float x0, float y0, float x1, float y1) {
  return std::atan2(y1 - y0, x1 - x0);
}

// The path's vertices with the directions of their segments.
std::vector<Vertex> vertices(const PathData& p) {
  std::vector<Vertex> v;
  size_t k = 0;
  float sx = 0, sy = 0;  // the subpath's start
  for (PathData::Op o : p.ops) {
    float x = 0, y = 0, cx = 0, cy = 0, ex = 0, ey = 0;
    bool segment = true;
    switch (o) {
      case PathData::Op::Move:
        x = p.pts[k];
        y = p.pts[k + 1];
        k += 2;
        sx = x;
        sy = y;
        v.push_back({x, y, 0, 0, false, false});
        segment = false;
        break;
      case PathData::Op::Line:
        ex = cx = p.pts[k];
        ey = cy = p.pts[k + 1];
        k += 2;
        break;
      case PathData::Op::Cubic:
        cx = p.pts[k];
        cy = p.pts[k + 1];
        ex = p.pts[k + 4];
        ey = p.pts[k + 5];
        k += 6;
        break;
      case PathData::Op::Close:
        ex = cx = sx;
        ey = cy = sy;
        break;
    }
    if (!segment || v.empty()) continue;
    Vertex& from = v.back();
    float start_dir = direction(from.x, from.y, cx, cy);
    if (cx == from.x && cy == from.y) start_dir = direction(from.x, from.y, ex, ey);
    float end_dir =
        o == PathData::Op::Cubic ? direction(p.pts[k - 4], p.pts[k - 3], ex, ey) : start_dir;
    from.out = start_dir;
    from.has_out = true;
    v.push_back({ex, ey, end_dir, 0, true, false});
  }
  return v;
}

}  // namespace

void Drawer::markers(const PathData& p, const State& s) {
  if (marker_depth_ > 1 || stopped_) return;
  std::vector<Vertex> vs = vertices(p);
  if (vs.empty()) return;
  ++marker_depth_;
  for (size_t i = 0; i < vs.size(); ++i) {
    int which = i == 0 ? 0 : i + 1 == vs.size() ? 2 : 1;
    auto found = ids_.find(s.markers[which]);
    if (s.markers[which].empty() || found == ids_.end() ||
        tree_.nodes[found->second].tag != "marker") {
      continue;
    }
    uint32_t mid = found->second;
    const Node& m = tree_.nodes[mid];
    const Vertex& v = vs[i];
    // The angle: along the path (the bisector in the middle), or given.
    float angle = 0;
    const std::string* orient = m.attr("orient");
    if (orient && (*orient == "auto" || *orient == "auto-start-reverse")) {
      if (v.has_in && v.has_out) {
        float d = v.out - v.in;
        while (d > pi) d -= 2 * pi;
        while (d < -pi) d += 2 * pi;
        angle = v.in + d / 2;
      } else {
        angle = v.has_in ? v.in : v.out;
      }
      if (which == 0 && *orient == "auto-start-reverse") angle += pi;
    } else if (orient) {
      angle = parse_numbers(*orient).empty() ? 0 : parse_numbers(*orient)[0] * pi / 180;
    }
    // Marker content starts from the defaults, as if the marker were a
    // child of the root, inside the shape's clips and opacity.
    State inner;
    inner.vw = s.vw;
    inner.vh = s.vh;
    inner.clips = s.clips;
    inner.opacity = s.opacity;
    float c = std::cos(angle), sn = std::sin(angle);
    inner.ctm = multiply(s.ctm, Matrix{c, sn, -sn, c, v.x, v.y});
    const std::string* units = m.attr("markerunits");
    if (!units || *units != "userSpaceOnUse") {
      inner.ctm = multiply(inner.ctm, Matrix{s.stroke_width, 0, 0, s.stroke_width, 0, 0});
    }
    float w = length(m.attr("markerwidth"), 0, s, 3), h = length(m.attr("markerheight"), 1, s, 3);
    float rx = length(m.attr("refx"), 0, s, 0), ry = length(m.attr("refy"), 1, s, 0);
    State placed;
    if (!apply(mid, inner, placed)) continue;
    placed.ctm = inner.ctm;  // the marker's own transform attribute does not apply
    std::vector<float> vb =
        m.attr("viewbox") ? parse_numbers(*m.attr("viewbox")) : std::vector<float>{};
    if (vb.size() == 4 && vb[2] > 0 && vb[3] > 0) {
      // refX/refY are in viewBox units: the viewBox's map places them at 0.
      State box = placed;
      box.ctm = identity_matrix;
      viewport(m, box, 0, 0, w, h);
      float ox = box.ctm[0] * rx + box.ctm[2] * ry + box.ctm[4];
      float oy = box.ctm[1] * rx + box.ctm[3] * ry + box.ctm[5];
      placed.ctm = multiply(placed.ctm, multiply(Matrix{1, 0, 0, 1, -ox, -oy}, box.ctm));
      placed.vw = box.vw;
      placed.vh = box.vh;
    } else {
      placed.ctm = multiply(placed.ctm, Matrix{1, 0, 0, 1, -rx, -ry});
    }
    path_.push_back(mid);
    children(mid, placed, env_.limits.max_use_depth - 1);
    path_.pop_back();
  }
  --marker_depth_;
}

}  // namespace deckpdf::layout::svg
