// Every CSS colour form parse_color reads, and currentColor through the
// cascade.
#include <catch2/catch.hpp>
#include <cmath>

#include "style/style.h"

using namespace deckpdf;
using style::Color;

namespace {
// A colour as 0..255 channels and alpha, for readable expectations.
struct Rgba {
  int r, g, b;
  float a;
};
void check(const char* css, Rgba want) {
  INFO(css);
  auto c = style::parse_color(css);
  REQUIRE(c);
  CHECK(std::lround(c->r * 255) == want.r);
  CHECK(std::lround(c->g * 255) == want.g);
  CHECK(std::lround(c->b * 255) == want.b);
  CHECK(c->a == Approx(want.a).margin(0.002));
}
}  // namespace

TEST_CASE("colours: the 148 names of CSS Color 4, in any case", "[style]") {
  CHECK(style::named_color_count() == 148);
  check("rebeccapurple", {102, 51, 153, 1});
  check("lavender", {230, 230, 250, 1});
  check("LightGoldenRodYellow", {250, 250, 210, 1});
  check("aliceblue", {240, 248, 255, 1});
  check("yellowgreen", {154, 205, 50, 1});
  check("grey", {128, 128, 128, 1});
  check("transparent", {0, 0, 0, 0});
  CHECK_FALSE(style::parse_color("rebeccapurpl"));
  CHECK_FALSE(style::parse_color("zzz"));
}

TEST_CASE("colours: #rgb, #rgba, #rrggbb, #rrggbbaa", "[style]") {
  check("#f80", {255, 136, 0, 1});
  check("#f808", {255, 136, 0, 0.533f});
  check("#FF8000", {255, 128, 0, 1});
  check("#ff800080", {255, 128, 0, 0.502f});
  CHECK_FALSE(style::parse_color("#ff800"));  // five digits
  CHECK_FALSE(style::parse_color("#ggg"));
  CHECK_FALSE(style::parse_color("#"));
}

TEST_CASE("colours: rgb() and rgba(), commas or spaces, / alpha, percentages", "[style]") {
  check("rgb(255, 0, 128)", {255, 0, 128, 1});
  check("rgba(0, 0, 255, 0.5)", {0, 0, 255, 0.5f});
  check("rgba(0,0,255,50%)", {0, 0, 255, 0.5f});
  check("rgb(255 0 128)", {255, 0, 128, 1});
  check("rgb(255 0 128 / 0.25)", {255, 0, 128, 0.25f});
  check("rgb(255 0 128/25%)", {255, 0, 128, 0.25f});
  check("rgba(100% 50% 0% / 1)", {255, 128, 0, 1});
  check("rgb(100%, 0%, 0%)", {255, 0, 0, 1});
  check("rgb(300, -5, 0)", {255, 0, 0, 1});  // clamped
  CHECK_FALSE(style::parse_color("rgb(1, 2)"));
  CHECK_FALSE(style::parse_color("rgb(1 2 3 4)"));
  CHECK_FALSE(style::parse_color("rgb(1, 2 3)"));
  CHECK_FALSE(style::parse_color("rgb(1 2 3 / )"));
  CHECK_FALSE(style::parse_color("rgb(a, b, c)"));
  CHECK_FALSE(style::parse_color("rgb(1px 2 3)"));
  CHECK_FALSE(style::parse_color("rgb(1 2 3"));
}

TEST_CASE("colours: hsl() and hsla(), angles in deg, turn, rad, grad", "[style]") {
  check("hsl(0, 100%, 50%)", {255, 0, 0, 1});
  check("hsl(120, 100%, 25%)", {0, 128, 0, 1});
  check("hsl(240deg 100% 50%)", {0, 0, 255, 1});
  check("hsl(0.5turn 100% 50%)", {0, 255, 255, 1});
  check("hsl(3.14159rad 100% 50%)", {0, 255, 255, 1});
  check("hsl(200grad 100% 50%)", {0, 255, 255, 1});
  check("hsl(-120, 100%, 50%)", {0, 0, 255, 1});            // 240
  check("hsl(480, 100%, 50%)", {0, 255, 0, 1});             // 120
  check("hsla(270, 50%, 40%, 0.5)", {102, 51, 153, 0.5f});  // rebeccapurple
  check("hsl(270 50% 40% / 50%)", {102, 51, 153, 0.5f});
  check("hsl(0, 0%, 100%)", {255, 255, 255, 1});
  check("HSL(30 100% 50%)", {255, 128, 0, 1});
  CHECK_FALSE(style::parse_color("hsl(10px, 50%, 50%)"));
  CHECK_FALSE(style::parse_color("hsl(10, 50%)"));
  CHECK_FALSE(style::parse_color("hsv(10, 50%, 50%)"));
}

TEST_CASE("colours: brightness as reveal.js measures it, gradient stops", "[style]") {
  CHECK(style::color_brightness(*style::parse_color("#000")) == 0);
  CHECK(style::color_brightness(*style::parse_color("#fff")) == Approx(255));
  CHECK(style::color_brightness(*style::parse_color("#002b36")) < 128);  // moon
  CHECK(style::color_brightness(*style::parse_color("#f7f3de")) > 128);  // beige
  auto first = style::gradient_first_color("linear-gradient(to bottom, #283b95, #17b2c3)");
  REQUIRE(first);
  CHECK(*first == *style::parse_color("#283b95"));
}

TEST_CASE("colours: currentColor is the element's colour, in borders and backgrounds", "[style]") {
  std::vector<style::CssProblem> errors;
  // The border is given before the colour, and the colour comes from a
  // later rule: currentColor is the element's final colour.
  style::Theme theme = style::Theme::parse(
      "section { color: rgb(0 0 255); }\n"
      "p { border: 2px solid currentColor; background: currentcolor; }\n"
      "p.red { color: hsl(0 100% 50%); }\n"
      "em { color: currentColor; border-bottom: 1px solid currentColor; }\n",
      "test", errors);
  REQUIRE(errors.empty());
  dom::Document doc;
  auto add = [&](dom::NodeId parent, const char* tag, std::vector<std::string> classes) {
    dom::Node n;
    n.tag = tag;
    n.classes = std::move(classes);
    return doc.add(std::move(n), parent);
  };
  auto section = add(doc.root, "section", {});
  auto p = add(section, "p", {"red"});
  auto plain = add(section, "p", {});
  auto em = add(p, "em", {});
  Diagnostics diags;
  style::Resolver r(theme, doc, diags);
  auto s_section = r.compute(section, r.root_style());
  auto s_p = r.compute(p, s_section);
  auto s_plain = r.compute(plain, s_section);
  auto s_em = r.compute(em, s_p);
  Color red{1, 0, 0, 1}, blue{0, 0, 1, 1};
  CHECK(s_p.color == red);
  CHECK(s_p.border_color == red);
  CHECK(s_p.border_width == 2);
  REQUIRE(s_p.background);
  CHECK(*s_p.background == red);
  CHECK(s_plain.border_color == blue);  // inherited colour
  CHECK(s_em.color == red);             // currentColor in `color` inherits
  CHECK(s_em.border_bottom_color == red);
  CHECK(diags.items().empty());
}
