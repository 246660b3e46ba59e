// The pdf stage draws the layers compose says a page shows, in the state
// it gives (opacity, scale, colour), and nothing else of the list.
#include "layout/layers.h"

#include <catch2/catch.hpp>

#include "compose/page.h"
#include "pdf/writer.h"
#include "support/fonts.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

using Kind = layout::Effect::Kind;

// A 100 x 100 list: layer 0 a red square over it all, layer 1 a blue
// right half (effect set 1: scaled by 0.5 about its centre), layer 2 a
// thick black rule along the bottom left (effect set 2: drawn green).
layout::DisplayList list_make() {
  layout::DisplayList list;
  list.width = 100;
  list.height = 100;
  layout::Effect shrink;
  shrink.kind = Kind::Scale;
  shrink.scale = 0.5f;
  shrink.cx = 75;
  shrink.cy = 50;
  layout::Effect green;
  green.kind = Kind::Color;
  green.color = {0, 1, 0, 1};
  list.effects = {{}, {shrink}, {green}};
  layout::Item red;
  red.v = layout::RectItem{100, 100, {1, 0, 0, 1}, 0, {}};
  layout::Item blue;
  blue.x = 50;
  blue.step = 1;
  blue.effects = 1;
  blue.v = layout::RectItem{50, 100, {0, 0, 1, 1}, 0, {}};
  layout::Item rule;
  rule.y = 90;
  rule.step = 2;
  rule.effects = 2;
  rule.v = layout::LineItem{50, 90, 10, {0, 0, 0, 1}};
  list.items = {red, blue, rule};
  layout::layers_group(list);
  return list;
}

compose::ShownLayer shown(int layer, uint32_t active = 0, float alpha = 1, uint32_t scales = 0) {
  compose::ShownLayer s;
  s.layer = layer;
  s.active = active;
  s.alpha = alpha;
  s.scales = scales;
  return s;
}

uint32_t rgb(uint32_t argb) {
  return argb & 0xFFFFFF;
}

}  // namespace

TEST_CASE("pdf draws the layers a page shows, in the state compose gives", "[pdf]") {
  layout::DisplayList list = list_make();
  REQUIRE(list.layers.size() == 3);
  const std::vector<std::vector<compose::ShownLayer>> pages_layers = {
      {shown(0)},            // 0: the red square alone
      {shown(0), shown(1)},  // 1: blue over its right half
      {},                    // 2: nothing, though the list has items
      {shown(1, 0, 0.5f)},   // 3: the blue half at half opacity
      {shown(1, 0, 1, 1u)},  // 4: the blue half shrunk about its centre
      {shown(2)},            // 5: the rule as drawn
      {shown(2, 1u)},        // 6: the rule recoloured
      {shown(1), shown(0)},  // 7: the order given is the order drawn
  };
  std::vector<compose::Page> pages;
  for (const auto& layers : pages_layers) {
    compose::Page page;
    page.width = 100;
    page.height = 100;
    page.label = std::to_string(pages.size() + 1);
    compose::Placement pl;
    pl.list = &list;
    pl.layers = layers;
    page.placed.push_back(pl);
    pages.push_back(page);
  }
  std::string bytes, error;
  REQUIRE(pdf::pdf_render(pages, test::bundled_fonts(), {}, bytes, error));
  std::string path = test::temp_dir() + "/layers.pdf";
  test::write_file(path, bytes);
  std::vector<test::Raster> r;
  for (int p = 0; p < static_cast<int>(pages.size()); ++p)
    r.push_back(test::pdf_render_page(path, p));
  const uint32_t red = 0xFF0000, blue = 0x0000FF, white = 0xFFFFFF;
  CHECK(rgb(r[0].at(25, 50)) == red);
  CHECK(rgb(r[0].at(75, 50)) == red);
  CHECK(rgb(r[1].at(25, 50)) == red);
  CHECK(rgb(r[1].at(75, 50)) == blue);
  CHECK(rgb(r[2].at(25, 50)) == white);
  CHECK(rgb(r[2].at(75, 50)) == white);
  // Half opacity over the white paper: a light blue.
  uint32_t light = rgb(r[3].at(75, 50));
  CHECK((light >> 16 & 0xFF) == Approx(0x80).margin(2));
  CHECK((light & 0xFF) == 0xFF);
  CHECK(rgb(r[3].at(25, 50)) == white);
  // Shrunk to 25 x 50 about (75, 50): from x 62.5 to 87.5, y 25 to 75.
  CHECK(rgb(r[4].at(75, 50)) == blue);
  CHECK(rgb(r[4].at(55, 50)) == white);
  CHECK(rgb(r[4].at(75, 15)) == white);
  CHECK(rgb(r[5].at(25, 90)) == 0x000000);
  CHECK(rgb(r[6].at(25, 90)) == 0x00FF00);
  CHECK(rgb(r[6].at(25, 50)) == white);
  // Red drawn last covers the blue half.
  CHECK(rgb(r[7].at(75, 50)) == red);
}
