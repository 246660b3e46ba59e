// End to end: export decks with the real binary, read the PDF back with
// poppler (and qpdf), assert what a reader of the file would see.
#include <poppler-document.h>
#include <poppler-font.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <set>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

std::string export_deck(const std::string& input, const std::string& name,
                        const std::string& extra = "") {
  std::string out = test::temp_dir() + "/" + name + ".pdf";
  auto r = test::run_deckpdf("'" + input + "' -o '" + out + "' " + extra);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

bool contains(const std::string& hay, const std::string& needle) {
  return test::squash_spaces(hay).find(test::squash_spaces(needle)) != std::string::npos;
}

}  // namespace

TEST_CASE("the seed exports to six 16:9 pages holding each slide's text", "[pdf]") {
  std::string pdf = export_deck(test::source_dir() + "/samples/beam.pug", "beam");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  REQUIRE(doc.pages.size() == 6);
  for (const auto& page : doc.pages) {
    CHECK(page.width_pt == Approx(960));
    CHECK(page.height_pt == Approx(540));
  }
  const std::vector<std::vector<std::string>> expected = {
      {"BEAM"},
      {"The ErlangVM", "Born from Erlang", "Created to solve the problem of communication",
       "Phone networks cannot go down for maintenance"},
      {"Processes and messages"},
      {"Concurrency", "async isn't concurrency", "WhatsApp 2 million", "Bleacher Report",
       "from minutes to millisecond", "from 150 servers to 30", "from heavy cache to no cache",
       "RiotGames", "@TODO find out what Riot uses Elixir for"},
      {"Performance", "WhatsApp", "Bleacher Report",
       "Phoenix 2 millions concurrent connections on one"},
      {"Other Cool Stuff", "remote_console", "@TODO Show something from remote", "observer"},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    for (const auto& text : expected[i]) {
      CAPTURE(i + 1, text, doc.pages[i].text);
      CHECK(contains(doc.pages[i].text, text));
    }
  }
  // Notes never appear on slides.
  for (const auto& page : doc.pages) {
    CHECK_FALSE(contains(page.text, "Ericson"));
    CHECK_FALSE(contains(page.text, "BEAM walkthrough"));
  }
}

TEST_CASE("every font is embedded as a subset", "[pdf]") {
  std::string pdf = export_deck(test::source_dir() + "/samples/beam.pug", "beam-fonts");
  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(pdf));
  REQUIRE(d);
  auto fonts = d->fonts();
  REQUIRE(fonts.size() >= 2);
  for (const auto& f : fonts) {
    CAPTURE(f.name());
    CHECK(f.is_embedded());
    CHECK(f.is_subset());
    CHECK(f.type() == poppler::font_info::cid_truetype);
  }
}

TEST_CASE("qpdf finds no errors in the exported samples", "[pdf]") {
  if (std::system("command -v qpdf >/dev/null 2>&1") != 0) {
    FAIL("qpdf is not installed (apt-get install qpdf)");
  }
  for (const char* sample : {"beam", "deckpdf-tour"}) {
    std::string pdf = export_deck(test::source_dir() + "/samples/" + sample + ".pug",
                                  std::string("qpdf-") + sample);
    std::string cmd = "qpdf --check '" + pdf + "' >/dev/null 2>&1";
    CAPTURE(sample);
    CHECK(std::system(cmd.c_str()) == 0);
  }
}

TEST_CASE("ligatures and kerning extract as the typed text", "[pdf]") {
  std::string deck = test::temp_dir() + "/lig.pug";
  test::write_file(deck, "section\n  p office affinity, AVATAR and fjord\n");
  test::PdfDoc doc = test::pdf_read(export_deck(deck, "lig"));
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.warnings.empty());
  CHECK(contains(doc.pages[0].text, "office affinity, AVATAR and fjord"));
}

TEST_CASE("the second sample exports with metadata from its front matter", "[pdf]") {
  test::PdfDoc doc =
      test::pdf_read(export_deck(test::source_dir() + "/samples/deckpdf-tour.pug", "tour"));
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  CHECK(doc.title == "deckpdf: a tour");
  CHECK(doc.author == "The deckpdf authors");
  REQUIRE(doc.pages.size() == 6);
  CHECK(contains(doc.pages[0].text, "deckpdf"));
  CHECK(contains(doc.pages[1].text, "Speaker notes in Markdown"));
  CHECK(contains(doc.pages[4].text, "strong words"));
  CHECK(contains(doc.pages[5].text, "$ deckpdf talk.pug --builds"));
}

// Asserts, for every page, that each text is on exactly the pages listed
// (0-based page indices).
void check_presence(const test::PdfDoc& doc,
                    const std::vector<std::pair<std::string, std::set<size_t>>>& table) {
  for (const auto& [text, pages] : table) {
    for (size_t p = 0; p < doc.pages.size(); ++p) {
      CAPTURE(text, p, doc.pages[p].text);
      CHECK(contains(doc.pages[p].text, text) == (pages.count(p) == 1));
    }
  }
}

std::set<size_t> span(size_t first, size_t last) {
  std::set<size_t> out;
  for (size_t i = first; i <= last; ++i) out.insert(i);
  return out;
}

TEST_CASE("builds mode gives one page per fragment step, each as reveal.js shows it", "[pdf]") {
  test::PdfDoc doc =
      test::pdf_read(export_deck(test::source_dir() + "/samples/beam.pug", "builds", "--builds"));
  REQUIRE(doc.pages.size() == 18);  // 1 + 4 + 1 + 7 + 2 + 3
  CHECK(doc.warnings.empty());
  // Pages: slide 1 = 0; slide 2 = 1..4; 3 = 5; 4 = 6..12; 5 = 13..14; 6 = 15..17.
  std::set<size_t> s5 = {13, 14};
  std::set<size_t> bleacher = span(8, 12);
  bleacher.insert(s5.begin(), s5.end());
  check_presence(doc, {
                          {"BEAM", {0}},
                          {"The ErlangVM", span(1, 4)},
                          {"Born from Erlang", span(2, 4)},
                          {"Created to solve the problem", span(3, 4)},
                          {"Phone networks cannot go down", {4}},
                          {"Processes and messages", {5}},
                          {"async isn't concurrency", span(6, 12)},
                          {"WhatsApp 2 million", span(7, 12)},
                          {"Bleacher Report", bleacher},
                          {"from minutes to millisecond", span(9, 12)},
                          {"from 150 servers to 30", span(10, 12)},
                          {"from heavy cache to no cache", span(11, 12)},
                          {"RiotGames", {12}},
                          {"@TODO find out what Riot uses", {12}},
                          {"Phoenix 2 millions", {14}},
                          {"remote_console", span(16, 17)},
                          {"@TODO Show something from remote", span(16, 17)},
                          {"observer", {17}},
                      });
}

TEST_CASE("builds follow data-fragment-index groups and nested fragments", "[pdf]") {
  test::PdfDoc doc = test::pdf_read(
      export_deck(test::source_dir() + "/tests/pdf/decks/order.pug", "order", "--builds"));
  REQUIRE(doc.pages.size() == 6);  // steps 0..5; the "x" index is never stepped to
  check_presence(doc, {
                          {"Order", span(0, 5)},
                          {"nested-zero", span(3, 5)},  // its own step is 1, its parent's 3
                          {"idx-one", span(2, 5)},
                          {"outer-two", span(3, 5)},
                          {"idx-three-a", span(4, 5)},
                          {"idx-three-b", span(4, 5)},
                          {"plain-one", {5}},
                          {"never-shown", {}},
                      });
}

// The word `word` on a page: poppler's box (pt, top-left origin).
const test::TextBox* word_box(const test::PdfPage& page, const std::string& word) {
  for (const auto& w : page.words) {
    if (w.text == word) return &w;
  }
  return nullptr;
}

struct Ink {
  int dark = 0;       // pixels darker than mid grey
  int colored = 0;    // pixels close to `color`
  int darkest = 255;  // the lowest channel maximum, 0 = black
};

Ink ink(const test::Raster& r, const test::TextBox& b, uint32_t color) {
  Ink out;
  int cr = static_cast<int>(color >> 16 & 0xFF), cg = static_cast<int>(color >> 8 & 0xFF),
      cb = static_cast<int>(color & 0xFF);
  for (int y = static_cast<int>(b.y); y < static_cast<int>(b.y + b.height) && y < r.height; ++y) {
    for (int x = static_cast<int>(b.x); x < static_cast<int>(b.x + b.width) && x < r.width; ++x) {
      uint32_t px = r.at(x, y);
      int pr = static_cast<int>(px >> 16 & 0xFF), pg = static_cast<int>(px >> 8 & 0xFF),
          pb = static_cast<int>(px & 0xFF);
      int hi = std::max({pr, pg, pb});
      out.darkest = std::min(out.darkest, hi);
      if (hi < 128) ++out.dark;
      if (std::abs(pr - cr) < 40 && std::abs(pg - cg) < 40 && std::abs(pb - cb) < 40) {
        ++out.colored;
      }
    }
  }
  return out;
}

TEST_CASE("every fragment style shows, hides, dims, colours, strikes and scales on its step",
          "[pdf]") {
  std::string pdf =
      export_deck(test::source_dir() + "/tests/pdf/decks/styles.pug", "styles", "--builds");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 13);  // steps 0..12
  CHECK(doc.warnings.empty());
  check_presence(doc, {
                          {"appear one", span(1, 12)},    // .fade-in: from its step
                          {"fadeout two", span(0, 1)},    // .fade-out: before its step only
                          {"thenout three", {3}},         // .fade-in-then-out: its step only
                          {"current four", {4}},          // .current-visible: its step only
                          {"semi five", span(0, 12)},     // dimmed, never hidden
                          {"thensemi six", span(6, 12)},  // from its step, dimmed after
                          {"red seven", span(0, 12)},
                          {"blue eight", span(0, 12)},
                          {"strike nine", span(0, 12)},
                          {"grow ten", span(0, 12)},
                          {"shrink eleven", span(0, 12)},
                          {"green twelve", span(0, 12)},
                      });
  std::vector<test::Raster> raster;
  for (int p = 0; p < 13; ++p) raster.push_back(test::pdf_render_page(pdf, p));
  auto look = [&](int page, const std::string& word, uint32_t color = 0) {
    const test::TextBox* b = word_box(doc.pages[static_cast<size_t>(page)], word);
    REQUIRE(b);
    return ink(raster[static_cast<size_t>(page)], *b, color);
  };
  const uint32_t red = 0xff2c2d, green = 0x17ff2e, blue = 0x1b91ff;
  // .semi-fade-out: #222 text until step 5, then at opacity 0.5 (about #909090).
  CHECK(look(4, "five").darkest < 0x40);
  CHECK(look(5, "five").darkest > 0x70);
  CHECK(look(12, "five").darkest > 0x70);
  // .fade-in-then-semi-out: full on its step 6, dimmed from 7.
  CHECK(look(6, "six").darkest < 0x40);
  CHECK(look(7, "six").darkest > 0x70);
  // .highlight-red: reveal's #ff2c2d from step 7 on.
  CHECK(look(6, "seven", red).colored == 0);
  CHECK(look(7, "seven", red).colored > 10);
  CHECK(look(12, "seven", red).colored > 10);
  // .highlight-current-blue: #1b91ff on step 8 only.
  CHECK(look(7, "eight", blue).colored == 0);
  CHECK(look(8, "eight", blue).colored > 10);
  CHECK(look(9, "eight", blue).colored == 0);
  // .highlight-green (the last step): #17ff2e.
  CHECK(look(11, "twelve", green).colored == 0);
  CHECK(look(12, "twelve", green).colored > 10);
  // .strike: a line through the words from step 9.
  CHECK(look(9, "nine").dark > look(8, "nine").dark + 5);
  // .grow and .shrink: 1.3 and 0.7 times as wide from their steps.
  auto width = [&](int page, const std::string& word) {
    const test::TextBox* b = word_box(doc.pages[static_cast<size_t>(page)], word);
    REQUIRE(b);
    return b->width;
  };
  CHECK(width(10, "ten") == Approx(width(9, "ten") * 1.3).epsilon(0.05));
  CHECK(width(11, "eleven") == Approx(width(10, "eleven") * 0.7).epsilon(0.05));
}

TEST_CASE("the slides mode shows every fragment, as reveal.js's print view does", "[pdf]") {
  std::string pdf = export_deck(test::source_dir() + "/tests/pdf/decks/styles.pug", "styles-final");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 1);
  const std::string& text = doc.pages[0].text;
  // Shown, even those that a later step would hide again.
  CHECK(contains(text, "appear one"));
  CHECK(contains(text, "fadeout two"));
  CHECK(contains(text, "thenout three"));
  CHECK(contains(text, "current four"));
  CHECK(contains(text, "thensemi six"));
  test::Raster r = test::pdf_render_page(pdf, 0);
  const test::TextBox* seven = word_box(doc.pages[0], "seven");
  const test::TextBox* eight = word_box(doc.pages[0], "eight");
  const test::TextBox* twelve = word_box(doc.pages[0], "twelve");
  REQUIRE(seven);
  REQUIRE(eight);
  REQUIRE(twelve);
  // Highlights are on; a highlight-current one is not, since no fragment
  // is the current one in print.
  CHECK(ink(r, *seven, 0xff2c2d).colored > 10);
  CHECK(ink(r, *twelve, 0x17ff2e).colored > 10);
  CHECK(ink(r, *eight, 0x1b91ff).colored < 3);
}

TEST_CASE("the outline has one entry per slide, a stack's slides under its first", "[pdf]") {
  test::PdfDoc doc = test::pdf_read(
      export_deck(test::source_dir() + "/tests/pdf/decks/nav.pug", "nav-outline", "--builds"));
  REQUIRE(doc.loaded);
  CHECK(doc.warnings.empty());
  CHECK(doc.title == "Navigation");
  CHECK(doc.author == "Ada Lovelace");
  REQUIRE(doc.outline.size() == 4);
  CHECK(doc.outline[0].title == "Start");
  CHECK(doc.outline[0].kids.empty());
  CHECK(doc.outline[1].title == "Stack top");
  REQUIRE(doc.outline[1].kids.size() == 1);
  CHECK(doc.outline[1].kids[0].title == "Stack below");
  CHECK(doc.outline[2].title == "Slide 3");  // no heading
  // "Ünïcödé → title ✓", beyond PDFDocEncoding: the title is UTF-16BE.
  CHECK(doc.outline[3].title ==
        "\xC3\x9C"
        "n"
        "\xC3\xAF"
        "c"
        "\xC3\xB6"
        "d"
        "\xC3\xA9"
        " \xE2\x86\x92 title \xE2\x9C\x93");
}

TEST_CASE("every build page of a slide carries the slide's label", "[pdf]") {
  std::string nav = test::source_dir() + "/tests/pdf/decks/nav.pug";
  auto labels = [](const test::PdfDoc& doc) {
    std::vector<std::string> out;
    for (const auto& p : doc.pages) out.push_back(p.label);
    return out;
  };
  CHECK(labels(test::pdf_read(export_deck(nav, "nav-labels-b", "--builds"))) ==
        std::vector<std::string>{"1", "1", "2.1", "2.2", "3", "4"});
  CHECK(labels(test::pdf_read(export_deck(nav, "nav-labels"))) ==
        std::vector<std::string>{"1", "2.1", "2.2", "3", "4"});
  test::PdfDoc beam = test::pdf_read(
      export_deck(test::source_dir() + "/samples/beam.pug", "beam-labels", "--builds"));
  CHECK(labels(beam) == std::vector<std::string>{"1", "2", "2", "2", "2", "3", "4", "4", "4", "4",
                                                 "4", "4", "4", "5", "5", "6", "6", "6"});
}

TEST_CASE("links become annotations: URIs outside, pages inside the deck", "[pdf]") {
  if (std::system("command -v qpdf >/dev/null 2>&1") != 0) FAIL("qpdf is not installed");
  std::string pdf =
      export_deck(test::source_dir() + "/tests/pdf/decks/nav.pug", "nav-links", "--builds");
  std::vector<test::PdfLink> links = test::pdf_links(pdf);
  auto on_page = [&](int page) {
    std::vector<std::string> out;
    for (const auto& l : links) {
      if (l.page == page)
        out.push_back(l.uri.empty() ? "page " + std::to_string(l.dest_page) : l.uri);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  // "#/2" is reveal's 0-based hash for slide 3 (page 4); "#target" is on 2.2.
  std::vector<std::string> start = {"https://example.com/docs", "page 3", "page 4"};
  CHECK(on_page(0) == start);
  CHECK(on_page(1) == start);  // the links stay on the slide's later build pages
  CHECK(on_page(2).empty());
  CHECK(on_page(4) == std::vector<std::string>{"https://example.org/x?a=1&b=2"});  // Markdown
  // The rectangle covers the linked words (PDF space is y-up).
  test::PdfDoc doc = test::pdf_read(pdf);
  const test::TextBox* word = word_box(doc.pages[0], "external");
  REQUIRE(word);
  double cx = word->x + word->width / 2, cy = doc.pages[0].height_pt - (word->y + word->height / 2);
  bool covered = false;
  for (const auto& l : links) {
    if (l.page == 0 && l.uri == "https://example.com/docs") {
      covered = l.x0 <= cx && cx <= l.x1 && l.y0 <= cy && cy <= l.y1;
    }
  }
  CHECK(covered);
}

TEST_CASE("slide selection with --slides works in every mode, and bad ranges are usage errors",
          "[pdf]") {
  std::string nav = test::source_dir() + "/tests/pdf/decks/nav.pug";
  // nav.pug's labels: 1, 2.1, 2.2, 3, 4 (--slides reads them as reveal.js shows them).
  auto labels_of = [](const test::PdfDoc& d) {
    std::vector<std::string> out;
    for (const auto& p : d.pages) out.push_back(p.label);
    return out;
  };
  using L = std::vector<std::string>;
  test::PdfDoc doc = test::pdf_read(export_deck(nav, "nav-sel", "--slides 2"));
  CHECK(labels_of(doc) == L{"2.1", "2.2"});
  doc = test::pdf_read(export_deck(nav, "nav-sel-v", "--slides 2.2"));
  CHECK(labels_of(doc) == L{"2.2"});
  doc = test::pdf_read(export_deck(nav, "nav-sel-range", "--slides 1-2.1"));
  CHECK(labels_of(doc) == L{"1", "2.1"});
  doc = test::pdf_read(export_deck(nav, "nav-sel-b", "--builds --slides 1,3-4"));
  REQUIRE(doc.pages.size() == 4);
  CHECK(contains(doc.pages[2].text, "no heading here"));
  doc = test::pdf_read(export_deck(nav, "nav-sel-open", "--slides 2.2-"));
  CHECK(labels_of(doc) == L{"2.2", "3", "4"});
  if (std::system("command -v qpdf >/dev/null 2>&1") == 0) {
    // Links to slides that are not printed are dropped.
    std::string only = export_deck(nav, "nav-sel-links", "--slides 1");
    std::vector<test::PdfLink> links = test::pdf_links(only);
    REQUIRE(links.size() == 1);
    CHECK(links[0].uri == "https://example.com/docs");
  }
  for (const char* bad : {"9", "3-1", "0", "x", "2,,3", "1-99", "2.3", "3.1", "2.2-2.1"}) {
    CAPTURE(bad);
    auto r = test::run_deckpdf("'" + nav + "' -o '" + test::temp_dir() + "/bad.pdf' --slides '" +
                               bad + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--slides") != std::string::npos);
  }
}

TEST_CASE("slide numbers with --slide-numbers: reveal's h.v form at the bottom right", "[pdf]") {
  std::string nav = test::source_dir() + "/tests/pdf/decks/nav.pug";
  test::PdfDoc doc = test::pdf_read(export_deck(nav, "nav-numbers", "--slide-numbers"));
  REQUIRE(doc.pages.size() == 5);
  const char* expected[] = {"1", "2.1", "2.2", "3", "4"};
  for (size_t p = 0; p < 5; ++p) {
    const test::TextBox* n = word_box(doc.pages[p], expected[p]);
    CAPTURE(p);
    REQUIRE(n);
    CHECK(n->x > doc.pages[p].width_pt * 0.85);
    CHECK(n->y > doc.pages[p].height_pt * 0.85);
  }
  test::PdfDoc plain = test::pdf_read(export_deck(nav, "nav-no-numbers"));
  CHECK(word_box(plain.pages[1], "2.1") == nullptr);
}

TEST_CASE("a build page costs its page objects and what its step reveals, nothing more", "[pdf]") {
  // A build page reuses the content streams of the pages before it
  // (/Contents arrays) and adds one stream with what its step reveals. Its
  // fixed cost is its page dictionary (packed with the others in an object
  // stream) and that stream's framing, about 80 bytes (pdf/serialize). A
  // page that repeated the slide would cost the slide's content again
  // (about 750 bytes a slide in heavy.pug), so the average extra page must
  // stay well under that.
  for (const char* deck : {"/samples/beam.pug", "/tests/pdf/decks/heavy.pug"}) {
    std::string in = test::source_dir() + deck;
    std::string slides_pdf = export_deck(in, "size-slides");
    std::string builds_pdf = export_deck(in, "size-builds", "--builds");
    auto slides = static_cast<double>(test::read_file(slides_pdf).size());
    auto builds = static_cast<double>(test::read_file(builds_pdf).size());
    auto slide_pages = static_cast<double>(test::pdf_read(slides_pdf).pages.size());
    auto build_pages = static_cast<double>(test::pdf_read(builds_pdf).pages.size());
    REQUIRE(build_pages > slide_pages);
    double per_extra_page = (builds - slides) / (build_pages - slide_pages);
    CAPTURE(deck, slides, builds, slide_pages, build_pages, per_extra_page);
    CHECK(per_extra_page < 450);
    CHECK(per_extra_page < slides / slide_pages * 0.6);
  }
}

TEST_CASE("the same deck and SOURCE_DATE_EPOCH give the same bytes", "[pdf]") {
  std::string in = test::source_dir() + "/samples/beam.pug";
  std::string a = export_deck(in, "repro-a");
  std::string b = export_deck(in, "repro-b");
  (void)a;
  (void)b;
  std::string out1 = test::temp_dir() + "/repro1.pdf", out2 = test::temp_dir() + "/repro2.pdf";
  auto r1 = test::run_deckpdf("'" + in + "' -o '" + out1 + "'");
  REQUIRE(r1.exit_code == 0);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  auto r2 = test::run_deckpdf("'" + in + "' -o '" + out1 + "'");
  auto r3 = test::run_deckpdf("'" + in + "' -o '" + out2 + "'");
  unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(r2.exit_code == 0);
  REQUIRE(r3.exit_code == 0);
  CHECK(test::read_file(out1) == test::read_file(out2));
  CHECK(test::pdf_qdf(out1).find("/CreationDate (D:20231114221320Z") != std::string::npos);
}

TEST_CASE("a failed run leaves an existing output untouched", "[pdf]") {
  std::string deck = test::temp_dir() + "/broken.pug";
  std::string out = test::temp_dir() + "/precious.pdf";
  test::write_file(deck, "---\ntitle: never closed\nsection\n  h1 x\n");
  test::write_file(out, "precious bytes");
  auto r = test::run_deckpdf("'" + deck + "' -o '" + out + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("broken.pug:1:1: error:") != std::string::npos);
  CHECK(test::read_file(out) == "precious bytes");
}

TEST_CASE("a missing input is an I/O error", "[pdf]") {
  auto r = test::run_deckpdf("'" + test::temp_dir() + "/nope.pug'");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("cannot open") != std::string::npos);
}

TEST_CASE("big decks: page labels as a number tree past 4,000 ranges", "[pdf]") {
  std::string deck = test::temp_dir() + "/many.pug";
  std::string text;
  for (int i = 1; i <= 4100; ++i) text += "section\n  p " + std::to_string(i) + "\n";
  test::write_file(deck, text);
  std::string pdf = export_deck(deck, "many");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 4100);
  CHECK(doc.warnings.empty());
  CHECK(doc.pages[0].label == "1");
  CHECK(doc.pages[3999].label == "4000");
  CHECK(doc.pages[4000].label == "4001");
  CHECK(doc.pages[4099].label == "4100");
  CHECK(std::system(("qpdf --check '" + pdf + "' >/dev/null 2>&1").c_str()) == 0);
}
