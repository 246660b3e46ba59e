// Painting end to end: tests/layout/decks/paint.pug exported by the real
// binary; the PDF's objects read back with qpdf (shadings, their stitching
// functions, opacity states and groups) and its pages rendered by poppler
// (what a reader sees: gradients, shadows, text once).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <regex>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

struct Exported {
  std::string pdf;
  std::string objects;  // the file as qpdf's QDF: every object uncompressed
  std::string err;
};

const Exported& paint_deck() {
  static const Exported e = [] {
    Exported x;
    x.pdf = test::temp_dir() + "/paint.pdf";
    auto r = test::run_deckpdf("'" + test::source_dir() + "/tests/layout/decks/paint.pug' -o '" +
                               x.pdf + "'");
    x.err = r.err;
    std::string qdf = x.pdf + ".qdf";
    if (r.exit_code == 0 &&
        std::system(
            ("qpdf --qdf --object-streams=disable '" + x.pdf + "' '" + qdf + "'").c_str()) == 0) {
      x.objects = test::read_file(qdf);
    }
    return x;
  }();
  return e;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

uint32_t pixel(const test::Raster& r, double fx, double fy) {
  return r.at(static_cast<int>(fx * (r.width - 1)), static_cast<int>(fy * (r.height - 1))) &
         0xFFFFFF;
}

int channel(uint32_t rgb, int shift) {
  return static_cast<int>((rgb >> shift) & 0xFF);
}

}  // namespace

TEST_CASE("gradients are axial and radial shadings with stitched functions", "[pdf][paint]") {
  const Exported& e = paint_deck();
  INFO(e.err);
  REQUIRE(!e.objects.empty());
  CHECK(std::system(("qpdf --check '" + e.pdf + "' >/dev/null 2>&1").c_str()) == 0);
  // Linear: two on slide 4 and the slide gradient; radial: the box's and
  // the radial slide's.
  CHECK(count(e.objects, "/ShadingType 2") == 3);
  CHECK(count(e.objects, "/ShadingType 3") == 2);
  // Three stops: a type 3 function stitching type 2 exponentials.
  CHECK(count(e.objects, "/FunctionType 3") == 2);
  CHECK(std::regex_search(e.objects, std::regex(R"(/Bounds \[\s*0\.5\s*\])")));
  CHECK(count(e.objects, "/FunctionType 2") >= 3 + 2 * 2);

  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 9);
  // Slide 4's first bar runs from red at the left to blue at the right.
  test::Raster bars = test::pdf_render_page(e.pdf, 3);
  bool red = false, blue = false;
  for (double y = 0.3; y < 0.7; y += 0.005) {
    uint32_t l = pixel(bars, 0.02, y), r = pixel(bars, 0.98, y);
    red = red || (channel(l, 16) > 0xE0 && channel(l, 0) < 0x30 && channel(l, 8) < 0x30);
    blue = blue || (channel(r, 0) > 0xE0 && channel(r, 16) < 0x30 && channel(r, 8) < 0x30);
  }
  CHECK(red);
  CHECK(blue);
  // Slide 5: reveal's data-background-gradient, #283b95 at the top to
  // #17b2c3 at the bottom.
  test::Raster slide = test::pdf_render_page(e.pdf, 4);
  uint32_t top = pixel(slide, 0.5, 0.01), bottom = pixel(slide, 0.5, 0.99);
  CHECK(channel(top, 16) == Approx(0x28).margin(6));
  CHECK(channel(top, 0) == Approx(0x95).margin(6));
  CHECK(channel(bottom, 8) == Approx(0xb2).margin(6));
  CHECK(channel(bottom, 0) == Approx(0xc3).margin(6));
  // Slide 6: radial, lighter in the middle than in the corner.
  test::Raster radial = test::pdf_render_page(e.pdf, 5);
  CHECK(channel(pixel(radial, 0.5, 0.3), 8) > channel(pixel(radial, 0.01, 0.01), 8) + 0x30);
}

TEST_CASE("opacity is a transparency group drawn with an ExtGState alpha", "[pdf][paint]") {
  const Exported& e = paint_deck();
  REQUIRE(!e.objects.empty());
  // The half and the quarter (0.5 x 0.5) of slide 1.
  CHECK(std::regex_search(e.objects, std::regex(R"(/ca 0\.5\b)")));
  CHECK(std::regex_search(e.objects, std::regex(R"(/ca 0\.25\b)")));
  CHECK(count(e.objects, "/S /Transparency") >= 2);
  // Half opaque #222 text on white comes out mid grey.
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.pages.size() == 9);
  CHECK(doc.pages[0].text.find("Half opaque paragraph") != std::string::npos);
  CHECK(doc.pages[0].text.find("Nested: a quarter") != std::string::npos);
  test::Raster r = test::pdf_render_page(e.pdf, 0);
  const test::TextBox* half = nullptr;
  for (const auto& w : doc.pages[0].words) {
    if (w.text == "Half") half = &w;
  }
  REQUIRE(half);
  int darkest = 255;
  for (double y = half->y; y < half->y + half->height; y += 1) {
    for (double x = half->x; x < half->x + half->width; x += 1) {
      darkest = std::min(darkest, channel(r.at(static_cast<int>(x), static_cast<int>(y)), 8));
    }
  }
  CHECK(darkest > 0x70);
  CHECK(darkest < 0xB0);
}

TEST_CASE("shadows are drawn outside their box, text shadows are not text", "[pdf][paint]") {
  const Exported& e = paint_deck();
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.pages.size() == 9);
  // The text shadow is outlines: the headings' words (as typed, which
  // /ActualText gives) come out once each.
  const std::string& text = doc.pages[2].text;
  CHECK(test::squash_spaces(text) == "Text shadow Blurred shadow");
  // Slide 2's "A box shadow": grey under the box (0 5px 15px), white inside.
  test::Raster r = test::pdf_render_page(e.pdf, 1);
  const test::TextBox* word = nullptr;
  for (const auto& w : doc.pages[1].words) {
    if (w.text == "shadow") word = &w;
  }
  REQUIRE(word);
  int x = static_cast<int>(word->x);
  int inside = channel(r.at(x, static_cast<int>(word->y + word->height / 2)), 8);
  CHECK(inside == 0xFF);
  // The box is the text's line plus 10 px padding: scan down from the
  // text for the first pixel that is not white, then past the box edge.
  int y = static_cast<int>(word->y + word->height);
  int grey = 255;
  for (int k = 0; k < 30 && y + k < r.height; ++k)
    grey = std::min(grey, channel(r.at(x, y + k), 8));
  CHECK(grey < 0xF0);
  CHECK(grey > 0x90);
}
