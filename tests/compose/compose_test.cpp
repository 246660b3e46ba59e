#include <catch2/catch.hpp>

#include "compose/page.h"

using namespace deckpdf;

TEST_CASE("page sizes: ratios and explicit sizes", "[compose]") {
  compose::PageSize s;
  REQUIRE(compose::page_size_parse("16:9", s));
  CHECK(s.width == 960);
  CHECK(s.height == 540);
  REQUIRE(compose::page_size_parse("4:3", s));
  CHECK(s.height == 720);
  REQUIRE(compose::page_size_parse("1280x720", s));
  CHECK(s.width == 960);
  CHECK(s.height == 540);
  CHECK_FALSE(compose::page_size_parse("wide", s));
  CHECK_FALSE(compose::page_size_parse("0:9", s));
  CHECK_FALSE(compose::page_size_parse("16:", s));
}

TEST_CASE("slides and builds: one page per slide, one per step", "[compose]") {
  deck::Deck deck;
  deck.slides.resize(2);
  deck.slides[1].h = 2;
  std::vector<layout::DisplayList> lists(2);
  for (auto& l : lists) {
    l.width = 960;
    l.height = 700;
  }
  lists[1].step_count = 3;
  auto slides = compose::compose_slides(deck, lists, {});
  REQUIRE(slides.size() == 2);
  CHECK(slides[1].placed[0].up_to_step == 3);
  CHECK(slides[1].label == "2");
  // The 960x700 slide is scaled to the 540 pt height and centred across.
  CHECK(slides[0].placed[0].t.scale == Approx(540.0 / 700));
  CHECK(slides[0].placed[0].t.tx == Approx((960 - 960 * 540.0 / 700) / 2));
  auto builds = compose::compose_builds(deck, lists, {});
  REQUIRE(builds.size() == 5);
  CHECK(builds[1].placed[0].up_to_step == 0);
  CHECK(builds[4].placed[0].up_to_step == 3);
  CHECK(builds[4].label == "2");
}
