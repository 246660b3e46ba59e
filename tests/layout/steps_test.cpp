// Fragment tags (layout/steps.h): what nested fragments make of their
// content, and how tags become the items' steps, effects and links.
#include "layout/steps.h"

#include <catch2/catch.hpp>

#include "support/fonts.h"

using namespace deckpdf;
using layout::Effect;
using layout::Tag;

namespace {

deck::Fragment fragment(int step, deck::FragmentStyle style) {
  deck::Fragment f;
  f.step = step;
  f.style = style;
  return f;
}

}  // namespace

TEST_CASE("nested fragments: visibility intervals intersect, effects add up", "[layout][steps]") {
  using FS = deck::FragmentStyle;
  Tag t;
  int scale_boxes = 0;
  layout::fragment_apply(fragment(2, FS::Appear), t, scale_boxes);
  layout::fragment_apply(fragment(5, FS::FadeOut), t, scale_boxes);
  layout::fragment_apply(fragment(3, FS::Appear), t, scale_boxes);
  CHECK(t.step == 3);
  CHECK(t.until == 5);
  CHECK(t.effects.empty());

  layout::fragment_apply(fragment(4, FS::HighlightCurrent), t, scale_boxes);
  layout::fragment_apply(fragment(6, FS::Grow), t, scale_boxes);
  layout::fragment_apply(fragment(7, FS::Shrink), t, scale_boxes);
  REQUIRE(t.effects.size() == 3);
  CHECK(t.effects[0].kind == Effect::Kind::Color);
  CHECK(t.effects[0].from == 4);
  CHECK(t.effects[0].until == 5);  // only while current
  CHECK(t.effects[1].scale == Approx(1.3f));
  CHECK(t.effects[2].scale == Approx(0.7f));
  // Each scaled fragment numbers a box for its centre; the colour has none.
  CHECK(t.boxes == std::vector<int>{-1, 0, 1});
  CHECK(scale_boxes == 2);
}

TEST_CASE("resolving tags sets each item's step and effects and adds links", "[layout][steps]") {
  static text::Shaper shaper(test::bundled_fonts());
  Diagnostics diags;
  dom::Document doc;
  style::Theme theme;
  style::Resolver resolver(theme, doc, diags);
  layout::Context ctx{doc, resolver, shaper, diags};

  layout::Tags tags;
  int scale_boxes = 0;
  Tag shown_at_2;
  layout::fragment_apply(fragment(2, deck::FragmentStyle::Appear), shown_at_2, scale_boxes);
  Tag dimmed_link;
  layout::fragment_apply(fragment(1, deck::FragmentStyle::SemiFadeOut), dimmed_link, scale_boxes);
  dimmed_link.href = "https://example.org/";
  tags.list = {Tag{}, shown_at_2, dimmed_link};

  text::FontId font = shaper.match("sans-serif", 400, false);
  auto run = shaper.shape(font, 20, "link");
  std::vector<layout::Item> items(3);
  for (int k = 0; k < 3; ++k) {
    items[static_cast<size_t>(k)].tag = k;
    items[static_cast<size_t>(k)].x = 10;
    items[static_cast<size_t>(k)].y = 50;
    items[static_cast<size_t>(k)].v = layout::TextItem{run, {}, {}};
  }
  layout::DisplayList list;
  layout::tags_resolve(ctx, tags, items, list, dom::no_node);

  REQUIRE(items.size() == 4);  // the three, and a link over the linked text
  CHECK(items[0].step == 0);
  CHECK(items[1].step == 2);
  CHECK(items[2].step == 0);
  for (const auto& it : items) CHECK(it.tag == 0);  // tags are layout's own
  REQUIRE(list.effects.size() == 2);
  CHECK(items[2].effects == 1);
  CHECK(list.effects[1][0].kind == Effect::Kind::Dim);
  auto* link = std::get_if<layout::LinkItem>(&items[3].v);
  REQUIRE(link);
  CHECK(link->href == "https://example.org/");
  CHECK(items[3].x == Approx(10));
  CHECK(link->width == Approx(run->width));
  CHECK(items[3].y < 50);  // from the text's ascent
  CHECK(items[3].y + link->height > 50);
  CHECK(items[3].effects == 1);
}
