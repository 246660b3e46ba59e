// layout/math — a formula in a line: math/typeset's pieces as atomic
// inlines standing on the baseline with their depth below it, so that the
// line breaker places them whole and breaks only between them (after
// relations and binary operators, as KaTeX does). A formula that does not
// parse, or a deck without the math face, shows its source in KaTeX's
// error red (#cc0000).
#include <cstring>

#include "layout/engine.h"
#include "math/find.h"
#include "math/tex.h"
#include "math/typeset.h"

namespace deckpdf::layout {

namespace {

std::optional<text::FontId> math_face(const text::FontSet& fonts) {
  for (text::FontId i = 0; i < fonts.size(); ++i) {
    if (fonts.face(i).family == math::font_family) return i;
  }
  return std::nullopt;
}

}  // namespace

void Engine::math_inline(dom::NodeId id, const style::ComputedStyle& s, int tag,
                         std::vector<Piece>& out) {
  const dom::Node& n = ctx_.doc[id];
  const std::string* tex = n.attr("tex");
  if (!tex) return;
  bool display = n.attr("display") != nullptr;
  std::optional<text::FontId> face = math_face(ctx_.shaper.fonts());
  math::ParseResult parsed;
  if (face) parsed = math::parse(*tex);
  if (!face || !parsed.ok) {
    style::ComputedStyle red = s;
    red.color = Color{0xcc / 255.0f, 0, 0, 1};
    collect_text(*tex, keep(std::move(red)), tag, n.span, out);
    return;
  }
  const text::FontFace& f = ctx_.shaper.fonts().face(*face);
  for (math::MathBox& box :
       math::typeset(parsed.list, display, f, *face, s.font_size * math::size_factor)) {
    auto a = std::make_shared<Atomic>();
    a->width = box.width;
    a->height = box.height + box.depth;
    a->descent = box.depth;
    for (math::Draw& d : box.draws) {
      Item it;
      it.x = d.x;
      it.y = box.height + d.y;
      it.tag = tag;
      it.span = n.span;
      Color c = d.color ? *d.color : s.color;
      if (d.run) {
        TextItem t;
        t.run = std::move(d.run);
        t.fill = c;
        it.v = std::move(t);
      } else {
        RectItem r;
        r.width = d.w;
        r.height = d.h;
        r.fill = c;
        it.v = r;
      }
      a->items.push_back(std::move(it));
    }
    Piece p;
    p.text = object_replacement;
    p.style = &s;
    p.font = font_for(s);
    p.tag = tag;
    p.span = n.span;
    p.atomic = std::move(a);
    out.push_back(std::move(p));
  }
}

}  // namespace deckpdf::layout
