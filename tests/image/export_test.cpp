// Pictures end to end: decks exported by the real binary, the PDF read back
// (poppler's pixels, qpdf's objects): each kind in its colours and the
// right way up, small, stored once, broken ones a warning and a valid PDF.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

std::string dir() {
  return test::source_dir() + "/tests/image";
}

std::string export_deck(const std::string& input, const std::string& name,
                        std::string* err = nullptr) {
  std::string out = test::temp_dir() + "/" + name + ".pdf";
  auto r = test::run_deckpdf("'" + input + "' -o '" + out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  if (err) *err = r.err;
  return out;
}

// Whether the ARGB pixel is `rgb` within `tolerance` per channel.
bool near(uint32_t argb, uint32_t rgb, int tolerance) {
  for (int shift : {16, 8, 0}) {
    int a = static_cast<int>((argb >> shift) & 0xff), b = static_cast<int>((rgb >> shift) & 0xff);
    if (std::abs(a - b) > tolerance) return false;
  }
  return true;
}

// How many image XObjects the file holds, as qpdf lists its objects.
int image_objects(const std::string& pdf) {
  std::string qdf = pdf + ".qdf";
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + pdf + "' '" + qdf + "'").c_str()) == 0);
  std::string text = test::read_file(qdf);
  int n = 0;
  for (size_t at = text.find("/Subtype /Image"); at != std::string::npos;
       at = text.find("/Subtype /Image", at + 1)) {
    ++n;
  }
  return n;
}

// The /Width of every image XObject (soft masks too), smallest first.
std::vector<int> image_widths(const std::string& pdf) {
  std::string qdf = pdf + ".widths.qdf";
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + pdf + "' '" + qdf + "'").c_str()) == 0);
  std::string text = test::read_file(qdf);
  std::vector<int> widths;
  for (size_t at = text.find("/Subtype /Image"); at != std::string::npos;
       at = text.find("/Subtype /Image", at + 1)) {
    size_t begin = text.rfind("<<", at), end = text.find(">>", at);
    size_t w = text.find("/Width ", begin);
    if (w != std::string::npos && w < end) widths.push_back(std::atoi(text.c_str() + w + 7));
  }
  std::sort(widths.begin(), widths.end());
  return widths;
}

}  // namespace

TEST_CASE("every kind of picture is drawn in its colours and the right way up", "[image][pdf]") {
  std::string pdf = export_deck(dir() + "/kinds.pug", "kinds");
  struct Expect {
    const char* kind;
    uint32_t left, right;  // the picture's halves; a transparent half shows the red slide
    int tolerance;
  };
  const Expect expected[] = {
      {"16-bit PNG", 0xff0000, 0x0000ff, 2},
      {"interlaced PNG", 0x00ff00, 0xff00ff, 2},
      {"grey+alpha PNG (white at half alpha)", 0x000000, 0xff8080, 3},
      {"palette PNG with tRNS", 0xffff00, 0xff0000, 2},
      {"EXIF-rotated JPEG", 0xff0000, 0x0000ff, 40},
      {"CMYK JPEG", 0x00aeef, 0xfff200, 70},
      {"progressive JPEG", 0xff0000, 0x0000ff, 40},
      {"GIF with a transparent colour", 0x0000ff, 0xff0000, 2},
      {"lossless WebP", 0x008000, 0xff0000, 2},
      {"EXIF-rotated PNG (eXIf)", 0xff0000, 0x0000ff, 2},
      {"EXIF-rotated WebP (EXIF chunk)", 0xff0000, 0x0000ff, 2},
  };
  for (int page = 0; page < 11; ++page) {
    test::Raster r = test::pdf_render_page(pdf, page);
    REQUIRE(r.width > 0);
    const Expect& e = expected[page];
    CAPTURE(e.kind);
    // Top and bottom of each half: a picture on its side would swap them.
    for (int y : {r.height / 4, r.height * 3 / 4}) {
      CAPTURE(y);
      CHECK(near(r.at(r.width / 4, y), e.left, e.tolerance));
      CHECK(near(r.at(r.width * 3 / 4, y), e.right, e.tolerance));
    }
  }
}

TEST_CASE("the showcase: every kind of picture on three slides, SVG text extracts",
          "[image][pdf][svg]") {
  std::string err;
  std::string pdf = export_deck(dir() + "/showcase.pug", "showcase", &err);
  CHECK(err.empty());  // every picture found and decoded, nothing the SVG subset lacks
  CHECK(std::system(("qpdf --check '" + pdf + "' >/dev/null 2>&1").c_str()) == 0);
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 3);
  // chart.svg's text: turned, clipped, HTML label, and parts.svg's badge.
  std::string txt = pdf + ".txt";
  REQUIRE(std::system(("pdftotext -f 3 -l 3 '" + pdf + "' '" + txt + "'").c_str()) == 0);
  std::string text = test::squash_spaces(test::read_file(txt));
  for (const char* expected :
       {"Requests per second", "Release", "Peak load", "after v3", "new", "inline SVG"}) {
    CAPTURE(expected);
    CHECK(text.find(expected) != std::string::npos);
  }
  CHECK(text.find("fallback") == std::string::npos);
  // One image object per picture file and one per soft mask: 13 files, 4
  // with alpha (grey-alpha, palette PNG, GIF, diagram); png16.png is shown
  // twice and stored once.
  CHECK(image_objects(pdf) == 13 + 4);
}

TEST_CASE("data-src is the picture of a lazily loaded img", "[image][pdf]") {
  std::string deck = test::temp_dir() + "/lazy.pug";
  test::write_file(test::temp_dir() + "/lazy.png", test::read_file(dir() + "/pictures/png16.png"));
  test::write_file(deck, "section\n  img(data-src=\"lazy.png\" style=\"width: 640px\")\n");
  std::string err;
  std::string pdf = export_deck(deck, "lazy", &err);
  CHECK(err.find("layout.image") == std::string::npos);
  CHECK(image_objects(pdf) == 1);
  test::Raster r = test::pdf_render_page(pdf, 0);
  REQUIRE(r.width > 0);
  CHECK(near(r.at(r.width / 2 - 100, r.height / 2), 0xff0000, 2));
  CHECK(near(r.at(r.width / 2 + 100, r.height / 2), 0x0000ff, 2));
}

TEST_CASE("a data: URI is a picture like a file", "[image][pdf]") {
  std::string png = test::read_file(dir() + "/pictures/png16.png");
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (size_t i = 0; i < png.size(); i += 3) {
    uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(png[i])) << 16;
    if (i + 1 < png.size()) v |= static_cast<uint32_t>(static_cast<unsigned char>(png[i + 1])) << 8;
    if (i + 2 < png.size()) v |= static_cast<unsigned char>(png[i + 2]);
    for (size_t k = 0; k < 4; ++k) {
      b64 += k < 2 || i + k - 1 < png.size() ? digits[(v >> (18 - 6 * k)) & 63] : '=';
    }
  }
  std::string deck = test::temp_dir() + "/data-uri.pug";
  test::write_file(
      deck, "section\n  img(src=\"data:image/png;base64," + b64 + "\" style=\"width: 640px\")\n");
  std::string err;
  std::string pdf = export_deck(deck, "data-uri", &err);
  CHECK(err.find("layout.image") == std::string::npos);
  CHECK(image_widths(pdf) == std::vector<int>{32});
}

TEST_CASE("a transparent diagram costs about its file size, and is stored once", "[image][pdf]") {
  std::string tmp = test::temp_dir();
  std::string picture = dir() + "/pictures/diagram.png";
  test::write_file(tmp + "/diagram.png", test::read_file(picture));
  test::write_file(tmp + "/diagram-copy.png", test::read_file(picture));
  std::string none = "section\n  h2 Diagram\n";
  std::string one = none + "  img(src=\"diagram.png\")\n";
  std::string many = one;
  for (int i = 0; i < 5; ++i) many += "section\n  h2 Again\n  img(src=\"diagram.png\")\n";
  many += "section\n  img(src=\"diagram-copy.png\")\n";
  test::write_file(tmp + "/none.pug", none);
  test::write_file(tmp + "/one.pug", one);
  test::write_file(tmp + "/many.pug", many);
  size_t without = test::read_file(export_deck(tmp + "/none.pug", "none")).size();
  size_t with = test::read_file(export_deck(tmp + "/one.pug", "one")).size();
  size_t file = test::read_file(picture).size();
  CAPTURE(without, with, file);
  CHECK(with - without <= 3 * file);
  std::string pdf = export_deck(tmp + "/many.pug", "many");
  CHECK(image_objects(pdf) == 2);  // the picture and its soft mask, once for 7 slides
}

TEST_CASE("broken pictures are warnings at their img, and the PDF stays valid", "[image][pdf]") {
  std::string err;
  std::string pdf = export_deck(dir() + "/broken.pug", "broken", &err);
  for (const char* expected :
       {"broken.pug:4:3: warning: image 'pictures/truncated.png' is a broken PNG file",
        "broken.pug:5:3: warning: image 'pictures/truncated.jpg' is a broken JPEG file",
        "broken.pug:6:3: warning: image 'pictures/truncated.gif' is a broken GIF file",
        "broken.pug:7:3: warning: image 'pictures/truncated.webp' is a broken WebP file",
        "broken.pug:8:3: warning: image 'pictures/empty.png' is empty",
        "broken.pug:9:3: warning: image 'pictures/bomb.png' is 20000x20000 pixels",
        "broken.pug:10:1: warning: background image 'pictures/truncated.png' is a broken PNG"}) {
    CAPTURE(expected, err);
    CHECK(err.find(expected) != std::string::npos);
  }
  CHECK(image_objects(pdf) == 0);
  CHECK(std::system(("qpdf --check '" + pdf + "' >/dev/null 2>&1").c_str()) == 0);
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  CHECK(doc.pages.size() == 2);
}

TEST_CASE("image-dpi: pictures stored no denser than asked where they are drawn", "[image][pdf]") {
  std::string tmp = test::temp_dir() + "/dpi";
  std::filesystem::create_directories(tmp);
  test::write_file(tmp + "/diagram.png", test::read_file(dir() + "/pictures/diagram.png"));
  test::write_file(tmp + "/photo.jpg", test::read_file(dir() + "/pictures/progressive.jpg"));
  // 100 px of a 1244 px wide slide on a 960 pt page: 77.2 pt, 78 pixels at
  // 72 dpi; the 32 px JPEG drawn 8 px wide (7 pixels) is decoded at the
  // smallest DCT scale that keeps them, 2/8, and encoded again.
  test::write_file(tmp + "/d.pug",
                   "section\n  img(src=\"diagram.png\" width=\"100\")\n"
                   "  img(src=\"photo.jpg\" width=\"8\")\n");
  auto run = [&](const std::string& extra, const std::string& name) {
    std::string out = tmp + "/" + name + ".pdf";
    auto r = test::run_deckpdf("'" + tmp + "/d.pug' -o '" + out + "' " + extra);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return out;
  };
  CHECK(image_widths(run("", "kept")) == std::vector<int>{32, 600, 600});
  std::string small = run("--image-dpi 72", "small");
  CHECK(image_widths(small) == std::vector<int>{8, 78, 78});
  CHECK(std::system(("qpdf --check '" + small + "' >/dev/null 2>&1").c_str()) == 0);
  CHECK(test::run_deckpdf("'" + tmp + "/d.pug' --image-dpi 5 --check").exit_code == 2);
}
