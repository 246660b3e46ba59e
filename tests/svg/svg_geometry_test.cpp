// The SVG subset's geometry and CSS on their own (layout/svg_geometry.h,
// layout/svg_style.h): path data, transforms, shapes, selectors.
#include "layout/svg_geometry.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "layout/svg_style.h"

using namespace deckpdf;
using namespace deckpdf::layout;
using Op = PathData::Op;

namespace {

PathData parse(const std::string& d, bool* ok = nullptr, size_t budget = 100000) {
  PathData p;
  bool r = svg::parse_path(d, p, budget);
  if (ok) *ok = r;
  return p;
}

// The point at index `i` (pairs of pts).
std::pair<float, float> pt(const PathData& p, size_t i) {
  return {p.pts[2 * i], p.pts[2 * i + 1]};
}

}  // namespace

TEST_CASE("path data: relative commands, implicit repeats, H/V and close", "[svg]") {
  PathData p = parse("m10 20 30 0 v10 h-30 z M0,0L5-5");
  REQUIRE(p.ops ==
          std::vector<Op>{Op::Move, Op::Line, Op::Line, Op::Line, Op::Close, Op::Move, Op::Line});
  CHECK(pt(p, 1) == std::make_pair(40.0f, 20.0f));  // implicit lineto after m, relative
  CHECK(pt(p, 2) == std::make_pair(40.0f, 30.0f));
  CHECK(pt(p, 3) == std::make_pair(10.0f, 30.0f));
  CHECK(pt(p, 5) == std::make_pair(5.0f, -5.0f));  // "5-5" is two numbers
}

TEST_CASE("path data: quadratic and smooth curves become cubics", "[svg]") {
  PathData p = parse("M0 0 Q30 30 60 0 T120 0 C130 10 140 10 150 0 S170 -10 180 0");
  REQUIRE(p.ops == std::vector<Op>{Op::Move, Op::Cubic, Op::Cubic, Op::Cubic, Op::Cubic});
  // Q: control points two thirds of the way to (30, 30).
  CHECK(p.pts[2] == Approx(20));
  CHECK(p.pts[3] == Approx(20));
  // T reflects (30, 30) about (60, 0): (90, -30); first control at 60 + 2/3 * 30.
  CHECK(p.pts[8] == Approx(80));
  CHECK(p.pts[9] == Approx(-20));
  // S reflects (140, 10) about (150, 0): (160, -10).
  CHECK(p.pts[20] == Approx(160));
  CHECK(p.pts[21] == Approx(-10));
}

TEST_CASE("path data: arcs become cubics that end where the arc ends", "[svg]") {
  PathData p = parse("M0 0 A50 50 0 0 1 100 0");
  REQUIRE(p.ops.size() == 3);  // a half circle: two quarter-turn cubics
  CHECK(p.pts.back() == Approx(0).margin(1e-4));
  CHECK(p.pts[p.pts.size() - 2] == Approx(100));
  // Sweep 1 in y-down space turns through negative y: the top of the circle.
  CHECK(p.pts[6] == Approx(50).margin(0.01));
  CHECK(p.pts[7] == Approx(-50).margin(0.01));
  // Radii too small are scaled up; flags may be packed ("a1 1 0 0110 0").
  PathData q = parse("M0 0 a1 1 0 0110 0");
  REQUIRE(q.ops.size() >= 2);
  CHECK(q.pts[q.pts.size() - 2] == Approx(10));
  // A zero radius is a straight line.
  CHECK(parse("M0 0 A0 5 0 0 1 10 10").ops == std::vector<Op>{Op::Move, Op::Line});
}

TEST_CASE("path data: an error keeps what came before, and a budget stops it", "[svg]") {
  bool ok = true;
  PathData p = parse("M0 0 L10 10 L20 x L30 30", &ok);
  CHECK_FALSE(ok);
  CHECK(p.ops == std::vector<Op>{Op::Move, Op::Line});
  CHECK(parse("L10 10", &ok).ops.empty());  // must start with a moveto
  CHECK_FALSE(ok);
  std::string big = "M0 0";
  for (int i = 0; i < 1000; ++i) big += " l1 1";
  PathData b = parse(big, &ok, 100);
  CHECK_FALSE(ok);
  CHECK(b.ops.size() == 100);
}

TEST_CASE("transform lists compose left to right", "[svg]") {
  auto m = svg::parse_transform("translate(10 20) scale(2)");
  REQUIRE(m);
  CHECK((*m)[0] == Approx(2));
  CHECK((*m)[4] == Approx(10));
  CHECK((*m)[5] == Approx(20));
  auto r = svg::parse_transform("rotate(90 10 10)");
  REQUIRE(r);
  // (20, 10) turns about (10, 10) to (10, 20).
  float x = (*r)[0] * 20 + (*r)[2] * 10 + (*r)[4], y = (*r)[1] * 20 + (*r)[3] * 10 + (*r)[5];
  CHECK(x == Approx(10).margin(1e-4));
  CHECK(y == Approx(20).margin(1e-4));
  auto k = svg::parse_transform("skewX(45),matrix(1 0 0 1 0 0)");
  REQUIRE(k);
  CHECK((*k)[2] == Approx(1));
  CHECK_FALSE(svg::parse_transform("rotate(1 2)"));
  CHECK_FALSE(svg::parse_transform("wobble(3)"));
}

TEST_CASE("rounded rects clamp into cubic corners, and polygons close", "[svg]") {
  PathData r;
  svg::rect_path(r, 0, 0, 100, 50, 10, 10);
  CHECK(std::count(r.ops.begin(), r.ops.end(), Op::Cubic) == 4);
  CHECK(svg::path_bounds(r)[2] == Approx(100));
  PathData g;
  svg::poly_path(g, {0, 0, 10, 0, 10, 10, 5}, true);  // the odd number is dropped
  CHECK(g.ops == std::vector<Op>{Op::Move, Op::Line, Op::Line, Op::Close});
}

TEST_CASE("SVG CSS: attributes < sheet by specificity < style attribute", "[svg]") {
  svg::Tree t = svg::tree_from_xml(
      R"(<svg xmlns="http://www.w3.org/2000/svg"><style>
        rect { fill: red; stroke: blue } .a { fill: green } #r { stroke: black }
        g rect.a { stroke-width: 3 } svg > circle { fill: gray }
      </style><g><rect id="r" class="a b" fill="yellow" opacity="0.5" style="stroke: white"/></g>
      <rect fill="yellow"/></svg>)");
  REQUIRE(t.ok());
  std::vector<uint32_t> kids;  // the root's elements: style, g, rect
  for (uint32_t c : t.nodes[0].children) {
    if (!t.nodes[c].is_text()) kids.push_back(c);
  }
  REQUIRE(kids.size() == 3);
  svg::StyleSheet sheet;
  sheet.add(t.nodes[t.nodes[kids[0]].children.at(0)].text);
  uint32_t g = kids[1];
  uint32_t rect = t.nodes[g].children.at(0);
  svg::Declarations d = svg::declared(t, sheet, {0, g}, rect);
  CHECK(d["fill"] == "green");    // class beats type, both beat the attribute
  CHECK(d["stroke"] == "white");  // the style attribute beats the id rule
  CHECK(d["stroke-width"] == "3");
  CHECK(d["opacity"] == "0.5");
  uint32_t plain = kids[2];
  CHECK(svg::declared(t, sheet, {0}, plain)["fill"] == "red");
}
