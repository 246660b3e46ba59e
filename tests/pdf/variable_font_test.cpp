// A variable face drawn at the weight asked for: deckpdf's data folder with
// Source Sans 3 as one variable WOFF2 file (its only sans-serif face), a
// slide with the same word at weights 200 and 600; the PDF embeds each as
// its own static subset (hb-subset pins the axis), so the semibold line is
// semibold on the page, not the file's default ExtraLight.
#include <poppler-document.h>
#include <poppler-font.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

size_t dark(const test::Raster& r, bool top) {
  size_t n = 0;
  for (int y = top ? 0 : r.height / 2; y < (top ? r.height / 2 : r.height); ++y) {
    for (int x = 0; x < r.width; ++x) {
      if ((r.at(x, y) & 0xFF) < 0x80) ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("a variable WOFF2 face draws font-weight 600 as its SemiBold instance", "[pdf][fonts]") {
  std::string dir = test::temp_dir();
  std::string data = dir + "/data";
  fs::create_directories(data + "/fonts");
  fs::create_directory_symlink(test::source_dir() + "/layouts", data + "/layouts");
  for (const char* f : {"JetBrainsMono-Regular.ttf", "JetBrainsMono-Bold.ttf"}) {
    fs::copy_file(test::source_dir() + "/fonts/" + f, data + "/fonts/" + f);
  }
  fs::copy_file(test::source_dir() + "/tests/text/fonts/source-sans-3-latin-wght-normal.woff2",
                data + "/fonts/source-sans-3-latin-wght-normal.woff2");
  std::string deck = dir + "/var.pug", pdf = dir + "/var.pdf";
  test::write_file(deck,
                   "section\n"
                   "  p(style=\"font-size: 90px; margin: 0; font-weight: 600\") Heavier\n"
                   "  p(style=\"font-size: 90px; margin: 0; font-weight: 200\") Heavier\n");
  setenv("DECKPDF_DATA_DIR", data.c_str(), 1);
  auto r = test::run_deckpdf("--theme white '" + deck + "' -o '" + pdf + "'");
  unsetenv("DECKPDF_DATA_DIR");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::system(("qpdf --check '" + pdf + "' >/dev/null").c_str()) == 0);
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.warnings.empty());
  CHECK(doc.pages[0].text.find("Heavier\nHeavier") != std::string::npos);

  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(pdf));
  REQUIRE(d);
  std::vector<std::string> names;
  for (const auto& f : d->fonts()) {
    CHECK(f.is_embedded());
    CHECK(f.is_subset());
    names.push_back(f.name().substr(f.name().find('+') + 1));
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"SourceSans3-Roman", "SourceSans3-Roman-SemiBold"});
  // The semibold line (top half) carries far more ink than the light one:
  // its outlines are the instance's, not the default's.
  test::Raster page = test::pdf_render_page(pdf, 0);
  CHECK(dark(page, true) > dark(page, false) * 2);
}
