// layout/glyph_outline — glyph outlines through hb_font_get_glyph_shape.
#include "layout/glyph_outline.h"

#include <hb.h>

namespace deckpdf::layout {

namespace {

struct Sink {
  PathData& out;
  size_t& budget;
  float scale, x, y;  // font units -> px, the glyph's origin
  bool spent = false;

  bool take() {
    if (budget == 0) spent = true;
    if (spent) return false;
    --budget;
    return true;
  }
  void point(float fx, float fy) {
    out.pts.push_back(x + fx * scale);
    out.pts.push_back(y - fy * scale);
  }
};

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* s = static_cast<Sink*>(data);
  if (!s->take()) return;
  s->out.ops.push_back(PathData::Op::Move);
  s->point(x, y);
}

void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* s = static_cast<Sink*>(data);
  if (!s->take()) return;
  s->out.ops.push_back(PathData::Op::Line);
  s->point(x, y);
}

void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t* st, float cx, float cy, float x,
                  float y, void*) {
  auto* s = static_cast<Sink*>(data);
  if (!s->take()) return;
  s->out.ops.push_back(PathData::Op::Cubic);
  s->point(st->current_x + 2.0f / 3 * (cx - st->current_x),
           st->current_y + 2.0f / 3 * (cy - st->current_y));
  s->point(x + 2.0f / 3 * (cx - x), y + 2.0f / 3 * (cy - y));
  s->point(x, y);
}

void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x,
              float c2y, float x, float y, void*) {
  auto* s = static_cast<Sink*>(data);
  if (!s->take()) return;
  s->out.ops.push_back(PathData::Op::Cubic);
  s->point(c1x, c1y);
  s->point(c2x, c2y);
  s->point(x, y);
}

void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) {
  auto* s = static_cast<Sink*>(data);
  if (!s->take()) return;
  s->out.ops.push_back(PathData::Op::Close);
}

// One set of callbacks for every call, made on first use (C++ makes
// that thread-safe) and never freed.
hb_draw_funcs_t* funcs() {
  static hb_draw_funcs_t* f = [] {
    hb_draw_funcs_t* d = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(d, move_to, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(d, line_to, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(d, quadratic_to, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(d, cubic_to, nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(d, close_path, nullptr, nullptr);
    hb_draw_funcs_make_immutable(d);
    return d;
  }();
  return f;
}

}  // namespace

bool glyph_outlines(const text::FontSet& fonts, const text::GlyphRun& run, PathData& out,
                    size_t& budget) {
  const text::FontFace& face = fonts.face(run.font);
  if (!face.outlines || !face.hb_font || face.units_per_em == 0) return false;
  float scale = run.size / static_cast<float>(face.units_per_em);
  float pen = 0;
  for (const text::Glyph& g : run.glyphs) {
    Sink sink{out, budget, scale, pen + g.x_offset, -g.y_offset};
    hb_font_get_glyph_shape(face.hb_font, g.id, funcs(), &sink);
    if (sink.spent) return false;
    pen += g.x_advance;
  }
  return true;
}

}  // namespace deckpdf::layout
