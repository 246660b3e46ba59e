#include <catch2/catch.hpp>

#include "support/fonts.h"
#include "support/paths.h"
#include "text/font_set.h"
#include "text/linebreak.h"
#include "text/shaper.h"
#include "text/utf8.h"

using namespace deckpdf;

TEST_CASE("the bundled fonts load with their families, weights and styles", "[text]") {
  text::FontSet& fonts = test::bundled_fonts();
  REQUIRE(fonts.size() >= 4);
  const auto& regular = fonts.face(fonts.match("\"Source Sans 3\", sans-serif", 400, false));
  CHECK(regular.family == "Source Sans 3");
  CHECK(regular.weight == 400);
  CHECK_FALSE(regular.italic);
  CHECK(fonts.face(fonts.match("Source Sans Pro, sans-serif", 600, false)).weight == 600);
  CHECK(fonts.face(fonts.match("sans-serif", 700, false)).weight == 700);
  CHECK(fonts.face(fonts.match("sans-serif", 400, true)).italic);
  CHECK(fonts.face(fonts.match("monospace", 400, false)).monospace);
  CHECK(fonts.face(fonts.match("Nonexistent Family", 400, false)).family == "Source Sans 3");
}

TEST_CASE("shaping: ligatures become one glyph whose text is the whole cluster", "[text]") {
  text::FontSet& fonts = test::bundled_fonts();
  text::Shaper shaper(fonts);
  text::FontId f = fonts.match("sans-serif", 400, false);
  auto run = shaper.shape(f, 42, "office");
  // Source Sans 3 draws "ff" as one ligature glyph: o, ff, i, c, e.
  REQUIRE(run->glyphs.size() == 5);
  CHECK(run->glyph_text(0) == "o");
  CHECK(run->glyph_text(1) == "ff");
  CHECK(run->glyph_text(2) == "i");
  std::string all;
  for (size_t i = 0; i < run->glyphs.size(); ++i) all += run->glyph_text(i);
  CHECK(all == "office");
  CHECK(run->width > 0);
  // The cache hands back the same run.
  CHECK(shaper.shape(f, 42, "office") == run);
  CHECK(shaper.shape(f, 40, "office") != run);
}

TEST_CASE("shaping: kerning changes advances from the nominal widths", "[text]") {
  text::FontSet& fonts = test::bundled_fonts();
  text::Shaper shaper(fonts);
  text::FontId f = fonts.match("sans-serif", 400, false);
  auto av = shaper.shape(f, 100, "AV");
  auto a = shaper.shape(f, 100, "A");
  auto v = shaper.shape(f, 100, "V");
  CHECK(av->width < a->width + v->width - 1);
}

TEST_CASE("line breaks follow UAX #14", "[text]") {
  std::string s = "one two-three";
  auto b = text::line_breaks(s);
  REQUIRE(b.size() == s.size());
  CHECK(b[3] == text::Break::Allowed);  // after "one "
  CHECK(b[7] == text::Break::Allowed);  // after "two-"
  CHECK(b[1] == text::Break::None);
  CHECK(b.back() == text::Break::Allowed);  // the end of the text
  auto nl = text::line_breaks("a\nb");
  CHECK(nl[1] == text::Break::Must);
  // No break before the closing punctuation, none inside a number.
  auto p = text::line_breaks("3.14 (x)");
  CHECK(p[0] == text::Break::None);
  CHECK(p[6] == text::Break::None);
}

TEST_CASE("case mapping for text-transform works beyond ASCII", "[text]") {
  CHECK(text::change_case("élan ω", text::CaseChange::Upper) == "ÉLAN Ω");
  CHECK(text::change_case("ÀB", text::CaseChange::Lower) == "àb");
  CHECK(text::change_case("hello wide world", text::CaseChange::Capitalize) == "Hello Wide World");
}
