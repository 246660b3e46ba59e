// The deck's own CSS through the real binary: style blocks, linked
// stylesheets and --css in the cascade after the theme, and what deckpdf
// says about them, each at its place.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>

#include "support/paths.h"

using namespace deckpdf;

namespace {

// The fill colour of the dump's text item that draws `text`.
std::string fill_of(const std::string& dump, const std::string& text) {
  size_t at = dump.find("\"" + text + "\"");
  if (at == std::string::npos) return "";
  size_t line = dump.rfind('\n', at);
  size_t fill = dump.find(" fill ", line);
  return fill < at ? dump.substr(fill + 6, 7) : "";
}

}  // namespace

TEST_CASE("deck CSS: style blocks, links and --css after the theme, by specificity", "[cli]") {
  std::string dir = test::temp_dir() + "/deck-css";
  std::filesystem::create_directories(dir + "/css");
  test::write_file(dir + "/css/link.css", "@import \"more.css\";\np { color: #000002; }\n");
  test::write_file(dir + "/css/more.css", ".more { color: #000003; }\n");
  test::write_file(dir + "/extra.css", ".extra { color: #000004; }\np.last { color: #000005; }\n");
  test::write_file(dir + "/deck.pug",
                   "section\n"
                   "  style.\n"
                   "    p { color: #000001; }\n"
                   "    section p.byclass { color: #000006; }\n"
                   "  p.a first\n"
                   "  p.more more\n"
                   "  p.extra extra\n"
                   "  p.last.byclass last\n"
                   "  p.byclass(style=\"color: #000007\") inline\n"
                   "  link(rel=\"stylesheet\" href=\"css/link.css\")\n");
  auto r = test::run_deckpdf("'" + dir + "/deck.pug' --dump=layout --css '" + dir + "/extra.css'");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(fill_of(r.out, "first") == "#000002");  // the link comes after the style block
  CHECK(fill_of(r.out, "more") == "#000003");   // imported by the linked file
  CHECK(fill_of(r.out, "extra") == "#000004");  // --css
  // `section p.byclass` (0,1,2) beats --css's later `p.last` (0,1,1).
  CHECK(fill_of(r.out, "last") == "#000006");
  CHECK(fill_of(r.out, "inline") == "#000007");           // the style attribute wins
  CHECK(r.out.find("\"p { color") == std::string::npos);  // a style block is not drawn

  auto missing = test::run_deckpdf("'" + dir + "/deck.pug' --check --css '" + dir + "/none.css'");
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("cannot read --css file '" + dir + "/none.css'") != std::string::npos);
}

TEST_CASE("deck CSS: what it says that deckpdf does not draw, once per property", "[cli]") {
  std::string dir = test::temp_dir() + "/deck-css-warnings";
  std::filesystem::create_directories(dir + "/sub");
  test::write_file(dir + "/sub/a.css",
                   "@import url(\"https://fonts.example/x.css\");\n"
                   "h2 { filter: blur(2px); cursor: pointer; --x: 1; zoom: 2; }\n");
  test::write_file(dir + "/deck.pug",
                   "style.\n"
                   "  h1 { zoom: 2; color: red; }\n"
                   "  p { color: nope; -webkit-font-smoothing: auto; }\n"
                   "link(rel=\"stylesheet\" href=\"sub/a.css\")\n"
                   "link(rel=\"stylesheet\" href=\"http://example.com/r.css\")\n"
                   "link(rel=\"stylesheet\" href=\"../../etc/passwd\")\n"
                   "section\n"
                   "  style p { zoom: 3 }\n"
                   "  h1 Hi\n");
  auto r = test::run_deckpdf("'" + dir + "/deck.pug' --check");
  CHECK(r.exit_code == 0);
  std::string deck = dir + "/deck.pug";
  CHECK(r.err ==
        deck +
            ":2:8: warning: deckpdf does not draw 'zoom'; it is ignored here and wherever the "
            "deck's CSS uses it [css.not-drawn]\n"
            " 2 |   h1 { zoom: 2; color: red; }\n"
            "   |        ^\n" +
            deck +
            ":3:7: warning: 'color: nope' is not a value deckpdf reads; it is ignored "
            "[css.bad-value]\n"
            " 3 |   p { color: nope; -webkit-font-smoothing: auto; }\n"
            "   |       ^\n" +
            dir +
            "/sub/a.css:1:1: warning: @import \"https://fonts.example/x.css\" is a remote "
            "stylesheet; deckpdf reads files inside the deck's folder only; it is ignored "
            "[css.remote]\n"
            " 1 | @import url(\"https://fonts.example/x.css\");\n"
            "   | ^\n" +
            dir +
            "/sub/a.css:2:6: warning: deckpdf does not draw 'filter'; it is ignored here and "
            "wherever the deck's CSS uses it [css.not-drawn]\n"
            " 2 | h2 { filter: blur(2px); cursor: pointer; --x: 1; zoom: 2; }\n"
            "   |      ^\n" +
            deck +
            ":5:1: warning: stylesheet 'http://example.com/r.css' is remote; deckpdf reads files "
            "inside the deck's folder only; it is ignored [css.remote]\n"
            " 5 | link(rel=\"stylesheet\" href=\"http://example.com/r.css\")\n"
            "   | ^\n" +
            deck +
            ":6:1: warning: stylesheet '../../etc/passwd' is not a file inside the deck's folder; "
            "it is ignored [css.link-refused]\n"
            " 6 | link(rel=\"stylesheet\" href=\"../../etc/passwd\")\n"
            "   | ^\n");
}

TEST_CASE("deck CSS: reveal.js's own stylesheets are skipped, its linked theme is used", "[cli]") {
  std::string dir = test::temp_dir() + "/deck-css-reveal";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/deck.pug",
                   "link(rel=\"stylesheet\" href=\"reveal.js/dist/reset.css\")\n"
                   "link(rel=\"stylesheet\" href=\"reveal.js/dist/reveal.css\")\n"
                   "link(rel=\"stylesheet\" href=\"reveal.js/dist/theme/moon.css\" id=\"theme\")\n"
                   "link(rel=\"stylesheet\" href=\"css/custom.css\")\n"
                   "section\n"
                   "  h2 Hi\n");
  auto r = test::run_deckpdf("'" + dir + "/deck.pug' --dump=layout");
  REQUIRE(r.exit_code == 0);
  CHECK(fill_of(r.out, "HI") == "#eee8d5");  // moon's headings
  CHECK(r.out.find("background #002b36") != std::string::npos);
  CHECK(r.err == dir + "/deck.pug:4:1: warning: stylesheet 'css/custom.css' is not there (" + dir +
                     "/css/custom.css); it is ignored [css.link-missing]\n" +
                     " 4 | link(rel=\"stylesheet\" href=\"css/custom.css\")\n" + "   | ^\n");
  // The front matter's theme or --theme still win.
  auto chosen = test::run_deckpdf("'" + dir + "/deck.pug' --dump=layout --theme white");
  CHECK(chosen.out.find("background #ffffff") != std::string::npos);
}

TEST_CASE("deck CSS weighs against the theme as in reveal.js: .reveal selectors", "[cli]") {
  std::string dir = test::temp_dir() + "/deck-css-reveal-selectors";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/deck.pug",
                   "style.\n"
                   "  h2 { color: #000001; }\n"
                   "  .reveal h3 { color: #000002; }\n"
                   "  .reveal .slides section p.w { color: #000003; }\n"
                   "  .reveal > .slides > section > h4 { color: #000004; }\n"
                   "  .reveal { font-size: 21px; }\n"
                   "section\n"
                   "  h2 theme\n"
                   "  h3 deck\n"
                   "  p.w wrapped\n"
                   "  h4 child\n"
                   "  p sized\n");
  auto r = test::run_deckpdf("'" + dir + "/deck.pug' --dump=layout");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  // The theme's `.reveal h2` (deckpdf's `h2`) beats the deck's `h2`.
  CHECK(fill_of(r.out, "THEME") == "#222222");
  CHECK(fill_of(r.out, "DECK") == "#000002");
  CHECK(fill_of(r.out, "wrapped") == "#000003");
  CHECK(fill_of(r.out, "CHILD") == "#000004");
  CHECK(r.out.find("size 21.00 fill #222222 \"sized\"") != std::string::npos);
}

TEST_CASE("deck CSS: a stylesheet that imports itself over and over stops at a budget", "[cli]") {
  std::string dir = test::temp_dir() + "/deck-css-bomb";
  std::filesystem::create_directories(dir);
  std::string css;
  for (int k = 0; k < 60; ++k) css += "@import \"bomb.css\";\n";
  css += "p { color: #000009; }\n" + std::string(20000, ' ') + "\n";
  test::write_file(dir + "/bomb.css", css);
  test::write_file(dir + "/deck.pug",
                   "link(rel=\"stylesheet\" href=\"bomb.css\")\nsection\n  p text\n");
  auto start = std::chrono::steady_clock::now();
  auto r = test::run_deckpdf("'" + dir + "/deck.pug' --dump=layout");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.exit_code == 0);
  CHECK(seconds < 20);
  CHECK(fill_of(r.out, "text") == "#000009");
  CHECK(r.err.find("the stylesheets read are past 16 MB") != std::string::npos);
}

TEST_CASE("deck CSS: reveal.js's theme variables set in :root restyle the theme", "[cli]") {
  std::string dir = test::temp_dir() + "/reveal-vars";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/deck.pug",
                   "---\ntheme: black\n---\n"
                   "style.\n"
                   "  :root {\n"
                   "    --r-heading-text-transform: none;\n"
                   "    --r-background-color: black;\n"
                   "    --r-main-font-size: 30px;\n"
                   "    --r-heading-color: #ffcc00;\n"
                   "    --r-link-color: var(--other);\n"
                   "  }\n"
                   "  h2 { color: #000001; }\n"
                   "section\n  h2 Mixed Case\n  p Body #[a(href='#x') link]\n");
  test::RunResult r = test::run_deckpdf("--dump=layout -o - '" + dir + "/deck.pug'");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("background #000000") != std::string::npos);  // not black's #191919
  // Not upper-cased, the variable's colour (a deck's `h2` loses to it, as it
  // loses to reveal.js's `.reveal h2` in a browser), 1.6em of 30px.
  CHECK(r.out.find("size 48.00 fill #ffcc00 \"Mixed Case\"") != std::string::npos);
  CHECK(r.out.find("size 30.00 fill #ffffff \"Body ") != std::string::npos);
  // A value made of another variable is left out: black's link colour.
  CHECK(fill_of(r.out, "link") == "#42affa");
  // Without the block, black's own look.
  test::write_file(dir + "/plain.pug", "---\ntheme: black\n---\nsection\n  h2 Mixed Case\n");
  test::RunResult plain = test::run_deckpdf("--dump=layout -o - '" + dir + "/plain.pug'");
  CHECK(plain.out.find("background #191919") != std::string::npos);
  CHECK(plain.out.find("fill #ffffff \"MIXED CASE\"") != std::string::npos);
}

TEST_CASE("deck CSS: a linked copy of a theme (css/black.css) names the theme", "[cli]") {
  std::string dir = test::temp_dir() + "/theme-copy";
  std::filesystem::create_directories(dir + "/css");
  // reveal.js 3 decks kept their theme beside them; the file may be gone.
  test::write_file(dir + "/gone.pug",
                   "link(rel='stylesheet' href='css/black.css')\nsection\n  h2 Dark\n");
  test::RunResult gone = test::run_deckpdf("--dump=layout -o - '" + dir + "/gone.pug'");
  INFO(gone.err);
  CHECK(gone.exit_code == 0);
  CHECK(gone.out.find("background #191919") != std::string::npos);
  CHECK(gone.err.find("stylesheet 'css/black.css' is not there") != std::string::npos);
  // There, it is read too: what it changes applies over the theme.
  test::write_file(dir + "/css/moon.min.css", ".reveal h2 { color: #000001; }\n");
  test::write_file(dir + "/there.pug",
                   "link(rel='stylesheet' href='css/moon.min.css?v=2')\nsection\n  h2 Moon\n");
  test::RunResult there = test::run_deckpdf("--dump=layout -o - '" + dir + "/there.pug'");
  CHECK(there.out.find("background #002b36") != std::string::npos);
  CHECK(fill_of(there.out, "MOON") == "#000001");
  // Another name is the deck's own CSS only.
  test::write_file(dir + "/css/custom.css", "h2 { color: #000002; }\n");
  test::write_file(dir + "/own.pug",
                   "link(rel='stylesheet' href='css/custom.css')\nsection\n  h2 Own\n");
  test::RunResult own = test::run_deckpdf("--dump=layout -o - '" + dir + "/own.pug'");
  CHECK(own.out.find("background #ffffff") != std::string::npos);
}
