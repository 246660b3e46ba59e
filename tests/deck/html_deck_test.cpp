// tests/deck/html_deck_test.cpp — a reveal.js page as a deck: gumbo's HTML5
// tree (implied end tags, source positions), the slides under `.reveal
// .slides`, the page's own stylesheets through the cascade, the literal
// options of Reveal.initialize, the budgets; exported and read back.
#include <catch2/catch.hpp>
#include <filesystem>

#include "deck/reveal_config.h"
#include "dom/html_page.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

const char* page = R"(<!doctype html>
<html>
  <head>
    <title>A  page
      deck</title>
    <link rel="stylesheet" href="dist/reveal.css">
    <link rel="stylesheet" href="dist/theme/black.css" id="theme">
    <link rel="stylesheet" href="custom.css">
    <style>.reveal p.note { color: #00ff00 }</style>
  </head>
  <body>
    <div class="reveal">
      <div class="slides">
        <section><h2>First</h2><p class="note">green &amp; local
          <aside class="notes">Say it</aside>
        </section>
        <section>
          <section><h2>Down</h2><ul><li>a<li class="fragment">b</ul></section>
          <section data-markdown><textarea data-template>
            ## From Markdown
            - x <!-- .element: class="fragment" -->
          </textarea></section>
        </section>
        <section data-visibility="hidden"><h2>Hidden</h2></section>
      </div>
    </div>
    <script src="dist/reveal.js"></script>
    <script>
      Reveal.initialize({
        width: 1280, height: 720,
        margin: 0.1, // not deckpdf's
        slideNumber: 'c/t',
        controls: true, plugins: [ RevealMarkdown ],
        hash: true, someOption: { a: 1 }
      });
    </script>
  </body>
</html>
)";

std::string write_deck(const std::string& dir) {
  test::write_file(dir + "/index.html", page);
  test::write_file(dir + "/custom.css", ".reveal h2 { color: #ff0000 }\n");
  return dir + "/index.html";
}

}  // namespace

TEST_CASE("html deck: gumbo's tree, the slides under .reveal .slides", "[deck][html]") {
  Source src("/x/index.html", page);
  Diagnostics diags;
  dom::HtmlPage p = dom::html_page_read(src, 0, diags);
  CHECK(diags.items().empty());
  CHECK(p.title == "A page deck");
  std::string html = dom::to_html(p.doc);
  // The wrappers are gone; implied end tags are closed as HTML5 says.
  CHECK(html.find("<div class=\"reveal\"") == std::string::npos);
  CHECK(html.find("<ul><li>a</li><li class=\"fragment\">b</li></ul>") != std::string::npos);
  CHECK(html.find("<p class=\"note\">green &amp; local\n") != std::string::npos);
  CHECK(html.find("<link rel=\"stylesheet\" href=\"custom.css\">") != std::string::npos);
  REQUIRE(p.scripts.size() == 1);
  CHECK(p.scripts[0].text.find("Reveal.initialize") != std::string::npos);
  // Spans: the h2 "Down" at its line and column.
  for (const dom::Node& n : p.doc.nodes) {
    if (n.kind == dom::NodeKind::Text && n.text == "Down") {
      LineCol lc = src.line_col(n.span.begin);
      CHECK(lc.line == 18);
      CHECK(lc.col == 24);
    }
  }
}

TEST_CASE("html deck: Reveal.initialize's literal options", "[deck][html]") {
  Diagnostics diags;
  std::string script =
      "Reveal.initialize({ width: 1280, height: \"720\", margin: 0.04,\n"
      " slideNumber: true, center: false, transition: 'fade', x: f(1, {}) });";
  deck::RevealConfig c = deck::reveal_config_read(script, 100, diags);
  CHECK(c.found);
  CHECK(c.width == 1280);
  CHECK(!c.height);  // a string is not px
  CHECK(c.margin == 0.04);
  CHECK(c.slide_number == "true");
  CHECK(c.center == false);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "html.reveal-options-ignored");
  CHECK(diags.items()[0].message.ends_with(": height, x"));
  CHECK(diags.items()[0].span.begin == 100 + script.find("height"));
  CHECK(!deck::reveal_config_read("Reveal.initialize(config);", 0, diags).found);
}

TEST_CASE("html deck: exported with its stylesheets, options and Markdown", "[deck][html]") {
  std::string dir = test::temp_dir();
  std::string deck = write_deck(dir);
  test::RunResult r = test::run_deckpdf("'" + deck + "' -o '" + dir + "/out.pdf'");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  // The options deckpdf does not apply, at their place in the page.
  CHECK(r.err.find("index.html:31:9: warning: Reveal.initialize options deckpdf does not apply "
                   "to the print (or whose values it cannot read without running the page): "
                   "margin, someOption") != std::string::npos);
  test::PdfDoc doc = test::pdf_read(dir + "/out.pdf");
  REQUIRE(doc.pages.size() == 3);  // the hidden slide is removed, as reveal.js removes it
  CHECK(doc.title == "A page deck");
  CHECK(doc.pages[0].width_pt / doc.pages[0].height_pt == Approx(1280.0 / 720));
  CHECK(doc.pages[1].label == "2.1");
  CHECK(doc.pages[2].text.find("From Markdown") != std::string::npos);
  CHECK(doc.pages[2].text.find("x") != std::string::npos);
  // slideNumber: 'c/t' puts numbers on the slides.
  CHECK(doc.pages[0].text.find("1") != std::string::npos);
  // The theme the page links (black), its own CSS file and style block.
  test::RunResult layout = test::run_deckpdf("'" + deck + "' --dump=layout -o -");
  CHECK(layout.out.find("background #191919") != std::string::npos);
  CHECK(layout.out.find("fill #ff0000 \"FIRST\"") != std::string::npos);
  CHECK(layout.out.find("fill #00ff00 \"green") != std::string::npos);
  test::RunResult builds = test::run_deckpdf("'" + deck + "' --builds -o '" + dir + "/b.pdf'");
  CHECK(builds.exit_code == 0);
  CHECK(test::pdf_read(dir + "/b.pdf").pages.size() == 5);
  test::RunResult script = test::run_deckpdf("'" + deck + "' --notes-only -o '" + dir + "/n.pdf'");
  CHECK(script.exit_code == 0);
  std::string all;
  for (const test::PdfPage& p : test::pdf_read(dir + "/n.pdf").pages) all += p.text;
  CHECK(all.find("Say it") != std::string::npos);
}

TEST_CASE("html deck: pages that are not reveal.js decks, and hostile ones", "[deck][html]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/plain.htm", "<p>intro\n<section><h1>Only</h1></section>");
  test::RunResult r = test::run_deckpdf("'" + dir + "/plain.htm' -o '" + dir + "/p.pdf'");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("plain.htm:1:1: warning: the page has no `.reveal .slides` element") !=
        std::string::npos);
  CHECK(test::pdf_read(dir + "/p.pdf").pages.size() == 1);
  // Deep nesting is flattened; too many tags are refused, never a crash.
  std::string deep = "<section>";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  test::write_file(dir + "/deep.html", deep + "x");
  CHECK(test::run_deckpdf("'" + dir + "/deep.html' -o '" + dir + "/d.pdf'").exit_code == 0);
  std::string many;
  for (int i = 0; i < 60000; ++i) many += "<b>";
  test::write_file(dir + "/many.html", many);
  test::RunResult m = test::run_deckpdf("'" + dir + "/many.html' -o '" + dir + "/m.pdf'");
  CHECK(m.exit_code == 1);
  CHECK(m.err.find("html.too-many-tags") != std::string::npos);
}

TEST_CASE("a Pug deck that writes reveal.js's page: its Reveal.initialize is read",
          "[deck][html]") {
  std::string dir = test::temp_dir() + "/pug-page";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/talk.pug",
                   "doctype html\nhtml\n  body\n    .reveal\n      .slides\n"
                   "        section\n          h2 Top\n"
                   "    script.\n"
                   "      Reveal.initialize({\n        width: 1100, height: 768,\n"
                   "        center: false, hash: true, someOption: 1\n      });\n");
  test::RunResult r = test::run_deckpdf("'" + dir + "/talk.pug' -o '" + dir + "/out.pdf'");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  // What it cannot apply, at the script element (its text's offsets are
  // not the deck's: Pug took the indentation off).
  CHECK(r.err.find("talk.pug:8:5: warning: Reveal.initialize options deckpdf does not apply to "
                   "the print (or whose values it cannot read without running the page): "
                   "someOption") != std::string::npos);
  test::PdfDoc doc = test::pdf_read(dir + "/out.pdf");
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.pages[0].width_pt / doc.pages[0].height_pt == Approx(1100.0 / 768));
  // center: false: the heading at the top of the page, not in its middle.
  REQUIRE(!doc.pages[0].words.empty());
  CHECK(doc.pages[0].words[0].text == "Top");  // the source text, not its capitals
  CHECK(doc.pages[0].words[0].y < doc.pages[0].height_pt * 0.15);
}
