// The reveal.js themes through the real binary: a theme's own faces are
// embedded, its background drawn, and a theme name deckpdf does not have
// is a warning with white used, never a lost PDF.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

TEST_CASE("a theme's faces come from fonts/FAMILY/, only for the themes that name them", "[cli]") {
  std::string dir = test::temp_dir() + "/theme-fonts";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/deck.pug", "section\n  h1 Title\n  p Some text\n");
  std::string deck = "'" + dir + "/deck.pug' ";
  struct Case {
    const char* theme;
    std::vector<const char*> fonts;  // embedded faces (PostScript names)
    std::vector<const char*> absent;
    uint32_t background;  // 0xRRGGBB in a corner
  };
  const Case cases[] = {
      {"moon", {"LeagueGothic-Regular", "Lato-Regular"}, {"SourceSans3"}, 0x002b36},
      {"night", {"Montserrat-Bold", "OpenSans-Regular"}, {"SourceSans3", "Lato"}, 0x111111},
      // sky's page is a radial gradient to #add9e4 at the corners.
      {"sky", {"Quicksand-Regular", "OpenSans-Regular"}, {"SourceSans3"}, 0xadd9e4},
      {"simple", {"NewsCycle-Bold", "Lato-Regular"}, {"SourceSans3"}, 0xffffff},
      {"serif", {"NotoSerif-Regular", "NotoSerif-Bold"}, {"SourceSans3"}, 0xf0f1eb},
      {"white", {"SourceSans3-Semibold", "SourceSans3-Regular"}, {"Lato", "OpenSans"}, 0xffffff},
  };
  for (const Case& c : cases) {
    CAPTURE(c.theme);
    std::string out = dir + "/" + c.theme + ".pdf";
    auto r = test::run_deckpdf(deck + "--theme " + c.theme + " -o '" + out + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    std::string objects = test::pdf_qdf(out);
    REQUIRE(!objects.empty());
    for (const char* f : c.fonts) CHECK(objects.find(std::string("+") + f) != std::string::npos);
    for (const char* f : c.absent) CHECK(objects.find(std::string("+") + f) == std::string::npos);
    test::Raster page = test::pdf_render_page(out, 0);
    REQUIRE(page.width > 0);
    uint32_t got = page.at(2, 2);
    for (int shift : {0, 8, 16}) {  // poppler's rasterizer rounds a channel by 1 or 2
      int want = static_cast<int>((c.background >> shift) & 0xff);
      CHECK(std::abs(static_cast<int>((got >> shift) & 0xff) - want) <= 2);
    }
  }
}

TEST_CASE("a theme deckpdf does not have: a warning naming its themes, white used", "[cli]") {
  std::string dir = test::temp_dir() + "/theme-unknown";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/deck.pug", "---\ntitle: T\ntheme: moonlight\n---\nsection\n  h1 Hi\n");
  std::string deck = "'" + dir + "/deck.pug' ";
  std::string themes =
      "beige, black, black-contrast, blood, dracula, league, moon, night, serif, simple, sky, "
      "solarized, white, white-contrast";
  auto r = test::run_deckpdf(deck + "-o '" + dir + "/deck.pdf'");
  CHECK(r.exit_code == 0);
  CHECK(r.err == dir + "/deck.pug:3:1: warning: theme 'moonlight' is not one deckpdf has (" +
                     themes + "); using white [theme.unknown]\n" + " 3 | theme: moonlight\n" +
                     "   | ^\n");
  auto doc = test::pdf_read(dir + "/deck.pdf");
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.pages[0].text.find("Hi") != std::string::npos);
  test::Raster page = test::pdf_render_page(dir + "/deck.pdf", 0);
  CHECK((page.at(2, 2) & 0xffffff) == 0xffffff);  // white's background

  auto option = test::run_deckpdf(deck + "--theme nosuch -o '" + dir + "/opt.pdf'");
  CHECK(option.exit_code == 0);
  CHECK(option.err.find("--theme:1:1: warning: theme 'nosuch' is not one deckpdf has (" + themes +
                        "); using white [theme.unknown]") != std::string::npos);
  CHECK(std::filesystem::exists(dir + "/opt.pdf"));

  // A theme file the front matter names that is not there: the same.
  test::write_file(dir + "/file.pug", "---\ntheme: gone.css\n---\nsection\n  h1 Hi\n");
  auto file = test::run_deckpdf("'" + dir + "/file.pug' -o '" + dir + "/file.pdf'");
  CHECK(file.exit_code == 0);
  CHECK(file.err.find(dir + "/file.pug:2:1: warning: theme 'gone.css' is not a file; using white "
                            "[theme.unknown]") != std::string::npos);
  CHECK(std::filesystem::exists(dir + "/file.pdf"));
  // On the command line it stays an error.
  auto option_file = test::run_deckpdf(deck + "--theme '" + dir + "/gone.css' --check");
  CHECK(option_file.exit_code == 3);
}

TEST_CASE("league, beige and sky draw reveal.js's radial page gradient under plain slides",
          "[cli]") {
  std::string dir = test::temp_dir() + "/theme-gradient";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/deck.pug",
                   "section\n  p .\nsection(data-background-color=\"#ff0000\")\n  p .\n");
  auto blue = [](uint32_t argb) { return static_cast<int>(argb & 0xff); };
  for (const char* theme : {"league", "beige", "sky"}) {
    CAPTURE(theme);
    std::string out = dir + "/" + theme + ".pdf";
    auto r = test::run_deckpdf("'" + dir + "/deck.pug' --theme " + theme + " -o '" + out + "'");
    REQUIRE(r.exit_code == 0);
    test::Raster plain = test::pdf_render_page(out, 0);
    REQUIRE(plain.width > 0);
    // Lighter in the middle than in a corner (all three go dark- or
    // colour-ward outwards), and the corner is the gradient's last colour.
    CHECK(blue(plain.at(plain.width / 2, plain.height / 4)) > blue(plain.at(2, 2)) + 8);
    // A slide with a background colour of its own shows that colour only.
    test::Raster red = test::pdf_render_page(out, 1);
    CHECK((red.at(2, 2) & 0xffffff) == 0xff0000);
    CHECK((red.at(red.width / 2, red.height / 4) & 0xffffff) == 0xff0000);
  }
}
