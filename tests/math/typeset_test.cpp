// math/typeset: where things land, read from the boxes: scripts above and
// below the baseline, numerators over denominators, display operators and
// delimiters grown from the MATH table, inline formulas cut where KaTeX
// breaks lines.
#include "math/typeset.h"

#include <catch2/catch.hpp>

#include "math/tex.h"
#include "support/paths.h"
#include "text/font_set.h"

using namespace deckpdf;

namespace {

struct MathFont {
  text::FontSet fonts;
  text::FontId id = 0;
  MathFont() {
    std::string error;
    REQUIRE(fonts.load_file(test::source_dir() + "/fonts/" + math::font_file, error));
    id = static_cast<text::FontId>(fonts.size() - 1);
  }
};

std::vector<math::MathBox> set(const std::string& tex, bool display = false) {
  static MathFont f;
  math::ParseResult r = math::parse(tex);
  REQUIRE(r.ok);
  return math::typeset(r.list, display, f.fonts.face(f.id), f.id, 40);
}

// The glyph runs of a box, as (text, x, y).
struct Glyphs {
  std::string text;
  float x, y;
};
std::vector<Glyphs> runs(const math::MathBox& b) {
  std::vector<Glyphs> out;
  for (const math::Draw& d : b.draws) {
    if (d.run) out.push_back({d.run->text, d.x, d.y});
  }
  return out;
}
const Glyphs& find(const std::vector<Glyphs>& g, const std::string& text) {
  for (const Glyphs& x : g) {
    if (x.text == text) return x;
  }
  FAIL("no run " << text);
  return g.front();
}

}  // namespace

TEST_CASE("math: a superscript stands above the baseline, a subscript below", "[math]") {
  auto boxes = set("x_i^2");
  REQUIRE(boxes.size() == 1);
  auto g = runs(boxes[0]);
  CHECK(find(g, "x").y == 0);
  CHECK(find(g, "2").y < -8);  // y down: up by more than a fifth of the em
  CHECK(find(g, "i").y > 4);
  CHECK(find(g, "2").x > find(g, "x").x);
  CHECK(boxes[0].height > 20);
  CHECK(boxes[0].depth > 5);
}

TEST_CASE("math: a fraction's numerator is above its rule, its denominator below", "[math]") {
  auto boxes = set("\\frac{a}{b}", true);
  REQUIRE(boxes.size() == 1);
  auto g = runs(boxes[0]);
  float rule_y = 0;
  int rules = 0;
  for (const math::Draw& d : boxes[0].draws) {
    if (!d.run) {
      rule_y = d.y;
      ++rules;
      CHECK(d.w > 10);
    }
  }
  CHECK(rules == 1);
  CHECK(rule_y < 0);  // on the math axis, above the baseline
  CHECK(find(g, "a").y < rule_y);
  CHECK(find(g, "b").y > rule_y);
}

TEST_CASE("math: display operators and tall delimiters grow", "[math]") {
  auto inline_sum = set("\\sum");
  auto display_sum = set("\\sum", true);
  CHECK(display_sum[0].height + display_sum[0].depth >
        1.3f * (inline_sum[0].height + inline_sum[0].depth));
  // A paren around a stack of fractions: a bigger variant or an assembly.
  auto small = set("\\left( x \\right)");
  auto tall = set("\\left( \\frac{\\frac{a}{b}}{\\frac{c}{\\frac{d}{e}}} \\right)", true);
  CHECK(tall[0].height + tall[0].depth > 2.5f * (small[0].height + small[0].depth));
  // The radical's glyph extracts as √.
  auto root = set("\\sqrt{x}");
  CHECK(runs(root[0]).front().text == "√");
}

TEST_CASE("math: inline formulas break after relations and binary operators only", "[math]") {
  auto pieces = set("a + b = c");
  REQUIRE(pieces.size() == 3);  // "a +" | "b =" | "c"
  CHECK(runs(pieces[0]).front().text.find('a') == 0);
  CHECK(runs(pieces[2]).front().text == "c");
  // Not inside groups, not in display formulas, not after a sign.
  CHECK(set("{a + b = c}").size() == 1);
  CHECK(set("a + b = c", true).size() == 1);
  CHECK(set("-a").size() == 1);
}

TEST_CASE("math: a delimiter taller than its biggest variant is assembled from parts", "[math]") {
  auto m = set(
      "\\left( \\begin{matrix} 1 \\\\ 2 \\\\ 3 \\\\ 4 \\\\ 5 \\\\ 6 \\end{matrix} \\right)", true);
  REQUIRE(m.size() == 1);
  int parts = 0;
  float top = 0, bottom = 0;
  for (const math::Draw& d : m[0].draws) {
    if (!d.run || (d.run->text != "(" && !d.run->text.empty())) continue;
    ++parts;
    top = std::min(top, d.y);
    bottom = std::max(bottom, d.y);
  }
  CHECK(parts >= 3);  // bottom, extender(s), top of the left paren at least
  // The parts span most of the six rows (1.2em each at 40 px).
  CHECK(bottom - top > 0.6f * 6 * 1.2f * 40);
}

TEST_CASE("math: an overbrace is as wide as its base, its note above it", "[math]") {
  auto m = set("\\overbrace{a + b + c + d + e + f}^{n}", true);
  REQUIRE(m.size() == 1);
  auto g = runs(m[0]);
  float left = 1e9f, right = -1e9f, brace_y = 0;
  for (const math::Draw& d : m[0].draws) {
    if (!d.run || d.y >= 0) continue;  // the brace's parts and the note are above the baseline
    if (d.run->text == "n") continue;
    left = std::min(left, d.x);
    right = std::max(right, d.x + d.run->width);
    brace_y = d.y;
  }
  CHECK(right - left > 0.8f * m[0].width);
  CHECK(find(g, "n").y < brace_y);
}
