// SVG end to end: decks with SVG pictures exported by the real binary, the
// PDF read back with poppler and qpdf: what a reader sees and can copy.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

std::string decks() {
  return test::source_dir() + "/tests/svg/decks";
}

struct Export {
  std::string pdf;
  test::RunResult run;
};

Export export_deck(const std::string& input, const std::string& name,
                   const std::string& extra = "") {
  Export e;
  e.pdf = test::temp_dir() + "/" + name + ".pdf";
  e.run = test::run_deckpdf("'" + input + "' -o '" + e.pdf + "' " + extra);
  INFO(e.run.err);
  REQUIRE(e.run.exit_code == 0);
  return e;
}

bool contains(const std::string& hay, const std::string& needle) {
  return test::squash_spaces(hay).find(test::squash_spaces(needle)) != std::string::npos;
}

bool qpdf_clean(const std::string& pdf) {
  return std::system(("qpdf --check '" + pdf + "' >/dev/null 2>&1").c_str()) == 0;
}

// The colour of the pixel at (x, y) in page points, as 0xRRGGBB.
uint32_t pixel(const test::Raster& r, double x, double y) {
  return r.at(static_cast<int>(x), static_cast<int>(y)) & 0xFFFFFF;
}

int channel(uint32_t rgb, int shift) {
  return static_cast<int>((rgb >> shift) & 0xFF);
}

}  // namespace

TEST_CASE("real talks' SVG pictures are drawn and their text extracts", "[svg][pdf]") {
  Export e = export_deck(decks() + "/real.pug", "svg-real");
  CHECK(qpdf_clean(e.pdf));
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 4);
  // matplotlib's plot: its title, legend and axis labels are SVG text.
  CHECK(contains(doc.pages[1].text, "Potentiometer reading vs. time"));
  CHECK(contains(doc.pages[1].text, "Time [ms]"));
  CHECK(contains(doc.pages[1].text, "EWMA"));
  // draw.io's labels are HTML in foreignObject: drawn as their text, and
  // not as the "[Not supported by viewer]" fallback.
  CHECK(contains(doc.pages[2].text, "ASP.NET Core runtime"));
  CHECK(contains(doc.pages[2].text, "Shared code"));
  CHECK_FALSE(contains(doc.pages[2].text, "Not supported"));
  CHECK(contains(doc.pages[3].text, "Database schema"));  // via data-src
  CHECK_FALSE(contains(e.run.err, "foreignObject"));      // laid out, not a lack
  CHECK_FALSE(contains(e.run.err, "placeholder"));
  // matplotlib's y-axis label is turned -90 degrees: text all the same.
  std::string txt = e.pdf + ".txt";
  REQUIRE(std::system(("pdftotext -f 2 -l 2 '" + e.pdf + "' '" + txt + "'").c_str()) == 0);
  CHECK(contains(test::read_file(txt), "Voltage signal [ADC units]"));
  // The plot's dark background (#313131) fills the middle of its picture.
  test::Raster r = test::pdf_render_page(e.pdf, 1);
  uint32_t mid = pixel(r, r.width / 2.0, r.height * 0.55);
  CHECK(channel(mid, 16) < 0x60);
  CHECK(channel(mid, 0) < 0x60);
}

TEST_CASE("shapes, gradients and text of our own SVGs", "[svg][pdf]") {
  Export e = export_deck(decks() + "/own.pug", "svg-own");
  CHECK(qpdf_clean(e.pdf));
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 4);
  const std::string& text = doc.pages[1].text;
  CHECK(contains(text, "Quarterly results"));
  CHECK(contains(text, "Revenue up 12% year over year"));
  CHECK(contains(text, "status = ok()"));
  CHECK(contains(text, "first line"));
  CHECK(contains(text, "second line"));
  CHECK(contains(text, "scaled twice"));
  // The heading's words come before the picture's, the picture's in order.
  CHECK(text.find("Quarterly") < text.find("Revenue"));
  // pdftotext, as a reader would copy it, gives the SVG's text too.
  std::string txt = e.pdf + ".txt";
  REQUIRE(std::system(("pdftotext -f 2 -l 2 '" + e.pdf + "' '" + txt + "'").c_str()) == 0);
  std::string extracted = test::read_file(txt);
  CHECK(contains(extracted, "Revenue up 12% year over year"));
  CHECK(contains(extracted, "status = ok()"));
  CHECK(contains(extracted, "rotated axis"));  // turned -90 degrees
  // The lacks SVG: one warning naming what is not drawn; the rest drawn.
  CHECK(contains(e.run.err, "uses filters, masks, patterns, scripts"));
  CHECK(contains(e.run.err, "[layout.svg]"));
  CHECK(contains(doc.pages[2].text, "drawn anyway"));
  // The sky gradient: blue at its top, near white at its bottom. The
  // picture is 480 x 320 px (viewBox 240 x 160) centred on the slide.
  test::Raster r = test::pdf_render_page(e.pdf, 0);
  auto words = doc.pages[0].words;
  REQUIRE(!words.empty());
  double left = (r.width - 480 * (r.width / 1244.44)) / 2;  // slide scaled to the page
  double k = r.width / 1244.44;
  double top = words[0].y + words[0].height;  // under the heading
  bool found_blue = false, found_pale = false;
  for (double y = top; y < r.height && !(found_blue && found_pale); y += 1) {
    uint32_t c = pixel(r, left + 220 * k, y);
    if (channel(c, 0) > 0xd0 && channel(c, 16) < 0x60) found_blue = true;
    if (found_blue && channel(c, 16) > 0xd0 && channel(c, 8) > 0xe0 && channel(c, 0) > 0xf0 &&
        c != 0xFFFFFF) {
      found_pale = true;
    }
  }
  CHECK(found_blue);
  CHECK(found_pale);
}

// The words' boxes on a page by their text.
const test::TextBox* word(const test::PdfPage& page, const std::string& text) {
  for (const test::TextBox& w : page.words) {
    if (w.text == text) return &w;
  }
  return nullptr;
}

TEST_CASE("SVG text under a clip, an opacity or a rotation stays text", "[svg][pdf]") {
  Export e = export_deck(decks() + "/own.pug", "svg-frames");
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.pages.size() == 4);
  const test::PdfPage& page = doc.pages[3];
  const test::TextBox* clipped = word(page, "MMMMMM");
  const test::TextBox* faint = word(page, "Faint");
  const test::TextBox* pale = word(page, "Pale");
  REQUIRE(clipped);
  REQUIRE(faint);
  REQUIRE(pale);
  CHECK(contains(page.text, "Turned label"));
  test::Raster r = test::pdf_render_page(e.pdf, 3);
  // Ink over a row through the middle of a word: the darkest pixel in the
  // first and the last fifth of its box.
  auto darkest = [&](const test::TextBox& w, double from, double to, int shift) {
    int least = 255;
    double y = w.y + w.height * 0.55;
    for (double x = w.x + w.width * from; x < w.x + w.width * to; x += 0.5) {
      least = std::min(least, channel(pixel(r, x, y), shift));
    }
    return least;
  };
  // Clipped to the picture's left quarter: ink at the start, none after.
  CHECK(darkest(*clipped, 0, 0.2, 8) < 0x40);
  CHECK(darkest(*clipped, 0.8, 1, 8) == 0xFF);
  // opacity 0.5 red over white is pink: green about half, never dark.
  int g = darkest(*faint, 0, 1, 8);
  CHECK(g > 0x60);
  CHECK(g < 0xA0);
  CHECK(darkest(*faint, 0, 1, 16) > 0xF0);  // red stays full
  // fill-opacity 0.25 blue: red at about three quarters.
  int pr = darkest(*pale, 0, 1, 16);
  CHECK(pr > 0xA8);
  CHECK(pr < 0xD8);
  // Red fading out over black (stop-opacity 1 to 0): red at the left,
  // black at the right, dark red between; not one mean opacity.
  int x0 = static_cast<int>(pale->x + 3), row = -1;
  for (int y = static_cast<int>(pale->y + pale->height); y < r.height && row < 0; ++y) {
    uint32_t c = pixel(r, x0, y);
    if (channel(c, 16) > 0xC0 && channel(c, 8) < 0x40) row = y;
  }
  REQUIRE(row >= 0);
  row += 4;
  int x1 = x0;
  while (x1 + 1 < r.width && pixel(r, x1 + 1, row) != 0xFFFFFF) ++x1;
  REQUIRE(x1 - x0 > 60);
  CHECK(channel(pixel(r, x0 + 1, row), 16) > 0xE0);
  CHECK(channel(pixel(r, x1 - 1, row), 16) < 0x20);
  int mid = channel(pixel(r, (x0 + x1) / 2, row), 16);
  CHECK(mid > 0x60);
  CHECK(mid < 0xA0);
}

TEST_CASE("SVG inline, in object and embed, as a data: URI, a background and in notes",
          "[svg][pdf]") {
  Export e = export_deck(decks() + "/inline.pug", "svg-inline");
  CHECK(qpdf_clean(e.pdf));
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 5);
  CHECK(contains(doc.pages[0].text, "Inline label"));
  CHECK(contains(doc.pages[1].text, "Quarterly results"));  // embed of text.svg
  CHECK(contains(doc.pages[2].text, "Data URI Data URI"));
  CHECK_FALSE(contains(e.run.err, "placeholder"));
  // The background SVG is drawn under the heading: its teal circle.
  test::Raster bg = test::pdf_render_page(e.pdf, 3);
  bool teal = false;
  for (int y = 0; y < bg.height && !teal; y += 2) {
    for (int x = 0; x < bg.width && !teal; x += 2) teal = (bg.at(x, y) & 0xFFFFFF) == 0x008080;
  }
  CHECK(teal);
  // The notes' SVG text is in the speaker's script.
  Export notes = export_deck(decks() + "/inline.pug", "svg-notes", "--notes-only");
  test::PdfDoc script = test::pdf_read(notes.pdf);
  REQUIRE(script.loaded);
  CHECK(contains(script.pages.at(0).text, "Before the picture. In the notes"));
}

TEST_CASE("an inline svg and the same SVG as a file make the same paths", "[svg][layout]") {
  std::string dir = test::temp_dir() + "/svg-same";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/p.svg", R"X(<svg xmlns="http://www.w3.org/2000/svg" width="200"
    height="100" viewBox="0 0 100 50"><g class="a" transform="rotate(10)"><path
    d="M10 10 h30 a5 5 0 0 1 5 5 v20 z" fill="teal" stroke="navy" stroke-dasharray="2 1"/>
    <circle cx="70" cy="25" r="10" fill="url(#g)"/></g><radialGradient id="g"><stop
    stop-color="gold"/><stop offset="1" stop-color="red"/></radialGradient></svg>)X");
  test::write_file(dir + "/deck.pug", R"X(section
  img(src="p.svg")
section
  svg(xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 100 50")
    g.a(transform="rotate(10)")
      path(d="M10 10 h30 a5 5 0 0 1 5 5 v20 z" fill="teal" stroke="navy" stroke-dasharray="2 1")
      circle(cx="70" cy="25" r="10" fill="url(#g)")
    radialGradient#g
      stop(stop-color="gold")
      stop(offset="1" stop-color="red")
)X");
  auto r = test::run_deckpdf("'" + dir + "/deck.pug' --dump=layout -o -");
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> paths[2];
  int slide = -1;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t end = r.out.find('\n', pos);
    std::string line = r.out.substr(pos, end - pos);
    pos = end == std::string::npos ? r.out.size() : end + 1;
    if (line.rfind("slide ", 0) == 0) ++slide;
    // What each path is and draws, without where (the theme gives img a
    // margin that svg does not have).
    if (line.rfind("  path ", 0) == 0 && slide >= 0 && slide < 2) {
      paths[slide].push_back(line.substr(line.find(" d ")));
    }
  }
  REQUIRE(paths[0].size() == 2);
  CHECK(paths[0] == paths[1]);
  CHECK(contains(paths[0][0], "fill #008080"));
  CHECK(contains(paths[0][1], "fill radial 0:#ffd700 1:#ff0000"));
}

TEST_CASE("hostile SVG files give warnings and valid PDFs, quickly", "[svg][reliability]") {
  std::string dir = test::temp_dir() + "/svg-hostile";
  std::filesystem::create_directories(dir + "/deck");
  std::string uses =
      R"X(<svg xmlns="http://www.w3.org/2000/svg"><defs><rect id="a0" width="1" height="1"/>)X";
  for (int i = 1; i <= 12; ++i) {
    uses += "<g id=\"a" + std::to_string(i) + "\">";
    for (int k = 0; k < 10; ++k) uses += "<use href=\"#a" + std::to_string(i - 1) + "\"/>";
    uses += "</g>";
  }
  test::write_file(dir + "/deck/uses.svg", uses + R"X(</defs><use href="#a12"/></svg>)X");
  std::string deep = "<svg xmlns='http://www.w3.org/2000/svg'>";
  for (int i = 0; i < 200000; ++i) deep += "<g>";
  test::write_file(dir + "/deck/deep.svg", deep);  // deep and never closed
  std::string path = "<svg xmlns='http://www.w3.org/2000/svg'><path stroke='red' d='M0 0";
  for (int i = 0; i < 400000; ++i) path += " l1 1";
  test::write_file(dir + "/deck/path.svg", path + "'/></svg>");
  test::write_file(dir + "/deck/broken.svg", "<svg><rect width='10'");
  test::write_file(dir + "/outside.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  test::write_file(dir + "/deck/escape.svg",
                   R"X(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                   <image href="../secret.png" width="10" height="10"/></svg>)X");
  // use of 20 other files, each used 500 times and drawing 11 elements:
  // 16 files at most, and one element budget for them all.
  std::string fan = "<svg xmlns='http://www.w3.org/2000/svg'>";
  for (int k = 0; k < 500; ++k) {
    for (int i = 0; i < 20; ++i) fan += "<use href='f" + std::to_string(i) + ".svg#x'/>";
  }
  test::write_file(dir + "/deck/fan.svg", fan + "</svg>");
  for (int i = 0; i < 20; ++i) {
    std::string f =
        "<svg xmlns='http://www.w3.org/2000/svg'><rect id='r' width='1' height='1'/><g id='x'>";
    for (int k = 0; k < 10; ++k) f += "<use href='#r'/>";
    test::write_file(dir + "/deck/f" + std::to_string(i) + ".svg", f + "</g></svg>");
  }
  // An HTML label of 6000 blocks and 120 KB of text.
  std::string label =
      "<svg xmlns='http://www.w3.org/2000/svg'><foreignObject width='100' height='100'>";
  for (int i = 0; i < 6000; ++i) label += "<div>word word word word word</div>";
  test::write_file(dir + "/deck/label.svg", label + "</foreignObject></svg>");
  test::write_file(dir + "/deck/deck.pug", R"X(section
  img(src="fan.svg" width="100")
section
  img(src="label.svg" width="100")
section
  img(src="uses.svg" width="100")
section
  img(src="deep.svg" width="100")
section
  img(src="path.svg" width="100")
section
  img(src="broken.svg" width="100")
section
  img(src="../outside.svg" width="100")
section
  img(src="escape.svg")
)X");
  // Bounded by the budgets, not timed here (speed lives in bench/); a
  // runaway would hit ctest's time-out.
  Export e = export_deck(dir + "/deck/deck.pug", "svg-hostile");
  CHECK(qpdf_clean(e.pdf));
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  CHECK(doc.pages.size() == 8);
  const std::string& err = e.run.err;
  CHECK(contains(err, "SVG 'fan.svg' uses more than 16 other SVG files"));
  CHECK(contains(err, "SVG 'fan.svg' use 'f"));  // one budget for the files it uses:
  CHECK(contains(err, ".svg#x' draws more than 50000 elements"));
  CHECK(contains(err, "SVG 'label.svg' has more than 64 KB of text in one foreignObject"));
  CHECK(contains(err, "SVG 'uses.svg' draws more than"));
  CHECK(contains(err, "not well-formed XML"));  // deep.svg never closes its tags
  CHECK(contains(err, "SVG 'path.svg' has more than 200000 path segments"));
  CHECK(contains(err, "image 'broken.svg'"));
  CHECK(contains(err, "image '../outside.svg' is outside the deck's folder"));
  CHECK(contains(err, "image '../secret.png' is outside the deck's folder"));
}

TEST_CASE("an SVG's images: SVG files in its own folder, never outside the deck's", "[svg][pdf]") {
  std::string dir = test::temp_dir() + "/svg-images";
  std::filesystem::create_directories(dir + "/deck/pics");
  // outer.svg shows inner.svg (relative to its own folder), which shows
  // outer.svg again (a cycle: refused) and third.svg, whose own image is
  // one level too deep.
  test::write_file(dir + "/deck/pics/outer.svg",
                   R"X(<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
      <rect width="200" height="100" fill="#00ff00"/>
      <image href="inner.svg" x="100" y="0" width="100" height="100" opacity="0.5"/>
      <image href="../../secret.svg" width="10" height="10"/></svg>)X");
  test::write_file(dir + "/deck/pics/inner.svg",
                   R"X(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
      <rect width="10" height="10" fill="#0000ff"/><text x="1" y="8" font-size="4">Inner</text>
      <image href="outer.svg" width="5" height="5"/>
      <image href="third.svg" width="4" height="4"/></svg>)X");
  test::write_file(dir + "/deck/pics/third.svg",
                   R"X(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
      <rect width="10" height="10" fill="#ff00ff"/><image href="fourth.svg" width="5" height="5"/></svg>)X");
  test::write_file(dir + "/deck/pics/fourth.svg",
                   "<svg xmlns='http://www.w3.org/2000/svg'><rect width='5' height='5'/></svg>");
  test::write_file(dir + "/secret.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  test::write_file(dir + "/deck/deck.pug", "section\n  img(src=\"pics/outer.svg\")\n");
  Export e = export_deck(dir + "/deck/deck.pug", "svg-images");
  CHECK(qpdf_clean(e.pdf));
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  CHECK(contains(doc.pages.at(0).text, "Inner"));
  CHECK(contains(e.run.err, "image '../../secret.svg' is outside the deck's folder"));
  CHECK(contains(e.run.err,
                 "image 'outer.svg' would draw itself (pics/outer.svg -> "
                 "pics/inner.svg -> pics/outer.svg)"));
  CHECK(contains(e.run.err, "SVG images nested more than two deep"));
  auto r = test::run_deckpdf("'" + dir + "/deck/deck.pug' --dump=layout -o -");
  // The inner picture's blue square: 100 px wide at half opacity, clipped to its box.
  CHECK(contains(r.out, "matrix 10 0 0 10 0 0 fill #0000ff clips 1 opacity 0.50"));
  // third.svg inside inner.svg: its magenta square in its 40 px box.
  CHECK(contains(r.out, "fill #ff00ff clips 2 opacity 0.50"));
  CHECK_FALSE(contains(r.out, "fill #00ff00 clips 2"));  // outer.svg not drawn again
}

TEST_CASE("use of an element in another SVG file, inside the deck's folder", "[svg][pdf]") {
  std::string dir = test::temp_dir() + "/svg-use";
  std::filesystem::create_directories(dir + "/deck/pics/icons");
  // diagram.svg uses two icons of icons/set.svg, the whole of a file with
  // no fragment, one that does not exist, one outside the deck, and
  // icons/set.svg's loop uses diagram.svg back (a cycle).
  test::write_file(
      dir + "/deck/pics/diagram.svg",
      R"X(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
      width="300" height="100">
      <use href="icons/set.svg#red" x="10" y="10"/>
      <use xlink:href="icons/set.svg#label" x="100" y="50" fill="#0000ff"/>
      <use href="icons/set.svg#nothing"/>
      <use href="icons/set.svg#loop"/>
      <use href="../../outside.svg#a"/>
      <use href="diagram.svg#own" x="200"/>
      <rect id="own" width="20" height="20" fill="#123456"/></svg>)X");
  test::write_file(dir + "/deck/pics/icons/set.svg",
                   R"X(<svg xmlns="http://www.w3.org/2000/svg">
      <style>.big { font-size: 30px }</style>
      <defs><linearGradient id="g"><stop stop-color="#ff0000"/><stop offset="1" stop-color="#00ff00"/></linearGradient></defs>
      <rect id="red" width="40" height="40" fill="url(#g)"/>
      <text id="label" class="big">Used text</text>
      <use id="loop" href="../diagram.svg#own"/></svg>)X");
  test::write_file(dir + "/outside.svg",
                   "<svg xmlns='http://www.w3.org/2000/svg'><rect id='a'/></svg>");
  test::write_file(dir + "/deck/deck.pug", "section\n  img(src=\"pics/diagram.svg\")\n");
  Export e = export_deck(dir + "/deck/deck.pug", "svg-use");
  CHECK(qpdf_clean(e.pdf));
  test::PdfDoc doc = test::pdf_read(e.pdf);
  REQUIRE(doc.loaded);
  CHECK(contains(doc.pages.at(0).text, "Used text"));
  CHECK(contains(e.run.err, "use 'icons/set.svg#nothing' names no element of that file"));
  CHECK(contains(e.run.err, "use '../../outside.svg#a' is outside the deck's folder"));
  CHECK(contains(e.run.err,
                 "use '../diagram.svg#own' would draw itself (pics/diagram.svg -> "
                 "pics/icons/set.svg -> pics/diagram.svg)"));
  auto r = test::run_deckpdf("'" + dir + "/deck/deck.pug' --dump=layout -o -");
  // The icon: its own file's gradient, moved by the use's x and y.
  CHECK(contains(r.out, "matrix 1 0 0 1 10 10 fill linear 0:#ff0000 1:#00ff00"));
  // Its text: the other file's style sheet (30 px), the use's fill.
  CHECK(contains(r.out, "size 30.00 fill #0000ff \"Used text\""));
  // A use of its own file by name is a local reference.
  CHECK(contains(r.out, "matrix 1 0 0 1 200 0 fill #123456"));
}
