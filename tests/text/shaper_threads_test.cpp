// What layout/parallel relies on in the shaper: with fallback deferred, a
// text that needs another face says so (also when it comes from the
// cache) and asks FontSet nothing that changes it; font matches are listed.
// And the shaper's shortcuts (ASCII coverage, glyph texts) against the
// long way.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/fonts.h"
#include "text/font_set.h"
#include "text/shaper.h"

using namespace deckpdf;

TEST_CASE("shaper: deferred fallback flags the texts that need another face", "[text]") {
  text::FontSet& fonts = test::bundled_fonts();
  text::FontId f = fonts.match("sans-serif", 400, false);
  size_t faces = fonts.size();
  text::Shaper shaper(fonts);
  shaper.defer_fallback(true);

  shaper.shape_text(f, 20, "plain text, 42 of it", false);
  CHECK_FALSE(shaper.take_fallback_wanted());

  // An emoji, CJK and a private-use character: never looked up.
  for (const char* text : {"party \xF0\x9F\x8E\x89", "\xE4\xB8\xAD\xE6\x96\x87", "x\xEE\x80\x80"}) {
    CAPTURE(text);
    const auto& parts = shaper.shape_text(f, 20, text, false);
    CHECK(shaper.take_fallback_wanted());
    for (const auto& p : parts) CHECK(p.run->font == f);
    // From the cache, the same answer.
    shaper.measure(f, 20, text, false);
    CHECK(shaper.take_fallback_wanted());
  }
  CHECK(shaper.take_missing().empty());  // reported by the shaper that shapes it again
  CHECK(fonts.size() == faces);          // no face was loaded
  CHECK_FALSE(shaper.take_fallback_wanted());

  // Without the mode, the same shaper looks the face up as ever.
  shaper.defer_fallback(false);
  text::Shaper plain(fonts);
  const auto& parts = plain.shape_text(f, 20, "x\xEE\x80\x80", false);
  CHECK_FALSE(parts.empty());
  CHECK(plain.take_missing() == std::vector<text::Shaper::Missing>{{0xE000, true}});
}

TEST_CASE("shaper: font matches agree with FontSet's and are listed when deferred", "[text]") {
  text::FontSet& fonts = test::bundled_fonts();
  text::Shaper shaper(fonts);
  CHECK(shaper.match("sans-serif", 700, false) == fonts.match("sans-serif", 700, false));
  CHECK(shaper.match("\"JetBrains Mono\", monospace", 400, true) ==
        fonts.match("\"JetBrains Mono\", monospace", 400, true));
  CHECK(shaper.take_matches().empty());  // only listed when deferred

  text::Shaper helper(fonts);
  helper.defer_fallback(true);
  text::FontId a = helper.match("Some Family, sans-serif", 600, false);
  helper.match("Some Family, sans-serif", 600, false);  // listed once per round
  text::FontId b = helper.match("monospace", 400, false);
  std::vector<text::Shaper::MatchUse> uses = helper.take_matches();
  REQUIRE(uses.size() == 2);
  CHECK(uses[0].family_list == "Some Family, sans-serif");
  CHECK(uses[0].weight == 600);
  CHECK(uses[0].font == a);
  CHECK(uses[1].font == b);
  CHECK(a == fonts.match_peek("Some Family, sans-serif", 600, false));
  CHECK(a == fonts.match("Some Family, sans-serif", 600, false));
  // The next round lists what it uses again, from the shaper's own cache.
  helper.match("monospace", 400, false);
  uses = helper.take_matches();
  REQUIRE(uses.size() == 1);
  CHECK(uses[0].family_list == "monospace");
}

TEST_CASE("shaper: ASCII coverage answers as the face does", "[text]") {
  // The shaper keeps which ASCII characters a face has; text of every
  // ASCII character shapes to the glyphs the face maps them to.
  text::FontSet& fonts = test::bundled_fonts();
  for (text::FontId f = 0; f < fonts.size(); ++f) {
    text::Shaper shaper(fonts);
    std::string all;
    for (char c = 0x20; c < 0x7F; ++c) all.push_back(c);
    const auto& parts = shaper.shape_text(f, 16, all, false);
    std::string joined;
    for (const auto& p : parts) joined += p.run->text;
    CHECK(joined == all);
    bool covered = true;
    for (char c : all) covered = covered && fonts.face(f).has_codepoint(static_cast<uint8_t>(c));
    if (covered) {
      CHECK(parts.size() == 1);  // one face, one script run: Latin with Common inherited
      CHECK(shaper.take_missing().empty());
    }
  }
}

namespace {

// glyph_texts() as it was first written (sorted starts, binary search), the
// reference for its faster path over monotonic clusters.
std::vector<std::string> as_strings(const std::vector<std::string_view>& views) {
  return std::vector<std::string>(views.begin(), views.end());
}

std::vector<std::string> glyph_texts_reference(const text::GlyphRun& run) {
  std::vector<uint32_t> starts;
  for (const text::Glyph& g : run.glyphs) starts.push_back(g.cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<std::string> out(run.glyphs.size());
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    uint32_t start = run.glyphs[i].cluster;
    if (!run.rtl && i > 0 && run.glyphs[i - 1].cluster == start) continue;
    if (run.rtl && i + 1 < run.glyphs.size() && run.glyphs[i + 1].cluster == start) continue;
    auto next = std::upper_bound(starts.begin(), starts.end(), start);
    uint32_t end = next == starts.end() ? static_cast<uint32_t>(run.text.size()) : *next;
    if (start <= run.text.size()) {
      out[i] = run.text.substr(start, std::min<size_t>(end, run.text.size()) - start);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("glyph texts: clusters in any order, either direction", "[text]") {
  uint64_t state = 42;
  auto next = [&](uint32_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33) % n;
  };
  for (int round = 0; round < 4000; ++round) {
    text::GlyphRun run;
    run.text = "abcdefghij\xC3\xA9klmnop";
    run.rtl = next(2) == 1;
    size_t n = next(12);
    for (size_t i = 0; i < n; ++i) {
      text::Glyph g;
      g.cluster = next(static_cast<uint32_t>(run.text.size()));
      run.glyphs.push_back(g);
    }
    switch (next(3)) {  // monotonic (as HarfBuzz gives them) or not
      case 0:
        std::sort(run.glyphs.begin(), run.glyphs.end(),
                  [](const text::Glyph& a, const text::Glyph& b) { return a.cluster < b.cluster; });
        break;
      case 1:
        std::sort(run.glyphs.begin(), run.glyphs.end(),
                  [](const text::Glyph& a, const text::Glyph& b) { return a.cluster > b.cluster; });
        break;
      default: break;
    }
    CAPTURE(round);
    CHECK(as_strings(run.glyph_texts()) == glyph_texts_reference(run));
  }
  // Real runs, both directions.
  text::Shaper shaper(test::bundled_fonts());
  text::FontId f = test::bundled_fonts().match("sans-serif", 400, false);
  for (const char* t :
       {"office affinity", "e\xCC\x81 n\xCC\x83", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"}) {
    for (bool rtl : {false, true}) {
      for (const auto& part : shaper.shape_text(f, 20, t, rtl)) {
        CHECK(as_strings(part.run->glyph_texts()) == glyph_texts_reference(*part.run));
      }
    }
  }
}
