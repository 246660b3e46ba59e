// Shown layers: which layers of a slide each page shows, and in which
// state, decided by compose for the pdf stage to write.
#include "compose/layers.h"

#include <catch2/catch.hpp>

#include "compose/handout.h"
#include "layout/flow.h"
#include "layout/layers.h"

using namespace deckpdf;

namespace {

using Kind = layout::Effect::Kind;

layout::Effect effect(Kind kind, int from, int until = layout::never) {
  layout::Effect e;
  e.kind = kind;
  e.from = from;
  e.until = until;
  return e;
}

// One slide, items by fragment style, steps 1 to 6:
//   layer 0: always there (two items, apart)
//   layer 1: .fade-in at 1
//   layer 2: .fade-out at 2
//   layer 3: .semi-fade-out at 3 (Dim)
//   layer 4: .highlight-current-red at 4 (Color on step 4 only)
//   layer 5: .strike at 5, nested in a .semi-fade-out at 3, then .grow at 6
//   layer 6: a fragment that is never shown
struct Slide {
  deck::Deck deck;
  std::vector<layout::DisplayList> lists;
  Slide() {
    deck.slides.resize(1);
    lists.resize(1);
    layout::DisplayList& list = lists[0];
    list.width = 960;
    list.height = 540;
    list.step_count = 6;
    list.effects = {{},
                    {effect(Kind::Dim, 3)},
                    {effect(Kind::Color, 4, 5)},
                    {effect(Kind::Dim, 3), effect(Kind::Strike, 5), effect(Kind::Scale, 6)}};
    auto add = [&](int step, int until, int effects) {
      layout::Item item;
      item.step = step;
      item.until = until;
      item.effects = effects;
      list.items.push_back(item);
    };
    add(0, layout::never, 0);
    add(1, layout::never, 0);
    add(0, 2, 0);
    add(0, layout::never, 1);
    add(0, layout::never, 2);
    add(0, layout::never, 3);
    add(layout::never, layout::never, 0);
    add(0, layout::never, 0);  // layer 0 again
    layout::layers_group(list);
  }
};

compose::ShownLayer shown(int layer, uint32_t active = 0, float alpha = 1, uint32_t scales = 0) {
  compose::ShownLayer s;
  s.layer = layer;
  s.active = active;
  s.alpha = alpha;
  s.scales = scales;
  return s;
}

using Shown = std::vector<compose::ShownLayer>;

}  // namespace

TEST_CASE("builds: each page shows the layers of its step, each in its state", "[compose]") {
  Slide s;
  REQUIRE(s.lists[0].layers.size() == 7);
  auto pages = compose::compose_builds(s.deck, s.lists, {});
  REQUIRE(pages.size() == 7);
  std::vector<Shown> at;
  for (const compose::Page& page : pages) {
    REQUIRE(page.placed.size() == 1);
    at.push_back(page.placed[0].layers);
  }
  // Step 0: what is always there and the .fade-out one, all plain.
  CHECK(at[0] == Shown{shown(0), shown(2), shown(3), shown(4), shown(5)});
  // Step 1: the .fade-in layer joins, in item order.
  CHECK(at[1] == Shown{shown(0), shown(1), shown(2), shown(3), shown(4), shown(5)});
  // Step 2: the .fade-out layer is gone.
  CHECK(at[2] == Shown{shown(0), shown(1), shown(3), shown(4), shown(5)});
  // Step 3: the dimmed layers at half opacity, from now on.
  CHECK(at[3] == Shown{shown(0), shown(1), shown(3, 0, 0.5f), shown(4), shown(5, 0, 0.5f)});
  // Step 4: the highlight-current colour (effect 0 of its set) on its step only.
  CHECK(at[4] == Shown{shown(0), shown(1), shown(3, 0, 0.5f), shown(4, 1u), shown(5, 0, 0.5f)});
  // Step 5: the colour is off again; the strike (effect 1) is on.
  CHECK(at[5] == Shown{shown(0), shown(1), shown(3, 0, 0.5f), shown(4), shown(5, 2u, 0.5f)});
  // Step 6: the grow (effect 2) scales it, apart from what it draws.
  CHECK(at[6] == Shown{shown(0), shown(1), shown(3, 0, 0.5f), shown(4), shown(5, 2u, 0.5f, 4u)});
}

TEST_CASE("slides: the print state shows every layer ever shown, effects as at the end",
          "[compose]") {
  Slide s;
  auto pages = compose::compose_slides(s.deck, s.lists, {});
  REQUIRE(pages.size() == 1);
  // Hidden ones too (.fade-out), but not the fragment that never shows;
  // no highlight-current colour, since no fragment is current in print.
  CHECK(pages[0].placed[0].layers ==
        Shown{shown(0), shown(1), shown(2), shown(3, 0, 0.5f), shown(4), shown(5, 2u, 0.5f, 4u)});
}

TEST_CASE("effects together: opacities multiply, bits follow the effect set", "[compose]") {
  layout::DisplayList list;
  list.effects = {{},
                  {effect(Kind::Dim, 1), effect(Kind::Color, 2), effect(Kind::Dim, 2),
                   effect(Kind::Scale, 1), effect(Kind::Strike, 1, 2)}};
  list.items.resize(1);
  list.items[0].effects = 1;
  layout::layers_group(list);
  CHECK(compose::layers_shown(list, 0) == Shown{shown(0)});
  CHECK(compose::layers_shown(list, 1) == Shown{shown(0, 0b10000u, 0.5f, 0b1000u)});
  CHECK(compose::layers_shown(list, 2) == Shown{shown(0, 0b10u, 0.25f, 0b1000u)});
  // A list with no items shows nothing.
  CHECK(compose::layers_shown(layout::DisplayList{}, 0).empty());
}

TEST_CASE("a piece of a split notes flow has the layers of its own items", "[compose]") {
  // Four 10 px lines of links: the second and fourth appear at step 1.
  layout::DisplayList flow;
  flow.width = 100;
  flow.height = 40;
  for (int line = 0; line < 4; ++line) {
    float top = 10.0f * static_cast<float>(line);
    flow.bands.push_back({top, top + 10});
    layout::Item item;
    item.y = top;
    item.step = line % 2;
    item.v = layout::LinkItem{100, 10, "#" + std::to_string(line)};
    flow.items.push_back(item);
  }
  layout::layers_group(flow);
  auto pieces = layout::flow_split(flow, 25, 25);
  REQUIRE(pieces.size() == 2);
  for (size_t k = 0; k < 2; ++k) {
    layout::DisplayList piece = layout::flow_piece(flow, pieces, k);
    REQUIRE(piece.items.size() == 2);
    REQUIRE(piece.layers.size() == 2);
    CHECK(piece.layers[0].step == 0);
    CHECK(piece.layers[0].items == std::vector<uint32_t>{0});
    CHECK(piece.layers[1].step == 1);
    CHECK(piece.layers[1].items == std::vector<uint32_t>{1});
  }
}
