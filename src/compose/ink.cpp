// compose/ink — dark slides turned light for printing (see ink.h). One
// pass over a copy of the list: background items dropped, colours turned;
// the layers are grouped again, as after any change to a list.
#include "compose/ink.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "layout/layers.h"
#include "style/color.h"

namespace deckpdf::compose {

bool ink_is_dark(const layout::Color& background) {
  return background.a > 0 && style::color_brightness(background) < 128;
}

layout::Color ink_turn(const layout::Color& c) {
  // RGB -> HSL, L turned, back to RGB (CSS Color 4's algorithm).
  float mx = std::max({c.r, c.g, c.b}), mn = std::min({c.r, c.g, c.b});
  float l = (mx + mn) / 2;
  float d = mx - mn;
  float l2 = 1 - l;
  if (d <= 1e-6f) return {l2, l2, l2, c.a};
  float s = d / (1 - std::fabs(2 * l - 1));
  float h = 0;
  if (mx == c.r) {
    h = std::fmod((c.g - c.b) / d + 6, 6.0f);
  } else if (mx == c.g) {
    h = (c.b - c.r) / d + 2;
  } else {
    h = (c.r - c.g) / d + 4;
  }
  float chroma = (1 - std::fabs(2 * l2 - 1)) * s;
  float x = chroma * (1 - std::fabs(std::fmod(h, 2.0f) - 1));
  float r = 0, g = 0, b = 0;
  switch (static_cast<int>(h) % 6) {
    case 0: r = chroma, g = x; break;
    case 1: r = x, g = chroma; break;
    case 2: g = chroma, b = x; break;
    case 3: g = x, b = chroma; break;
    case 4: r = x, b = chroma; break;
    default: r = chroma, b = x; break;
  }
  float m = l2 - chroma / 2;
  auto clamp = [](float v) { return std::clamp(v, 0.0f, 1.0f); };
  return {clamp(r + m), clamp(g + m), clamp(b + m), c.a};
}

namespace {

std::shared_ptr<const layout::PathStyle> style_turned(const layout::PathStyle& s) {
  auto out = std::make_shared<layout::PathStyle>(s);
  if (out->fill) out->fill = ink_turn(*out->fill);
  if (out->stroke) out->stroke = ink_turn(*out->stroke);
  if (s.fill_gradient) {
    auto g = std::make_shared<layout::Gradient>(*s.fill_gradient);
    for (auto& stop : g->stops) stop.color = ink_turn(stop.color);
    out->fill_gradient = std::move(g);
  }
  return out;
}

}  // namespace

std::optional<layout::DisplayList> ink_saving(const deck::Slide& slide,
                                              const layout::DisplayList& list) {
  if (!ink_is_dark(list.background)) return std::nullopt;
  layout::DisplayList out;
  out.width = list.width;
  out.height = list.height;
  out.background = {1, 1, 1, 1};
  out.scale = list.scale;
  out.dx = list.dx;
  out.dy = list.dy;
  out.clip = list.clip;
  out.step_count = list.step_count;
  out.effects = list.effects;
  out.structure = list.structure;
  for (auto& set : out.effects) {
    for (auto& e : set) e.color = ink_turn(e.color);
  }
  out.items.reserve(list.items.size());
  for (const layout::Item& item : list.items) {
    // The slide's background picture and gradient carry the section's span.
    bool background = item.span.begin == slide.span.begin && item.span.end == slide.span.end &&
                      (std::holds_alternative<layout::ImageItem>(item.v) ||
                       std::holds_alternative<layout::PathItem>(item.v));
    if (background) continue;
    layout::Item copy = item;
    if (auto* t = std::get_if<layout::TextItem>(&copy.v)) {
      t->fill = ink_turn(t->fill);
    } else if (auto* r = std::get_if<layout::RectItem>(&copy.v)) {
      r->fill = ink_turn(r->fill);
      r->stroke = ink_turn(r->stroke);
    } else if (auto* l = std::get_if<layout::LineItem>(&copy.v)) {
      l->color = ink_turn(l->color);
    } else if (auto* m = std::get_if<layout::MarkerItem>(&copy.v)) {
      m->color = ink_turn(m->color);
    } else if (auto* p = std::get_if<layout::PathItem>(&copy.v)) {
      p->style = style_turned(*p->style);
    }
    out.items.push_back(std::move(copy));
  }
  layout::layers_group(out);
  return out;
}

}  // namespace deckpdf::compose
