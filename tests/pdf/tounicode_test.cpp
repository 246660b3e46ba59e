#include <catch2/catch.hpp>

#include "pdf/fonts.h"

using namespace deckpdf;

TEST_CASE("UTF-16 hex: BMP and surrogate pairs", "[pdf]") {
  CHECK(pdf::utf16_hex("A") == "0041");
  CHECK(pdf::utf16_hex("é") == "00E9");
  CHECK(pdf::utf16_hex("ffi") == "006600660069");
  CHECK(pdf::utf16_hex("\xF0\x9F\x8E\x89") == "D83CDF89");  // 🎉
}

TEST_CASE("ToUnicode maps every glyph to its text, ligatures to several characters", "[pdf]") {
  std::map<uint32_t, std::string> glyphs = {{3, " "}, {70, "o"}, {812, "ffi"}, {999, ""}};
  std::string cmap = pdf::to_unicode_cmap(glyphs);
  CHECK(cmap.find("3 beginbfchar") != std::string::npos);  // the empty one is left out
  CHECK(cmap.find("<0003> <0020>") != std::string::npos);
  CHECK(cmap.find("<0046> <006F>") != std::string::npos);
  CHECK(cmap.find("<032C> <006600660069>") != std::string::npos);
  CHECK(cmap.find("<03E7>") == std::string::npos);
  CHECK(cmap.find("begincodespacerange\n<0000> <FFFF>") != std::string::npos);
}

TEST_CASE("ToUnicode blocks hold at most 100 entries", "[pdf]") {
  std::map<uint32_t, std::string> glyphs;
  const std::string x = "x";
  for (uint32_t g = 1; g <= 250; ++g) glyphs.emplace(g, x);
  std::string cmap = pdf::to_unicode_cmap(glyphs);
  CHECK(cmap.find("100 beginbfchar") != std::string::npos);
  CHECK(cmap.find("50 beginbfchar") != std::string::npos);
}
