// Tests of highlight/line_steps: `data-line-numbers` ranges and steps read
// as reveal.js's highlight plugin reads them, the copies it makes for each
// step, and the exported pages: one per step in --builds, the lines of a
// step bright and the others dimmed, the code's text on each page once.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "highlight/code_blocks.h"
#include "highlight/line_steps.h"
#include "parsed.h"
#include "pug/parse.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

using test::codes;
using test::parse;

// The rows of a numbered block that are highlighted, as their numbers.
std::string highlighted_rows(const dom::Document& doc, dom::NodeId code) {
  std::string out;
  long row = 0;
  for (dom::NodeId id = code; id < doc.nodes.size(); ++id) {
    if (doc[id].tag != "tr") continue;
    dom::NodeId up = id;
    while (up != dom::no_node && up != code) up = doc[up].parent;
    if (up != code) continue;
    ++row;
    if (doc[id].has_class("highlight-line")) out += std::to_string(row);
  }
  return out;
}

// How often `needle` occurs in `text`.
size_t occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The brightest pixel (r + g + b) inside a word's box on a rendered page.
int brightest(const test::Raster& page, const test::TextBox& word) {
  int best = 0;
  for (int y = static_cast<int>(word.y); y < static_cast<int>(word.y + word.height); ++y) {
    for (int x = static_cast<int>(word.x); x < static_cast<int>(word.x + word.width); ++x) {
      if (x < 0 || y < 0 || x >= page.width || y >= page.height) continue;
      const uint32_t p = page.at(x, y);
      best = std::max(best, static_cast<int>(((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)));
    }
  }
  return best;
}

test::TextBox word(const test::PdfPage& page, const std::string& text) {
  for (const test::TextBox& w : page.words) {
    if (w.text == text) return w;
  }
  FAIL("no word " << text);
  return {};
}

}  // namespace

TEST_CASE("line highlight steps are read as the plugin reads them") {
  using highlight::line_step_serialize;
  using highlight::line_steps_parse;
  auto steps = line_steps_parse("1-2|4|6-8");
  REQUIRE(steps.size() == 3);
  CHECK(line_step_serialize(steps[0]) == "1-2");
  CHECK(line_step_serialize(steps[1]) == "4");
  CHECK(line_step_serialize(steps[2]) == "6-8");
  steps = line_steps_parse(" 1, 3 - 5 ");  // white space goes first
  REQUIRE(steps.size() == 1);
  REQUIRE(steps[0].size() == 2);
  CHECK(steps[0][1].start == 3);
  CHECK(steps[0][1].end == 5);
  // What parseInt makes of the odd ones: "3-" is line 3, "007" line 7,
  // "1-2-3" lines 1 to 2; words, "-3" and backwards ranges highlight nothing.
  CHECK(line_step_serialize(line_steps_parse("3-,007,1-2-3")[0]) == "3,7,1-2");
  CHECK(line_step_serialize(line_steps_parse("a,-3,5-3")[0]) == ",,");
  CHECK(line_steps_parse("").size() == 1);  // data-line-numbers alone: numbers, no highlight
  CHECK(line_steps_parse("|").size() == 2);
}

TEST_CASE("each step after the first is a copy of the block, a fragment, with its own highlights") {
  auto p = parse(
      "section\n"
      "  pre: code.language-python(data-line-numbers='1|2-3, 5' data-fragment-index='4').\n"
      "    a = 1\n    b = 2\n    c = 3\n    d = 4\n    e = 5\n");
  CHECK(p->diags.items().empty());
  const std::vector<dom::NodeId> blocks = codes(p->doc);
  REQUIRE(blocks.size() == 2);
  const dom::Node& first = p->doc[blocks[0]];
  const dom::Node& copy = p->doc[blocks[1]];
  CHECK(first.parent == copy.parent);  // appended to the same pre, after the block
  CHECK(*first.attr("data-line-numbers") == "1");
  CHECK(first.attr("data-fragment-index") == nullptr);  // moved to the copies
  CHECK(first.has_class("has-highlights"));
  CHECK_FALSE(first.has_class("fragment"));
  CHECK(highlighted_rows(p->doc, blocks[0]) == "1");
  CHECK(*copy.attr("data-line-numbers") == "2-3,5");
  CHECK(*copy.attr("data-fragment-index") == "4");
  CHECK(copy.has_class("fragment"));
  CHECK(copy.has_class("has-highlights"));
  CHECK(highlighted_rows(p->doc, blocks[1]) == "235");
  // The copy holds the block's rows, not their cells: layout draws the
  // block with the copy's rows' looks.
  auto rows = [&](dom::NodeId code) {
    std::vector<size_t> cells;
    const dom::NodeId body = p->doc[p->doc[code].children.at(0)].children.at(0);
    for (dom::NodeId tr : p->doc[body].children) cells.push_back(p->doc[tr].children.size());
    return cells;
  };
  CHECK(rows(blocks[0]) == std::vector<size_t>(5, 2));
  CHECK(rows(blocks[1]) == std::vector<size_t>(5, 0));
  CHECK(p->doc.text_content(blocks[1]).empty());

  SECTION("a range past the last line highlights nothing and dims nothing") {
    auto q = parse("section\n  pre: code.language-python(data-line-numbers='9').\n    a = 1\n");
    CHECK_FALSE(q->doc[codes(q->doc)[0]].has_class("has-highlights"));
  }
  SECTION("a block in no language is numbered too; an empty block is not") {
    auto q = parse(
        "section\n  pre: code(data-line-numbers='2').\n    one\n    two\n"
        "  pre: code(data-line-numbers)\n");
    const std::vector<dom::NodeId> found = codes(q->doc);
    REQUIRE(found.size() == 2);
    CHECK(highlighted_rows(q->doc, found[0]) == "2");
    CHECK(q->doc.text_content(found[0]) == "1one2two");
    CHECK(q->doc[found[1]].children.empty());
  }
}

TEST_CASE("steps past the copy budget are dropped with a warning") {
  std::string deck = "section\n  pre: code.language-python(data-line-numbers='";
  for (int k = 1; k <= 400; ++k) deck += (k > 1 ? "|" : "") + std::to_string(k);
  deck += "').\n";
  for (int k = 0; k < 4000; ++k) deck += "    x = " + std::to_string(k) + "\n";
  auto p = parse(deck);
  const size_t copies = codes(p->doc).size() - 1;
  CHECK(copies > 10);
  CHECK(copies < 399);
  REQUIRE(p->diags.items().size() == 1);
  CHECK(p->diags.items()[0].code == "highlight.too-many-steps");
}

TEST_CASE("an exported step deck: a page per step, the step's lines bright, the text once") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/steps.pug",
                   "section\n"
                   "  p.fragment Before\n"
                   "  pre: code.language-python(data-line-numbers='1|3').\n"
                   "    alpha = 1\n    beta = 2\n    gamma = 3\n"
                   "  p.fragment After\n");
  REQUIRE(test::run_deckpdf("--builds " + dir + "/steps.pug -o " + dir + "/b.pdf").exit_code == 0);
  test::PdfDoc builds = test::pdf_read(dir + "/b.pdf");
  // Steps in reveal.js's order: the fragments in document order, the
  // step's copy inside the pre before "After".
  REQUIRE(builds.pages.size() == 4);
  CHECK(builds.pages[0].text.find("Before") == std::string::npos);
  CHECK(builds.pages[1].text.find("Before") != std::string::npos);
  CHECK(builds.pages[2].text.find("After") == std::string::npos);
  CHECK(builds.pages[3].text.find("After") != std::string::npos);
  for (const test::PdfPage& page : builds.pages) {
    CHECK(occurrences(page.text, "alpha") == 1);
    CHECK(occurrences(page.text, "gamma") == 1);
  }
  // Line 1 is the bright one before the step, line 3 after it.
  const test::Raster before = test::pdf_render_page(dir + "/b.pdf", 1);
  const test::Raster after = test::pdf_render_page(dir + "/b.pdf", 2);
  CHECK(brightest(before, word(builds.pages[1], "alpha")) >
        brightest(before, word(builds.pages[1], "gamma")) + 150);
  CHECK(brightest(after, word(builds.pages[2], "gamma")) >
        brightest(after, word(builds.pages[2], "alpha")) + 150);

  // The slides PDF shows the last step, as reveal.js's print does.
  REQUIRE(test::run_deckpdf(dir + "/steps.pug -o " + dir + "/s.pdf").exit_code == 0);
  test::PdfDoc slides = test::pdf_read(dir + "/s.pdf");
  REQUIRE(slides.pages.size() == 1);
  CHECK(occurrences(slides.pages[0].text, "alpha") == 1);
  const bool same = test::pdf_render_page(dir + "/s.pdf", 0).argb ==
                    test::pdf_render_page(dir + "/b.pdf", 3).argb;
  CHECK(same);

  // The pdfpc file counts the step as an overlay of the slide.
  REQUIRE(
      test::run_deckpdf("--builds --pdfpc " + dir + "/steps.pug -o " + dir + "/p.pdf").exit_code ==
      0);
  std::ifstream in(dir + "/p.pdfpc");
  std::stringstream pdfpc;
  pdfpc << in.rdbuf();
  CHECK(pdfpc.str().find("\"overlay\":3") != std::string::npos);

  // The speaker's script says which lines a step lights, not the code again.
  REQUIRE(test::run_deckpdf("--notes-only " + dir + "/steps.pug -o " + dir + "/n.pdf").exit_code ==
          0);
  const std::string script = test::pdf_read(dir + "/n.pdf").pages[0].text;
  CHECK(script.find("Click 1: Before") != std::string::npos);
  CHECK(script.find("Click 2: code line 3") != std::string::npos);
  CHECK(script.find("Click 3: After") != std::string::npos);
  CHECK(occurrences(script, "alpha") == 0);
}

TEST_CASE("a step's copy is never laid out: the block's lines change opacity at its step") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/steps.pug",
                   "section\n"
                   "  pre: code.language-python(data-line-numbers='1|3').\n"
                   "    alpha = 1\n    beta = 2\n    gamma = 3\n");
  const test::RunResult dump = test::run_deckpdf("--dump=layout " + dir + "/steps.pug");
  REQUIRE(dump.exit_code == 0);
  // Each line drawn once (the copy's lines are its block's).
  CHECK(occurrences(dump.out, "\"alpha = \"") == 1);
  CHECK(occurrences(dump.out, "\"gamma = \"") == 1);
  // The effect set of a line's code text: the line after `"NAME = " effects `.
  auto effects_of = [&](const std::string& line) {
    size_t at = dump.out.find("\"" + line + " = \" effects ");
    REQUIRE(at != std::string::npos);
    at = dump.out.find("effects ", at) + 8;
    const std::string set = "effects " + dump.out.substr(at, dump.out.find('\n', at) - at) + ": ";
    const size_t def = dump.out.find(set);
    REQUIRE(def != std::string::npos);
    return dump.out.substr(def + set.size(), dump.out.find('\n', def) - def - set.size());
  };
  // Line 1 is bright until the step (the copy highlighting line 3) shows,
  // line 3 bright from then on, line 2 dim throughout: one effect each.
  CHECK(effects_of("alpha") == "opacity 0.40 1..never");
  CHECK(effects_of("beta") == "opacity 0.40 0..never");
  CHECK(effects_of("gamma") == "opacity 0.40 0..1");
}

TEST_CASE("ten languages: each slide's code extracts exactly, once, and steps make pages") {
  const std::string deck = test::source_dir() + "/tests/highlight/ten-languages.pug";
  const std::string dir = test::temp_dir();
  REQUIRE(test::run_deckpdf(deck + " -o " + dir + "/s.pdf").exit_code == 0);
  REQUIRE(test::run_deckpdf("--builds " + deck + " -o " + dir + "/b.pdf").exit_code == 0);
  test::PdfDoc slides = test::pdf_read(dir + "/s.pdf");
  CHECK(slides.pages.size() == 10);
  // Python 2 steps, Rust 2, Java 1, Elixir 2, SQL 1.
  CHECK(test::pdf_read(dir + "/b.pdf").pages.size() == 18);
  REQUIRE(slides.pages.size() == 10);
  for (const char* line : {"return len([u for u in urls if u])", "impl", "console.log(`total:",
                           "fn count(words: &[&str]) -> HashMap<&str, usize> {",
                           "printf(\"hello, %s\\n\", \"world\");", "|> IO.inspect(label: \"fib\")",
                           "GROUP BY d.name ORDER BY talks DESC;"}) {
    size_t found = 0;
    for (const test::PdfPage& page : slides.pages) found += occurrences(page.text, line);
    CHECK(found == (std::string(line) == "impl" ? 0 : 1));
  }
}
