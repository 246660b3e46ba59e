// tests/markdown/md_deck_test.cpp — a deck written in Markdown (reveal-md's
// conventions) exported in every mode and read back: vertical slides,
// notes, attribute comments (fragments, a slide background), code steps;
// a data-markdown section inside a Pug deck; diagnostics at file:line:col.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

std::string deck() {
  return test::source_dir() + "/tests/markdown/decks/talk.md";
}

test::PdfDoc run(const std::string& args, const std::string& out) {
  test::RunResult r = test::run_deckpdf("'" + deck() + "' " + args + " -o '" + out + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.loaded);
  return doc;
}

}  // namespace

TEST_CASE("markdown deck: slides, one page each, vertical ones in order", "[markdown][deck]") {
  test::PdfDoc doc = run("", test::temp_dir() + "/talk.pdf");
  REQUIRE(doc.pages.size() == 7);
  CHECK(doc.title == "Markdown all the way");
  CHECK(doc.pages[0].text.find("Markdown all the way") != std::string::npos);
  CHECK(doc.pages[0].text.find("Say hello") == std::string::npos);  // notes are not on the slide
  CHECK(doc.pages[2].label == "3.1");
  CHECK(doc.pages[3].label == "3.2");
  CHECK(doc.pages[3].text.find("Vertical one") != std::string::npos);
  CHECK(doc.pages[4].label == "3.3");
  CHECK(doc.pages[5].text.find("console.log(a + b);") != std::string::npos);
  // <!-- .slide: data-background-color="#223" --> paints the slide.
  test::Raster r = test::pdf_render_page(test::temp_dir() + "/talk.pdf", 3);
  uint32_t px = r.at(5, 5);
  CHECK(std::abs(int((px >> 16) & 0xFF) - 0x22) <= 2);
  CHECK(std::abs(int((px >> 8) & 0xFF) - 0x22) <= 2);
  CHECK(std::abs(int(px & 0xFF) - 0x33) <= 2);
}

TEST_CASE("markdown deck: builds follow the element attribute comments", "[markdown][deck]") {
  test::PdfDoc doc = run("--builds", test::temp_dir() + "/talk-builds.pdf");
  // 1 + (3 fragments: Third has index 1, then First, Second) 4 + 1 + 1 + 1 + 1 + 1, and the
  // code's second line-highlight step (```js [1-2|3]): 11, as reveal.js's print-pdf counts.
  REQUIRE(doc.pages.size() == 11);
  auto has = [&](size_t page, const char* word) {
    return doc.pages[page].text.find(word) != std::string::npos;
  };
  CHECK(!has(1, "Third"));
  CHECK(has(2, "Third"));
  CHECK(!has(2, "First"));
  CHECK(has(3, "First"));
  CHECK(!has(3, "Second"));
  CHECK(has(4, "Second"));
}

TEST_CASE("markdown deck: notes reach handouts, the script and pdfpc", "[markdown][deck]") {
  std::string dir = test::temp_dir();
  test::PdfDoc handout = run("--handout", dir + "/h.pdf");
  REQUIRE(handout.pages.size() >= 1);
  std::string all;
  for (const test::PdfPage& p : handout.pages) all += p.text;
  CHECK(all.find("Say hello") != std::string::npos);
  CHECK(all.find("Notes of the vertical slide.") != std::string::npos);
  test::PdfDoc script = run("--notes-only", dir + "/n.pdf");
  all.clear();
  for (const test::PdfPage& p : script.pages) all += p.text;
  CHECK(all.find("first slide") != std::string::npos);
  run("--pdfpc", dir + "/p.pdf");
  std::string pdfpc = test::read_file(dir + "/p.pdfpc");
  CHECK(pdfpc.find("Notes of the vertical slide.") != std::string::npos);
}

TEST_CASE("markdown deck: --dump=html shows the slides the plugin made", "[markdown][deck]") {
  test::RunResult r = test::run_deckpdf("'" + deck() + "' --dump=html -o -");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("<section data-markdown=\"\" data-background-color=\"#223\" "
                   "data-markdown-parsed=\"true\"><h2>Vertical one</h2>") != std::string::npos);
  CHECK(r.out.find("<pre><code class=\"js\" data-line-numbers=\"1-2|3\">") != std::string::npos);
  CHECK(r.out.find("<li class=\"fragment\" data-fragment-index=\"1\">Third") != std::string::npos);
  CHECK(r.out.find("data-background-color=\"#223\"") != std::string::npos);
  // --from md reads a Markdown deck under any name; --from pug the same
  // file as Pug (no Markdown slides come out of it).
  std::string copy = test::temp_dir() + "/talk.txt";
  test::write_file(copy, test::read_file(deck()));
  test::RunResult md = test::run_deckpdf("'" + copy + "' --from md --dump=html -o -");
  CHECK(md.out == r.out);
  test::RunResult pug = test::run_deckpdf("'" + copy + "' --dump=html -o -");
  CHECK(pug.out.find("data-markdown") == std::string::npos);
}

TEST_CASE("markdown deck: a bad separator is reported at the front matter's line",
          "[markdown][deck]") {
  std::string path = test::temp_dir() + "/bad.md";
  test::write_file(path, "---\nseparator: \"(\"\n---\n# A\n");
  test::RunResult r = test::run_deckpdf("'" + path + "' -o '" + path + ".pdf'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.md:4:1: error: the separator /(/ is not a regular expression") !=
        std::string::npos);
}

TEST_CASE("markdown deck: data-markdown slides in a Pug deck", "[markdown][deck]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/more.md", "## From a file\n\nNote: file notes\n");
  test::write_file(dir + "/d.pug",
                   "section\n  h2 Pug\n"
                   "section(data-markdown)\n  textarea(data-template).\n"
                   "    ## Inline\n    ---\n    ## Second\n"
                   "section(data-markdown=\"more.md\")\n"
                   "section(data-markdown=\"missing.md\")\n");
  test::RunResult r = test::run_deckpdf("'" + dir + "/d.pug' -o '" + dir + "/d.pdf'");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("d.pug:9:9: warning: the Markdown file 'missing.md' cannot be read") !=
        std::string::npos);
  test::PdfDoc doc = test::pdf_read(dir + "/d.pdf");
  REQUIRE(doc.pages.size() == 5);
  CHECK(doc.pages[1].text.find("Inline") != std::string::npos);
  CHECK(doc.pages[2].text.find("Second") != std::string::npos);
  CHECK(doc.pages[3].text.find("From a file") != std::string::npos);
  CHECK(doc.pages[4].text.find("ERROR: The attempt to fetch missing.md") != std::string::npos);
}
