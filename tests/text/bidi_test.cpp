#include "text/bidi.h"

#include <catch2/catch.hpp>

using namespace deckpdf;

TEST_CASE("bidi: left-to-right text has level 0 everywhere", "[text][bidi]") {
  auto p = text::bidi_levels("hello, world", text::BaseDirection::Auto);
  CHECK_FALSE(p.rtl);
  for (auto l : p.levels) CHECK(l == 0);
}

TEST_CASE("bidi: a Hebrew paragraph is right-to-left, its digits left-to-right", "[text][bidi]") {
  std::string s = "שלום 123";
  auto p = text::bidi_levels(s, text::BaseDirection::Auto);
  CHECK(p.rtl);
  CHECK(p.levels[0] == 1);             // ש
  CHECK(p.levels[s.size() - 1] == 2);  // 3: a number inside RTL text
}

TEST_CASE("bidi: Arabic inside an English sentence is an embedded RTL run", "[text][bidi]") {
  std::string s = "The word مرحبا means hello";
  auto p = text::bidi_levels(s, text::BaseDirection::Auto);
  CHECK_FALSE(p.rtl);
  size_t arabic = s.find("م");
  CHECK(p.levels[0] == 0);
  CHECK(p.levels[arabic] == 1);
  CHECK(p.levels[s.find("means")] == 0);
  // An explicit LTR base keeps a leading Hebrew word embedded.
  auto q = text::bidi_levels("שלום world", text::BaseDirection::Ltr);
  CHECK_FALSE(q.rtl);
  CHECK(q.levels[0] == 1);
}

TEST_CASE("bidi: runs are reordered visually by rule L2", "[text][bidi]") {
  using V = std::vector<size_t>;
  CHECK(text::bidi_visual_order({0, 0, 0}) == V{0, 1, 2});
  CHECK(text::bidi_visual_order({0, 1, 1, 0}) == V{0, 2, 1, 3});
  CHECK(text::bidi_visual_order({1, 1, 1}) == V{2, 1, 0});
  // Numbers (level 2) inside RTL (level 1) keep their own order.
  CHECK(text::bidi_visual_order({1, 2, 2, 1}) == V{3, 1, 2, 0});
}
