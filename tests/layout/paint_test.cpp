// Painting: CSS gradients read and placed in their box, shadows, rounded
// corners, opacity as an effect, text shadows as outlines; and reveal.js's
// element details (4% margin of a shrunk slide, q marks, details, table
// rules, checkboxes, code drawn as typed).
#include "layout/paint.h"

#include <catch2/catch.hpp>

#include "deck/deck.h"
#include "style/theme.h"
#include "support/laid_out.h"
#include "support/paths.h"

using namespace deckpdf;

using test::lay_out;

namespace {

template <class T>
std::vector<const layout::Item*> items_of(const layout::DisplayList& list) {
  std::vector<const layout::Item*> out;
  for (const auto& it : list.items) {
    if (std::holds_alternative<T>(it.v)) out.push_back(&it);
  }
  return out;
}

const layout::Item* text_item(const layout::DisplayList& list, const std::string& text) {
  for (const auto& it : list.items) {
    auto* t = std::get_if<layout::TextItem>(&it.v);
    if (t && t->run->text == text) return &it;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("gradients: directions, stops and shapes as CSS reads them", "[layout][paint]") {
  auto g = style::parse_gradient("linear-gradient(to right, #000000, #ffffff 80%)", 16, 16);
  REQUIRE(g);
  CHECK_FALSE(g->radial);
  CHECK(g->to_x == 1);
  CHECK(g->to_y == 0);
  REQUIRE(g->stops.size() == 2);
  CHECK_FALSE(g->stops[0].at);
  CHECK(g->stops[1].at == style::LengthPct{80, true});
  // 200 x 100: from the left edge to the right; the last stop at 80% of
  // the line moves the line's end there.
  auto box = layout::gradient_for_box(*g, 200, 100);
  CHECK(box->x1 == Approx(0).margin(0.01));
  CHECK(box->x2 == Approx(160));
  CHECK(box->y1 == Approx(50));
  CHECK(box->y2 == Approx(50));
  CHECK(box->stops[1].offset == Approx(1));

  // 180deg (the default) runs top to bottom; stops without positions
  // spread evenly.
  g = style::parse_gradient("linear-gradient(red, lime, blue)", 16, 16);
  REQUIRE(g);
  box = layout::gradient_for_box(*g, 100, 40);
  CHECK(box->y1 == Approx(0).margin(0.01));
  CHECK(box->y2 == Approx(40));
  REQUIRE(box->stops.size() == 3);
  CHECK(box->stops[1].offset == Approx(0.5));

  // 90deg is `to right`; a corner is perpendicular to the other diagonal.
  g = style::parse_gradient("linear-gradient(90deg, red, blue)", 16, 16);
  box = layout::gradient_for_box(*g, 200, 100);
  CHECK(box->x1 == Approx(0).margin(0.01));
  CHECK(box->x2 == Approx(200));
  g = style::parse_gradient("linear-gradient(to top right, red, blue)", 16, 16);
  REQUIRE(g);
  box = layout::gradient_for_box(*g, 200, 100);
  // Direction (h, -w) normalised: the line passes through the centre and
  // its ends project onto the corners.
  CHECK((box->x2 - box->x1) / (box->y1 - box->y2) == Approx(100.0 / 200.0));
  CHECK((box->x1 + box->x2) / 2 == Approx(100));

  // Radial: a circle at 30% 50% of a 200 x 100 box, closest side = 50.
  g = style::parse_gradient("radial-gradient(circle closest-side at 30% 50%, white, black)", 16,
                            16);
  REQUIRE(g);
  CHECK(g->radial);
  CHECK(g->circle);
  box = layout::gradient_for_box(*g, 200, 100);
  CHECK(box->radial);
  CHECK(box->matrix[0] == Approx(50));
  CHECK(box->matrix[3] == Approx(50));
  CHECK(box->matrix[4] == Approx(60));
  CHECK(box->matrix[5] == Approx(50));
  CHECK(box->r2 == Approx(1));
  // An ellipse to the farthest corner (the default): radii in the box's shape.
  g = style::parse_gradient("radial-gradient(#555a5f, #000)", 16, 16);
  REQUIRE(g);
  box = layout::gradient_for_box(*g, 200, 100);
  CHECK(box->matrix[0] / box->matrix[3] == Approx(2));

  CHECK_FALSE(style::parse_gradient("linear-gradient(sideways, red, blue)", 16, 16));
  CHECK(style::parse_gradient("linear-gradient(red)", 16, 16));  // one colour: painted as it
  CHECK_FALSE(style::parse_gradient("url(x.png)", 16, 16));
}

TEST_CASE("shadows and radii read as CSS writes them", "[layout][paint]") {
  style::Color current{0.5f, 0.5f, 0.5f, 1};
  auto s = style::parse_box_shadows("0px 5px 15px rgba(0,0,0,0.15)", 16, 16, current);
  REQUIRE(s);
  REQUIRE(s->size() == 1);
  CHECK((*s)[0].y == 5);
  CHECK((*s)[0].blur == 15);
  CHECK((*s)[0].color.a == Approx(0.15));
  s = style::parse_box_shadows("red 1px 2px, 3px 4px 5px 6px", 16, 16, current);
  REQUIRE(s);
  REQUIRE(s->size() == 2);
  CHECK((*s)[0].color.r == 1);
  CHECK((*s)[1].spread == 6);
  CHECK((*s)[1].color == current);
  CHECK_FALSE(style::parse_box_shadows("1px", 16, 16, current));
  CHECK_FALSE(style::parse_box_shadows("1px 1px infpx red", 16, 16, current));
  // A hostile list is cut at 16 shadows (each is items and PDF objects).
  std::string many = "1px 1px red";
  for (int i = 0; i < 5000; ++i) many += ", 1px 1px red";
  s = style::parse_box_shadows(many, 16, 16, current);
  REQUIRE(s);
  CHECK(s->size() == 16);
  auto t = style::parse_text_shadow("0 0 6px rgba(0, 0, 0, 0.2)", 16, 16, current);
  REQUIRE(t);
  CHECK(t->blur == 6);
  auto r = style::parse_radii("10px 50%", 16, 16);
  REQUIRE(r);
  CHECK(r->corner[0] == style::LengthPct{10, false});
  CHECK(r->corner[1] == style::LengthPct{50, true});
  CHECK(r->corner[2] == style::LengthPct{10, false});
  CHECK(r->corner[3] == style::LengthPct{50, true});
}

TEST_CASE("a rounded box is a path of arcs, a plain one stays a rectangle", "[layout][paint]") {
  auto l = lay_out(
      "section\n"
      "  div(style=\"background: #ffcc66; border-radius: 20px; height: 50px\")\n"
      "  div(style=\"background: #ffcc66; height: 50px\")\n"
      "  div(style=\"border: 4px solid #2a76dd; border-radius: 10px; height: 50px\")\n");
  const auto& list = l->lists[0];
  auto paths = items_of<layout::PathItem>(list);
  auto rects = items_of<layout::RectItem>(list);
  REQUIRE(paths.size() == 2);
  REQUIRE(rects.size() == 1);
  const auto& fill = std::get<layout::PathItem>(paths[0]->v);
  int cubics = 0;
  for (auto op : fill.path->ops) cubics += op == layout::PathData::Op::Cubic;
  CHECK(cubics == 4);
  REQUIRE(fill.style->fill);
  CHECK(fill.style->fill->g == Approx(0.8));
  // The border: stroked on the middle of its width, not filled.
  const auto& border = std::get<layout::PathItem>(paths[1]->v);
  CHECK_FALSE(border.style->fill);
  REQUIRE(border.style->stroke);
  CHECK(border.style->stroke_width == 4);
  CHECK(border.path->pts[1] == Approx(2));  // first point's y: half the border in
}

TEST_CASE("a box shadow is translucent layers outside the box only", "[layout][paint]") {
  auto l = lay_out(
      "section\n  div(style=\"box-shadow: 0px 5px 15px rgba(0,0,0,0.3); height: 50px\") x\n");
  const auto& list = l->lists[0];
  auto paths = items_of<layout::PathItem>(list);
  REQUIRE(paths.size() >= 2);
  float stacked = 1;
  for (const auto* it : paths) {
    const auto& p = std::get<layout::PathItem>(it->v);
    REQUIRE(p.style->fill);
    CHECK(p.style->fill->a < 0.3f);
    // Clipped to everything but the box: an even-odd clip of two rectangles.
    REQUIRE(p.style->clips.size() == 1);
    CHECK(p.style->clips[0]->even_odd);
    stacked *= 1 - p.style->fill->a;
  }
  // Where every layer overlaps, the shadow has its own alpha.
  CHECK(1 - stacked == Approx(0.3).epsilon(0.01));
  // All drawn before the text.
  const auto* text = text_item(list, "x");
  REQUIRE(text);
  CHECK(paths.back() < text);
}

TEST_CASE("opacity: an effect on every step, nested ones multiply", "[layout][paint]") {
  auto l = lay_out(
      "section\n"
      "  p plain\n"
      "  div(style=\"opacity: 0.5\")\n"
      "    p half\n"
      "    p(style=\"opacity: 0.5\") quarter\n");
  const auto& list = l->lists[0];
  auto alpha = [&](const std::string& text) {
    const layout::Item* it = text_item(list, text);
    REQUIRE(it);
    float a = 1;
    for (const auto& e : list.effects[static_cast<size_t>(it->effects)]) {
      CHECK(e.kind == layout::Effect::Kind::Opacity);
      CHECK(e.active(0));
      CHECK(e.active(layout::print_state));
      a *= e.alpha;
    }
    return a;
  };
  CHECK(alpha("plain") == 1);
  CHECK(alpha("half") == Approx(0.5));
  CHECK(alpha("quarter") == Approx(0.25));
  // Each opacity has layers of its own (drawn as groups).
  CHECK(list.layers.size() == 3);
}

TEST_CASE("text shadow: the glyphs' outlines under the text, offset", "[layout][paint]") {
  auto l = lay_out("section\n  h2(style=\"text-shadow: 4px 3px 0px #ff6666\") Shadow\n");
  const auto& list = l->lists[0];
  auto paths = items_of<layout::PathItem>(list);
  const auto* text = text_item(list, "SHADOW");
  REQUIRE(text);
  REQUIRE(paths.size() == 1);
  CHECK(paths[0] < text);
  CHECK(paths[0]->x == Approx(text->x + 4));
  CHECK(paths[0]->y == Approx(text->y + 3));
  const auto& p = std::get<layout::PathItem>(paths[0]->v);
  REQUIRE(p.style->fill);
  CHECK(p.style->fill->r == 1);
  CHECK(p.path->ops.size() > 20);
  // Blurred: layers growing outwards with round joins.
  l = lay_out("section\n  h2(style=\"text-shadow: 0 0 6px rgba(0,0,0,0.5)\") Soft\n");
  paths = items_of<layout::PathItem>(l->lists[0]);
  REQUIRE(paths.size() >= 2);
  CHECK(std::get<layout::PathItem>(paths.back()->v).style->stroke_width > 1);
}

TEST_CASE("a slide's background gradient covers it under everything", "[layout][paint]") {
  auto l = lay_out(
      "section(data-background-gradient=\"linear-gradient(to bottom, #283b95, #17b2c3)\")\n"
      "  h2 x\n"
      "section(data-background-gradient=\"nonsense\")\n  h2 y\n");
  const auto& list = l->lists[0];
  REQUIRE(!list.items.empty());
  const auto* p = std::get_if<layout::PathItem>(&list.items[0].v);
  REQUIRE(p);
  REQUIRE(p->style->fill_gradient);
  CHECK(p->style->fill_gradient->stops[0].color.b == Approx(0x95 / 255.0));
  CHECK(p->style->fill_gradient->y2 == Approx(list.height / list.scale));
  CHECK(l->lists[1].items.size() == 1);  // the nonsense is left out, with a warning
  bool warned = false;
  for (const auto& d : l->diags.items()) warned = warned || d.code == "layout.gradient";
  CHECK(warned);
}

TEST_CASE("an overfull slide is shrunk inside reveal.js's 4% margin", "[layout][paint]") {
  std::string deck = "section\n  h2 A heading long enough to fill the whole line of the slide\n";
  for (int i = 0; i < 14; ++i) deck += "  p line " + std::to_string(i) + "\n";
  auto l = lay_out(deck);
  const auto& list = l->lists[0];
  REQUIRE(list.scale < 1);
  float room = list.width / 1.04f;
  CHECK(list.dx == Approx((list.width - room) / 2));
  // Content is laid out as wide as the room at this scale.
  for (const auto& it : list.items) {
    if (auto* t = std::get_if<layout::TextItem>(&it.v)) {
      float left = list.dx + it.x * list.scale;
      CHECK(left >= list.dx - 0.5f);
      CHECK(left + t->run->width * list.scale <= list.width - list.dx + 0.5f);
    }
  }
}

TEST_CASE("reveal.js details: q marks, details, checkboxes, table rules", "[layout][paint]") {
  auto l = lay_out(
      "section\n"
      "  p A <q>quote <q>nested</q></q>\n"
      "  p(lang=\"de\") <q>Hallo</q> <q lang=\"fr\">salut</q>\n"
      "  details\n    summary Closed\n    p Hidden\n"
      "  details(open)\n    summary Open\n    p Shown\n"
      "  p <input type=\"checkbox\"> a <input type=\"checkbox\" checked> b <input "
      "type=\"text\">\n"
      "  p <abbr title=\"HyperText\">HTML</abbr> <abbr>CSS</abbr>\n");
  const auto& list = l->lists[0];
  std::string all;
  for (const auto& it : list.items) {
    if (auto* t = std::get_if<layout::TextItem>(&it.v)) all += t->run->text;
  }
  CHECK(all.find("\u201Cquote \u2018nested\u2019\u201D") != std::string::npos);
  CHECK(all.find("\u201EHallo\u201C") != std::string::npos);
  CHECK(all.find("\u201Esalut\u201C") != std::string::npos);  // the marks around it
  CHECK(all.find("\u25B6 Closed") != std::string::npos);
  CHECK(all.find("\u25BC Open") != std::string::npos);
  CHECK(all.find("Hidden") == std::string::npos);
  CHECK(all.find("Shown") != std::string::npos);
  // Two checkboxes: rounded 13 px boxes; the checked one blue with a tick.
  int boxes = 0, ticks = 0;
  for (const auto* it : items_of<layout::PathItem>(list)) {
    const auto& p = std::get<layout::PathItem>(it->v);
    if (p.style->stroke && !p.style->fill && p.path->ops.size() == 3) ++ticks;
    if (p.style->fill) {
      ++boxes;
      CHECK(p.path->pts[2] - p.path->pts[0] < 13);  // the top edge between corners
    }
  }
  CHECK(boxes == 2);
  CHECK(ticks == 1);
  // abbr with a title: a dotted underline (round dots), one without: none.
  int dotted = 0;
  for (const auto* it : items_of<layout::PathItem>(list)) {
    const auto& p = std::get<layout::PathItem>(it->v);
    if (!p.style->dashes.empty() && p.style->cap == layout::PathStyle::Cap::Round) ++dotted;
  }
  CHECK(dotted == 1);
  CHECK(items_of<layout::LineItem>(list).empty());
}

TEST_CASE("monospace faces draw -> => <= as typed", "[layout][paint]") {
  text::FontId mono = test::test_shaper().match("monospace", 400, false);
  REQUIRE(test::test_shaper().fonts().face(mono).monospace);
  for (const char* s : {"->", "=>", "<=", "!="}) {
    INFO(s);
    auto run = test::test_shaper().shape(mono, 20, s);
    REQUIRE(run->glyphs.size() == 2);
    // Each glyph is its own character's, as when shaped alone (JetBrains
    // Mono's contextual alternates would put a spacer and an arrow there).
    for (size_t k = 0; k < 2; ++k) {
      auto alone = test::test_shaper().shape(mono, 20, std::string(1, s[k]));
      REQUIRE(alone->glyphs.size() == 1);
      CHECK(run->glyphs[k].id == alone->glyphs[0].id);
    }
  }
}
