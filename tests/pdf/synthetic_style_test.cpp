// Synthetic bold and oblique end to end: a bold heading whose text falls
// back to a face without bold (Glagolitic: Noto Sans Glagolitic, Regular
// only, from Debian's fonts-noto-core) is drawn emboldened (fill and
// stroke, 2 Tr) as browsers draw it, the same text in a paragraph is not,
// italic text in it is slanted (a sheared text matrix), and all of it
// still extracts as typed.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// How many pixels of the page's top or bottom half are darker than mid-grey.
size_t ink(const test::Raster& r, bool top) {
  size_t n = 0;
  for (int y = top ? 0 : r.height / 2; y < (top ? r.height / 2 : r.height); ++y) {
    for (int x = 0; x < r.width; ++x) {
      if ((r.at(x, y) & 0xFF) < 0x80) ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("a bold heading's fallback text without a bold face is emboldened", "[pdf][text]") {
  REQUIRE(std::system("fc-list | grep -q NotoSansGlagolitic-Regular") == 0);  // fonts-noto-core
  std::string dir = test::temp_dir();
  std::string deck = dir + "/bold.pug", pdf = dir + "/bold.pdf", qdf = pdf + ".qdf";
  // The same characters at the same size, bold in the heading only; each
  // slide's text centred, the heading's line above the paragraph's.
  test::write_file(deck,
                   "section\n"
                   "  h2(style=\"font-size: 60px; margin: 0\") ⰀⰁⰂⰃ\n"
                   "  p(style=\"font-size: 60px; margin: 0\") ⰀⰁⰂⰃ\n");
  auto r = test::run_deckpdf("'" + deck + "' -o '" + pdf + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + pdf + "' '" + qdf + "'").c_str()) == 0);
  std::string objects = test::read_file(qdf);
  CHECK(count(objects, "2 Tr") == 1);
  CHECK(count(objects, "0 Tr") == 1);
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 1);
  CHECK(count(doc.pages[0].text, "ⰀⰁⰂⰃ") == 2);
  // The emboldened line carries more ink than the regular one.
  test::Raster page = test::pdf_render_page(pdf, 0);
  CHECK(ink(page, true) > ink(page, false) * 11 / 10);
}

TEST_CASE("italic fallback text without an italic face is slanted", "[pdf][text]") {
  REQUIRE(std::system("fc-list | grep -q NotoSansGlagolitic-Regular") == 0);
  std::string dir = test::temp_dir();
  std::string deck = dir + "/oblique.pug", pdf = dir + "/oblique.pdf", qdf = pdf + ".qdf";
  test::write_file(deck,
                   "section\n"
                   "  p(style=\"font-size: 60px; margin: 0\") ⰀⰁⰂⰃ\n"
                   "  p(style=\"font-size: 60px; margin: 0; font-style: italic\") ⰀⰁⰂⰃ\n");
  auto r = test::run_deckpdf("'" + deck + "' -o '" + pdf + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + pdf + "' '" + qdf + "'").c_str()) == 0);
  std::string objects = test::read_file(qdf);
  // Upright: "1 0 0 -1 x y Tm"; slanted by Skia's 1/4: "1 0 0.25 -1 x y Tm".
  CHECK(count(objects, "1 0 0 -1 ") == 1);
  CHECK(count(objects, "1 0 0.25 -1 ") == 1);
  CHECK(count(objects, "2 Tr") == 0);
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 1);
  CHECK(count(doc.pages[0].text, "ⰀⰁⰂⰃ") == 2);
}
