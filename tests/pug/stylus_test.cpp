// tests/pug/stylus_test.cpp — the :stylus filter, and filters in a script. Each expected sheet is
// what the stylus package (0.64) writes for the same text, checked by hand
// with tools' node: `require('stylus').render(text)`; where it differs (it
// writes `black` as `#000`, quotes url()s, drops a /* */ comment into the
// value, adds -moz-/-o-/-webkit- copies of @keyframes), the note says so.
#include "pug/stylus.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "pug/coffee.h"
#include "pug/pug_helpers.h"
#include "support/paths.h"
#include "support/random.h"

using namespace deckpdf;
using V = std::vector<std::string>;

namespace {

// The sheet and the diagnostics ("code@line:col") of Stylus `text`.
struct Compiled {
  std::string css;
  V codes;
};

Compiled compile(const std::string& text) {
  Source src("t.styl", text);
  Diagnostics diags;
  std::vector<pug::StylusLine> lines;
  for (uint32_t l = 1; l <= src.line_count(); ++l) {
    lines.push_back({src.line_text(l), src.line_start(l)});
  }
  Compiled c{pug::stylus_to_css(lines, diags), {}};
  for (const Diagnostic& d : diags.items()) {
    LineCol lc = src.line_col(d.span.begin);
    c.codes.push_back(d.code + "@" + std::to_string(lc.line) + ":" + std::to_string(lc.col));
  }
  return c;
}

}  // namespace

TEST_CASE("stylus: nesting, &, root references, lists, variables, comments", "[pug]") {
  Compiled c = compile(
      "// Sheet\n"
      "$accent = #c0a5c0\n"
      "gap ?= 10px\n"
      "gap ?= 99px\n"
      "h1, h2,\n"
      "h3\n"
      "  color $accent  /* a comment */\n"
      "  margin gap 0\n"
      "  a\n"
      "    text-decoration none\n"
      "  padding: 1em;\n"
      "  @media print\n"
      "    color black\n"
      ".list\n"
      "  > li\n"
      "    margin-top 4px\n"
      "  + .list\n"
      "    border-top 1px solid\n"
      "  &.open, &:hover\n"
      "    color red\n"
      "  /.dark &\n"
      "    background url(http://example.com/x.png)\n");
  CHECK(c.codes.empty());
  CHECK(c.css ==
        "h1,\nh2,\nh3 {\n  color: #c0a5c0;\n  margin: 10px 0;\n  padding: 1em;\n}\n"
        "h1 a,\nh2 a,\nh3 a {\n  text-decoration: none;\n}\n"
        "@media print {\nh1,\nh2,\nh3 {\n  color: black;\n}\n}\n"
        ".list > li {\n  margin-top: 4px;\n}\n"
        ".list + .list {\n  border-top: 1px solid;\n}\n"
        ".list.open,\n.list:hover {\n  color: red;\n}\n"
        ".dark .list {\n  background: url(http://example.com/x.png);\n}\n");
}

TEST_CASE("stylus: @font-face, @keyframes, a CSS @import, custom properties", "[pug]") {
  Compiled c = compile(
      "@import 'print.css'\n"
      ":root\n"
      "  --r-main-font: Merriweather, serif\n"
      "@font-face\n"
      "  font-family Deck\n"
      "  src url(deck.woff)\n"
      "@keyframes pulse\n"
      "  from\n"
      "    opacity 0\n"
      "  to\n"
      "    opacity 1\n");
  CHECK(c.codes.empty());
  CHECK(c.css ==
        "@import 'print.css';\n"
        ":root {\n  --r-main-font: Merriweather, serif;\n}\n"
        "@font-face {\n  font-family: Deck;\n  src: url(deck.woff);\n}\n"
        "@keyframes pulse {\nfrom {\n  opacity: 0;\n}\nto {\n  opacity: 1;\n}\n}\n");
}

TEST_CASE("stylus: what is not evaluated is named and left out, the rest applies", "[pug]") {
  Compiled c = compile(
      "border-radius(n)\n"
      "  -webkit-border-radius n\n"
      ".a\n"
      "  border-radius(5px)\n"
      "  color red\n"
      "  if true\n"
      "    color blue\n"
      "  @extend .b\n"
      "{$sel}\n"
      "  color green\n"
      "@import 'mixins'\n"
      "width 10px\n");
  // A block's own lines are read before the blocks nested in it.
  CHECK(c.codes == V{"pug.stylus@11:1", "pug.stylus@12:1", "pug.stylus@1:1", "pug.stylus@4:3",
                     "pug.stylus@8:3", "pug.stylus@6:3", "pug.stylus@9:1"});
  CHECK(c.css == ".a {\n  color: red;\n}\n");
}

TEST_CASE("stylus: untrusted sheets stay bounded", "[pug]") {
  // Seventy levels of nesting: the lines past 64 are left out, once.
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += std::string(static_cast<size_t>(i) * 2, ' ') + ".x\n";
  deep += std::string(140, ' ') + "color red\n";
  Compiled d = compile(deep);
  CHECK(d.codes == V{"pug.stylus@65:129"});
  CHECK(d.css.empty());
  // Nested lists multiply: 2^20 selectors are capped at 4096 per rule.
  std::string wide;
  for (int i = 0; i < 20; ++i) wide += std::string(static_cast<size_t>(i) * 2, ' ') + "a, b\n";
  wide += std::string(40, ' ') + "color red\n";
  Compiled w = compile(wide);
  CHECK(!w.codes.empty());
  CHECK(w.css.size() < 200'000);
  // A variable that doubles itself stops growing at 64 KB.
  std::string doubling = "v = x\n";
  for (int i = 0; i < 40; ++i) doubling += "v = v v\n";
  doubling += "a\n  margin v\n";
  Compiled v = compile(doubling);
  CHECK(!v.codes.empty());
  CHECK(v.css.size() < 200'000);
}

TEST_CASE("stylus: generated sheets of its punctuation never fail or grow unbounded", "[pug]") {
  // Stylus's own characters, indentation and line ends in every order.
  const std::string alphabet = "ab.#&/{}():=?$@*,;'\"\\ \t\n\n  >+-%0mediaifor";
  test::Lcg rng{20261130};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    size_t size = rng.below(300);
    for (size_t k = 0; k < size; ++k) text += alphabet[rng.below(alphabet.size())];
    Compiled c = compile(text);
    INFO(text);
    CHECK(c.css.size() < 100'000);
  }
}

TEST_CASE("stylus: in a deck, inline and as a filtered include", "[pug]") {
  namespace fs = std::filesystem;
  std::string dir = test::temp_dir() + "/stylus";
  fs::create_directories(dir);
  test::write_file(dir + "/deck.styl", "h1\n  color #c0a5c0\n  > em\n    color red\n");
  test::write_file(dir + "/deck.pug",
                   "style\n  include:stylus deck.styl\nstyle\n  :stylus\n    p\n      margin 0\n"
                   "section\n  h1 Hi\n");
  test::PugResult r = test::pug_run(test::read_file(dir + "/deck.pug"), dir + "/deck.pug");
  INFO(r.printed());
  CHECK(r.codes().empty());
  CHECK(r.html ==
        "<style>h1 {\n  color: #c0a5c0;\n}\nh1 > em {\n  color: red;\n}\n</style>"
        "<style>p {\n  margin: 0;\n}\n</style><section><h1>Hi</h1></section>");
}

TEST_CASE("filters in a script are left out with a warning, elsewhere unknown is an error",
          "[pug]") {
  test::PugResult r = test::pug_run(
      "script\n  :coffee-script\n    Reveal.initialize\n      center: false\n"
      "section\n  :sass\n    h1\n      color: red\n");
  CHECK(r.codes() == V{"pug.script-filter@2:3", "pug.unknown-filter@6:3"});
  // CoffeeScript's Reveal.initialize options are kept, as the JavaScript call.
  CHECK(r.html ==
        "<script>Reveal.initialize({\n  center: false,\n});\n</script><section></section>");
}

TEST_CASE("coffee: Reveal.initialize's options as CoffeeScript writes an object", "[pug]") {
  std::vector<std::string_view> lines = {
      "room = /[?&]room=([^&#]*)/.exec(document.location.href)?[1]",
      "Reveal.initialize",
      "  center: no  # reveal.js centres by default",
      "",
      "  width: 1100",
      "  transition: 'none'",
      "  title: \"it's\"",
      "  plugins: [",
      "    RevealChalkboard",
      "  ].filter (x) -> x?",
      "  chalkboard:",
      "    theme: 'whiteboard'",
      "  margin: base * 2",
      "renderMathInElement document.body"};
  CHECK(pug::coffee_reveal_initialize(lines) ==
        "Reveal.initialize({\n  center: false,\n  width: 1100,\n  transition: 'none',\n"
        "  title: null,\n  plugins: null,\n  chalkboard: null,\n  margin: null,\n});\n");
  CHECK(pug::coffee_reveal_initialize({"Reveal.initialize(config)"}).empty());
  CHECK(pug::coffee_reveal_initialize({}).empty());
}
