// Flex, grid, floats and positioned boxes: small slides laid out, and the
// positions of their boxes (by background colour) and text checked against
// what CSS says they are.
#include <catch2/catch.hpp>
#include <memory>

#include "deck/deck.h"
#include "layout/layout.h"
#include "support/laid_out.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

// Pictures are in tests/layout/decks.
std::unique_ptr<test::LaidOut> lay_out(const std::string& text) {
  return test::lay_out(text, test::source_dir() + "/tests/layout/decks");
}

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  size_t index = 0;  // paint order
  int step = 0;
};

// The filled rectangle of colour #rrggbb (a box's background).
Box rect(const layout::DisplayList& list, uint32_t rgb) {
  for (size_t k = 0; k < list.items.size(); ++k) {
    const layout::Item& it = list.items[k];
    auto* r = std::get_if<layout::RectItem>(&it.v);
    if (!r || r->stroke_width > 0) continue;
    auto near = [](float c, uint32_t v) {
      return std::abs(c * 255 - static_cast<float>(v)) < 0.6f;
    };
    if (near(r->fill.r, rgb >> 16) && near(r->fill.g, (rgb >> 8) & 0xff) &&
        near(r->fill.b, rgb & 0xff)) {
      return {it.x, it.y, r->width, r->height, k, it.step};
    }
  }
  FAIL("no rectangle of colour " << std::hex << rgb);
  return {};
}

struct Text {
  float x = 0, right = 0, baseline = 0;
  size_t index = 0;
};

std::vector<Text> texts(const layout::DisplayList& list, const std::string& word = "") {
  std::vector<Text> out;
  for (size_t k = 0; k < list.items.size(); ++k) {
    const layout::Item& it = list.items[k];
    if (auto* t = std::get_if<layout::TextItem>(&it.v)) {
      if (!word.empty() && t->run->text != word) continue;
      out.push_back({it.x, it.x + t->run->width, it.y, k});
    }
  }
  return out;
}

Text text_at(const layout::DisplayList& list, const std::string& word) {
  auto all = texts(list, word);
  REQUIRE(all.size() == 1);
  return all[0];
}

}  // namespace

TEST_CASE("flex: items grow into equal columns with a gap and stretch to the tallest",
          "[layout][flex]") {
  auto l = lay_out(R"(section
  div(style="display: flex; width: 1000px; gap: 40px; background: #000001")
    div(style="flex: 1; background: #ff0000") a
    div(style="flex: 1; background: #00ff00")
      div(style="height: 200px")
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001), a = rect(list, 0xff0000), b = rect(list, 0x00ff00);
  CHECK(c.w == Approx(1000));
  CHECK(c.h == Approx(200));
  CHECK(a.x == Approx(c.x));
  CHECK(a.w == Approx(480));
  CHECK(b.x == Approx(c.x + 520));
  CHECK(b.w == Approx(480));
  CHECK(a.h == Approx(200));  // align-items: normal stretches
  CHECK(a.y == Approx(c.y));
  CHECK_FALSE((l->diags.has_code("style.unsupported") || l->diags.has_code("style.not-drawn")));
}

TEST_CASE("flex: a column of lines grows from 0 beside a fixed box, wrapping its text",
          "[layout][flex]") {
  // The yin-yang talk's two columns: `.column.fill` (a column flex box,
  // flex-basis 0, grow 1) holding a list, beside a column holding a wide
  // picture. The fill column's automatic minimum is its min-content width,
  // measured with its own items at their min-content: its list wraps and
  // the picture stays on the slide.
  auto l = lay_out(R"(section
  div(style="display: flex; width: 1000px; align-items: center; background: #000001")
    div(style="display: flex; flex-direction: column; flex-basis: 0; flex-grow: 1; align-self: stretch; align-items: center; background: #ff0000")
      ul
        li Published in 1994 in a Japanese puzzle magazine under another name
    div(style="display: flex; flex-direction: column; align-items: center")
      div(style="width: 450px; height: 300px; background: #00ff00")
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001), fill = rect(list, 0xff0000), picture = rect(list, 0x00ff00);
  CHECK(fill.w == Approx(550));
  CHECK(picture.x == Approx(c.x + 550));
  CHECK(picture.x + picture.w == Approx(c.x + c.w));
  Text widest = text_at(list, "Japanese puzzle magazine");
  CHECK(widest.right <= fill.x + fill.w);
}

TEST_CASE("r-stretch: a slide's box takes the height the rest leaves, never less than its own",
          "[layout][flex]") {
  // reveal.js sets a `section > .r-stretch` element's height to what the
  // slide has left: here a column whose first item grows into it, its
  // caption at the slide's bottom.
  auto l = lay_out(R"(section
  h2 Title
  div.r-stretch(style="display: flex; flex-direction: column; background: #000001")
    div(style="flex-grow: 1; background: #ff0000") grid
    div caption
section
  h2 Title
  div.r-stretch(style="background: #000002")
    div(style="height: 2000px") too tall
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001), grid = rect(list, 0xff0000);
  CHECK(list.scale == 1);
  CHECK(c.y + c.h == Approx(list.height));  // the slide's bottom
  CHECK(grid.h > 400);
  CHECK(text_at(list, "caption").baseline > grid.y + grid.h);
  // Content taller than the slide: the box keeps its height (it is not
  // squeezed for its content to spill out), and the slide is shrunk.
  const auto& tall = l->lists.at(1);
  CHECK(rect(tall, 0x000002).h == Approx(2000));
  CHECK(tall.scale < 1);
}

TEST_CASE("width: calc() of a percentage and a length, and the last width given wins", "[layout]") {
  auto l = lay_out(R"(section
  div(style="width: 1000px")
    div(style="width: calc(50% - 20px); height: 10px; background: #ff0000")
    div(style="width: calc(2 * 100px); height: 10px; background: #00ff00")
    div(style="width: 50%; width: 300px; height: 10px; background: #0000ff")
    div(style="width: 300px; width: 25%; height: 10px; background: #000001")
)");
  const auto& list = l->lists.at(0);
  CHECK(rect(list, 0xff0000).w == Approx(480));
  CHECK(rect(list, 0x00ff00).w == Approx(200));
  CHECK(rect(list, 0x0000ff).w == Approx(300));
  CHECK(rect(list, 0x000001).w == Approx(250));
  CHECK_FALSE(l->diags.has_code("css.bad-value"));
}

TEST_CASE("flex: shrinking is weighted by the basis and stops at the min-content width",
          "[layout][flex]") {
  auto l = lay_out(R"(section
  div(style="display: flex; width: 600px; background: #000001; font-size: 40px")
    div(style="flex: 0 1 400px; background: #ff0000") x
    div(style="flex: 0 1 400px; background: #00ff00") y
    div(style="flex: 0 1 100px; background: #0000ff") Supercalifragilistic
  div(style="display: flex; width: 600px; background: #000002")
    div(style="flex: 0 1 400px; background: #ff0001") x
    div(style="flex: 0 3 400px; background: #00ff01") y
)");
  const auto& list = l->lists.at(0);
  Text word = text_at(list, "Supercalifragilistic");
  float word_w = word.right - word.x;
  REQUIRE(word_w > 100);
  Box red = rect(list, 0xff0000), green = rect(list, 0x00ff00), blue = rect(list, 0x0000ff);
  CHECK(blue.w == Approx(word_w).margin(0.5));  // frozen at its min-content width
  CHECK(red.w == Approx((600 - blue.w) / 2).margin(0.5));
  CHECK(green.w == Approx(red.w).margin(0.5));
  // 200px to lose, weighted 1 : 3.
  CHECK(rect(list, 0xff0001).w == Approx(350));
  CHECK(rect(list, 0x00ff01).w == Approx(250));
}

TEST_CASE("flex: justify-content and row-reverse place fixed-size items", "[layout][flex]") {
  auto row = [](const std::string& justify, const std::string& dir) {
    return "  div(style=\"display: flex; width: 1000px; background: #000001; justify-content: " +
           justify + "; flex-direction: " + dir +
           "\")\n"
           "    div(style=\"width: 100px; height: 10px; background: #ff0000\")\n"
           "    div(style=\"width: 100px; height: 10px; background: #00ff00\")\n"
           "    div(style=\"width: 100px; height: 10px; background: #0000ff\")\n";
  };
  struct Case {
    std::string justify, dir;
    float a, b, c;
  };
  const Case cases[] = {{"flex-start", "row", 0, 100, 200},
                        {"flex-end", "row", 700, 800, 900},
                        {"center", "row", 350, 450, 550},
                        {"space-between", "row", 0, 450, 900},
                        {"space-around", "row", 700.0f / 6, 450, 900 - 700.0f / 6},
                        {"space-evenly", "row", 175, 450, 725},
                        {"flex-start", "row-reverse", 900, 800, 700}};
  for (const Case& k : cases) {
    auto l = lay_out("section\n" + row(k.justify, k.dir));
    const auto& list = l->lists.at(0);
    INFO(k.justify << " " << k.dir);
    float x0 = rect(list, 0x000001).x;
    CHECK(rect(list, 0xff0000).x - x0 == Approx(k.a).margin(0.01));
    CHECK(rect(list, 0x00ff00).x - x0 == Approx(k.b).margin(0.01));
    CHECK(rect(list, 0x0000ff).x - x0 == Approx(k.c).margin(0.01));
  }
}

TEST_CASE("flex: an inline-flex box is as wide as its items, and justifies in that width",
          "[layout][flex]") {
  auto l = lay_out(R"(section
  div(style="display: inline-flex; gap: 10px; justify-content: flex-end; background: #000001")
    div(style="width: 100px; height: 10px; background: #ff0000")
    div(style="width: 100px; height: 10px; background: #00ff00")
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001);
  CHECK(c.w == Approx(210));
  CHECK(c.x == Approx((list.width - 210) / 2));  // centred by the section's text-align
  CHECK(rect(list, 0xff0000).x == Approx(c.x));
  CHECK(rect(list, 0x00ff00).x == Approx(c.x + 110));
}

TEST_CASE("flex: an inline-flex column is as wide as its widest item", "[layout][flex]") {
  auto l = lay_out(R"(section
  div(style="display: inline-flex; flex-direction: column; background: #000001")
    div(style="width: 150px; height: 10px; background: #ff0000")
    div(style="height: 10px; background: #00ff00")
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001);
  CHECK(c.w == Approx(150));
  CHECK(rect(list, 0x00ff00).w == Approx(150));  // stretched to the column's width
  CHECK(rect(list, 0x00ff00).x == Approx(c.x));
}

TEST_CASE("flex: align-items and align-self place items across the line", "[layout][flex]") {
  auto l = lay_out(R"(section
  div(style="display: flex; width: 1000px; align-items: center; background: #000001")
    div(style="width: 100px; height: 100px; background: #ff0000")
    div(style="width: 100px; height: 50px; background: #00ff00")
    div(style="width: 100px; height: 20px; background: #0000ff; align-self: flex-end")
    div(style="width: 100px; background: #ffff00; align-self: stretch")
    div(style="width: 100px; height: 10px; background: #ff00ff; margin-top: auto")
)");
  const auto& list = l->lists.at(0);
  float y0 = rect(list, 0x000001).y;
  CHECK(rect(list, 0x000001).h == Approx(100));
  CHECK(rect(list, 0xff0000).y - y0 == Approx(0));
  CHECK(rect(list, 0x00ff00).y - y0 == Approx(25));
  CHECK(rect(list, 0x0000ff).y - y0 == Approx(80));
  CHECK(rect(list, 0xffff00).h == Approx(100));
  CHECK(rect(list, 0xff00ff).y - y0 == Approx(90));  // an auto margin takes the free space
}

TEST_CASE("flex: a column in `order`, centred across, growing into a definite height",
          "[layout][flex]") {
  auto l = lay_out(R"(section
  div(style="display: flex; flex-direction: column; align-items: center; width: 1000px; background: #000001")
    div(style="width: 200px; height: 50px; background: #ff0000; order: 2")
    div(style="width: 100px; height: 100px; background: #00ff00; order: 1")
  div(style="display: flex; flex-direction: column; height: 300px; width: 1000px; background: #000002")
    div(style="height: 50px; background: #ff0001")
    div(style="flex: 1; background: #00ff01")
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001);
  CHECK(c.h == Approx(150));
  CHECK(rect(list, 0x00ff00).y == Approx(c.y));
  CHECK(rect(list, 0xff0000).y == Approx(c.y + 100));
  CHECK(rect(list, 0xff0000).x == Approx(c.x + 400));
  CHECK(rect(list, 0x00ff00).x == Approx(c.x + 450));
  Box grown = rect(list, 0x00ff01);
  CHECK(grown.h == Approx(250));
  CHECK(grown.w == Approx(1000));  // stretched across
  CHECK(grown.y == Approx(rect(list, 0x000002).y + 50));
}

TEST_CASE("flex: wrapping starts a new line after the gap", "[layout][flex]") {
  auto l = lay_out(R"(section
  div(style="display: flex; flex-wrap: wrap; gap: 10px 20px; width: 1000px; background: #000001")
    div(style="width: 300px; height: 50px; background: #ff0000")
    div(style="width: 300px; height: 50px; background: #00ff00")
    div(style="width: 300px; height: 50px; background: #0000ff")
    div(style="width: 300px; height: 50px; background: #ffff00")
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001);
  CHECK(c.h == Approx(110));
  CHECK(rect(list, 0x0000ff).x == Approx(c.x + 640));
  CHECK(rect(list, 0x0000ff).y == Approx(c.y));
  CHECK(rect(list, 0xffff00).x == Approx(c.x));
  CHECK(rect(list, 0xffff00).y == Approx(c.y + 60));
}

TEST_CASE("reveal.js's r-hstack centres a row and r-stack overlays its children",
          "[layout][flex][grid]") {
  auto l = lay_out(R"(section
  .r-hstack
    div(style="width: 100px; height: 100px; background: #ff0000")
    div(style="width: 200px; height: 50px; background: #00ff00")
  .r-stack
    div(style="width: 300px; height: 200px; background: #0000ff")
    div.fragment(style="width: 100px; height: 60px; background: #ffff00")
)");
  const auto& list = l->lists.at(0);
  Box a = rect(list, 0xff0000), b = rect(list, 0x00ff00);
  CHECK((a.x + b.x + b.w) / 2 == Approx(list.width / 2));
  CHECK(b.x == Approx(a.x + 100));
  CHECK(b.y == Approx(a.y + 25));
  Box big = rect(list, 0x0000ff), small = rect(list, 0xffff00);
  CHECK(big.x + big.w / 2 == Approx(list.width / 2));
  CHECK(small.x + small.w / 2 == Approx(big.x + big.w / 2));
  CHECK(small.y + small.h / 2 == Approx(big.y + big.h / 2));
  CHECK(small.step == 1);
  CHECK(big.y >= a.y + 100);
}

TEST_CASE("grid: fr columns, gaps, spans and explicit lines", "[layout][grid]") {
  auto l = lay_out(R"(section
  div(style="display: grid; grid-template-columns: repeat(3, 1fr); gap: 20px; width: 1000px; background: #000001")
    div(style="grid-column: span 2; height: 40px; background: #ff0000")
    div(style="height: 40px; background: #00ff00")
    div(style="height: 60px; background: #0000ff")
    div(style="grid-column: 2 / 4; background: #ffff00")
  div(style="display: grid; grid-template-columns: 200px auto 1fr; column-gap: 10px; width: 1000px; font-size: 20px; background: #000002")
    div(style="background: #ff0001") one
    div(style="background: #00ff01") autowidth
    div(style="background: #0000f1") rest
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001);
  Box wide = rect(list, 0xff0000), third = rect(list, 0x00ff00);
  Box first2 = rect(list, 0x0000ff), span = rect(list, 0xffff00);
  CHECK(wide.x == Approx(c.x));
  CHECK(wide.w == Approx(660));
  CHECK(third.x == Approx(c.x + 680));
  CHECK(third.w == Approx(320));
  CHECK(first2.x == Approx(c.x));
  CHECK(first2.y == Approx(c.y + 60));
  CHECK(span.x == Approx(c.x + 340));
  CHECK(span.w == Approx(660));
  CHECK(span.y == Approx(c.y + 60));
  CHECK(span.h == Approx(60));  // an auto height stretched to its row
  CHECK(c.h == Approx(120));

  Box c2 = rect(list, 0x000002);
  Box one = rect(list, 0xff0001), autow = rect(list, 0x00ff01), rest = rect(list, 0x0000f1);
  Text word = text_at(list, "autowidth");
  CHECK(one.w == Approx(200));
  CHECK(autow.x == Approx(c2.x + 210));
  CHECK(autow.w == Approx(word.right - word.x).margin(0.5));
  CHECK(rest.x == Approx(autow.x + autow.w + 10));
  CHECK(rest.x + rest.w == Approx(c2.x + 1000));
}

TEST_CASE("grid: fixed rows and items aligned in their cells", "[layout][grid]") {
  auto l = lay_out(R"(section
  div(style="display: grid; grid-template-columns: 300px 300px; grid-template-rows: 100px 50px; width: 1000px; background: #000001; justify-content: center")
    div(style="background: #ff0000; width: 100px; height: 20px; justify-self: center; align-self: end")
    div(style="background: #00ff00")
    div(style="background: #0000ff")
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001);
  CHECK(c.h == Approx(150));
  Box a = rect(list, 0xff0000), b = rect(list, 0x00ff00), d = rect(list, 0x0000ff);
  CHECK(a.x == Approx(c.x + 200 + 100));
  CHECK(a.y == Approx(c.y + 80));
  CHECK(b.x == Approx(c.x + 500));
  CHECK(b.h == Approx(100));
  CHECK(d.y == Approx(c.y + 100));
  CHECK(d.h == Approx(50));
}

TEST_CASE("position: absolute boxes by their offsets, drawn after the flow, with their steps",
          "[layout][position]") {
  auto l = lay_out(R"(section
  p In flow
  div(style="position: absolute; top: 10px; right: 20px; width: 100px; height: 30px; background: #ff0000")
  div(style="position: relative; width: 400px; height: 200px; background: #00ff00; margin-top: 50px")
    div.fragment(style="position: absolute; left: 10px; bottom: 10px; width: 50px; height: 20px; background: #0000ff")
  p(style="position: relative; left: 30px; top: 5px; text-align: left") Moved
  p(style="text-align: left") Still
  div(style="width: 300px; margin: 0 auto; text-align: left")
    p(style="position: relative; left: 10px") Inner
    p Reference
)");
  const auto& list = l->lists.at(0);
  Text flow = text_at(list, "In flow");
  Box red = rect(list, 0xff0000), green = rect(list, 0x00ff00), blue = rect(list, 0x0000ff);
  CHECK(red.x == Approx(list.width - 120));
  CHECK(red.y == Approx(10));  // the slide's content box is the containing block
  CHECK(blue.x == Approx(green.x + 10));
  CHECK(blue.y == Approx(green.y + 200 - 30));
  CHECK(blue.step == 1);
  CHECK(red.index > flow.index);
  CHECK(blue.index > green.index);
  Text moved = text_at(list, "Moved"), still = text_at(list, "Still");
  CHECK(moved.x == Approx(still.x + 30));
  // Relative boxes are painted with the positioned ones, in document order.
  CHECK(moved.index > red.index);
  CHECK(still.index < red.index);
  // ... and still move with the box around them (centred by auto margins).
  Text inner = text_at(list, "Inner"), reference = text_at(list, "Reference");
  CHECK(inner.x == Approx(reference.x + 10));
  CHECK(reference.x == Approx((list.width - 300) / 2));
  CHECK_FALSE((l->diags.has_code("style.unsupported") || l->diags.has_code("style.not-drawn")));
}

TEST_CASE("float: lines beside a float are shorter, and clear goes below it", "[layout][float]") {
  auto l = lay_out(R"(section
  div(style="text-align: left; width: 800px; font-size: 20px; background: #000001")
    div(style="float: right; width: 200px; height: 100px; background: #ff0000")
    p(style="margin: 0") Words that flow beside the floated box on the right and then under it, on and on, long enough to take many lines of text in a box eight hundred pixels wide so that some of them are below the float and use the whole width again. One more sentence to be sure of it, and another one after that, and then a last one that is long enough to fill a whole line of its own.
    p(style="margin: 0; clear: both") After
)");
  const auto& list = l->lists.at(0);
  Box c = rect(list, 0x000001), f = rect(list, 0xff0000);
  CHECK(f.x == Approx(c.x + 600));
  CHECK(f.y == Approx(c.y));
  bool beside = false, below_wide = false;
  for (const Text& t : texts(list)) {
    if (t.baseline < f.y + f.h) {
      CHECK(t.right <= f.x + 0.5f);
      beside = true;
    } else if (t.right > f.x + 1) {
      below_wide = true;
    }
  }
  CHECK(beside);
  CHECK(below_wide);
  CHECK(text_at(list, "After").baseline > f.y + f.h);
  CHECK(c.h >= 100);
}

TEST_CASE("flex, grid, float and position declarations are read, bad values warned about",
          "[layout][style]") {
  auto ok = lay_out(R"(section
  div(style="display: flex; flex-flow: column wrap; gap: 1em; justify-content: space-between; align-items: center; align-content: center; order: 2; flex: 1 1 auto; place-items: center")
  div(style="display: grid; grid-template-columns: repeat(2, 1fr) minmax(100px, 1fr) auto; grid-template-rows: 100px; grid-auto-rows: 50px; grid-column: 1 / span 2; grid-row: 2; grid-area: 1 / 1")
  div(style="position: absolute; top: 1px; left: 10%; right: 0; bottom: auto; float: left; clear: both; min-width: 0; flex-basis: 20%")
  div(style="display: inline-flex; flex-grow: 2; flex-shrink: 0; align-self: baseline; justify-self: end; row-gap: 4px; column-gap: 2%")
)");
  for (const auto& d : ok->diags.items()) INFO(d.message);
  CHECK_FALSE((ok->diags.has_code("style.unsupported") || ok->diags.has_code("style.not-drawn")));
  for (const char* bad : {"flex-direction: sideways", "justify-content: middle",
                          "grid-template-columns: repeat(auto-fill, 100px)", "float: center",
                          "position: floating", "flex: 1 2 3 4", "grid-column: 0"}) {
    auto l = lay_out(std::string("section\n  div(style=\"") + bad + "\")\n");
    INFO(bad);
    CHECK(l->diags.has_code("style.unsupported"));
  }
}

TEST_CASE("the layout test deck exports with columns, grid rows and callouts where they belong",
          "[layout][pdf]") {
  std::string out = test::temp_dir() + "/css-layout.pdf";
  auto r = test::run_deckpdf("'" + test::source_dir() + "/tests/layout/decks/css-layout.pug' -o '" +
                             out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("is not supported") == std::string::npos);
  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.loaded);
  REQUIRE(doc.pages.size() == 6);
  auto word = [&](size_t page, const std::string& w) {
    for (const auto& b : doc.pages[page].words) {
      if (b.text == w) return b;
    }
    FAIL("no word " << w << " on page " << page + 1);
    return test::TextBox{};
  };
  // Flex columns: side by side on one line.
  auto left = word(0, "Left"), right = word(0, "Right");  // as typed (ActualText)
  CHECK(right.x > left.x + 200);
  CHECK(right.y == Approx(left.y).margin(1));
  // The grid's first row: "two columns wide" beside "three".
  auto two = word(3, "two"), three = word(3, "three"), four = word(3, "four");
  CHECK(three.y == Approx(two.y).margin(1));
  CHECK(three.x > two.x + 300);
  CHECK(four.y > two.y + 10);
  // The callouts: top right beside the heading, bottom left below the text.
  auto top = word(4, "top"), heading = word(4, "Callouts"), bottom = word(4, "bottom");
  CHECK(top.y < heading.y + heading.height);
  CHECK(top.y + top.height < word(4, "placed").y);
  CHECK(top.x > doc.pages[4].width_pt * 0.8);
  CHECK(bottom.x < doc.pages[4].width_pt * 0.1);
  CHECK(bottom.y > heading.y);
}

TEST_CASE("reveal.js's r-frame: a 4px border in the text colour", "[layout]") {
  auto l = lay_out("section\n  div.r-frame(style=\"color: #123456\") framed\n");
  bool found = false;
  for (const auto& it : l->lists.at(0).items) {
    auto* r = std::get_if<layout::RectItem>(&it.v);
    if (!r || r->stroke_width == 0) continue;
    found = true;
    CHECK(r->stroke_width == 4);
    CHECK(r->stroke.r * 255 == Approx(0x12));
    CHECK(r->stroke.b * 255 == Approx(0x56));
  }
  CHECK(found);
}
