// A character that no font on the machine has: the warning names it and its
// slide and says what is drawn, and that is what the page shows (the face's
// .notdef box, whose outline the subset keeps).
#include <catch2/catch.hpp>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

TEST_CASE("a character no font has is drawn as the box the warning names", "[pdf][text]") {
  std::string dir = test::temp_dir();
  std::string deck = dir + "/missing.pug", pdf = dir + "/missing.pdf";
  // U+10FFFD, a private-use character of plane 16: in no font.
  test::write_file(deck,
                   "section\n  p one\nsection\n"
                   "  p(style=\"font-size: 200px; margin: 0\") \xF4\x8F\xBF\xBD\n");
  auto r = test::run_deckpdf("--theme white '" + deck + "' -o '" + pdf + "'");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("no font on this machine has U+10FFFD '\xF4\x8F\xBF\xBD' (slide 2); a box is "
                   "drawn in its place [text.missing-glyph]") != std::string::npos);
  test::Raster page = test::pdf_render_page(pdf, 1);
  size_t dark = 0;
  for (int y = 0; y < page.height; ++y) {
    for (int x = 0; x < page.width; ++x) dark += (page.at(x, y) & 0xFF) < 0x80;
  }
  CHECK(dark > 500);  // a box's four sides (and Source Sans 3's diagonals) at 200 px
}
