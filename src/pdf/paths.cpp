// pdf/paths — vector paths (layout::PathItem, from SVG) as content: path
// operators, clips with W n, fills and strokes with their joins, caps and
// dashes, opacity as an ExtGState, and gradients as axial and radial
// shadings painted with `sh` inside the path's clip, stops with opacity
// through a soft mask of the same gradient in grey. A shading painted
// with `sh` is placed by the current transformation, unlike a shading
// pattern (placed in the page's default space), so a layer drawn in a
// handout cell or reused in a dimmed form shows its gradients where its
// paths are.
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>

#include "pdf/content.h"

namespace deckpdf::pdf {

void path_ops(std::string& s, const layout::PathData& p) {
  size_t k = 0;
  for (layout::PathData::Op o : p.ops) {
    switch (o) {
      case layout::PathData::Op::Move:
        op(s, {p.pts[k], p.pts[k + 1]}, "m");
        k += 2;
        break;
      case layout::PathData::Op::Line:
        op(s, {p.pts[k], p.pts[k + 1]}, "l");
        k += 2;
        break;
      case layout::PathData::Op::Cubic:
        op(s, {p.pts[k], p.pts[k + 1], p.pts[k + 2], p.pts[k + 3], p.pts[k + 4], p.pts[k + 5]},
           "c");
        k += 6;
        break;
      case layout::PathData::Op::Close: s += "h\n"; break;
    }
  }
}

namespace {

HPDF_Array numbers(HPDF_MMgr mmgr, std::initializer_list<float> values) {
  HPDF_Array a = HPDF_Array_New(mmgr);
  for (float v : values) HPDF_Array_AddReal(a, std::isfinite(v) ? v : 0);
  return a;
}

// An exponential (type 2) function from one stop to the next: their
// colours, or for a soft mask their opacities as grey.
HPDF_Dict interpolation(HPDF_MMgr mmgr, const layout::Color& a, const layout::Color& b,
                        bool alpha) {
  HPDF_Dict f = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddNumber(f, "FunctionType", 2);
  HPDF_Dict_Add(f, "Domain", numbers(mmgr, {0, 1}));
  HPDF_Dict_Add(f, "C0", alpha ? numbers(mmgr, {a.a}) : numbers(mmgr, {a.r, a.g, a.b}));
  HPDF_Dict_Add(f, "C1", alpha ? numbers(mmgr, {b.a}) : numbers(mmgr, {b.r, b.g, b.b}));
  HPDF_Dict_AddNumber(f, "N", 1);
  return f;
}

// The gradient as a shading dictionary: its stops as one type 2 function,
// or a type 3 function stitching one per interval, from 0 to 1; in RGB,
// or with `alpha` the stops' opacities in grey.
HPDF_Dict shading_dict(HPDF_Doc doc, const layout::Gradient& g, bool alpha) {
  HPDF_MMgr mmgr = doc->mmgr;
  std::vector<layout::Gradient::Stop> stops = g.stops;
  if (stops.front().offset > 0) stops.insert(stops.begin(), {0, stops.front().color});
  if (stops.back().offset < 1) stops.push_back({1, stops.back().color});
  HPDF_Dict function;
  if (stops.size() == 2) {
    function = interpolation(mmgr, stops[0].color, stops[1].color, alpha);
  } else {
    function = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddNumber(function, "FunctionType", 3);
    HPDF_Dict_Add(function, "Domain", numbers(mmgr, {0, 1}));
    HPDF_Array parts = HPDF_Array_New(mmgr), bounds = HPDF_Array_New(mmgr),
               encode = HPDF_Array_New(mmgr);
    for (size_t i = 0; i + 1 < stops.size(); ++i) {
      HPDF_Array_Add(parts, interpolation(mmgr, stops[i].color, stops[i + 1].color, alpha));
      if (i > 0) HPDF_Array_AddReal(bounds, stops[i].offset);
      HPDF_Array_AddReal(encode, 0);
      HPDF_Array_AddReal(encode, 1);
    }
    HPDF_Dict_Add(function, "Functions", parts);
    HPDF_Dict_Add(function, "Bounds", bounds);
    HPDF_Dict_Add(function, "Encode", encode);
  }
  HPDF_Dict sh = HPDF_Dict_New(mmgr);
  HPDF_Xref_Add(doc->xref, sh);
  HPDF_Dict_AddNumber(sh, "ShadingType", g.radial ? 3 : 2);
  HPDF_Dict_AddName(sh, "ColorSpace", alpha ? "DeviceGray" : "DeviceRGB");
  HPDF_Dict_Add(sh, "Coords",
                g.radial ? numbers(mmgr, {g.x1, g.y1, g.r1, g.x2, g.y2, g.r2})
                         : numbers(mmgr, {g.x1, g.y1, g.x2, g.y2}));
  HPDF_Dict_Add(sh, "Function", function);
  HPDF_Array extend = HPDF_Array_New(mmgr);
  HPDF_Array_Add(extend, HPDF_Boolean_New(mmgr, HPDF_TRUE));
  HPDF_Array_Add(extend, HPDF_Boolean_New(mmgr, HPDF_TRUE));
  HPDF_Dict_Add(sh, "Extend", extend);
  return sh;
}

bool translucent_stops(const layout::Gradient& g) {
  return std::any_of(g.stops.begin(), g.stops.end(),
                     [](const layout::Gradient::Stop& st) { return st.color.a < 1; });
}

}  // namespace

const std::pair<std::string, HPDF_Dict>& ContentWriter::shading(
    const std::shared_ptr<const layout::Gradient>& g) {
  auto it = shadings_.find(g.get());
  if (it != shadings_.end()) return it->second.named;
  std::string name = "Sh" + std::to_string(shadings_.size());
  HPDF_Dict sh = shading_dict(doc_, *g, false);
  return shadings_.emplace(g.get(), Shading{g, {name, sh}}).first->second.named;
}

// Stops with stop-opacity: an ExtGState whose luminosity soft mask is a
// transparency group painting the same gradient's opacities as grey, set
// in the path's own space, where the group's box is the path's bounds.
const std::pair<std::string, HPDF_ExtGState>& ContentWriter::soft_mask(
    const layout::PathItem& path) {
  const std::shared_ptr<const layout::Gradient>& g = path.style->fill_gradient;
  auto key = std::make_pair(g.get(), path.path.get());
  auto it = masks_.find(key);
  if (it != masks_.end()) return it->second.named;
  HPDF_MMgr mmgr = doc_->mmgr;
  const layout::PathData& p = *path.path;
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  for (size_t k = 0; k + 1 < p.pts.size(); k += 2) {
    x0 = std::min(x0, p.pts[k]);
    x1 = std::max(x1, p.pts[k]);
    y0 = std::min(y0, p.pts[k + 1]);
    y1 = std::max(y1, p.pts[k + 1]);
  }
  HPDF_Dict form = HPDF_DictStream_New(mmgr, doc_->xref);
  form->header.obj_class = HPDF_OSUBCLASS_XOBJECT | HPDF_OCLASS_DICT;
  HPDF_Dict_AddName(form, "Type", "XObject");
  HPDF_Dict_AddName(form, "Subtype", "Form");
  HPDF_Dict_Add(form, "BBox", numbers(mmgr, {x0 - 1, y0 - 1, x1 + 1, y1 + 1}));
  HPDF_Dict group = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddName(group, "Type", "Group");
  HPDF_Dict_AddName(group, "S", "Transparency");
  HPDF_Dict_AddName(group, "CS", "DeviceGray");
  HPDF_Dict_Add(form, "Group", group);
  HPDF_Dict resources = HPDF_Dict_New(mmgr), shadings = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(shadings, "A", shading_dict(doc_, *g, true));
  HPDF_Dict_Add(resources, "Shading", shadings);
  HPDF_Dict_Add(form, "Resources", resources);
  std::string content;
  const layout::Matrix& m = g->matrix;
  if (m != layout::identity_matrix) op(content, {m[0], m[1], m[2], m[3], m[4], m[5]}, "cm");
  content += "/A sh\n";
  HPDF_Stream_Write(form->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                    static_cast<HPDF_UINT>(content.size()));
  HPDF_Dict mask = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddName(mask, "Type", "Mask");
  HPDF_Dict_AddName(mask, "S", "Luminosity");
  HPDF_Dict_Add(mask, "G", form);
  HPDF_ExtGState gs = HPDF_CreateExtGState(doc_);
  HPDF_Dict_Add(gs, "SMask", mask);
  std::string name = "GM" + std::to_string(masks_.size());
  return masks_.emplace(key, Mask{g, path.path, {name, gs}}).first->second.named;
}

// An ExtGState with fill opacity `fill` and stroke opacity `stroke`.
const std::pair<std::string, HPDF_ExtGState>& ContentWriter::opacity_state(float fill,
                                                                           float stroke) {
  fill = std::round(fill * 1000) / 1000;
  stroke = std::round(stroke * 1000) / 1000;
  if (fill == stroke) return alpha_state(fill);
  auto key = std::make_pair(fill, stroke);
  auto it = path_states_.find(key);
  if (it == path_states_.end()) {
    HPDF_ExtGState gs = HPDF_CreateExtGState(doc_);
    HPDF_ExtGState_SetAlphaFill(gs, fill);
    HPDF_ExtGState_SetAlphaStroke(gs, stroke);
    std::string name = "GP" + std::to_string(path_states_.size());
    it = path_states_.emplace(key, std::make_pair(name, gs)).first;
  }
  return it->second;
}

// One path inside q/Q: moved to the item's place, clipped, mapped by its
// matrix, then filled (colour, or a shading inside the path as a clip) and
// stroked.
void ContentWriter::path_item(std::string& s, const layout::Item& item,
                              const layout::PathItem& path, Needs& needs) {
  if (!path.path || path.path->ops.empty() || !path.style) return;
  const layout::PathStyle& p = *path.style;
  bool fill = p.fill || p.fill_gradient;
  bool stroke = p.stroke && p.stroke_width > 0;
  float fill_alpha = p.fill ? p.fill->a : 1;
  float stroke_alpha = stroke ? p.stroke->a : 1;
  fill_alpha *= p.opacity;
  stroke_alpha *= p.opacity;
  if ((!fill || fill_alpha <= 0) && (!stroke || stroke_alpha <= 0)) return;
  Pen saved = pen_;
  s += "q\n";
  if (item.x != 0 || item.y != 0) op(s, {1, 0, 0, 1, item.x, item.y}, "cm");
  for (const auto& clip : p.clips) {
    path_ops(s, clip->path);
    s += clip->even_odd ? "W* n\n" : "W n\n";
  }
  const layout::Matrix& m = p.matrix;
  if (m != layout::identity_matrix) op(s, {m[0], m[1], m[2], m[3], m[4], m[5]}, "cm");
  if ((fill && fill_alpha < 1) || (stroke && stroke_alpha < 1)) {
    const auto& [name, gs] = opacity_state(fill ? fill_alpha : 1, stroke ? stroke_alpha : 1);
    needs.states[name] = gs;
    s += '/' + name + " gs\n";
  }
  if (stroke) {
    color(s, *p.stroke, true);
    op(s, {p.stroke_width}, "w");
    if (p.join != layout::PathStyle::Join::Miter) op(s, {static_cast<double>(p.join)}, "j");
    if (p.cap != layout::PathStyle::Cap::Butt) op(s, {static_cast<double>(p.cap)}, "J");
    if (p.miter_limit != 10) op(s, {p.miter_limit}, "M");
    if (!p.dashes.empty()) {
      s += '[';
      for (size_t i = 0; i < p.dashes.size(); ++i) {
        if (i) s += ' ';
        num(s, p.dashes[i]);
      }
      s += "] ";
      op(s, {p.dash_offset}, "d");
    }
  }
  if (p.fill_gradient) {
    // The shading fills the path's inside: the path as a clip, inside q/Q
    // so that the stroke after it is not clipped.
    const auto& [name, sh] = shading(p.fill_gradient);
    needs.shadings[name] = sh;
    s += "q\n";
    path_ops(s, *path.path);
    s += p.even_odd ? "W* n\n" : "W n\n";
    if (translucent_stops(*p.fill_gradient)) {
      const auto& [mask_name, mask] = soft_mask(path);
      needs.states[mask_name] = mask;
      s += '/' + mask_name + " gs\n";
    }
    const layout::Matrix& g = p.fill_gradient->matrix;
    if (g != layout::identity_matrix) op(s, {g[0], g[1], g[2], g[3], g[4], g[5]}, "cm");
    s += '/' + name + " sh\nQ\n";
    if (stroke) {
      path_ops(s, *path.path);
      s += "S\n";
    }
  } else {
    if (fill) color(s, *p.fill, false);
    path_ops(s, *path.path);
    if (fill && stroke) {
      s += p.even_odd ? "B*\n" : "B\n";
    } else if (fill) {
      s += p.even_odd ? "f*\n" : "f\n";
    } else {
      s += "S\n";
    }
  }
  s += "Q\n";
  pen_ = saved;  // Q gave back the colours from before q
}

}  // namespace deckpdf::pdf
