#include <catch2/catch.hpp>

#include "compose/page.h"
#include "compose/slide_range.h"

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
  CHECK(slides[1].placed[0].step == layout::print_state);
  CHECK(slides[1].label == "2");
  // The 960x700 slide is scaled to the 540 pt height and centred across.
  CHECK(slides[0].placed[0].t.scale == Approx(540.0 / 700));
  CHECK(slides[0].placed[0].t.tx == Approx((960 - 960 * 540.0 / 700) / 2));
  auto builds = compose::compose_builds(deck, lists, {});
  REQUIRE(builds.size() == 5);
  CHECK(builds[1].placed[0].step == 0);
  CHECK(builds[4].placed[0].step == 3);
  CHECK(builds[4].label == "2");
}

TEST_CASE("slide selections: reveal.js labels and ranges of them, errors for the rest",
          "[compose]") {
  // Labels 1, 2, 3.1, 3.2, 3.3, 4, 5.
  deck::Deck deck;
  for (auto [h, v] :
       std::vector<std::pair<int, int>>{{1, 0}, {2, 0}, {3, 1}, {3, 2}, {3, 3}, {4, 0}, {5, 0}}) {
    deck::Slide& s = deck.slides.emplace_back();
    s.h = h;
    s.v = v;
  }
  std::vector<size_t> out;
  std::string error;
  auto parse = [&](const char* text) {
    REQUIRE(compose::slides_parse(text, deck, out, error));
    return out;
  };
  using V = std::vector<size_t>;
  CHECK(parse("4,1") == V{0, 5});
  CHECK(parse("3") == V{2, 3, 4});          // a stack: all of it
  CHECK(parse("3.2") == V{3});              // one slide of it
  CHECK(parse("2-3.2") == V{1, 2, 3});      // up to a slide of a stack
  CHECK(parse("3.2-4") == V{3, 4, 5});      // from one
  CHECK(parse("3-4") == V{2, 3, 4, 5});     // whole stacks at both ends
  CHECK(parse("4-") == V{5, 6});            // to the end
  CHECK(parse("3.3-,1") == V{0, 4, 5, 6});  // each once, in deck order
  auto fails = [&](const char* text) {
    CHECK_FALSE(compose::slides_parse(text, deck, out, error));
    return error;
  };
  CHECK(fails("8") == "--slides: there is no slide 8; the deck's slides are 1 to 5");
  CHECK(fails("3.4") == "--slides: there is no slide 3.4; the slides of stack 3 are 3.1 to 3.3");
  CHECK(fails("2.1") ==
        "--slides: there is no slide 2.1; slide 2 is not a vertical stack (write 2)");
  CHECK(fails("4-3.2") == "--slides: '4-3.2' runs backwards (in '4-3.2')");
  CHECK(fails("3.x") ==
        "--slides: '3.x' is not a slide or a range like 3, 4.2, 3-7 or 3-4.2 (in '3.x')");
  deck::Deck stack;  // one stack: 1.1, 1.2
  stack.slides.resize(2);
  stack.slides[0].v = 1;
  stack.slides[1].v = 2;
  CHECK_FALSE(compose::slides_parse("2", stack, out, error));
  CHECK(error == "--slides: there is no slide 2; the deck is one vertical stack, 1.1 to 1.2");
  deck::Deck single;
  single.slides.resize(1);
  CHECK_FALSE(compose::slides_parse("2", single, out, error));
  CHECK(error == "--slides: there is no slide 2; the deck has one slide");
  for (const char* bad : {"", "0", "1,", "1-2-3", "-3", "3.", ".2", "3.0", "1.2.3"}) {
    CAPTURE(bad);
    CHECK(fails(bad).find("--slides: '") == 0);
  }
}

TEST_CASE("pages get outline entries and links in page space", "[compose]") {
  deck::Deck deck;
  deck.slides.resize(3);
  deck.slides[0].title = "One";
  deck.slides[1].h = 2;
  deck.slides[1].v = 1;
  deck.slides[2].h = 2;
  deck.slides[2].v = 2;
  deck.slides[2].title = "Two B";
  deck.ids["there"] = 2;
  std::vector<layout::DisplayList> lists(3);
  for (auto& l : lists) {
    l.width = 960;
    l.height = 540;
  }
  lists[0].step_count = 1;
  lists[0].scale = 0.5f;
  lists[0].dy = 10;
  layout::Item link;
  link.x = 100;
  link.y = 200;
  link.v = layout::LinkItem{50, 20, "#there"};
  link.step = 1;
  lists[0].items.push_back(link);
  link.v = layout::LinkItem{50, 20, "https://example.com"};
  link.step = 0;
  link.until = 1;  // a .fade-out link: gone at step 1
  lists[0].items.push_back(link);
  auto pages = compose::compose_builds(deck, lists, {});
  REQUIRE(pages.size() == 4);
  CHECK(pages[0].outline_title == "One");
  CHECK(pages[1].outline_title.empty());
  CHECK(pages[2].outline_title == "Slide 2.1");
  CHECK(pages[2].outline_level == 0);
  CHECK(pages[3].outline_title == "Two B");
  CHECK(pages[3].outline_level == 1);
  REQUIRE(pages[0].links.size() == 1);
  CHECK(pages[0].links[0].uri == "https://example.com");
  REQUIRE(pages[1].links.size() == 1);
  CHECK(pages[1].links[0].page == 3);
  CHECK(pages[1].links[0].x == Approx(50));   // 0.5 * 100
  CHECK(pages[1].links[0].y == Approx(110));  // 10 + 0.5 * 200
  CHECK(pages[1].links[0].width == Approx(25));
}
