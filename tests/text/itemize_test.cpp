#include <catch2/catch.hpp>

#include "support/fonts.h"
#include "support/paths.h"
#include "text/font_set.h"
#include "text/linebreak.h"
#include "text/shaper.h"

using namespace deckpdf;

namespace {
std::vector<std::string> part_texts(const std::vector<text::ShapedPart>& parts) {
  std::vector<std::string> out;
  for (const auto& p : parts) out.push_back(p.run->text);
  return out;
}
}  // namespace

TEST_CASE("itemize: text the face covers stays one run", "[text][itemize]") {
  text::Shaper shaper(test::bundled_fonts());
  text::FontId f = test::bundled_fonts().match("sans-serif", 400, false);
  const auto& parts = shaper.shape_text(f, 40, "Ελληνικά and English", false);
  // Source Sans 3 has Greek: one face; two scripts, so two runs. The space
  // (script Common) goes with the text before it.
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].run->font == f);
  CHECK(parts[1].run->font == f);
  CHECK(part_texts(parts) == std::vector<std::string>{"Ελληνικά ", "and English"});
  CHECK(shaper.take_missing().empty());
}

TEST_CASE("itemize: characters the face lacks go to a fallback face", "[text][itemize]") {
  text::Shaper shaper(test::bundled_fonts());
  text::FontId f = test::bundled_fonts().match("sans-serif", 400, false);
  const auto& parts = shaper.shape_text(f, 40, "Hindi हिन्दी!", false);
  REQUIRE(parts.size() >= 2);
  CHECK(parts[0].run->font == f);
  CHECK(parts[0].run->text == "Hindi ");
  CHECK(parts[1].offset == std::string("Hindi ").size());
  if (!test::bundled_fonts().face(parts[1].run->font).bundled) {
    // A system face was found (fonts-noto-core): it draws the whole word,
    // combining marks included, with no .notdef.
    CHECK(parts[1].run->text == "हिन्दी");
    for (const auto& g : parts[1].run->glyphs) CHECK(g.id != 0);
  } else {
    WARN("no system font for Devanagari; install fonts-noto-core");
  }
}

TEST_CASE("itemize: marks and joiners stay with their base character", "[text][itemize]") {
  text::Shaper shaper(test::bundled_fonts());
  text::FontId f = test::bundled_fonts().match("sans-serif", 400, false);
  // e + combining acute: Source Sans 3 has both; one run, one cluster.
  const auto& parts = shaper.shape_text(f, 40, "e\xCC\x81", false);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].run->glyph_text(0) == "e\xCC\x81");
}

TEST_CASE("itemize: a face-less system yields .notdef and reports the code point",
          "[text][itemize]") {
  text::FontSet bundled_only;
  std::string e;
  REQUIRE(bundled_only.load_dir(test::source_dir() + "/fonts", e));
  bundled_only.set_system_fallback(false);
  text::Shaper shaper(bundled_only);
  text::FontId f = bundled_only.match("sans-serif", 400, false);
  const auto& parts = shaper.shape_text(f, 40, "a\xE0\xA4\x95", false);  // a + क
  REQUIRE(parts.size() == 2);                                            // Latin, then Devanagari
  CHECK(parts[0].run->glyphs[0].id != 0);
  CHECK(parts[1].run->font == f);
  CHECK(parts[1].run->glyphs[0].id == 0);
  // Source Sans 3's .notdef is a box, and the warning says so.
  CHECK(shaper.take_missing() == std::vector<text::Shaper::Missing>{{0x915, true}});
}

TEST_CASE("line breaks: no break inside a flag emoji, no crash on regional indicators", "[text]") {
  std::string s = "go \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 now";  // go 🇫🇷 now
  auto b = text::line_breaks(s);
  REQUIRE(b.size() == s.size());
  CHECK(b[2] == text::Break::Allowed);  // after "go "
  for (size_t i = 3; i < 3 + 7; ++i) CHECK(b[i] == text::Break::None);
  // Lone and odd numbers of regional indicators.
  CHECK(text::line_breaks("\xF0\x9F\x87\xAB").size() == 4);
  CHECK(text::line_breaks("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9").size() == 12);
}

TEST_CASE("line breaks: no break at a no-break space", "[text]") {
  std::string s = "10\xC2\xA0km away";
  auto b = text::line_breaks(s);
  CHECK(b[1] == text::Break::None);
  CHECK(b[3] == text::Break::None);  // the NBSP's last byte
}

TEST_CASE("itemize: a face with the whole run is preferred to a face per character",
          "[text][itemize]") {
  text::Shaper shaper(test::bundled_fonts());
  text::FontId f = test::bundled_fonts().match("sans-serif", 400, false);
  // ★ alone goes to DejaVu Sans (fontconfig's first face with it), which
  // has no Hangul; ★ followed by Korean goes with the Korean to Noto Sans
  // CJK (fonts-noto-cjk), which has both: one run, not two.
  const auto& star = shaper.shape_text(f, 40, "a \xE2\x98\x85", false);
  REQUIRE(star.size() == 2);
  const text::FontFace& alone = test::bundled_fonts().face(star[1].run->font);
  CAPTURE(alone.postscript);
  CHECK(alone.has_codepoint(0x2605));
  REQUIRE_FALSE(alone.has_codepoint(0xD55C));  // else this test shows nothing
  const auto& parts = shaper.shape_text(f, 40, "a \xE2\x98\x85\xED\x95\x9C\xEA\xB5\xAD", false);
  // "a ", then ★ and 한국 in one face (two runs only for their two scripts).
  REQUIRE(parts.size() == 3);
  CHECK(parts[1].run->text == "\xE2\x98\x85");
  CHECK(parts[2].run->text == "\xED\x95\x9C\xEA\xB5\xAD");
  CHECK(parts[1].run->font == parts[2].run->font);
  const text::FontFace& both = test::bundled_fonts().face(parts[1].run->font);
  CAPTURE(both.postscript);
  CHECK(both.postscript.find("NotoSansCJK") == 0);
  for (const auto& p : parts) {
    for (const auto& g : p.run->glyphs) CHECK(g.id != 0);
  }
  CHECK(shaper.take_missing().empty());
}

TEST_CASE("itemize: bold text falls back to the family's bold face", "[text][itemize]") {
  text::Shaper shaper(test::bundled_fonts());
  text::FontId bold = test::bundled_fonts().match("sans-serif", 700, false);
  text::FontId regular = test::bundled_fonts().match("sans-serif", 400, false);
  const auto& b = shaper.shape_text(bold, 40, "\xED\x95\x9C\xEA\xB5\xAD", false);  // 한국
  REQUIRE(b.size() == 1);
  const text::FontFace& face = test::bundled_fonts().face(b[0].run->font);
  CAPTURE(face.postscript);
  CHECK(face.postscript.find("NotoSansCJK") == 0);
  CHECK(face.weight == 700);  // Noto Sans CJK Bold, not Regular emboldened
  CHECK_FALSE(b[0].run->synthetic_bold);
  const auto& r = shaper.shape_text(regular, 40, "\xED\x95\x9C\xEA\xB5\xAD", false);
  REQUIRE(r.size() == 1);
  CHECK(test::bundled_fonts().face(r[0].run->font).weight == 400);
}
