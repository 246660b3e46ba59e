// Faces as the web ships them: WOFF and WOFF2 decoded at load into the
// sfnt they wrap, variable faces split into their named instances; damaged
// files refused without harm.
#include <hb.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/paths.h"
#include "text/font_set.h"
#include "text/shaper.h"
#include "text/woff.h"

using namespace deckpdf;

namespace {

std::string fixture(const std::string& name) {
  return test::source_dir() + "/tests/text/fonts/" + name;
}

}  // namespace

TEST_CASE("WOFF and WOFF2 load as the TrueType face they wrap", "[text][fonts]") {
  text::FontSet fonts;
  std::string e;
  REQUIRE(fonts.load_file(test::source_dir() + "/fonts/league-gothic/LeagueGothic-Regular.ttf", e));
  REQUIRE(fonts.load_file(fixture("league-gothic-latin-400-normal.woff"), e));
  REQUIRE(fonts.load_file(fixture("league-gothic-latin-400-normal.woff2"), e));
  const text::FontFace& ttf = fonts.face(0);
  for (text::FontId id : {1u, 2u}) {
    const text::FontFace& web = fonts.face(id);
    CAPTURE(web.path);
    CHECK(web.family == "League Gothic");
    CHECK(web.postscript == "LeagueGothic-Regular");
    CHECK(web.outlines);
    CHECK_FALSE(web.cff);
    CHECK(web.units_per_em == ttf.units_per_em);
    CHECK(web.ascender == ttf.ascender);
    REQUIRE(hb_face_get_glyph_count(web.hb_face) == hb_face_get_glyph_count(ttf.hb_face));
    for (uint32_t cp : {U'A', U'g', U'W', U'1'}) {
      hb_codepoint_t a = 0, b = 0;
      REQUIRE(hb_font_get_nominal_glyph(ttf.hb_font, cp, &a));
      REQUIRE(hb_font_get_nominal_glyph(web.hb_font, cp, &b));
      CHECK(a == b);
      CHECK(web.glyph_advance(b) == ttf.glyph_advance(a));
      hb_glyph_extents_t ea{}, eb{};
      hb_font_get_glyph_extents(ttf.hb_font, a, &ea);
      hb_font_get_glyph_extents(web.hb_font, b, &eb);
      CHECK(eb.width == ea.width);  // WOFF2's glyf transform undone exactly
      CHECK(eb.height == ea.height);
    }
  }
}

TEST_CASE("damaged web fonts are refused with a reason", "[text][fonts]") {
  for (const char* name :
       {"league-gothic-latin-400-normal.woff", "league-gothic-latin-400-normal.woff2"}) {
    std::string good = test::read_file(fixture(name));
    std::string sfnt, error;
    REQUIRE(text::decode_web_font(good, sfnt, error));
    CHECK(sfnt.size() > good.size());
    // Cut short, every table's data or directory damaged: an error, never
    // a crash or a huge allocation.
    for (size_t keep : {size_t{3}, size_t{20}, size_t{44}, size_t{200}, good.size() / 2}) {
      CAPTURE(name, keep);
      error.clear();
      CHECK_FALSE(text::decode_web_font(good.substr(0, keep), sfnt, error));
      CHECK_FALSE(error.empty());
    }
    std::string bad = good;
    for (size_t i = 44; i < bad.size(); i += 7) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    error.clear();
    bool ok = text::decode_web_font(bad, sfnt, error);
    CHECK((ok || !error.empty()));
    CHECK(sfnt.size() <= text::kMaxSfntBytes);
  }
  // A WOFF header that claims a table far larger than the limit.
  std::string huge = test::read_file(fixture("league-gothic-latin-400-normal.woff"));
  for (int i = 0; i < 4; ++i) huge[44 + 12 + i] = static_cast<char>(0x7F);  // origLength
  std::string sfnt, error;
  CHECK_FALSE(text::decode_web_font(huge, sfnt, error));
  CHECK(error.find("MiB") != std::string::npos);

  std::string dir = test::temp_dir();
  test::write_file(dir + "/broken.woff2", "wOF2 not really");
  text::FontSet fonts;
  CHECK_FALSE(fonts.load_file(dir + "/broken.woff2", error));
  CHECK(error.find("broken.woff2") != std::string::npos);
}

TEST_CASE("a variable face's named instances are faces of their own weight", "[text][fonts]") {
  std::string dir = test::temp_dir() + "/var";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(fixture("source-sans-3-latin-wght-normal.woff2"),
                             dir + "/source-sans-3-latin-wght-normal.woff2");
  text::FontSet fonts;
  std::string e;
  REQUIRE(fonts.load_dir(dir, e));
  REQUIRE(fonts.size() == 8);  // ExtraLight (the default) ... Black
  std::vector<int> weights;
  for (text::FontId id = 0; id < fonts.size(); ++id) {
    CHECK(fonts.face(id).family == "Source Sans 3");  // not "Source Sans 3 ExtraLight"
    weights.push_back(fonts.face(id).weight);
  }
  CHECK(weights == std::vector<int>{200, 300, 400, 500, 600, 700, 800, 900});
  CHECK(fonts.face(0).variations.empty());  // the default: as the file is

  text::FontId semi = fonts.match("'Source Sans 3'", 600, false);
  const text::FontFace& f = fonts.face(semi);
  CHECK(f.weight == 600);
  CHECK(f.postscript == "SourceSans3-Roman-SemiBold");
  REQUIRE(f.variations.size() == 1);
  CHECK(f.variations[0].first == HB_TAG('w', 'g', 'h', 't'));
  CHECK(f.variations[0].second == 600.0f);
  // Shaped at the instance: bolder glyphs are wider.
  text::Shaper shaper(fonts);
  float light = shaper.measure(fonts.match("'Source Sans 3'", 200, false), 100, "Semibold", false);
  float semibold = shaper.measure(semi, 100, "Semibold", false);
  float black = shaper.measure(fonts.match("'Source Sans 3'", 900, false), 100, "Semibold", false);
  CHECK(light < semibold);
  CHECK(semibold < black);
}
