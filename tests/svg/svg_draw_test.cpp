// The SVG subset interpreter (layout/svg.h) on SVG text, read through the
// items it makes, as --dump=layout prints them.
#include <catch2/catch.hpp>
#include <cmath>

#include "layout/dump.h"
#include "layout/svg.h"
#include "layout/svg_geometry.h"
#include "support/fonts.h"

using namespace deckpdf;
using namespace deckpdf::layout;

namespace {

text::Shaper& shaper() {
  static text::Shaper s(test::bundled_fonts());
  return s;
}

struct Drawn {
  std::vector<Item> items;
  std::vector<std::string> problems;
  std::string dump;  // the item lines
};

Drawn draw(const std::string& svg_text, float w, float h, svg::Limits limits = {}) {
  Drawn d;
  svg::Tree tree = svg::tree_from_xml(svg_text, limits);
  d.problems = tree.problems;
  svg::Env env{shaper(), ".", "", "", limits};
  svg::draw(tree, w, h, env, d.items, d.problems);
  DisplayList list;
  list.items = d.items;
  DumpOptions options;
  options.fonts = &shaper().fonts();
  std::string all = dump_list(list, options);
  d.dump = all.substr(all.find('\n') + 1);  // without the header
  return d;
}

bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

bool mentions(const std::vector<std::string>& problems, const std::string& word) {
  for (const std::string& p : problems) {
    if (has(p, word)) return true;
  }
  return false;
}

const char* head =
    R"X(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )X";

}  // namespace

TEST_CASE("viewBox and preserveAspectRatio map the drawing into the box", "[svg]") {
  std::string body = R"X(><rect width="100" height="50" fill="red"/></svg>)X";
  Drawn meet = draw(std::string(head) + R"X(viewBox="0 0 100 50")X" + body, 400, 400);
  CHECK(meet.dump ==
        "  path 0.00 0.00 d \"M0,0 L100,0 L100,50 L0,50 Z\" matrix 4 0 0 4 0 100 "
        "fill #ff0000\n");
  Drawn none = draw(
      std::string(head) + R"X(viewBox="0 0 100 50" preserveAspectRatio="none")X" + body, 400, 400);
  CHECK(has(none.dump, "matrix 4 0 0 8 0 0 "));
  Drawn slice = draw(
      std::string(head) + R"X(viewBox="0 0 100 50" preserveAspectRatio="xMinYMax slice")X" + body,
      400, 400);
  CHECK(has(slice.dump, "matrix 8 0 0 8 0 0 "));
  CHECK(has(slice.dump, "clips 1"));  // a slice is clipped to the viewport
  // No viewBox: width and height stand for one, as browsers draw SVG pictures.
  Drawn sized = draw(std::string(head) + R"X(width="100" height="50")X" + body, 200, 100);
  CHECK(has(sized.dump, "matrix 2 0 0 2 0 0 "));
}

TEST_CASE("groups: transforms compose, opacity multiplies, display none draws nothing", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="100" height="100">
    <g transform="translate(10 0)" opacity="0.5" fill="blue">
      <g transform="scale(2)" style="opacity: .5"><circle r="5"/></g>
      <rect width="1" height="1" visibility="hidden"/>
      <rect width="1" height="1" display="none"/>
    </g></svg>)X",
                 100, 100);
  REQUIRE(d.items.size() == 1);
  CHECK(has(d.dump, "matrix 2 0 0 2 10 0 fill #0000ff opacity 0.25"));
}

TEST_CASE("use draws defs and symbols where it stands", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="100" height="100">
    <defs><path id="p" d="M0 0 H10"/>
      <symbol id="s" viewBox="0 0 10 10"><rect width="10" height="10"/></symbol></defs>
    <use xlink:href="#p" x="5" y="6" stroke="green"/>
    <use href="#s" x="50" width="20" height="20" fill="navy"/>
    <use href="#missing"/></svg>)X",
                 100, 100);
  REQUIRE(d.items.size() == 2);
  CHECK(has(d.dump, "d \"M0,0 L10,0\" matrix 1 0 0 1 5 6 fill #000000 stroke 1.00 #008000"));
  CHECK(has(d.dump, "matrix 2 0 0 2 50 0 fill #000080"));
}

TEST_CASE("gradients: units, transform, stops inherited through href", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="200" height="100">
    <linearGradient id="a"><stop offset="0" stop-color="red"/>
      <stop offset="50%" style="stop-color: lime; stop-opacity: 1"/><stop offset="1" stop-color="blue"/></linearGradient>
    <linearGradient id="b" xlink:href="#a" x2="0" y2="1"/>
    <radialGradient id="c" gradientUnits="userSpaceOnUse" cx="50" cy="50" r="40"
      gradientTransform="scale(2)"><stop stop-color="white"/><stop offset="1" stop-color="black"/></radialGradient>
    <rect x="10" y="20" width="100" height="50" fill="url(#b)"/>
    <circle cx="50" cy="50" r="40" fill="url(#c)"/>
    <rect width="10" height="10" fill="url(#nothing) purple"/>
    <linearGradient id="t"><stop stop-color="white" stop-opacity="0.5"/>
      <stop offset="1" stop-color="black" stop-opacity="0.5"/></linearGradient>
    <rect width="10" height="10" fill="url(#t)" fill-opacity="0.5"/></svg>)X",
                 200, 100);
  REQUIRE(d.items.size() == 4);
  const PathStyle& lin = *std::get<PathItem>(d.items[0].v).style;
  REQUIRE(lin.fill_gradient);
  CHECK_FALSE(lin.fill_gradient->radial);
  CHECK(lin.fill_gradient->stops.size() == 3);  // from #a
  CHECK(lin.fill_gradient->x2 == 0);
  CHECK(lin.fill_gradient->y2 == 1);
  // objectBoundingBox: the unit square mapped onto the rect's box.
  CHECK(lin.fill_gradient->matrix == Matrix{100, 0, 0, 50, 10, 20});
  const PathStyle& rad = *std::get<PathItem>(d.items[1].v).style;
  REQUIRE(rad.fill_gradient);
  CHECK(rad.fill_gradient->radial);
  CHECK(rad.fill_gradient->r2 == 40);
  CHECK(rad.fill_gradient->matrix == Matrix{2, 0, 0, 2, 0, 0});
  CHECK(has(d.dump, "fill linear 0:#ff0000 0.5:#00ff00 1:#0000ff"));
  CHECK(has(d.dump, "fill #800080"));  // the fallback colour of a missing server
  // Translucent stops keep their opacity (pdf/ masks the shading with
  // it); fill-opacity is the gradient's own.
  CHECK(has(d.dump, "fill linear 0:#ffffff80 1:#00000080 alpha 0.50"));
}

TEST_CASE("clip paths are placed in item space and named in the dump", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="100" height="100">
    <clipPath id="c" transform="translate(5 5)"><rect width="10" height="10"/></clipPath>
    <g transform="scale(2)" clip-path="url(#c)"><rect width="50" height="50" fill="red"/></g>
    <clipPath id="bb" clipPathUnits="objectBoundingBox"><circle cx=".5" cy=".5" r=".5"/></clipPath>
    <rect x="60" y="60" width="20" height="20" clip-path="url(#bb)"/></svg>)X",
                 100, 100);
  REQUIRE(d.items.size() == 2);
  const PathStyle& a = *std::get<PathItem>(d.items[0].v).style;
  REQUIRE(a.clips.size() == 1);
  // scale(2) then translate(5 5): the clip rect runs from 10 to 30.
  CHECK(a.clips[0]->path.pts[0] == 10);
  CHECK(a.clips[0]->path.pts[2] == 30);
  const PathStyle& b = *std::get<PathItem>(d.items[1].v).style;
  REQUIRE(b.clips.size() == 1);
  auto box = svg::path_bounds(b.clips[0]->path);
  CHECK(box[0] == Approx(60));
  CHECK(box[2] == Approx(20));
}

TEST_CASE("strokes: joins, caps, dashes and miter limits", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="100" height="100">
    <polyline points="0,0 10,10 20,0" fill="none" stroke="black" stroke-width="3"
      stroke-linejoin="round" stroke-linecap="square" stroke-dasharray="5" stroke-dashoffset="2"
      stroke-miterlimit="8"/></svg>)X",
                 100, 100);
  REQUIRE(d.items.size() == 1);
  const PathStyle& p = *std::get<PathItem>(d.items[0].v).style;
  CHECK_FALSE(p.fill);
  CHECK(p.miter_limit == 8);
  CHECK(has(d.dump, "stroke 3.00 #000000 join round cap square dash 5,5@2"));
}

TEST_CASE("text is shaped into text items, placed by text-anchor and tspans", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="300" height="100">
    <text x="150" y="40" text-anchor="middle" font-size="20" font-weight="bold">Centred</text>
    <text x="10" y="80" font-family="Courier New" font-size="10">a<tspan dx="5" fill="red">b</tspan></text>
    </svg>)X",
                 300, 100);
  std::vector<const TextItem*> texts;
  for (const Item& it : d.items) {
    if (auto* t = std::get_if<TextItem>(&it.v)) texts.push_back(t);
  }
  REQUIRE(texts.size() == 3);
  CHECK(texts[0]->run->text == "Centred");
  CHECK(d.items[0].x + texts[0]->run->width / 2 == Approx(150));
  CHECK(d.items[0].y == 40);
  CHECK(has(d.dump, "font SourceSans3-Bold size 20.00"));
  CHECK(has(d.dump, "Mono"));  // Courier maps to the bundled monospace face
  CHECK(d.items[2].x == Approx(d.items[1].x + texts[1]->run->width + 5));
  CHECK(texts[2]->fill == Color{1, 0, 0, 1});
}

TEST_CASE("turned, clipped and translucent text is text in a frame", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="200" height="200">
    <clipPath id="c"><rect width="50" height="50"/></clipPath>
    <text transform="rotate(-90 100 100)" x="100" y="100" font-size="10" text-anchor="middle">Axis</text>
    <text x="10" y="20" clip-path="url(#c)">Clipped</text>
    <g opacity="0.5"><text x="10" y="40" fill-opacity="0.5">Faint</text></g>
    <text x="10" y="60">Level</text></svg>)X",
                 200, 200);
  std::vector<std::pair<const Item*, const TextItem*>> texts;
  for (const Item& it : d.items) {
    if (auto* t = std::get_if<TextItem>(&it.v)) texts.emplace_back(&it, t);
  }
  REQUIRE(texts.size() == 4);
  // Turned -90 degrees about (100, 100), centred there along its baseline.
  auto [axis_item, axis] = texts[0];
  REQUIRE(axis->frame);
  const Matrix& m = axis->frame->matrix;
  CHECK(m[0] == Approx(0).margin(1e-5));
  CHECK(m[1] == Approx(-1));
  CHECK(m[2] == Approx(1));
  CHECK(m[3] == Approx(0).margin(1e-5));
  CHECK(m[4] == Approx(100));
  CHECK(m[5] - axis->run->width / 2 == Approx(100));
  CHECK(axis_item->x == 0);
  CHECK(axis->frame->clips.empty());
  CHECK(axis->frame->opacity == 1);
  // Clipped: level, its place in the frame, one clip.
  REQUIRE(texts[1].second->frame);
  CHECK(texts[1].second->frame->clips.size() == 1);
  CHECK(texts[1].second->frame->matrix == Matrix{1, 0, 0, 1, 10, 20});
  // The group's opacity in the frame, the fill's in the colour.
  REQUIRE(texts[2].second->frame);
  CHECK(texts[2].second->frame->opacity == Approx(0.5));
  CHECK(texts[2].second->fill.a == Approx(0.5));
  // Plain level text has no frame and sits at its item's place.
  CHECK_FALSE(texts[3].second->frame);
  CHECK(texts[3].first->x == 10);
  CHECK(has(d.dump, "\"Axis\" matrix 0.00 -1.00 1.00 0.00 100.00"));
  CHECK(has(d.dump, "\"Clipped\" matrix 1.00 0.00 0.00 1.00 10.00 20.00 clips 1"));
  CHECK(has(d.dump, "opacity 0.50"));
}

TEST_CASE("draw.io labels: HTML laid out by its styles, wrapped at its width", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="300" height="200">
    <g transform="translate(10,10)"><switch><foreignObject width="80" height="60"
      requiredFeatures="http://www.w3.org/TR/SVG11/feature#Extensibility"><div
      xmlns="http://www.w3.org/1999/xhtml" style="display: inline-block; font-size: 12px;
      color: rgb(0, 0, 255); line-height: 1.5; width: 80px; white-space: normal; text-align: center;"
      >alpha beta gamma delta<br/><b>Bold</b> <font style="font-size: 20px" color="#ff0000">Big</font></div>
      </foreignObject><text x="40" y="20">&lt;b&gt;fallback&lt;/b&gt;</text></switch></g>
    <g transform="translate(10,150)"><switch><foreignObject width="20" height="20"><div
      xmlns="http://www.w3.org/1999/xhtml" style="font-size: 12px; white-space: nowrap;
      background-color: #ffffff">never wrapped here</div></foreignObject></switch></g></svg>)X",
                 300, 200);
  CHECK(d.problems.empty());
  CHECK_FALSE(has(d.dump, "fallback"));
  std::vector<std::pair<const Item*, const TextItem*>> texts;
  for (const Item& it : d.items) {
    if (auto* t = std::get_if<TextItem>(&it.v)) texts.emplace_back(&it, t);
  }
  // "alpha beta gamma delta" does not fit 80 px at 12 px: two lines or
  // more, each centred in the 80 px, 18 px (1.5 em) apart.
  std::vector<std::pair<const Item*, const TextItem*>> blue;
  for (auto& t : texts) {
    if (t.second->fill == Color{0, 0, 1, 1} && t.second->run->text.rfind("Bold", 0) != 0 &&
        t.second->run->text != " ") {
      blue.push_back(t);
    }
  }
  REQUIRE(blue.size() >= 2);
  CHECK(blue[1].first->y - blue[0].first->y == Approx(18));
  for (auto& [it, t] : blue) {
    CHECK(t->run->width <= 80.5f);
    CHECK(it->x - 10 + t->run->width / 2 == Approx(40).margin(0.6));
  }
  // After the br: bold, then the font element's size and colour.
  bool bold = false, big = false;
  for (auto& [it, t] : texts) {
    if (t->run->text == "Bold " || t->run->text == "Bold") bold = true;
    if (t->run->text == "Big") {
      big = true;
      CHECK(t->run->size == 20);
      CHECK(t->fill == Color{1, 0, 0, 1});
      CHECK(it->y > blue.back().first->y);
    }
  }
  CHECK(bold);
  CHECK(big);
  CHECK(has(d.dump, "SourceSans3-Bold"));
  // nowrap: one run however narrow the object, on a white box as wide
  // as the block (the object's 20 px), under the text.
  CHECK(texts.back().second->run->text == "never wrapped here");
  const PathItem* white = nullptr;
  size_t white_at = 0;
  for (size_t i = 0; i < d.items.size(); ++i) {
    auto* p = std::get_if<PathItem>(&d.items[i].v);
    if (p && p->style->fill == Color{1, 1, 1, 1}) white = p, white_at = i;
  }
  REQUIRE(white);
  CHECK(svg::path_bounds(*white->path)[2] == Approx(20));
  CHECK(std::get_if<TextItem>(&d.items[white_at + 1].v));
}

TEST_CASE("draw.io edge labels: an inline-block's background only behind its text", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="300" height="100">
    <foreignObject width="200" height="30"><div xmlns="http://www.w3.org/1999/xhtml"
      style="font-size: 16px; text-align: center; white-space: nowrap; width: 200px"><div
      style="display: inline-block; background-color: #ffffff">Uses</div></div></foreignObject></svg>)X",
                 300, 100);
  REQUIRE(d.items.size() == 2);
  auto* box = std::get_if<PathItem>(&d.items[0].v);
  auto* text = std::get_if<TextItem>(&d.items[1].v);
  REQUIRE(box);
  REQUIRE(text);
  std::array<float, 4> b = svg::path_bounds(*box->path);
  CHECK(b[2] == Approx(text->run->width).margin(0.01));  // as wide as "Uses"
  CHECK(b[0] == Approx(d.items[1].x).margin(0.01));
  CHECK(b[0] + b[2] / 2 == Approx(100).margin(0.01));  // centred in the 200 px
}

TEST_CASE("what the subset lacks is named, and the rest is drawn", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="100" height="100">
    <filter id="f"/><mask id="m"/><script>x()</script>
    <pattern id="p" width="4" height="4"><rect width="2" height="2"/></pattern>
    <rect width="10" height="10" filter="url(#f)"/><rect width="10" height="10" mask="url(#m)"/>
    <rect width="10" height="10" fill="url(#p) orange"/></svg>)X",
                 100, 100);
  CHECK(d.items.size() == 3);
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0] ==
        "uses filters, masks, patterns, scripts, which deckpdf's SVG subset does not draw; the "
        "rest is drawn");
  CHECK(has(d.dump, "fill #ffa500"));  // the pattern's fallback colour
}

TEST_CASE("markers sit on the vertices, turned along the path", "[svg]") {
  Drawn d = draw(std::string(head) + R"X(width="100" height="100">
    <marker id="a" markerWidth="10" markerHeight="10" refX="5" refY="5" orient="auto"
      viewBox="0 0 10 10"><path d="M0 0 L10 5 L0 10 z" fill="red"/></marker>
    <marker id="dot" markerUnits="userSpaceOnUse" orient="auto"><circle r="1"/></marker>
    <line x1="0" y1="0" x2="0" y2="50" stroke="black" stroke-width="2" marker-end="url(#a)"/>
    <polyline points="0,0 10,0 10,10" fill="none" stroke="blue" marker="url(#dot)"/>
    </svg>)X",
                 100, 100);
  REQUIRE(d.items.size() == 6);  // line, arrow, polyline, three dots
  // At (0, 50), heading down (90 degrees), twice the stroke width, ref at 0.
  CHECK(has(d.dump, "d \"M0,0 L10,5 L0,10 Z\" matrix 0 2 -2 0 10 40 fill #ff0000"));
  // The middle dot turns by half the corner: 45 degrees.
  const PathStyle& mid = *std::get<PathItem>(d.items[4].v).style;
  CHECK(mid.matrix[0] == Approx(std::sqrt(0.5f)));
  CHECK(mid.matrix[4] == Approx(10));
  CHECK(mid.matrix[5] == Approx(0).margin(1e-5));
  CHECK(d.problems.empty());
}

TEST_CASE("hostile SVG stays within its budgets", "[svg][reliability]") {
  SECTION("use that copies itself a billion times") {
    std::string s = std::string(head) +
                    R"X(width="10" height="10"><defs><rect id="a0" width="1" height="1"/>)X";
    for (int i = 1; i <= 10; ++i) {
      s += "<g id=\"a" + std::to_string(i) + "\">";
      for (int k = 0; k < 10; ++k) s += "<use href=\"#a" + std::to_string(i - 1) + "\"/>";
      s += "</g>";
    }
    s += R"X(</defs><use href="#a10"/></svg>)X";
    Drawn d = draw(s, 10, 10);
    CHECK(mentions(d.problems, "use"));
    CHECK(d.items.size() < 60000);
  }
  SECTION("use that refers to its own ancestor") {
    Drawn d = draw(std::string(head) +
                       R"X(><g id="g"><rect width="1" height="1"/><use href="#g"/></g></svg>)X",
                   10, 10);
    CHECK(mentions(d.problems, "nests use"));
    CHECK(d.items.size() == 9);  // the rect and eight copies
  }
  SECTION("deep nesting") {
    std::string s = std::string(head) + ">";
    for (int i = 0; i < 100000; ++i) s += "<g>";
    s += "<rect width='1' height='1'/>";
    for (int i = 0; i < 100000; ++i) s += "</g>";
    s += "</svg>";
    Drawn d = draw(s, 10, 10);
    CHECK(mentions(d.problems, "deeper than"));
  }
  SECTION("huge path data") {
    std::string s = std::string(head) + "><path stroke='red' d='M0 0";
    for (int i = 0; i < 300000; ++i) s += " l1 1";
    s += "'/></svg>";
    Drawn d = draw(s, 10, 10);
    CHECK(mentions(d.problems, "path segments"));
    REQUIRE(d.items.size() == 1);
    CHECK(std::get<PathItem>(d.items[0].v).path->ops.size() == svg::Limits{}.max_segments);
  }
  SECTION("too many elements") {
    std::string s = std::string(head) + ">";
    for (int i = 0; i < 30000; ++i) s += "<rect width='1' height='1'/>";
    s += "</svg>";
    Drawn d = draw(s, 10, 10);
    CHECK(mentions(d.problems, "elements"));
    CHECK(d.items.size() < svg::Limits{}.max_elements);
  }
  SECTION("malformed XML, an entity bomb and another root") {
    CHECK(mentions(draw("<svg><rect></svg>", 10, 10).problems, "well-formed"));
    Drawn bomb = draw(R"X(<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
      <svg xmlns="http://www.w3.org/2000/svg"><text y="10">&c;</text></svg>)X",
                      10, 10);
    for (const Item& it : bomb.items) {
      if (auto* t = std::get_if<TextItem>(&it.v)) CHECK(t->run->text.size() < 100);
    }
    CHECK(mentions(draw("<html/>", 10, 10).problems, "no svg root"));
  }
}

TEST_CASE("the root's background colour is painted under the whole picture", "[svg]") {
  // draw.io's exports: a browser paints it under the SVG as an image.
  Drawn d = draw(std::string(head) +
                     R"X(viewBox="0 0 100 50" style="background-color: rgb(255, 255, 255);">)X"
                     R"X(<rect x="10" y="10" width="20" height="20" fill="#0868be"/></svg>)X",
                 200, 100);
  REQUIRE(d.items.size() == 2);
  auto* bg = std::get_if<RectItem>(&d.items[0].v);
  REQUIRE(bg);
  CHECK(bg->width == 200);
  CHECK(bg->height == 100);
  CHECK(bg->fill.r == 1);
  CHECK(d.items[0].x == 0);
  // None, or a transparent one: nothing under it.
  Drawn none = draw(std::string(head) + R"X(viewBox="0 0 100 50" style="background: transparent">)X"
                                        R"X(<rect width="20" height="20" fill="#0868be"/></svg>)X",
                    200, 100);
  CHECK(none.items.size() == 1);
}
